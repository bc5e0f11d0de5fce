import Foundation
import XCTest

/// `--value` and `--probability` read with the core's parsers.
final class ValueInputTests: CLITestCase {
    /// Issue 15: "12.500" was read as 12.50 by `--value`; a separator before exactly three digits
    /// is refused with both readings, whichever mark it is.
    func testAnAmbiguousValueIsRefusedWithBothReadings() {
        ok(["init", "--file", file])
        let original = fileBytes()
        for typed in ["12.500", "12,500"] {
            fails(["add", "X", "--value", typed, "--file", file], mentioning: ["--value", "12.50 or 12500", typed])
        }
        XCTAssertEqual(fileBytes(), original)
        ok(["add", "Decimals", "--value", "12.50", "--probability", "35,5", "--file", file])
        let shown = ok(["list", "--json", "--file", file]).stdout
        XCTAssertTrue(shown.contains("\"value\" : 12.5") || shown.contains("\"value\": 12.5"), shown)
        XCTAssertTrue(shown.contains("35.5"), shown)
    }
}

/// `pipedeck nps` on a deal whose answer in the file could not be read.
final class NPSFieldTests: CLITestCase {
    func testClearingRemovesAnAnswerThatCouldNotBeRead() throws {
        ok(["init", "--demo", "--file", file])
        var text = try String(contentsOfFile: file, encoding: .utf8)
        // A won deal of the demo gets an answer no version can read.
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let deals = try XCTUnwrap(json["deals"] as? [[String: Any]])
        let id = try XCTUnwrap(deals.first { $0["status"] as? String == "won" }?["id"] as? String)
        let member = try XCTUnwrap(text.range(of: "\"id\": \"\(id)\","))
        text.insert(contentsOf: "\n      \"nps\": \"nine\",", at: member.upperBound)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(ok(["nps", id, "--file", file]).stdout.contains("no answer"), "not read")
        XCTAssertTrue(ok(["nps", id, "--clear", "--file", file]).stdout.contains("Removed"))
        XCTAssertFalse(try String(contentsOfFile: file, encoding: .utf8).contains("nine"))
    }
}
