import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// The three-way merge that keeps two writers of one file from losing each other's changes.
final class BoardMergeTests: XCTestCase {
    static let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    let base = Demo.board(now: BoardMergeTests.now, today: BoardMergeTests.now.utcDay)

    func apply(_ b: Board, _ actions: Action...) throws -> Board {
        var b = b
        for (i, a) in actions.enumerated() {
            b = try b.apply(a, at: BoardMergeTests.now.adding(seconds: Int64(60 * (i + 1)))).board
        }
        return b
    }

    func testChangesOnDifferentDealsAreAllKept() throws {
        let added = base.newDeal(title: "Added here", value: Money(units: 10), at: BoardMergeTests.now)
        let mine = try apply(base, .shift(id: "d01lea", by: 1), .add(added), .delete(id: "d25lea"))
        var theirs = try apply(base, .markWon(id: "d18clo"), .delete(id: "d04lea"))
        theirs.deals[theirs.dealIndex("d05qua")!].title = "Renamed there"
        let (m, report) = BoardMerge.merge(base: base, mine: mine, theirs: theirs)
        XCTAssertTrue(report.isClean, "\(report)")
        XCTAssertEqual(m.deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(m.deal(added.id)?.title, "Added here")
        XCTAssertNil(m.deal("d25lea"))
        XCTAssertEqual(m.deal("d18clo")?.status, .won)
        XCTAssertNil(m.deal("d04lea"))
        XCTAssertEqual(m.deal("d05qua")?.title, "Renamed there")
        XCTAssertEqual(m.deals.count, base.deals.count - 1)
        // It is a board that saves and loads.
        let back = try BoardDocument.decode(BoardDocument.encode(m), path: "m.json")
        XCTAssertEqual(back, m)
    }

    func testSameDealDifferentFieldsAreCombined() throws {
        var mine = base, theirs = base
        mine.deals[0].title = "Title here"
        mine.deals[0].tags = ["mine"]
        theirs.deals[0].value = Money(units: 99)
        theirs.deals[0].notes = "Notes there"
        let (m, report) = BoardMerge.merge(base: base, mine: mine, theirs: theirs)
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(m.deals[0].title, "Title here")
        XCTAssertEqual(m.deals[0].tags, ["mine"])
        XCTAssertEqual(m.deals[0].value, Money(units: 99))
        XCTAssertEqual(m.deals[0].notes, "Notes there")
    }

    func testSameFieldChangedOnBothSidesKeepsMineAndReportsIt() throws {
        let mine = try apply(base, .shift(id: "d01lea", by: 1))
        let theirs = try apply(
            base, .move(id: "d01lea", toStage: "proposal"),
            .addActivity(
                dealID: "d01lea",
                Activity(id: "call0001", type: .call, subject: "Call", createdAt: base.deals[0].createdAt)))
        let (m, report) = BoardMerge.merge(base: base, mine: mine, theirs: theirs)
        XCTAssertEqual(report.conflicts, ["Website redesign"])
        let d = try XCTUnwrap(m.deal("d01lea"))
        XCTAssertEqual(d.stage, "qualification", "a move is merged whole: stage, rank, entry time")
        XCTAssertEqual(d.stageEnteredAt, mine.deal("d01lea")?.stageEnteredAt)
        XCTAssertTrue(d.activities.contains { $0.id == "call0001" }, "their other change stays")
        // Both histories are kept, theirs first (this side's move is where the deal is now), and
        // each move starts where the one before it ended.
        XCTAssertEqual(d.history.map(\.to), ["lead", "proposal", "qualification"])
        XCTAssertEqual(d.history.map(\.from), [nil, "lead", "proposal"])
    }

    /// The reported case: one side moved a deal Lead → Qualification and saved; the other, not
    /// having seen it, marked it won from Lead and saved second (its change wins). The history
    /// reads as the deal went: Lead, Qualification, then won — not "Lead → Won" after
    /// "Lead → Qualification".
    func testTheHistoryOfAConflictReadsInOrder() throws {
        let theirs = try apply(base, .shift(id: "d01lea", by: 1))
        let mine = try apply(base, .markWon(id: "d01lea"))
        let (m, report) = BoardMerge.merge(base: base, mine: mine, theirs: theirs)
        XCTAssertEqual(report.conflicts, ["Website redesign"])
        let d = try XCTUnwrap(m.deal("d01lea"))
        XCTAssertEqual(d.status, .won)
        XCTAssertEqual(d.stage, mine.deal("d01lea")?.stage)
        let added = d.history.dropFirst(base.deal("d01lea")!.history.count)
        XCTAssertEqual(added.map(\.from), ["lead", "qualification"])
        XCTAssertEqual(added.map(\.to), ["qualification", d.stage])
        XCTAssertEqual(added.last?.status, .won)
        for (a, b) in zip(d.history, d.history.dropFirst()) where b.from != nil {
            XCTAssertEqual(b.from, a.to, "a move starts where the one before ended: \(d.history)")
        }
    }

    func testDeletedOnOneSideChangedOnTheOther() throws {
        // Changed here, deleted there: the change is dropped.
        let mine = try apply(base, .shift(id: "d01lea", by: 1))
        let theirs = try apply(base, .delete(id: "d01lea"))
        var (m, report) = BoardMerge.merge(base: base, mine: mine, theirs: theirs)
        XCTAssertNil(m.deal("d01lea"))
        XCTAssertEqual(report.dropped, ["Website redesign"])
        // Deleted here, changed there: the deal stays.
        (m, report) = BoardMerge.merge(base: base, mine: theirs, theirs: mine)
        XCTAssertEqual(m.deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(report.keptEdited, ["Website redesign"])
        // Deleted on both: gone, nothing to say.
        (m, report) = BoardMerge.merge(base: base, mine: theirs, theirs: theirs)
        XCTAssertNil(m.deal("d01lea"))
        XCTAssertTrue(report.isClean)
    }

    func testStageRemovedElsewhere() throws {
        var theirs = base
        theirs.stages.removeAll { $0.id == "qualification" }
        theirs.deals.removeAll { $0.stage == "qualification" }
        let added = base.newDeal(
            title: "New in qualification", value: .zero, stage: "qualification", at: BoardMergeTests.now)
        let mine = try apply(base, .shift(id: "d01lea", by: 1), .add(added))
        let (m, report) = BoardMerge.merge(base: base, mine: mine, theirs: theirs)
        XCTAssertEqual(m.deal("d01lea")?.stage, "lead", "a move into a stage that is gone is dropped")
        XCTAssertEqual(report.dropped, ["Website redesign"])
        XCTAssertEqual(m.deal(added.id)?.stage, "lead", "a new deal is kept, in the first stage")
        XCTAssertEqual(report.rehomed, ["New in qualification"])
        XCTAssertNoThrow(try BoardDocument.decode(BoardDocument.encode(m), path: "m.json"))
    }

    func testNothingChangedHereGivesTheirs() {
        var theirs = base
        theirs.name = "Renamed board"
        theirs.deals.reverse()
        let (m, report) = BoardMerge.merge(base: base, mine: base, theirs: theirs)
        XCTAssertEqual(m, theirs)
        XCTAssertTrue(report.isClean)
    }

    func testLargeBoardsMergeQuickly() throws {
        let big = PerformanceTests.bigBoard(deals: 10_000)
        let mine = try apply(big, .shift(id: big.deals[5].id, by: 1))
        let theirs = try apply(big, .shift(id: big.deals[7].id, by: 1))
        let start = Date()
        let (m, report) = BoardMerge.merge(base: big, mine: mine, theirs: theirs)
        print("[merge] 10 000 deals merged in \(Int(Date().timeIntervalSince(start) * 1000)) ms (debug build)")
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(m.deals[5], mine.deals[5])
        XCTAssertEqual(m.deals[7], theirs.deals[7])
    }
}
