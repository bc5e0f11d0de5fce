import Foundation
import PipedeckTestSupport
import XCTest

/// Base of the end-to-end tests: a private folder with the pipeline file, the real binary run
/// once as a script would, the saved file read back, and waiting for the file with a deadline.
class EndToEndTestCase: XCTestCase {
    var dir: URL!
    var file: String { dir.appendingPathComponent("pipeline.json").path }

    override func setUpWithError() throws {
        try super.setUpWithError()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("pipedeck-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let dir {
            chmod(dir.path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        super.tearDown()
    }

    /// Runs `pipedeck` once with UTF-8, UTC, HOME in the test's folder and no $PIPEDECK_FILE.
    @discardableResult
    func run(_ args: [String], env extra: [String: String] = [:]) throws -> ProcessOutput {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"; env["TZ"] = "UTC"; env["HOME"] = dir.path
        env["XDG_DATA_HOME"] = dir.appendingPathComponent("data").path
        env.removeValue(forKey: "PIPEDECK_FILE")
        for (k, v) in extra { env[k] = v }
        return try ProcessRun.run(TmuxSession.pipedeckBinary, args, environment: env)
    }

    /// `pipedeck init --demo` into `path` (the test's pipeline file by default).
    func makeDemo(at path: String? = nil) throws {
        let r = try run(["init", "--demo", "--file", path ?? file])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func fileText(_ path: String? = nil) -> String {
        (try? String(contentsOfFile: path ?? file, encoding: .utf8)) ?? ""
    }

    func json(_ path: String? = nil) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: path ?? file) else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// The stage of a deal as saved.
    func savedStage(_ id: String, _ path: String? = nil) -> String? {
        let deals = json(path)?["deals"] as? [[String: Any]]
        return deals?.first { $0["id"] as? String == id }?["stage"] as? String
    }

    /// Waits until `ok` holds for what is on disk (a save runs in the background).
    func waitForFile(timeout: TimeInterval = Poll.defaultTimeout, _ ok: () -> Bool) -> Bool {
        Poll.until(timeout: timeout, ok)
    }
}
