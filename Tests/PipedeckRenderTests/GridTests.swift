import PipedeckRender
import XCTest

final class GridTests: XCTestCase {

    /// Every wide lead is followed by a continuation, every continuation
    /// follows a wide lead, and each row reads back at exactly `width` cells.
    private func assertConsistent(_ g: Grid, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(g.cells.count, g.width * g.height, file: file, line: line)
        for y in 0..<g.height {
            var x = 0
            while x < g.width {
                let c = g[x, y]
                switch c.width {
                case 1:
                    XCTAssertEqual(
                        TextWidth.width(c.text), 1, "cell \(x),\(y) \(c.text.debugDescription)", file: file, line: line)
                    x += 1
                case 2:
                    XCTAssertEqual(TextWidth.width(c.text), 2, "cell \(x),\(y)", file: file, line: line)
                    XCTAssertLessThan(x + 1, g.width, "wide lead in last column, row \(y)", file: file, line: line)
                    XCTAssertEqual(g[x + 1, y].width, 0, "no continuation after \(x),\(y)", file: file, line: line)
                    XCTAssertEqual(g[x + 1, y].text, "", file: file, line: line)
                    x += 2
                default:
                    XCTFail("orphan continuation at \(x),\(y)", file: file, line: line)
                    x += 1
                }
            }
        }
        for (y, row) in g.rows().enumerated() {
            XCTAssertEqual(TextWidth.width(row), g.width, "row \(y): \(row.debugDescription)", file: file, line: line)
        }
    }

    private func letter(_ r: StyleRole) -> Character {
        switch r {
        case .normal: return "."
        case .placeholder: return "p"
        case .card: return "c"
        case .cardTitle: return "t"
        case .tag: return "g"
        case .money: return "$"
        default: return "?"
        }
    }

    func testInitAndSubscript() {
        let g = Grid(width: 4, height: 2, role: .card)
        XCTAssertEqual(g.width, 4)
        XCTAssertEqual(g.height, 2)
        XCTAssertEqual(g.cells.count, 8)
        XCTAssertEqual(g[3, 1], Cell(text: " ", width: 1, role: .card))
        XCTAssertEqual(g[4, 0], .blank)
        XCTAssertEqual(g[-1, 0], .blank)
        XCTAssertEqual(g[0, 2], .blank)
        XCTAssertEqual(g.rows(), ["    ", "    "])
        XCTAssertEqual(Cell.blank, Cell(text: " ", width: 1, role: .normal))

        let empty = Grid(width: -3, height: 5)
        XCTAssertEqual(empty.width, 0)
        XCTAssertEqual(empty.cells.count, 0)
        XCTAssertEqual(empty.rows(), ["", "", "", "", ""])
        XCTAssertEqual(Grid(width: 3, height: -1).rows(), [])
    }

    func testPutASCII() {
        var g = Grid(width: 10, height: 2)
        XCTAssertEqual(g.put("hello", x: 2, y: 0, role: .card), 7)
        XCTAssertEqual(g.put("abcdef", x: 1, y: 1, role: .money, maxWidth: 3), 4)
        XCTAssertEqual(g.rows(), ["  hello   ", " abc      "])
        XCTAssertEqual(g.roles(row: 0, letter), "..ccccc...")
        XCTAssertEqual(g.roles(row: 1, letter), ".$$$......")
        XCTAssertEqual(g.roles(row: 2, letter), "")
        // Right edge.
        XCTAssertEqual(g.put("0123456789", x: 7, y: 0, role: .tag), 10)
        XCTAssertEqual(g.rows()[0], "  hello012")
        XCTAssertEqual(g.roles(row: 0, letter), "..cccccggg")
        // Left edge: a negative x clips the start.
        XCTAssertEqual(g.put("WXYZ", x: -2, y: 1, role: .card), 2)
        XCTAssertEqual(g.rows()[1], "YZbc      ")
        // No-ops.
        let before = g
        XCTAssertEqual(g.put("zzz", x: 10, y: 0, role: .card), 10)
        XCTAssertEqual(g.put("zzz", x: 0, y: 2, role: .card), 0)
        XCTAssertEqual(g.put("zzz", x: 0, y: -1, role: .card), 0)
        XCTAssertEqual(g.put("zzz", x: 3, y: 0, role: .card, maxWidth: 0), 3)
        XCTAssertEqual(g.put("", x: 3, y: 0, role: .card), 3)
        XCTAssertEqual(g.put("abc", x: -5, y: 0, role: .card), -2)
        XCTAssertEqual(g, before)
        assertConsistent(g)
    }

