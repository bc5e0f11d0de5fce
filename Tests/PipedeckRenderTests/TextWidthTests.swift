import PipedeckRender
import XCTest

final class TextWidthTests: XCTestCase {

    func testWidthOfSingleGraphemes() {
        XCTAssertEqual(TextWidth.width("a" as Character), 1)
        XCTAssertEqual(TextWidth.width("~" as Character), 1)
        XCTAssertEqual(TextWidth.width("日" as Character), 2)
        XCTAssertEqual(TextWidth.width("\u{E9}" as Character), 1) // é precomposed
        XCTAssertEqual(TextWidth.width("e\u{301}" as Character), 1) // é decomposed
        XCTAssertEqual(TextWidth.width("€" as Character), 1)
        XCTAssertEqual(TextWidth.width("\u{301}" as Character), 0) // combining acute alone
        XCTAssertEqual(TextWidth.width("\u{200D}" as Character), 0) // ZWJ
        XCTAssertEqual(TextWidth.width("\u{200B}" as Character), 0) // zero-width space
        XCTAssertEqual(TextWidth.width("\u{FE0F}" as Character), 0) // variation selector alone
        XCTAssertEqual(TextWidth.width("😀" as Character), 2)
        XCTAssertEqual(TextWidth.width("👍🏽" as Character), 2)
        XCTAssertEqual(TextWidth.width("👨‍👩‍👧" as Character), 2)
        XCTAssertEqual(TextWidth.width("🇯🇵" as Character), 2) // flag
        XCTAssertEqual(TextWidth.width("\u{2764}" as Character), 1) // ❤ text default
        XCTAssertEqual(TextWidth.width("\u{2764}\u{FE0F}" as Character), 2) // ❤️ emoji presentation
        XCTAssertEqual(TextWidth.width("한" as Character), 2)
        XCTAssertEqual(TextWidth.width("Ａ" as Character), 2) // fullwidth A
        XCTAssertEqual(TextWidth.width("ｱ" as Character), 1) // halfwidth katakana
        XCTAssertEqual(TextWidth.width("…" as Character), 1)
        XCTAssertEqual(TextWidth.width("─" as Character), 1)
        XCTAssertEqual(TextWidth.width("▲" as Character), 1)
    }

    /// Values glibc's wcwidth gives in C.UTF-8 (written out by hand, not
    /// computed), one scalar at a time.
    func testScalarWidthsAgreeWithGlibc() {
        let expected: [(UInt32, Int)] = [
            (0x41, 1), (0xE9, 1), (0xAD, 1), (0x20AC, 1), (0x301, 0), (0x200B, 0), (0x200D, 0),
            (0xFE0F, 0), (0xE0100, 0), (0x1160, 0), (0x0600, 1), (0x2026, 1), (0x2500, 1),
            (0x1100, 2), (0x3000, 2), (0x303F, 1), (0x3041, 2), (0x3250, 2), (0x4E00, 2),
            (0x65E5, 2), (0xA4C6, 2), (0xAC00, 2), (0xFF01, 2), (0xFF61, 1), (0xFFE0, 2),
            (0x1F1E6, 1), (0x231A, 2), (0x2764, 1), (0x1F240, 2), (0x1F600, 2), (0x1F93B, 1),
            (0x1F46A, 2), (0x20000, 2), (0x30000, 2),
        ]
        for (v, w) in expected {
            let s = Unicode.Scalar(v)!
            XCTAssertEqual(TextWidth.scalarWidth(s), w, "U+\(String(v, radix: 16, uppercase: true))")
            XCTAssertEqual(TextWidth.width(Character(s)), w, "U+\(String(v, radix: 16, uppercase: true))")
        }
    }

    func testWidthOfStrings() {
        XCTAssertEqual(TextWidth.width(""), 0)
        XCTAssertEqual(TextWidth.width("Acme Corp"), 9)
        XCTAssertEqual(TextWidth.width("日本語テキスト"), 14)
        XCTAssertEqual(TextWidth.width("Cre\u{300}me bru\u{302}le\u{301}e"), 12)
        XCTAssertEqual(TextWidth.width("€1,200 😀"), 9)
        XCTAssertEqual(TextWidth.width("a\u{200B}b"), 2)
    }

    func testControlCharactersMeasureAsTheirPlaceholders() {
        for s in ["\u{1B}[31mred", "a\tb\r\nc", "\u{7F}\u{85}", "x\u{202E}y\u{2066}z", "\u{1B}\u{301}"] {
            XCTAssertEqual(TextWidth.width(s), TextWidth.width(TextWidth.sanitize(s)), s.debugDescription)
        }
        XCTAssertEqual(TextWidth.width("\u{1B}" as Character), 1)
        XCTAssertEqual(TextWidth.width("\r\n" as Character), 2)
    }

