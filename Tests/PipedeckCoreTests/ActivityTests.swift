import XCTest

@testable import PipedeckCore

/// Activities in the core: reading times, durations and "when", the agenda, the timeline, the
/// activities report.
final class ActivityTests: XCTestCase {
    let today = Fixed.today // Monday 2026-11-30
    func day(_ s: String) -> Day { Day.parse(s)! }
    func t(_ h: Int, _ m: Int) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }

    func testTimesOfDayAsPeopleTypeThem() {
        let cases: [(String, TimeOfDay?)] = [
            ("14:30", t(14, 30)), ("9:05", t(9, 5)), ("09:05", t(9, 5)), ("14h30", t(14, 30)), ("9h", t(9, 0)),
            ("2pm", t(14, 0)), ("2:30 pm", t(14, 30)), ("12am", t(0, 0)), ("12pm", t(12, 0)), ("11 a.m.", t(11, 0)),
            ("24:00", nil), ("9", nil), ("14:3", nil), ("13pm", nil), ("9h5", nil), ("", nil), ("noon", nil),
        ]
        for (text, expected) in cases { XCTAssertEqual(TimeParser.time(text), expected, text) }
        XCTAssertEqual(TimeOfDay.parse("07:45"), t(7, 45))
        XCTAssertNil(TimeOfDay.parse("7:45"), "the file's form is strict")
        XCTAssertEqual(t(7, 5).description, "07:05")
    }

    func testWhenIsADayAndMaybeATime() throws {
        func when(_ s: String) -> String? {
            guard case .success(let (d, time)) = TimeParser.when(s, today: today) else { return nil }
            return d.description + (time.map { " " + $0.description } ?? "")
        }
        XCTAssertEqual(when("tomorrow 14:30"), "2026-12-01 14:30")
        XCTAssertEqual(when("+3"), "2026-12-03")
        XCTAssertEqual(when("fri 9h"), "2026-12-04 09:00")
        XCTAssertEqual(when("friday at 2 pm"), "2026-12-04 14:00")
        XCTAssertEqual(when("2026-12-24 10:00"), "2026-12-24 10:00")
        XCTAssertEqual(when("16:00"), "2026-11-30 16:00", "a time alone is today")
        XCTAssertEqual(when("mon"), "2026-12-07", "a weekday is the next one")
        XCTAssertNil(when("tomorrow 25:00"))
        XCTAssertNil(when("someday"))
        XCTAssertNil(when("fri 9"))
        if case .success(let (d, _)) = TimeParser.when("demain 14h", today: today, language: .french) {
            XCTAssertEqual(d, day("2026-12-01"))
        } else {
            XCTFail("French days read too")
        }
    }

    func testDurations() {
        let cases: [(String, Int?)] = [
            ("30", 30), ("30m", 30), ("45 min", 45), ("1h", 60), ("1h30", 90), ("1:30", 90), ("2 h", 120),
            ("90 minutes", 90), ("24h", 1440), ("24h01", nil), ("0", nil), ("1h60", nil), ("half an hour", nil),
        ]
        for (text, expected) in cases { XCTAssertEqual(TimeParser.duration(text), expected, text) }
        XCTAssertEqual(TimeParser.durationInput(90), "1h30")
        XCTAssertEqual(TimeParser.duration(TimeParser.durationInput(65)), 65)
        XCTAssertEqual(Strings.duration(90), "1 h 30")
    }

    func testTypesByNameLetterAndTheCRMsWords() {
        XCTAssertEqual(ActivityType.named("Call"), .call)
        XCTAssertEqual(ActivityType.named("m"), .meeting)
        XCTAssertEqual(ActivityType.named("Phone call"), .call)
        XCTAssertEqual(ActivityType.named("Email"), .email)
        XCTAssertEqual(ActivityType.named("Lunch"), .meeting)
        XCTAssertEqual(ActivityType.named("To-do"), .task)
        XCTAssertNil(ActivityType.named("Haircut"))
        XCTAssertEqual(ActivityType.allCases.map(\.letter), ["c", "m", "e", "t", "d"])
    }

    func planned(_ id: String, _ type: ActivityType, _ due: String?, _ time: TimeOfDay? = nil) -> Activity {
        Activity(
            id: id, type: type, subject: "S " + id, due: due.map(day), time: time, createdAt: Fixed.now)
    }

    func testTheAgendaListsEveryPlannedActivityAndNarrowsByType() {
        var b = Template.standard.board(name: "A", currency: "EUR")
        var one = Deal(id: "one", title: "One", value: .zero, stage: "lead", createdAt: Fixed.now)
        one.activities = [
            planned("late", .call, "2026-11-27"), planned("pm", .meeting, "2026-11-30", t(15, 0)),
            planned("am", .call, "2026-11-30", t(9, 30)), planned("allday", .deadline, "2026-11-30"),
            Activity(id: "done", type: .call, subject: "Done", done: true, createdAt: Fixed.now),
        ]
        var two = Deal(id: "two", title: "Two", value: .zero, stage: "lead", createdAt: Fixed.now)
        two.activities = [planned("later", .email, "2026-12-15")]
        let idle = Deal(id: "idle", title: "Idle", value: .zero, stage: "lead", createdAt: Fixed.now)
        var won = Deal(id: "won", title: "Won", value: .zero, stage: "won", createdAt: Fixed.now, status: .won)
        won.activities = [planned("after", .call, "2026-12-01")]
        b.deals = [one, two, idle, won]
        let a = Agenda(board: b, deals: b.deals, today: today)
        XCTAssertEqual(
            a.items.map { $0.activityID ?? $0.dealID }, ["late", "allday", "am", "pm", "later", "idle"],
            "by day, a day's untimed ones first, then by time; done ones and closed deals left out")
        XCTAssertEqual(a.items.map(\.bucket), [.overdue, .today, .today, .today, .later, .nonePlanned])
        XCTAssertEqual(a.items[2].time, t(9, 30))
        XCTAssertEqual(a.items[2].type, .call)
        let calls = Agenda(board: b, deals: b.deals, today: today, type: .call)
        XCTAssertEqual(calls.items.map(\.activityID), ["late", "am"], "only calls, and no deal with nothing planned")
        XCTAssertTrue(b.isOverdue(one, today: today))
        for type in [nil] + ActivityType.allCases {
            XCTAssertEqual(
                Agenda.count(deals: b.deals, type: type),
                Agenda(board: b, deals: b.deals, today: today, type: type).items.count)
        }
        let demo = Fixed.demo
        XCTAssertEqual(
            Agenda.count(deals: demo.deals), Agenda(board: demo, deals: demo.deals, today: today).items.count)
    }

    func testTheTimelineIsNewestFirst() {
        let zone = TimeZone(identifier: "Europe/Paris")!
        var d = Deal(
            id: "d", title: "D", value: .zero, stage: "lead", createdAt: Timestamp.parse("2026-11-01T08:00:00Z")!)
        d.history.append(
            HistoryEntry(at: Timestamp.parse("2026-11-10T09:00:00Z")!, from: "lead", to: "proposal"))
        d.activities = [
            Activity(
                id: "call", type: .call, subject: "Call", done: true, doneAt: Timestamp.parse("2026-11-10T23:30:00Z")!,
                createdAt: Fixed.now),
            planned("next", .meeting, "2026-12-02", t(10, 0)),
            planned("someday", .task, nil),
            Activity(
                id: "old", type: .task, subject: "Done long ago", due: day("2026-11-05"), done: true,
                createdAt: Fixed.now),
        ]
        let lines = d.timeline(in: zone).map { e -> String in
            switch e.event {
            case .activity(let a): return a.id + " " + (e.day?.description ?? "-") + " " + (e.time?.description ?? "-")
            case .history(let h): return (h.from ?? "new") + " " + (e.day?.description ?? "-")
            }
        }
        XCTAssertEqual(
            lines,
            [
                "someday - -", "next 2026-12-02 10:00", "call 2026-11-11 00:30", "lead 2026-11-10",
                "old 2026-11-05 -", "new 2026-11-01",
            ], "on the user's clock: a call at 23:30 UTC was on the 11th in Paris")
    }

    func testTheActivitiesReport() {
        var b = Template.standard.board(name: "R", currency: "EUR")
        func done(_ id: String, _ type: ActivityType, _ at: String, owner: String? = nil) -> Activity {
            Activity(
                id: id, type: type, subject: id, done: true, doneAt: Timestamp.parse(at + "T10:00:00Z")!, owner: owner,
                createdAt: Fixed.now)
        }
        var a = Deal(id: "a", title: "A", value: .zero, stage: "lead", createdAt: Fixed.now, owner: "Ana")
        a.activities = [
            done("a1", .call, "2026-11-30"), done("a2", .call, "2026-11-24"), done("a3", .email, "2026-11-23"),
            done("a4", .meeting, "2026-11-25", owner: "Bob"), done("old", .call, "2026-09-01"),
            Activity(id: "undated", type: .task, subject: "x", done: true, createdAt: Fixed.now),
        ]
        var c = Deal(id: "c", title: "C", value: .zero, stage: "proposal", createdAt: Fixed.now, owner: "bob")
        c.activities = [done("c1", .task, "2026-11-30"), planned("c2", .call, "2026-12-01")]
        let idle = Deal(id: "i", title: "Idle", value: .zero, stage: "proposal", createdAt: Fixed.now)
        let lost = Deal(id: "l", title: "Lost", value: .zero, stage: "proposal", createdAt: Fixed.now, status: .lost)
        b.deals = [a, c, idle, lost]
        let r = ActivitiesReport(board: b, deals: b.deals, today: today, weeks: 2)
        XCTAssertEqual(r.mondays, [day("2026-11-23"), day("2026-11-30")])
        func row(_ week: String, _ owner: String?) -> [Int]? {
            r.rows.first { $0.week == day(week) && $0.owner == owner }?.counts
        }
        // call, meeting, email, task, deadline
        XCTAssertEqual(row("2026-11-23", "Ana"), [1, 0, 1, 0, 0])
        XCTAssertEqual(row("2026-11-23", "Bob"), [0, 1, 0, 0, 0], "the activity's owner first")
        XCTAssertEqual(row("2026-11-30", "Ana"), [1, 0, 0, 0, 0])
        XCTAssertEqual(row("2026-11-30", "bob"), [0, 0, 0, 1, 0])
        XCTAssertEqual(r.rows.count, 4)
        XCTAssertEqual(r.totals.counts, [2, 1, 1, 1, 0])
        XCTAssertEqual(r.undated, 1)
        // Open deals with nothing planned, per open stage.
        let lead = r.stages.first { $0.stage.id == "lead" }!
        XCTAssertEqual(lead.open, 1)
        XCTAssertEqual(lead.idle.map(\.id), ["a"])
        XCTAssertEqual(lead.idle.first?.lastDone, day("2026-11-30"))
        let proposal = r.stages.first { $0.stage.id == "proposal" }!
        XCTAssertEqual(proposal.open, 2, "the lost deal is not open")
        XCTAssertEqual(proposal.idle.map(\.id), ["i"])
        XCTAssertNil(proposal.idle.first?.lastDone)
        XCTAssertFalse(r.stages.contains { $0.stage.kind == .won })
        XCTAssertEqual([r.openDeals, r.idleDeals], [3, 2])
    }
}
