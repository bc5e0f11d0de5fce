import XCTest

@testable import PipedeckCore

/// Adding, changing and deleting deals, their next actions, and what every change stamps.
extension ActionTests {
    // MARK: add, update, delete

    func testAddPutsDealAtEndOfColumn() {
        let b0 = smallBoard()
        var g = SeededGenerator(seed: 1)
        let d = b0.newDeal(title: "New one", value: Money(units: 300), stage: "lead", at: t1, random: &g)
        let b1 = b0.applied(.add(d), at: t1)
        XCTAssertEqual(b1.deals.count, b0.deals.count + 1)
        XCTAssertEqual(b1.deals(inStage: "lead").last?.id, d.id)
        XCTAssertEqual(b1.deal(d.id)?.status, .open)
        XCTAssertEqual(b1.deal(d.id)?.history, [HistoryEntry(at: t1, from: nil, to: "lead")])
        XCTAssertEqual(b1.deal(d.id)?.createdAt, t1)
        XCTAssertEqual(b1.deal(d.id)?.stageEnteredAt, t1)
    }

    func testAddIntoWonStageIsWon() {
        let d = Deal(id: "zzz999", title: "Signed already", value: Money(units: 1), stage: "won", createdAt: t1)
        let b1 = smallBoard().applied(.add(d), at: t1)
        XCTAssertEqual(b1.deal("zzz999")?.status, .won)
        XCTAssertEqual(b1.deal("zzz999")?.history.last?.status, .won)
    }

    func testNewDealDefaultsToFirstStageAndHasFreshID() {
        let b0 = smallBoard()
        var g = SeededGenerator(seed: 99)
        let d = b0.newDeal(title: "X", value: .zero, at: t1, random: &g)
        XCTAssertEqual(d.stage, "lead")
        XCTAssertEqual(d.status, .open)
        XCTAssertEqual(d.createdAt, t1)
        XCTAssertEqual(d.updatedAt, t1)
        XCTAssertNil(b0.deal(d.id))
        XCTAssertEqual(d.id.count, 6)
        let allowed = Set("23456789abcdefghjkmnpqrstuvwxyz")
        XCTAssertTrue(d.id.allSatisfy { allowed.contains($0) }, d.id)
        // Deterministic for a given generator state.
        var g2 = SeededGenerator(seed: 99)
        XCTAssertEqual(b0.newDeal(title: "X", value: .zero, at: t1, random: &g2).id, d.id)
    }

    func testMakeDealIDNeverRepeats() {
        var b = smallBoard()
        var g = SeededGenerator(seed: 5)
        for i in 0..<300 {
            let d = b.newDeal(title: "Deal \(i)", value: Money(units: i), at: t1, random: &g)
            b = b.applied(.add(d), at: t1)
        }
        XCTAssertEqual(Set(b.deals.map(\.id)).count, b.deals.count)
    }

    func testDeleteRemovesTheDeal() {
        let b0 = smallBoard()
        let b1 = b0.applied(.delete(id: "bbb333"), at: t1)
        XCTAssertNil(b1.deal("bbb333"))
        XCTAssertEqual(b1.deals.count, 3)
        XCTAssertEqual(b1.deals.map(\.id), ["aaa111", "aaa222", "ccc444"])
    }

    func testUpdateEditsFieldsAndStamps() {
        let b0 = smallBoard()
        var d = b0.deal("aaa111")!
        d.title = "Alpha renamed"
        d.value = money("12345.67")
        d.probability = Percent(hundredths: 3333)
        d.company = "日本商事株式会社"
        d.tags = ["x", "y"]
        let b1 = b0.applied(.update(d), at: t1)
        let n = b1.deal("aaa111")!
        XCTAssertEqual(n.title, "Alpha renamed")
        XCTAssertEqual(n.value, money("12345.67"))
        XCTAssertEqual(n.probability, Percent(hundredths: 3333))
        XCTAssertEqual(n.company, "日本商事株式会社")
        XCTAssertEqual(n.tags, ["x", "y"])
        XCTAssertEqual(n.updatedAt, t1)
        XCTAssertEqual(n.stageEnteredAt, b0.deal("aaa111")!.stageEnteredAt)
        XCTAssertEqual(n.history, b0.deal("aaa111")!.history, "no stage or status change, no history")
    }

    func testUpdateWithoutChangesIsNoChange() {
        let b0 = smallBoard()
        assertNoChange(b0, .update(b0.deal("bbb333")!))
    }

    func testUpdateCannotForgeBookkeeping() {
        let b0 = smallBoard()
        var d = b0.deal("aaa111")!
        d.title = "Changed"
        d.history = []
        d.createdAt = Timestamp(seconds: 0)
        d.rank = 99
        let n = b0.applied(.update(d), at: t1).deal("aaa111")!
        XCTAssertEqual(n.history, b0.deal("aaa111")!.history)
        XCTAssertEqual(n.createdAt, b0.deal("aaa111")!.createdAt)
        XCTAssertEqual(n.rank, b0.deal("aaa111")!.rank)
    }

    func testUpdateChangingStageFollowsMoveRules() {
        let b0 = smallBoard()
        var d = b0.deal("aaa111")!
        d.stage = "needs"
        let viaUpdate = b0.applied(.update(d), at: t1)
        let viaMove = b0.applied(.move(id: "aaa111", toStage: "needs"), at: t1)
        assertSameBoard(viaUpdate, viaMove)
        assertEnteredStage(viaUpdate, "aaa111", stage: "needs", from: "lead", status: nil, at: t1, previous: b0)
    }

