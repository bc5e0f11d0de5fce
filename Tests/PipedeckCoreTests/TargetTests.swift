import XCTest

@testable import PipedeckCore

/// Periods, targets per owner, the footer's progress, the forecast against targets and exact
/// conversion at exchange rates.
final class TargetTests: XCTestCase {
    let paris = TimeZone(identifier: "Europe/Paris")!
    let newYork = TimeZone(identifier: "America/New_York")!

    func month(_ y: Int, _ m: Int) -> Period { Period(kind: .month, year: y, number: m) }
    func quarter(_ y: Int, _ q: Int) -> Period { Period(kind: .quarter, year: y, number: q) }

    // MARK: Periods

    func testPeriodsParseAndWriteMonthsAndQuarters() {
        XCTAssertEqual(Period.parse("2027-01"), month(2027, 1))
        XCTAssertEqual(Period.parse(" 2027-1 "), month(2027, 1))
        XCTAssertEqual(Period.parse("2027-Q1"), quarter(2027, 1))
        XCTAssertEqual(Period.parse("2027q4"), quarter(2027, 4))
        XCTAssertEqual(Period.parse("2027-q2")?.description, "2027-Q2")
        XCTAssertEqual(month(2027, 1).description, "2027-01")
        for bad in ["2027-13", "2027-00", "2027-Q5", "2027-Q0", "27-01", "2027", "", "2027-01-01", "abcd-01", "2027-Q"]
        {
            XCTAssertNil(Period.parse(bad), bad)
        }
    }

    func testPeriodBoundariesAtMonthAndQuarterEnds() {
        XCTAssertEqual(Period(rd("2026-12-31"), kind: .month), month(2026, 12))
        XCTAssertEqual(Period(rd("2027-01-01"), kind: .month), month(2027, 1))
        XCTAssertEqual(Period(rd("2026-12-31"), kind: .quarter), quarter(2026, 4))
        XCTAssertEqual(Period(rd("2027-01-01"), kind: .quarter), quarter(2027, 1))
        XCTAssertEqual(Period(rd("2027-03-31"), kind: .quarter), quarter(2027, 1))
        XCTAssertEqual(Period(rd("2027-04-01"), kind: .quarter), quarter(2027, 2))
        XCTAssertEqual(quarter(2027, 1).firstDay, rd("2027-01-01"))
        XCTAssertEqual(quarter(2027, 1).lastDay, rd("2027-03-31"))
        XCTAssertEqual(month(2028, 2).lastDay, rd("2028-02-29"), "a leap year")
        XCTAssertEqual(quarter(2026, 4).adding(1), quarter(2027, 1))
        XCTAssertEqual(month(2027, 1).adding(-1), month(2026, 12))
        XCTAssertEqual(quarter(2027, 1).months.map(\.month), [1, 2, 3])
        XCTAssertTrue(quarter(2027, 1) < month(2027, 1) && month(2027, 1) < month(2027, 2))
    }

    /// A deal won at 23:59 on the last evening of the month, in the user's zone, counts in that
    /// month even when it is already the next month in UTC — and the other way round.
    func testAWinAt2359OnTheLastDayCountsInThatPeriodInTheUsersZone() {
        // 2026-12-31 23:59 in New York is 2027-01-01 04:59 UTC.
        let late = wonDeal("late", value: "1000", wonAt: "2027-01-01T04:59:00Z")
        // 2027-01-01 00:30 in Paris is 2026-12-31 23:30 UTC.
        let early = wonDeal("early", value: "2000", wonAt: "2026-12-31T23:30:00Z")
        let b = standardBoard([late, early])
        func won(_ zone: TimeZone, _ today: String, _ kind: PeriodKind) -> Money {
            PeriodProgress(board: b, deals: b.deals, today: rd(today), kind: kind, owner: nil, zone: zone).won.value
        }
        XCTAssertEqual(won(newYork, "2026-12-31", .month), rm("3000"), "23:59 on Dec 31 in New York: December there")
        XCTAssertEqual(won(ReportZone.utc, "2026-12-31", .month), rm("2000"), "…and January in UTC")
        XCTAssertEqual(won(newYork, "2027-01-01", .month), .zero)
        XCTAssertEqual(won(paris, "2027-01-01", .month), rm("3000"), "both are January in Paris")
        XCTAssertEqual(won(paris, "2026-12-31", .month), .zero)
        XCTAssertEqual(won(newYork, "2026-12-15", .quarter), rm("3000"), "the quarter's end too")
        XCTAssertEqual(won(ReportZone.utc, "2026-12-31", .quarter), rm("2000"))
    }

