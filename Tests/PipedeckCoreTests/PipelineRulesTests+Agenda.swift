import XCTest

@testable import PipedeckCore

/// The agenda: which next actions fall in which bucket, around week, month and year ends.
extension PipelineRulesTests {
    // MARK: agenda

    /// A board of open deals each with one next action (nil: no action).
    func agendaBoard(_ items: [(id: String, due: Day?, done: Bool, hasAction: Bool)]) -> Board {
        rulesBoard(
            deals: items.enumerated().map { n, x in
                deal(x.id, rank: n, next: x.hasAction ? step("do \(x.id)", due: x.due, done: x.done) : nil)
            })
    }

    func buckets(_ a: Agenda) -> [String: Agenda.Bucket] {
        Dictionary(uniqueKeysWithValues: a.items.map { ($0.dealID, $0.bucket) })
    }

    func testWeekdayPreconditions() {
        // The dates the agenda tests rely on (0 = Monday … 6 = Sunday).
        XCTAssertEqual(day("2026-11-30").weekday, 0)
        XCTAssertEqual(day("2026-01-30").weekday, 4)
        XCTAssertEqual(day("2026-02-01").weekday, 6)
        XCTAssertEqual(day("2026-12-31").weekday, 3)
        XCTAssertEqual(day("2027-01-03").weekday, 6)
        XCTAssertEqual(day("2028-02-29").weekday, 1)
        XCTAssertEqual(day("2028-03-05").weekday, 6)
    }

    func testAgendaBucketsOnAMonday() {
        let today = day("2026-11-30") // Monday
        let b = agendaBoard([
            ("late", day("2026-11-29"), false, true),
            ("today", today, false, true),
            ("tue", day("2026-12-01"), false, true),
            ("sun", day("2026-12-06"), false, true),
            ("nextMon", day("2026-12-07"), false, true),
            ("undated", nil, false, true),
            ("done", day("2026-12-01"), true, true),
            ("none", nil, false, false),
        ])
        let a = Agenda(board: b, deals: b.deals, today: today)
        XCTAssertEqual(a.today, today)
        XCTAssertEqual(
            buckets(a),
            [
                "late": .overdue, "today": .today, "tue": .thisWeek, "sun": .thisWeek,
                "nextMon": .later, "undated": .later, "done": .nonePlanned, "none": .nonePlanned,
            ])
        XCTAssertEqual(a.items.map(\.dealID), ["late", "today", "tue", "sun", "nextMon", "undated", "done", "none"])
        XCTAssertEqual(a.items(in: .thisWeek).map(\.dealID), ["tue", "sun"])
        XCTAssertEqual(a.items(in: .nonePlanned).map(\.dealID), ["done", "none"])
    }

    func testAgendaItemFields() throws {
        var d = deal(
            "abc123", title: "Big renewal", stage: "slow",
            next: step("Send the quote", due: day("2026-11-27")))
        d.company = "Acme"; d.owner = "Ana"
        var e = deal(
            "def456", title: "Quiet one", next: step("Old step", due: day("2026-11-01"), done: true))
        e.company = nil; e.owner = nil
        let f = deal("ghi789", title: "Soon", next: step("Call back", due: day("2026-12-03")))
        let b = rulesBoard(deals: [d, e, f])
        let a = Agenda(board: b, deals: b.deals, today: day("2026-11-30"))
        let late = try XCTUnwrap(a.items.first { $0.dealID == "abc123" })
        XCTAssertEqual(
            late,
            Agenda.Item(
                dealID: "abc123", title: "Big renewal", company: "Acme", owner: "Ana", stage: "slow",
                activityID: "step0001", type: .task, action: "Send the quote", due: day("2026-11-27"), bucket: .overdue,
                days: -3))
        let quiet = try XCTUnwrap(a.items.first { $0.dealID == "def456" })
        XCTAssertEqual(quiet.bucket, .nonePlanned)
        XCTAssertNil(quiet.action, "a done action is not shown as planned")
        XCTAssertNil(quiet.due)
        XCTAssertNil(quiet.days)
        let soon = try XCTUnwrap(a.items.first { $0.dealID == "ghi789" })
        XCTAssertEqual(soon.bucket, .thisWeek)
        XCTAssertEqual(soon.days, 3)
    }

    func testAgendaOnlyListsOpenDeals() {
        let due = step("Call", due: day("2026-11-30"))
        let b = rulesBoard(deals: [
            deal("open", next: due),
            deal("won", stage: "won", status: .won, next: due),
            deal("lost", status: .lost, next: due),
            deal("lostNone", status: .lost),
            deal("openNone", rank: 1),
        ])
        let a = Agenda(board: b, deals: b.deals, today: day("2026-11-30"))
        XCTAssertEqual(a.items.map(\.dealID), ["open", "openNone"])
        XCTAssertEqual(buckets(a), ["open": .today, "openNone": .nonePlanned])
    }

