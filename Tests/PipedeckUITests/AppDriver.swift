import PipedeckCore
import PipedeckStorage
import XCTest

@testable import PipedeckUI

/// Drives the app state with keys the way the event loop does, saving the file on every
/// `.save` effect (and telling the state so, as the event loop does), so tests can assert both
/// the state and what is on disk.
final class AppDriver {
    static let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    static let today = Day.parse("2026-11-30")!

    var state: AppState
    let path: String
    let dir: URL
    private(set) var effects: [Effect] = []
    private(set) var saves = 0
    var clock: Timestamp

    init(board: Board = Demo.board(now: AppDriver.now, today: AppDriver.today), width: Int = 120, height: Int = 40)
        throws
    {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("pipedeck-ui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        path = dir.appendingPathComponent("pipeline.json").path
        try BoardFile.save(board, to: path)
        clock = AppDriver.now
        state = AppState(
            board: board, fileName: "pipeline.json", now: clock, today: AppDriver.today, width: width, height: height)
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    /// Presses keys one by one; each key happens one minute after the previous one.
    @discardableResult
    func press(_ keys: Key...) throws -> [Effect] { try press(keys) }

    @discardableResult
    func press(_ keys: [Key]) throws -> [Effect] {
        var all: [Effect] = []
        for k in keys {
            clock = clock.adding(seconds: 60)
            state.now = clock
            let fx = state.handle(k)
            for e in fx where e == .save {
                try BoardFile.save(state.board, to: path)
                saves += 1
                _ = state.handle(.file(.saved(more: false)))
            }
            all += fx
        }
        effects += all
        return all
    }

    func type(_ text: String) throws { try press(text.map { Key.char($0) }) }

    var saved: Board { get throws { try BoardFile.load(path: path) } }
    var selected: Deal? { state.selectedDeal }
    func stageOf(_ id: String) -> String? { state.board.deal(id)?.stage }
}

/// Asserts that two whole states are equal; on failure names the fields that differ rather
/// than printing both states.
func assertSameState(
    _ actual: AppState, _ expected: AppState, _ message: String = "", file: StaticString = #filePath,
    line: UInt = #line
) {
    guard actual != expected else { return }
    let a = Mirror(reflecting: actual).children, e = Mirror(reflecting: expected).children
    func same<T: Equatable>(_ l: T, _ r: Any) -> Bool { (r as? T) == l }
    let differing = zip(a, e).compactMap { x, y -> String? in
        if let l = x.value as? any Equatable, same(l, y.value) { return nil }
        let (l, r) = (String(describing: x.value), String(describing: y.value))
        return
            "\(x.label ?? "?"): \(l.count > 300 ? String(l.prefix(300)) + "…" : l)  ≠  expected \(r.count > 300 ? String(r.prefix(300)) + "…" : r)"
    }
    XCTFail("\(message): the states differ in\n" + differing.joined(separator: "\n"), file: file, line: line)
}
