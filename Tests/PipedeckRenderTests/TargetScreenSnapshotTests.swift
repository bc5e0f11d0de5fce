import PipedeckCore
import XCTest

@testable import PipedeckRender
@testable import PipedeckUI

/// Issue 17 on screen: the footer against a target, totals converted at a rate, the targets
/// screen, the board switcher, the Lost column and close dates on cards.
final class TargetScreenSnapshotTests: XCTestCase {
    static let november = Period(kind: .month, year: 2026, number: 11)

    /// The demo with a team target for November, one for Julien Dubois, and a rate for USD.
    static var board: Board {
        var b = Fixture.demo
        b.settings.targets = [
            SalesTarget(period: november, amount: Money(units: 80_000)),
            SalesTarget(period: november, owner: "Julien Dubois", amount: Money(units: 30_000)),
        ]
        b.settings.rates = [ExchangeRate(currency: "USD", rate: Rate.parse("0.92")!, date: Fixture.today)]
        return b
    }

    func testTheFooterShowsTheMonthAgainstItsTargetAtEverySize() {
        for (w, h) in [(160, 45), (120, 40), (80, 24), (40, 12)] {
            let s = Fixture.state(TargetScreenSnapshotTests.board, width: w, height: h)
            let rows = Fixture.rows(s)
            assertSnapshot(rows, named: "targets-board-\(w)x\(h)")
            let footer = rows[s.screen.footerRow]
            // The narrowest footer keeps the percentage; the target's amount is on the targets screen.
            if w > 40 { XCTAssertTrue(footer.contains("€80"), "\(w)×\(h): the target is shown: \(footer)") }
            XCTAssertTrue(footer.contains("41 %"), "\(w)×\(h): €33,000 of €80,000: \(footer)")
        }
        // The USD deal counts converted: €504,600 + $20,000 × 0.92 = €523,000, marked ≈.
        let wide = Fixture.rows(Fixture.state(TargetScreenSnapshotTests.board, width: 160, height: 45))[43]
        XCTAssertTrue(wide.contains("Value ≈€523,000"), wide)
        XCTAssertFalse(wide.contains("USD"), "no currency stays apart: \(wide)")
    }

    /// At 40 columns with six-figure amounts the percentage still shows (it was cut after the
    /// target's amount).
    func testTheNarrowFooterKeepsThePercentageWithLargeAmounts() {
        var b = TargetScreenSnapshotTests.board
        b.settings.targets = [SalesTarget(period: b.settings.targets[0].period, amount: Money(units: 120_000))]
        let s = Fixture.state(b, width: 40, height: 12)
        let footer = Fixture.rows(s)[s.screen.footerRow]
        XCTAssertTrue(footer.contains("27 %"), "€33,000 of €120,000 at 40 columns: \(footer)")
        XCTAssertFalse(footer.contains("…"), footer)
    }

    func testHeadersCountConvertedDealsWithTheirValue() {
        let s = Fixture.state(TargetScreenSnapshotTests.board, width: 160, height: 45)
        let rows = Fixture.rows(s)
        // Proposal: three deals in EUR (€92,300) and $20,000 at 0.92: €110,700.
        XCTAssertTrue(rows[2].contains("4 deals  ≈€111k"), rows[2])
        // Without the rate, both currencies are written: no deal is counted without its value.
        var b = TargetScreenSnapshotTests.board
        b.settings.rates = []
        XCTAssertTrue(Fixture.rows(Fixture.state(b, width: 160, height: 45))[2].contains("€92.3k + $20k"))
    }

    func testTheTargetsScreen() {
        var s = Fixture.state(TargetScreenSnapshotTests.board, width: 100, height: 30)
        Fixture.press(&s, .char("T"))
        let rows = Fixture.rows(s)
        assertSnapshot(rows, named: "targets-screen-100x30")
        let text = rows.joined(separator: "\n")
        XCTAssertTrue(text.contains("Targets · Nov 2026"))
        Fixture.press(&s, .down, .down, .enter)
        for c in "abc" { Fixture.press(&s, .char(c)) }
        Fixture.press(&s, .enter)
        let after = Fixture.rows(s).joined(separator: "\n")
        XCTAssertTrue(after.contains("expected"), "the amount's problem is said: \(after)")
        var narrow = Fixture.state(TargetScreenSnapshotTests.board, width: 40, height: 12)
        Fixture.press(&narrow, .char("T"))
        assertSnapshot(Fixture.rows(narrow), named: "targets-screen-40x12")
    }

