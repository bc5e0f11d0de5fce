import XCTest

@testable import PipedeckCore

/// The stage actions (addStage, updateStage, deleteStage, moveStage, setLostReasons) and their
/// undo/redo. Every instant is fixed.
final class StageActionTests: XCTestCase {
    let t1 = Fixed.later(10)
    let t2 = Fixed.later(20)

    // MARK: helpers

    /// Applies `a` (which must change the board), records it in an UndoHistory, and checks that
    /// undo gives back exactly `board` and redo exactly the changed board, twice over.
    @discardableResult
    func assertUndoable(
        _ board: Board, _ a: Action, at t: Timestamp? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) -> Board {
        let outcome: Outcome
        do { outcome = try board.apply(a, at: t ?? t1) } catch {
            XCTFail("\(a) threw \(error)", file: file, line: line); return board
        }
        guard let edit = outcome.edit else {
            XCTFail("\(a) should change the board", file: file, line: line); return board
        }
        let after = outcome.board
        XCTAssertNotEqual(after, board, "\(a) reported a change but the board is the same", file: file, line: line)
        var history = UndoHistory()
        history.record(edit)
        var work = after
        for round in 1...2 {
            XCTAssertNotNil(history.undo(&work), "round \(round): undo", file: file, line: line)
            assertSameBoard(work, board, "round \(round): undo of \(a) restores the board", file: file, line: line)
            XCTAssertFalse(history.canUndo, file: file, line: line)
            XCTAssertNotNil(history.redo(&work), "round \(round): redo", file: file, line: line)
            assertSameBoard(work, after, "round \(round): redo of \(a) gives the changed board", file: file, line: line)
            XCTAssertFalse(history.canRedo, file: file, line: line)
        }
        return after
    }

    func stageIDs(_ b: Board) -> [String] { b.stages.map(\.id) }

    /// smallBoard() plus a won deal and a lost deal, so that every status is present.
    func mixedBoard() -> Board {
        var b = smallBoard()
        let t = Fixed.now.adding(days: -20)
        b.deals.append(
            Deal(
                id: "won555", title: "Epsilon", value: Money(units: 3_000), stage: "won", createdAt: t,
                status: .won, rank: 0))
        var lost = Deal(
            id: "lost66", title: "Zeta", value: Money(units: 4_000), stage: "lead", createdAt: t,
            status: .lost, lostReason: "Price", rank: 2)
        lost.history.append(HistoryEntry(at: t.adding(days: 1), from: "lead", to: "lead", status: .lost))
        b.deals.append(lost)
        return b
    }

    let standardIDs = ["lead", "qualification", "needs", "proposal", "negotiation", "closing", "won"]

    // MARK: makeStageID

    func testMakeStageIDSlugsTheName() {
        let b = smallBoard()
        XCTAssertEqual(b.makeStageID(name: "Démo Finale!"), "demo-finale")
        XCTAssertEqual(b.makeStageID(name: "  Contract -- Signed  "), "contract-signed")
        XCTAssertEqual(b.makeStageID(name: "Étape 2 : Négociation"), "etape-2-negociation")
        XCTAssertEqual(b.makeStageID(name: "UPPER case"), "upper-case")
        XCTAssertEqual(b.makeStageID(name: "!!!"), "stage", "a name without letters or digits still gets an id")
        for name in ["Démo Finale!", "a_b", "Über Straße", "x/y z", "👍 ok", "Won · Follow-up"] {
            let id = b.makeStageID(name: name)
            XCTAssertFalse(id.isEmpty, name)
            XCTAssertTrue(
                id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" },
                "\(name) → \(id) uses only a-z, 0-9 and -")
            XCTAssertFalse(id.hasPrefix("-") || id.hasSuffix("-") || id.contains("--"), "\(name) → \(id)")
        }
    }

    func testMakeStageIDIsUnique() {
        var b = smallBoard()
        XCTAssertEqual(b.makeStageID(name: "Lead"), "lead-2", "lead is taken")
        b.stages.append(Stage(id: "demo-finale", name: "Démo finale", probability: Percent(50)))
        XCTAssertEqual(b.makeStageID(name: "Démo Finale!"), "demo-finale-2")
        b.stages.append(Stage(id: "demo-finale-2", name: "Démo finale 2", probability: Percent(50)))
        XCTAssertEqual(b.makeStageID(name: "Démo Finale!"), "demo-finale-3")
        XCTAssertEqual(b.makeStageID(name: "DEMO finale"), "demo-finale-3")
    }

    // MARK: addStage

