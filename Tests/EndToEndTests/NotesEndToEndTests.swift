import Foundation
import PipedeckTestSupport
import XCTest

/// Notes edited in $EDITOR from the real board: the edit is in the details' timeline and in the
/// file's history, and a second edit just after shares its entry.
final class NotesEndToEndTests: EndToEndTestCase {
    func history(_ id: String) -> [[String: Any]] {
        let deals = json()?["deals"] as? [[String: Any]]
        return deals?.first { $0["id"] as? String == id }?["history"] as? [[String: Any]] ?? []
    }

    func notesLengths(_ id: String) -> [Int] {
        history(id).compactMap { ($0["notes"] as? [String: Any])?["length"] as? Int }
    }

    func testEditingNotesTwiceShowsOneNotesEditInTheTimeline() throws {
        try XCTSkipUnless(TmuxSession.isTmuxAvailable, "tmux is not installed")
        try makeDemo()
        // An "editor" that adds a sentence to the file it is given (the notes), as a person would.
        let editor = dir.appendingPathComponent("editor.sh")
        try "#!/bin/sh\nprintf 'Called the CFO.' >> \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        chmod(editor.path, 0o755)
        let s = TmuxSession(
            arguments: [TmuxSession.pipedeckBinary.path, "--file", file], width: 120, height: 40,
            environment: ["TZ": "UTC", "EDITOR": editor.path, "VISUAL": editor.path])
        XCTAssertTrue(s.waitFor("Demo pipeline"), s.capture())
        s.send("N")
        XCTAssertTrue(waitForFile { self.notesLengths("d01lea") == [15] }, fileText())
        s.send("Enter")
        XCTAssertTrue(s.waitFor("notes edited (15 characters)"), s.capture())
        // From the details, N again: the same entry, now with the longer notes.
        s.send("N")
        XCTAssertTrue(waitForFile { self.notesLengths("d01lea") == [30] }, fileText())
        XCTAssertTrue(s.waitFor("notes edited (30 characters)"), s.capture())
        XCTAssertFalse(s.capture().contains("notes edited (15 characters)"), s.capture())
        XCTAssertEqual(history("d01lea").count, 2, "created, and one notes edit")
    }
}
