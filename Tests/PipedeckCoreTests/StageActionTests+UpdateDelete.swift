import XCTest

@testable import PipedeckCore

/// Changing and deleting stages.
extension StageActionTests {
    // MARK: updateStage

    func testUpdateStageRenames() throws {
        let b0 = mixedBoard()
        var s = try XCTUnwrap(b0.stage("proposal"))
        s.name = "  Quote sent  "
        let b1 = assertUndoable(b0, .updateStage(s))
        XCTAssertEqual(b1.stage("proposal")?.name, "Quote sent", "the name is trimmed")
        XCTAssertEqual(stageIDs(b1), standardIDs, "the order is kept")
        XCTAssertEqual(b1.stage("proposal")?.probability, Percent(60))
        XCTAssertEqual(b1.deals, b0.deals, "renaming a stage with deals touches no deal")
    }

    func testRenamingAStageToAnotherStagesNameOrIDIsRefused() throws {
        let b0 = mixedBoard()
        var s = try XCTUnwrap(b0.stage("proposal"))
        for name in ["Negotiation", "closing", " WON "] {
            s.name = name
            let candidate = s
            assertInvalid("name") { () throws(PipelineError) -> Outcome in try b0.apply(.updateStage(candidate), at: t1)
            }
        }
        // Its own id, or its own name in another case, is fine.
        s.name = "PROPOSAL"
        XCTAssertEqual(assertUndoable(b0, .updateStage(s)).stage("proposal")?.name, "PROPOSAL")
        // A board whose file already has two stages of one name can still change them otherwise.
        var b1 = b0
        b1.stages[1].name = "Lead generation"
        var q = b1.stages[1]
        q.probability = Percent(25)
        XCTAssertEqual(assertUndoable(b1, .updateStage(q)).stages[1].probability, Percent(25))
    }

    func testUpdateStageChangesProbabilityAndRotDays() throws {
        let b0 = mixedBoard()
        var s = try XCTUnwrap(b0.stage("lead"))
        s.probability = Percent(hundredths: 1_250)
        let b1 = assertUndoable(b0, .updateStage(s))
        XCTAssertEqual(b1.stage("lead")?.probability, Percent(hundredths: 1_250))
        XCTAssertEqual(
            b1.weightedValue(of: b1.deal("aaa111")!), Money(units: 1_250), "deals follow their stage's probability")
        s.rotDays = 3650
        let b2 = assertUndoable(b1, .updateStage(s))
        XCTAssertEqual(b2.stage("lead")?.rotDays, 3650)
        s.rotDays = 0
        let b3 = assertUndoable(b2, .updateStage(s))
        XCTAssertEqual(b3.stage("lead")?.rotDays, 0)
        XCTAssertEqual(b3.stages.filter { $0.id != "lead" }, b0.stages.filter { $0.id != "lead" })
    }

    func testUpdateStageWithIdenticalValuesIsNoChange() throws {
        let b = mixedBoard()
        for s in b.stages { assertNoChange(b, .updateStage(s)) }
        var padded = try XCTUnwrap(b.stage("needs"))
        padded.name = "  Needs analysis "
        assertNoChange(b, .updateStage(padded))
    }

    func testUpdateStageRefusesInvalidValues() throws {
        let b = smallBoard()
        let s = try XCTUnwrap(b.stage("needs"))
        var x = s; x.name = "  "
        assertInvalid("name") { () throws(PipelineError) -> Outcome in try b.apply(.updateStage(x), at: t1) }
        x = s; x.probability = Percent(hundredths: 10_001)
        assertInvalid("probability") { () throws(PipelineError) -> Outcome in try b.apply(.updateStage(x), at: t1) }
        x = s; x.rotDays = -1
        assertInvalid("rotDays") { () throws(PipelineError) -> Outcome in try b.apply(.updateStage(x), at: t1) }
        x = s; x.rotDays = 3651
        assertInvalid("rotDays") { () throws(PipelineError) -> Outcome in try b.apply(.updateStage(x), at: t1) }
        assertThrows(.unknownStage("nope")) { () throws(PipelineError) -> Outcome in
            try b.apply(.updateStage(Stage(id: "nope", name: "Nope", probability: Percent(10))), at: t1)
        }
    }