    func testAddStageDefaultsToBeforeTheFirstWonStage() {
        let b0 = mixedBoard()
        let s = Stage(id: "pilot", name: "Pilot", probability: Percent(85), rotDays: 7)
        let b1 = assertUndoable(b0, .addStage(s, at: nil))
        XCTAssertEqual(
            stageIDs(b1), ["lead", "qualification", "needs", "proposal", "negotiation", "closing", "pilot", "won"])
        XCTAssertEqual(b1.stage("pilot"), s)
        XCTAssertEqual(b1.deals, b0.deals, "adding a stage touches no deal")
        XCTAssertEqual(b1.settings, b0.settings)
    }

    func testAddStageBeforeTheFirstOfSeveralWonStages() {
        var b0 = smallBoard()
        b0.stages.insert(Stage(id: "signed", name: "Signed", probability: Percent(100), kind: .won), at: 3)
        let b1 = assertUndoable(b0, .addStage(Stage(id: "x", name: "X", probability: Percent(30)), at: nil))
        XCTAssertEqual(
            stageIDs(b1),
            ["lead", "qualification", "needs", "x", "signed", "proposal", "negotiation", "closing", "won"])
    }

    func testAddStageWithoutWonStageGoesLast() {
        var b0 = smallBoard()
        b0.stages.removeAll { $0.kind == .won }
        let b1 = assertUndoable(b0, .addStage(Stage(id: "x", name: "X", probability: Percent(30)), at: nil))
        XCTAssertEqual(stageIDs(b1).last, "x")
        XCTAssertEqual(b1.stages.count, 7)
    }

    func testAddStageAtAPosition() {
        let b0 = smallBoard()
        let s = Stage(id: "x", name: "X", probability: Percent(5))
        XCTAssertEqual(
            stageIDs(assertUndoable(b0, .addStage(s, at: 0))),
            ["x"] + standardIDs)
        XCTAssertEqual(
            stageIDs(assertUndoable(b0, .addStage(s, at: 2))),
            ["lead", "qualification", "x", "needs", "proposal", "negotiation", "closing", "won"])
        XCTAssertEqual(stageIDs(assertUndoable(b0, .addStage(s, at: 7))), standardIDs + ["x"], "at the end, after won")
        let won = Stage(id: "lost-won", name: "Also won", probability: Percent(100), kind: .won)
        let b1 = assertUndoable(b0, .addStage(won, at: 7))
        XCTAssertEqual(b1.stages.last, won)
    }

    func testAddStageGeneratesTheIDFromTheName() {
        let b0 = smallBoard()
        let b1 = assertUndoable(b0, .addStage(Stage(id: "", name: "Démo Finale!", probability: Percent(70)), at: nil))
        XCTAssertEqual(b1.stages[6].id, "demo-finale")
        XCTAssertEqual(b1.stages[6].name, "Démo Finale!")
        // Other names that make the same id get a number (the same name again is refused).
        let b2 = assertUndoable(b1, .addStage(Stage(id: "", name: "Démo finale", probability: Percent(70)), at: nil))
        XCTAssertEqual(b2.stages[7].id, "demo-finale-2")
        let b3 = assertUndoable(b2, .addStage(Stage(id: "", name: "demo finale", probability: Percent(70)), at: nil))
        XCTAssertEqual(b3.stages[8].id, "demo-finale-3")
        XCTAssertEqual(
            stageIDs(b3),
            [
                "lead", "qualification", "needs", "proposal", "negotiation", "closing",
                "demo-finale", "demo-finale-2", "demo-finale-3", "won",
            ])
        XCTAssertEqual(Set(stageIDs(b3)).count, b3.stages.count, "ids are unique")
    }

    func testAddStageTrimsTheNameAndKeepsAGivenID() {
        let b0 = smallBoard()
        let b1 = assertUndoable(
            b0, .addStage(Stage(id: "custom_ID", name: "  Pilot \n", probability: Percent(50)), at: nil))
        XCTAssertEqual(b1.stages[6].name, "Pilot")
        XCTAssertEqual(b1.stages[6].id, "custom_ID", "an explicit id is kept as given")
        let b2 = assertUndoable(b0, .addStage(Stage(id: "", name: "   Pilot   ", probability: Percent(50)), at: nil))
        XCTAssertEqual(b2.stages[6].id, "pilot")
        XCTAssertEqual(b2.stages[6].name, "Pilot")
    }

    func testAddStageRefusesAnEmptyName() {
        let b = smallBoard()
        for name in ["", "   ", "\n\t"] {
            assertInvalid("name") { () throws(PipelineError) -> Outcome in
                try b.apply(.addStage(Stage(id: "", name: name, probability: Percent(10)), at: nil), at: t1)
            }
            assertInvalid("name") { () throws(PipelineError) -> Outcome in
                try b.apply(.addStage(Stage(id: "x", name: name, probability: Percent(10)), at: nil), at: t1)
            }
        }
    }

