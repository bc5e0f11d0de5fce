import XCTest

@testable import PipedeckCore

final class UndoTests: XCTestCase {
    enum Kind: CaseIterable {
        case move, shift, reorder, markWon, markLost, reopen, setNext, completeNext, update, add, delete
    }

    /// A deterministic pseudo-random action for the board's current state.
    static func randomAction(_ b: Board, _ g: inout SeededGenerator, kinds: [Kind], at t: Timestamp) -> Action {
        let kind = kinds[g.int(kinds.count)]
        if b.deals.isEmpty || kind == .add {
            let stage = b.stages[g.int(b.stages.count)].id
            var d = b.newDeal(
                title: "Random \(g.int(1000))", value: Money(cents: g.int(10_000_000)), stage: stage, at: t, random: &g)
            if g.int(3) == 0 { d.probability = Percent(hundredths: g.int(10_001)) }
            if g.int(5) == 0 { d.currency = "USD" }
            return .add(d)
        }
        let d = b.deals[g.int(b.deals.count)]
        switch kind {
        case .move: return .move(id: d.id, toStage: b.stages[g.int(b.stages.count)].id)
        case .shift: return .shift(id: d.id, by: g.int(2) == 0 ? -1 : 1)
        case .reorder: return .reorder(id: d.id, by: g.int(2) == 0 ? -1 : 1)
        case .markWon: return .markWon(id: d.id)
        case .markLost:
            let reasons: [String?] = [nil, "", "Price", "Timing", "Competitor", "  "]
            return .markLost(id: d.id, reason: reasons[g.int(reasons.count)])
        case .reopen: return .reopen(id: d.id)
        case .setNext:
            if let a = d.nextActivity, g.int(4) == 0 { return .removeActivity(dealID: d.id, activityID: a.id) }
            let planned = step(
                "Step \(g.int(50))", due: Fixed.today.adding(days: g.int(30) - 10), id: "s\(g.int(1_000_000))")
            if var a = d.nextActivity, g.int(2) == 0 {
                a.subject = planned.subject; a.due = planned.due
                return .updateActivity(dealID: d.id, a)
            }
            return .addActivity(dealID: d.id, planned)
        case .completeNext:
            guard !d.activities.isEmpty else {
                return .addActivity(dealID: d.id, step("First", id: "f\(g.int(1_000_000))"))
            }
            let a = d.activities[g.int(d.activities.count)]
            return .completeActivity(
                dealID: d.id, activityID: a.id, outcome: g.int(2) == 0 ? nil : "Outcome \(g.int(9))")
        case .update:
            var n = d
            switch g.int(6) {
            case 0: n.title = "Edited \(g.int(100))"
            case 1: n.value = Money(cents: g.int(5_000_000))
            case 2: n.probability = g.int(2) == 0 ? nil : Percent(hundredths: g.int(10_001))
            case 3: n.stage = b.stages[g.int(b.stages.count)].id
            case 4: n.status = DealStatus.allCases[g.int(3)]; n.lostReason = n.status == .lost ? "Budget" : n.lostReason
            default: n.notes = g.int(2) == 0 ? nil : "Note \(g.int(10))"; n.tags = g.int(2) == 0 ? [] : ["t\(g.int(5))"]
            }
            return .update(n)
        case .delete: return .delete(id: d.id)
        case .add: fatalError("handled above")
        }
    }

    struct Run {
        var original: Board
        var snapshots: [Board] // board after each recorded edit; snapshots[0] == original
        var actions: [Action] // the action that produced snapshots[i + 1]
        var history: UndoHistory
        var final: Board { snapshots.last! }
    }

    /// Applies `count` pseudo-random actions, recording every edit.
    func run(seed: UInt64, count: Int, kinds: [Kind] = Kind.allCases, limit: Int = 1000) -> Run {
        var g = SeededGenerator(seed: seed)
        // Lighter weight on delete and add so that the board stays populated.
        let weighted = kinds.flatMap { k -> [Kind] in (k == .delete || k == .add) ? [k] : [k, k, k] }
        var board = Fixed.demo
        var r = Run(original: board, snapshots: [board], actions: [], history: UndoHistory(limit: limit))
        for step in 0..<count {
            let t = Fixed.later(Int64(step + 1))
            let a = UndoTests.randomAction(board, &g, kinds: weighted, at: t)
            do {
                let o = try board.apply(a, at: t)
                if let e = o.edit {
                    r.history.record(e)
                    board = o.board
                    r.snapshots.append(board)
                    r.actions.append(a)
                } else {
                    assertSameBoard(o.board, board, "no-change outcome must return the same board: \(a)")
                }
            } catch {
                XCTFail("step \(step): \(a) threw \(error)")
            }
        }
        return r
    }