    func testUpdateChangingStageIntoWonStageMarksWon() {
        let b0 = smallBoard()
        var d = b0.deal("bbb333")!
        d.stage = "won" // only the stage is edited; the status field still says open
        let viaUpdate = b0.applied(.update(d), at: t1)
        XCTAssertEqual(viaUpdate.deal("bbb333")?.stage, "won")
        XCTAssertEqual(viaUpdate.deal("bbb333")?.status, .won)
        assertSameBoard(viaUpdate, b0.applied(.move(id: "bbb333", toStage: "won"), at: t1))
    }

    func testUpdateChangingStageOfLostDealReopensIt() {
        let b0 = smallBoard().applied(.markLost(id: "bbb333", reason: "Price"), at: t1)
        var d = b0.deal("bbb333")!
        d.stage = "negotiation" // only the stage is edited; the status field still says lost
        let viaUpdate = b0.applied(.update(d), at: t2)
        XCTAssertEqual(viaUpdate.deal("bbb333")?.stage, "negotiation")
        XCTAssertEqual(viaUpdate.deal("bbb333")?.status, .open)
        assertSameBoard(viaUpdate, b0.applied(.move(id: "bbb333", toStage: "negotiation"), at: t2))
    }

    func testUpdateChangingStatusFollowsMarkRules() {
        let b0 = smallBoard()
        var won = b0.deal("bbb333")!
        won.status = .won
        assertSameBoard(b0.applied(.update(won), at: t1), b0.applied(.markWon(id: "bbb333"), at: t1))

        var lost = b0.deal("bbb333")!
        lost.status = .lost
        lost.lostReason = "Competitor"
        assertSameBoard(
            b0.applied(.update(lost), at: t1), b0.applied(.markLost(id: "bbb333", reason: "Competitor"), at: t1))

        let wonBoard = b0.applied(.markWon(id: "bbb333"), at: t1)
        var reopened = wonBoard.deal("bbb333")!
        reopened.status = .open
        assertSameBoard(wonBoard.applied(.update(reopened), at: t2), wonBoard.applied(.reopen(id: "bbb333"), at: t2))
    }

    func testUpdateToLostWithEmptyReasonRecordsNil() {
        let b0 = smallBoard()
        var d = b0.deal("bbb333")!
        d.status = .lost
        d.lostReason = ""
        let b1 = b0.applied(.update(d), at: t1)
        XCTAssertEqual(b1.deal("bbb333")?.status, .lost)
        XCTAssertNil(b1.deal("bbb333")?.lostReason, "an empty reason is recorded as nil, as with markLost")
    }

    // MARK: next actions

    func testSetAndCompleteNextAction() {
        let b0 = smallBoard()
        let next = NextAction(text: "Call", due: Fixed.today.adding(days: 2))
        let b1 = b0.applied(.setNextAction(id: "aaa111", next), at: t1)
        XCTAssertEqual(b1.deal("aaa111")?.nextAction, next)
        XCTAssertEqual(b1.deal("aaa111")?.updatedAt, t1)
        assertNoChange(b1, .setNextAction(id: "aaa111", next))
        let b2 = b1.applied(.completeNextAction(id: "aaa111"), at: t2)
        XCTAssertEqual(b2.deal("aaa111")?.nextAction?.done, true)
        XCTAssertEqual(b2.deal("aaa111")?.nextAction?.text, "Call")
        XCTAssertEqual(b2.deal("aaa111")?.updatedAt, t2)
        assertNoChange(b2, .completeNextAction(id: "aaa111"))
        assertNoChange(b0, .completeNextAction(id: "aaa111")) // none set
        let b3 = b2.applied(.setNextAction(id: "aaa111", nil), at: t3)
        XCTAssertNil(b3.deal("aaa111")?.nextAction)
        XCTAssertEqual(b3.deal("aaa111")?.updatedAt, t3)
    }

    // MARK: updatedAt

    func testEveryChangeStampsUpdatedAtAndOnlyTheTouchedDeal() {
        let b0 = smallBoard()
        let actions: [Action] = [
            .move(id: "aaa111", toStage: "needs"), .shift(id: "aaa111", by: 1), .markWon(id: "aaa111"),
            .markLost(id: "aaa111", reason: "Price"), .reorder(id: "aaa222", by: -1),
            .setNextAction(id: "aaa111", NextAction(text: "Ring")),
        ]
        for a in actions {
            let b1 = b0.applied(a, at: t3)
            let id: String
            switch a {
            case .reorder(let i, _): id = i
            default: id = "aaa111"
            }
            XCTAssertEqual(b1.deal(id)?.updatedAt, t3, "\(a)")
            XCTAssertEqual(b1.deal("ccc444"), b0.deal("ccc444"), "\(a) must not touch another deal")
        }
        let reopened = b0.applied(.markLost(id: "aaa111", reason: nil), at: t1).applied(.reopen(id: "aaa111"), at: t3)
        XCTAssertEqual(reopened.deal("aaa111")?.updatedAt, t3)
    }

    func testApplyDoesNotMutateTheReceiver() throws {
        let b0 = smallBoard()
        let copy = b0
        _ = try b0.apply(.markWon(id: "aaa111"), at: t1)
        _ = try b0.apply(.delete(id: "aaa222"), at: t1)
        assertSameBoard(b0, copy)
    }
}