    func testTruncateASCII() {
        XCTAssertEqual(TextWidth.truncate("Hello, world", to: 5), "Hell…")
        XCTAssertEqual(TextWidth.truncate("Hello, world", to: 5, ellipsis: "~"), "Hell~")
        XCTAssertEqual(TextWidth.truncate("Hello", to: 5), "Hello")
        XCTAssertEqual(TextWidth.truncate("Hello", to: 50), "Hello")
        XCTAssertEqual(TextWidth.truncate("Hello", to: 1), "…")
        XCTAssertEqual(TextWidth.truncate("Hello", to: 0), "")
        XCTAssertEqual(TextWidth.truncate("Hello", to: -4), "")
        XCTAssertEqual(TextWidth.truncate("", to: 3), "")
        // An ellipsis wider than the room: cut without one.
        XCTAssertEqual(TextWidth.truncate("abcdef", to: 2, ellipsis: "..."), "ab")
        XCTAssertEqual(TextWidth.truncate("abcdef", to: 4, ellipsis: "..."), "a...")
    }

    func testTruncateAccented() {
        XCTAssertEqual(TextWidth.truncate("Crème brûlée", to: 7), "Crème …")
        XCTAssertEqual(TextWidth.truncate("Cre\u{300}me bru\u{302}le\u{301}e", to: 7), "Cre\u{300}me …")
        XCTAssertEqual(TextWidth.truncate("Cre\u{300}me bru\u{302}le\u{301}e", to: 4), "Cre\u{300}…")
        XCTAssertEqual(
            TextWidth.truncate("Cre\u{300}me bru\u{302}le\u{301}e", to: 12), "Cre\u{300}me bru\u{302}le\u{301}e")
    }

    func testTruncateWideNeverSplitsACharacter() {
        XCTAssertEqual(TextWidth.truncate("コンピ", to: 5), "コン…") // 4 + 1
        XCTAssertEqual(TextWidth.truncate("コンピ", to: 4), "コ…") // 2 + 1, one cell short
        XCTAssertEqual(TextWidth.truncate("コンピ", to: 6), "コンピ")
        XCTAssertEqual(TextWidth.truncate("コンピ", to: 2), "…") // "コ" + "…" would be 3
        XCTAssertEqual(TextWidth.truncate("日本語テキスト", to: 7), "日本語…")
        XCTAssertEqual(TextWidth.truncate("日本語テキスト", to: 8), "日本語…")
        XCTAssertEqual(TextWidth.truncate("日本語テキスト", to: 9), "日本語テ…")
        XCTAssertEqual(TextWidth.truncate("日本語テキスト", to: 13), "日本語テキス…")
        XCTAssertEqual(TextWidth.truncate("日本語テキスト", to: 14), "日本語テキスト")
        XCTAssertEqual(TextWidth.truncate("日本語テキスト", to: 3, ellipsis: "~"), "日~")
        XCTAssertEqual(TextWidth.truncate("a😀b", to: 2), "a…")
        for w in 0...16 {
            let t = TextWidth.truncate("日本語テキスト", to: w)
            XCTAssertLessThanOrEqual(TextWidth.width(t), max(w, 0))
            XCTAssertGreaterThanOrEqual(TextWidth.width(t), max(min(w, 14) - 1, 0))
        }
    }

    func testFit() {
        XCTAssertEqual(TextWidth.fit("ab", to: 5), "ab   ")
        XCTAssertEqual(TextWidth.fit("ab", to: 5, align: .right), "   ab")
        XCTAssertEqual(TextWidth.fit("ab", to: 5, align: .center), " ab  ")
        XCTAssertEqual(TextWidth.fit("Hello, world", to: 5), "Hell…")
        XCTAssertEqual(TextWidth.fit("コンピ", to: 4), "コ… ")
        XCTAssertEqual(TextWidth.fit("コンピ", to: 4, align: .right), " コ…")
        XCTAssertEqual(TextWidth.fit("日本語テキスト", to: 8), "日本語… ")
        XCTAssertEqual(TextWidth.fit("日", to: 5, align: .center), " 日  ")
        XCTAssertEqual(TextWidth.fit("x", to: 0), "")
        for w in 1...15 {
            for align in [Alignment.left, .right, .center] {
                XCTAssertEqual(TextWidth.width(TextWidth.fit("日本語テキスト", to: w, align: align)), w)
            }
        }
    }

    func testSanitize() {
        XCTAssertEqual(TextWidth.sanitize("\u{1B}[31mred"), "␛[31mred")
        XCTAssertEqual(TextWidth.sanitize("a\tb\nc\r\n"), "a␉b␊c␍␊")
        XCTAssertEqual(TextWidth.sanitize("\u{0}\u{7}\u{1F}"), "␀␇␟")
        XCTAssertEqual(TextWidth.sanitize("del\u{7F}"), "del␡")
        XCTAssertEqual(TextWidth.sanitize("c1\u{85}\u{9B}"), "c1\u{FFFD}\u{FFFD}")
        XCTAssertEqual(TextWidth.sanitize("\u{202E}evil\u{202C}"), "\u{FFFD}evil\u{FFFD}")
        XCTAssertEqual(TextWidth.sanitize("\u{2066}x\u{2069}"), "\u{FFFD}x\u{FFFD}")
        XCTAssertEqual(TextWidth.sanitize("日本 é €5 😀 e\u{301}"), "日本 é €5 😀 e\u{301}")
        XCTAssertEqual(TextWidth.sanitize(""), "")
    }
}
