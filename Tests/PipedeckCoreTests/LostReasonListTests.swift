import XCTest

@testable import PipedeckCore

final class LostReasonListTests: XCTestCase {
    func testANewReasonJoinsTheListAndUndoRemovesIt() throws {
        let now = Timestamp(seconds: 1_800_000_000)
        var board = Template.standard.board()
        board.deals.append(Deal(id: "a1", title: "A", value: Money(units: 10), stage: "lead", createdAt: now))
        board.deals.append(Deal(id: "b2", title: "B", value: Money(units: 10), stage: "lead", createdAt: now))
        let out = try board.apply(.markLost(id: "a1", reason: "  In-house build "), at: now)
        XCTAssertEqual(out.board.deal("a1")?.lostReason, "In-house build")
        XCTAssertEqual(out.board.settings.lostReasons.last, "In-house build")
        XCTAssertEqual(out.board.settings.lostReasons.count, BoardSettings.defaultLostReasons.count + 1)
        // A known reason, in another case, is not added twice.
        let again = try out.board.apply(.markLost(id: "b2", reason: "price"), at: now)
        XCTAssertEqual(again.board.settings.lostReasons, out.board.settings.lostReasons)
        var history = UndoHistory()
        history.record(out.edit!)
        var b = out.board
        _ = history.undo(&b)
        XCTAssertEqual(b, board, "one undo removes both the loss and the new reason")
    }
}
