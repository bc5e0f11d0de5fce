import PipedeckCore
import XCTest

@testable import PipedeckUI

/// Activities by key: the agenda's narrowing, completing and rescheduling without leaving it;
/// the details' copy keys; the deal form's contact and currency fields.
final class ActivityKeyTests: XCTestCase {
    func agendaView(_ d: AppDriver) -> AgendaView? {
        if case .agenda(let v) = d.state.mode { return v }
        return nil
    }

    func testTheAgendaNarrowsByType() throws {
        let d = try AppDriver()
        try d.press(.char("A"), .char("t"))
        XCTAssertEqual(agendaView(d)?.type, .call)
        XCTAssertEqual(d.state.message?.text, UIText.agendaOnly(.call))
        let calls = d.state.agenda(type: .call).items
        XCTAssertFalse(calls.isEmpty)
        XCTAssertTrue(calls.allSatisfy { $0.type == .call })
        try d.press(.char("t"))
        XCTAssertEqual(agendaView(d)?.type, .meeting)
        for _ in 0..<4 { try d.press(.char("t")) }
        XCTAssertEqual(agendaView(d)?.type, nil, "after deadlines, every activity again")
        XCTAssertTrue(d.state.agenda().items.contains { $0.bucket == .nonePlanned })
    }

    func testCompletingFromTheAgendaComesBackToIt() throws {
        let d = try AppDriver()
        try d.press(.char("A"))
        let first = try XCTUnwrap(d.state.agenda().items.first)
        XCTAssertEqual(first.bucket, .overdue)
        let id = try XCTUnwrap(first.activityID)
        try d.press(.char("c"))
        guard case .activity(let f) = d.state.mode, case .followUp(let doneID, _) = f.purpose else {
            return XCTFail("c asks what came of it and what is next")
        }
        XCTAssertEqual(doneID, id)
        XCTAssertEqual(f.origin, .agenda(AgendaView()))
        try d.type("They signed the form")
        try d.press(.enter)
        XCTAssertEqual(d.state.mode, .agenda(AgendaView()), "back in the agenda")
        let done = try XCTUnwrap(d.state.board.deal(first.dealID)?.activities.first { $0.id == id })
        XCTAssertTrue(done.done)
        XCTAssertEqual(done.outcome, "They signed the form")
        XCTAssertFalse(d.state.agenda().items.contains { $0.activityID == id }, "gone from the agenda")
        XCTAssertEqual(try d.saved.deal(first.dealID)?.activities.first { $0.id == id }?.done, true)
    }

    func testReschedulingFromTheAgenda() throws {
        let d = try AppDriver()
        try d.press(.char("A"), .down)
        let item = d.state.agenda().items[1]
        let id = try XCTUnwrap(item.activityID)
        try d.press(.char("r"))
        guard case .activity(let f) = d.state.mode else { return XCTFail("r opens the activity") }
        XCTAssertEqual(f.focus, .when)
        XCTAssertEqual(f.activityID, id)
        try d.press(.ctrl("u"))
        try d.type("fri 10:30")
        try d.press(.enter)
        XCTAssertEqual(d.state.mode, .agenda(AgendaView(selection: 1)))
        let a = try XCTUnwrap(d.state.board.deal(item.dealID)?.activities.first { $0.id == id })
        XCTAssertEqual(a.due, Day.parse("2026-12-04"))
        XCTAssertEqual(a.time, TimeOfDay(hour: 10, minute: 30))
        XCTAssertEqual(a.subject, item.action, "only the date moved")
        XCTAssertEqual(d.state.message?.text, UIText.rescheduled(a.subject))
    }

    func testPlanningWithAnEmptySubjectClearsTheStepAndADateNeedsOne() throws {
        let d = try AppDriver()
        let id = try XCTUnwrap(d.selected?.id) // Website redesign: a call planned
        try d.press(.char("n"))
        guard case .activity(let f) = d.state.mode else { return XCTFail() }
        XCTAssertEqual(f.subject.text, "Call back after first contact form", "n changes the planned step")
        try d.press(.ctrl("u"), .enter)
        guard case .activity(let f2) = d.state.mode else { return XCTFail("a date without a subject is refused") }
        XCTAssertEqual(f2.errorField, .subject)
        XCTAssertEqual(f2.error, FormText.whenWithoutSubject)
        try d.press(.tab, .ctrl("u"), .enter)
        XCTAssertEqual(d.state.mode, .board)
        XCTAssertNil(d.state.board.deal(id)?.nextActivity)
        XCTAssertEqual(d.state.board.deal(id)?.activities.count, 1, "what was done stays")
        XCTAssertEqual(d.state.message?.text, UIText.noStepPlanned)
    }

