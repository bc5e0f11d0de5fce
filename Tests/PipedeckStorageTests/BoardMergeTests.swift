import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// The one three-way merge (docs/team.md): racing writers of one file, an open board's reload,
/// and git's merge driver.
final class BoardMergeTests: XCTestCase {
    static let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    let base = Demo.board(now: BoardMergeTests.now, today: BoardMergeTests.now.utcDay)

    /// `actions` applied one minute apart, starting `start` minutes after `now`.
    func apply(_ b: Board, start: Int = 1, _ actions: Action...) throws -> Board {
        var b = b
        for (i, a) in actions.enumerated() {
            b = try b.apply(a, at: BoardMergeTests.now.adding(seconds: Int64(60 * (start + i)))).board
        }
        return b
    }

    /// Merges both ways round and checks that the board is the same and reads back from its file.
    func merged(_ mine: Board, _ theirs: Board, file: StaticString = #filePath, line: UInt = #line) throws -> (
        Board, MergeReport
    ) {
        let (m, report) = BoardMerge.merge(base: base, mine: mine, theirs: theirs)
        let (other, _) = BoardMerge.merge(base: base, mine: theirs, theirs: mine)
        XCTAssertEqual(
            BoardDocument.encode(m), BoardDocument.encode(other), "the same whichever side is mine", file: file,
            line: line)
        let back = try BoardDocument.decode(BoardDocument.encode(m), path: "m.json")
        XCTAssertEqual(back, m, "a valid board that reads back", file: file, line: line)
        return (m, report)
    }

