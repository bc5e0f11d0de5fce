import PipedeckCore
import PipedeckStorage
import XCTest

@testable import PipedeckUI

final class BoardKeyTests: XCTestCase {
    func testStartsOnFirstDealOfFirstColumn() throws {
        let d = try AppDriver()
        XCTAssertEqual(d.state.focusedStageID, "lead")
        XCTAssertEqual(d.selected?.id, "d01lea")
    }

    func testNavigationKeys() throws {
        let d = try AppDriver()
        try d.press(.down)
        XCTAssertEqual(d.selected?.id, "d02lea")
        try d.press(.char("j"), .char("j"))
        XCTAssertEqual(d.selected?.id, "d04lea")
        try d.press(.char("G"))
        XCTAssertEqual(d.selected?.id, "d25lea")
        try d.press(.down) // past the end: stays
        XCTAssertEqual(d.selected?.id, "d25lea")
        try d.press(.char("g"))
        XCTAssertEqual(d.selected?.id, "d01lea")
        try d.press(.right)
        XCTAssertEqual(d.state.focusedStageID, "qualification")
        XCTAssertEqual(d.selected?.id, "d05qua")
        try d.press(.char("l"), .char("l"), .char("l"), .char("l"), .char("l"), .char("l"))
        XCTAssertEqual(d.state.focusedStageID, "won")
        try d.press(.left, .char("h"))
        XCTAssertEqual(d.state.focusedStageID, "negotiation")
        XCTAssertEqual(d.saves, 0, "navigation never writes the file")
    }

