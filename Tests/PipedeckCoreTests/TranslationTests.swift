import Foundation
import XCTest

@testable import PipedeckCore

/// Every text a person reads exists in English and in French: the text tables write both side by
/// side (`tr(english, french)`), and a text added in one language only fails here, named.
final class TranslationTests: XCTestCase {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    func testEveryTextHasFrench() {
        let missing = SourceTexts.untranslated(under: Self.sources)
        XCTAssert(
            missing.isEmpty,
            "\(missing.count) texts have no French:\n" + missing.map(\.description).joined(separator: "\n"))
    }

    func testTheCheckFindsATextInOneLanguage() {
        let source = """
            import PipedeckCore
            extension Strings {
                enum Activities {
                    static let logged = "activity logged"
                    static var kept: String { tr("kept", "gardée") }
                    static func count(_ n: Int) -> String { n == 1 ? "1 call" : "\\(n) calls" }
                    static func late(_ d: Int) -> String { "\\(d)d" }
                    static let mark = "—"
                }
            }
            public enum CallText {
                public static let title = tr("Calls", "Appels")
                public static let fields = ["id": tr("Id", "Id")]
                public static func ok(_ n: Int) -> String { tr("\\(n == 1 ? "one" : "many") calls", "appels") }
            }
            enum Elsewhere { static let key = "not a text table" }
            struct SomeCommand { static let configuration = CommandConfiguration(abstract: "Log a call.") }
            let binding = KeyBinding([.char("x")], .log, "log a call")
            """
        let found = SourceTexts.untranslated(in: source, file: "Sources/X/Activities.swift")
        XCTAssertEqual(
            found.map { "\($0.member):\($0.line):\($0.text)" },
            [
                "Strings.Activities.logged:4:activity logged", "Strings.Activities.count:6:1 call",
                "Strings.Activities.count:6:\\(n) calls", "Strings.Activities.late:7:\\(d)d",
                "configuration:17:Log a call.", "binding:18:log a call",
            ])
        XCTAssertTrue(found[0].description.contains("Sources/X/Activities.swift:4"))
        // In a key table's file every text counts, even outside a text table.
        let keys = SourceTexts.untranslated(in: source, file: "Sources/X/ActivityBindings.swift")
        XCTAssertTrue(keys.contains { $0.member == "Elsewhere.key" || $0.member == "key" }, "\(keys)")
    }

    func testFrenchTypography() {
        let t = Language.with(.french) { tr("x", "Supprimer « Devis » ? o/n : 35,5 % ; ok !") }
        XCTAssertEqual(
            t,
            "Supprimer «\u{A0}Devis\u{A0}»\u{202F}? o/n\u{A0}: 35,5\u{202F}% ; ok\u{202F}!".replacingOccurrences(
                of: " ;", with: "\u{202F};"))
        XCTAssertEqual(Language.with(.english) { tr("Delete “Quote”? y/n", "x") }, "Delete “Quote”? y/n")
        XCTAssertEqual(French.number("12500.5"), "12\u{202F}500,5")
        XCTAssertEqual(French.number("-1234567"), "-1\u{202F}234\u{202F}567")
        XCTAssertEqual(French.number("12500.50", grouped: false), "12500,50")
        XCTAssertEqual(French.number("950"), "950")
    }

    func testTheLanguageOfTheMomentIsScoped() {
        XCTAssertEqual(Language.current, .english)
        Language.with(.french) {
            XCTAssertEqual(Strings.deals(3), "3 affaires")
            XCTAssertEqual(Strings.percent(Percent.parse("35.5")!), "35,5\u{202F}%")
        }
        XCTAssertEqual(Strings.deals(3), "3 deals")
        XCTAssertEqual(Strings.percent(Percent.parse("35.5")!), "35.5%")
    }

    func testFrenchNumberFormatByDefault() {
        XCTAssertEqual(Language.french.defaultNumberLocale(environment: "C.UTF-8"), "fr_FR")
        XCTAssertEqual(Language.french.defaultNumberLocale(environment: nil), "fr_FR")
        XCTAssertEqual(Language.french.defaultNumberLocale(environment: "fr_CH.UTF-8"), "fr_CH.UTF-8")
        XCTAssertEqual(Language.english.defaultNumberLocale(environment: "de_DE.UTF-8"), "de_DE.UTF-8")
        XCTAssertNil(Language.english.defaultNumberLocale(environment: nil))
    }
}
