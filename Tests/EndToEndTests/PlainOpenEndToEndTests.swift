import Foundation
import PipedeckTestSupport
import XCTest

/// The everyday start (`pipedeck --file F`, `pipedeck`) skips the argument parser and writes the
/// recent boards only once the board is on the screen: the board opened is remembered, a file
/// that fails to load is not, and `pipedeck` alone reopens the last board that opened.
final class PlainOpenEndToEndTests: EndToEndTestCase {
    var data: String { dir.appendingPathComponent("data").path }

    func testTheLastBoardThatOpenedIsTheOneReopened() throws {
        try XCTSkipUnless(TmuxSession.isTmuxAvailable, "tmux is not installed")
        try makeDemo()
        let env = ["HOME": dir.path, "XDG_DATA_HOME": data, "TZ": "UTC"]
        let s = TmuxSession(
            arguments: [TmuxSession.pipedeckBinary.path, "--file=" + file], width: 80, height: 24, environment: env)
        XCTAssertTrue(s.waitFor("Demo pipeline"), s.capture())
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)

        // A broken board: refused before the screen opens, and not remembered.
        let broken = dir.appendingPathComponent("broken.json").path
        try Data("{\"deals\": [".utf8).write(to: URL(fileURLWithPath: broken))
        let failed = try run(["--file", broken], env: env)
        XCTAssertEqual(failed.status, 2, failed.stderr)
        XCTAssertTrue(failed.stderr.contains("broken.json"), failed.stderr)
        let list = try run(["boards", "--json"], env: env)
        XCTAssertFalse(list.stdout.contains("broken.json"), list.stdout)

        let again = TmuxSession(arguments: [TmuxSession.pipedeckBinary.path], width: 80, height: 24, environment: env)
        XCTAssertTrue(again.waitFor("Demo pipeline"), again.capture())
        again.send("q")
        XCTAssertEqual(again.exitStatus(), 0)
    }
}
