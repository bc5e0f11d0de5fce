import Foundation
import PipedeckCore
import PipedeckStorage
import PipedeckTestSupport
import XCTest

@testable import PipedeckCLI

/// `pipedeck sync` between clones of a local bare repository (docs/team.md): after every scenario
/// each clone's board holds every change.
final class TeamSyncTests: TeamTestCase {
    func testEditsToDifferentDealsAllArrive() throws {
        let a = try founder(), b = try join("Julien")
        try apply(a, at: 1, .shift(id: "d01lea", by: 1))
        let added = Demo.board(now: TeamTestCase.start, today: TeamTestCase.start.utcDay).newDeal(
            title: "Audit RGPD", value: Money(units: 9_000), at: TeamTestCase.start)
        try apply(b, at: 2, .markWon(id: "d18clo"), .add(added))
        let first = try sync(a)
        XCTAssertEqual(first.committed, "Move Website redesign → Qualification")
        XCTAssertEqual(first.outcome, .synced)
        let second = try sync(b)
        XCTAssertEqual(second.committed, "Won Renewal + 20 seats; Add Audit RGPD")
        XCTAssertEqual(second.received.deals.map(\.id), ["d01lea"])
        XCTAssertEqual(second.sent.deals.map(\.id).sorted(), [added.id, "d18clo"].sorted())
        let third = try sync(a)
        XCTAssertEqual(Set(third.received.deals.map(\.id)), [added.id, "d18clo"])
        let board = try settle([a, b])
        XCTAssertEqual(board.deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(board.deal("d18clo")?.status, .won)
        XCTAssertEqual(board.deal(added.id)?.title, "Audit RGPD")
        XCTAssertEqual(board.deal("d01lea")?.updatedBy, "Camille", "a sync writes who changed the deal")
        XCTAssertEqual(board.deal("d18clo")?.updatedBy, "Julien")
        // The commit says it in sales words, with a line per deal in its body.
        let log = git(a.folder, "log", "--format=%an: %s%n%b", "--no-merges").text
        XCTAssertTrue(log.contains("Julien: Won Renewal + 20 seats; Add Audit RGPD"), log)
        XCTAssertTrue(log.contains("- Audit RGPD: added in Lead generation, €9,000"), log)
    }

    func testDifferentFieldsOfOneDealAreCombined() throws {
        let a = try founder(), b = try join("Julien")
        try edit(a) { $0.deals[$0.dealIndex("d05qua")!].value = Money(units: 40_000) }
        try edit(b) { $0.deals[$0.dealIndex("d05qua")!].owner = "Julien" }
        try sync(a)
        let r = try sync(b)
        XCTAssertTrue(r.conflicts.isEmpty)
        let board = try settle([a, b])
        XCTAssertEqual(board.deal("d05qua")?.value, Money(units: 40_000))
        XCTAssertEqual(board.deal("d05qua")?.owner, "Julien")
    }

    /// From 42 000 €, Camille sets 40 000 €, Julien later 45 000 €: every clone ends with 45 000 €,
    /// and the deal's history says Camille's 40 000 € was replaced — whoever syncs first.
    func testTheSameFieldKeepsTheLaterChangeAndRecordsTheOther() throws {
        for camilleFirst in [true, false] {
            try tearDownWithError(); try setUpWithError()
            let a = try founder(), b = try join("Julien")
            try edit(a) { b in
                let i = b.dealIndex("d05qua")!
                b.deals[i].value = Money(units: 40_000)
                b.deals[i].updatedAt = TeamTestCase.start.adding(seconds: 60)
            }
            try edit(b) { b in
                let i = b.dealIndex("d05qua")!
                b.deals[i].value = Money(units: 45_000)
                b.deals[i].updatedAt = TeamTestCase.start.adding(seconds: 120)
            }
            try sync(camilleFirst ? a : b)
            let second = try sync(camilleFirst ? b : a)
            XCTAssertEqual(second.conflicts.map(\.id), ["d05qua"])
            let board = try settle([a, b])
            let d = try XCTUnwrap(board.deal("d05qua"))
            XCTAssertEqual(d.value, Money(units: 45_000))
            let note = try XCTUnwrap(d.history.last?.merge)
            XCTAssertEqual(
                Strings.Changes.note(note, deal: d, board: board, locale: "fr_FR"),
                "conflict: value 40\u{202F}000 € (Camille) replaced by 45\u{202F}000 € (Julien)")
            XCTAssertEqual(d.history.filter { $0.merge != nil }.count, 1, "said once")
        }
    }

    func testDealsAddedOnBothSidesAreAllKept() throws {
        let a = try founder(), b = try join("Julien")
        let demo = Demo.board(now: TeamTestCase.start, today: TeamTestCase.start.utcDay)
        let x = demo.newDeal(title: "Added by Camille", value: Money(units: 1), at: TeamTestCase.start)
        let y = demo.newDeal(
            title: "Added by Julien", value: Money(units: 2), at: TeamTestCase.start.adding(seconds: 5))
        try apply(a, at: 1, .add(x))
        try apply(b, at: 1, .add(y))
        try sync(a)
        try sync(b)
        let board = try settle([a, b])
        XCTAssertEqual(board.deals.suffix(2).map(\.title), ["Added by Camille", "Added by Julien"])
        let ranks = board.deals(inStage: x.stage).map(\.rank)
        XCTAssertEqual(Set(ranks).count, ranks.count)
    }

    func testADealDeletedOnOneSideAndEditedOnTheOtherIsKept() throws {
        let a = try founder(), b = try join("Julien")
        try apply(a, at: 1, .delete(id: "d01lea"))
        try apply(b, at: 2, .shift(id: "d01lea", by: 1))
        try sync(a)
        try sync(b)
        let board = try settle([a, b])
        let d = try XCTUnwrap(board.deal("d01lea"))
        XCTAssertEqual(d.stage, "qualification")
        XCTAssertEqual(d.history.last?.merge?.kind, .keptEdited)
        XCTAssertEqual(d.history.last?.merge?.keptBy, "Julien")
    }

    func testAStageAddedOnOneSideIsKept() throws {
        let a = try founder(), b = try join("Julien")
        try apply(a, at: 1, .addStage(Stage(id: "review", name: "Review", probability: Percent(55)), at: 2))
        try apply(a, at: 2, .move(id: "d05qua", toStage: "review"))
        try apply(b, at: 3, .shift(id: "d01lea", by: 1))
        try sync(b)
        let r = try sync(a)
        XCTAssertEqual(r.committed, "Move ERP integration — phase 1 → Review; Add stage Review")
        let board = try settle([a, b])
        XCTAssertEqual(board.stages.map(\.id)[2], "review")
        XCTAssertEqual(board.deal("d05qua")?.stage, "review")
        XCTAssertEqual(board.deal("d01lea")?.stage, "qualification")
    }

    /// Julien pushes while Camille's sync is between its fetch and its push: Camille's push is
    /// refused, her sync fetches, merges and pushes again.
    func testTwoSyncsRacingToPush() throws {
        let a = try founder(), b = try join("Julien"), c = try join("Sofia")
        try apply(a, at: 1, .shift(id: "d01lea", by: 1))
        try apply(b, at: 1, .markWon(id: "d18clo"))
        try apply(c, at: 1, .markLost(id: "d10nee", reason: "Timing"))
        let others = Atomic()
        let (optionsB, optionsC) = (options(b), options(c))
        let sync = TeamSync(options(a)) { step in
            guard step == .pushing, others.once() else { return }
            // Both others get in first.
            XCTAssertEqual(try? TeamSync(optionsB).run().outcome, .synced)
            XCTAssertEqual(try? TeamSync(optionsC).run().outcome, .synced)
        }
        let r = try sync.run()
        XCTAssertEqual(r.outcome, .synced)
        XCTAssertEqual(Set(r.received.deals.map(\.id)), ["d18clo", "d10nee"])
        let board = try settle([a, b, c])
        XCTAssertEqual(board.deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(board.deal("d18clo")?.status, .won)
        XCTAssertEqual(board.deal("d10nee")?.status, .lost)
    }

    func testAnUnreachableRemoteKeepsTheLocalCommit() throws {
        let a = try founder(), b = try join("Julien")
        git(a.folder, "remote", "set-url", "origin", dir + "/nowhere.git")
        try apply(a, at: 1, .shift(id: "d01lea", by: 1))
        let before = try Data(contentsOf: URL(fileURLWithPath: a.board))
        let r = try sync(a)
        guard case .notShared(let why) = r.outcome else { return XCTFail("\(r.outcome)") }
        XCTAssertTrue(why.contains("could not be reached") && why.contains("safe in the local commit"), why)
        XCTAssertEqual(r.committed, "Move Website redesign → Qualification")
        XCTAssertEqual(git(a.folder, "log", "-1", "--format=%s").text, "Move Website redesign → Qualification")
        XCTAssertEqual(git(a.folder, "status", "--porcelain").text, "")
        let after = try board(a)
        XCTAssertEqual(after.deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(after.deal("d01lea")?.updatedBy, "Camille")
        XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: a.board)), before, "only the stamp of who")
        // Back online: shared.
        git(a.folder, "remote", "set-url", "origin", remote)
        XCTAssertEqual(try sync(a).outcome, .synced)
        XCTAssertEqual(try settle([a, b]).deal("d01lea")?.stage, "qualification")
    }