    func testMoveWithLFollowsTheDealAndSaves() throws {
        let d = try AppDriver()
        let fx = try d.press(.char("L"))
        XCTAssertEqual(fx, [.save])
        XCTAssertEqual(d.stageOf("d01lea"), "qualification")
        XCTAssertEqual(d.state.focusedStageID, "qualification", "the selection follows the deal")
        XCTAssertEqual(d.selected?.id, "d01lea")
        let saved = try d.saved
        XCTAssertEqual(saved.deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(saved.deal("d01lea")?.history.last?.from, "lead")
        XCTAssertEqual(saved.deal("d01lea")?.history.last?.to, "qualification")
        XCTAssertEqual(saved.deal("d01lea")?.stageEnteredAt, d.clock)
    }

    func testShiftArrowsAndAngleBracketsMoveToo() throws {
        let d = try AppDriver()
        try d.press(.shiftRight)
        XCTAssertEqual(d.stageOf("d01lea"), "qualification")
        try d.press(.char(">"))
        XCTAssertEqual(d.stageOf("d01lea"), "needs")
        try d.press(.shiftLeft)
        XCTAssertEqual(d.stageOf("d01lea"), "qualification")
        try d.press(.char("<"), .char("H"))
        XCTAssertEqual(d.stageOf("d01lea"), "lead")
        XCTAssertEqual(d.state.message?.text, UIText.noChange, "moving before the first stage changes nothing")
        XCTAssertEqual(d.saves, 4)
    }

    func testMovingIntoWonColumnMarksWon() throws {
        let d = try AppDriver()
        try d.press(.right, .right, .right, .right, .right) // closing
        XCTAssertEqual(d.selected?.id, "d18clo")
        try d.press(.char("L"))
        XCTAssertEqual(d.state.board.deal("d18clo")?.status, .won)
        XCTAssertEqual(try d.saved.deal("d18clo")?.status, .won)
    }

    /// Issue 13, point 5: a digit or letters choose, Enter moves; Negotiation is reachable by
    /// letters although Needs analysis starts with the same one.
    func testMoveToAnyStageByNumberOrLetter() throws {
        let d = try AppDriver()
        try d.press(.char("m"), .char("5"))
        XCTAssertEqual(d.stageOf("d01lea"), "lead", "a digit chooses, it does not move")
        XCTAssertEqual(d.state.mode, .moveTo(MoveDialog(dealID: "d01lea", typed: "5", choice: 4)))
        try d.press(.enter)
        XCTAssertEqual(d.stageOf("d01lea"), "negotiation")
        XCTAssertEqual(d.state.mode, .board, "the Enter that moves never opens the details")
        try d.press(.char("m"), .char("p"), .enter)
        XCTAssertEqual(d.stageOf("d01lea"), "proposal")
        try d.press(.char("m"), .char("n"))
        XCTAssertEqual(d.state.mode, .moveTo(MoveDialog(dealID: "d01lea", typed: "n", choice: 2)))
        try d.press(.char("e"), .enter)
        XCTAssertEqual(d.stageOf("d01lea"), "negotiation", "n e reaches Negotiation")
        try d.press(.char("m"), .char("n"), .char("a"), .enter)
        XCTAssertEqual(d.stageOf("d01lea"), "needs", "n a reaches Needs analysis")
        try d.press(.char("m"), .char("C"), .char("l"), .char("o"), .enter)
        XCTAssertEqual(d.stageOf("d01lea"), "closing", "the start of a name works too")
        try d.press(.char("m"), .up, .up, .enter)
        XCTAssertEqual(d.stageOf("d01lea"), "proposal", "↑ ↓ choose from the deal's stage")
        try d.press(.char("m"), .char("x"), .backspace, .char("9"))
        XCTAssertEqual(d.state.mode, .moveTo(MoveDialog(dealID: "d01lea", typed: "", choice: 3)), "nothing named")
        try d.press(.escape)
        XCTAssertEqual(d.stageOf("d01lea"), "proposal")
        XCTAssertEqual(d.state.mode, .board)
        try d.press(.char("m"), .enter)
        XCTAssertEqual(d.stageOf("d01lea"), "proposal", "Enter on the deal's own stage changes nothing")
        XCTAssertEqual(d.state.mode, .board)
    }

    func testEveryStageHasItsOwnLetters() {
        let names = ["Lead generation", "Qualification", "Needs analysis", "Proposal", "Negotiation", "Closing", "Won"]
        let stages = names.enumerated().map { Stage(id: "s\($0.offset)", name: $0.element, probability: Percent(10)) }
        XCTAssertEqual(MoveDialog.shortcuts(stages), ["l", "q", "na", "p", "ne", "c", "w"])
        for (i, key) in MoveDialog.shortcuts(stages).enumerated() {
            XCTAssertEqual(MoveDialog.stage(named: key, in: stages), i, key)
        }
        let same = ["Demo", "Demo", "Démo 2", "Deal", "🚀"].enumerated().map {
            Stage(id: "s\($0.offset)", name: $0.element, probability: Percent(10))
        }
        let keys = MoveDialog.shortcuts(same)
        XCTAssertEqual(keys, ["de", "dm", "do", "da", ""])
        XCTAssertEqual(Set(keys.filter { !$0.isEmpty }).count, 4, "no two stages share their letters")
    }

    func testMoveToAStagePastNine() throws {
        var board = Template.standard.board()
        for i in 0..<43 { board.stages.insert(Stage(id: "s\(i)", name: "Extra \(i)", probability: Percent(50)), at: 6) }
        XCTAssertEqual(board.stages.count, 50)
        board.deals.append(Deal(id: "x1", title: "X", value: Money(units: 1), stage: "lead", createdAt: AppDriver.now))
        let d = try AppDriver(board: board, width: 120, height: 40)
        try d.press(.char("m"), .char("2"), .char("7"), .enter)
        XCTAssertEqual(d.stageOf("x1"), board.stages[26].id)
        try d.press(.char("m"), .char("6"), .char("9"))
        XCTAssertEqual(d.state.mode, .moveTo(MoveDialog(dealID: "x1", typed: "9", choice: 8)), "no stage 69: 9 alone")
        try d.press(.enter)
        XCTAssertEqual(d.stageOf("x1"), board.stages[8].id)
        try d.press(.char("m"), .char("5"), .char("0"), .enter)
        XCTAssertEqual(d.stageOf("x1"), "won", "50 names the last stage")
        XCTAssertEqual(d.state.mode, .board)
    }

    func testReorderInsideColumn() throws {
        let d = try AppDriver()
        try d.press(.char("J"))
        XCTAssertEqual(d.state.columns[0].map { d.state.board.deals[$0].id }.prefix(2), ["d02lea", "d01lea"])
        XCTAssertEqual(d.selected?.id, "d01lea")
        try d.press(.shiftDown, .shiftDown)
        XCTAssertEqual(
            d.state.columns[0].map { d.state.board.deals[$0].id }, ["d02lea", "d03lea", "d04lea", "d01lea", "d25lea"])
        let saved = try d.saved
        let order = saved.deals(inStage: "lead").map(\.id)
        XCTAssertEqual(order, ["d02lea", "d03lea", "d04lea", "d01lea", "d25lea"], "the order is saved as ranks")
        try d.press(.char("K"), .shiftUp, .shiftUp, .shiftUp)
        XCTAssertEqual(d.state.columns[0].first.map { d.state.board.deals[$0].id }, "d01lea")
        try d.press(.char("K"))
        XCTAssertEqual(d.state.message?.text, UIText.noChange)
    }

    func testUndoAndRedoEveryChange() throws {
        let original = Demo.board(now: AppDriver.now, today: AppDriver.today)
        let d = try AppDriver(board: original)
        try d.press(.char("L"), .char("L"), .char("J"), .char("w"))
        XCTAssertNotEqual(d.state.board, original)
        let changed = d.state.board
        try d.press(.char("u"), .char("u"), .char("u"), .char("u"))
        XCTAssertEqual(d.state.board, original)
        XCTAssertEqual(try d.saved, original, "the undone board is what is on disk")
        try d.press(.char("u"))
        XCTAssertEqual(d.state.message?.text, Strings.nothingToUndo)
        try d.press(.ctrl("r"), .ctrl("r"), .ctrl("r"), .ctrl("r"))
        XCTAssertEqual(d.state.board, changed)
        try d.press(.ctrl("r"))
        XCTAssertEqual(d.state.message?.text, Strings.nothingToRedo)
    }

    func testAtLeastAHundredUndoLevels() throws {
        let original = Demo.board(now: AppDriver.now, today: AppDriver.today)
        let d = try AppDriver(board: original)
        for _ in 0..<60 { try d.press(.char("L"), .char("H")) }
        XCTAssertEqual(d.saves, 120)
        for _ in 0..<120 { try d.press(.char("u")) }
        XCTAssertEqual(d.state.board, original)
    }

    func testDeleteAsksFirst() throws {
        let d = try AppDriver()
        try d.press(.char("d"))
        XCTAssertEqual(d.state.mode, .confirmDelete(dealID: "d01lea"))
        try d.press(.char("n"))
        XCTAssertNotNil(d.state.board.deal("d01lea"))
        XCTAssertEqual(d.saves, 0)
        try d.press(.char("d"), .char("y"))
        XCTAssertNil(d.state.board.deal("d01lea"))
        XCTAssertNil(try d.saved.deal("d01lea"))
        XCTAssertEqual(d.selected?.id, "d02lea")
        try d.press(.char("u"))
        XCTAssertNotNil(try d.saved.deal("d01lea"))
    }

    func testWonLostReopen() throws {
        let d = try AppDriver()
        try d.press(.char("w"))
        XCTAssertEqual(d.state.board.deal("d01lea")?.status, .won)
        XCTAssertEqual(d.stageOf("d01lea"), "won")
        XCTAssertEqual(d.selected?.id, "d01lea")
        try d.press(.char("o"))
        XCTAssertEqual(d.state.board.deal("d01lea")?.status, .open)
        XCTAssertEqual(d.stageOf("d01lea"), "lead", "a reopened won deal goes back to its last open stage")
        // Lost with a reason picked from the list.
        try d.press(.char("x"))
        guard case .lostReason = d.state.mode else { return XCTFail("expected the lost-reason dialog") }
        try d.press(.down, .enter)
        XCTAssertEqual(d.state.board.deal("d01lea")?.status, .lost)
        XCTAssertEqual(d.state.board.deal("d01lea")?.lostReason, "Timing")
        XCTAssertFalse(d.state.columns[0].contains { d.state.board.deals[$0].id == "d01lea" }, "lost deals are hidden")
        // Shown with z, then reopened.
        try d.press(.char("z"))
        XCTAssertTrue(d.state.showLost)
        XCTAssertTrue(d.state.columns[0].contains { d.state.board.deals[$0].id == "d01lea" })
        try d.press(.char("G"))
        XCTAssertEqual(d.selected?.id, "d01lea", "a reopened deal went to the end of its column")
        try d.press(.char("o"))
        XCTAssertEqual(try d.saved.deal("d01lea")?.status, .open)
        // A typed reason.
        try d.press(.char("x"))
        try d.type("Budget frozen")
        try d.press(.enter)
        XCTAssertEqual(try d.saved.deal("d01lea")?.lostReason, "Budget frozen")
        // Esc cancels the dialog.
        try d.press(.char("g"))
        let other = try XCTUnwrap(d.selected)
        try d.press(.char("x"), .escape)
        XCTAssertEqual(d.state.board.deal(other.id)?.status, .open)
        XCTAssertEqual(d.state.mode, .board)
    }

    func testFooterFiguresFollowEveryKey() throws {
        let d = try AppDriver()
        var seed: UInt64 = 42
        let keys: [Key] = [
            .left, .right, .up, .down, .char("L"), .char("H"), .char("J"), .char("K"), .char("w"), .char("o"),
            .char("u"), .ctrl("r"), .char("z"),
        ]
        for _ in 0..<400 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            try d.press(keys[Int(seed >> 33) % keys.count])
            let fresh = PipelineSummary(board: d.state.board)
            XCTAssertEqual(d.state.summary, fresh)
        }
        XCTAssertEqual(try d.saved, d.state.board)
    }

