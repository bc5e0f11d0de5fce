import PipedeckCore
import PipedeckStorage
import XCTest

@testable import PipedeckUI

final class WorkingPipelineTests: XCTestCase {
    func ids(_ d: AppDriver, column c: Int) -> [String] { d.state.columns[c].map { d.state.board.deals[$0].id } }

    func testSearchFiltersAsYouTypeAndFooterFollows() throws {
        let d = try AppDriver()
        try d.press(.char("/"))
        try d.type("cafe")
        XCTAssertEqual(d.state.filter.text, "cafe")
        XCTAssertEqual(d.state.shownCount, 1, "accents are ignored: “cafe” finds Café des Arts")
        XCTAssertEqual(ids(d, column: 0), ["d04lea"])
        XCTAssertEqual(d.state.summary.open.count, 1)
        XCTAssertEqual(d.state.summary.open.total["EUR"], Money(units: 7200))
        try d.press(.enter)
        XCTAssertEqual(d.state.mode, .board)
        XCTAssertTrue(d.state.filter.isActive, "Enter keeps the search")
        try d.press(.escape)
        XCTAssertFalse(d.state.filter.isActive, "Esc on the board clears it")
        XCTAssertEqual(d.state.shownCount, 25)
        // Esc inside the search clears it too; notes and tags are searched.
        try d.press(.char("/"))
        try d.type("referral at the 3-month")
        XCTAssertEqual(d.state.shownCount, 1)
        try d.press(.escape)
        XCTAssertEqual(d.state.shownCount, 25)
        try d.press(.char("/"))
        try d.type("enterprise")
        XCTAssertEqual(
            Set(
                d.state.board.deals.filter { d.state.filter.matches($0, board: d.state.board, today: AppDriver.today) }
                    .map(\.id)),
            ["d08nee", "d15neg"])
        XCTAssertEqual(d.saves, 0, "searching never writes the file")
    }

    func testFilterMenuByOwnerOverdueAndScore() throws {
        let d = try AppDriver()
        try d.press(.char("f"))
        XCTAssertEqual(d.state.mode, .filterMenu(row: 0))
        try d.press(.right) // the most frequent owner first
        let owner = try XCTUnwrap(d.state.filter.owner)
        XCTAssertTrue(d.state.board.deals.filter { $0.owner == owner }.count >= 8)
        XCTAssertEqual(d.state.shownCount, d.state.board.deals.filter { $0.owner == owner }.count)
        try d.press(.down, .down, .down, .char(" ")) // overdue only
        XCTAssertTrue(d.state.filter.overdueOnly)
        let expected = d.state.board.deals.filter {
            $0.owner == owner && d.state.board.isOverdue($0, today: AppDriver.today)
        }
        XCTAssertEqual(d.state.shownCount, expected.count)
        XCTAssertGreaterThan(expected.count, 0)
        try d.press(.down, .down, .down, .enter) // "clear all"
        XCTAssertFalse(d.state.filter.isActive)
        try d.press(.char("f"))
        for _ in 0..<5 { try d.press(.down) }
        XCTAssertEqual(d.state.mode, .filterMenu(row: FilterRow.score.rawValue))
        try d.press(.right, .right, .right, .right) // score ≥ 4
        XCTAssertEqual(d.state.filter.minScore, 4)
        XCTAssertEqual(d.state.shownCount, d.state.board.deals.filter { $0.qualification?.score == 4 }.count)
        try d.press(.escape)
        XCTAssertEqual(d.state.mode, .board)
        XCTAssertTrue(d.state.filter.isActive)
    }

    func testSortCyclesAndKeepsManualRanks() throws {
        let d = try AppDriver()
        let ranksBefore = d.state.board.deals.map(\.rank)
        try d.press(.char("s"))
        XCTAssertEqual(d.state.sort, .value)
        XCTAssertEqual(ids(d, column: 0), ["d03lea", "d02lea", "d04lea", "d01lea", "d25lea"], "biggest value first")
        try d.press(.char("J"))
        XCTAssertEqual(d.state.message?.text, UIText.reorderNeedsManual, "no manual reorder in another order")
        for _ in 0..<9 { try d.press(.char("s")) }
        XCTAssertEqual(d.state.sort, .rank)
        XCTAssertEqual(ids(d, column: 0), ["d01lea", "d02lea", "d03lea", "d04lea", "d25lea"])
        XCTAssertEqual(d.state.board.deals.map(\.rank), ranksBefore)
        XCTAssertEqual(d.saves, 0)
    }