    func testAddStageProbabilityRange() {
        let b = smallBoard()
        assertInvalid("probability") { () throws(PipelineError) -> Outcome in
            try b.apply(.addStage(Stage(id: "x", name: "X", probability: Percent(hundredths: 10_001)), at: nil), at: t1)
        }
        assertInvalid("probability") { () throws(PipelineError) -> Outcome in
            try b.apply(.addStage(Stage(id: "x", name: "X", probability: Percent(101)), at: nil), at: t1)
        }
        assertInvalid("probability") { () throws(PipelineError) -> Outcome in
            try b.apply(.addStage(Stage(id: "x", name: "X", probability: Percent(hundredths: -1)), at: nil), at: t1)
        }
        XCTAssertEqual(
            assertUndoable(b, .addStage(Stage(id: "x", name: "X", probability: .hundred), at: nil)).stage("x")?
                .probability, .hundred)
        XCTAssertEqual(
            assertUndoable(b, .addStage(Stage(id: "x", name: "X", probability: .zero), at: nil)).stage("x")?
                .probability, .zero)
    }

    func testAddStageRotDaysRange() {
        let b = smallBoard()
        for bad in [-1, -365, 3651, 10_000] {
            assertInvalid("rotDays") { () throws(PipelineError) -> Outcome in
                try b.apply(
                    .addStage(Stage(id: "x", name: "X", probability: Percent(10), rotDays: bad), at: nil), at: t1)
            }
        }
        for good in [0, 1, 3650] {
            XCTAssertEqual(
                assertUndoable(
                    b, .addStage(Stage(id: "x", name: "X", probability: Percent(10), rotDays: good), at: nil)
                )
                .stage("x")?.rotDays, good)
        }
    }

