import PipedeckCore
import XCTest

@testable import PipedeckUI

/// Issue 13, points 12–15: finding deals as they are written on the cards, and never losing the
/// user's work (undo across a reload, a deal's place in its column, a completed next action).
final class KeepingWorkTests: XCTestCase {
    func ids(_ d: AppDriver, column c: Int) -> [String] { d.state.columns[c].map { d.state.board.deals[$0].id } }

    func matching(_ search: String, in board: Board) -> Set<String> {
        var f = DealFilter()
        f.text = search
        return Set(board.deals.filter { f.matches($0, board: board, today: AppDriver.today) }.map(\.id))
    }

    // MARK: Point 12

    func testSearchFoldsLigaturesAndSharpS() {
        var board = Demo.board(now: AppDriver.now, today: AppDriver.today)
        board.deals[0].company = "Domaine de l’Œuvray"
        board.deals[1].title = "Straßenbau Ærø"
        XCTAssertEqual(matching("oeuvray", in: board), [board.deals[0].id])
        XCTAssertEqual(matching("OEUVRAY", in: board), [board.deals[0].id])
        XCTAssertEqual(matching("œuvray", in: board), [board.deals[0].id])
        XCTAssertEqual(matching("strassenbau", in: board), [board.deals[1].id])
        XCTAssertEqual(matching("aero", in: board), [board.deals[1].id])
        // The card underlines what was found, whole letters only.
        var f = DealFilter()
        f.text = "oeuvray"
        XCTAssertEqual(f.highlights(in: "l’Œuvray!"), [2..<8])
        f.text = "ss"
        XCTAssertEqual(f.highlights(in: "Straße"), [4..<5])
        f.text = "uvr"
        XCTAssertEqual(f.highlights(in: "Œuvray"), [1..<4])
    }

    func testAHashFindsATagAsTheCardShowsIt() {
        let board = Demo.board(now: AppDriver.now, today: AppDriver.today)
        let tagged = Set(board.deals.filter { $0.tags.contains("erp") }.map(\.id))
        XCTAssertFalse(tagged.isEmpty)
        XCTAssertEqual(matching("#erp", in: board), tagged)
        XCTAssertEqual(matching("#ERP", in: board), tagged)
        XCTAssertEqual(matching("#", in: board).count, board.deals.filter { !$0.tags.isEmpty }.count)
        XCTAssertTrue(matching("#nosuchtag", in: board).isEmpty)
    }

    // MARK: Point 14

    func testThereAndBackRestoresTheDealsPlace() throws {
        let d = try AppDriver()
        let before = ids(d, column: 0)
        try d.press(.char("j")) // the second card of Lead generation
        let id = try XCTUnwrap(d.selected?.id)
        XCTAssertEqual(before[1], id)
        try d.press(.char("L"))
        XCTAssertEqual(d.stageOf(id), "qualification")
        XCTAssertEqual(ids(d, column: 1).last, id, "a move puts the deal at the bottom of the new column")
        try d.press(.char("H"))
        XCTAssertEqual(ids(d, column: 0), before, "L then H puts the deal back where it was")
        XCTAssertEqual(d.selected?.id, id)
        XCTAssertEqual(
            try d.saved.deal(id)?.rank, Demo.board(now: AppDriver.now, today: AppDriver.today).deal(id)?.rank)
        // Two stages on and back, with m: the same.
        try d.press(.char("L"), .char("L"), .char("m"), .char("1"), .enter)
        XCTAssertEqual(ids(d, column: 0), before)
        // Undo takes it back to the bottom of Needs analysis, redo to its place again.
        try d.press(.char("u"))
        XCTAssertEqual(d.stageOf(id), "needs")
        try d.press(.ctrl("r"))
        XCTAssertEqual(ids(d, column: 0), before)
    }

    func testANewDealInTheOldPlaceComesAfterTheOneThatReturns() throws {
        let d = try AppDriver()
        try d.press(.char("G")) // the last card of Lead generation
        let id = try XCTUnwrap(d.selected?.id)
        let before = ids(d, column: 0)
        try d.press(.char("L"), .char("h"), .char("a"))
        try d.type("Newcomer")
        try d.press(.enter)
        try d.press(.char("l"), .char("H"))
        let after = ids(d, column: 0)
        XCTAssertEqual(Array(after.prefix(before.count)), before, "the deal is back at the bottom it left")
        XCTAssertEqual(d.state.board.deal(after.last!)?.title, "Newcomer")
    }

    // MARK: Point 15