    func testTheDetailsCopyThePhoneAndTheEmail() throws {
        let d = try AppDriver()
        try d.press(.enter)
        XCTAssertEqual(try d.press(.char("y")), [.copyToClipboard("+33 2 99 41 12 08")])
        XCTAssertEqual(try d.press(.char("Y")), [.copyToClipboard("elodie@boulangerie-dupre.fr")])
        XCTAssertEqual(d.state.message?.text, UIText.copied("elodie@boulangerie-dupre.fr"))
        XCTAssertEqual(d.state.mode, .detail(dealID: "d01lea", scroll: 0), "the details stay")
        try d.press(.escape, .char("j"), .char("j"), .char("j"), .enter) // Loyalty app: no phone
        XCTAssertEqual(try d.press(.char("y")), [])
        XCTAssertEqual(d.state.message?.text, UIText.noPhone)
        // Logging from the details comes back to them.
        try d.press(.char("i"), .char("e"))
        try d.type("Sent the case studies")
        try d.press(.enter)
        XCTAssertEqual(d.state.mode, .detail(dealID: "d04lea", scroll: 0))
        XCTAssertEqual(d.state.board.deal("d04lea")?.activities.last?.type, .email)
    }

    func testTheDealFormChecksPhoneEmailAndCurrency() throws {
        let d = try AppDriver()
        try d.press(.char("e"))
        func focus(_ id: DealForm.FieldID) throws {
            while case .form(let f) = d.state.mode, f.fields[f.focus].id != id { try d.press(.tab) }
            try d.press(.ctrl("u"))
        }
        try focus(.currency)
        try d.type("xyz")
        try focus(.email)
        try d.type("elodie at boulangerie")
        try focus(.phone)
        try d.type("call me")
        try d.press(.enter)
        guard case .form(let f) = d.state.mode else { return XCTFail("the form stays open") }
        XCTAssertEqual(f.field(.currency).error, Strings.badCurrency("xyz"))
        XCTAssertEqual(f.field(.email).error, Strings.badEmail("elodie at boulangerie"))
        XCTAssertEqual(f.field(.phone).error, Strings.badPhone("call me"))
        XCTAssertEqual(d.saves, 0, "nothing changed")
        try focus(.currency)
        try d.type("usd")
        try focus(.email)
        try d.type("elodie@dupre.fr")
        try focus(.phone)
        try d.type("+33 6 00 00 00 01")
        try d.press(.enter)
        XCTAssertEqual(d.state.mode, .board)
        let deal = try XCTUnwrap(d.state.board.deal("d01lea"))
        XCTAssertEqual([deal.currency, deal.email, deal.phone], ["USD", "elodie@dupre.fr", "+33 6 00 00 00 01"])
        // The board's own currency is no currency of the deal's.
        try d.press(.char("e"))
        try focus(.currency)
        try d.type("EUR")
        try d.press(.enter)
        XCTAssertNil(d.state.board.deal("d01lea")?.currency)
    }

    func testAReadOnlyBoardLogsNothing() throws {
        let d = try AppDriver()
        d.state.saveState = .readOnly
        try d.press(.char("i"))
        XCTAssertEqual(d.state.mode, .board)
        XCTAssertEqual(d.state.message?.text, UIText.readOnlyRefused)
        try d.press(.char("A"), .char("c"))
        XCTAssertEqual(d.state.message?.text, UIText.readOnlyRefused)
        XCTAssertEqual(d.saves, 0)
    }

    /// Narrowed to meetings, completing one and planning an email: back in the narrowed agenda,
    /// the status line says what was planned, and the email is on the deal.
    func testCompletingInANarrowedAgendaSaysWhatIsNext() throws {
        let d = try AppDriver()
        try d.press(.char("A"), .char("t"), .char("t"))
        let first = try XCTUnwrap(d.state.agenda(type: .meeting).items.first)
        try d.press(.char("c"))
        try d.type("Budget approved")
        try d.press(.tab, .char("e"))
        try d.type("Send the order form")
        try d.press(.tab)
        try d.type("+2")
        try d.press(.enter)
        XCTAssertEqual(d.state.mode, .agenda(AgendaView(type: .meeting)))
        XCTAssertEqual(d.state.message?.text, UIText.planned("Send the order form"))
        let next = try XCTUnwrap(d.state.board.deal(first.dealID)?.nextActivity)
        XCTAssertEqual(next.type, .email)
        XCTAssertEqual(next.due, AppDriver.today.adding(days: 2))
    }
}