    func testAddStageRefusesADuplicateID() {
        let b = smallBoard()
        for id in ["lead", "won", "closing"] {
            assertInvalid("id") { () throws(PipelineError) -> Outcome in
                try b.apply(.addStage(Stage(id: id, name: "Another", probability: Percent(10)), at: nil), at: t1)
            }
        }
        do {
            _ = try b.apply(.addStage(Stage(id: "lead", name: "Another", probability: Percent(10)), at: nil), at: t1)
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error, .invalid(field: "id", reason: Strings.duplicateStageID("lead")))
        }
    }

    /// A stage whose name another stage already has as its name or id (any case) could never be
    /// reached by name: `lead` or "lead generation" would always find the old one.
    func testAddStageRefusesANameAnotherStageHasAsNameOrID() {
        let b = smallBoard()
        for name in ["Lead generation", "LEAD generation", "  proposal  ", "Won", "negotiation"] {
            assertInvalid("name") { () throws(PipelineError) -> Outcome in
                try b.apply(.addStage(Stage(id: "", name: name, probability: Percent(10)), at: nil), at: t1)
            }
        }
        do {
            _ = try b.apply(.addStage(Stage(id: "", name: "LEAD", probability: Percent(10)), at: nil), at: t1)
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error, .invalid(field: "name", reason: Strings.stageNameTaken("LEAD", b.stage("lead")!)))
        }
        // A name that only starts like another is fine, its id is made unique, and it is reached by name.
        let b1 = assertUndoable(b, .addStage(Stage(id: "", name: "Lead gen", probability: Percent(10)), at: nil))
        XCTAssertEqual(b1.resolveStage("lead GEN")?.id, "lead-gen")
        XCTAssertEqual(b1.resolveStage("lead generation")?.id, "lead")
    }

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

    // MARK: moveStage

    func testMoveStageLeftAndRight() {
        let b0 = mixedBoard()
        let right = assertUndoable(b0, .moveStage(id: "needs", by: 1))
        XCTAssertEqual(
            stageIDs(right), ["lead", "qualification", "proposal", "needs", "negotiation", "closing", "won"])
        let left = assertUndoable(b0, .moveStage(id: "needs", by: -1))
        XCTAssertEqual(stageIDs(left), ["lead", "needs", "qualification", "proposal", "negotiation", "closing", "won"])
        let first = assertUndoable(b0, .moveStage(id: "qualification", by: -1))
        XCTAssertEqual(
            stageIDs(first), ["qualification", "lead", "needs", "proposal", "negotiation", "closing", "won"])
        let last = assertUndoable(b0, .moveStage(id: "closing", by: 1))
        XCTAssertEqual(stageIDs(last), ["lead", "qualification", "needs", "proposal", "negotiation", "won", "closing"])
        for b in [right, left, first, last] {
            XCTAssertEqual(b.deals, b0.deals, "moving a stage touches no deal")
            XCTAssertEqual(Set(b.stages), Set(b0.stages), "the stages themselves are unchanged")
        }
        // Back and forth is the identity.
        XCTAssertEqual(right.applied(.moveStage(id: "needs", by: -1)), b0)
    }

    func testMoveStagePastTheEndsIsNoChange() {
        let b = mixedBoard()
        assertNoChange(b, .moveStage(id: "lead", by: -1))
        assertNoChange(b, .moveStage(id: "won", by: 1))
        assertNoChange(b, .moveStage(id: "needs", by: 0))
        assertThrows(.unknownStage("nope")) { () throws(PipelineError) -> Outcome in
            try b.apply(.moveStage(id: "nope", by: 1), at: t1)
        }
    }

    // MARK: setLostReasons

    func testSetLostReasonsCleansTheList() {
        let b0 = mixedBoard()
        let b1 = assertUndoable(
            b0, .setLostReasons(["  Price ", "", "price", "Timing", "   ", "TIMING", "\tBudget\n", "PRICE  "]))
        XCTAssertEqual(
            b1.settings.lostReasons, ["Price", "Timing", "Budget"], "trimmed, no empties, first spelling kept")
        XCTAssertEqual(b1.deals, b0.deals)
        XCTAssertEqual(b1.stages, b0.stages)
        XCTAssertEqual(b1.settings.locale, b0.settings.locale)
    }

    func testSetLostReasonsKeepsTheGivenOrderAndCanEmptyTheList() {
        let b0 = mixedBoard()
        let b1 = assertUndoable(b0, .setLostReasons(["Went silent", "Competitor", "Price"]))
        XCTAssertEqual(b1.settings.lostReasons, ["Went silent", "Competitor", "Price"])
        let b2 = assertUndoable(b1, .setLostReasons(["", "  "]))
        XCTAssertEqual(b2.settings.lostReasons, [])
        let b3 = assertUndoable(b1, .setLostReasons([]))
        XCTAssertEqual(b3.settings.lostReasons, [])
    }

    func testSetLostReasonsEqualAfterCleaningIsNoChange() {
        let b = mixedBoard()
        assertNoChange(b, .setLostReasons(BoardSettings.defaultLostReasons))
        assertNoChange(b, .setLostReasons(BoardSettings.defaultLostReasons.map { " \($0) " } + ["", "price"]))
    }

    // MARK: undo/redo of a sequence

    func testASequenceOfStageActionsUndoesAndRedoesStepByStep() throws {
        var board = mixedBoard()
        var history = UndoHistory()
        var snapshots = [board]
        var proposal = try XCTUnwrap(board.stage("proposal"))
        proposal.name = "Quote"; proposal.rotDays = 12; proposal.probability = Percent(55)
        let actions: [Action] = [
            .addStage(Stage(id: "", name: "Démo Finale!", probability: Percent(70), rotDays: 4), at: nil),
            .move(id: "bbb333", toStage: "demo-finale"),
            .updateStage(proposal),
            .moveStage(id: "demo-finale", by: -1),
            .setLostReasons(["Budget", " budget ", "Fit"]),
            .deleteStage(id: "lead", moveDealsTo: "demo-finale"),
            .addStage(Stage(id: "", name: "Démo finale", probability: Percent(10)), at: 0),
            .deleteStage(id: "closing", moveDealsTo: "won"),
            .markLost(id: "aaa111", reason: "Fit"),
            .deleteStage(id: "needs", moveDealsTo: nil),
        ]
        for (n, a) in actions.enumerated() {
            let o = try board.apply(a, at: Fixed.later(Int64(n + 1)))
            let e = try XCTUnwrap(o.edit, "\(a) should change the board")
            history.record(e)
            board = o.board
            snapshots.append(board)
        }
        XCTAssertEqual(
            stageIDs(board), ["demo-finale-2", "qualification", "proposal", "negotiation", "demo-finale", "won"])
        XCTAssertEqual(board.settings.lostReasons, ["Budget", "Fit"])
        for n in stride(from: actions.count - 1, through: 0, by: -1) {
            XCTAssertNotNil(history.undo(&board))
            assertSameBoard(board, snapshots[n], "after undoing \(actions[n])")
        }
        XCTAssertFalse(history.canUndo)
        for n in 0..<actions.count {
            XCTAssertNotNil(history.redo(&board))
            assertSameBoard(board, snapshots[n + 1], "after redoing \(actions[n])")
        }
        XCTAssertFalse(history.canRedo)
    }
}

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
