import XCTest

@testable import PipedeckCore

/// Stage and status rules of `Board.apply(_:at:)`.
final class ActionTests: XCTestCase {
    let t1 = Fixed.later(10)
    let t2 = Fixed.later(20)
    let t3 = Fixed.later(30)

    /// Checks the bookkeeping every stage change must do.
    func assertEnteredStage(
        _ b: Board, _ id: String, stage: String, from: String, status: DealStatus?,
        at t: Timestamp, previous: Board, file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let d = b.deal(id), let old = previous.deal(id) else {
            return XCTFail("missing \(id)", file: file, line: line)
        }
        XCTAssertEqual(d.stage, stage, file: file, line: line)
        XCTAssertEqual(d.stageEnteredAt, t, "stageEnteredAt is reset", file: file, line: line)
        XCTAssertEqual(d.updatedAt, t, "updatedAt is stamped", file: file, line: line)
        XCTAssertEqual(d.history.count, old.history.count + 1, "one history entry", file: file, line: line)
        XCTAssertEqual(Array(d.history.dropLast()), old.history, "earlier history kept", file: file, line: line)
        XCTAssertEqual(
            d.history.last, HistoryEntry(at: t, from: from, to: stage, status: status), file: file, line: line)
        // At the end of the target column.
        let others = b.deals.filter { $0.stage == stage && $0.id != id }
        for o in others {
            XCTAssertGreaterThan(d.rank, o.rank, "\(id) must come after \(o.id)", file: file, line: line)
        }
        XCTAssertEqual(
            b.deals(inStage: stage, includeLost: true).last?.id, id, "last in its column", file: file, line: line)
    }

    // MARK: move

    func testMoveBetweenOpenStages() {
        let b0 = smallBoard()
        let b1 = b0.applied(.move(id: "aaa111", toStage: "proposal"), at: t1)
        assertEnteredStage(b1, "aaa111", stage: "proposal", from: "lead", status: nil, at: t1, previous: b0)
        XCTAssertEqual(b1.deal("aaa111")?.status, .open)
        XCTAssertEqual(b1.deal("aaa111")?.createdAt, b0.deal("aaa111")?.createdAt)
        // Nothing else changed.
        XCTAssertEqual(b1.deals.filter { $0.id != "aaa111" }, b0.deals.filter { $0.id != "aaa111" })
        XCTAssertEqual(b1.deals.count, b0.deals.count)
    }

    func testMoveIntoWonStageMarksWon() {
        let b0 = smallBoard()
        let b1 = b0.applied(.move(id: "bbb333", toStage: "won"), at: t1)
        assertEnteredStage(b1, "bbb333", stage: "won", from: "proposal", status: .won, at: t1, previous: b0)
        XCTAssertEqual(b1.deal("bbb333")?.status, .won)
    }

    func testMovingLostDealToAnotherOpenStageReopensIt() {
        let b0 = smallBoard().applied(.markLost(id: "bbb333", reason: "Price"), at: t1)
        let b1 = b0.applied(.move(id: "bbb333", toStage: "negotiation"), at: t2)
        assertEnteredStage(b1, "bbb333", stage: "negotiation", from: "proposal", status: .open, at: t2, previous: b0)
        XCTAssertEqual(b1.deal("bbb333")?.status, .open)
        XCTAssertNil(b1.deal("bbb333")?.lostReason)
    }

    func testMovingLostDealIntoWonStageMarksItWonLikeMarkWon() {
        let lost = smallBoard().applied(.markLost(id: "bbb333", reason: "Price"), at: t1)
        let moved = lost.applied(.move(id: "bbb333", toStage: "won"), at: t2)
        let marked = lost.applied(.markWon(id: "bbb333"), at: t2)
        assertEnteredStage(moved, "bbb333", stage: "won", from: "proposal", status: .won, at: t2, previous: lost)
        XCTAssertEqual(moved.deal("bbb333")?.status, .won)
        XCTAssertNil(moved.deal("bbb333")?.lostReason, "a won deal keeps no lost reason")
        assertSameBoard(moved, marked, "moving into the won stage is the same as marking won")
    }