    /// Issue 13 kept a completed action in the notes; with activities (issue 14) it stays in the
    /// deal's activities, done, and the next step is planned beside it; the notes are untouched.
    func testCompletingAnActionKeepsItInTheActivities() throws {
        let d = try AppDriver()
        let deal = try XCTUnwrap(d.selected)
        let action = try XCTUnwrap(deal.nextActivity)
        try d.press(.char("c"))
        try d.type("Wants the contract")
        try d.press(.tab, .char("t"))
        try d.type("Send the contract")
        try d.press(.enter)
        let now = try XCTUnwrap(d.state.board.deal(deal.id))
        XCTAssertEqual(now.nextActivity?.subject, "Send the contract")
        XCTAssertEqual(now.nextActivity?.type, .task)
        let done = try XCTUnwrap(now.activities.first { $0.id == action.id })
        XCTAssertTrue(done.done)
        XCTAssertEqual(done.subject, action.subject)
        XCTAssertEqual(done.outcome, "Wants the contract")
        XCTAssertEqual(now.notes, deal.notes, "the notes are left alone")
        XCTAssertEqual(try d.saved.deal(deal.id)?.activities, now.activities)
        // Undo goes back a step at a time: the new step, the outcome, the completion.
        func kept() -> Activity? { d.state.board.deal(deal.id)?.activities.first { $0.id == action.id } }
        try d.press(.char("u"))
        XCTAssertNil(d.state.board.deal(deal.id)?.activities.first { $0.subject == "Send the contract" })
        XCTAssertEqual(kept()?.outcome, "Wants the contract")
        try d.press(.char("u"))
        XCTAssertEqual(kept()?.done, true)
        XCTAssertNil(kept()?.outcome)
        try d.press(.char("u"))
        XCTAssertEqual(d.state.board.deal(deal.id)?.activities, deal.activities)
        XCTAssertEqual(d.state.board.deal(deal.id)?.nextActivity, action)
    }

    // MARK: Point 13

    /// Another writer changed one deal and added one; the user had moved two other deals.
    func reloaded(_ d: AppDriver, touching id: String? = nil) throws -> Board {
        var theirs = d.state.board
        let other = try XCTUnwrap(theirs.deals.firstIndex { $0.id == (id ?? "d11pro") })
        theirs.deals[other].title = "Changed elsewhere"
        theirs.deals.append(
            Deal(id: "zz9new", title: "Added elsewhere", value: Money(units: 5), stage: "lead", createdAt: d.clock))
        return theirs
    }

    func testAReloadKeepsTheUndoOfDealsItDidNotTouch() throws {
        let d = try AppDriver()
        try d.press(.char("L")) // d01lea → qualification
        try d.press(.char("l"), .char("j"), .char("L")) // a Qualification deal → analysis
        let start = Demo.board(now: AppDriver.now, today: AppDriver.today)
        let moved = d.state.board.deals.filter { $0.stage != start.deal($0.id)?.stage }
        XCTAssertEqual(moved.count, 2)
        let theirs = try reloaded(d)
        let note = d.state.replaceBoard(theirs)
        XCTAssertEqual(note, .kept(2))
        XCTAssertEqual(d.state.history.undoStack.count, 2)
        try d.press(.char("u"), .char("u"))
        for m in moved { XCTAssertEqual(d.stageOf(m.id), start.deal(m.id)?.stage, "the user's own moves are undone") }
        XCTAssertEqual(d.state.board.deal("d11pro")?.title, "Changed elsewhere", "the other writer's change stays")
        XCTAssertNotNil(d.state.board.deal("zz9new"), "the other writer's new deal stays")
        XCTAssertEqual(d.state.board.deals.map(\.id), theirs.deals.map(\.id), "every deal keeps its place in the file")
    }

    func testAReloadThatChangedAnUndoneDealCutsTheHistoryThereAndSaysSo() throws {
        let d = try AppDriver()
        try d.press(.char("L")) // d01lea
        try d.press(.char("l"), .char("j"), .char("L")) // a second deal, on top of the stack
        let theirs = try reloaded(d, touching: "d01lea")
        XCTAssertEqual(d.state.replaceBoard(theirs), .cut(kept: 1, dropped: 1))
        XCTAssertEqual(d.state.history.undoStack.count, 1)
        try d.press(.char("u"), .char("u"))
        XCTAssertEqual(d.stageOf("d01lea"), "qualification", "their change to the deal is never overwritten")
        XCTAssertEqual(d.state.board.deal("d01lea")?.title, "Changed elsewhere")
        XCTAssertEqual(d.state.message?.text, Strings.nothingToUndo)
    }

    func testAReloadThatChangedStagesKeepsNoStageEdit() throws {
        let d = try AppDriver()
        try d.press(.char("S"), .char("+"), .escape) // a stage edit
        try d.press(.char("L")) // then a deal edit
        var theirs = d.state.board
        theirs.stages[2].name = "Renamed elsewhere"
        XCTAssertEqual(d.state.replaceBoard(theirs), .cut(kept: 1, dropped: 1))
        try d.press(.char("u"))
        XCTAssertEqual(d.state.board.stages[2].name, "Renamed elsewhere")
        XCTAssertEqual(d.state.board.stages, theirs.stages)
    }

    func testAReloadOfTheSameBoardKeepsEverything() throws {
        let d = try AppDriver()
        try d.press(.char("L"))
        XCTAssertEqual(d.state.replaceBoard(d.state.board), .kept(1))
        XCTAssertEqual(d.state.replaceBoard(d.state.board), .kept(1))
        let empty = try AppDriver()
        XCTAssertEqual(empty.state.replaceBoard(try reloaded(empty)), .nothingToKeep)
    }
}
