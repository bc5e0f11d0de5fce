import Foundation
import PipedeckCore
import PipedeckStorage
import PipedeckTestSupport
import PipedeckUI
import XCTest

@testable import PipedeckCLI

/// The open board working with the team: two clones of a local bare repository, each with a
/// board open the way the event loop runs it (BoardSync for the file, TeamLink for git), keys
/// pressed, `Y` carried out in the background, what comes back sent through the reducer.
final class TeamBoardTests: TeamTestCase {
    /// A board open on a clone.
    struct Open {
        var sync: BoardSync
        var team: TeamLink
        var state: AppState
    }

    /// Opens `c`'s board as `pipedeck --file` would, and waits for the look at the repository
    /// (and the sync on open, when the settings ask for one).
    func open(_ c: Clone) throws -> Open {
        let version = try BoardSync.load(path: c.board)
        let state = AppState(
            board: version.board, fileName: "pipeline.json", now: .now(), today: Day.today(), width: 120, height: 40)
        var o = Open(
            sync: BoardSync(path: c.board, version: version),
            team: TeamLink(path: c.board, environment: environment, program: program), state: state)
        o.sync.start(&o.state)
        o.team.start(o.sync, &o.state)
        settle(&o)
        return o
    }

    /// Lets the saves and git finish, taking in what they found, as the event loop does.
    func settle(_ o: inout Open, file: StaticString = #filePath, line: UInt = #line) {
        let done = Poll.until(timeout: 60) {
            o.sync.collect(&o.state)
            o.team.collect(o.sync, &o.state)
            return !o.team.isBusy && !o.sync.saver.isBusy
        }
        XCTAssertTrue(done, "the sync ended", file: file, line: line)
        o.sync.send(.drawn, &o.state)
    }

    /// A key as the event loop handles it; `Y`'s effect starts the sync.
    func press(_ key: Key, _ o: inout Open) {
        o.sync.collect(&o.state)
        o.team.collect(o.sync, &o.state)
        for effect in o.sync.press(key, &o.state) where effect == .sync { o.team.request(o.sync, &o.state) }
        o.sync.send(.drawn, &o.state)
    }

    func settings(_ text: String) throws {
        try FileManager.default.createDirectory(
            atPath: dir + "/home/.config/pipedeck", withIntermediateDirectories: true)
        try text.write(toFile: dir + "/home/.config/pipedeck/config", atomically: true, encoding: .utf8)
    }

    /// Two boards open in two clones, a move in each, `Y` in both (and once more in the first):
    /// both boards show both moves, the deals the other moved are marked, and both clones and
    /// the remote hold the same board.
    func testAMoveInEachCloneReachesTheOtherBoardBySyncingFromTheBoard() throws {
        let a = try founder(), b = try join("Julien")
        var boardA = try open(a), boardB = try open(b)
        defer { boardA.sync.close(); boardB.sync.close() }
        XCTAssertEqual(boardA.state.team.me, "Camille", "git's user.name")
        XCTAssertEqual(boardB.state.team.me, "Julien")
        let movedA = try XCTUnwrap(boardA.state.selectedDeal?.id)
        press(.char("L"), &boardA)
        press(.down, &boardB)
        let movedB = try XCTUnwrap(boardB.state.selectedDeal?.id)
        XCTAssertNotEqual(movedA, movedB)
        press(.char("L"), &boardB)
        settle(&boardA)
        settle(&boardB)

        press(.char("Y"), &boardA)
        XCTAssertNotNil(boardA.state.team.syncing, "the top line says a sync is under way")
        settle(&boardA)
        XCTAssertNil(boardA.state.team.syncing)
        XCTAssertEqual(
            boardA.state.message?.text, "synced with origin/main · nothing new from the team · 1 change sent")
        press(.char("Y"), &boardB)
        settle(&boardB)
        let saidB = boardB.state.message?.text ?? ""
        XCTAssertTrue(saidB.hasPrefix("synced with origin/main · "), saidB)
        XCTAssertTrue(saidB.contains("from the team"), saidB)
        press(.char("Y"), &boardA)
        settle(&boardA)

        for o in [boardA, boardB] {
            XCTAssertEqual(o.state.board.deal(movedA)?.stage, "qualification")
            XCTAssertEqual(o.state.board.deal(movedB)?.stage, "qualification")
        }
        XCTAssertEqual(boardA.state.board, try board(a), "the screen shows the file")
        XCTAssertEqual(boardB.state.board, try board(b))
        XCTAssertEqual(try board(a), try board(b))
        XCTAssertEqual(boardB.state.team.marks[movedA], .changed, "Camille's move is marked on Julien's board")
        XCTAssertEqual(boardA.state.team.marks[movedB], .changed)
        XCTAssertEqual(boardA.state.selectedDeal?.id, movedA, "the selection stays on the same deal")
        XCTAssertEqual(git(a.folder, "rev-parse", "HEAD").text, git(b.folder, "rev-parse", "HEAD").text)
        XCTAssertEqual(git(a.folder, "status", "--porcelain").text, "")
    }