    func testMovingWonDealBackToOpenStageReopensIt() {
        let b0 = smallBoard().applied(.markWon(id: "ccc444"), at: t1)
        let b1 = b0.applied(.move(id: "ccc444", toStage: "negotiation"), at: t2)
        assertEnteredStage(b1, "ccc444", stage: "negotiation", from: "won", status: .open, at: t2, previous: b0)
        XCTAssertEqual(b1.deal("ccc444")?.status, .open)
    }

    func testMoveToSameStageIsNoChange() {
        assertNoChange(smallBoard(), .move(id: "aaa111", toStage: "lead"))
    }

    func testMoveRankIsEndOfTargetColumnEvenWithGaps() {
        var b0 = smallBoard()
        b0.deals[2].rank = 41 // bbb333 in proposal
        let b1 = b0.applied(.move(id: "aaa111", toStage: "proposal"), at: t1)
        XCTAssertGreaterThan(b1.deal("aaa111")!.rank, 41)
        XCTAssertEqual(b1.deals(inStage: "proposal").map(\.id), ["bbb333", "aaa111"])
    }

    // MARK: shift

    func testShiftForwardAndBack() {
        let b0 = smallBoard()
        let b1 = b0.applied(.shift(id: "aaa222", by: 1), at: t1)
        assertEnteredStage(b1, "aaa222", stage: "qualification", from: "lead", status: nil, at: t1, previous: b0)
        let b2 = b1.applied(.shift(id: "aaa222", by: -1), at: t2)
        assertEnteredStage(b2, "aaa222", stage: "lead", from: "qualification", status: nil, at: t2, previous: b1)
        XCTAssertEqual(b2.deals(inStage: "lead").map(\.id), ["aaa111", "aaa222"])
    }

    func testShiftPastTheEndsIsNoChange() {
        let b0 = smallBoard()
        assertNoChange(b0, .shift(id: "aaa111", by: -1))
        let won = b0.applied(.markWon(id: "ccc444"), at: t1)
        assertNoChange(won, .shift(id: "ccc444", by: 1))
        assertNoChange(b0, .shift(id: "aaa111", by: 0))
    }

    func testShiftFromLastOpenStageMarksWon() {
        let b0 = smallBoard()
        let b1 = b0.applied(.shift(id: "ccc444", by: 1), at: t1)
        assertEnteredStage(b1, "ccc444", stage: "won", from: "closing", status: .won, at: t1, previous: b0)
        XCTAssertEqual(b1.deal("ccc444")?.status, .won)
        // And back: reopened in closing.
        let b2 = b1.applied(.shift(id: "ccc444", by: -1), at: t2)
        assertEnteredStage(b2, "ccc444", stage: "closing", from: "won", status: .open, at: t2, previous: b1)
        XCTAssertEqual(b2.deal("ccc444")?.status, .open)
    }

    // MARK: markWon

    func testMarkWonMovesToFirstWonStage() {
        let b0 = smallBoard()
        let b1 = b0.applied(.markWon(id: "aaa111"), at: t1)
        assertEnteredStage(b1, "aaa111", stage: "won", from: "lead", status: .won, at: t1, previous: b0)
        XCTAssertEqual(b1.deal("aaa111")?.status, .won)
    }

    func testMarkWonUsesFirstOfSeveralWonStages() {
        var b0 = smallBoard()
        b0.stages.append(Stage(id: "won2", name: "Won again", probability: .hundred, kind: .won))
        b0.stages.swapAt(6, 7) // won2 now comes first
        let b1 = b0.applied(.markWon(id: "bbb333"), at: t1)
        XCTAssertEqual(b1.deal("bbb333")?.stage, "won2")
        XCTAssertEqual(b1.deal("bbb333")?.status, .won)
    }