    func testAgendaListsOnlyTheGivenDeals() {
        let b = agendaBoard([("a", day("2026-11-30"), false, true), ("b", day("2026-11-30"), false, true)])
        let a = Agenda(board: b, deals: b.deals.filter { $0.id == "b" }, today: day("2026-11-30"))
        XCTAssertEqual(a.items.map(\.dealID), ["b"])
        XCTAssertTrue(Agenda(board: b, deals: [], today: day("2026-11-30")).items.isEmpty)
    }

    func testAgendaOnASundayThisWeekIsEmpty() {
        let sunday = day("2026-12-06")
        XCTAssertEqual(sunday.weekday, 6)
        let b = agendaBoard([
            ("sat", day("2026-12-05"), false, true),
            ("sun", sunday, false, true),
            ("mon", day("2026-12-07"), false, true),
            ("nextSun", day("2026-12-13"), false, true),
        ])
        let a = Agenda(board: b, deals: b.deals, today: sunday)
        XCTAssertEqual(buckets(a), ["sat": .overdue, "sun": .today, "mon": .later, "nextSun": .later])
        XCTAssertTrue(a.items(in: .thisWeek).isEmpty, "on a Sunday the rest of the week is empty")
    }

    func testAgendaOnASaturdayThisWeekIsOnlySunday() {
        let saturday = day("2026-12-05")
        let b = agendaBoard([
            ("sun", day("2026-12-06"), false, true),
            ("mon", day("2026-12-07"), false, true),
        ])
        let a = Agenda(board: b, deals: b.deals, today: saturday)
        XCTAssertEqual(buckets(a), ["sun": .thisWeek, "mon": .later])
    }

    func testAgendaAcrossMidnight() {
        // The same action, seen on the evening and on the morning after (days from UTC instants).
        let utc = TimeZone(identifier: "UTC")!
        let evening = Day.today(at: ts("2026-12-02T23:59:59Z"), in: utc)
        let morning = Day.today(at: ts("2026-12-03T00:00:00Z"), in: utc)
        XCTAssertEqual(morning, evening.adding(days: 1))
        let b = agendaBoard([
            ("wed", day("2026-12-02"), false, true),
            ("thu", day("2026-12-03"), false, true),
        ])
        let before = Agenda(board: b, deals: b.deals, today: evening)
        XCTAssertEqual(buckets(before), ["wed": .today, "thu": .thisWeek])
        let after = Agenda(board: b, deals: b.deals, today: morning)
        XCTAssertEqual(buckets(after), ["wed": .overdue, "thu": .today])
        XCTAssertEqual(after.items.first { $0.dealID == "wed" }?.days, -1)
        // Sunday night → Monday morning: next week becomes this week.
        let sundayNight = Day.today(at: ts("2026-12-06T23:59:59Z"), in: utc)
        let mondayMorning = Day.today(at: ts("2026-12-07T00:00:00Z"), in: utc)
        let c = agendaBoard([("fri", day("2026-12-11"), false, true)])
        XCTAssertEqual(buckets(Agenda(board: c, deals: c.deals, today: sundayNight)), ["fri": .later])
        XCTAssertEqual(buckets(Agenda(board: c, deals: c.deals, today: mondayMorning)), ["fri": .thisWeek])
    }

    func testAgendaAcrossAMonthEnd() {
        let friday = day("2026-01-30")
        let b = agendaBoard([
            ("sat", day("2026-01-31"), false, true),
            ("sun", day("2026-02-01"), false, true),
            ("mon", day("2026-02-02"), false, true),
            ("thu", day("2026-01-29"), false, true),
        ])
        let a = Agenda(board: b, deals: b.deals, today: friday)
        XCTAssertEqual(buckets(a), ["sat": .thisWeek, "sun": .thisWeek, "mon": .later, "thu": .overdue])
        XCTAssertEqual(a.items.map(\.dealID), ["thu", "sat", "sun", "mon"])
        XCTAssertEqual(a.items.map(\.days), [-1, 1, 2, 3])
    }

    func testAgendaAcrossAYearEnd() {
        let today = day("2026-12-31") // Thursday
        let b = agendaBoard([
            ("eve", day("2026-12-31"), false, true),
            ("jan1", day("2027-01-01"), false, true),
            ("jan3", day("2027-01-03"), false, true),
            ("jan4", day("2027-01-04"), false, true),
            ("dec30", day("2026-12-30"), false, true),
        ])
        let a = Agenda(board: b, deals: b.deals, today: today)
        XCTAssertEqual(
            buckets(a), ["eve": .today, "jan1": .thisWeek, "jan3": .thisWeek, "jan4": .later, "dec30": .overdue])
        XCTAssertEqual(a.items.map(\.dealID), ["dec30", "eve", "jan1", "jan3", "jan4"])
        // The next morning, in the new year.
        let c = Agenda(board: b, deals: b.deals, today: day("2027-01-01"))
        XCTAssertEqual(
            buckets(c), ["eve": .overdue, "jan1": .today, "jan3": .thisWeek, "jan4": .later, "dec30": .overdue])
    }

