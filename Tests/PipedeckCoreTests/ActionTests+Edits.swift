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

    // MARK: updatedAt

    func testEveryChangeStampsUpdatedAtAndOnlyTheTouchedDeal() {
        let b0 = smallBoard()
        let actions: [Action] = [
            .move(id: "aaa111", toStage: "needs"), .shift(id: "aaa111", by: 1), .markWon(id: "aaa111"),
            .markLost(id: "aaa111", reason: "Price"), .reorder(id: "aaa222", by: -1),
            .addActivity(dealID: "aaa111", step("Ring")),
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

    func testPlanCompleteAndRemoveActivities() {
        let b0 = smallBoard()
        let next = step("Call", due: Fixed.today.adding(days: 2), id: "act00001")
        let b1 = b0.applied(.addActivity(dealID: "aaa111", next), at: t1)
        XCTAssertEqual(b1.deal("aaa111")?.nextActivity, next)
        XCTAssertEqual(b1.deal("aaa111")?.updatedAt, t1)
        // The same id again is refused, on any deal.
        assertThrows(.invalid(field: "activity", reason: Strings.duplicateActivityID("act00001"))) {
            () throws(PipelineError) in try b1.apply(.addActivity(dealID: "aaa222", next), at: t2)
        }
        assertNoChange(b1, .updateActivity(dealID: "aaa111", next))
        let b2 = b1.applied(
            .completeActivity(dealID: "aaa111", activityID: "act00001", outcome: " Wants a demo "), at: t2)
        let done = b2.deal("aaa111")!.activities[0]
        XCTAssertEqual(done.done, true)
        XCTAssertEqual(done.doneAt, t2, "done now")
        XCTAssertEqual(done.outcome, "Wants a demo", "trimmed")
        XCTAssertEqual(done.subject, "Call", "kept: the record of what was done")
        XCTAssertNil(b2.deal("aaa111")?.nextActivity, "nothing planned any more")
        XCTAssertEqual(b2.deal("aaa111")?.updatedAt, t2)
        assertNoChange(b2, .completeActivity(dealID: "aaa111", activityID: "act00001", outcome: nil))
        // A later outcome is noted on the done activity; the time it was done stays.
        let b3 = b2.applied(.completeActivity(dealID: "aaa111", activityID: "act00001", outcome: "Demo booked"), at: t3)
        XCTAssertEqual(b3.deal("aaa111")?.activities[0].outcome, "Demo booked")
        XCTAssertEqual(b3.deal("aaa111")?.activities[0].doneAt, t2)
        let b4 = b3.applied(.removeActivity(dealID: "aaa111", activityID: "act00001"), at: t3)
        XCTAssertEqual(b4.deal("aaa111")?.activities, [])
        assertThrows(.unknownActivity("act00001")) { () throws(PipelineError) in
            try b4.apply(.removeActivity(dealID: "aaa111", activityID: "act00001"), at: t3)
        }
    }

    func testTheNextActivityIsTheEarliestPlannedOne() {
        let today = Fixed.today
        var d = smallBoard().deal("aaa111")!
        XCTAssertNil(d.nextActivity)
        d.activities = [
            step("undated", id: "a"), step("later", due: today.adding(days: 5), id: "b"),
            step("done early", due: today.adding(days: -9), done: true, id: "c"),
        ]
        XCTAssertEqual(d.nextActivity?.id, "b", "dated before undated; done ones are not next")
        var at10 = step("at ten", due: today.adding(days: 5), id: "d")
        at10.time = TimeOfDay(hour: 10, minute: 0)
        var at9 = step("at nine", due: today.adding(days: 5), id: "e")
        at9.time = TimeOfDay(hour: 9, minute: 0)
        d.activities += [at10, at9]
        XCTAssertEqual(d.nextActivity?.id, "b", "a day's untimed one before its timed ones")
        d.activities.removeAll { $0.id == "b" }
        XCTAssertEqual(d.nextActivity?.id, "e", "then by time")
        XCTAssertEqual(d.plannedActivities.map(\.id), ["e", "d", "a"])
    }
}