    // MARK: Targets

    func testTargetsPerOwnerAndForTheTeam() throws {
        var b = standardBoard([
            wonDeal("a", value: "3000", wonAt: "2026-12-02T10:00:00Z", owner: "Camille"),
            wonDeal("b", value: "5000", wonAt: "2026-12-03T10:00:00Z", owner: " camille "),
            wonDeal("c", value: "4000", wonAt: "2026-12-04T10:00:00Z", owner: "Jules"),
            wonDeal("d", value: "9000", wonAt: "2026-11-30T10:00:00Z", owner: "Camille"),
        ])
        let now = rt("2026-12-07T09:00:00Z")
        b = try b.apply(.setTarget(SalesTarget(period: month(2026, 12), amount: rm("20000"))), at: now).board
        b = try b.apply(
            .setTarget(SalesTarget(period: month(2026, 12), owner: "CAMILLE", amount: rm("10000"))), at: now
        )
        .board
        XCTAssertEqual(b.target(for: month(2026, 12), owner: nil)?.amount, rm("20000"))
        XCTAssertEqual(b.target(for: month(2026, 12), owner: "camille")?.amount, rm("10000"), "any case")
        XCTAssertNil(b.target(for: month(2026, 12), owner: "Jules"))
        XCTAssertNil(b.target(for: month(2027, 1), owner: nil))

        let team = PeriodProgress(
            board: b, deals: b.deals, today: rd("2026-12-07"), kind: .month, owner: nil, zone: ReportZone.utc)
        XCTAssertEqual(team.won.value, rm("12000"))
        XCTAssertEqual(team.wonCount, 3)
        XCTAssertEqual(team.percent, 60)
        XCTAssertEqual(team.remaining, rm("8000"))

        let mine = PeriodProgress(
            board: b, deals: b.deals(ownedBy: "Camille"), today: rd("2026-12-07"), kind: .month, owner: "Camille",
            zone: ReportZone.utc)
        XCTAssertEqual(mine.won.value, rm("8000"), "both spellings of Camille, not November's win")
        XCTAssertEqual(mine.target, rm("10000"))
        XCTAssertEqual(mine.percent, 80)

        // Setting again replaces; removing removes only that one.
        b = try b.apply(.setTarget(SalesTarget(period: month(2026, 12), amount: rm("25000"))), at: now).board
        XCTAssertEqual(b.settings.targets.count, 2)
        XCTAssertEqual(b.target(for: month(2026, 12), owner: nil)?.amount, rm("25000"))
        XCTAssertNil(try b.apply(.setTarget(SalesTarget(period: month(2026, 12), amount: rm("25000"))), at: now).edit)
        b = try b.apply(.removeTarget(period: month(2026, 12), owner: "camille"), at: now).board
        XCTAssertNil(b.target(for: month(2026, 12), owner: "Camille"))
        XCTAssertNotNil(b.target(for: month(2026, 12), owner: nil))
        XCTAssertThrowsError(
            try b.apply(.setTarget(SalesTarget(period: month(2026, 12), amount: rm("-1"))), at: now))
    }

