import XCTest

@testable import PipedeckCore

/// The order of the stages, the list of lost reasons, and a sequence of stage actions undone and redone.
extension StageActionTests {
    // MARK: moveStage

    func testMoveStageLeftAndRight() {
        let b0 = mixedBoard()
        let right = assertUndoable(b0, .moveStage(id: "needs", by: 1))
        XCTAssertEqual(
            stageIDs(right), ["lead", "qualification", "proposal", "needs", "negotiation", "closing", "won"])
        let left = assertUndoable(b0, .moveStage(id: "needs", by: -1))
        XCTAssertEqual(stageIDs(left), ["lead", "needs", "qualification", "proposal", "negotiation", "closing", "won"])
        let first = assertUndoable(b0, .moveStage(id: "qualification", by: -1))
        XCTAssertEqual(
            stageIDs(first), ["qualification", "lead", "needs", "proposal", "negotiation", "closing", "won"])
        let last = assertUndoable(b0, .moveStage(id: "closing", by: 1))
        XCTAssertEqual(stageIDs(last), ["lead", "qualification", "needs", "proposal", "negotiation", "won", "closing"])
        for b in [right, left, first, last] {
            XCTAssertEqual(b.deals, b0.deals, "moving a stage touches no deal")
            XCTAssertEqual(Set(b.stages), Set(b0.stages), "the stages themselves are unchanged")
        }
        // Back and forth is the identity.
        XCTAssertEqual(right.applied(.moveStage(id: "needs", by: -1)), b0)
    }

    func testMoveStagePastTheEndsIsNoChange() {
        let b = mixedBoard()
        assertNoChange(b, .moveStage(id: "lead", by: -1))
        assertNoChange(b, .moveStage(id: "won", by: 1))
        assertNoChange(b, .moveStage(id: "needs", by: 0))
        assertThrows(.unknownStage("nope")) { () throws(PipelineError) -> Outcome in
            try b.apply(.moveStage(id: "nope", by: 1), at: t1)
        }
    }

    // MARK: setLostReasons

    func testSetLostReasonsCleansTheList() {
        let b0 = mixedBoard()
        let b1 = assertUndoable(
            b0, .setLostReasons(["  Price ", "", "price", "Timing", "   ", "TIMING", "\tBudget\n", "PRICE  "]))
        XCTAssertEqual(
            b1.settings.lostReasons, ["Price", "Timing", "Budget"], "trimmed, no empties, first spelling kept")
        XCTAssertEqual(b1.deals, b0.deals)
        XCTAssertEqual(b1.stages, b0.stages)
        XCTAssertEqual(b1.settings.locale, b0.settings.locale)
    }

    func testSetLostReasonsKeepsTheGivenOrderAndCanEmptyTheList() {
        let b0 = mixedBoard()
        let b1 = assertUndoable(b0, .setLostReasons(["Went silent", "Competitor", "Price"]))
        XCTAssertEqual(b1.settings.lostReasons, ["Went silent", "Competitor", "Price"])
        let b2 = assertUndoable(b1, .setLostReasons(["", "  "]))
        XCTAssertEqual(b2.settings.lostReasons, [])
        let b3 = assertUndoable(b1, .setLostReasons([]))
        XCTAssertEqual(b3.settings.lostReasons, [])
    }

    func testSetLostReasonsEqualAfterCleaningIsNoChange() {
        let b = mixedBoard()
        assertNoChange(b, .setLostReasons(BoardSettings.defaultLostReasons))
        assertNoChange(b, .setLostReasons(BoardSettings.defaultLostReasons.map { " \($0) " } + ["", "price"]))
    }

    // MARK: undo/redo of a sequence

    func testASequenceOfStageActionsUndoesAndRedoesStepByStep() throws {
        var board = mixedBoard()
        var history = UndoHistory()
        var snapshots = [board]
        var proposal = try XCTUnwrap(board.stage("proposal"))
        proposal.name = "Quote"; proposal.rotDays = 12; proposal.probability = Percent(55)
        let actions: [Action] = [
            .addStage(Stage(id: "", name: "Démo Finale!", probability: Percent(70), rotDays: 4), at: nil),
            .move(id: "bbb333", toStage: "demo-finale"),
            .updateStage(proposal),
            .moveStage(id: "demo-finale", by: -1),
            .setLostReasons(["Budget", " budget ", "Fit"]),
            .deleteStage(id: "lead", moveDealsTo: "demo-finale"),
            .addStage(Stage(id: "", name: "Démo finale", probability: Percent(10)), at: 0),
            .deleteStage(id: "closing", moveDealsTo: "won"),
            .markLost(id: "aaa111", reason: "Fit"),
            .deleteStage(id: "needs", moveDealsTo: nil),
        ]
        for (n, a) in actions.enumerated() {
            let o = try board.apply(a, at: Fixed.later(Int64(n + 1)))
            let e = try XCTUnwrap(o.edit, "\(a) should change the board")
            history.record(e)
            board = o.board
            snapshots.append(board)
        }
        XCTAssertEqual(
            stageIDs(board), ["demo-finale-2", "qualification", "proposal", "negotiation", "demo-finale", "won"])
        XCTAssertEqual(board.settings.lostReasons, ["Budget", "Fit"])
        for n in stride(from: actions.count - 1, through: 0, by: -1) {
            XCTAssertNotNil(history.undo(&board))
            assertSameBoard(board, snapshots[n], "after undoing \(actions[n])")
        }
        XCTAssertFalse(history.canUndo)
        for n in 0..<actions.count {
            XCTAssertNotNil(history.redo(&board))
            assertSameBoard(board, snapshots[n + 1], "after redoing \(actions[n])")
        }
        XCTAssertFalse(history.canRedo)
    }
}
