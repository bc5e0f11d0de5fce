import PipedeckCore
import XCTest

@testable import PipedeckRender
@testable import PipedeckUI

/// The reports screen with a rate for USD (issue 17): the demo's USD deal counts in the owners'
/// euro totals, marked ≈.
final class ReportsRatesSnapshotTests: XCTestCase {
    func testTheOwnersReportConvertsAtTheBoardsRate() {
        var s = Fixture.state(TargetScreenSnapshotTests.board, width: 120, height: 40)
        Fixture.press(&s, .char("r"), .char("5"))
        let rows = Fixture.rows(s)
        let text = rows.joined(separator: "\n")
        XCTAssertTrue(text.contains("Owners — Demo pipeline (EUR)"), text)
        XCTAssertTrue(rows.contains { $0.contains("Total") && $0.contains("≈€268,567.50") }, text)
        XCTAssertFalse(text.contains("$12,000"), "the USD deal is converted, not apart: \(text)")
        XCTAssertTrue(text.contains("1 USD = 0.92 EUR"), text)
        assertSnapshot(rows, named: "reports-owners-rates-120x40")
    }
}