    func testMarkWonAWonDealIsNoChange() {
        let b0 = smallBoard().applied(.markWon(id: "aaa111"), at: t1)
        assertNoChange(b0, .markWon(id: "aaa111"))
    }

    func testMarkWonALostDeal() {
        let b0 = smallBoard().applied(.markLost(id: "aaa222", reason: "Timing"), at: t1)
        let b1 = b0.applied(.markWon(id: "aaa222"), at: t2)
        assertEnteredStage(b1, "aaa222", stage: "won", from: "lead", status: .won, at: t2, previous: b0)
        XCTAssertNil(b1.deal("aaa222")?.lostReason)
    }

    func testMarkWonWithoutWonStageIsAnError() {
        var b0 = smallBoard()
        b0.stages.removeAll { $0.kind == .won }
        assertThrows(.noWonStage) { () throws(PipelineError) in try b0.apply(.markWon(id: "aaa111"), at: t1) }
    }

    // MARK: markLost

    func testMarkLostKeepsStageAndRecordsReason() {
        let b0 = smallBoard()
        let b1 = b0.applied(.markLost(id: "bbb333", reason: "Competitor"), at: t1)
        let d = b1.deal("bbb333")!, old = b0.deal("bbb333")!
        XCTAssertEqual(d.status, .lost)
        XCTAssertEqual(d.stage, "proposal")
        XCTAssertEqual(d.lostReason, "Competitor")
        XCTAssertEqual(d.updatedAt, t1)
        XCTAssertEqual(d.stageEnteredAt, old.stageEnteredAt, "stage did not change")
        XCTAssertEqual(d.rank, old.rank, "stays where it was in the column")
        XCTAssertEqual(d.history.count, old.history.count + 1)
        XCTAssertEqual(d.history.last, HistoryEntry(at: t1, from: "proposal", to: "proposal", status: .lost))
        // Hidden from the column by default, shown on request.
        XCTAssertFalse(b1.deals(inStage: "proposal").contains { $0.id == "bbb333" })
        XCTAssertTrue(b1.deals(inStage: "proposal", includeLost: true).contains { $0.id == "bbb333" })
    }

    func testMarkLostEmptyReasonIsNil() {
        for reason in [nil, "", "   ", "\n"] as [String?] {
            let b = smallBoard().applied(.markLost(id: "aaa111", reason: reason), at: t1)
            XCTAssertEqual(b.deal("aaa111")?.status, .lost)
            XCTAssertNil(b.deal("aaa111")?.lostReason, "reason \(String(describing: reason))")
        }
    }

    func testMarkLostAWonDealKeepsItsStage() {
        let b0 = smallBoard().applied(.markWon(id: "ccc444"), at: t1)
        let b1 = b0.applied(.markLost(id: "ccc444", reason: "No budget"), at: t2)
        XCTAssertEqual(b1.deal("ccc444")?.stage, "won")
        XCTAssertEqual(b1.deal("ccc444")?.status, .lost)
        XCTAssertEqual(b1.deal("ccc444")?.history.last, HistoryEntry(at: t2, from: "won", to: "won", status: .lost))
    }

    func testMarkLostAgainWithSameReasonIsNoChange() {
        let b0 = smallBoard().applied(.markLost(id: "aaa111", reason: "Price"), at: t1)
        assertNoChange(b0, .markLost(id: "aaa111", reason: "Price"))
    }

    // MARK: reopen

    func testReopenLostDealStaysInItsStage() {
        let b0 = smallBoard().applied(.markLost(id: "bbb333", reason: "Price"), at: t1)
        let b1 = b0.applied(.reopen(id: "bbb333"), at: t2)
        let d = b1.deal("bbb333")!
        XCTAssertEqual(d.status, .open)
        XCTAssertEqual(d.stage, "proposal")
        XCTAssertNil(d.lostReason)
        XCTAssertEqual(d.updatedAt, t2)
        XCTAssertEqual(d.history.count, b0.deal("bbb333")!.history.count + 1)
        XCTAssertEqual(d.history.last?.status, .open)
        XCTAssertEqual(d.history.last?.at, t2)
        XCTAssertEqual(d.history.last?.to, "proposal")
    }

