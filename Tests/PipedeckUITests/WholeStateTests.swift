import PipedeckCore
import XCTest

@testable import PipedeckUI

/// Tests that compare the whole `AppState` after a key sequence with the state expected, so
/// that nothing else changed on the way (selection, scroll, filter, columns, figures, history,
/// message, screen).
final class WholeStateTests: XCTestCase {
    static let now = AppDriver.now
    static let today = AppDriver.today

    func fresh(readOnly: Bool = false) -> AppState {
        var s = AppState(
            board: Demo.board(now: Self.now, today: Self.today), fileName: "pipeline.json", now: Self.now,
            today: Self.today, width: 120, height: 40)
        if readOnly { s.saveState = .readOnly }
        return s
    }

    func press(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        keys.flatMap { state.handle($0) }
    }

    /// Opening a screen or a dialog and leaving it without a change gives back the very state
    /// the board was in.
    func testLeavingAScreenWithoutAChangeRestoresTheWholeState() {
        let sequences: [[Key]] = [
            [.enter, .escape], [.enter, .down, .pageDown, .escape], [.char("e"), .char("x"), .tab, .escape],
            [.char("a"), .char("y"), .escape], [.char("m"), .escape], [.char("m"), .backspace, .ctrl("c")],
            [.char("x"), .down, .char("z"), .escape], [.char("d"), .char("n")], [.char("n"), .char("w"), .escape],
            [.char("/"), .char("w"), .char("e"), .char("b"), .escape], [.char("f"), .down, .down, .escape],
            [.char("A"), .down, .char("G"), .escape], [.char("r"), .tab, .char("3"), .pageDown, .escape],
            [.char("S"), .down, .escape], [.char("S"), .char("a"), .char("N"), .escape, .escape],
            [.char("S"), .char("d"), .down, .escape, .escape], [.char("?"), .tab, .pageDown, .escape],
            [.char("A"), .char("?"), .tab, .escape, .escape], [.char("l"), .char("h")],
        ]
        let initial = fresh()
        for keys in sequences {
            var s = initial
            let fx = press(&s, keys)
            XCTAssertEqual(fx, [], "\(keys)")
            assertSameState(s, initial, "after \(keys.map(\.label))")
        }
    }

    /// While the file is read-only every key that would change the board is refused with one
    /// message, and nothing else moves: on the board, in the details and on the stages screen.
    func testReadOnlyRefusesEveryChangeAndTouchesNothingElse() {
        let initial = fresh(readOnly: true)
        var expected = initial
        expected.message = StatusMessage(UIText.readOnlyRefused, isError: true)
        var refused = 0
        for b in Bindings.board where b.command.changesBoard {
            for key in b.keys {
                var s = initial
                XCTAssertEqual(s.handle(key), [], key.label)
                assertSameState(s, expected, "board: \(key.label)")
                refused += 1
            }
        }
        for key: Key in [.char("1"), .char("2"), .char("3"), .char("4"), .char("p")] {
            var s = initial
            _ = s.handle(.enter)
            var inDetail = s
            XCTAssertEqual(s.handle(key), [])
            inDetail.message = expected.message
            assertSameState(s, inDetail, "details: \(key.label)")
        }
        for b in Bindings.stages where b.command.changesBoard {
            for key in b.keys {
                var s = initial
                _ = s.handle(.char("S"))
                var onStages = s
                XCTAssertEqual(s.handle(key), [])
                onStages.message = expected.message
                assertSameState(s, onStages, "stages: \(key.label)")
            }
        }
        XCTAssertGreaterThan(refused, 20)
    }

    /// Three ways to move a deal to the next stage (`m 2 Enter`, a mouse drag, and `L` after a key
    /// that changes nothing) end in the same state.
    func testThreeWaysToMoveADealEndInTheSameState() throws {
        let initial = fresh()
        var byNumber = initial
        XCTAssertEqual(press(&byNumber, [.char("m"), .char("2"), .enter]), [.save])
        var byMouse = initial
        let card = try XCTUnwrap(initial.hitTestCard(deal: "d01lea"))
        let column = initial.screen.columnFrames(count: initial.visibleColumnRange.count)[1]
        let fx = press(
            &byMouse,
            [
                .mouse(MouseEvent(kind: .press, x: card.x, y: card.y)),
                .mouse(MouseEvent(kind: .release, x: column.x + 2, y: card.y)),
            ])
        XCTAssertEqual(fx, [.save])
        assertSameState(byMouse, byNumber)
        var byKey = initial
        XCTAssertEqual(press(&byKey, [.ctrl("l"), .char("L")]), [.redrawAll, .save])
        XCTAssertEqual(byKey.board, byNumber.board)
        XCTAssertEqual(byKey.message, byNumber.message)
        XCTAssertEqual(byKey.focusedStage, 1)
        XCTAssertEqual(byKey.selectedDeal?.id, "d01lea")
        var sameHistory = byKey
        sameHistory.history = byNumber.history
        assertSameState(sameHistory, byNumber, "only the undo record says how the deal moved")
    }

    /// A change then `u` gives back the whole state but for the undo record and the message;
    /// and a column the deal moved into keeps its selection where the deal was (each column
    /// remembers its own).
    func testUndoGivesBackTheWholeState() {
        let initial = fresh()
        for keys: [Key] in [
            [.char("w")], [.char("L")], [.char("J")], [.char("x"), .enter], [.char("d"), .char("y")],
            [.char("n"), .char("C"), .char("a"), .char("l"), .char("l"), .enter],
            [.char("e"), .end, .char("!"), .enter],
        ] {
            var s = initial
            XCTAssertEqual(press(&s, keys).last, .save, "\(keys)")
            let label = s.history.undoStack.last?.label ?? ""
            let visited = s.focusedStage, place = s.cursor[s.focusedStage]
            XCTAssertEqual(s.handle(.char("u")), [.save])
            var expected = initial
            expected.message = StatusMessage(Strings.undone(label))
            expected.saveState = .pending
            expected.history = s.history
            if visited != initial.focusedStage {
                expected.cursor[visited] = min(place, initial.columns[visited].count - 1)
            }
            XCTAssertEqual(s.history.undoStack.count, 0)
            XCTAssertEqual(s.history.redoStack.count, 1)
            assertSameState(s, expected, "undo after \(keys.map(\.label))")
        }
    }
}

extension AppState {
    /// The top-left cell of a deal's card on screen.
    func hitTestCard(deal id: String) -> (x: Int, y: Int)? {
        let frames = screen.columnFrames(count: visibleColumnRange.count)
        for (k, f) in frames.enumerated() {
            for y in screen.cardTop..<screen.footerRow {
                if let hit = hitTest(x: f.x + 1, y: y), let card = hit.card,
                    hit.column == visibleColumnRange.lowerBound + k,
                    board.deals[columns[hit.column][card]].id == id
                {
                    return (f.x + 1, y)
                }
            }
        }
        return nil
    }
}
