import Foundation
import XCTest

/// Issue 13 in the real binary: Ctrl-C in a form, the move dialog, undo across a change made
/// from another shell.
final class FitAndFinishEndToEndTests: EndToEndTestCase {
    func open(width: Int = 120, height: Int = 40) throws -> TmuxSession {
        try XCTSkipUnless(TmuxSession.isTmuxAvailable, "tmux is not installed")
        let s = TmuxSession(
            arguments: [TmuxSession.pipedeckBinary.path, "--file", file], width: width, height: height)
        XCTAssertTrue(s.waitFor("Demo pipeline"), s.capture())
        return s
    }

    func testCtrlCInAFormAsksAndTheBoardStillQuitsOnIt() throws {
        try makeDemo()
        let s = try open(width: 80, height: 24)
        s.send("a")
        XCTAssertTrue(s.waitFor("New deal"), s.capture())
        s.type("Crêperie du Port")
        s.send("C-c")
        XCTAssertTrue(s.waitFor("Throw away what you typed here?"), s.capture())
        s.send("n")
        XCTAssertTrue(s.waitUntil { !$0.contains("Throw away") && $0.contains("Crêperie du Port") }, s.capture())
        s.send("Enter")
        XCTAssertTrue(s.waitFor("added “Crêperie du Port”"), s.capture())
        XCTAssertTrue(waitForFile { self.fileText().contains("Crêperie du Port") })
        s.send("C-c")
        XCTAssertEqual(s.exitStatus(), 0, "on the board Ctrl-C quits")
    }

    func testTheMoveDialogMovesOnEnterOnly() throws {
        try makeDemo()
        let s = try open()
        s.send("m")
        XCTAssertTrue(s.waitFor("Move to stage"), s.capture())
        s.send("n", "e")
        XCTAssertTrue(s.waitFor("ne_"), s.capture())
        XCTAssertEqual(savedStage("d01lea"), "lead", "nothing moves before Enter")
        s.send("Enter")
        XCTAssertTrue(s.waitFor("moved to Negotiation"), s.capture())
        XCTAssertFalse(s.capture().contains("History"), "the Enter did not open the details")
        XCTAssertTrue(waitForFile { self.savedStage("d01lea") == "negotiation" })
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }

    func testUndoAfterAnOutsideChangeUndoesOnlyYourOwn() throws {
        try makeDemo()
        let s = try open()
        s.send("L")
        XCTAssertTrue(s.waitFor("moved to Qualification"), s.capture())
        XCTAssertTrue(waitForFile { self.savedStage("d01lea") == "qualification" })
        XCTAssertTrue(s.waitFor("● saved"), s.capture())
        XCTAssertEqual(try run(["add", "Added from another shell", "--value", "500", "--file", file]).status, 0)
        XCTAssertTrue(s.waitFor("reloaded: the file changed on disk"), s.capture())
        XCTAssertTrue(s.waitFor("Added from another shell"), s.capture())
        s.send("u")
        XCTAssertTrue(s.waitFor("undone: move"), s.capture())
        XCTAssertTrue(waitForFile { self.savedStage("d01lea") == "lead" }, "your own move is undone")
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertTrue(fileText().contains("Added from another shell"), "the other shell's deal stays")
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }
}