    func testReopenWonDealGoesBackToLastOpenStage() {
        let b0 = smallBoard()
        // proposal → negotiation → won
        let b1 = b0.applied(.shift(id: "bbb333", by: 1), at: t1).applied(.markWon(id: "bbb333"), at: t2)
        XCTAssertEqual(b1.deal("bbb333")?.stage, "won")
        let b2 = b1.applied(.reopen(id: "bbb333"), at: t3)
        assertEnteredStage(b2, "bbb333", stage: "negotiation", from: "won", status: .open, at: t3, previous: b1)
        XCTAssertEqual(b2.deal("bbb333")?.status, .open)
    }

    func testReopenWonDealAfterDirectMove() {
        let b1 = smallBoard().applied(.move(id: "aaa222", toStage: "needs"), at: t1)
            .applied(.move(id: "aaa222", toStage: "won"), at: t2)
        let b2 = b1.applied(.reopen(id: "aaa222"), at: t3)
        XCTAssertEqual(b2.deal("aaa222")?.stage, "needs")
        XCTAssertEqual(b2.deal("aaa222")?.status, .open)
    }

    func testReopenWonThenLostDealGoesBackToLastOpenStage() {
        let b1 = smallBoard().applied(.markWon(id: "ccc444"), at: t1)
            .applied(.markLost(id: "ccc444", reason: "Went silent"), at: t2)
        let b2 = b1.applied(.reopen(id: "ccc444"), at: t3)
        XCTAssertEqual(b2.deal("ccc444")?.stage, "closing")
        XCTAssertEqual(b2.deal("ccc444")?.status, .open)
        XCTAssertNil(b2.deal("ccc444")?.lostReason)
    }

    func testReopenAnOpenDealIsNoChange() {
        assertNoChange(smallBoard(), .reopen(id: "aaa111"))
    }

    // MARK: reorder

    func testReorderUpAndDown() {
        var b0 = smallBoard()
        b0 = b0.applied(
            .add(Deal(id: "aaa999", title: "Third", value: Money(units: 1), stage: "lead", createdAt: t1)), at: t1)
        XCTAssertEqual(b0.deals(inStage: "lead").map(\.id), ["aaa111", "aaa222", "aaa999"])
        let b1 = b0.applied(.reorder(id: "aaa999", by: -1), at: t2)
        XCTAssertEqual(b1.deals(inStage: "lead").map(\.id), ["aaa111", "aaa999", "aaa222"])
        XCTAssertEqual(b1.deal("aaa999")?.updatedAt, t2)
        XCTAssertEqual(b1.deal("aaa999")?.stage, "lead")
        XCTAssertEqual(b1.deal("aaa999")?.history, b0.deal("aaa999")?.history, "reorder is not a stage change")
        let b2 = b1.applied(.reorder(id: "aaa111", by: 1), at: t3)
        XCTAssertEqual(b2.deals(inStage: "lead").map(\.id), ["aaa999", "aaa111", "aaa222"])
        // Ranks strictly increase along the column.
        let ranks = b2.deals(inStage: "lead").map(\.rank)
        XCTAssertEqual(ranks, ranks.sorted())
        XCTAssertEqual(Set(ranks).count, ranks.count)
    }

    func testReorderPastTheEndsIsNoChange() {
        let b0 = smallBoard()
        assertNoChange(b0, .reorder(id: "aaa111", by: -1))
        assertNoChange(b0, .reorder(id: "aaa222", by: 1))
        assertNoChange(b0, .reorder(id: "bbb333", by: 1)) // alone in its column
        assertNoChange(b0, .reorder(id: "bbb333", by: -1))
        assertNoChange(b0, .reorder(id: "aaa111", by: 0))
    }
}