    func testAgendaAroundALeapDay() {
        let b = agendaBoard([
            ("feb28", day("2028-02-28"), false, true),
            ("leap", day("2028-02-29"), false, true),
            ("mar1", day("2028-03-01"), false, true),
            ("sun", day("2028-03-05"), false, true),
            ("mon", day("2028-03-06"), false, true),
        ])
        let onLeap = Agenda(board: b, deals: b.deals, today: day("2028-02-29")) // Tuesday
        XCTAssertEqual(
            buckets(onLeap), ["feb28": .overdue, "leap": .today, "mar1": .thisWeek, "sun": .thisWeek, "mon": .later])
        XCTAssertEqual(onLeap.items.first { $0.dealID == "sun" }?.days, 5)
        let before = Agenda(board: b, deals: b.deals, today: day("2028-02-28")) // Monday
        XCTAssertEqual(
            buckets(before), ["feb28": .today, "leap": .thisWeek, "mar1": .thisWeek, "sun": .thisWeek, "mon": .later])
        // The Sunday before the leap day: the whole leap week is later.
        let sunday = Agenda(board: b, deals: b.deals, today: day("2028-02-27"))
        XCTAssertEqual(
            buckets(sunday), ["feb28": .later, "leap": .later, "mar1": .later, "sun": .later, "mon": .later])
    }

    func testAgendaOrderIsBucketThenDueThenTitle() {
        let today = day("2026-11-30")
        func d(_ id: String, _ title: String, _ due: Day?, done: Bool = false, action: Bool = true, rank: Int) -> Deal {
            deal(id, title: title, rank: rank, next: action ? step("x", due: due, done: done) : nil)
        }
        let b = rulesBoard(deals: [
            d("n2", "Zulu", nil, action: false, rank: 0),
            d("n1", "Alpha", nil, done: true, rank: 1),
            d("l3", "Alpha", nil, rank: 2), // later, undated
            d("l2", "Mike", day("2026-12-20"), rank: 3),
            d("l1", "Zulu", day("2026-12-08"), rank: 4),
            d("w2", "Bravo", day("2026-12-03"), rank: 5),
            d("w1", "Charlie", day("2026-12-02"), rank: 6),
            d("w3", "Alpha", day("2026-12-03"), rank: 7),
            d("t2", "Yankee", today, rank: 8),
            d("t1", "Echo", today, rank: 9),
            d("o2", "Alpha", day("2026-11-29"), rank: 10),
            d("o1", "Zulu", day("2026-10-01"), rank: 11),
            d("o3", "Bravo", day("2026-11-29"), rank: 12),
        ])
        let a = Agenda(board: b, deals: b.deals, today: today)
        XCTAssertEqual(
            a.items.map(\.dealID),
            ["o1", "o2", "o3", "t1", "t2", "w1", "w3", "w2", "l1", "l2", "l3", "n1", "n2"])
        XCTAssertEqual(
            a.items.map(\.bucket),
            [
                .overdue, .overdue, .overdue, .today, .today, .thisWeek, .thisWeek, .thisWeek,
                .later, .later, .later, .nonePlanned, .nonePlanned,
            ])
        // The deals' order in the input does not matter.
        let r = Agenda(board: b, deals: b.deals.reversed(), today: today)
        XCTAssertEqual(r.items.map(\.dealID), a.items.map(\.dealID))
    }

    func testAgendaBucketOrderAndRawValues() {
        XCTAssertEqual(Agenda.Bucket.allCases, [.overdue, .today, .thisWeek, .later, .nonePlanned])
        XCTAssertEqual(Agenda.Bucket.thisWeek.rawValue, "this-week")
        XCTAssertEqual(Agenda.Bucket.nonePlanned.rawValue, "none-planned")
    }

    func testAgendaAgreesWithIsOverdue() {
        var g = SeededGenerator(seed: 7)
        let today = day("2026-12-31")
        var deals: [Deal] = []
        for n in 0..<60 {
            let status: DealStatus = [.open, .open, .open, .won, .lost][g.int(5)]
            let next: Activity? =
                g.int(5) == 0
                ? nil
                : step(
                    "s\(n)", due: g.int(6) == 0 ? nil : today.adding(days: g.int(21) - 10), done: g.int(5) == 0)
            deals.append(deal("g\(n)", stage: status == .won ? "won" : "fresh", status: status, rank: n, next: next))
        }
        let b = rulesBoard(deals: deals)
        let a = Agenda(board: b, deals: b.deals, today: today)
        XCTAssertEqual(Set(a.items.map(\.dealID)), Set(deals.filter { $0.status == .open }.map(\.id)))
        for item in a.items {
            let d = b.deal(item.dealID)!
            XCTAssertEqual(item.bucket == .overdue, b.isOverdue(d, today: today), "\(d.id)")
        }
    }
}
