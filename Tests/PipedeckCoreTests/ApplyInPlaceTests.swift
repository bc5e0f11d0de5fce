import XCTest

@testable import PipedeckCore

/// `Board.applyInPlace` (what the interactive board uses, so that a key does not copy every deal)
/// must be `Board.apply` exactly: the same board, the same edit, the same error, and a refused
/// action leaves the board as it was.
final class ApplyInPlaceTests: XCTestCase {
    func check(_ board: Board, _ action: Action, at t: Timestamp, file: StaticString = #filePath, line: UInt = #line)
        -> Board
    {
        var inPlace = board
        switch (Result { () throws(PipelineError) in try board.apply(action, at: t) }) {
        case .success(let outcome):
            let edit = try? inPlace.applyInPlace(action, at: t)
            XCTAssertEqual(inPlace, outcome.board, "board after \(action)", file: file, line: line)
            XCTAssertEqual(edit, outcome.edit, "edit of \(action)", file: file, line: line)
            return outcome.board
        case .failure(let error):
            XCTAssertThrowsError(try inPlace.applyInPlace(action, at: t), file: file, line: line) {
                XCTAssertEqual($0 as? PipelineError, error, file: file, line: line)
            }
            XCTAssertEqual(inPlace, board, "a refused \(action) changed the board", file: file, line: line)
            return board
        }
    }

    func testRandomActionsGiveWhatApplyGives() {
        for seed in 1...4 {
            var g = SeededGenerator(seed: UInt64(seed))
            var board = Fixed.demo
            var t = Fixed.now
            for _ in 0..<400 {
                t = t.adding(seconds: 600)
                let action = UndoTests.randomAction(board, &g, kinds: UndoTests.Kind.allCases, at: t)
                board = check(board, action, at: t)
            }
        }
    }

    func testRefusedActionsLeaveTheBoardAsItWas() {
        var board = smallBoard()
        board.settings.targets = [SalesTarget(period: Period(Fixed.today, kind: .month), amount: Money(units: 9))]
        var empty = board.deals[0]
        empty.title = "  "
        var elsewhere = board.deals[1]
        elsewhere.stage = "nowhere"
        for action: Action in [
            .move(id: "missing", toStage: "lead"), .move(id: "aaa111", toStage: "nowhere"), .update(empty),
            .update(elsewhere), .add(board.deals[2]), .delete(id: "missing"), .markWon(id: "missing"),
            .completeActivity(dealID: "aaa111", activityID: "none", outcome: nil),
        ] {
            _ = check(board, action, at: Fixed.now)
        }
        // Nothing to change: no edit, the board as it was.
        _ = check(board, .move(id: "aaa111", toStage: "lead"), at: Fixed.now)
        _ = check(board, .reopen(id: "aaa111"), at: Fixed.now)
    }

    func testAnUpdateRefusedHalfWayIsUndoneInPlace() {
        // No won stage: the update writes the deal, then its win is refused.
        var board = smallBoard()
        board.stages.removeAll { $0.kind == .won }
        var won = board.deals[0]
        won.status = .won
        won.title = "Changed"
        _ = check(board, .update(won), at: Fixed.now)
    }

    func testActionsOnSeveralDealsStagesAndSettings() {
        var board = smallBoard()
        for action: Action in [
            .reorder(id: "aaa222", by: -1),
            .addStage(Stage(id: "extra", name: "Extra", probability: Percent(hundredths: 1000)), at: 1),
            .setTarget(SalesTarget(period: Period(Fixed.today, kind: .quarter), amount: Money(units: 50))),
            .markLost(id: "bbb333", reason: "A brand new reason"),
            .deleteStage(id: "lead", moveDealsTo: "proposal"),
        ] {
            board = check(board, action, at: Fixed.later(5))
        }
    }

    /// The period's counts kept deal by deal give what a count from scratch gives, whatever
    /// comes and goes (other currencies, a currency whose last deal leaves, zero amounts).
    func testPeriodCountFollowsDealsExactly() {
        var board = Fixed.demo
        board.settings.rates = []
        var g = SeededGenerator(seed: 7)
        let zone = TimeZone(identifier: "Europe/Paris")!
        var t = Fixed.now
        for kind in PeriodKind.allCases {
            let period = Period(Fixed.today, kind: kind)
            var count = PeriodCount(board: board, period: period, today: Fixed.today, zone: zone)
            count.add(board.deals, board: board)
            for _ in 0..<300 {
                t = t.adding(seconds: 900)
                var action = UndoTests.randomAction(board, &g, kinds: UndoTests.Kind.allCases, at: t)
                if case .update(var d) = action, g.int(3) == 0 {
                    d.currency = ["USD", "JPY", nil][g.int(3)]
                    d.expectedClose = Fixed.today.adding(days: g.int(60) - 10)
                    action = .update(d)
                }
                guard let edit = try? board.applyInPlace(action, at: t) else { continue }
                for d in edit.dealsBefore.values { count.remove(d, board: board) }
                for d in edit.dealsAfter.values { count.add(d, board: board) }
                let fresh = PeriodProgress(
                    board: board, deals: board.deals, period: period, today: Fixed.today, owner: nil, zone: zone)
                XCTAssertEqual(count.progress(board: board, owner: nil), fresh, "after \(action)")
            }
        }
    }
}
