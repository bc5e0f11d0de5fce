import Foundation
import PipedeckTestSupport
import XCTest

/// Activities in the real board: log a call and plan a meeting in a few keys, see them in the
/// details' timeline, copy the phone number, and find them in the file.
final class ActivityEndToEndTests: EndToEndTestCase {
    func open(width: Int = 120, height: Int = 40) throws -> TmuxSession {
        try XCTSkipUnless(TmuxSession.isTmuxAvailable, "tmux is not installed")
        let s = TmuxSession(
            arguments: [TmuxSession.pipedeckBinary.path, "--file", file], width: width, height: height,
            environment: ["TZ": "UTC"])
        XCTAssertTrue(s.waitFor("Demo pipeline"), s.capture())
        return s
    }

    func activities(_ id: String) -> [[String: Any]] {
        let deals = json()?["deals"] as? [[String: Any]]
        return deals?.first { $0["id"] as? String == id }?["activities"] as? [[String: Any]] ?? []
    }

    func testLogACallPlanAMeetingAndFindThemInTheFile() throws {
        try makeDemo()
        let s = try open()
        // Fleet telematics pilot: nothing planned.
        s.send("j")
        XCTAssertTrue(s.waitFor("no step"), s.capture())
        // Log a call: i, c, what, Tab, what came of it, Enter.
        s.send("i")
        XCTAssertTrue(s.waitFor("Log an activity"), s.capture())
        s.send("c")
        s.type("Discussed pricing")
        s.send("Tab")
        s.type("Wants 3 trucks first")
        s.send("Enter")
        XCTAssertTrue(s.waitFor("logged: call · Discussed pricing"), s.capture())
        XCTAssertTrue(
            waitForFile { self.activities("d02lea").contains { $0["subject"] as? String == "Discussed pricing" } })
        // Plan a meeting: n, m, subject, Tab, when, Tab, duration, Enter.
        s.send("n")
        XCTAssertTrue(s.waitFor("Plan the next step"), s.capture())
        s.send("m")
        s.type("Pilot kick-off")
        s.send("Tab")
        s.type("tomorrow 14:30")
        XCTAssertTrue(s.waitFor("= "), s.capture())
        s.send("Tab")
        s.type("1h30")
        s.send("Enter")
        XCTAssertTrue(s.waitFor("next step: Pilot kick-off"), s.capture())
        // The card shows the meeting's glyph and when.
        XCTAssertTrue(s.waitFor("◎ tomorrow"), s.capture())
        XCTAssertTrue(
            waitForFile { self.activities("d02lea").contains { $0["subject"] as? String == "Pilot kick-off" } },
            fileText())
        let saved = activities("d02lea")
        XCTAssertEqual(saved.count, 2)
        let call = try XCTUnwrap(saved.first { $0["type"] as? String == "call" })
        XCTAssertEqual(call["done"] as? Bool, true)
        XCTAssertEqual(call["outcome"] as? String, "Wants 3 trucks first")
        XCTAssertNotNil(call["doneAt"] as? String)
        let meeting = try XCTUnwrap(saved.first { $0["type"] as? String == "meeting" })
        XCTAssertEqual(meeting["done"] as? Bool, false)
        XCTAssertEqual(meeting["time"] as? String, "14:30")
        XCTAssertEqual(meeting["duration"] as? Int, 90)
        let tomorrow = Calendar(identifier: .gregorian).date(byAdding: .day, value: 1, to: Date())!
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        XCTAssertEqual(meeting["due"] as? String, f.string(from: tomorrow))
        XCTAssertEqual(json()?["version"] as? Int, 2)

        // The details: the timeline, newest first, and the phone copied to tmux's clipboard.
        s.acceptClipboard()
        s.send("Enter")
        XCTAssertTrue(s.waitFor("Timeline"), s.capture())
        let screen = s.capture()
        let planned = try XCTUnwrap(screen.range(of: "meeting · Pilot kick-off"), screen)
        let logged = try XCTUnwrap(screen.range(of: "call · Discussed pricing"), screen)
        XCTAssertLessThan(planned.lowerBound, logged.lowerBound, "newest first")
        XCTAssertTrue(screen.contains("— Wants 3 trucks first"), screen)
        s.send("y")
        XCTAssertTrue(s.waitFor("copied to the clipboard: +33 4 78 60 33 17"), s.capture())
        XCTAssertTrue(Poll.until { s.pasteBuffer() == "+33 4 78 60 33 17" }, "OSC 52 reached tmux: \(s.pasteBuffer())")
        s.send("Escape", "q")
        XCTAssertEqual(s.exitStatus(), 0)
    }

    /// The agenda at 80×24: narrowed to meetings, one marked done without leaving it.
    func testTheAgendaMarksDoneWithoutLeaving() throws {
        try makeDemo()
        let s = try open(width: 80, height: 24)
        s.send("A")
        XCTAssertTrue(s.waitFor("Overdue"), s.capture())
        s.send("t", "t")
        XCTAssertTrue(s.waitFor("meetings only"), s.capture())
        XCTAssertFalse(s.capture().contains("No next step planned"), s.capture())
        // The first meeting is overdue: Demo of the calendar sync.
        XCTAssertTrue(s.waitFor("Demo of the calendar sync"), s.capture())
        s.send("c")
        XCTAssertTrue(s.waitFor("Done: Demo of the calendar sync"), s.capture())
        s.send("Escape")
        // Back in the agenda, which has no overdue meeting any more; the status line says what was done.
        XCTAssertTrue(s.waitUntil { $0.contains("meetings only") && !$0.contains("Overdue") }, s.capture())
        XCTAssertTrue(s.waitFor("done: Demo of the calendar sync"), s.capture())
        XCTAssertTrue(
            waitForFile {
                self.activities("d09nee").contains {
                    $0["subject"] as? String == "Demo of the calendar sync" && $0["done"] as? Bool == true
                }
            })
        s.send("Escape", "q")
        XCTAssertEqual(s.exitStatus(), 0)
    }
}
