import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage
import PipedeckTestSupport
import XCTest

@testable import PipedeckCLI
@testable import PipedeckUI

/// The interactive board's side of the file: saves that find the file changed by someone else
/// merge instead of overwriting, reloads when nothing is unsaved, failures that keep the board
/// working in memory.
final class BoardSyncTests: XCTestCase {
    var dir: URL!
    var path: String { dir.appendingPathComponent("pipeline.json").path }
    static let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    static let today = Day.parse("2026-11-30")!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("pipedeck-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try BoardFile.save(Demo.board(now: BoardSyncTests.now, today: BoardSyncTests.today), to: path)
    }

    override func tearDown() {
        chmod(dir.path, 0o755)
        try? FileManager.default.removeItem(at: dir)
    }

    /// Opens the board the way the event loop does.
    func open() throws -> (BoardSync, AppState) {
        let version = try BoardSync.load(path: path)
        var state = AppState(
            board: version.board, fileName: "pipeline.json", now: BoardSyncTests.now, today: BoardSyncTests.today,
            width: 120, height: 40)
        let sync = BoardSync(path: path, version: version)
        sync.start(&state)
        return (sync, state)
    }

    /// A key, as the event loop handles it: take the last save's result, look at the file (a key
    /// that arrives with a change made elsewhere is not applied), apply the key, save; then the
    /// frame is drawn. Returns whether the key was used.
    @discardableResult
    func press(_ key: Key, _ sync: BoardSync, _ state: inout AppState) -> Bool {
        sync.collect(&state)
        defer { sync.send(.drawn, &state) }
        _ = sync.press(key, &state)
        return !(state.message?.text.hasPrefix(UIText.keyIgnored) ?? false)
    }

    /// Someone else changes the file: another Pipedeck, an editor, a git pull.
    func editOnDisk(_ change: (inout Board) -> Void) throws {
        var b = try BoardFile.load(path: path)
        change(&b)
        try BoardFile.save(b, to: path)
    }

    func stage(_ id: String, in board: Board) -> String? { board.deal(id)?.stage }

    /// The top and bottom lines of the screen as drawn for `state`.
    func lines(_ state: AppState) -> (top: String, bottom: String) {
        let rows = BoardRenderer.render(state, options: RenderOptions()).grid.rows()
        return (rows.first ?? "", rows.last ?? "")
    }

    func testSavesAndSaysSaved() throws {
        var (sync, state) = try open()
        defer { sync.close() }
        press(.char("L"), sync, &state)
        XCTAssertEqual(state.saveState, .pending)
        sync.finish(&state)
        XCTAssertEqual(state.saveState, .saved)
        XCTAssertEqual(stage("d01lea", in: try BoardFile.load(path: path)), "qualification")
    }

    func testChangeOnDiskIsReloadedWhenNothingIsUnsaved() throws {
        var (sync, state) = try open()
        defer { sync.close() }
        try editOnDisk { b in b.deals[b.dealIndex("d05qua")!].title = "Renamed elsewhere" }
        XCTAssertTrue(sync.idle(&state))
        XCTAssertEqual(state.board.deal("d05qua")?.title, "Renamed elsewhere")
        XCTAssertEqual(state.message?.text, SyncText.reloaded)
        XCTAssertEqual(state.saveState, .saved)
        // Nothing changed since: nothing happens.
        XCTAssertFalse(sync.idle(&state))
        // Touching the file without changing it reloads nothing.
        state.message = nil
        let b = try BoardFile.load(path: path)
        try BoardFile.save(b, to: path)
        _ = sync.idle(&state)
        XCTAssertNil(state.message)
    }

    /// The lost update: this side moved a deal but had not saved yet when another program wrote
    /// the file. The save notices, merges, and writes both changes.
    func testSaveAfterAChangeOnDiskMergesBothChanges() throws {
        var (sync, state) = try open()
        defer { sync.close() }
        try editOnDisk { b in
            b.deals[b.dealIndex("d05qua")!].title = "Renamed elsewhere"
            b.deals.removeAll { $0.id == "d25lea" }
        }
        // The key's own check is skipped here: the save is what finds the change.
        sync.send(.key(.char("L")), &state)
        sync.finish(&state)
        XCTAssertEqual(state.saveState, .saved)
        let disk = try BoardFile.load(path: path)
        XCTAssertEqual(stage("d01lea", in: disk), "qualification", "this side's move")
        XCTAssertEqual(disk.deal("d05qua")?.title, "Renamed elsewhere", "the other side's edit")
        XCTAssertNil(disk.deal("d25lea"), "the other side's delete")
        XCTAssertEqual(state.board, disk, "the screen shows what is on disk")
        XCTAssertTrue(
            state.message?.text.hasPrefix("the file changed on disk: your changes were merged") ?? false,
            "\(String(describing: state.message))")
    }

