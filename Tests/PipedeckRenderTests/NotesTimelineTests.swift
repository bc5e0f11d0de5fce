import PipedeckCore
import PipedeckUI
import XCTest

@testable import PipedeckRender

/// A notes edit in the details' timeline: one line with its day and time, among the moves, at
/// the smallest and a large screen.
final class NotesTimelineTests: XCTestCase {
    /// The demo with the selected deal's notes edited (through the notes editor's path) at 09:00
    /// and again at 09:02 (one entry), then the details open.
    func details(width: Int, height: Int) -> (AppState, before: [String]) {
        var s = Fixture.state(width: width, height: height)
        let id = s.selectedDeal!.id
        Fixture.press(&s, .enter)
        var before = Fixture.rows(s)
        Fixture.press(&s, .escape)
        _ = s.setNotes(dealID: id, "Budget confirmed by the CFO.\n")
        s.setClock(now: Fixture.now.adding(seconds: 120), today: Fixture.today)
        _ = s.setNotes(dealID: id, "Budget confirmed by the CFO — wants a demo for the team.\n")
        XCTAssertEqual(s.board.deal(id)!.history.filter { $0.notes != nil }.count, 1)
        Fixture.press(&s, .enter)
        if height < 20 { before = [] }
        return (s, before)
    }

    func testTheTimelineShowsTheEditNewestFirst() {
        let (s, before) = details(width: 120, height: 40)
        let rows = Fixture.rows(s)
        let line = rows.firstIndex { $0.contains("notes edited (56 characters)") }
        XCTAssertNotNil(line, rows.joined(separator: "\n"))
        XCTAssertTrue(rows[line!].contains("2026-11-30 09:02"), rows[line!])
        let title = rows.firstIndex { $0.contains("Timeline") }!
        // Newest first: the edit comes before (above) every earlier entry of the timeline.
        let created = rows.firstIndex { $0.contains("created in") }!
        XCTAssertTrue(title < line! && line! < created)
        // The moves' lines read as before: a notes edit does not end a stay in a stage.
        let moves = { (r: [String]) in r.filter { $0.contains("→") || $0.contains("created in") } }
        XCTAssertEqual(moves(rows), moves(before))
        assertSnapshot(rows, named: "detail-notes-120x40")
    }

    /// The days a deal stayed in a stage run to its next move, not to a notes edit made there.
    func testAStayInAStageRunsPastANotesEdit() {
        var b = Fixture.demo
        let i = b.dealIndex("d01lea")!
        XCTAssertEqual(b.deals[i].history.count, 1, "created 2026-11-28, never moved")
        b.deals[i].history.append(
            HistoryEntry(at: Fixture.now.adding(days: -1), stage: "lead", notes: NotesEdit(length: 0)))
        var s = Fixture.state(b, width: 120, height: 40)
        Fixture.press(&s, .enter)
        let rows = Fixture.rows(s)
        XCTAssertTrue(rows.contains { $0.contains("2026-11-29 09:00  notes cleared") }, rows.joined(separator: "\n"))
        XCTAssertTrue(rows.contains { $0.contains("created in Lead generation  2 days") }, rows.joined(separator: "\n"))
    }

    func testTheLineFitsTheSmallestScreen() {
        var (s, _) = details(width: 40, height: 12)
        var seen: [String] = []
        for _ in 0..<12 {
            let rows = Fixture.rows(s)
            XCTAssertTrue(rows.allSatisfy { TextWidth.width($0) <= 40 })
            if let r = rows.first(where: { $0.contains("notes edited") }) { seen.append(r) }
            if !seen.isEmpty { break }
            Fixture.press(&s, .pageDown)
        }
        XCTAssertEqual(seen.count, 1, "the edit's line shows when scrolled to")
        XCTAssertTrue(seen.first?.contains("2026-11-30 09:02") ?? false, seen.first ?? "")
        assertSnapshot(Fixture.rows(s), named: "detail-notes-40x12")
    }
}
