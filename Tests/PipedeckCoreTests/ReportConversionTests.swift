import XCTest

@testable import PipedeckCore

/// The reports' totals at the board's rates (issue 17), worked out by hand: USD at 0.92 is
/// folded into the EUR totals exactly (no floating point), GBP has no rate and stays apart.
/// Today is 2026-11-30.
final class ReportConversionTests: XCTestCase {
    func deals() -> [Deal] {
        [
            // Ana, lead 10 %: €1,000, weighted €100.
            openDeal("c1", value: "1000", stage: "lead", owner: "Ana", source: "Web", close: "2026-12-10"),
            // Ana, proposal 60 %: $1,234.56 → €1,135.7952; weighted $740.736 → €681.47712.
            openDeal(
                "c2", value: "1234.56", currency: "USD", stage: "proposal", owner: "Ana", source: "Web",
                close: "2026-12-15"),
            // Ben, proposal 60 %: £500, weighted £300, no rate for GBP.
            openDeal("c3", value: "500", currency: "GBP", stage: "proposal", owner: "Ben", close: "2026-12-20"),
            // Ben won $1,000 in November → €920.
            wonDeal("c4", value: "1000", currency: "USD", wonAt: "2026-11-20T09:00:00Z", owner: "Ben"),
            // Lost $333.33 → €306.6636.
            lostDeal("c5", value: "333.33", currency: "USD", reason: "Price", owner: "Ben"),
        ]
    }

    func board(rates: Bool = true) -> Board {
        var b = standardBoard(deals())
        if rates { b.settings.rates = [ExchangeRate(currency: "USD", rate: Rate.parse("0.92")!, date: reportToday)] }
        return b
    }

    func testOwnersAndSourcesFoldUSDIntoTheEuroTotalsExactly() {
        let b = board()
        let owners = BreakdownReport(.owner, board: b, deals: b.deals, today: reportToday)
        let ana = owners.rows.first { $0.name == "Ana" }!
        XCTAssertEqual(ana.openValue["USD"], rm("1234.56"), "the original amount stays")
        XCTAssertEqual(ana.openConverted.value, rm("2135.7952"))
        XCTAssertEqual(ana.weightedConverted.value, rm("781.47712"))
        XCTAssertTrue(ana.openConverted.isApproximate && ana.weightedConverted.isApproximate)
        XCTAssertTrue(ana.openConverted.apart.isEmpty)
        let ben = owners.rows.first { $0.name == "Ben" }!
        XCTAssertEqual(ben.wonConverted.value, rm("920"))
        XCTAssertTrue(ben.wonConverted.isApproximate)
        XCTAssertEqual(ben.openConverted.value, .zero)
        XCTAssertFalse(ben.openConverted.isApproximate, "nothing was converted: GBP has no rate")
        XCTAssertEqual(ben.openConverted.apart["GBP"], rm("500"))
        XCTAssertEqual(owners.totals.openConverted.value, rm("2135.7952"))
        XCTAssertEqual(owners.totals.openConverted.apart["GBP"], rm("500"))
        XCTAssertEqual(owners.totals.weightedConverted.apart["GBP"], rm("300"))
        XCTAssertEqual(owners.totals.wonConverted.value, rm("920"))

        let sources = BreakdownReport(.source, board: b, deals: b.deals, today: reportToday)
        let web = sources.rows.first { $0.name == "Web" }!
        XCTAssertEqual(web.openConverted.value, rm("2135.7952"))
        XCTAssertEqual(web.weightedConverted.value, rm("781.47712"))
    }

    func testTheForecastBucketsAndWonMonthsAreConverted() {
        let b = board()
        let r = ForecastReport(board: b, deals: b.deals, today: reportToday)
        let dec = r.row(.month(CalendarMonth(year: 2026, month: 12)))!
        XCTAssertEqual(dec.figures.count, 3)
        XCTAssertEqual(dec.figures.total["USD"], rm("1234.56"))
        XCTAssertEqual(dec.converted.total.value, rm("2135.7952"))
        XCTAssertEqual(dec.converted.total.apart["GBP"], rm("500"))
        XCTAssertEqual(dec.converted.weighted.value, rm("781.47712"))
        XCTAssertEqual(dec.converted.weighted.apart["GBP"], rm("300"))
        XCTAssertTrue(dec.converted.total.isApproximate)
        XCTAssertEqual(r.openConverted.total.value, rm("2135.7952"))
        let nov = r.won.last!
        XCTAssertEqual(nov.month, CalendarMonth(year: 2026, month: 11))
        XCTAssertEqual(nov.converted.value, rm("920"))
        XCTAssertEqual(r.wonTotal.converted.value, rm("920"))
        XCTAssertFalse(r.row(.noDate)!.converted.total.isApproximate, "an empty bucket is exact")
    }

    func testLostReasonsAreConverted() {
        let b = board()
        let r = LostReasonsReport(board: b, deals: b.deals)
        XCTAssertEqual(r.rows[0].converted.value, rm("306.6636"))
        XCTAssertTrue(r.rows[0].converted.isApproximate)
        XCTAssertEqual(r.converted.value, rm("306.6636"))
        XCTAssertEqual(r.value["USD"], rm("333.33"))
    }

    func testWithoutARateEveryOtherCurrencyStaysApart() {
        let b = board(rates: false)
        let owners = BreakdownReport(.owner, board: b, deals: b.deals, today: reportToday)
        XCTAssertEqual(owners.totals.openConverted.value, rm("1000"))
        XCTAssertFalse(owners.totals.openConverted.isApproximate)
        XCTAssertEqual(owners.totals.openConverted.apart["USD"], rm("1234.56"))
        XCTAssertEqual(owners.totals.openConverted.apart["GBP"], rm("500"))
        let f = ForecastReport(board: b, deals: b.deals, today: reportToday)
        XCTAssertEqual(f.wonTotal.converted.value, .zero)
        XCTAssertEqual(f.wonTotal.converted.apart["USD"], rm("1000"))
    }
}