    /// Undoes everything step by step, checking each intermediate board, then redoes everything.
    func assertUndoRedoRoundTrip(_ r: Run, file: StaticString = #filePath, line: UInt = #line) {
        var h = r.history
        var board = r.final
        let n = r.snapshots.count - 1
        var firstMismatch: Int? = nil
        for i in stride(from: n, to: 0, by: -1) {
            XCTAssertNotNil(h.undo(&board), "undo \(i)", file: file, line: line)
            if firstMismatch == nil && board != r.snapshots[i - 1] {
                firstMismatch = i
                XCTFail(
                    "undoing edit \(i) (\(r.actions[i - 1])) does not restore the previous board: "
                        + boardDifference(board, r.snapshots[i - 1]), file: file, line: line)
            }
        }
        XCTAssertFalse(h.canUndo, file: file, line: line)
        XCTAssertNil(h.undo(&board), file: file, line: line)
        assertSameBoard(board, r.original, "undoing all restores the exact original board", file: file, line: line)

        // Redo from the true original, so that a redo fault is reported on its own.
        board = r.original
        firstMismatch = nil
        for i in 1...n {
            XCTAssertNotNil(h.redo(&board), "redo \(i)", file: file, line: line)
            if firstMismatch == nil && board != r.snapshots[i] {
                firstMismatch = i
                XCTFail(
                    "redoing edit \(i) (\(r.actions[i - 1])) does not give the next board: "
                        + boardDifference(board, r.snapshots[i]), file: file, line: line)
            }
        }
        XCTAssertFalse(h.canRedo, file: file, line: line)
        XCTAssertNil(h.redo(&board), file: file, line: line)
        assertSameBoard(board, r.final, "redoing all restores the final board", file: file, line: line)
    }

    // MARK: pseudo-random sequences

    func testRandomSequenceUndoAllRedoAll() {
        let r = run(seed: 0xC0FFEE, count: 400)
        XCTAssertGreaterThanOrEqual(r.actions.count, 200, "the sequence must really change the board")
        XCTAssertNotEqual(r.final, r.original)
        assertUndoRedoRoundTrip(r)
    }

    func testSeveralSeeds() {
        for seed: UInt64 in [1, 2, 3, 4, 5] {
            let r = run(seed: seed, count: 300)
            XCTAssertGreaterThanOrEqual(r.actions.count, 100)
            assertUndoRedoRoundTrip(r)
        }
    }

    /// The same, without reorder, so that a reorder fault does not hide faults elsewhere.
    func testRandomSequenceWithoutReorder() {
        let r = run(seed: 0xBEEF, count: 400, kinds: Kind.allCases.filter { $0 != .reorder })
        XCTAssertGreaterThanOrEqual(r.actions.count, 200)
        assertUndoRedoRoundTrip(r)
    }

    /// Only column reordering (plus moves, so that columns get gaps in their ranks).
    func testRandomReorderSequence() {
        let r = run(seed: 0xABCD, count: 300, kinds: [.reorder, .move])
        XCTAssertGreaterThanOrEqual(r.actions.count, 100)
        assertUndoRedoRoundTrip(r)
    }

    // MARK: targeted cases

    func testUndoReorderAfterColumnGotAGap() throws {
        // d01lea leaves the lead column, so the column's ranks start at 1; then d02lea goes down one.
        var h = UndoHistory()
        var b = Fixed.demo
        let o1 = try b.apply(.move(id: "d01lea", toStage: "qualification"), at: Fixed.later(1))
        h.record(o1.edit!); b = o1.board
        let before = b
        let o2 = try b.apply(.reorder(id: "d02lea", by: 1), at: Fixed.later(2))
        h.record(o2.edit!); b = o2.board
        XCTAssertEqual(b.deals(inStage: "lead").prefix(2).map(\.id), ["d03lea", "d02lea"])
        _ = h.undo(&b)
        assertSameBoard(b, before, "undo of the reorder")
        _ = h.undo(&b)
        assertSameBoard(b, Fixed.demo)
    }

