import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// The problem report of a dry run, and the stages a file names.
extension CSVImportTests {
    // MARK: Dry run and the problem report

    func testProblemsNameThePhysicalLineAndValidRowsAreCounted() throws {
        let csv =
            "title,value,stage,notes,probability,expected_close,status\r\n"
            + "Good one,\"1,250.50\",proposal,\"two\r\nlines\",,2026-07-01,\r\n" // line 2–3
            + ",100,lead,,,,\r\n" // line 4: no title
            + "Bad amount,12abc,lead,\"a\nb\nc\",,,\r\n" // line 5–7
            + "Bad date,100,lead,,,2026-13-01,\r\n" // line 8
            + "Bad status,100,lead,,,,maybe\r\n" // line 9
            + "Too high,100,lead,,150,,\r\n" // line 10
            + "Won in lead,100,won,,,,open\r\n" // line 11
            + "\r\n"
            + "Second good,\"2,000\",Negotiation,,,,\r\n" // line 13
            + "Broken,\"1\"00,lead,,,,\r\n" // line 14
        let p = try plan(csv)
        XCTAssertEqual(p.rowProblems.map(\.line), [4, 5, 8, 9, 10, 11, 14])
        XCTAssertEqual(
            p.rowProblems.map(\.issues),
            [
                [.noTitle],
                [.amount("12abc", .notAnAmount)],
                [.date(.expectedClose, "2026-13-01", .notADate)],
                [.status("maybe")],
                [.probability("150", .outOfRange)],
                [.statusConflict(status: "open", stage: "won")],
                [.layout(.textAfterClosingQuote(field: 1))],
            ])
        XCTAssertEqual(p.rowCount, 9)
        XCTAssertEqual(p.validRows, 2)
        XCTAssertEqual(p.added, 2)
        XCTAssertEqual(deal(p, "Good one").notes, "two\nlines")
        // The figures a dry run prints: per stage, total and weighted.
        let s = PipelineSummary(board: p.board, deals: p.importedDeals)
        XCTAssertEqual(s.stages.first { $0.stage.id == "proposal" }?.figures.count, 1)
        XCTAssertEqual(s.open.total["EUR"], money("3250.50"))
        XCTAssertEqual(s.open.weighted["EUR"], Money(micros: 750_300_000 + 1_600_000_000), "1250.50 × 60% + 2000 × 80%")
        assertInvariants(p.board)
    }

    func testFieldCountAndDuplicateRows() throws {
        let csv = "id,title,value\n1,A,10\n2,B,20,oops\n1,A again,30\n3,C,40,\n"
        let p = try plan(csv)
        XCTAssertEqual(p.rowProblems.map(\.line), [3, 4])
        XCTAssertEqual(p.rowProblems[0].issues, [.tooManyFields(got: 4, expected: 3)])
        XCTAssertEqual(p.rowProblems[1].issues, [.duplicate(firstLine: 2)])
        XCTAssertEqual(p.added, 2, "an empty extra field at the end is harmless")
    }

    // MARK: Stages

    func testUnknownStagesAreListedOnceWithTheirRows() throws {
        let csv = "title,stage\nA,Demo\nB,Contract sent\nC,demo\nD,proposal\nE,\n"
        let p = try plan(csv)
        XCTAssertEqual(
            p.unknownStages,
            [
                UnknownStage(name: "Demo", rows: 2, firstLine: 2),
                UnknownStage(name: "Contract sent", rows: 1, firstLine: 3),
            ])
        XCTAssertEqual(p.rowProblems, [], "unknown stages are not repeated as row problems")
        XCTAssertEqual(p.validRows, 2)
        XCTAssertEqual(deal(p, "E").stage, "lead", "no stage: the first stage")
    }

    func testCreateStagesBeforeWonOrderedByTheRowsProbability() throws {
        let csv = "title,stage,probability\nA,Contract sent,90\nB,Demo,30\nC,demo,30\nD,Trial,40\nE,Trial,45\nF,Won,\n"
        let p = try plan(csv) { $0.createStages = true }
        XCTAssertEqual(p.problems, [])
        XCTAssertEqual(
            p.board.stages.map(\.id),
            [
                "lead", "qualification", "needs", "proposal", "negotiation", "closing",
                "demo", "contract-sent", "trial", "won",
            ])
        XCTAssertEqual(p.createdStages.map(\.stage.probability), [Percent(30), Percent(90), Percent(90)])
        XCTAssertEqual(
            p.createdStages.map(\.probabilityFromRows), [true, true, false],
            "Trial's rows disagree: it takes the probability of the stage before (Closing, 90%)")
        XCTAssertEqual(p.createdStages[2].probabilitySource, .rowsDisagree(copiedFrom: "Closing"))
        XCTAssertEqual(deal(p, "B").stage, "demo")
        XCTAssertEqual(Importer.slug("Démo — Étape 2"), "demo-etape-2")
        XCTAssertEqual(Importer.slug("商談"), "商談")
        XCTAssertEqual(Importer.slug("!!"), "stage")
        XCTAssertEqual(deal(p, "D").probability, Percent(40), "a plain file's probabilities stay on the deals")
        XCTAssertEqual(deal(p, "F").status, .won)
        assertInvariants(p.board)
    }

    func testStageMapAcceptsIdsNamesAndPositions() throws {
        let csv = "title,stage\nA,Demo\nB,Contract sent\nC,Closed Won\n"
        let p = try plan(csv) { $0.stageMap = [("demo", "3"), ("CONTRACT SENT", "Negotiation")] }
        XCTAssertEqual(p.problems, [])
        XCTAssertEqual([deal(p, "A").stage, deal(p, "B").stage, deal(p, "C").stage], ["needs", "negotiation", "won"])
        XCTAssertThrowsError(try plan(csv) { $0.stageMap = [("Demo", "later")] }) { e in
            guard case .unknownStageMapTarget("later", _)? = e as? ImportSetupError else { return XCTFail("\(e)") }
        }
    }

    func testStatusColumnAndClosedStages() throws {
        let csv = """
            title,stage,status,lost_reason
            W,proposal,Won,
            L,proposal,LOST,Went silent
            O,proposal,open,ignored
            CW,Closed Won,,
            CL,Closed Lost,,Budget
            X,Closed Lost,won,
            Y,won,lost,

            """
        let p = try plan(csv)
        XCTAssertEqual(
            p.rowProblems.map(\.issues),
            [
                [.statusConflict(status: "won", stage: "Closed Lost")],
                [.statusConflict(status: "lost", stage: "won")],
            ])
        let w = deal(p, "W")
        XCTAssertEqual([w.stage, w.status.rawValue], ["won", "won"])
        XCTAssertEqual(w.history.map(\.to), ["proposal", "won"])
        let l = deal(p, "L")
        XCTAssertEqual([l.stage, l.status.rawValue, l.lostReason], ["proposal", "lost", "Went silent"])
        XCTAssertNil(deal(p, "O").lostReason)
        XCTAssertEqual(deal(p, "CW").status, .won)
        XCTAssertEqual(deal(p, "CL").lostReason, "Budget")
        assertInvariants(p.board)
    }
}
