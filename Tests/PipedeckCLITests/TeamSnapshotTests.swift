import Foundation
import PipedeckCore
import PipedeckStorage
import XCTest

@testable import PipedeckCLI

/// What a sync reads before it starts: the state's git commands run at once (`Git.runAll`), and
/// the board's committed version read beside them when the board was saved since git's index.
final class TeamSnapshotTests: TeamTestCase {
    /// Commands run together each get their own output, in the order given, even those that
    /// start programs of their own (an alias run by the shell) or write a whole board.
    func testCommandsRunTogetherKeepTheirOwnOutputs() throws {
        let a = try founder()
        let g = try Git(folder: a.folder, environment: environment, interactive: false)
        let whole = git(a.folder, "cat-file", "blob", "HEAD:pipeline.json").out
        XCTAssertGreaterThan(whole.count, 10_000)
        let outputs = g.runAll([
            (["-c", "alias.later=!sleep 0.2; echo later", "later"], 0),
            (["config", "user.name"], 0),
            (["cat-file", "blob", "HEAD:pipeline.json"], whole.count),
            (["rev-parse", "--abbrev-ref", "HEAD"], 0),
            (["cat-file", "blob", "HEAD:no-such-file"], 0),
        ])
        XCTAssertEqual(outputs.map(\.text).first, "later")
        XCTAssertEqual(outputs[1].text, "Camille")
        XCTAssertEqual(outputs[2].out, whole)
        XCTAssertEqual(outputs[3].text, "main")
        XCTAssertFalse(outputs[4].ok)
        XCTAssertTrue(outputs[4].err.contains("no-such-file"), outputs[4].err)
        XCTAssertEqual(g.runAll([]).count, 0)
    }

    /// A board saved since the last commit: the snapshot says so, and holds the committed
    /// bytes; after a sync the index is newer again and nothing is read ahead.
    func testASavedBoardHasItsCommittedVersionReadBesideTheState() throws {
        let a = try founder()
        let committed = git(a.folder, "cat-file", "blob", "HEAD:pipeline.json").out
        try apply(a, at: 1, .shift(id: "d01lea", by: 1))
        let repo = try TeamRepo.open(board: a.board, environment: environment, interactive: false)
        XCTAssertTrue(repo.boardNewerThanIndex)
        let head = try XCTUnwrap(repo.commit("HEAD"))
        let snap = repo.snapshot(headCommit: head, boardSize: repo.boardSize)
        XCTAssertEqual(snap.headBytes?.commit, head)
        XCTAssertEqual(snap.headBytes?.bytes, committed)
        XCTAssertTrue(snap.boardChanged)
        XCTAssertEqual(snap.branch, "main")
        XCTAssertTrue(snap.usesDriver)
        XCTAssertNil(snap.blocker)
        XCTAssertEqual(snap.remote, "origin")
        let result = try sync(a)
        XCTAssertEqual(result.committed, "Move Website redesign → Qualification")
        XCTAssertFalse(repo.boardNewerThanIndex)
        XCTAssertNil(repo.snapshot().headBytes)
        XCTAssertFalse(repo.snapshot().boardChanged)
    }

    /// The same state as the commands one by one: a merge left unfinished blocks the sync.
    func testAnUnfinishedMergeStillBlocks() throws {
        let a = try founder()
        let repo = try TeamRepo.open(board: a.board, environment: environment, interactive: false)
        let merging = repo.gitPath("MERGE_HEAD")
        try Data((repo.commit("HEAD")! + "\n").utf8).write(to: URL(fileURLWithPath: merging))
        XCTAssertEqual(repo.snapshot().blocker, repo.blocker())
        XCTAssertNotNil(repo.snapshot().blocker)
    }
}