    func testChangesOnDifferentDealsAreAllKept() throws {
        let added = base.newDeal(title: "Added here", value: Money(units: 10), at: BoardMergeTests.now)
        let mine = try apply(base, .shift(id: "d01lea", by: 1), .add(added), .delete(id: "d25lea"))
        var theirs = try apply(base, .markWon(id: "d18clo"), .delete(id: "d04lea"))
        theirs.deals[theirs.dealIndex("d05qua")!].title = "Renamed there"
        let (m, report) = try merged(mine, theirs)
        XCTAssertTrue(report.isClean, "\(report)")
        XCTAssertEqual(m.deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(m.deal(added.id)?.title, "Added here")
        XCTAssertNil(m.deal("d25lea"))
        XCTAssertEqual(m.deal("d18clo")?.status, .won)
        XCTAssertNil(m.deal("d04lea"))
        XCTAssertEqual(m.deal("d05qua")?.title, "Renamed there")
        XCTAssertEqual(m.deals.count, base.deals.count - 1)
    }

    func testSameDealDifferentFieldsAreCombined() throws {
        var mine = base, theirs = base
        mine.deals[0].title = "Title here"
        mine.deals[0].tags = ["mine"]
        theirs.deals[0].value = Money(units: 99)
        theirs.deals[0].notes = "Notes there"
        let (m, report) = try merged(mine, theirs)
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(m.deals[0].title, "Title here")
        XCTAssertEqual(m.deals[0].tags, ["mine"])
        XCTAssertEqual(m.deals[0].value, Money(units: 99))
        XCTAssertEqual(m.deals[0].notes, "Notes there")
        XCTAssertEqual(m.deals[0].history, base.deals[0].history, "no note when nothing clashed")
    }

    /// The example: Camille sets 40 000 €, Julien later sets 42 000 €: Julien's value
    /// stays, Camille's is written into the history with both names.
    func testTheSameFieldKeepsTheLaterChangeAndRecordsTheOther() throws {
        var mine = base, theirs = base
        let i = base.dealIndex("d01lea")!
        mine.deals[i].value = Money(units: 40_000)
        mine.deals[i].updatedAt = BoardMergeTests.now.adding(seconds: 60)
        mine.deals[i].updatedBy = "Camille"
        theirs.deals[i].value = Money(units: 42_000)
        theirs.deals[i].updatedAt = BoardMergeTests.now.adding(seconds: 120)
        theirs.deals[i].updatedBy = "Julien"
        theirs.deals[i].owner = "Julien"
        let (m, report) = try merged(mine, theirs)
        let d = try XCTUnwrap(m.deal("d01lea"))
        XCTAssertEqual(d.value, Money(units: 42_000))
        XCTAssertEqual(d.owner, "Julien")
        XCTAssertEqual(d.updatedBy, "Julien")
        XCTAssertEqual(d.updatedAt, theirs.deals[i].updatedAt)
        XCTAssertEqual(report.conflicts, ["Website redesign"])
        XCTAssertEqual(report.replacedHere, ["Website redesign"], "this side's 40 000 lost")
        let note = try XCTUnwrap(d.history.last?.merge)
        XCTAssertEqual(
            note,
            MergeNote(
                kind: .conflict, field: "value", kept: .number("42000"), lost: .number("40000"), keptBy: "Julien",
                lostBy: "Camille"))
        XCTAssertEqual(d.history.last?.at, d.updatedAt)
        XCTAssertEqual(d.history.last?.to, d.stage)
        XCTAssertEqual(
            Strings.Changes.note(note, deal: d, board: m, locale: "fr_FR"),
            "conflict: value 40\u{202F}000 € (Camille) replaced by 42\u{202F}000 € (Julien)")
        XCTAssertEqual(report.notes.map(\.dealID), ["d01lea"])
        // The other way round, this side's value is the later one: kept, and the report says
        // nothing of this side losing.
        let (_, other) = BoardMerge.merge(base: base, mine: theirs, theirs: mine)
        XCTAssertEqual(other.conflicts, ["Website redesign"])
        XCTAssertEqual(other.replacedHere, [])
    }

    func testChangesInTheSameSecondAreSettledByAFixedRule() throws {
        var mine = base, theirs = base
        mine.deals[0].title = "Alpha"
        theirs.deals[0].title = "Beta"
        let (m, report) = try merged(mine, theirs) // also checks both ways round agree
        XCTAssertEqual(report.conflicts.count, 1)
        let d = m.deals[0]
        let note = try XCTUnwrap(d.history.last?.merge)
        XCTAssertEqual(Set([note.kept, note.lost]), [.string("Alpha"), .string("Beta")])
        XCTAssertEqual(note.kept, .string(d.title))
    }

    /// Both sides moved the deal: the later move is where it is, both moves stay in the history
    /// in time order, and a note says which stage was replaced.
    func testBothSidesMovedTheSameDeal() throws {
        let mine = try apply(base, start: 1, .shift(id: "d01lea", by: 1))
        let theirs = try apply(
            base, start: 2, .move(id: "d01lea", toStage: "proposal"),
            .addActivity(
                dealID: "d01lea",
                Activity(id: "call0001", type: .call, subject: "Call", createdAt: base.deals[0].createdAt)))
        let (m, report) = try merged(mine, theirs)
        XCTAssertEqual(report.conflicts, ["Website redesign"])
        let d = try XCTUnwrap(m.deal("d01lea"))
        XCTAssertEqual(d.stage, "proposal", "the later move wins, whole: stage, rank, entry time")
        XCTAssertEqual(d.stageEnteredAt, theirs.deal("d01lea")?.stageEnteredAt)
        XCTAssertEqual(d.rank, theirs.deal("d01lea")?.rank)
        XCTAssertTrue(d.activities.contains { $0.id == "call0001" }, "their other change stays")
        let moves = d.history.filter(\.isMove)
        XCTAssertEqual(moves.map(\.to), ["lead", "qualification", "proposal"])
        XCTAssertEqual(moves.map(\.at), moves.map(\.at).sorted())
        let note = try XCTUnwrap(d.history.last?.merge)
        XCTAssertEqual(note.field, "stage")
        XCTAssertEqual(note.kept, .string("proposal"))
        XCTAssertEqual(note.lost, .string("qualification"))
        XCTAssertEqual(
            Strings.Changes.note(note, deal: d, board: m, locale: "en_US"),
            "conflict: stage Qualification replaced by Proposal")
    }

    /// The reported case of issue 11: one side moved a deal Lead → Qualification, the other, not
    /// having seen it, marked it won from Lead a minute later. Won stays; both entries are there
    /// in time order with a note on what was replaced; reports ignore the note.
    func testWonAfterAMoveElsewhere() throws {
        let theirs = try apply(base, start: 1, .shift(id: "d01lea", by: 1))
        let mine = try apply(base, start: 2, .markWon(id: "d01lea"))
        let (m, report) = try merged(mine, theirs)
        XCTAssertEqual(report.conflicts, ["Website redesign"])
        XCTAssertEqual(report.replacedHere, [])
        let d = try XCTUnwrap(m.deal("d01lea"))
        XCTAssertEqual(d.status, .won)
        let added = d.history.dropFirst(base.deal("d01lea")!.history.count)
        XCTAssertEqual(added.map(\.to), ["qualification", d.stage, d.stage])
        XCTAssertEqual(added.map(\.isMove), [true, true, false])
        XCTAssertEqual(added.dropLast().last?.status, .won)
        var withoutNotes = d
        withoutNotes.history.removeAll { !$0.isMove }
        let today = BoardMergeTests.now.utcDay
        XCTAssertEqual(
            VelocityReport.daysPerStage(d, today: today), VelocityReport.daysPerStage(withoutNotes, today: today))
    }

    func testHistoriesAreCombinedInTimeOrderAndNotDuplicated() throws {
        // Both sides: the same move (e.g. an earlier merge both have), then each a move of its own.
        let common = try apply(base, start: 1, .shift(id: "d05qua", by: 1))
        let mine = try apply(common, start: 3, .shift(id: "d05qua", by: 1))
        let theirs = try apply(common, start: 2, .shift(id: "d05qua", by: -1))
        let both = BoardMerge.merge(base: base, mine: mine, theirs: theirs).board.deal("d05qua")!
        let times = both.history.filter(\.isMove).map(\.at)
        XCTAssertEqual(times, times.sorted())
        XCTAssertEqual(
            both.history.filter(\.isMove).count, base.deal("d05qua")!.history.count + 3, "the common move once")
        // Merging the result again with either side changes nothing.
        let again = BoardMerge.merge(
            base: mine, mine: mine, theirs: BoardMerge.merge(base: base, mine: mine, theirs: theirs).board)
        XCTAssertEqual(again.board.deal("d05qua"), both)
    }

    func testDealsAddedOnBothSidesAreAllKept() throws {
        let a = base.newDeal(title: "Added here", value: Money(units: 1), at: BoardMergeTests.now.adding(seconds: 30))
        let b = base.newDeal(title: "Added there", value: Money(units: 2), at: BoardMergeTests.now.adding(seconds: 10))
        let mine = try apply(base, .add(a)), theirs = try apply(base, .add(b))
        let (m, report) = try merged(mine, theirs)
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(
            m.deals.suffix(2).map(\.title), ["Added there", "Added here"], "after the others, by creation time")
        XCTAssertEqual(Array(m.deals.prefix(base.deals.count)), base.deals)
        // Both in the first column with the same rank at first: made distinct, column order kept.
        XCTAssertEqual(a.stage, b.stage)
        let ranks = m.deals(inStage: a.stage).map(\.rank)
        XCTAssertEqual(Set(ranks).count, ranks.count)
        XCTAssertEqual(m.deals(inStage: a.stage).suffix(2).map(\.title), ["Added there", "Added here"])
        let others = base.deals(inStage: a.stage)
        XCTAssertEqual(Array(m.deals(inStage: a.stage).prefix(others.count)), others, "no other deal touched")
    }

    func testTheSameDealAddedOnBothSidesIsMergedFieldByField() throws {
        var a = base.newDeal(title: "Same id", value: Money(units: 1), at: BoardMergeTests.now)
        a.id = "zzz999"
        var b = a
        a.notes = "from here"
        b.owner = "Julien"
        b.title = "Same id, other title"
        b.updatedAt = BoardMergeTests.now.adding(seconds: 5)
        let mine = try apply(base, .add(a)), theirs = try apply(base, .add(b))
        let (m, report) = try merged(mine, theirs)
        let d = try XCTUnwrap(m.deal("zzz999"))
        XCTAssertEqual(m.deals.filter { $0.id == "zzz999" }.count, 1)
        XCTAssertEqual(d.title, "Same id, other title")
        XCTAssertEqual(d.owner, "Julien")
        XCTAssertNil(d.notes, "the later side's values where they differ")
        XCTAssertEqual(report.conflicts, ["Same id, other title"])
        let lost = d.history.compactMap(\.merge).filter { $0.field == "notes" }
        XCTAssertEqual(lost.map(\.lost), [.string("from here")], "and the other side's are in the history")
    }

    func testDeletedOnOneSideAndChangedOnTheOtherIsKept() throws {
        var mine = try apply(base, .shift(id: "d01lea", by: 1))
        mine.deals[mine.dealIndex("d01lea")!].updatedBy = "Julien"
        let theirs = try apply(base, .delete(id: "d01lea"))
        var (m, report) = try merged(mine, theirs)
        let d = try XCTUnwrap(m.deal("d01lea"))
        XCTAssertEqual(d.stage, "qualification")
        XCTAssertEqual(report.restored, ["Website redesign"])
        XCTAssertEqual(d.history.last?.merge, MergeNote(kind: .keptEdited, keptBy: "Julien"))
        XCTAssertEqual(
            Strings.Changes.note(d.history.last!.merge!, deal: d, board: m, locale: nil),
            "kept: deleted on one side while Julien changed it")
        (m, report) = BoardMerge.merge(base: base, mine: theirs, theirs: mine)
        XCTAssertEqual(report.keptEdited, ["Website redesign"])
        XCTAssertEqual(m.deal("d01lea"), d)
        // Deleted on both: gone, nothing to say.
        (m, report) = BoardMerge.merge(base: base, mine: theirs, theirs: theirs)
        XCTAssertNil(m.deal("d01lea"))
        XCTAssertTrue(report.isClean)
    }

    func testStagesAddedRenamedAndReorderedOnOneSideAreKept() throws {
        let review = Stage(id: "review", name: "Review", probability: Percent(55))
        var mine = try apply(base, .addStage(review, at: 3))
        mine = try apply(mine, start: 5, .move(id: "d05qua", toStage: "review"))
        var renamed = base.stage("lead")!
        renamed.name = "Leads"
        let theirs = try apply(base, .updateStage(renamed), .moveStage(id: "negotiation", by: -1))
        let (m, report) = try merged(mine, theirs)
        XCTAssertTrue(report.isClean, "\(report)")
        XCTAssertEqual(m.stage("lead")?.name, "Leads")
        XCTAssertEqual(m.deal("d05qua")?.stage, "review")
        var expected = theirs.stages.map(\.id)
        expected.insert("review", at: expected.firstIndex(of: mine.stages[2].id)! + 1)
        XCTAssertEqual(m.stages.map(\.id), expected)
    }

    /// One side deleted a stage and put its deals in another; the other side put a deal in it.
    func testADealInAStageDeletedElsewhereGoesWhereThatSidePutTheStagesDeals() throws {
        let mine = try apply(base, .deleteStage(id: "qualification", moveDealsTo: "proposal"))
        let added = base.newDeal(
            title: "New in qualification", value: .zero, stage: "qualification", at: BoardMergeTests.now)
        let theirs = try apply(base, .shift(id: "d01lea", by: 1), .add(added))
        let (m, report) = try merged(mine, theirs)
        XCTAssertNil(m.stage("qualification"))
        XCTAssertEqual(m.deal("d01lea")?.stage, "proposal")
        XCTAssertEqual(m.deal(added.id)?.stage, "proposal")
        XCTAssertEqual(Set(report.rehomed), ["Website redesign", "New in qualification"])
        XCTAssertEqual(m.deal(added.id)?.history.last?.from, "qualification")
        XCTAssertEqual(m.deal(added.id)?.history.last?.to, "proposal")
        let ranks = m.deals(inStage: "proposal", includeLost: true).map(\.rank)
        XCTAssertEqual(Set(ranks).count, ranks.count)
    }

    func testNothingChangedOnOneSideGivesTheOtherExactly() {
        var theirs = base
        theirs.name = "Renamed board"
        theirs.deals.reverse()
        XCTAssertEqual(BoardMerge.merge(base: base, mine: base, theirs: theirs).board, theirs)
        XCTAssertEqual(BoardMerge.merge(base: base, mine: theirs, theirs: base).board, theirs)
        XCTAssertTrue(BoardMerge.merge(base: base, mine: base, theirs: theirs).report.isClean)
    }

    func testLostReasonsAddedOnBothSidesAreAllKept() throws {
        let mine = try apply(base, .markLost(id: "d01lea", reason: "Too far"))
        let theirs = try apply(base, .markLost(id: "d05qua", reason: "Reorganised"))
        let (m, _) = try merged(mine, theirs)
        XCTAssertTrue(m.settings.lostReasons.contains("Too far"))
        XCTAssertTrue(m.settings.lostReasons.contains("Reorganised"))
    }

    /// Random changes on both sides: whatever they are, both sides merged in either order give
    /// the same board, every deal of either side is there unless the other deleted it unchanged,
    /// every history entry of either side is there, and columns have distinct ranks where a deal
    /// arrived.
    func testRandomChangesMergeTheSameBothWaysAndLoseNothing() throws {
        var g = SeededRandom(seed: 1616)
        for round in 0..<60 {
            let mine = try randomChanges(base, &g, start: 1), theirs = try randomChanges(base, &g, start: 2)
            let (m, _) = try merged(mine, theirs)
            for (side, other) in [(mine, theirs), (theirs, mine)] {
                for d in side.deals {
                    guard let got = m.deal(d.id) else {
                        let deletedUnchanged = other.deal(d.id) == nil && base.deal(d.id) == d
                        XCTAssertTrue(deletedUnchanged, "round \(round): \(d.id) lost")
                        continue
                    }
                    for h in d.history where h.isMove {
                        XCTAssertTrue(got.history.contains(h), "round \(round): \(d.id) history \(h)")
                    }
                }
            }
            for d in base.deals where m.deal(d.id) == nil {
                XCTAssertTrue(mine.deal(d.id) == nil || theirs.deal(d.id) == nil, "round \(round): \(d.id)")
            }
        }
    }

    func randomChanges(_ b: Board, _ g: inout SeededRandom, start: Int) throws -> Board {
        var board = b
        let count = Int(g.next() % 6) + 1
        for k in 0..<count {
            let d = board.deals[Int(g.next() % UInt64(board.deals.count))]
            let at = BoardMergeTests.now.adding(seconds: Int64(60 * (start + 2 * k)))
            let action: Action
            switch g.next() % 7 {
            case 0: action = .shift(id: d.id, by: 1)
            case 1: action = .markWon(id: d.id)
            case 2: action = .delete(id: d.id)
            case 3: action = .reorder(id: d.id, by: -1)
            case 4: action = .add(board.newDeal(title: "New \(start).\(k)", value: Money(units: k), at: at, random: &g))
            case 5:
                var e = d
                e.value = Money(units: Int(g.next() % 1000))
                action = .update(e)
            default:
                // Activities: a new one, or an existing one done (both sides may do either).
                if let a = d.activities.first(where: { !$0.done }), g.next() % 2 == 0 {
                    action = .completeActivity(dealID: d.id, activityID: a.id, outcome: "Outcome \(start).\(k)")
                } else {
                    let id = "a\(start)-\(k)-\(g.next() % 1000)"
                    action = .addActivity(
                        dealID: d.id, Activity(id: id, type: .call, subject: "Call \(start)", createdAt: at))
                }
            }
            if let o = try? board.apply(action, at: at) { board = o.board }
        }
        return board
    }
}