    func testAQuarterWithoutATargetSumsItsThreeMonthsOnlyWhenAllAreSet() throws {
        var b = standardBoard()
        let now = rt("2026-12-07T09:00:00Z")
        for (m, v) in [(1, "10000"), (2, "20000")] {
            b = try b.apply(.setTarget(SalesTarget(period: month(2027, m), amount: rm(v))), at: now).board
        }
        XCTAssertNil(b.target(for: quarter(2027, 1), owner: nil), "March has none")
        b = try b.apply(.setTarget(SalesTarget(period: month(2027, 3), amount: rm("30000.50"))), at: now).board
        XCTAssertEqual(b.target(for: quarter(2027, 1), owner: nil)?.amount, rm("60000.50"))
        XCTAssertEqual(b.target(for: quarter(2027, 1), owner: nil)?.source, .sumOfMonths)
        b = try b.apply(.setTarget(SalesTarget(period: quarter(2027, 1), amount: rm("50000"))), at: now).board
        XCTAssertEqual(b.target(for: quarter(2027, 1), owner: nil)?.amount, rm("50000"), "its own wins")
        XCTAssertEqual(b.target(for: quarter(2027, 1), owner: nil)?.source, .set)
    }

    func testClosingCountsOpenDealsExpectedFromTodayToThePeriodsEnd() {
        let b = standardBoard([
            openDeal("past", value: "1000", stage: "proposal", close: "2026-12-06"), // passed
            openDeal("today", value: "1000", stage: "proposal", close: "2026-12-07"), // 60 % → 600
            openDeal("end", value: "500.50", stage: "lead", close: "2026-12-31"), // 10 % → 50.05
            openDeal("next", value: "1000", stage: "proposal", close: "2027-01-01"), // next month
        ])
        let p = PeriodProgress(
            board: b, deals: b.deals, today: rd("2026-12-07"), kind: .month, owner: nil, zone: ReportZone.utc)
        XCTAssertEqual(p.closingCount, 2)
        XCTAssertEqual(p.closing.value, rm("650.05"))
        let q = PeriodProgress(
            board: b, deals: b.deals, today: rd("2026-12-07"), kind: .quarter, owner: nil, zone: ReportZone.utc)
        XCTAssertEqual(q.closing.value, rm("650.05"), "Q4 ends on Dec 31 too")
    }

    // MARK: Rates

    func testRatesParseExactlyAndConvertWithoutFloatingPoint() {
        XCTAssertEqual(Rate.parse("0.92")?.units, 920_000)
        XCTAssertEqual(Rate.parse("0,92")?.units, 920_000)
        XCTAssertEqual(Rate.parse("160")?.description, "160")
        XCTAssertEqual(Rate.parse("0.006123")?.description, "0.006123")
        for bad in ["0", "-1", "abc", "1.2345678", "", ".", "1.", "1e3", "2000000"] {
            XCTAssertNil(Rate.parse(bad), bad)
        }
        let r = Rate.parse("0.92")!
        // 0.1 + 0.2 style traps: 20 000.10 × 0.92 = 18 400.092 exactly.
        XCTAssertEqual(r.convert(rm("20000.10")), Money(micros: 18_400_092_000))
        XCTAssertEqual(r.convert(rm("0.01")), Money(micros: 9_200))
        // Ten million cents converted one by one and all at once agree to the millionth.
        var sum = Money.zero
        for _ in 0..<1000 { sum += r.convert(rm("0.10")) }
        XCTAssertEqual(sum, r.convert(rm("100")))
        // Beyond six decimals the millionth is rounded half away from zero.
        let yen = Rate.parse("0.006123")!
        XCTAssertEqual(yen.convert(rm("1.01")), Money(micros: 6_184)) // 0.00618423
        XCTAssertEqual(Rate.parse("0.000001")!.convert(rm("0.5")), Money(micros: 1)) // 0.0000005 → 0.000001
    }

