import XCTest

@testable import PipedeckCore

/// Forecast on a hand-worked board. Today is 2026-11-30, so six months ahead are
/// Nov 2026 … Apr 2027 (across the year end) and six months back Jun … Nov 2026.
final class ReportForecastTests: XCTestCase {
    func board() -> Board {
        standardBoard([
            // Open deals; weighted = value × probability (the deal's own, else its stage's).
            openDeal("a", value: "1000", stage: "lead", close: "2026-11-29"), // passed: 100
            openDeal("b", value: "2000", stage: "proposal", close: "2026-11-30"), // today → Nov: 1200
            openDeal(
                "c", value: "3000.50", stage: "negotiation", probability: Percent(hundredths: 3333),
                close: "2026-12-31"), // Dec: 1000.06665
            openDeal("d", value: "4000", currency: "USD", stage: "closing", close: "2027-01-01"), // Jan: $3600
            openDeal("e", value: "500", stage: "lead", close: "2027-04-30"), // Apr (last month): 50
            openDeal("f", value: "700", stage: "lead", close: "2027-05-01"), // later: 70
            openDeal("g", value: "800", stage: "qualification"), // no date: 160
            lostDeal("h", value: "9999", stage: "proposal"), // lost: never counted
            // Won deals, by the month of their (last) win, in UTC.
            wonDeal("w1", value: "1200", wonAt: "2026-05-31T23:30:00Z"), // May: before the window (UTC)
            wonDeal("w2", value: "1500", wonAt: "2026-06-01T00:00:00Z"), // Jun, first month
            reportDeal(
                "w3", value: "2000",
                steps: [
                    ("2026-07-01T09:00:00Z", nil, "lead", nil),
                    ("2026-08-10T09:00:00Z", "lead", "won", .won),
                    ("2026-08-20T09:00:00Z", "won", "closing", .open),
                    ("2026-10-05T09:00:00Z", "closing", "won", .won),
                ]), // Oct (last win)
            wonDeal("w4", value: "1000", currency: "USD", wonAt: "2026-11-02T10:00:00Z"), // Nov, USD
            wonDeal("w5", value: "5000", wonAt: "2026-11-30T10:00:00Z"), // Nov
            wonDeal("w6", value: "2500", wonAt: "2025-12-31T12:00:00Z"), // a year ago: out
            // Won then reopened: open again, so in the forecast, not in the won months.
            reportDeal(
                "r1", value: "300",
                steps: [
                    ("2026-09-01T09:00:00Z", nil, "closing", nil),
                    ("2026-09-10T09:00:00Z", "closing", "won", .won),
                    ("2026-11-03T09:00:00Z", "won", "closing", .open),
                ], close: "2027-02-14"),
        ])
    }

    func testOpenDealsByExpectedCloseMonth() {
        let r = ForecastReport(board: board(), deals: board().deals, today: reportToday)
        XCTAssertEqual(r.months, 6)
        XCTAssertEqual(
            r.rows.map(\.bucket),
            [
                .passed,
                .month(CalendarMonth(year: 2026, month: 11)), .month(CalendarMonth(year: 2026, month: 12)),
                .month(CalendarMonth(year: 2027, month: 1)), .month(CalendarMonth(year: 2027, month: 2)),
                .month(CalendarMonth(year: 2027, month: 3)), .month(CalendarMonth(year: 2027, month: 4)),
                .later, .noDate,
            ])
        func check(
            _ i: Int, count: Int, eur: String, weightedEUR: String, usd: String = "0", weightedUSD: String = "0",
            line: UInt = #line
        ) {
            let f = r.rows[i].figures
            XCTAssertEqual(f.count, count, "count of \(r.rows[i].bucket)", line: line)
            XCTAssertEqual(f.total["EUR"], rm(eur), "EUR of \(r.rows[i].bucket)", line: line)
            XCTAssertEqual(f.weighted["EUR"], rm(weightedEUR), "weighted EUR of \(r.rows[i].bucket)", line: line)
            XCTAssertEqual(f.total["USD"], rm(usd), "USD of \(r.rows[i].bucket)", line: line)
            XCTAssertEqual(f.weighted["USD"], rm(weightedUSD), "weighted USD of \(r.rows[i].bucket)", line: line)
        }
        check(0, count: 1, eur: "1000", weightedEUR: "100")
        check(1, count: 1, eur: "2000", weightedEUR: "1200")
        check(2, count: 1, eur: "3000.5", weightedEUR: "1000.06665")
        check(3, count: 1, eur: "0", weightedEUR: "0", usd: "4000", weightedUSD: "3600")
        check(4, count: 1, eur: "300", weightedEUR: "270") // r1, reopened in closing (90 %)
        check(5, count: 0, eur: "0", weightedEUR: "0")
        check(6, count: 1, eur: "500", weightedEUR: "50")
        check(7, count: 1, eur: "700", weightedEUR: "70")
        check(8, count: 1, eur: "800", weightedEUR: "160")

        // The totals: every open deal exactly once, currencies apart.
        XCTAssertEqual(r.open.count, 8)
        XCTAssertEqual(r.open.total["EUR"], rm("8300.5"))
        XCTAssertEqual(r.open.weighted["EUR"], rm("2850.06665"))
        XCTAssertEqual(r.open.total["USD"], rm("4000"))
        XCTAssertEqual(r.open.weighted["USD"], rm("3600"))
        XCTAssertEqual(r.row(.later)?.figures.count, 1)
    }

