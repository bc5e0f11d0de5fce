import PipedeckCore
import PipedeckStorage
import XCTest

@testable import PipedeckUI

/// The targets screen, the footer's progress, the board switcher's keys and the Lost column.
final class TargetScreenTests: XCTestCase {
    let november = Period(kind: .month, year: 2026, number: 11)

    func testSettingATargetOnTheTeamLineSavesItAndTheFooterFollows() throws {
        let d = try AppDriver()
        XCTAssertNil(d.state.progress.target)
        XCTAssertEqual(d.state.progress.period, november)
        try d.press(.char("T"))
        guard case .targets(let v) = d.state.mode else { return XCTFail("\(d.state.mode)") }
        XCTAssertEqual(v.period, november)
        try d.press(.enter)
        try d.type("80000")
        let fx = try d.press(.enter)
        XCTAssertEqual(fx, [.save])
        XCTAssertEqual(try d.saved.settings.targets, [SalesTarget(period: november, amount: Money(units: 80000))])
        XCTAssertEqual(d.state.progress.target, Money(units: 80000))
        XCTAssertEqual(d.state.progress.percent, 41, "€33,000 won in November of €80,000")

        // Undo takes it away; d removes it.
        try d.press(.escape, .char("u"))
        XCTAssertNil(d.state.progress.target)
        try d.press(.ctrl("r"), .char("T"), .char("d"))
        XCTAssertEqual(try d.saved.settings.targets, [])
    }

    func testABadAmountSaysWhyAndChangesNothing() throws {
        let d = try AppDriver()
        try d.press(.char("T"), .down, .enter)
        try d.type("12.500")
        let fx = try d.press(.enter)
        XCTAssertEqual(fx, [])
        guard case .targets(let v) = d.state.mode else { return XCTFail("\(d.state.mode)") }
        XCTAssertEqual(v.error, "ambiguous: 12.50 or 12500? type 12.50 or 12500")
        XCTAssertNotNil(v.editor, "still typing")
        XCTAssertEqual(d.saves, 0)
        try d.press(.escape)
        guard case .targets(let after) = d.state.mode else { return XCTFail("\(d.state.mode)") }
        XCTAssertNil(after.editor)
        XCTAssertEqual(d.state.board.settings.targets, [])
    }

    func testAnOwnersTargetIsUsedWhenTheirDealsAreFiltered() throws {
        var b = Demo.board(now: AppDriver.now, today: AppDriver.today)
        b.settings.targets = [
            SalesTarget(period: november, amount: Money(units: 100_000)),
            SalesTarget(period: november, owner: "julien dubois", amount: Money(units: 40_000)),
        ]
        let d = try AppDriver(board: b)
        XCTAssertEqual(d.state.progress.target, Money(units: 100_000))
        var f = DealFilter()
        f.owner = "Julien Dubois"
        d.state.setFilter(f)
        XCTAssertEqual(d.state.progress.target, Money(units: 40_000))
        XCTAssertEqual(d.state.progress.won.value, Money(units: 33_000))
        f.text = "portal"
        d.state.setFilter(f)
        XCTAssertNil(d.state.progress.target, "a search narrows the deals: no target is set against them")
    }

    func testPSwitchesToQuartersAndAsksToRememberIt() throws {
        let d = try AppDriver()
        try d.press(.char("T"))
        let fx = try d.press(.char("p"))
        XCTAssertEqual(fx, [.rememberPeriod(.quarter)])
        XCTAssertEqual(d.state.periodKind, .quarter)
        XCTAssertEqual(d.state.progress.period, Period(kind: .quarter, year: 2026, number: 4))
        try d.press(.left)
        guard case .targets(let v) = d.state.mode else { return XCTFail("\(d.state.mode)") }
        XCTAssertEqual(v.period.description, "2026-Q3")
    }

    func testTheSwitcherFiltersAndAsksToOpenAnotherBoard() throws {
        let d = try AppDriver()
        XCTAssertEqual(try d.press(.char("b")), [.listBoards])
        var a = ShelfEntry(path: "/data/pipeline.json")
        a.name = "Demo"
        var p = ShelfEntry(path: "/data/partners.json")
        p.name = "Partenaires été"
        var r = ShelfEntry(path: "/data/renewals.json")
        r.name = "Renewals"
        d.state.showBoards([a, p, r], current: "/data/pipeline.json")
        guard case .boards(let s) = d.state.mode else { return XCTFail("\(d.state.mode)") }
        XCTAssertEqual(s.selection, 0, "on the board on show")
        try d.type("ete")
        guard case .boards(let typed) = d.state.mode else { return XCTFail("\(d.state.mode)") }
        XCTAssertEqual(typed.shown.map(\.path), ["/data/partners.json"], "accents ignored")
        XCTAssertEqual(try d.press(.enter), [.openBoard(path: "/data/partners.json")])
        XCTAssertEqual(d.state.mode, .board)

        d.state.showBoards([a, p, r], current: "/data/pipeline.json")
        XCTAssertEqual(try d.press(.enter), [], "the board on show: the switcher only closes")
        XCTAssertEqual(d.state.mode, .board)
    }

    func testWShowsTheLostColumnWithEveryLostDeal() throws {
        let d = try AppDriver()
        let lost = d.state.board.deals.filter { $0.status == .lost }.map(\.id)
        XCTAssertFalse(lost.isEmpty)
        try d.press(.char("W"))
        XCTAssertTrue(d.state.showClosed)
        XCTAssertEqual(d.state.columns.count, d.state.board.stages.count + 1)
        XCTAssertEqual(Set(d.state.columns.last!.map { d.state.board.deals[$0].id }), Set(lost))
        for _ in 0..<10 { try d.press(.right) }
        XCTAssertTrue(d.state.isLostColumn(d.state.focusedStage))
        XCTAssertEqual(d.selected?.status, .lost)
        // Reopening a deal there takes it back to its stage.
        let id = d.selected!.id
        try d.press(.char("o"))
        XCTAssertEqual(d.state.board.deal(id)?.status, .open)
        XCTAssertFalse(d.state.columns.last!.contains { d.state.board.deals[$0].id == id })
        try d.press(.char("W"))
        XCTAssertEqual(d.state.columns.count, d.state.board.stages.count)
        XCTAssertLessThan(d.state.focusedStage, d.state.board.stages.count)
        XCTAssertEqual(d.saves, 1, "only the reopening was saved")
    }
}