    func testNextActionSetCompleteAndFollowUp() throws {
        let d = try AppDriver()
        try d.press(.char("j")) // Fleet telematics pilot: no next step
        XCTAssertEqual(d.selected?.id, "d02lea")
        try d.press(.char("n"))
        try d.press(.char("c")) // the type: a call, then the subject
        try d.type("Call Marc")
        try d.press(.tab)
        try d.type("+3 14:30")
        try d.press(.enter)
        let planned = try XCTUnwrap(d.state.board.deal("d02lea")?.nextActivity)
        XCTAssertEqual(planned.type, .call)
        XCTAssertEqual(planned.subject, "Call Marc")
        XCTAssertEqual(planned.due, AppDriver.today.adding(days: 3))
        XCTAssertEqual(planned.time, TimeOfDay(hour: 14, minute: 30))
        XCTAssertEqual(try d.saved.deal("d02lea")?.nextActivity?.subject, "Call Marc")
        // Done → asks what came of it and the following one; the done one stays.
        try d.press(.char("c"))
        XCTAssertEqual(d.state.board.deal("d02lea")?.activities.first { $0.id == planned.id }?.done, true)
        guard case .activity(let f) = d.state.mode, case .followUp(let doneID, _) = f.purpose else {
            return XCTFail("c asks for the next step")
        }
        XCTAssertEqual(doneID, planned.id)
        XCTAssertEqual(f.focus, .outcome)
        try d.type("Interested in a pilot")
        try d.press(.tab, .char("e")) // outcome, then an email
        try d.type("Send proposal")
        try d.press(.tab)
        try d.type("nonsense")
        try d.press(.enter)
        guard case .activity(let f2) = d.state.mode else { return XCTFail("a bad date keeps the dialog open") }
        XCTAssertEqual(f2.error, FormText.badWhen)
        XCTAssertEqual(f2.focus, .when)
        try d.press(.ctrl("u"))
        try d.type("2026-12-24")
        try d.press(.enter)
        XCTAssertEqual(d.state.mode, .board)
        let deal = try XCTUnwrap(d.state.board.deal("d02lea"))
        XCTAssertEqual(deal.nextActivity?.subject, "Send proposal")
        XCTAssertEqual(deal.nextActivity?.type, .email)
        XCTAssertEqual(deal.nextActivity?.due, Day.parse("2026-12-24"))
        let done = try XCTUnwrap(deal.activities.first { $0.id == planned.id })
        XCTAssertEqual(done.outcome, "Interested in a pilot")
        XCTAssertTrue(done.done)
        XCTAssertEqual(try d.saved.deal("d02lea")?.activities.count, 2, "both in the file: the history is kept")
        // Undo: the new step, the outcome, then done undone.
        try d.press(.char("u"), .char("u"))
        XCTAssertEqual(d.state.board.deal("d02lea")?.activities.map(\.done), [true])
        try d.press(.char("u"))
        XCTAssertEqual(d.state.board.deal("d02lea")?.nextActivity, planned)
    }

