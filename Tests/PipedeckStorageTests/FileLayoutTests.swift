import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// A team shares the board through git: a change to one deal must show in `git diff` as lines of
/// that deal only, never as a rewrite of other deals (ranks, order, layout).
final class FileLayoutTests: XCTestCase {
    static let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    /// 300 deals whose ranks are distinct in each column, as Pipedeck gives them.
    let base: Board = {
        var b = PerformanceTests.bigBoard(deals: 300)
        for (i, _) in b.deals.enumerated() { b.deals[i].rank = i }
        return b
    }()

    func lines(_ b: Board) -> [Substring] {
        let text = String(decoding: BoardDocument.encodeBytes(b), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The lines that differ between two files: the range between their common start and end.
    func changed(_ a: [Substring], _ b: [Substring]) -> (a: Range<Int>, b: Range<Int>) {
        var p = 0
        while p < a.count && p < b.count && a[p] == b[p] { p += 1 }
        var s = 0
        while s < a.count - p && s < b.count - p && a[a.count - 1 - s] == b[b.count - 1 - s] { s += 1 }
        return (p..<(a.count - s), p..<(b.count - s))
    }

    /// The lines of deal `id`'s object, from its "{" to its "}".
    func span(of id: String, in l: [Substring]) -> Range<Int> {
        let at = l.firstIndex { $0 == "      \"id\": \"\(id)\"," }!
        let start = l[..<at].lastIndex { $0 == "    {" }!
        let end = l[at...].firstIndex { $0 == "    }" || $0 == "    }," }!
        return start..<(end + 1)
    }

    func assertOnlyTouches(
        _ ids: [String], _ before: Board, _ after: Board, file: StaticString = #filePath, line: UInt = #line
    ) {
        let a = lines(before), b = lines(after)
        let (ra, rb) = changed(a, b)
        let spansA = ids.map { span(of: $0, in: a) }, spansB = ids.map { span(of: $0, in: b) }
        let lowA = spansA.map(\.lowerBound).min()!, highA = spansA.map(\.upperBound).max()!
        let lowB = spansB.map(\.lowerBound).min()!, highB = spansB.map(\.upperBound).max()!
        XCTAssertTrue(
            ra.lowerBound >= lowA && ra.upperBound <= highA, "before: \(ra) outside \(ids)", file: file, line: line)
        XCTAssertTrue(
            rb.lowerBound >= lowB && rb.upperBound <= highB, "after: \(rb) outside \(ids)", file: file, line: line)
        XCTAssertFalse(ra.isEmpty && rb.isEmpty, "something changed", file: file, line: line)
    }

    func testAMoveAnEditAWinAndAReorderTouchOnlyTheirDeals() throws {
        let d = base.deals(inStage: "qualification")[3]
        let now = FileLayoutTests.now
        assertOnlyTouches([d.id], base, try base.apply(.shift(id: d.id, by: 1), at: now).board)
        assertOnlyTouches([d.id], base, try base.apply(.markWon(id: d.id), at: now).board)
        assertOnlyTouches([d.id], base, try base.apply(.markLost(id: d.id, reason: "Price"), at: now).board)
        var e = d
        e.value = Money(units: 42_000)
        e.notes = "Line one\nline two"
        assertOnlyTouches([d.id], base, try base.apply(.update(e), at: now).board)
        // Moving a deal up a column exchanges its rank with the deal above: those two only.
        let column = base.deals(inStage: "qualification")
        assertOnlyTouches(
            [column[2].id, column[3].id], base, try base.apply(.reorder(id: column[3].id, by: -1), at: now).board)
    }

    /// The lines removed and inserted from one board's file to the other's (a line diff).
    func diff(_ a: Board, _ b: Board) -> (removed: [Substring], inserted: [Substring]) {
        var removed: [Substring] = [], inserted: [Substring] = []
        for c in lines(b).difference(from: lines(a)) {
            switch c {
            case .remove(_, let l, _): removed.append(l)
            case .insert(_, let l, _): inserted.append(l)
            }
        }
        return (removed, inserted)
    }

    /// An activity or a history entry is one line of the file: added, it is one line more, and
    /// the deal's other changed lines are its times, its stage, its rank and the comma after the
    /// record before it.
    func testAnAddedActivityOrHistoryEntryIsOneNewLine() throws {
        let now = FileLayoutTests.now
        let d = base.deals.first { $0.activities.count >= 2 && $0.status == .open }!
        let call = Activity(
            id: "new1", type: .call, subject: "Call back", due: Day.parse("2026-12-03"), owner: "Julien",
            createdAt: now)
        let planned = try base.apply(.addActivity(dealID: d.id, call), at: now).board
        assertOnlyTouches([d.id], base, planned)
        var (removed, inserted) = diff(base, planned)
        XCTAssertEqual(inserted.count, removed.count + 1, "one line more: \(inserted)")
        XCTAssertEqual(
            inserted.filter { $0.contains("\"new1\"") },
            [
                #"        {"createdAt": "2026-11-30T09:00:00Z", "done": false, "due": "2026-12-03", "id": "new1", "#
                    + #""owner": "Julien", "subject": "Call back", "type": "call"}"#
            ])
        XCTAssertLessThanOrEqual(removed.count, 2, "the deal's updatedAt, the comma after the activity before")

        let moved = try base.apply(.shift(id: d.id, by: 1), at: now).board
        assertOnlyTouches([d.id], base, moved)
        (removed, inserted) = diff(base, moved)
        XCTAssertEqual(inserted.count, removed.count + 1, "one line more: \(inserted)")
        let to = try XCTUnwrap(moved.deal(d.id)?.stage)
        XCTAssertEqual(
            inserted.filter { $0.contains("\"to\": \"\(to)\"}") },
            ["        {\"at\": \"2026-11-30T09:00:00Z\", \"from\": \"\(d.stage)\", \"to\": \"\(to)\"}"])
        XCTAssertLessThanOrEqual(removed.count, 5, "stage, stageEnteredAt, updatedAt, rank, the comma: \(removed)")
    }

    func testADeletedDealRemovesOnlyItsLines() throws {
        let d = base.deals[150]
        let after = try base.apply(.delete(id: d.id), at: FileLayoutTests.now).board
        let a = lines(base), b = lines(after)
        let (ra, rb) = changed(a, b)
        XCTAssertTrue(rb.isEmpty)
        XCTAssertEqual(ra.count, span(of: d.id, in: a).count)
    }

    /// An added deal is written after the others: its lines, and the comma after the deal before.
    func testAnAddedDealAddsItsLinesAfterTheOthers() throws {
        let new = base.newDeal(title: "Audit RGPD", value: Money(units: 9_000), at: FileLayoutTests.now)
        let after = try base.apply(.add(new), at: FileLayoutTests.now).board
        let a = lines(base), b = lines(after)
        let (ra, rb) = changed(a, b)
        let last = span(of: base.deals.last!.id, in: a)
        XCTAssertTrue(
            ra.count <= 1 && ra.lowerBound >= last.upperBound - 1, "at most the closing line of the deal before")
        XCTAssertEqual(rb.count - ra.count, span(of: new.id, in: b).count, "and the new deal's lines")
    }

    /// A column whose deals share ranks (a file written by hand or by an old version) is numbered
    /// once by the first reorder in it; after that a reorder touches two deals.
    func testRepeatedRanksAreNumberedOnceThenAReorderTouchesTwoDeals() throws {
        var b = base
        for i in b.deals.indices { b.deals[i].rank = 0 }
        let column = b.deals(inStage: "proposal")
        let once = try b.apply(.reorder(id: column[3].id, by: -1), at: FileLayoutTests.now).board
        let numbered = once.deals(inStage: "proposal")
        XCTAssertEqual(numbered.map(\.rank), Array(0..<numbered.count))
        let twice = try once.apply(.reorder(id: numbered[6].id, by: 1), at: FileLayoutTests.now).board
        assertOnlyTouches([numbered[6].id, numbered[7].id], once, twice)
    }

    /// What a merge writes differs from each side only in the deals the other side changed.
    func testAMergeTouchesOnlyTheDealsTheOtherSideChanged() throws {
        let now = FileLayoutTests.now
        let x = base.deals[40], y = base.deals[200]
        let mine = try base.apply(.shift(id: x.id, by: 1), at: now).board
        var changed = y
        changed.owner = "Julien"
        let theirs = try base.apply(.update(changed), at: now.adding(seconds: 5)).board
        let merged = BoardMerge.merge(base: base, mine: mine, theirs: theirs).board
        assertOnlyTouches([y.id], mine, merged)
        assertOnlyTouches([x.id], theirs, merged)
    }
}