    func testWonPerMonthUsesTheLastWinInUTC() {
        let r = ForecastReport(board: board(), deals: board().deals, today: reportToday)
        XCTAssertEqual(
            r.won.map(\.month.description), ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"])
        XCTAssertEqual(r.won.map(\.count), [1, 0, 0, 0, 1, 2])
        XCTAssertEqual(r.won.map { $0.value["EUR"] }, [rm("1500"), .zero, .zero, .zero, rm("2000"), rm("5000")])
        XCTAssertEqual(r.won[5].value["USD"], rm("1000"))
        XCTAssertEqual(r.wonTotal.count, 4)
        XCTAssertEqual(r.wonTotal.value["EUR"], rm("8500"))
        XCTAssertEqual(r.wonTotal.value["USD"], rm("1000"))
    }

    func testWonMonthFollowsTheZone() {
        // w1 was won at 23:30 UTC on 31 May: 1 June in UTC+2, so inside the window there.
        let plus2 = TimeZone(secondsFromGMT: 2 * 3600)!
        let r = ForecastReport(board: board(), deals: board().deals, today: reportToday, zone: plus2)
        XCTAssertEqual(r.won[0].count, 2)
        XCTAssertEqual(r.won[0].value["EUR"], rm("2700"))
    }

    func testMonthsAreClampedAndCrossTheYear() {
        let b = board()
        let one = ForecastReport(board: b, deals: b.deals, today: reportToday, months: 1)
        XCTAssertEqual(one.rows.count, 4)
        XCTAssertEqual(one.rows[1].figures.count, 1) // Nov: b
        XCTAssertEqual(one.rows[2].figures.count, 5) // later: c, d, r1, e, f
        XCTAssertEqual(one.won.map(\.month.description), ["2026-11"])
        XCTAssertEqual(ForecastReport(board: b, deals: b.deals, today: reportToday, months: 0).months, 1)
        XCTAssertEqual(ForecastReport(board: b, deals: b.deals, today: reportToday, months: 99).months, 24)

        let year = ForecastReport(board: b, deals: b.deals, today: reportToday, months: 12)
        XCTAssertEqual(year.rows[12].bucket, .month(CalendarMonth(year: 2027, month: 10)))
        XCTAssertEqual(year.row(.later)?.figures.count, 0)
        XCTAssertEqual(year.row(.month(CalendarMonth(year: 2027, month: 5)))?.figures.count, 1) // f
        XCTAssertEqual(year.won.first?.month, CalendarMonth(year: 2025, month: 12))
        XCTAssertEqual(year.won.first?.count, 1) // w6
        XCTAssertEqual(year.wonTotal.count, 6)
    }

    func testFollowsTheDealsGiven() {
        let b = board()
        let r = ForecastReport(board: b, deals: b.deals.filter { ["a", "w5"].contains($0.id) }, today: reportToday)
        XCTAssertEqual(r.open.count, 1)
        XCTAssertEqual(r.rows[0].figures.count, 1)
        XCTAssertEqual(r.wonTotal.count, 1)
        let empty = ForecastReport(board: b, deals: [], today: reportToday)
        XCTAssertEqual(empty.rows.count, 9)
        XCTAssertEqual(empty.open.count, 0)
        XCTAssertTrue(empty.open.total.isEmpty)
    }

    func testAgreesWithTheSummaryOnTheDemo() {
        let demo = Fixed.demo
        let r = ForecastReport(board: demo, deals: demo.deals, today: Fixed.today)
        let s = PipelineSummary(board: demo)
        XCTAssertEqual(r.open.count, s.open.count)
        XCTAssertEqual(r.open.total, s.open.total)
        XCTAssertEqual(r.open.weighted, s.open.weighted)
        // The demo's one deal whose close date passed: d19clo, closing two days ago.
        XCTAssertEqual(r.rows[0].figures.count, 1)
        XCTAssertEqual(r.rows[0].figures.total["EUR"], rm("37500"))
        XCTAssertEqual(r.rows[0].figures.weighted["EUR"], rm("33750"))
    }
}