    func testLoggingACallInAFewKeys() throws {
        let d = try AppDriver()
        try d.press(.char("j"))
        let before = try XCTUnwrap(d.selected)
        try d.press(.char("i"))
        guard case .activity(let f) = d.state.mode else { return XCTFail("i opens the log dialog") }
        XCTAssertEqual(f.fields, [.type, .subject, .outcome])
        try d.press(.char("m")) // a meeting
        try d.type("Met the fleet manager")
        try d.press(.tab)
        try d.type("Wants a 3-truck pilot")
        try d.press(.enter)
        XCTAssertEqual(d.state.mode, .board)
        XCTAssertEqual(d.state.message?.text, UIText.logged(.meeting, "Met the fleet manager"))
        let logged = try XCTUnwrap(d.state.board.deal(before.id)?.activities.last)
        XCTAssertEqual(logged.type, .meeting)
        XCTAssertEqual(logged.subject, "Met the fleet manager")
        XCTAssertEqual(logged.outcome, "Wants a 3-truck pilot")
        XCTAssertTrue(logged.done)
        XCTAssertEqual(logged.doneAt, d.state.now, "recorded as done now")
        XCTAssertEqual(logged.owner, before.owner)
        XCTAssertEqual(d.state.board.deal(before.id)?.updatedAt, d.state.now, "the deal is fresh again")
        XCTAssertEqual(try d.saved.deal(before.id)?.activities.last, logged)
        XCTAssertNil(d.state.board.deal(before.id)?.nextActivity, "logging plans nothing")
        // A quick call without a subject is called what it is.
        try d.press(.char("i"), .char("c"), .enter)
        XCTAssertEqual(d.state.board.deal(before.id)?.activities.last?.subject, Strings.activityTitle(.call))
        // Esc logs nothing.
        let count = d.state.board.deal(before.id)?.activities.count
        try d.press(.char("i"), .char("e"))
        try d.type("Sent the brochure")
        try d.press(.escape)
        XCTAssertEqual(d.state.board.deal(before.id)?.activities.count, count)
    }

    func testAgendaBucketsAndJump() throws {
        let d = try AppDriver()
        try d.press(.char("A"))
        let agenda = d.state.agenda()
        XCTAssertEqual(agenda.items.first?.bucket, .overdue)
        XCTAssertEqual(agenda.items(in: .overdue).map(\.dealID), ["d09nee", "d19clo", "d12pro", "d04lea", "d15neg"])
        XCTAssertEqual(agenda.items(in: .today).count, 2)
        XCTAssertEqual(agenda.items.last?.bucket, .nonePlanned)
        XCTAssertFalse(agenda.items.contains { $0.dealID == "d20won" }, "only open deals")
        try d.press(.down, .enter)
        XCTAssertEqual(d.state.mode, .board)
        XCTAssertEqual(d.selected?.id, "d19clo", "Enter jumps to the deal on the board")
        XCTAssertEqual(d.state.focusedStageID, "closing")
    }

