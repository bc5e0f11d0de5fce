import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// Notes edits in the file: written as an optional `notes` object of a history entry, read back
/// to the same bytes, refused with their place when wrong, and merged by the one merge without
/// duplicates.
final class NotesHistoryFileTests: XCTestCase {
    let path = "pipeline.json"

    func testANotesEditIsWrittenAsAnObjectAndReadBackToTheSameBytes() throws {
        var b = Fixtures.richBoard()
        var d = b.deals[0]
        d.notes = "Wants the quote by Friday"
        b = try b.apply(.update(d), at: Fixtures.ts("2026-12-01T10:00:00Z")).board
        let text = Fixtures.encodeString(b)
        XCTAssertTrue(
            text.contains(
                """
                        {"at": "2026-12-01T10:00:00Z", "from": "\(d.stage)", "notes": {"length": 25}, "to": "\(d.stage)"}
                """), text)
        let back = try Fixtures.decode(text)
        XCTAssertEqual(back, b)
        XCTAssertEqual(back.deals[0].history.last?.notes, NotesEdit(length: 25))
        XCTAssertEqual(Fixtures.encodeString(back), text)
    }

    func testUnknownFieldsOfTheNotesObjectAreKept() throws {
        let entry: JSONValue = .object([
            "at": .string("2026-11-02T09:00:00Z"), "from": .string("lead"), "to": .string("lead"),
            "notes": .object(["length": .number("12"), "_by": .string("crm-sync")]),
        ])
        let data = Fixtures.editDeal(
            0, "history", .array([.object(["at": .string("2026-11-01T09:00:00Z"), "to": .string("lead")]), entry]))
        let b = try Fixtures.decode(data)
        let h = b.deals[0].history
        XCTAssertEqual(h[1].notes?.length, 12)
        XCTAssertEqual(h[1].notes?.extra, ["_by": .string("crm-sync")])
        XCTAssertFalse(h[1].isMove)
        XCTAssertTrue(Fixtures.encodeString(b).contains("\"_by\": \"crm-sync\""))
        XCTAssertEqual(try Fixtures.decode(Fixtures.encodeString(b)), b)
    }

    func testAWrongLengthIsRefusedWithItsPlace() {
        func message(_ notes: JSONValue) -> String? {
            let entry: JSONValue = .object([
                "at": .string("2026-11-02T09:00:00Z"), "to": .string("lead"), "notes": notes,
            ])
            return Fixtures.loadError(Fixtures.editDeal(0, "history", .array([entry])))?.message
        }
        XCTAssertEqual(
            message(.object(["length": .number("-3")])),
            "pipeline.json: deal \"k7q2mx\": field \"history[0].notes.length\": expected a whole number of characters, 0 or more, found -3"
        )
        XCTAssertEqual(
            message(.object([:])), "pipeline.json: deal \"k7q2mx\": field \"history[0].notes.length\" is missing")
        XCTAssertEqual(
            message(.string("edited")),
            "pipeline.json: deal \"k7q2mx\": field \"history[0].notes\": expected an object, found a string")
    }

    /// A file made by hand without `stageEnteredAt`: it comes from the last move into the stage,
    /// not from a notes edit made there later; `updatedAt` from the last entry of any kind.
    func testMissingStageTimeComesFromTheMovesNotFromANotesEdit() throws {
        let history: JSONValue = .array([
            .object(["at": .string("2026-11-01T09:00:00Z"), "to": .string("lead")]),
            .object(["at": .string("2026-11-05T09:00:00Z"), "from": .string("lead"), "to": .string("proposal")]),
            .object([
                "at": .string("2026-11-09T09:00:00Z"), "from": .string("proposal"), "to": .string("proposal"),
                "notes": .object(["length": .number("4")]),
            ]),
        ])
        let data = Fixtures.edited { o in
            guard case .array(var deals) = o["deals"], case .object(var d) = deals[0] else { return }
            d["history"] = history
            d["stage"] = .string("proposal")
            d["stageEnteredAt"] = nil
            d["updatedAt"] = nil
            deals[0] = .object(d)
            o["deals"] = .array(deals)
        }
        let d = try Fixtures.decode(data).deals[0]
        XCTAssertEqual(d.stageEnteredAt, Fixtures.ts("2026-11-05T09:00:00Z"))
        XCTAssertEqual(d.updatedAt, Fixtures.ts("2026-11-09T09:00:00Z"))
    }
}