    func testUndoRestoresDeletedDealAtItsPosition() throws {
        var h = UndoHistory()
        var b = Fixed.demo
        let o = try b.apply(.delete(id: "d10nee"), at: Fixed.later(1))
        h.record(o.edit!); b = o.board
        XCTAssertNil(b.deal("d10nee"))
        _ = h.undo(&b)
        assertSameBoard(b, Fixed.demo)
        XCTAssertEqual(b.deals[9].id, "d10nee")
        _ = h.redo(&b)
        assertSameBoard(b, o.board)
    }

    func testUndoOfAdd() throws {
        var h = UndoHistory()
        var b = Fixed.demo
        var g = SeededGenerator(seed: 3)
        let d = b.newDeal(title: "Added", value: Money(units: 5), at: Fixed.later(1), random: &g)
        let o = try b.apply(.add(d), at: Fixed.later(1))
        h.record(o.edit!); b = o.board
        XCTAssertEqual(o.edit?.focusDealID, d.id)
        _ = h.undo(&b)
        assertSameBoard(b, Fixed.demo)
        XCTAssertTrue(h.canRedo)
        _ = h.redo(&b)
        assertSameBoard(b, o.board)
    }

    func testNewActionClearsRedo() throws {
        var h = UndoHistory()
        var b = Fixed.demo
        for (i, a) in [Action.markWon(id: "d01lea"), .shift(id: "d05qua", by: 1)].enumerated() {
            let o = try b.apply(a, at: Fixed.later(Int64(i)))
            h.record(o.edit!); b = o.board
        }
        XCTAssertNotNil(h.undo(&b))
        XCTAssertTrue(h.canRedo)
        let o = try b.apply(.markLost(id: "d07qua", reason: "Price"), at: Fixed.later(9))
        h.record(o.edit!); b = o.board
        XCTAssertFalse(h.canRedo)
        XCTAssertTrue(h.redoStack.isEmpty)
        var copy = b
        XCTAssertNil(h.redo(&copy))
        assertSameBoard(copy, b)
        // Undo twice: back to the demo board.
        _ = h.undo(&b); _ = h.undo(&b)
        assertSameBoard(b, Fixed.demo)
        XCTAssertFalse(h.canUndo)
    }

    func testAtLeastHundredLevels() {
        XCTAssertGreaterThanOrEqual(UndoHistory().limit, 100)
        // 150 changing edits with the default history: all can be undone.
        let r = run(seed: 77, count: 400)
        XCTAssertGreaterThanOrEqual(r.history.undoStack.count, 150)
        var h = r.history
        var b = r.final
        var n = 0
        while h.undo(&b) != nil { n += 1 }
        XCTAssertEqual(n, r.actions.count)
    }

    func testHundredLevelsWithLimitOfHundred() {
        let r = run(seed: 11, count: 300, kinds: Kind.allCases.filter { $0 != .reorder }, limit: 100)
        XCTAssertGreaterThan(r.actions.count, 100)
        XCTAssertEqual(r.history.undoStack.count, 100, "the oldest edits beyond the limit are dropped")
        var h = r.history
        var b = r.final
        while h.undo(&b) != nil {}
        assertSameBoard(b, r.snapshots[r.snapshots.count - 101], "exactly 100 levels back")
    }

    func testEmptyHistory() {
        var h = UndoHistory()
        var b = Fixed.demo
        XCTAssertFalse(h.canUndo)
        XCTAssertFalse(h.canRedo)
        XCTAssertNil(h.undo(&b))
        XCTAssertNil(h.redo(&b))
        assertSameBoard(b, Fixed.demo)
    }

    func testClear() throws {
        var h = UndoHistory()
        var b = Fixed.demo
        let o = try b.apply(.markWon(id: "d01lea"), at: Fixed.now)
        h.record(o.edit!); b = o.board
        _ = h.undo(&b)
        h.clear()
        XCTAssertFalse(h.canUndo)
        XCTAssertFalse(h.canRedo)
    }

    func testEditFocusesTheActedOnDeal() throws {
        let b = Fixed.demo
        for a in [
            Action.markWon(id: "d05qua"), .shift(id: "d05qua", by: 1), .markLost(id: "d05qua", reason: nil),
            .reorder(id: "d05qua", by: 1),
        ] {
            XCTAssertEqual(try b.apply(a, at: Fixed.now).edit?.focusDealID, "d05qua", "\(a)")
        }
    }
}
