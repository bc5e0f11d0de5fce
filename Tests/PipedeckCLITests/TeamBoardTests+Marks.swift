import Foundation
import PipedeckCore
import PipedeckStorage
import PipedeckUI
import XCTest

@testable import PipedeckCLI

/// The marks of the deals the team changed (✦) or that were changed on both sides (!) are kept
/// per clone, in the git folder: set by every sync, shown by the board opened later, taken off
/// when the person has seen the deals.
extension TeamBoardTests {
    func marksFile(_ c: Clone) -> String {
        c.folder + "/" + git(c.folder, "rev-parse", "--git-path", "pipedeck/marks.json").text
    }

    func kept(_ c: Clone) -> TeamMarks { TeamMarksFile(path: marksFile(c), board: "pipeline.json").read() }

    /// Julien changes the first deal of the first column and, like Camille, the value of the
    /// second; Camille syncs on the command line.
    func teamChangedTwoDeals() throws -> (a: Clone, changed: String, clash: String) {
        let a = try founder(), b = try join("Julien")
        let first = try board(a)
        let lead = first.deals.filter { $0.stage == first.stages[0].id }.sorted { $0.rank < $1.rank }
        let (changed, clash) = (lead[0].id, lead[1].id)
        var mine = try XCTUnwrap(first.deal(clash)), theirs = mine, renamed = lead[0]
        mine.value = Money(units: 11_000)
        theirs.value = Money(units: 12_000)
        renamed.title = "Website redesign — phase 2"
        try apply(a, at: 1, .update(mine))
        try apply(b, at: 2, .update(renamed), .update(theirs))
        try sync(b)
        let r = try sync(a)
        XCTAssertEqual(r.conflicts.map(\.id), [clash])
        return (a, changed, clash)
    }

    /// `pipedeck sync` in a clone, then the board opened there: the deals are marked, still after
    /// the board is closed and opened again, until the selection comes to them or they are opened.
    func testMarksOfACommandLineSyncShowOnTheBoardUntilSeenAcrossRestarts() throws {
        let (a, changed, clash) = try teamChangedTwoDeals()
        XCTAssertEqual(kept(a), TeamMarks(changed: [changed], conflicts: [clash]))
        let path = marksFile(a)
        XCTAssertTrue(path.hasPrefix(a.folder + "/.git/"), path)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o077, 0, "readable by the owner only")
        XCTAssertEqual(git(a.folder, "status", "--porcelain", "--ignored").text, "", "never committed")

        var o = try open(a)
        XCTAssertEqual(o.state.selectedDeal?.id, changed)
        XCTAssertEqual(o.state.team.marks, [changed: .changed, clash: .conflict])
        o.sync.close()
        o = try open(a)
        XCTAssertEqual(o.state.team.marks, [changed: .changed, clash: .conflict], "a restart keeps them")
        press(.down, &o)
        XCTAssertEqual(o.state.selectedDeal?.id, clash)
        XCTAssertEqual(o.state.team.marks, [changed: .changed])
        settle(&o)
        XCTAssertEqual(kept(a), TeamMarks(changed: [changed]), "seen, so taken off the file")
        press(.up, &o)
        press(.enter, &o)
        settle(&o)
        XCTAssertEqual(o.state.team.marks, [:])
        XCTAssertEqual(kept(a), TeamMarks())
        o.sync.close()
        o = try open(a)
        defer { o.sync.close() }
        XCTAssertEqual(o.state.team.marks, [:], "seen once is enough")
    }

    /// A sync on the command line while the board is open: its marks show at once.
    func testMarksOfASyncMadeWhileTheBoardIsOpenShow() throws {
        let a = try founder(), b = try join("Julien")
        var o = try open(a)
        defer { o.sync.close() }
        try apply(b, at: 2, .markWon(id: "d18clo"))
        try sync(b)
        try sync(a)
        settle(&o)
        XCTAssertEqual(o.state.team.marks["d18clo"], .changed)
    }

    /// A marks file that is not understood is no marks (the board opens, the next sync writes it
    /// anew); the marks of deals no longer on the board are dropped.
    func testABrokenMarksFileOrMarksOfGoneDealsAreLeftOut() throws {
        let (a, changed, clash) = try teamChangedTwoDeals()
        let path = marksFile(a)
        try Data("{\"boards\": [not json".utf8).write(to: URL(fileURLWithPath: path))
        var o = try open(a)
        XCTAssertEqual(o.state.team.marks, [:])
        o.sync.close()

        TeamMarksFile(path: path, board: "pipeline.json").update {
            $0 = TeamMarks(changed: [changed, "gone"], conflicts: [clash, "vanished"])
        }
        o = try open(a)
        defer { o.sync.close() }
        XCTAssertEqual(o.state.team.marks, [changed: .changed, clash: .conflict])
        XCTAssertEqual(kept(a), TeamMarks(changed: [changed], conflicts: [clash]), "the gone deals are dropped")
    }

    func testMarksFollowWhatTheTeamSent() {
        let at = TeamTestCase.start
        let deal = { (id: String) in Deal(id: id, title: id, value: Money(units: 1), stage: "lead", createdAt: at) }
        let before = Board(name: "b", stages: [], deals: [deal("a"), deal("b"), deal("c")])
        var after = before
        after.deals.removeFirst()
        after.deals[0].value = Money(units: 2)
        after.deals[1].value = Money(units: 3)
        after.deals[1].history.append(
            HistoryEntry(at: at, stage: "lead", merge: MergeNote(kind: .conflict, field: "value", keptBy: "Julien")))
        after.deals.append(deal("d"))
        var m = TeamMarks(changed: ["a"], conflicts: ["b"])
        m.add(BoardChanges(from: before, to: after))
        XCTAssertEqual(m, TeamMarks(changed: ["d"], conflicts: ["b", "c"]), "a clash stays one until seen")
        m.remove(["b", "d", "nothing"])
        XCTAssertEqual(m, TeamMarks(conflicts: ["c"]))
    }
}