    func testStagesScreenAddEditReorderDelete() throws {
        let d = try AppDriver()
        try d.press(.char("S"))
        XCTAssertEqual(d.state.mode, .stages(selection: 0))
        try d.press(.char("a"))
        try d.type("Démo technique")
        try d.press(.tab, .ctrl("u"))
        try d.type("70")
        try d.press(.enter)
        let added = try XCTUnwrap(d.state.board.stage("demo-technique"))
        XCTAssertEqual(added.probability, Percent(70))
        XCTAssertEqual(d.state.board.stageIndex("demo-technique"), 6, "inserted before the won stage")
        XCTAssertEqual(try d.saved.stage("demo-technique")?.name, "Démo technique")
        XCTAssertEqual(d.state.columns.count, 8, "the board has a new column")
        // Probability and rot days with + and ].
        try d.press(.char("+"), .char("]"), .char("]"))
        XCTAssertEqual(d.state.board.stage("demo-technique")?.probability, Percent(75))
        XCTAssertEqual(d.state.board.stage("demo-technique")?.rotDays, 16)
        // Move it left, then delete it (empty: no question).
        try d.press(.char("K"))
        XCTAssertEqual(d.state.board.stageIndex("demo-technique"), 5)
        try d.press(.char("d"))
        XCTAssertNil(d.state.board.stage("demo-technique"))
        // Deleting a stage with deals asks where they go.
        try d.press(.char("g"))
        try d.press(.up, .up, .up, .up, .up, .up, .up) // first stage
        try d.press(.char("d"))
        guard case .stageDelete(let sid, _) = d.state.mode else { return XCTFail("asks where the deals go") }
        XCTAssertEqual(sid, "lead")
        try d.press(.enter) // the first other stage: Qualification
        XCTAssertNil(d.state.board.stage("lead"))
        XCTAssertEqual(d.state.board.deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(try d.saved.deal("d01lea")?.stage, "qualification")
        try d.press(.char("u"))
        XCTAssertNotNil(d.state.board.stage("lead"))
        XCTAssertEqual(d.state.board.deal("d01lea")?.stage, "lead")
        // A bad probability keeps the form open.
        try d.press(.char("e"), .tab, .ctrl("u"))
        try d.type("150")
        try d.press(.enter)
        guard case .stageForm(let form) = d.state.mode else { return XCTFail("form stays open") }
        XCTAssertEqual(form.error, Strings.probabilityRange)
        try d.press(.escape, .escape)
        XCTAssertEqual(d.state.mode, .board)
    }

    func testQualificationTogglesInDetailView() throws {
        let d = try AppDriver()
        try d.press(.enter, .char("1"), .char("3"))
        XCTAssertEqual(d.state.board.deal("d01lea")?.qualification?.score, 2)
        XCTAssertEqual(d.state.board.deal("d01lea")?.qualification?.budget, true)
        XCTAssertEqual(d.state.board.deal("d01lea")?.qualification?.need, true)
        guard case .detail = d.state.mode else { return XCTFail("stays in the detail view") }
        XCTAssertEqual(try d.saved.deal("d01lea")?.qualification?.score, 2)
        try d.press(.char("1"))
        XCTAssertEqual(d.state.board.deal("d01lea")?.qualification?.score, 1)
    }

    func testNotesEditedOutsideAreSaved() throws {
        let d = try AppDriver()
        let fx = try d.press(.char("N"))
        XCTAssertEqual(fx, [.editNotes(dealID: "d01lea")])
        let save = d.state.setNotes(dealID: "d01lea", "Met at the bakery fair.\nWants a quote in January.\n")
        XCTAssertEqual(save, [.save])
        XCTAssertEqual(d.state.board.deal("d01lea")?.notes, "Met at the bakery fair.\nWants a quote in January.")
        XCTAssertEqual(
            d.state.setNotes(dealID: "d01lea", "Met at the bakery fair.\nWants a quote in January."), [], "unchanged")
        try d.press(.char("u"))
        XCTAssertNil(d.state.board.deal("d01lea")?.notes)
    }
}

final class ReportsScreenTests: XCTestCase {
    func testReportsTabsAndNPSFromTheDetailView() throws {
        let d = try AppDriver()
        try d.press(.char("r"))
        XCTAssertEqual(d.state.mode, .reports(tab: 0, scroll: 0))
        try d.press(.tab, .tab)
        XCTAssertEqual(d.state.mode, .reports(tab: 2, scroll: 0))
        try d.press(.char("7"))
        XCTAssertEqual(d.state.mode, .reports(tab: 6, scroll: 0))
        try d.press(.backTab)
        XCTAssertEqual(d.state.mode, .reports(tab: 5, scroll: 0))
        try d.press(.escape)
        XCTAssertEqual(d.state.mode, .board)
        // NPS: only for won deals, 0–10.
        try d.press(.enter, .char("p"))
        XCTAssertEqual(d.state.message?.text, UIText.npsOnlyWon)
        try d.press(.escape)
        for _ in 0..<6 { try d.press(.right) } // the won column
        let won = try XCTUnwrap(d.selected)
        XCTAssertEqual(won.status, .won)
        try d.press(.enter, .char("p"))
        try d.type("11")
        try d.press(.enter)
        guard case .npsPrompt(_, _, let error) = d.state.mode else { return XCTFail("11 is refused") }
        XCTAssertEqual(error, UIText.npsRange)
        try d.press(.backspace, .backspace)
        try d.type("9")
        try d.press(.enter)
        XCTAssertEqual(d.state.board.deal(won.id)?.npsScore, 9)
        XCTAssertEqual(try d.saved.deal(won.id)?.npsScore, 9, "the answer is saved in the file")
        XCTAssertEqual(NPSReport(board: d.state.board, deals: d.state.board.deals).promoters.map(\.id), [won.id])
        try d.press(.escape, .char("u"))
        XCTAssertNil(d.state.board.deal(won.id)?.npsScore)
    }
}
