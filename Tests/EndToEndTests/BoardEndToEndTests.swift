import Foundation
import XCTest

/// The real `pipedeck` binary in tmux: keys sent by name, the screen read back, the file checked.
final class BoardEndToEndTests: EndToEndTestCase {
    func open(width: Int = 120, height: Int = 40, env: [String: String] = [:]) throws -> TmuxSession {
        try XCTSkipUnless(TmuxSession.isTmuxAvailable, "tmux is not installed")
        let s = TmuxSession(
            arguments: [TmuxSession.pipedeckBinary.path, "--file", file], width: width, height: height, environment: env
        )
        XCTAssertTrue(s.waitFor("Demo pipeline"), s.capture())
        return s
    }

    func testMoveUndoResizeQuit() throws {
        try makeDemo()
        let s = try open()
        XCTAssertTrue(s.waitFor("Weighted €257,527.50"), s.capture())
        s.send("L")
        XCTAssertTrue(s.waitFor("moved to Qualification"), s.capture())
        XCTAssertTrue(s.waitFor("Weighted €258,007.50"), s.capture())
        XCTAssertTrue(waitForFile { savedStage("d01lea") == "qualification" }, "the move is saved at once")
        s.send("S-Right")
        XCTAssertTrue(s.waitFor("moved to Needs analysis"), s.capture())
        XCTAssertTrue(waitForFile { savedStage("d01lea") == "needs" })
        s.send("u")
        XCTAssertTrue(s.waitFor("undone: move"), s.capture())
        XCTAssertTrue(waitForFile { savedStage("d01lea") == "qualification" })
        XCTAssertTrue(s.waitFor("● saved"), s.capture())
        s.resize(width: 80, height: 24)
        XCTAssertTrue(s.waitUntil { $0.contains("4 more ▶") && !$0.contains("Proposal") }, s.capture())
        s.resize(width: 30, height: 8)
        XCTAssertTrue(s.waitFor("Terminal too small"), s.capture())
        s.resize(width: 120, height: 40)
        XCTAssertTrue(s.waitFor("Proposal"), s.capture())
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
        XCTAssertEqual(savedStage("d01lea"), "qualification")
        XCTAssertFalse(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).contains { $0.hasSuffix(".tmp") },
            "no temporary file is left behind")
    }

    func testAddDealWithAccentsAndWideText() throws {
        try makeDemo()
        let s = try open()
        s.send("a")
        XCTAssertTrue(s.waitFor("New deal"), s.capture())
        s.type("Crêperie Zoé 日本")
        s.send("Tab")
        s.type("abc")
        s.send("Enter")
        XCTAssertTrue(s.waitFor("expected a number"), "an invalid value keeps the form open: \(s.capture())")
        s.send("C-u")
        s.type("1 500,50")
        s.send("Enter")
        XCTAssertTrue(s.waitFor("added “Crêperie Zoé 日本”"), s.capture())
        XCTAssertTrue(waitForFile { fileText().contains("Crêperie Zoé 日本") })
        XCTAssertTrue(fileText().contains("\"value\": 1500.5"))
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }

    /// A day's follow-up work: search, agenda, next action, stages screen, reports, sort.
    func testWorkingThePipeline() throws {
        try makeDemo()
        let s = try open()
        // Search as you type; the footer follows.
        s.send("/")
        s.type("cafe")
        XCTAssertTrue(s.waitFor("filtered: 1 of 25 deals"), s.capture())
        s.send("Escape")
        XCTAssertTrue(s.waitUntil { !$0.contains("filtered:") }, s.capture())
        // Agenda: overdue first; Enter shows the deal on the board.
        s.send("A")
        XCTAssertTrue(s.waitFor("Overdue  (5)"), s.capture())
        s.send("Enter")
        XCTAssertTrue(s.waitUntil { !$0.contains("Overdue  (5)") }, s.capture())
        // Done: what came of it, and the next step (an email).
        s.send("c")
        XCTAssertTrue(s.waitFor("— what next?"), s.capture())
        s.type("Calendar sync shown")
        s.send("Tab")
        s.type("e")
        s.type("Send the signed order")
        s.send("Tab")
        s.type("+2")
        s.send("Enter")
        XCTAssertTrue(s.waitFor("next step: Send the signed order"), s.capture())
        XCTAssertTrue(waitForFile { fileText().contains("Send the signed order") })
        // Stages screen: add a stage; the board gets a column.
        s.send("S")
        XCTAssertTrue(s.waitFor("stale after"), s.capture())
        s.send("a")
        s.type("Démo technique")
        s.send("Tab")
        s.type("50")
        s.send("Enter")
        XCTAssertTrue(s.waitFor("Démo technique"), s.capture())
        XCTAssertTrue(waitForFile { fileText().contains("\"id\": \"demo-technique\"") })
        s.send("Escape")
        // Reports follow the board; the funnel marks its bottleneck.
        s.send("r")
        s.send("2")
        XCTAssertTrue(s.waitFor("bottleneck"), s.capture())
        s.send("Escape")
        // Sort by value: the top line says so.
        s.send("s")
        XCTAssertTrue(s.waitFor("sorted by value"), s.capture())
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }

    func testMouseDragMovesADeal() throws {
        try makeDemo()
        let s = try open()
        // Press on the first card of the first column, release over the third column.
        s.type("\u{1B}[<0;5;6M")
        s.type("\u{1B}[<0;70;8m")
        XCTAssertTrue(s.waitFor("moved to Needs analysis"), s.capture())
        XCTAssertTrue(waitForFile { savedStage("d01lea") == "needs" })
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }

    func testSigtermRestoresTheTerminal() throws {
        try makeDemo()
        let s = try open()
        s.send("L")
        XCTAssertTrue(s.waitFor("moved to Qualification"))
        let child = s.programPID()
        XCTAssertNotNil(child, "pipedeck's pid")
        if let c = child { kill(c, SIGTERM) }
        let status = s.exitStatus()
        XCTAssertNotNil(status)
        XCTAssertEqual(
            s.display("#{alternate_on}").trimmingCharacters(in: .whitespacesAndNewlines), "0",
            "the alternate screen is left")
        XCTAssertEqual(savedStage("d01lea"), "qualification", "the change made before SIGTERM is on disk")
    }

    func testWithoutLangFallsBackToUTF8() throws {
        try makeDemo()
        let s = try open(env: ["LANG": ""])
        XCTAssertTrue(s.waitFor("│"), s.capture())
        XCTAssertTrue(s.capture().contains("日本商事"), s.capture())
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }

    func testHelpScreenAndEscape() throws {
        try makeDemo()
        let s = try open()
        s.send("?")
        XCTAssertTrue(s.waitFor("move the deal to the next stage"), s.capture())
        s.send("Escape")
        XCTAssertTrue(s.waitUntil { !$0.contains("move the deal to the next stage") }, s.capture())
        s.send("C-c")
        XCTAssertEqual(s.exitStatus(), 0)
    }

    func testBrokenFileIsRefusedBeforeTheScreenOpens() throws {
        try "{ \"version\": 1, \"name\": ".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try run(["--file", file])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("line 1"), r.stderr)
        XCTAssertEqual(fileText(), "{ \"version\": 1, \"name\": ", "the file is not touched")
    }
}