    /// A board that someone broke by hand reaches the driver as THEIRS: git reports a conflict,
    /// the merge is abandoned, this side's board and commit are intact; once fixed, all is well.
    func testACorruptBoardFromTheTeamIsNeverMergedIn() throws {
        let a = try founder(), b = try join("Julien")
        try Data("{ \"version\": 1, \"stages\": [".utf8).write(to: URL(fileURLWithPath: b.board))
        git(b.folder, "commit", "--quiet", "-am", "Broken by hand")
        git(b.folder, "push", "--quiet", "origin", "main")
        try apply(a, at: 1, .shift(id: "d01lea", by: 1))
        let r = try sync(a)
        guard case .notShared(let why) = r.outcome else { return XCTFail("\(r.outcome)") }
        XCTAssertTrue(why.contains("pipeline.json"), why)
        XCTAssertTrue(why.contains("not a valid board"), why)
        XCTAssertFalse(FileManager.default.fileExists(atPath: a.folder + "/.git/MERGE_HEAD"))
        XCTAssertEqual(git(a.folder, "status", "--porcelain").text, "")
        XCTAssertEqual(try board(a).deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(git(a.folder, "log", "-1", "--format=%s").text, "Move Website redesign → Qualification")
        // Julien puts the board back; everyone syncs.
        git(b.folder, "checkout", "--quiet", "HEAD~1", "--", "pipeline.json")
        git(b.folder, "commit", "--quiet", "-am", "Board repaired")
        git(b.folder, "push", "--quiet", "origin", "main")
        XCTAssertEqual(try settle([a, b]).deal("d01lea")?.stage, "qualification")
    }

    func testARepositoryInTheMiddleOfARebaseIsLeftAlone() throws {
        let a = try founder(), b = try join("Julien")
        // A notes file both change: Julien pushes, Camille commits and pulls with rebase → stops.
        for c in [a, b] { try "start\n".write(toFile: c.folder + "/notes.txt", atomically: true, encoding: .utf8) }
        git(a.folder, "add", "notes.txt")
        git(a.folder, "commit", "--quiet", "-m", "Notes")
        git(a.folder, "push", "--quiet", "origin", "main")
        try FileManager.default.removeItem(atPath: b.folder + "/notes.txt")
        git(b.folder, "pull", "--quiet", "--no-rebase")
        try "Julien's\n".write(toFile: b.folder + "/notes.txt", atomically: true, encoding: .utf8)
        git(b.folder, "commit", "--quiet", "-am", "Julien's notes")
        git(b.folder, "push", "--quiet", "origin", "main")
        try "Camille's\n".write(toFile: a.folder + "/notes.txt", atomically: true, encoding: .utf8)
        git(a.folder, "commit", "--quiet", "-am", "Camille's notes")
        git(a.folder, "pull", "--quiet", "--rebase", ok: false)
        XCTAssertTrue(FileManager.default.fileExists(atPath: a.folder + "/.git/rebase-merge"))
        try apply(a, at: 1, .shift(id: "d01lea", by: 1))
        let head = git(a.folder, "rev-parse", "HEAD").text
        let bytes = try Data(contentsOf: URL(fileURLWithPath: a.board))
        XCTAssertThrowsError(try TeamSync(options(a)).run()) { e in
            let m = (e as? TeamRepo.Refusal)?.message ?? ""
            XCTAssertTrue(m.contains("middle of a rebase") && m.contains("git rebase --abort"), m)
        }
        XCTAssertEqual(git(a.folder, "rev-parse", "HEAD").text, head)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a.board)), bytes)
        XCTAssertTrue(FileManager.default.fileExists(atPath: a.folder + "/.git/rebase-merge"))
        // The person finishes git's business; the sync then works.
        git(a.folder, "rebase", "--abort")
        git(a.folder, "reset", "--quiet", "--hard", "origin/main")
        try apply(a, at: 1, .shift(id: "d01lea", by: 1))
        XCTAssertEqual(try settle([a, b]).deal("d01lea")?.stage, "qualification")
    }

    func testADetachedHeadOrStagedFilesAreRefusedWithoutDamage() throws {
        let a = try founder()
        try apply(a, at: 1, .shift(id: "d01lea", by: 1))
        git(a.folder, "checkout", "--quiet", "--detach")
        XCTAssertThrowsError(try TeamSync(options(a)).run()) { e in
            XCTAssertTrue((e as? TeamRepo.Refusal)?.message.contains("detached") ?? false, "\(e)")
        }
        git(a.folder, "checkout", "--quiet", "main")
        try "x\n".write(toFile: a.folder + "/other.txt", atomically: true, encoding: .utf8)
        git(a.folder, "add", "other.txt")
        XCTAssertThrowsError(try TeamSync(options(a)).run()) { e in
            XCTAssertTrue((e as? TeamRepo.Refusal)?.message.contains("other.txt") ?? false, "\(e)")
        }
        XCTAssertEqual(git(a.folder, "log", "--format=%s").text.split(separator: "\n").count, 1, "nothing committed")
        XCTAssertEqual(try board(a).deal("d01lea")?.stage, "qualification")
    }

    /// An uncommitted change to another file does not stop a sync; when the team changed that
    /// file too, git will not merge: this side's commit stays and nothing is overwritten.
    func testADirtyUnrelatedFileIsNeverOverwritten() throws {
        let a = try founder(), b = try join("Julien")
        try "start\n".write(toFile: a.folder + "/notes.txt", atomically: true, encoding: .utf8)
        git(a.folder, "add", "notes.txt")
        git(a.folder, "commit", "--quiet", "-m", "Notes")
        try sync(a)
        try sync(b)
        try "mine, not committed\n".write(toFile: a.folder + "/notes.txt", atomically: true, encoding: .utf8)
        try apply(b, at: 1, .markWon(id: "d18clo"))
        XCTAssertEqual(try sync(b).outcome, .synced)
        try apply(a, at: 2, .shift(id: "d01lea", by: 1))
        XCTAssertEqual(try sync(a).outcome, .synced, "the notes are not in the way")
        XCTAssertEqual(try String(contentsOfFile: a.folder + "/notes.txt", encoding: .utf8), "mine, not committed\n")
        // Now Julien changes the notes too.
        try sync(b)
        try "Julien's\n".write(toFile: b.folder + "/notes.txt", atomically: true, encoding: .utf8)
        git(b.folder, "commit", "--quiet", "-am", "Julien's notes")
        git(b.folder, "push", "--quiet", "origin", "main")
        try apply(a, at: 3, .shift(id: "d02lea", by: 1))
        let r = try sync(a)
        guard case .notShared(let why) = r.outcome else { return XCTFail("\(r.outcome)") }
        XCTAssertTrue(why.contains("notes.txt") && why.contains("would be overwritten"), why)
        XCTAssertEqual(try String(contentsOfFile: a.folder + "/notes.txt", encoding: .utf8), "mine, not committed\n")
        XCTAssertEqual(r.committed, "Move Fleet telematics pilot → Qualification")
        XCTAssertEqual(try board(a).deal("d02lea")?.stage, "qualification")
    }

    func testNothingToDoSaysSo() throws {
        let a = try founder()
        let r = try sync(a)
        XCTAssertEqual(r.outcome, .alreadyInSync)
        XCTAssertNil(r.committed)
    }
}

/// A flag set once, from any thread.
final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    /// True the first time only.
    func once() -> Bool {
        lock.lock(); defer { lock.unlock() }
        if done { return false }
        done = true
        return true
    }
}
