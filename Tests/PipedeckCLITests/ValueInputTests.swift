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
