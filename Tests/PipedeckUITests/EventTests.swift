import PipedeckCore
import XCTest

@testable import PipedeckUI

/// Keys and what background saves and looks at the file found, sent through the reducer as the
/// event loop sends them; the whole state is compared with the one expected.
final class EventTests: XCTestCase {
    static let now = AppDriver.now
    static let today = AppDriver.today

    func fresh(_ board: Board = Demo.board(now: now, today: today)) -> AppState {
        AppState(board: board, fileName: "pipeline.json", now: Self.now, today: Self.today, width: 120, height: 40)
    }

    func send(_ state: inout AppState, _ events: [Event]) -> [Effect] {
        events.flatMap { state.handle($0) }
    }

    func keys(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        send(&state, keys.map(Event.key))
    }

    /// The demo as another program left it: the first lead moved on, and a new lead put first in
    /// its old column.
    func changedElsewhere() throws -> Board {
        var b = try Demo.board(now: Self.now, today: Self.today)
            .apply(.move(id: "d01lea", toStage: "qualification"), at: Self.now).board
        var intruder = b.newDeal(title: "Intruder", value: Money(units: 1), stage: "lead", at: Self.now)
        intruder.rank = -1
        b.deals.append(intruder)
        return b
    }

    /// Saves that end while keys are pressed change nothing but the save state: the same keys
    /// with the saves' outcomes in between end where the keys alone end, saved. A failure in
    /// between stays the save state until a save succeeds, which says so; a frame drawn changes
    /// nothing.
    func testKeysWithSavesInBetweenEndWhereTheKeysAloneEnd() {
        let initial = fresh()
        var alone = initial
        XCTAssertEqual(keys(&alone, [.char("L"), .char("L"), .down, .char("w")]), [.save, .save, .save])
        XCTAssertEqual(alone.saveState, .pending)

        var s = initial
        let fx = send(
            &s,
            [
                .key(.char("L")), .file(.saved(more: true)), .drawn, .key(.char("L")),
                .file(.saveFailed("cannot write pipeline.json: no space left on device")), .drawn, .key(.down),
                .file(.saved(more: true)), .key(.char("w")), .drawn,
            ])
        XCTAssertEqual(fx, [.save, .save, .save])
        XCTAssertEqual(s.saveState, .failed("cannot write pipeline.json: no space left on device"))
        var expected = alone
        expected.saveState = .failed("cannot write pipeline.json: no space left on device")
        assertSameState(s, expected, "a failure is the save state; the key's own message is shown")

        XCTAssertEqual(send(&s, [.file(.saved(more: false)), .drawn]), [])
        expected.saveState = .saved
        expected.message = StatusMessage(UIText.savedAgain)
        assertSameState(s, expected, "all saved again")

        // Without a failure, the end of the last save says nothing.
        var calm = initial
        _ = send(&calm, [.key(.char("L")), .file(.saved(more: false)), .key(.char("w")), .file(.saved(more: false))])
        var keysThenSaved = initial
        _ = keys(&keysThenSaved, [.char("L"), .char("w")])
        keysThenSaved.saveState = .saved
        assertSameState(calm, keysThenSaved)
    }

    /// A reload replaces the board and keeps the selection on the same deal; the key that arrives
    /// before it was drawn is not used (it would have moved the deal a second time), the keys
    /// typed meanwhile are dropped when it is drawn, and the next key acts on the new board.
    func testAReloadIsDrawnBeforeAKeyActsOnIt() throws {
        var s = fresh()
        XCTAssertEqual(s.selectedDeal?.id, "d01lea")
        let other = try changedElsewhere()
        let note = StatusMessage(UIText.boardReloaded)
        XCTAssertEqual(s.handle(.file(.reloaded(board: other, note: note))), [])

        var expected = fresh(other)
        expected.select(dealID: "d01lea")
        expected.keepVisible()
        expected.message = note
        expected.boardReplacedUnseen = true
        // What a reload keeps of the undo history is tested with undo.
        expected.history = s.history
        assertSameState(s, expected, "the board made elsewhere, selection on the same deal")

        XCTAssertEqual(s.handle(.key(.char("L"))), [])
        expected.message = StatusMessage(UIText.keyIgnored + UIText.boardReloaded)
        assertSameState(s, expected, "the key is not used; only the message says so")

        XCTAssertEqual(s.handle(.drawn), [.discardTypeahead])
        XCTAssertEqual(s.handle(.drawn), [], "dropped once")
        expected.boardReplacedUnseen = false
        assertSameState(s, expected)

        XCTAssertEqual(s.handle(.key(.char("L"))), [.save])
        XCTAssertEqual(s.board.deal("d01lea")?.stage, "needs", "moved once more from where it is now")
        XCTAssertEqual(s.selectedDeal?.id, "d01lea")
    }