    /// Keys keep working while git works: a move made during the sync is saved (merged with what
    /// git wrote) and shared by the next sync.
    func testAChangeMadeDuringASyncIsKeptAndSharedNext() throws {
        let a = try founder(), b = try join("Julien")
        try apply(b, at: 1, .markWon(id: "d18clo"))
        try sync(b)
        var o = try open(a)
        defer { o.sync.close() }
        press(.char("Y"), &o)
        XCTAssertTrue(o.team.isBusy)
        let moved = try XCTUnwrap(o.state.selectedDeal?.id)
        press(.char("L"), &o)
        XCTAssertEqual(o.state.board.deal(moved)?.stage, "qualification", "the key acted at once")
        settle(&o)
        XCTAssertEqual(o.state.board.deal("d18clo")?.status, .won, "Julien's change came in")
        XCTAssertEqual(o.state.board.deal(moved)?.stage, "qualification", "and the move made meanwhile stayed")
        press(.char("Y"), &o)
        settle(&o)
        try sync(b)
        XCTAssertEqual(try board(b).deal(moved)?.stage, "qualification")
        XCTAssertEqual(try board(a), try board(b))
    }

    /// A clone made with a plain `git clone` lacks the driver: the board says how to fix it, and
    /// a sync from the board registers it.
    func testACloneWithoutTheDriverIsToldAndASyncRegistersIt() throws {
        _ = try founder()
        let c = Clone(folder: dir + "/plain", person: "Sofia")
        git(dir, "clone", "--quiet", remote, c.folder)
        identify(c)
        var o = try open(c)
        defer { o.sync.close() }
        let said = o.state.message?.text ?? ""
        XCTAssertTrue(said.contains("does not know Pipedeck's merge driver"), said)
        XCTAssertTrue(o.state.message?.isError ?? false)
        XCTAssertEqual(git(c.folder, "config", "merge.pipedeck.driver", ok: false).text, "")
        press(.char("Y"), &o)
        settle(&o)
        XCTAssertTrue(o.state.message?.text.hasPrefix("synced") ?? false, "\(String(describing: o.state.message))")
        XCTAssertTrue(git(c.folder, "config", "merge.pipedeck.driver").text.contains("merge %O %A %B"))
    }

    func testBadPlacesAreSaidOnTheBoardAndChangeNothing() throws {
        // Not in a repository.
        let alone = dir + "/alone/pipeline.json"
        try FileManager.default.createDirectory(atPath: dir + "/alone", withIntermediateDirectories: true)
        try BoardFile.save(Demo.board(now: TeamTestCase.start, today: TeamTestCase.start.utcDay), to: alone)
        try "[user]\n\tname = Sofia Global\n".write(toFile: dir + "/home/.gitconfig", atomically: true, encoding: .utf8)
        var o = try open(Clone(folder: dir + "/alone", person: "Nobody"))
        XCTAssertEqual(o.state.team.me, "Sofia Global", "git's user.name, outside any repository too")
        press(.char("Y"), &o)
        settle(&o)
        var said = o.state.message?.text ?? ""
        XCTAssertTrue(said.hasPrefix("cannot sync: "), said)
        XCTAssertTrue(said.contains("is not in a git repository"), said)
        XCTAssertTrue(o.state.message?.isError ?? false)
        o.sync.close()
        // The remote cannot be reached: the change is committed here, nothing is lost.
        let a = try founder()
        git(a.folder, "remote", "set-url", "origin", dir + "/nowhere.git")
        o = try open(a)
        defer { o.sync.close() }
        let moved = try XCTUnwrap(o.state.selectedDeal?.id)
        press(.char("L"), &o)
        settle(&o)
        press(.char("Y"), &o)
        settle(&o)
        said = o.state.message?.text ?? ""
        XCTAssertTrue(said.hasPrefix("not synced (your changes are committed here): "), said)
        XCTAssertTrue(said.contains("origin could not be reached"), said)
        XCTAssertFalse(said.contains("\n"))
        XCTAssertEqual(try BoardFile.load(path: a.board).deal(moved)?.stage, "qualification")
        XCTAssertEqual(git(a.folder, "status", "--porcelain").text, "", "committed here")
    }