    func testUpdateStageRefusesChangingTheKindOfAStageWithDeals() throws {
        let b = mixedBoard()
        var proposal = try XCTUnwrap(b.stage("proposal"))
        proposal.kind = .won
        assertInvalid("kind") { () throws(PipelineError) -> Outcome in try b.apply(.updateStage(proposal), at: t1) }
        var won = try XCTUnwrap(b.stage("won"))
        won.kind = .open
        assertInvalid("kind") { () throws(PipelineError) -> Outcome in try b.apply(.updateStage(won), at: t1) }
        // Only lost deals in the stage still count as deals.
        var onlyLost = smallBoard()
        onlyLost.deals = [
            Deal(
                id: "l1", title: "L", value: Money(units: 1), stage: "needs",
                createdAt: Fixed.now, status: .lost)
        ]
        var needs = try XCTUnwrap(onlyLost.stage("needs"))
        needs.kind = .won
        assertInvalid("kind") { () throws(PipelineError) -> Outcome in try onlyLost.apply(.updateStage(needs), at: t1) }
        // Changing the name along with the kind is refused as a whole.
        proposal.name = "Renamed"
        assertInvalid("kind") { () throws(PipelineError) -> Outcome in try b.apply(.updateStage(proposal), at: t1) }
    }

    func testUpdateStageChangesTheKindOfAnEmptyStage() throws {
        let b0 = mixedBoard()
        var needs = try XCTUnwrap(b0.stage("needs"))
        needs.kind = .won
        let b1 = assertUndoable(b0, .updateStage(needs))
        XCTAssertEqual(b1.stage("needs")?.kind, .won)
        XCTAssertEqual(b1.firstWonStage?.id, "needs")
        XCTAssertEqual(b1.deals, b0.deals)
    }

    // MARK: deleteStage

    func testDeleteAnEmptyStage() {
        let b0 = mixedBoard()
        let b1 = assertUndoable(b0, .deleteStage(id: "needs", moveDealsTo: nil))
        XCTAssertEqual(stageIDs(b1), ["lead", "qualification", "proposal", "negotiation", "closing", "won"])
        XCTAssertEqual(b1.deals, b0.deals)
        // A target is allowed but unused for an empty stage.
        let b2 = assertUndoable(b0, .deleteStage(id: "needs", moveDealsTo: "lead"))
        XCTAssertEqual(b2, b1)
    }