    func testPutChainsFromReturnedColumn() {
        var g = Grid(width: 12, height: 1)
        var x = g.put("日本", x: 0, y: 0, role: .cardTitle)
        x = g.put(" $5", x: x, y: 0, role: .money)
        x = g.put("é", x: x, y: 0, role: .tag)
        XCTAssertEqual(x, 8)
        XCTAssertEqual(g.rows(), ["日本 $5é    "])
        XCTAssertEqual(g.roles(row: 0, letter), "tttt$$$g....")
        assertConsistent(g)
    }

    func testPutWideCharacterClippedAtRightEdge() {
        var g = Grid(width: 5, height: 1)
        XCTAssertEqual(g.put("日本語", x: 0, y: 0, role: .card), 5)
        XCTAssertEqual(g.rows(), ["日本 "])
        XCTAssertEqual(g[0, 0], Cell(text: "日", width: 2, role: .card))
        XCTAssertEqual(g[1, 0], Cell(text: "", width: 0, role: .card))
        XCTAssertEqual(g[2, 0], Cell(text: "本", width: 2, role: .card))
        XCTAssertEqual(g[3, 0], Cell(text: "", width: 0, role: .card))
        XCTAssertEqual(g[4, 0], Cell(text: " ", width: 1, role: .card))
        assertConsistent(g)

        // The same through maxWidth, in the middle of a row.
        var h = Grid(width: 10, height: 1)
        h.put("----------", x: 0, y: 0, role: .normal)
        XCTAssertEqual(h.put("日本", x: 2, y: 0, role: .tag, maxWidth: 3), 5)
        XCTAssertEqual(h.rows(), ["--日 -----"])
        XCTAssertEqual(h.roles(row: 0, letter), "..ggg.....")
        assertConsistent(h)

        // An emoji in the last column.
        var e = Grid(width: 4, height: 1)
        XCTAssertEqual(e.put("abc😀", x: 0, y: 0, role: .card), 4)
        XCTAssertEqual(e.rows(), ["abc "])
        assertConsistent(e)

        // Only the right half visible at the left edge.
        var l = Grid(width: 4, height: 1)
        XCTAssertEqual(l.put("日本", x: -1, y: 0, role: .card), 3)
        XCTAssertEqual(l.rows(), [" 本 "])
        XCTAssertEqual(l[0, 0], Cell(text: " ", width: 1, role: .card))
        assertConsistent(l)
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var g = Grid(width: 6, height: 1)
        g.put("日本語", x: 0, y: 0, role: .cardTitle)
        XCTAssertEqual(g.rows(), ["日本語"])

        // Over the right half of 日.
        XCTAssertEqual(g.put("x", x: 1, y: 0, role: .tag), 2)
        XCTAssertEqual(g.rows(), [" x本語"])
        XCTAssertEqual(g[0, 0], Cell(text: " ", width: 1, role: .cardTitle))
        assertConsistent(g)

        // Over the left half of 本.
        XCTAssertEqual(g.put("y", x: 2, y: 0, role: .tag), 3)
        XCTAssertEqual(g.rows(), [" xy 語"])
        XCTAssertEqual(g[3, 0], Cell(text: " ", width: 1, role: .cardTitle))
        XCTAssertEqual(g.roles(row: 0, letter), "tggttt")
        assertConsistent(g)

        // A wide character straddling two wide characters.
        var h = Grid(width: 6, height: 1)
        h.put("日本語", x: 0, y: 0, role: .card)
        XCTAssertEqual(h.put("中", x: 1, y: 0, role: .tag), 3)
        XCTAssertEqual(h.rows(), [" 中 語"])
        assertConsistent(h)

        // Fill and a placeholder over halves too.
        var f = Grid(width: 6, height: 2)
        f.put("日本語", x: 0, y: 0, role: .card)
        f.put("日本語", x: 0, y: 1, role: .card)
        f.fill(x: 1, y: 0, width: 2, height: 2, role: .money, text: "=")
        XCTAssertEqual(f.rows(), [" == 語", " == 語"])
        assertConsistent(f)
        f.put("\u{1B}", x: 5, y: 0, role: .card)
        XCTAssertEqual(f.rows(), [" ==  ␛", " == 語"])
        assertConsistent(f)
    }