    func testTheSwitcher() {
        var s = Fixture.state(width: 80, height: 24)
        var a = ShelfEntry(path: "/home/ana/.local/share/pipedeck/pipeline.json")
        a.name = "Demo pipeline"; a.openCount = 20; a.currency = "EUR"
        a.weighted.value = Money(units: 257_527); a.lastOpened = Fixture.now
        var p = ShelfEntry(path: "/home/ana/.local/share/pipedeck/partenaires.json")
        p.name = "Partenaires — été 2027 🚀"; p.openCount = 3; p.currency = "EUR"
        p.weighted.value = Money(units: 12_000)
        // Nothing weighted (a new board): the number of open deals alone, not "≈€0".
        var empty = ShelfEntry(path: "/home/ana/.local/share/pipedeck/renouvellements.json")
        empty.name = "Renouvellements"; empty.openCount = 0; empty.currency = "EUR"
        var broken = ShelfEntry(path: "/tmp/broken.json")
        broken.problem = "/tmp/broken.json: line 1, column 2: expected a field name"
        s.showBoards([a, p, empty, broken], current: a.path)
        assertSnapshot(Fixture.rows(s), named: "switcher-80x24")
        XCTAssertFalse(Fixture.rows(s).joined().contains("≈€0"))
        Fixture.press(&s, .char("z"), .char("z"))
        XCTAssertTrue(Fixture.rows(s).joined().contains("No board matches."))
    }

    func testBoardsOfTheSameNameAreToldApartByTheirFile() {
        var s = Fixture.state(width: 80, height: 24)
        var a = ShelfEntry(path: "/home/ana/.local/share/pipedeck/pipeline.json")
        a.name = "Demo pipeline"; a.openCount = 20; a.currency = "EUR"
        var b = ShelfEntry(path: "/home/ana/team/board.json")
        b.name = "Demo pipeline"; b.openCount = 20; b.currency = "EUR"
        var c = ShelfEntry(path: "/home/ana/partners.json")
        c.name = "Partners"; c.openCount = 1; c.currency = "EUR"
        s.showBoards([a, b, c], current: a.path)
        let rows = Fixture.rows(s).joined(separator: "\n")
        XCTAssertTrue(rows.contains("Demo pipeline · pipedeck/pipeline.json"), rows)
        XCTAssertTrue(rows.contains("Demo pipeline · team/board.json"), rows)
        XCTAssertTrue(
            rows.contains("Partners ") && !rows.contains("Partners ·"), "a name of its own stays alone: \(rows)")
        // At 40 columns the file that tells them apart wins over the figures.
        s.resize(width: 40, height: 12)
        let narrow = Fixture.rows(s).joined(separator: "\n")
        XCTAssertTrue(narrow.contains("Demo pipeline · team/board.json"), narrow)
    }

    func testTheLostColumnAndCloseDates() {
        var s = Fixture.state(width: 120, height: 40)
        Fixture.press(&s, .char("W"))
        for _ in 0..<8 { Fixture.press(&s, .right) }
        let rows = Fixture.rows(s)
        assertSnapshot(rows, named: "lost-column-120x40")
        XCTAssertTrue(rows[1].contains("Lost"), rows[1])
        XCTAssertTrue(rows.joined().contains("✗ Price"), "the reason on the card")

        var sorted = Fixture.state(width: 120, height: 40)
        while sorted.sort != .close { Fixture.press(&sorted, .char("s")) }
        let text = Fixture.rows(sorted).joined(separator: "\n")
        XCTAssertTrue(text.contains("Dec"), "close dates on the cards: \(text)")
        XCTAssertFalse(text.contains("○ no step"), "the next action gives way to the close date")
    }
}
