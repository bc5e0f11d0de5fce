import Foundation
import PipedeckTestSupport
import XCTest

/// Issue 17 in the real binary: several boards and the switcher, targets set from the command
/// line and shown in the footer, the targets screen.
final class TargetsEndToEndTests: EndToEndTestCase {
    var data: String { dir.appendingPathComponent("data").path }
    var partners: String { data + "/pipedeck/partners.json" }

    func session(_ args: [String], width: Int = 120, height: Int = 40) throws -> TmuxSession {
        try XCTSkipUnless(TmuxSession.isTmuxAvailable, "tmux is not installed")
        return TmuxSession(
            arguments: [TmuxSession.pipedeckBinary.path] + args, width: width, height: height,
            environment: ["HOME": dir.path, "XDG_DATA_HOME": data, "TZ": "UTC"])
    }

    func testSwitchingBoardsSavesTheFirstBeforeOpeningTheSecondAndReopensTheLastOne() throws {
        try makeDemo()
        XCTAssertEqual(try run(["init", "--name", "Partners", "--currency", "USD"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: partners))
        let s = try session(["--file", file])
        XCTAssertTrue(s.waitFor("Demo pipeline"), s.capture())

        // A move, then at once the switcher: the keys arrive together.
        s.send("L", "b")
        s.type("partn")
        s.send("Enter")
        XCTAssertTrue(s.waitFor("opened Partners"), s.capture())
        // Read at once, without waiting: the first board was on disk before the second opened.
        XCTAssertEqual(savedStage("d01lea"), "qualification", "the move was saved before the switch")
        XCTAssertTrue(s.waitFor("partners.json"), s.capture())
        XCTAssertTrue(s.capture().contains("Open 0 deals"), s.capture())

        // Back with the switcher, then quit; without --file the last board used opens.
        s.send("b")
        XCTAssertTrue(s.waitFor("Boards"), s.capture())
        XCTAssertTrue(s.capture().contains("Demo pipeline") && s.capture().contains("20 open"), s.capture())
        s.send("Escape", "q")
        XCTAssertEqual(s.exitStatus(), 0)
        let again = try session([])
        XCTAssertTrue(again.waitFor("partners.json"), again.capture())
        again.send("q")
        XCTAssertEqual(again.exitStatus(), 0)

        // pipedeck boards lists both, the last used marked.
        let list = try run(["boards"], env: ["XDG_DATA_HOME": data])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("▸  Partners"), list.stdout)
        XCTAssertTrue(list.stdout.contains("Demo pipeline"), list.stdout)
    }

    /// On open the board looks at git in the background (who am I, is the board shared); that
    /// look is no sync, and `b` pressed before it ends opens the switcher. (It was refused with
    /// "a sync with the team is under way" on a busy machine.)
    func testTheSwitcherOpensWhileTheLookAtGitIsStillUnderWay() throws {
        try makeDemo()
        XCTAssertEqual(try run(["init", "--name", "Partners", "--currency", "USD"]).status, 0)
        // A git that takes three seconds to answer.
        let bin = dir.appendingPathComponent("slow-bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let git = bin.appendingPathComponent("git")
        try "#!/bin/sh\nsleep 3\nexec /usr/bin/git \"$@\"\n".write(to: git, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: git.path)
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is not installed")
        try XCTSkipUnless(TmuxSession.isTmuxAvailable, "tmux is not installed")
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let s = TmuxSession(
            arguments: [TmuxSession.pipedeckBinary.path, "--file", file], width: 120, height: 40,
            environment: ["HOME": dir.path, "XDG_DATA_HOME": data, "TZ": "UTC", "PATH": path])
        XCTAssertTrue(s.waitFor("Demo pipeline"), s.capture())
        s.send("b")
        XCTAssertTrue(s.waitFor("Boards"), s.capture())
        XCTAssertFalse(s.capture().contains("under way"), s.capture())
        s.type("partn")
        s.send("Enter")
        XCTAssertTrue(s.waitFor("opened Partners"), s.capture())
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }

    func testATargetSetOnTheCommandLineShowsInTheFooterAndTheTargetsScreen() throws {
        try makeDemo()
        let month = TargetsEndToEndTests.currentMonth
        XCTAssertEqual(try run(["targets", "set", month, "80000", "--file", file]).status, 0)
        XCTAssertEqual(try run(["rates", "set", "USD", "0.92", "--file", file]).status, 0)
        // Bad input changes nothing.
        let before = fileText()
        let bad = try run(["targets", "set", "2027-13", "80000", "--file", file])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(
            bad.stderr.contains("PERIOD: a month as YYYY-MM or a quarter as YYYY-Q1…Q4 (got \"2027-13\")"), bad.stderr)
        XCTAssertEqual(fileText(), before)

        for (w, h) in [(120, 40), (80, 24), (40, 12)] {
            let s = try session(["--file", file], width: w, height: h)
            // At 40 columns the footer keeps the percentage and leaves the target's amount out.
            XCTAssertTrue(s.waitFor(w > 40 ? "€80" : " %"), "\(w)×\(h): \(s.capture())")
            XCTAssertTrue(s.capture().contains("≈€"), "converted totals: \(s.capture())")
            s.send("q")
            XCTAssertEqual(s.exitStatus(), 0)
        }
        let s = try session(["--file", file])
        XCTAssertTrue(s.waitFor("Demo pipeline"), s.capture())
        s.send("T")
        XCTAssertTrue(s.waitFor("Targets ·"), s.capture())
        s.send("Down", "Enter")
        s.type("25000")
        s.send("Enter")
        XCTAssertTrue(waitForFile { self.fileText().contains("\"amount\": 25000") }, fileText())
        s.send("Escape", "q")
        XCTAssertEqual(s.exitStatus(), 0)
    }
}

extension TargetsEndToEndTests {
    /// The current month in UTC (the zone the program runs in here): "2026-12".
    static var currentMonth: String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM"
        return f.string(from: Date())
    }
}