/// Notes edits made on two copies of the board.
extension BoardMergeTests {
    func editNotes(_ b: Board, _ id: String, _ text: String, minute: Int64) throws -> Board {
        var d = b.deal(id)!
        d.notes = text
        return try b.apply(.update(d), at: BoardMergeTests.now.adding(seconds: 60 * minute)).board
    }

    func notesEntries(_ b: Board, _ id: String) -> [HistoryEntry] {
        b.deal(id)!.history.filter { $0.notes != nil }
    }

    func testNotesEditedOnBothSidesKeepEveryEditOnce() throws {
        let mine = try editNotes(base, "d01lea", "Called: budget confirmed", minute: 10)
        let theirs = try editNotes(editNotes(base, "d05qua", "Sent deck", minute: 12), "d01lea", "Met CFO", minute: 20)
        let (m, report) = try merged(mine, theirs)
        XCTAssertEqual(
            notesEntries(m, "d01lea").map(\.at),
            [BoardMergeTests.now.adding(seconds: 600), BoardMergeTests.now.adding(seconds: 1200)])
        XCTAssertEqual(notesEntries(m, "d05qua").count, 1)
        // Both changed the text itself: the later one is kept, the other in a merge's note.
        XCTAssertEqual(m.deal("d01lea")?.notes, "Met CFO")
        XCTAssertEqual(report.conflicts, [m.deal("d01lea")!.title])
        XCTAssertEqual(m.deal("d01lea")!.history.filter(\.isMove), base.deal("d01lea")!.history.filter(\.isMove))
        // Merged again with either side (the next sync), nothing is added twice.
        for side in [mine, theirs] {
            let again = BoardMerge.merge(base: side, mine: side, theirs: m).board
            XCTAssertEqual(again.deal("d01lea")!.history, m.deal("d01lea")!.history)
        }
    }

    func testTheSameEditOnBothSidesIsOneEntry() throws {
        let mine = try editNotes(base, "d01lea", "Same words", minute: 10)
        var theirs = try editNotes(base, "d01lea", "Same words", minute: 10)
        theirs.deals[theirs.dealIndex("d05qua")!].title = "Renamed there"
        let (m, report) = try merged(mine, theirs)
        XCTAssertTrue(report.isClean, "\(report)")
        XCTAssertEqual(notesEntries(m, "d01lea").count, 1)
    }

    /// One side folds a quick second edit into the entry both sides already have: the merge takes
    /// the folded entry instead of keeping the old one beside it.
    func testAnEditFoldedOnOneSideReplacesTheSharedEntry() throws {
        let shared = try editNotes(base, "d01lea", "First", minute: 10)
        let mine = try editNotes(shared, "d01lea", "First, fixed", minute: 12)
        var theirs = shared
        theirs.deals[theirs.dealIndex("d05qua")!].title = "Renamed there"
        let (m, report) = BoardMerge.merge(base: shared, mine: mine, theirs: theirs)
        let (other, _) = BoardMerge.merge(base: shared, mine: theirs, theirs: mine)
        XCTAssertEqual(BoardDocument.encode(m), BoardDocument.encode(other))
        XCTAssertTrue(report.isClean, "\(report)")
        XCTAssertEqual(
            notesEntries(m, "d01lea"),
            [HistoryEntry(at: BoardMergeTests.now.adding(seconds: 720), stage: "lead", notes: NotesEdit(length: 12))])
        XCTAssertEqual(m.deal("d01lea")?.notes, "First, fixed")
        XCTAssertEqual(m.deal("d05qua")?.title, "Renamed there")
    }
}
