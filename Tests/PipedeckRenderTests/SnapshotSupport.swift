import PipedeckCore
import PipedeckUI
import XCTest

@testable import PipedeckRender

/// Fixed instants so that every screen test is the same on every day.
enum Fixture {
    static let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    static let today = Day.parse("2026-11-30")!
    static var demo: Board { Demo.board(now: now, today: today) }

    static func state(_ board: Board = demo, width: Int, height: Int) -> AppState {
        AppState(board: board, fileName: "demo.json", now: now, today: today, width: width, height: height)
    }

    static func rows(_ state: AppState, glyphs: Glyphs = .unicode) -> [String] {
        BoardRenderer.render(state, options: RenderOptions(glyphs: glyphs, locale: "C")).grid.rows()
    }

    /// Drives the reducer with keys, ignoring effects.
    static func press(_ state: inout AppState, _ keys: Key...) {
        for k in keys { _ = state.handle(k) }
    }
}

/// Compares a screen with a snapshot file under Tests/PipedeckRenderTests/Snapshots. A missing
/// snapshot is written (and the test fails, so a new snapshot is always looked at once);
/// set PIPEDECK_RECORD=1 to rewrite snapshots on purpose.
func assertSnapshot(_ rows: [String], named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = dir.appendingPathComponent(name + ".txt")
    let actual =
        rows.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
        + "\n"
    let record = ProcessInfo.processInfo.environment["PIPEDECK_RECORD"] == "1"
    if record || !FileManager.default.fileExists(atPath: url.path) {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        if !record {
            XCTFail("snapshot \(name) did not exist; recorded it — check it and run again", file: file, line: line)
        }
        return
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<none>", al = i < a.count ? String(a[i]) : "<none>"
            if el != al { diff.append("row \(i):\n  expected: \(el)\n  actual:   \(al)") }
        }
        XCTFail("snapshot \(name) differs:\n" + diff.prefix(8).joined(separator: "\n"), file: file, line: line)
    }
}
