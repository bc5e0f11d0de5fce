import Foundation
import PipedeckTestSupport
import XCTest

/// The real `pipedeck` in tmux, two boards open in two clones of a local bare repository (no
/// network): a move in each, `Y` in both, and both boards show both moves; the marks of the
/// team's moves are still there when a board is opened again after `pipedeck sync`.
final class TeamEndToEndTests: EndToEndTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(TmuxSession.isTmuxAvailable, "tmux is not installed")
        try super.setUpWithError()
    }

    var environment: [String: String] { ["TZ": "UTC", "HOME": dir.path, "GIT_CONFIG_NOSYSTEM": "1"] }

    func git(_ folder: String, _ args: String...) throws {
        var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        env["LANG"] = "C.UTF-8"
        let r = try ProcessRun.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["git", "-C", folder] + args, environment: env)
        XCTAssertEqual(r.status, 0, "git \(args.joined(separator: " ")): \(r.stderr)")
    }

    /// The board of the clone in `folder`, in tmux.
    func open(_ folder: String) -> TmuxSession {
        let binary = TmuxSession.shellQuote(TmuxSession.pipedeckBinary.path)
        let s = TmuxSession(
            command: "cd \(TmuxSession.shellQuote(folder)) && \(binary) --file pipeline.json", width: 120, height: 40,
            environment: environment)
        XCTAssertTrue(s.waitFor("Demo pipeline"), s.capture())
        return s
    }

    /// The titles in the Qualification column (the second one) of the screen.
    func qualification(_ s: TmuxSession) -> String {
        s.lines().compactMap { line in
            let parts = line.split(separator: "│", omittingEmptySubsequences: false)
            return parts.count > 1 ? String(parts[1]) : nil
        }.joined(separator: "\n")
    }

    func testAMoveInEachCloneShowsOnBothBoardsAfterSyncingFromTheBoard() throws {
        let root = dir.path
        try git(root, "init", "--quiet", "--bare", "-b", "main", root + "/team.git")
        let a = root + "/camille", b = root + "/julien"
        try FileManager.default.createDirectory(atPath: a, withIntermediateDirectories: true)
        try makeDemo(at: a + "/pipeline.json")
        try git(a, "init", "--quiet", "-b", "main")
        try git(a, "config", "user.name", "Camille")
        try git(a, "config", "user.email", "camille@example.com")
        var r = try run(
            ["team", "init", "--remote", root + "/team.git", "--file", a + "/pipeline.json"], env: environment)
        XCTAssertEqual(r.status, 0, r.stderr)
        r = try run(["team", "join", root + "/team.git", b], env: environment)
        XCTAssertEqual(r.status, 0, r.stderr)
        try git(b, "config", "user.name", "Julien")
        try git(b, "config", "user.email", "julien@example.com")

        let boardA = open(a), boardB = open(b)
        defer { boardA.kill(); boardB.kill() }
        // Camille moves the first lead (Website redesign), Julien the second (Fleet telematics pilot).
        boardA.send("L")
        XCTAssertTrue(boardA.waitFor("moved to Qualification"), boardA.capture())
        boardB.send("j")
        boardB.send("L")
        XCTAssertTrue(boardB.waitFor("moved to Qualification"), boardB.capture())

        boardA.send("Y")
        XCTAssertTrue(boardA.waitFor("synced with origin/main · nothing new from the team"), boardA.capture())
        // What came in is counted ("1 change", or 2 when a rank was made distinct).
        let cameIn = { (screen: String) in
            screen.contains(" change from the team") || screen.contains(" changes from the team")
        }
        boardB.send("Y")
        XCTAssertTrue(boardB.waitUntil(cameIn), boardB.capture())
        boardA.send("Y")
        XCTAssertTrue(boardA.waitUntil(cameIn), boardA.capture())

        for s in [boardA, boardB] {
            let column = qualification(s)
            XCTAssertTrue(column.contains("Website redesign"), column)
            XCTAssertTrue(column.contains("Fleet telematics pilot"), column)
        }
        // The other's move is marked on each board until looked at.
        XCTAssertTrue(qualification(boardB).contains("✦ Website redesign"), qualification(boardB))
        XCTAssertTrue(qualification(boardA).contains("✦ Fleet telematics pilot"), qualification(boardA))
        XCTAssertEqual(savedStage("d02lea", a + "/pipeline.json"), "qualification")
        XCTAssertEqual(savedStage("d01lea", b + "/pipeline.json"), "qualification")
        boardA.send("q")
        boardB.send("q")
        XCTAssertEqual(boardA.exitStatus(), 0)
        XCTAssertEqual(boardB.exitStatus(), 0)

        // Camille moves another lead and both sync on the command line; Julien's board opened
        // again shows that move marked, and still the one not looked at before it was closed.
        r = try run(["move", "d03lea", "qualification", "--file", a + "/pipeline.json"], env: environment)
        XCTAssertEqual(r.status, 0, r.stderr)
        for folder in [a, b] {
            r = try run(["sync", "--file", folder + "/pipeline.json"], env: environment)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let again = open(b)
        defer { again.kill() }
        let marked = { (screen: String) in
            screen.contains("✦ Cloud backup") && screen.contains("✦ Website redesign")
        }
        XCTAssertTrue(again.waitUntil(marked), again.capture())
        again.send("q")
        XCTAssertEqual(again.exitStatus(), 0)
    }
}