    func testConvertedTotalsMarkWhatWasConvertedAndKeepTheRestApart() throws {
        var b = standardBoard([
            openDeal("e", value: "1000", stage: "proposal"),
            openDeal("u", value: "20000", currency: "USD", stage: "proposal"),
            openDeal("j", value: "500000", currency: "JPY", stage: "proposal"),
        ])
        let before = PipelineSummary(board: b)
        XCTAssertEqual(b.converted(before.open.total).value, rm("1000"))
        XCTAssertFalse(b.converted(before.open.total).isApproximate)
        XCTAssertEqual(b.converted(before.open.total).apart.byCurrency, ["USD": rm("20000"), "JPY": rm("500000")])

        b = try b.apply(
            .setRate(ExchangeRate(currency: "USD", rate: Rate.parse("0.92")!, date: rd("2026-12-07"))),
            at: rt("2026-12-07T09:00:00Z")
        ).board
        let s = PipelineSummary(board: b)
        let c = b.converted(s.open.total)
        XCTAssertEqual(c.value, rm("19400"))
        XCTAssertTrue(c.isApproximate)
        XCTAssertEqual(c.apart.byCurrency, ["JPY": rm("500000")])
        XCTAssertEqual(b.deals.map(\.value), [rm("1000"), rm("20000"), rm("500000")], "deal values never change")
        XCTAssertEqual(b.converted(s.open.weighted).value, rm("11640")) // 600 + 12000 × 0.92

        XCTAssertThrowsError(
            try b.apply(
                .setRate(ExchangeRate(currency: "EUR", rate: Rate.parse("1")!, date: rd("2026-12-07"))),
                at: rt("2026-12-07T09:00:00Z")))
        XCTAssertThrowsError(
            try b.apply(
                .setRate(ExchangeRate(currency: "XYZ", rate: Rate.parse("1")!, date: rd("2026-12-07"))),
                at: rt("2026-12-07T09:00:00Z")))
        b = try b.apply(.removeRate(currency: "USD"), at: rt("2026-12-07T09:00:00Z")).board
        XCTAssertFalse(b.hasRates)
    }

    // MARK: The forecast against targets

    func testForecastAgainstTargetsPerMonth() throws {
        var b = standardBoard([
            wonDeal("w1", value: "4000", wonAt: "2026-11-15T10:00:00Z"),
            wonDeal("w2", value: "3000", wonAt: "2026-12-02T10:00:00Z"),
            wonDeal("w3", value: "1000", currency: "USD", wonAt: "2026-12-03T10:00:00Z"),
            openDeal("o1", value: "10000", stage: "proposal", close: "2026-12-20"), // 6000 in Dec
            openDeal("o2", value: "5000", stage: "lead", close: "2027-01-10"), // 500 in Jan
            openDeal("o3", value: "7000", stage: "lead", close: "2026-12-01"), // passed: 700
        ])
        let now = rt("2026-12-07T09:00:00Z")
        b = try b.apply(.setTarget(SalesTarget(period: month(2026, 12), amount: rm("12000"))), at: now).board
        b = try b.apply(.setTarget(SalesTarget(period: month(2026, 11), amount: rm("5000"))), at: now).board
        b = try b.apply(
            .setRate(ExchangeRate(currency: "USD", rate: Rate.parse("0.9")!, date: rd("2026-12-07"))), at: now
        ).board
        let f = TargetForecast(
            board: b, deals: b.deals, today: rd("2026-12-07"), kind: .month, count: 2, owner: nil, zone: ReportZone.utc)
        XCTAssertEqual(f.rows.map(\.period), [month(2026, 11), month(2026, 12), month(2027, 1)])
        XCTAssertEqual(f.rows.map(\.when), [.past, .current, .future])
        XCTAssertEqual(f.rows[0].won.value, rm("4000"))
        XCTAssertEqual(f.rows[0].gap, rm("1000"), "missed by 1000")
        XCTAssertEqual(f.rows[1].won.value, rm("3900"))
        XCTAssertTrue(f.rows[1].won.isApproximate)
        XCTAssertEqual(f.rows[1].weighted.value, rm("6000"))
        XCTAssertEqual(f.rows[1].gap, rm("2100")) // 12000 − 3900 − 6000
        XCTAssertEqual(f.rows[2].weighted.value, rm("500"))
        XCTAssertNil(f.rows[2].gap)
        XCTAssertEqual(f.passedCount, 1)
        XCTAssertEqual(f.passed.value, rm("700"))

        let q = TargetForecast(
            board: b, deals: b.deals, today: rd("2026-12-07"), kind: .quarter, count: 1, owner: nil,
            zone: ReportZone.utc)
        XCTAssertEqual(q.rows.map(\.period), [quarter(2026, 4)])
        XCTAssertEqual(q.rows[0].won.value, rm("7900"))
        XCTAssertNil(q.rows[0].target, "October has no target")
    }
}