    func testPutSanitisesControlCharacters() {
        var g = Grid(width: 12, height: 1)
        XCTAssertEqual(g.put("\u{1B}[31mred", x: 0, y: 0, role: .card), 8)
        XCTAssertEqual(g.rows(), ["␛[31mred    "])
        XCTAssertEqual(g.roles(row: 0, letter), "pccccccc....")
        g.put("a\tb\r\n\u{202E}", x: 0, y: 0, role: .tag)
        XCTAssertEqual(g.rows(), ["a␉b␍␊\u{FFFD}ed    "])
        XCTAssertEqual(g.roles(row: 0, letter), "gpgpppcc....")
        assertConsistent(g)
        // Clipped placeholders.
        XCTAssertEqual(g.put("\r\n", x: 11, y: 0, role: .tag), 12)
        XCTAssertEqual(g.rows(), ["a␉b␍␊\u{FFFD}ed   ␍"])
    }

    func testZeroWidthGraphemesAreKeptWithTheirBase() {
        var g = Grid(width: 6, height: 1)
        XCTAssertEqual(g.put("\u{301}e\u{301}👍🏽\u{200B}x", x: 0, y: 0, role: .card), 4)
        XCTAssertEqual(g[0, 0].text, "e\u{301}")
        XCTAssertEqual(g[1, 0].text, "👍🏽")
        XCTAssertEqual(g[3, 0].text, "x")
        XCTAssertEqual(g.rows(), ["e\u{301}👍🏽x  "])
        assertConsistent(g)
    }

    func testFill() {
        var g = Grid(width: 5, height: 3)
        g.fill(x: 1, y: 1, width: 10, height: 10, role: .card)
        XCTAssertEqual(g.roles(row: 0, letter), ".....")
        XCTAssertEqual(g.roles(row: 1, letter), ".cccc")
        XCTAssertEqual(g.roles(row: 2, letter), ".cccc")
        g.fill(x: -2, y: 0, width: 4, height: 1, role: .tag, text: "─")
        XCTAssertEqual(g.rows(), ["──   ", "     ", "     "])
        g.fill(x: 0, y: 2, width: 5, height: 1, role: .money, text: "日")
        XCTAssertEqual(g.rows()[2], "日日 ")
        XCTAssertEqual(g.roles(row: 2, letter), "$$$$$")
        g.fill(x: 0, y: 1, width: 3, height: 1, role: .tag, text: "\t")
        XCTAssertEqual(g.rows()[1], "␉␉␉  ")
        let before = g
        g.fill(x: 0, y: 0, width: 0, height: 3, role: .tag)
        g.fill(x: 5, y: 0, width: 3, height: 3, role: .tag)
        g.fill(x: 0, y: 3, width: 3, height: 3, role: .tag)
        g.fill(x: 0, y: 0, width: Int.max, height: -1, role: .tag)
        XCTAssertEqual(g, before)
        g.fill(x: 0, y: 0, width: Int.max, height: Int.max, role: .normal)
        XCTAssertEqual(g, Grid(width: 5, height: 3))
        assertConsistent(g)
    }