    func testHelpOpensAndEscCloses() throws {
        let d = try AppDriver()
        try d.press(.char("?"))
        XCTAssertEqual(d.state.mode, .help(HelpView(origin: .board)))
        try d.press(.escape)
        XCTAssertEqual(d.state.mode, .board)
        XCTAssertEqual(try d.press(.char("q")), [.quit])
        XCTAssertEqual(try d.press(.ctrl("c")), [.quit])
    }

    func testDetailViewOpensWithEnter() throws {
        let d = try AppDriver()
        try d.press(.enter)
        XCTAssertEqual(d.state.mode, .detail(dealID: "d01lea", scroll: 0))
        try d.press(.char("e"))
        guard case .form(let f) = d.state.mode else { return XCTFail("e in the detail view opens the edit form") }
        XCTAssertEqual(f.dealID, "d01lea")
    }

    func testMouseClickSelectsAndDragMoves() throws {
        let d = try AppDriver()
        let layout = d.state.screen
        let frames = layout.columnFrames(count: d.state.visibleColumnRange.count)
        // Click the second card of the second column.
        let y2 = layout.cardY(1, window: d.state.window(forColumn: 1))
        try d.press(.mouse(MouseEvent(kind: .click, x: frames[1].x + 3, y: y2)))
        XCTAssertEqual(d.selected?.id, "d06qua")
        // Press on it, release over the fourth column: moved to Proposal.
        try d.press(
            .mouse(MouseEvent(kind: .press, x: frames[1].x + 3, y: y2)),
            .mouse(MouseEvent(kind: .release, x: frames[3].x + 5, y: layout.cardTop + 2)))
        XCTAssertEqual(d.stageOf("d06qua"), "proposal")
        XCTAssertEqual(try d.saved.deal("d06qua")?.stage, "proposal")
        // A press and release on the same column is only a selection.
        let before = d.saves
        try d.press(
            .mouse(MouseEvent(kind: .press, x: frames[0].x + 3, y: layout.cardTop)),
            .mouse(MouseEvent(kind: .release, x: frames[0].x + 4, y: layout.cardTop + 1)))
        XCTAssertEqual(d.saves, before)
        XCTAssertEqual(d.selected?.id, "d01lea")
        // The wheel moves through the column under the pointer.
        try d.press(.mouse(MouseEvent(kind: .wheelDown, x: frames[2].x + 3, y: layout.cardTop + 4)))
        XCTAssertEqual(d.state.focusedStageID, "needs")
        XCTAssertEqual(d.selected?.id, "d09nee")
    }

    func testKeepsSelectionVisibleInLongColumn() throws {
        var board = Template.standard.board()
        for i in 0..<50 {
            board.deals.append(
                Deal(
                    id: String(format: "x%03d", i), title: "Deal \(i)", value: Money(units: 1000 + i),
                    stage: "lead", createdAt: AppDriver.now, rank: i))
        }
        let d = try AppDriver(board: board, width: 80, height: 24)
        for _ in 0..<30 { try d.press(.down) }
        let w = d.state.window(forColumn: 0)
        XCTAssertTrue((w.top..<(w.top + w.count)).contains(30), "the selected card is on screen: \(w)")
        XCTAssertGreaterThan(w.moreAbove, 0)
        XCTAssertGreaterThan(w.moreBelow, 0)
        try d.press(.pageDown)
        XCTAssertGreaterThan(d.state.cursor[0], 30)
        try d.press(.char("G"))
        XCTAssertEqual(d.selected?.id, "x049")
        XCTAssertEqual(d.state.window(forColumn: 0).moreBelow, 0)
    }
}
