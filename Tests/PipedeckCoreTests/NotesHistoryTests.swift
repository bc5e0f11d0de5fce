import XCTest

@testable import PipedeckCore

/// Every change of a deal's notes is written into its history (edits a few minutes apart in one
/// entry), and such entries are never taken for moves.
final class NotesHistoryTests: XCTestCase {
    func withNotes(_ b: Board, _ id: String, _ notes: String?, at t: Timestamp) -> Board {
        var d = b.deal(id)!
        d.notes = notes
        return b.applied(.update(d), at: t)
    }

    func notesEntries(_ d: Deal) -> [HistoryEntry] { d.history.filter { $0.notes != nil } }

    func testEditingNotesAddsOneEntryAtTheDealsStage() {
        let b0 = smallBoard()
        let before = b0.deal("bbb333")!
        let b1 = withNotes(b0, "bbb333", "Wants a quote — before Friday", at: Fixed.later(5))
        let d = b1.deal("bbb333")!
        XCTAssertEqual(d.history.count, before.history.count + 1)
        XCTAssertEqual(Array(d.history.dropLast()), before.history)
        XCTAssertEqual(
            d.history.last, HistoryEntry(at: Fixed.later(5), stage: "proposal", notes: NotesEdit(length: 29)))
        XCTAssertFalse(d.history.last!.isMove)
        XCTAssertEqual(d.updatedAt, Fixed.later(5))
        XCTAssertEqual(d.stageEnteredAt, before.stageEnteredAt, "a notes edit is no stage change")
        XCTAssertEqual(d.stage, "proposal")
    }

    func testOtherChangesAddNoEntry() {
        let b0 = withNotes(smallBoard(), "aaa111", "First call went well", at: Fixed.later(1))
        var d = b0.deal("aaa111")!
        d.title = "Alpha renamed"
        d.value = Money(units: 12_000)
        let b1 = b0.applied(.update(d), at: Fixed.later(30))
        XCTAssertEqual(b1.deal("aaa111")!.history, b0.deal("aaa111")!.history)
    }

    func testQuickEditsFoldIntoOneEntryAndLaterOnesDoNot() {
        var b = withNotes(smallBoard(), "aaa111", "One", at: Fixed.later(0))
        b = withNotes(b, "aaa111", "One and two", at: Fixed.later(2))
        b = withNotes(b, "aaa111", "One, two and three", at: Fixed.later(5)) // 3 minutes after the last
        XCTAssertEqual(
            notesEntries(b.deal("aaa111")!),
            [HistoryEntry(at: Fixed.later(5), stage: "lead", notes: NotesEdit(length: 18))])
        // More than five minutes after the last edit: a new entry.
        b = withNotes(b, "aaa111", "Four", at: Fixed.later(11))
        XCTAssertEqual(
            notesEntries(b.deal("aaa111")!),
            [
                HistoryEntry(at: Fixed.later(5), stage: "lead", notes: NotesEdit(length: 18)),
                HistoryEntry(at: Fixed.later(11), stage: "lead", notes: NotesEdit(length: 4)),
            ])
    }

    func testAMoveBetweenTwoEditsKeepsBothEntries() {
        var b = withNotes(smallBoard(), "aaa111", "Before the move", at: Fixed.later(0))
        b = b.applied(.move(id: "aaa111", toStage: "qualification"), at: Fixed.later(1))
        b = withNotes(b, "aaa111", "After the move", at: Fixed.later(2))
        let h = b.deal("aaa111")!.history
        XCTAssertEqual(h.count, 4)
        XCTAssertEqual(h[1], HistoryEntry(at: Fixed.later(0), stage: "lead", notes: NotesEdit(length: 15)))
        XCTAssertTrue(h[2].isMove)
        XCTAssertEqual(h[3], HistoryEntry(at: Fixed.later(2), stage: "qualification", notes: NotesEdit(length: 14)))
    }

    func testAFormThatMovesAndEditsNotesRecordsTheMoveThenTheEdit() {
        let b0 = smallBoard()
        var d = b0.deal("aaa111")!
        d.stage = "proposal"
        d.notes = "Sent the proposal"
        let h = b0.applied(.update(d), at: Fixed.later(3)).deal("aaa111")!.history
        XCTAssertEqual(h.suffix(2).map(\.isMove), [true, false])
        XCTAssertEqual(h.last, HistoryEntry(at: Fixed.later(3), stage: "proposal", notes: NotesEdit(length: 17)))
    }