    /// Screens whose keys do not act on deals keep their keys after a reload: a resize, the help.
    func testAReloadDoesNotEatKeysThatDoNotActOnDeals() throws {
        var s = fresh()
        _ = s.handle(.key(.char("?")))
        _ = s.handle(.file(.reloaded(board: try changedElsewhere(), note: StatusMessage(UIText.boardReloaded))))
        var alone = s
        _ = alone.handle(.down)
        XCTAssertEqual(s.handle(.key(.down)), [])
        assertSameState(s, alone, "the help scrolls")
        XCTAssertEqual(s.handle(.drawn), [], "nothing typed on the help is dropped")

        var board = fresh()
        _ = board.handle(.file(.reloaded(board: try changedElsewhere(), note: StatusMessage(UIText.boardReloaded))))
        XCTAssertEqual(board.handle(.key(.resize)), [.redrawAll])
        XCTAssertTrue(board.boardReplacedUnseen, "a resize is not a key the person meant for a deal")

        // A file that changed to the very board on screen replaces nothing.
        var same = fresh()
        _ = same.handle(.file(.reloaded(board: same.board, note: StatusMessage(UIText.boardReloaded))))
        XCTAssertFalse(same.boardReplacedUnseen)
        XCTAssertEqual(same.handle(.key(.char("L"))), [.save])
    }

    /// A save that had to merge with changes made elsewhere: the merge is shown at once, saved
    /// again when it holds changes the file has not, and the save state is saved once it is.
    func testAMergeIsShownAndWhatTheFileLacksIsSaved() throws {
        var s = fresh()
        _ = keys(&s, [.char("L")])
        var merged = try changedElsewhere()
        merged.deals[merged.dealIndex("d05qua")!].title = "Renamed elsewhere"
        let note = StatusMessage("the file changed on disk: your changes were merged into it")
        XCTAssertEqual(s.handle(.file(.merged(board: merged, onDisk: false, note: note))), [.save])
        XCTAssertEqual(s.board, merged)
        XCTAssertEqual(s.saveState, .pending)
        XCTAssertEqual(s.message, note)
        XCTAssertTrue(s.boardReplacedUnseen)
        let before = s
        XCTAssertEqual(s.handle(.file(.saved(more: false))), [])
        var expected = before
        expected.saveState = .saved
        assertSameState(s, expected)

        var written = fresh()
        _ = keys(&written, [.char("L")])
        XCTAssertEqual(written.handle(.file(.merged(board: merged, onDisk: true, note: note))), [])
        XCTAssertEqual(written.saveState, .saved)
    }

    /// Read-only and writable again, a file that no longer reads, a file removed: each changes the
    /// save state only where the save state says it may, and says what happened.
    func testWhatALookAtTheFileFoundChangesOnlyWhatItMay() {
        let initial = fresh()
        let ro = StatusMessage("the file became read-only: changes are no longer possible", isError: true)
        var s = initial
        XCTAssertEqual(s.handle(.file(.readOnly(note: ro))), [])
        var expected = initial
        expected.saveState = .readOnly
        expected.message = ro
        assertSameState(s, expected)
        let again = StatusMessage("the file can be written again: changes are saved")
        XCTAssertEqual(s.handle(.file(.writable(note: again))), [])
        expected.saveState = .saved
        expected.message = again
        assertSameState(s, expected)

        // With a change not saved yet, its save says what happens: read-only is not taken.
        var pending = initial
        _ = keys(&pending, [.char("L")])
        let unchanged = pending
        _ = pending.handle(.file(.readOnly(note: ro)))
        _ = pending.handle(.file(.writable(note: again)))
        assertSameState(pending, unchanged)

        let broken = "the file changed on disk and cannot be read, so nothing is saved over it: line 1"
        var idle = initial
        _ = idle.handle(.file(.unreadable(broken)))
        expected = initial
        expected.message = StatusMessage(broken, isError: true)
        assertSameState(idle, expected, "nothing unsaved: only said")
        _ = pending.handle(.file(.unreadable(broken)))
        XCTAssertEqual(pending.saveState, .failed(broken))

        let removed = StatusMessage("the file was removed from disk: the next change writes it again", isError: true)
        var gone = initial
        XCTAssertEqual(gone.handle(.file(.removed(note: removed))), [])
        expected = initial
        expected.message = removed
        assertSameState(gone, expected)
        var unsaved = initial
        _ = keys(&unsaved, [.char("L")])
        let said = unsaved
        XCTAssertEqual(unsaved.handle(.file(.removed(note: nil))), [.save], "written again at once")
        assertSameState(unsaved, said)
    }

    /// The notes edited outside and what the loop has to say arrive as events too.
    func testNotesAndNoticesAreEvents() {
        var s = fresh()
        var direct = s
        let text = "Met at the bakery fair.\n"
        XCTAssertEqual(s.handle(.notesEdited(dealID: "d01lea", text: text)), [.save])
        XCTAssertEqual(direct.setNotes(dealID: "d01lea", text), [.save])
        assertSameState(s, direct)
        let notice = StatusMessage("theme: paper", isError: false)
        XCTAssertEqual(s.handle(.notice(notice)), [])
        direct.message = notice
        assertSameState(s, direct)
    }
}