    /// `sync = open, quit`: a board opened gets the team's changes at once, and what is changed
    /// is shared when the board is closed; `me =` names who is at the keyboard.
    func testAutomaticSyncsOnOpenAndOnQuit() throws {
        let a = try founder(), b = try join("Julien")
        try apply(a, at: 1, .markWon(id: "d18clo"))
        try sync(a)
        try settings("me = Julien Dubois\nsync = open, quit\n")
        var o = try open(b)
        XCTAssertEqual(o.state.team.me, "Julien Dubois")
        XCTAssertEqual(o.state.board.deal("d18clo")?.status, .won, "synced on open")
        XCTAssertEqual(o.state.team.marks["d18clo"], .changed)
        press(.char("M"), &o)
        XCTAssertEqual(o.state.filter.owner, "Julien Dubois")
        let moved = try XCTUnwrap(o.state.selectedDeal?.id)
        XCTAssertEqual(o.state.selectedDeal?.owner, "Julien Dubois")
        press(.char("L"), &o)
        let said = o.team.finish(o.sync, &o.state) {}
        o.sync.close()
        XCTAssertTrue(said?.hasPrefix("synced with origin/main") ?? false, "\(String(describing: said))")
        try sync(a)
        XCTAssertEqual(try board(a).deal(moved)?.stage, "qualification", "shared on quit")
        XCTAssertEqual(try board(a).deal(moved)?.updatedBy, "Julien Dubois")
    }

    /// `sync = every 1 min`: once a minute has gone by since the last sync, an idle board syncs.
    func testAnIdleBoardSyncsEveryFewMinutesWhenAsked() throws {
        let a = try founder(), b = try join("Julien")
        try settings("sync = every 1 min\n")
        var o = try open(b)
        defer { o.sync.close() }
        try apply(a, at: 1, .markWon(id: "d18clo"))
        try sync(a)
        o.team.tick(o.sync, &o.state)
        XCTAssertFalse(o.team.isBusy, "not a minute yet")
        o.team.lastSync = Date(timeIntervalSinceNow: -61)
        o.team.tick(o.sync, &o.state)
        XCTAssertTrue(o.team.isBusy)
        settle(&o)
        XCTAssertEqual(o.state.board.deal("d18clo")?.status, .won)
        XCTAssertTrue(o.state.message?.text.hasPrefix("synced with origin/main · 1 change from the team") ?? false)
    }

    func testTheSyncSettingIsReadOrSaidToBeWrong() {
        XCTAssertEqual(AutoSync(settings: nil), AutoSync(value: ""))
        let all = AutoSync(settings: "theme = dark\nsync = open, quit, every 15 min\n")
        XCTAssertTrue(all.onOpen)
        XCTAssertTrue(all.onQuit)
        XCTAssertEqual(all.everyMinutes, 15)
        XCTAssertNil(all.problem)
        XCTAssertEqual(AutoSync(value: "every 5m").everyMinutes, 5)
        XCTAssertEqual(AutoSync(value: "10minutes").everyMinutes, 10)
        let off = AutoSync(value: "off")
        XCTAssertFalse(off.onOpen || off.onQuit)
        XCTAssertNil(off.everyMinutes)
        let wrong = AutoSync(value: "open, hourly")
        XCTAssertEqual(
            wrong.problem,
            "settings: “sync = open, hourly” — “hourly” is not understood; write for instance "
                + "“sync = open, quit, every 15 min” (or “sync = off”)")
        XCTAssertNotNil(AutoSync(value: "every 0 min").problem)
    }
}
