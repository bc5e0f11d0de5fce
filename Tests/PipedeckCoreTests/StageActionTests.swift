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
}