    func testBothChangedTheSameDealThisSideWinsAndSaysSo() throws {
        var (sync, state) = try open()
        defer { sync.close() }
        try editOnDisk { b in _ = b.deals[b.dealIndex("d01lea")!].stage = "needs" }
        sync.send(.key(.char("L")), &state)
        sync.finish(&state)
        XCTAssertEqual(stage("d01lea", in: try BoardFile.load(path: path)), "qualification")
        XCTAssertTrue(
            state.message?.text.contains("changed on both sides, yours was later and is kept: “Website redesign”")
                ?? false,
            "\(String(describing: state.message))")
        XCTAssertTrue(state.message?.isError ?? false)
    }

    func testChangeToADealDeletedElsewhereKeepsTheDealAndSaysSo() throws {
        var (sync, state) = try open()
        defer { sync.close() }
        try editOnDisk { b in b.deals.removeAll { $0.id == "d01lea" } }
        sync.send(.key(.char("L")), &state)
        sync.finish(&state)
        let disk = try BoardFile.load(path: path)
        XCTAssertEqual(disk.deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(disk.deal("d01lea")?.history.last?.merge?.kind, .keptEdited)
        XCTAssertEqual(disk.deals.count, 25)
        XCTAssertTrue(
            state.message?.text.contains("deleted elsewhere, kept because you changed it: “Website redesign”") ?? false,
            "\(String(describing: state.message))")
    }

    func testUnreadableFileOnDiskIsNeverOverwritten() throws {
        var (sync, state) = try open()
        defer { sync.close() }
        let broken = Data("{ \"version\": 1, \"stages\": [".utf8)
        try broken.write(to: URL(fileURLWithPath: path))
        sync.send(.key(.char("L")), &state)
        sync.finish(&state)
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: path)), broken, "the broken file is left for a person to fix")
        guard case .failed(let why) = state.saveState else { return XCTFail("\(state.saveState)") }
        XCTAssertTrue(why.hasPrefix("the file changed on disk and cannot be read"), why)
        XCTAssertEqual(state.board.deal("d01lea")?.stage, "qualification", "the change is kept in memory")
        // Fixed on disk: the next look merges and saves.
        try BoardFile.save(Demo.board(now: BoardSyncTests.now, today: BoardSyncTests.today), to: path)
        _ = sync.idle(&state)
        sync.finish(&state)
        XCTAssertEqual(state.saveState, .saved)
        XCTAssertEqual(stage("d01lea", in: try BoardFile.load(path: path)), "qualification")
    }

    func testReadOnlyFileOpensReadOnlyAndFollowsPermissionChanges() throws {
        XCTAssertEqual(chmod(path, 0o444), 0)
        var (sync, state) = try open()
        defer { sync.close() }
        XCTAssertEqual(state.saveState, .readOnly)
        XCTAssertEqual(state.message?.text, SyncText.openedReadOnly)
        press(.char("L"), sync, &state)
        XCTAssertEqual(state.message?.text, UIText.readOnlyRefused)
        XCTAssertEqual(state.board.deal("d01lea")?.stage, "lead")
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent(".pipeline.json.lock").path),
            "a read-only viewer leaves no lock file")
        XCTAssertEqual(chmod(path, 0o644), 0)
        _ = sync.idle(&state)
        XCTAssertEqual(state.saveState, .saved)
        XCTAssertEqual(state.message?.text, SyncText.writableAgain)
        press(.char("L"), sync, &state)
        sync.finish(&state)
        XCTAssertEqual(stage("d01lea", in: try BoardFile.load(path: path)), "qualification")
    }

    /// A file made read-only, then writable again, while the board sits idle: the look that
    /// notices says the state changed, so the event loop draws it without waiting for a key.
    func testAPermissionChangeNoticedWhileIdleIsShown() throws {
        var (sync, state) = try open()
        defer { sync.close() }
        XCTAssertEqual(chmod(path, 0o444), 0)
        XCTAssertTrue(sync.idle(&state), "the change must be drawn")
        XCTAssertEqual(state.saveState, .readOnly)
        XCTAssertEqual(state.message?.text, SyncText.becameReadOnly)
        XCTAssertEqual(chmod(path, 0o644), 0)
        XCTAssertTrue(sync.idle(&state), "the change must be drawn")
        XCTAssertEqual(state.saveState, .saved)
        XCTAssertEqual(state.message?.text, SyncText.writableAgain)
        XCTAssertFalse(sync.idle(&state), "nothing new")
    }

    /// A save that fails (here: its folder was replaced by a file, which even root cannot write
    /// into) keeps the board in memory, says so, and succeeds on a later try.
    func testFailedSaveKeepsWorkingAndRetries() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // A way to make saving fail that root respects too (a read-only mount needs privileges):
        // the board's folder is moved away and a plain file put in its place.
        let blocked = dir.appendingPathComponent("blocked")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: true)
        let inner = blocked.appendingPathComponent("pipeline.json").path
        try FileManager.default.copyItem(atPath: path, toPath: inner)
        let version = try BoardSync.load(path: inner)
        var s2 = AppState(
            board: version.board, fileName: "pipeline.json", now: BoardSyncTests.now, today: BoardSyncTests.today,
            width: 120, height: 40)
        let sync2 = BoardSync(path: inner, version: version)
        sync2.start(&s2)
        defer { sync2.close() }
        // Rename the folder away and put a file in its place: every save now fails with ENOTDIR.
        let moved = dir.appendingPathComponent("moved")
        try FileManager.default.moveItem(at: blocked, to: moved)
        XCTAssertTrue(FileManager.default.createFile(atPath: blocked.path, contents: Data("x".utf8)))
        press(.char("L"), sync2, &s2)
        sync2.finish(&s2)
        guard case .failed(let why) = s2.saveState else { return XCTFail("\(s2.saveState)") }
        XCTAssertTrue(why.contains("cannot write"), why)
        XCTAssertTrue(lines(s2).bottom.contains("NOT SAVED: cannot write pipeline.json"), lines(s2).bottom)
        XCTAssertTrue(lines(s2).top.contains("unsaved"), lines(s2).top)
        XCTAssertEqual(s2.board.deal("d01lea")?.stage, "qualification", "the board keeps working in memory")
        // The next change says what it did, and the bottom line still says that nothing is saved;
        // the save state stays "failed" while the retry runs.
        press(.char("L"), sync2, &s2)
        XCTAssertEqual(s2.saveState, .failed(why))
        XCTAssertTrue(lines(s2).bottom.contains("moved to Needs analysis"), lines(s2).bottom)
        XCTAssertTrue(lines(s2).bottom.contains("NOT SAVED"), lines(s2).bottom)
        sync2.finish(&s2)
        XCTAssertEqual(s2.board.deal("d01lea")?.stage, "needs")
        if case .failed = s2.saveState {} else { XCTFail("\(s2.saveState)") }
        XCTAssertTrue(lines(s2).bottom.contains("NOT SAVED"), lines(s2).bottom)
        // The way is clear again: the next change saves everything, and both lines say so.
        try FileManager.default.removeItem(at: blocked)
        try FileManager.default.moveItem(at: moved, to: blocked)
        press(.char("H"), sync2, &s2)
        sync2.finish(&s2)
        XCTAssertEqual(s2.saveState, .saved)
        XCTAssertTrue(lines(s2).top.contains("saved") && !lines(s2).top.contains("unsaved"), lines(s2).top)
        XCTAssertFalse(lines(s2).bottom.contains("NOT SAVED"), lines(s2).bottom)
        XCTAssertEqual(s2.message?.text, UIText.savedAgain)
        let disk = try BoardFile.load(path: inner)
        XCTAssertEqual(stage("d01lea", in: disk), "qualification")
        XCTAssertEqual(disk, s2.board)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testSecondInstanceIsToldAndTheLastOneRemovesTheLock() throws {
        var (a, stateA) = try open()
        XCTAssertNil(stateA.message)
        let lock = dir.appendingPathComponent(".pipeline.json.lock").path
        // Another process that has the file open (pid 1 always runs).
        try "1\n\(getpid())\n".write(toFile: lock, atomically: false, encoding: .utf8)
        var (b, stateB) = try open()
        XCTAssertEqual(stateB.message?.text, SyncText.otherInstance([1]))
        press(.char("L"), b, &stateB)
        b.finish(&stateB)
        a.finish(&stateA)
        b.close()
        a.close()
        XCTAssertEqual(try String(contentsOfFile: lock, encoding: .utf8), "1\n")
        try FileManager.default.removeItem(atPath: lock)
        var (c, stateC) = try open()
        XCTAssertNil(stateC.message)
        c.finish(&stateC)
        c.close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock))
    }

    /// A form open on a deal that changes on disk: no reload under the form; its save merges, so
    /// the fields it did not touch keep the other side's values.
    func testFormOpenWhileTheFileChanges() throws {
        var (sync, state) = try open()
        defer { sync.close() }
        press(.char("e"), sync, &state)
        guard case .form = state.mode else { return XCTFail("e opens the form") }
        try editOnDisk { b in b.deals[b.dealIndex("d01lea")!].value = Money(units: 9_999) }
        XCTAssertFalse(sync.idle(&state), "no reload under an open form")
        XCTAssertEqual(state.board.deal("d01lea")?.value, Money(units: 4_800))
        for _ in 0..<40 { press(.backspace, sync, &state) }
        for c in "New title" { press(.char(c), sync, &state) }
        press(.enter, sync, &state)
        XCTAssertEqual(state.mode, .board)
        sync.finish(&state)
        let disk = try BoardFile.load(path: path)
        XCTAssertEqual(disk.deal("d01lea")?.title, "New title")
        XCTAssertEqual(disk.deal("d01lea")?.value, Money(units: 9_999), "the other side's value survives the form")
        XCTAssertEqual(state.board, disk)
    }

    func testFileRemovedOnDiskIsWrittenAgainByTheNextChange() throws {
        var (sync, state) = try open()
        defer { sync.close() }
        try FileManager.default.removeItem(atPath: path)
        _ = sync.idle(&state)
        XCTAssertEqual(state.message?.text, SyncText.removedOnDisk)
        press(.char("L"), sync, &state)
        sync.finish(&state)
        XCTAssertEqual(state.saveState, .saved)
        XCTAssertEqual(stage("d01lea", in: try BoardFile.load(path: path)), "qualification")
    }

    /// What the file side finds reaches the state through the reducer and nothing else: after a
    /// save, a reload and a merge, the state is the one the reducer makes from the same keys and
    /// the events that say what happened.
    func testTheFileSideChangesTheStateOnlyThroughEvents() throws {
        var (sync, state) = try open()
        defer { sync.close() }
        var expected = state
        press(.char("L"), sync, &state)
        sync.finish(&state)
        for event: Event in [.key(.char("L")), .drawn, .file(.saved(more: false))] { _ = expected.handle(event) }
        XCTAssertEqual(state, expected)

        try editOnDisk { b in b.deals[b.dealIndex("d05qua")!].title = "Renamed elsewhere" }
        XCTAssertTrue(sync.idle(&state))
        let reloaded = try BoardFile.load(path: path)
        _ = expected.handle(.file(.reloaded(board: reloaded, note: StatusMessage(SyncText.reloaded))))
        XCTAssertEqual(state, expected)
        sync.send(.drawn, &state)
        _ = expected.handle(.drawn)

        try editOnDisk { b in b.deals[b.dealIndex("d06qua")!].title = "Renamed again" }
        sync.send(.key(.char("L")), &state)
        sync.finish(&state)
        let note = StatusMessage(SyncText.merged(MergeReport()))
        let merged = try BoardFile.load(path: path)
        for event: Event in [.key(.char("L")), .file(.merged(board: merged, onDisk: true, note: note))] {
            _ = expected.handle(event)
        }
        XCTAssertEqual(state, expected)
        XCTAssertEqual(merged.deal("d06qua")?.title, "Renamed again")
    }
}
