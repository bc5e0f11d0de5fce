import Foundation
import XCTest

@testable import PipedeckCore

/// `Board.stamped(since:by:)`: a sync signs the deals changed on this machine, and only those.
final class StampingTests: XCTestCase {
    func testChangedAndNewDealsAreSignedAndOthersLeftAlone() throws {
        let at = Timestamp.parse("2026-12-02T10:00:00Z")!
        let before = Demo.board(now: at, today: at.utcDay)
        var after = before
        after.deals[2].value = Money(units: 12_345)
        after.deals[5].updatedBy = "Julien" // already signed by me: kept as it is
        after.deals[5].title += " (renamed)"
        var g = SystemRandomNumberGenerator()
        after.deals.append(before.newDeal(title: "New", value: Money(units: 10), at: at, random: &g))
        let stamped = after.stamped(since: before, by: "Julien")
        let signed = stamped.deals.indices.filter { stamped.deals[$0].updatedBy == "Julien" }
        XCTAssertEqual(signed, [2, 5, after.deals.count - 1])
        for i in stamped.deals.indices where !signed.contains(i) {
            XCTAssertEqual(stamped.deals[i], after.deals[i], "deal \(i) was not changed here")
        }
        // Nobody to sign with, or no change: the board as it is.
        XCTAssertEqual(after.stamped(since: before, by: nil), after)
        XCTAssertEqual(after.stamped(since: before, by: ""), after)
        XCTAssertEqual(before.stamped(since: before, by: "Julien"), before)
        // No previous board: every deal is new.
        XCTAssertTrue(before.stamped(since: nil, by: "Camille").deals.allSatisfy { $0.updatedBy == "Camille" })
    }
}