    func testClearingNotesIsRecordedWithLengthZero() {
        var b = withNotes(smallBoard(), "aaa111", "Temporary", at: Fixed.later(0))
        b = withNotes(b, "aaa111", nil, at: Fixed.later(60))
        XCTAssertEqual(notesEntries(b.deal("aaa111")!).map { $0.notes!.length }, [9, 0])
        XCTAssertEqual(Strings.notesEdited(length: 0), "notes cleared")
        XCTAssertEqual(Strings.notesEdited(length: 9), "notes edited (9 characters)")
    }

    func testLengthCountsCharactersAsPeopleSeeThem() {
        let b = withNotes(smallBoard(), "aaa111", "Café 日本 👍🏽", at: Fixed.later(0))
        XCTAssertEqual(notesEntries(b.deal("aaa111")!).first?.notes?.length, 9)
    }

    func testUndoTakesTheEntryAwayAndRedoPutsItBack() throws {
        let b0 = withNotes(smallBoard(), "aaa111", "One", at: Fixed.later(0))
        var d = b0.deal("aaa111")!
        d.notes = "One and two"
        let o = try b0.apply(.update(d), at: Fixed.later(1)) // folded into the entry of "One"
        var history = UndoHistory()
        history.record(o.edit!)
        var b = o.board
        _ = history.undo(&b)
        XCTAssertEqual(b.deal("aaa111")!.history, b0.deal("aaa111")!.history)
        _ = history.redo(&b)
        XCTAssertEqual(b.deal("aaa111")!.history, o.board.deal("aaa111")!.history)
    }

    /// Velocity, the funnel and the time in stage read the same from a history with notes edits
    /// as from the same history without them.
    func testNotesEditsAreNotMovesForTheFigures() {
        let deals = [
            reportDeal(
                "m1",
                steps: [
                    ("2026-11-01T09:00:00Z", nil, "lead", nil), ("2026-11-03T09:00:00Z", "lead", "proposal", nil),
                    ("2026-11-09T09:00:00Z", "proposal", "qualification", nil),
                    ("2026-11-20T09:00:00Z", "qualification", "won", .won),
                ]),
            reportDeal(
                "m2",
                steps: [
                    ("2026-11-02T09:00:00Z", nil, "lead", nil), ("2026-11-04T09:00:00Z", "lead", "lead", .lost),
                    ("2026-11-10T09:00:00Z", "lead", "lead", .open),
                ]),
        ]
        let edited = deals.map { d in
            var d = d
            // Edits in the stage the deal was in at the time: after its creation, while lost, last.
            for (day, stage) in [(2, d.history[0].to), (5, d.history[1].to), (28, d.stage)] {
                let at = rt("2026-11-\(day < 10 ? "0" : "")\(day)T15:00:00Z")
                let k = d.history.firstIndex { $0.at > at } ?? d.history.count
                d.history.insert(HistoryEntry(at: at, stage: stage, notes: NotesEdit(length: day)), at: k)
            }
            return d
        }
        XCTAssertEqual(edited.map { notesEntries($0).count }, [3, 3])
        let b = standardBoard(deals), e = standardBoard(edited)
        XCTAssertEqual(
            FunnelReport(board: e, deals: e.deals).rows.map(\.reached),
            FunnelReport(board: b, deals: b.deals).rows.map(\.reached))
        XCTAssertEqual(
            FunnelReport(board: e, deals: e.deals).rows.map(\.advanced),
            FunnelReport(board: b, deals: b.deals).rows.map(\.advanced))
        XCTAssertEqual(
            VelocityReport(board: e, deals: e.deals, today: reportToday),
            VelocityReport(board: b, deals: b.deals, today: reportToday))
        for (d, x) in zip(deals, edited) {
            XCTAssertEqual(
                VelocityReport.daysPerStage(x, today: reportToday), VelocityReport.daysPerStage(d, today: reportToday))
            XCTAssertEqual(x.history.filter(\.isMove), d.history)
        }
    }

    /// Reopening goes back to the last open stage the deal moved through, not to the stage a notes
    /// edit names.
    func testReopeningLooksOnlyAtMoves() {
        var d = reportDeal(
            "r1",
            steps: [
                ("2026-11-01T09:00:00Z", nil, "lead", nil), ("2026-11-03T09:00:00Z", "lead", "negotiation", nil),
                ("2026-11-09T09:00:00Z", "negotiation", "won", .won),
            ])
        // An entry naming an open stage, after the win (a file edited by hand, a stage since renamed).
        d.history.append(HistoryEntry(at: rt("2026-11-10T09:00:00Z"), stage: "lead", notes: NotesEdit(length: 3)))
        let b = standardBoard([d]).applied(.reopen(id: "r1"), at: rt("2026-11-12T09:00:00Z"))
        XCTAssertEqual(b.deal("r1")?.stage, "negotiation")
    }
}
