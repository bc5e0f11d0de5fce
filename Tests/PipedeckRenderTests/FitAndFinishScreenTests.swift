import PipedeckCore
import PipedeckUI
import XCTest

@testable import PipedeckRender

/// What the screen reads out, inside boxes and on the board.
enum ScreenText {
    /// The text inside the box drawn last (the innermost one: the one whose top-left corner is
    /// lowest on the screen), row by row, trimmed.
    static func box(_ grid: Grid) -> [String] {
        var corner: (x: Int, y: Int)? = nil
        for y in 0..<grid.height {
            for x in 0..<grid.width where grid[x, y].text == "╭" { corner = (x, y) }
        }
        guard let (x0, y0) = corner else { return [] }
        var x1 = x0 + 1
        while x1 < grid.width && grid[x1, y0].text != "╮" { x1 += 1 }
        var y1 = y0 + 1
        while y1 < grid.height && grid[x0, y1].text != "╰" { y1 += 1 }
        return (y0...min(y1, grid.height - 1)).map { y in
            var s = ""
            for x in (x0 + 1)..<x1 { s += grid[x, y].text }
            return s.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Lines joined with spaces, runs of spaces made one: a wrapped message reads whole again.
    static func joined(_ lines: [String]) -> String {
        lines.joined(separator: " ").split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static func render(_ s: AppState, locale: String = "C") -> Grid {
        BoardRenderer.render(s, options: RenderOptions(glyphs: .unicode, locale: locale)).grid
    }

    /// The text of column `c`'s cells on row `y` (the board's columns as the layout places them).
    static func column(_ s: AppState, _ grid: Grid, _ c: Int, row y: Int) -> String {
        let frames = s.screen.columnFrames(count: s.visibleColumnRange.count)
        let f = frames[c - s.visibleColumnRange.lowerBound]
        var t = ""
        for x in f.x..<(f.x + f.width) { t += grid[x, y].text }
        return t
    }
}

final class FitAndFinishScreenTests: XCTestCase {
    static let sizes = [(160, 45), (120, 40), (80, 24), (40, 12)]

    // MARK: Point 1

    func testTheValueFieldShowsWhatItWillSaveAndBothReadings() {
        for (w, h) in FitAndFinishScreenTests.sizes {
            var s = Fixture.state(width: w, height: h)
            Fixture.press(&s, .char("a"), .tab)
            for c in "12500,5" { Fixture.press(&s, .char(c)) }
            var text = ScreenText.joined(ScreenText.box(ScreenText.render(s)))
            XCTAssertTrue(text.contains("= €12,500.50"), "\(w)×\(h): \(text)")
            Fixture.press(&s, .ctrl("u"))
            for c in "12.500" { Fixture.press(&s, .char(c)) }
            text = ScreenText.joined(ScreenText.box(ScreenText.render(s)))
            XCTAssertTrue(
                text.contains("ambiguous: 12.50 or 12500? type 12.50 or 12500"), "\(w)×\(h): both readings: \(text)")
            XCTAssertFalse(text.contains("= €"), "\(w)×\(h): nothing is read while it is ambiguous")
            Fixture.press(&s, .ctrl("u"))
            for c in "9 900" { Fixture.press(&s, .char(c)) }
            Fixture.press(&s, .tab)
            text = ScreenText.joined(ScreenText.box(ScreenText.render(s)))
            if w >= 80 { XCTAssertTrue(text.contains("= €9,900.00"), "\(w)×\(h): beside the field: \(text)") }
        }
    }

    // MARK: Point 4

    func testALongFieldShowsItsStartOnceLeft() {
        let company = "Société Générale d'Équipements Côte-d'Azur et Provence"
        for (w, h) in FitAndFinishScreenTests.sizes {
            var s = Fixture.state(width: w, height: h)
            // Title, value, currency, stage, probability, then the company.
            Fixture.press(&s, .char("a"), .tab, .tab, .tab, .tab, .tab)
            for c in company { Fixture.press(&s, .char(c)) }
            var box = ScreenText.box(ScreenText.render(s))
            let focused = box.first { $0.hasPrefix("Company") } ?? ""
            XCTAssertTrue(
                focused.contains("…") && focused.hasSuffix("Provence"), "\(w)×\(h): typing shows the end: \(focused)")
            Fixture.press(&s, .tab)
            box = ScreenText.box(ScreenText.render(s))
            let left = box.first { $0.hasPrefix("Company") } ?? ""
            XCTAssertTrue(left.contains("Company         Société Gén"), "\(w)×\(h): the start once left: \(left)")
            XCTAssertTrue(left.hasSuffix("…"), "\(w)×\(h): cut with “…”: \(left)")
        }
    }

    func testTheCursorStaysInsideEveryField() {
        let long = String(repeating: "Relancer le directeur financier ", count: 4)
        for (w, h) in FitAndFinishScreenTests.sizes {
            var s = Fixture.state(width: w, height: h)
            Fixture.press(&s, .char("n"))
            for c in long { Fixture.press(&s, .char(c)) }
            let frame = BoardRenderer.render(s)
            let cursor = try! XCTUnwrap(frame.cursor)
            let row = frame.grid.rows()[cursor.y]
            XCTAssertTrue(row.contains("…"), "\(w)×\(h): the hidden start is marked: \(row)")
            XCTAssertEqual(frame.grid[cursor.x - 2, cursor.y].text, "r", "\(w)×\(h): the cursor follows the text")
            var x = cursor.x
            while x < w && frame.grid[x, cursor.y].text != "│" { x += 1 }
            XCTAssertLessThan(x, w, "\(w)×\(h): the cursor is inside the box: \(row)")
        }
    }

    // MARK: Point 6

    func board(locale: String?) -> Board {
        var b = Fixture.demo
        b.settings.locale = locale
        b.deals[b.dealIndex("d01lea")!].value = Money(cents: 1_250_050)
        b.deals[b.dealIndex("d02lea")!].activities.removeAll { !$0.done }
        return b
    }

    func testCardsKeepTheProbabilityAndShortenTheNextStep() {
        for (w, h) in FitAndFinishScreenTests.sizes where w >= 80 {
            for (locale, amount) in [(nil, "€12,500.50"), ("fr", "12\u{202F}500,50 €")] {
                let s = Fixture.state(board(locale: locale), width: w, height: h)
                let rows = ScreenText.render(s).rows()
                let first = rows.first { $0.contains(amount) } ?? ""
                XCTAssertTrue(
                    first.contains(amount + " · 10%"), "\(w)×\(h): the full amount and the probability: \(first)")
                let plain = locale == nil ? "€18,000 · 10%" : "18\u{202F}000 € · 10%"
                let second = rows.first { $0.contains(plain.prefix(7)) } ?? ""
                XCTAssertTrue(second.contains(plain), "\(w)×\(h) \(locale ?? "en"): \(second)")
            }
        }
    }

    // MARK: Points 7 and 8

    func testEveryHeaderKeepsItsStaleCountAndSaysEveryCurrency() {
        for (w, h) in FitAndFinishScreenTests.sizes {
            for c in Fixture.demo.stages.indices {
                var s = Fixture.state(width: w, height: h)
                while s.focusedStage < c { Fixture.press(&s, .char("l")) }
                let grid = ScreenText.render(s)
                let stage = s.board.stages[c]
                let stale = s.board.deals.filter {
                    $0.stage == stage.id && $0.status == .open && s.board.isStale($0, stage: stage, today: s.today)
                }.count
                let header = ScreenText.column(s, grid, c, row: s.screen.headerTop + 1)
                let both = ScreenText.column(s, grid, c, row: s.screen.headerTop) + header
                if stale > 0 {
                    XCTAssertTrue(both.contains("◷\(stale)"), "\(w)×\(h) \(stage.name): “◷\(stale)” in “\(both)”")
                } else {
                    XCTAssertFalse(both.contains("◷"), "\(w)×\(h) \(stage.name): \(both)")
                }
                let count = s.summary.stages[c].figures.count
                XCTAssertTrue(header.hasPrefix(" \(count)"), "\(w)×\(h) \(stage.name): the count first: \(header)")
                let currencies = s.summary.stages[c].figures.total.currencies(primary: "EUR")
                if header.contains("€") || header.contains("$") {
                    for cur in currencies {
                        let symbol = cur == "USD" ? "$" : "€"
                        XCTAssertTrue(
                            header.contains(symbol), "\(w)×\(h) \(stage.name): a \(cur) deal is counted: \(header)")
                    }
                }
            }
        }
        let wide = Fixture.state(width: 160, height: 45)
        let header = ScreenText.column(wide, ScreenText.render(wide), 3, row: 2)
        XCTAssertTrue(header.contains("€92.3k") && header.contains("$20k"), header)
    }

    // MARK: Point 11

    func testTheStagesScreenCountsAsTheBoardDoesAndLostApart() {
        for (w, h) in FitAndFinishScreenTests.sizes {
            var s = Fixture.state(width: w, height: h)
            Fixture.press(&s, .char("S"))
            let box = ScreenText.box(ScreenText.render(s))
            let header = box.first { $0.hasPrefix("#") } ?? ""
            XCTAssertTrue(header.hasSuffix("deals lost"), "\(w)×\(h): \(header)")
            for (i, stage) in s.board.stages.enumerated() {
                guard let line = box.first(where: { $0.hasPrefix("\(i + 1) ") }) else {
                    XCTAssertLessThan(h, 24, "\(w)×\(h): \(stage.name) is listed")
                    continue
                }
                let counted = s.summary.stages[i].figures.count
                let lost = s.board.deals.filter { $0.stage == stage.id && $0.status == .lost }.count
                let cells = line.split(separator: " ").suffix(2).map(String.init)
                XCTAssertEqual(cells, ["\(counted)", "\(lost)"], "\(w)×\(h) \(stage.name): \(line)")
            }
            if h >= 24 {
                XCTAssertTrue(
                    ScreenText.joined(box).contains(RenderText.stagesCountsExplained), "\(w)×\(h): says which deals")
            }
        }
    }
}