    func testSetRoleKeepsTextAndWholeWideCharacters() {
        var g = Grid(width: 8, height: 1)
        g.put("ab日本cd", x: 0, y: 0, role: .card)
        g.setRole(x: 1, y: 0, width: 2, role: .tag) // b and the left half of 日
        XCTAssertEqual(g.rows(), ["ab日本cd"])
        XCTAssertEqual(g.roles(row: 0, letter), "cgggcccc")
        g.setRole(x: 5, y: 0, width: 10, role: .money) // right half of 本 onwards
        XCTAssertEqual(g.roles(row: 0, letter), "cggg$$$$")
        g.setRole(x: -3, y: 0, width: 4, role: .normal)
        XCTAssertEqual(g.roles(row: 0, letter), ".ggg$$$$")
        let before = g
        g.setRole(x: 0, y: 1, width: 4, role: .normal)
        g.setRole(x: 0, y: 0, width: 0, role: .normal)
        g.setRole(x: 8, y: 0, width: 4, role: .normal)
        XCTAssertEqual(g, before)
        assertConsistent(g)
    }

    /// Many writes of mixed text at assorted positions: the grid must stay
    /// consistent and every row must read back at exactly `width` cells.
    func testRowsKeepTheirWidthUnderRandomWrites() {
        let pieces = [
            "a", "Z", " ", "Acme", "日", "本", "テキスト", "😀", "👍🏽", "👨‍👩‍👧", "🇯🇵", "e\u{301}",
            "\u{301}", "\u{E9}", "€", "한", "\u{1B}", "\t", "\u{2764}\u{FE0F}", "\u{2764}", "ｱ", "Ａ",
            "\u{200D}", "…", "─", "\u{FE0F}", "\r\n", "\u{202E}", "\u{7F}", "\u{85}", "\u{200B}",
        ]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let roles = StyleRole.allCases
        for round in 0..<300 {
            let width = 1 + next(24)
            var g = Grid(width: width, height: 3)
            for _ in 0..<12 {
                var s = ""
                for _ in 0..<next(10) { s += pieces[next(pieces.count)] }
                let x = next(width + 6) - 3
                let y = next(4)
                let role = roles[next(roles.count)]
                switch next(6) {
                case 0:
                    g.fill(
                        x: x, y: y, width: next(width + 2), height: 1 + next(2), role: role,
                        text: pieces[next(pieces.count)])
                case 1:
                    g.setRole(x: x, y: y, width: next(width + 2), role: role)
                default:
                    let maxWidth: Int? = next(3) == 0 ? next(8) : nil
                    let end = g.put(s, x: x, y: y, role: role, maxWidth: maxWidth)
                    if y >= 0 && y < 3 && x < width && (maxWidth ?? 1) > 0 {
                        XCTAssertLessThanOrEqual(end, width)
                        XCTAssertLessThanOrEqual(
                            end, x + TextWidth.width(s) + 1, "round \(round) \(s.debugDescription)")
                    }
                }
                assertConsistent(g)
                if testRun?.failureCount ?? 0 > 0 { return }
            }
        }
    }

    func testPutCostForAFullScreen() {
        // Not a benchmark, just a guard against something quadratic: a
        // 250x80 board of mixed text, many times over.
        let line = "Acme Corp — €12,500 · 日本語 café 😀 next: call Tue"
        var g = Grid(width: 250, height: 80)
        let start = Date()
        for _ in 0..<20 {
            g = Grid(width: 250, height: 80)
            for y in 0..<80 {
                var x = 0
                while x < 250 { x = g.put(line, x: x, y: y, role: .card, maxWidth: 40) + 1 }
            }
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 20.0)
        assertConsistent(g)
    }
}
