import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage
import XCTest

@testable import PipedeckCLI
@testable import PipedeckUI

/// What the tests of the interactive board's side of the file share: a folder with the demo board
/// in it, the board opened as the event loop opens it, keys pressed as it presses them.
class BoardSyncTestCase: XCTestCase {
    var dir: URL!
    var path: String { dir.appendingPathComponent("pipeline.json").path }
    static let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    static let today = Day.parse("2026-11-30")!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("pipedeck-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try BoardFile.save(Demo.board(now: BoardSyncTestCase.now, today: BoardSyncTestCase.today), to: path)
    }

    override func tearDown() {
        chmod(dir.path, 0o755)
        try? FileManager.default.removeItem(at: dir)
    }

    /// Opens the board the way the event loop does.
    func open() throws -> (BoardSync, AppState) {
        let version = try BoardSync.load(path: path)
        var state = AppState(
            board: version.board, fileName: "pipeline.json", now: BoardSyncTestCase.now, today: BoardSyncTestCase.today,
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
}