    func testDeleteAStageWithDealsNeedsATargetAndNamesTheCount() {
        let b = mixedBoard()
        // lead holds aaa111, aaa222 and the lost deal lost66.
        do {
            _ = try b.apply(.deleteStage(id: "lead", moveDealsTo: nil), at: t1)
            XCTFail("deleting a stage with deals without a target must fail")
        } catch {
            guard case .invalid(let field, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(field, "stage")
            XCTAssertTrue(reason.contains("3 deals"), "the reason names the count: \(reason)")
            XCTAssertTrue(reason.contains("Lead generation"), "the reason names the stage: \(reason)")
            XCTAssertEqual(error, .invalid(field: "stage", reason: Strings.stageHasDeals("Lead generation", 3)))
        }
        do {
            _ = try b.apply(.deleteStage(id: "proposal", moveDealsTo: nil), at: t1)
            XCTFail("deleting a stage with a deal without a target must fail")
        } catch {
            guard case .invalid(let field, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(field, "stage")
            XCTAssertTrue(reason.contains("1 deal"), reason)
            XCTAssertFalse(reason.contains("1 deals"), reason)
        }
    }

    func testDeleteStageErrors() {
        let b = mixedBoard()
        assertThrows(.unknownStage("nope")) { () throws(PipelineError) -> Outcome in
            try b.apply(.deleteStage(id: "nope", moveDealsTo: nil), at: t1)
        }
        assertThrows(.unknownStage("nowhere")) { () throws(PipelineError) -> Outcome in
            try b.apply(.deleteStage(id: "lead", moveDealsTo: "nowhere"), at: t1)
        }
        // Moving the deals into the stage being deleted is refused.
        XCTAssertThrowsError(try b.apply(.deleteStage(id: "lead", moveDealsTo: "lead"), at: t1))
    }

    func testDeleteStageMovesEachDealToTheTarget() {
        let b0 = smallBoard()
        let b1 = assertUndoable(b0, .deleteStage(id: "lead", moveDealsTo: "proposal"), at: t2)
        XCTAssertEqual(stageIDs(b1), ["qualification", "needs", "proposal", "negotiation", "closing", "won"])
        XCTAssertFalse(b1.deals.contains { $0.stage == "lead" }, "no deal is left in the deleted stage")
        for id in ["aaa111", "aaa222"] {
            guard let d = b1.deal(id), let old = b0.deal(id) else { return XCTFail("missing \(id)") }
            XCTAssertEqual(d.stage, "proposal")
            XCTAssertEqual(d.status, .open)
            XCTAssertEqual(d.stageEnteredAt, t2, "stageEnteredAt is reset")
            XCTAssertEqual(d.history.count, old.history.count + 1)
            XCTAssertEqual(Array(d.history.dropLast()), old.history, "earlier history kept")
            XCTAssertEqual(d.history.last, HistoryEntry(at: t2, from: "lead", to: "proposal", status: nil))
            XCTAssertEqual(d.createdAt, old.createdAt)
            XCTAssertGreaterThan(d.rank, b0.deal("bbb333")!.rank, "after the deals already in the target")
        }
        XCTAssertEqual(b1.deals(inStage: "proposal").map(\.id), ["bbb333", "aaa111", "aaa222"])
        XCTAssertEqual(
            Set(b1.deals.filter { $0.stage == "proposal" }.map(\.rank)).count, 3,
            "ranks in the target column are distinct")
        XCTAssertEqual(b1.deal("bbb333"), b0.deal("bbb333"), "deals already in the target are untouched")
        XCTAssertEqual(b1.deal("ccc444"), b0.deal("ccc444"))
    }

    func testDeleteStageIntoAWonStageMarksTheDealsWon() {
        let b0 = mixedBoard()
        let b1 = assertUndoable(b0, .deleteStage(id: "closing", moveDealsTo: "won"), at: t2)
        guard let d = b1.deal("ccc444") else { return XCTFail("missing ccc444") }
        XCTAssertEqual(d.stage, "won")
        XCTAssertEqual(d.status, .won, "moved into a won stage → won")
        XCTAssertEqual(d.stageEnteredAt, t2)
        XCTAssertEqual(d.history.last, HistoryEntry(at: t2, from: "closing", to: "won", status: .won))
        XCTAssertGreaterThan(d.rank, b1.deal("won555")!.rank)
        XCTAssertEqual(b1.deal("won555"), b0.deal("won555"))
        XCTAssertEqual(stageIDs(b1), ["lead", "qualification", "needs", "proposal", "negotiation", "won"])
    }

    func testDeleteStageMovesLikeMoveDoes() {
        // Each open or won deal ends up exactly as a move to the target at the same instant would
        // leave it (stage, status, history, stageEnteredAt). Lost deals stay lost (next test).
        let b0 = mixedBoard()
        for target in ["proposal", "won"] {
            let deleted = assertUndoable(b0, .deleteStage(id: "lead", moveDealsTo: target), at: t2)
            var moved = b0
            for id in ["aaa111", "aaa222"] { moved = moved.applied(.move(id: id, toStage: target), at: t2) }
            let lost = deleted.deal("lost66")!
            XCTAssertEqual(lost.stage, target)
            XCTAssertEqual(lost.status, .lost, "deleting a stage does not reopen or win a lost deal")
            XCTAssertEqual(lost.lostReason, b0.deal("lost66")!.lostReason)
            XCTAssertEqual(lost.history.last, HistoryEntry(at: t2, from: "lead", to: target))
            for id in ["aaa111", "aaa222"] {
                let a = deleted.deal(id)!, m = moved.deal(id)!
                XCTAssertEqual(a.stage, m.stage, "\(id) → \(target)")
                XCTAssertEqual(a.status, m.status, "\(id) → \(target)")
                XCTAssertEqual(a.lostReason, m.lostReason, "\(id) → \(target)")
                XCTAssertEqual(a.history, m.history, "\(id) → \(target)")
                XCTAssertEqual(a.stageEnteredAt, m.stageEnteredAt, "\(id) → \(target)")
            }
        }
    }

    func testDeleteTheWonStageIntoAnOpenStage() {
        let b0 = mixedBoard()
        let b1 = assertUndoable(b0, .deleteStage(id: "won", moveDealsTo: "closing"), at: t2)
        XCTAssertNil(b1.firstWonStage)
        XCTAssertEqual(b1.deal("won555")?.stage, "closing")
        XCTAssertEqual(b1.deal("won555")?.history.last?.from, "won")
        XCTAssertEqual(b1.deal("won555")?.history.last?.to, "closing")
    }
}
