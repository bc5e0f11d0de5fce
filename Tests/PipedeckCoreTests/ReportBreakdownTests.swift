import XCTest

@testable import PipedeckCore

/// Sources, owners and lost reasons, worked out by hand. Today is 2026-11-30.
final class ReportBreakdownTests: XCTestCase {
    func deals() -> [Deal] {
        [
            // s1: open, lead 10 % → weighted 100; next action due yesterday, not done → overdue.
            openDeal(
                "s1", value: "1000", stage: "lead", owner: "Ana", source: "LinkedIn",
                next: step("Call", due: rd("2026-11-29"))),
            // s2: open in USD, proposal 60 % → $1200; due today → not overdue. Same source and owner, other spelling.
            openDeal(
                "s2", value: "2000", currency: "USD", stage: "proposal", owner: " ana", source: "linkedin ",
                next: step("Send quote", due: reportToday)),
            wonDeal("s3", value: "5000", wonAt: "2026-11-20T09:00:00Z", owner: "Ben", source: "Referral"),
            lostDeal("s4", value: "3000", owner: "Ana", source: "LinkedIn"),
            wonDeal("s5", value: "700", wonAt: "2026-11-21T09:00:00Z"),
            // s6: a blank source is no source; its overdue action is done.
            openDeal(
                "s6", value: "400", stage: "qualification", owner: "Ben", source: "  ",
                next: step("Old", due: rd("2026-11-01"), done: true)),
            // s7: own probability 12.5 % → 12.5; overdue.
            openDeal(
                "s7", value: "100", stage: "closing", probability: Percent(hundredths: 1250), owner: "Ben",
                source: "Referral", next: step("Chase", due: rd("2026-11-20"))),
        ]
    }

    func testSources() {
        let d = deals()
        let r = BreakdownReport(.source, board: standardBoard(d), deals: d, today: reportToday)
        XCTAssertEqual(r.rows.map(\.name), ["LinkedIn", "Referral", nil])
        let li = r.rows[0]
        XCTAssertEqual([li.deals, li.open, li.won, li.lost], [3, 2, 0, 1])
        XCTAssertEqual(li.openValue["EUR"], rm("1000"))
        XCTAssertEqual(li.openValue["USD"], rm("2000"))
        XCTAssertEqual(li.weighted["EUR"], rm("100"))
        XCTAssertEqual(li.weighted["USD"], rm("1200"))
        XCTAssertTrue(li.wonValue.isEmpty)
        XCTAssertEqual(li.winRate.percentText, "0.0")
        let ref = r.rows[1]
        XCTAssertEqual([ref.deals, ref.open, ref.won, ref.lost], [2, 1, 1, 0])
        XCTAssertEqual(ref.weighted["EUR"], rm("12.5"))
        XCTAssertEqual(ref.wonValue["EUR"], rm("5000"))
        XCTAssertEqual(ref.winRate.percentText, "100.0")
        let none = r.rows[2]
        XCTAssertEqual([none.deals, none.open, none.won], [2, 1, 1])
        XCTAssertEqual(none.openValue["EUR"], rm("400"))
        XCTAssertEqual(none.weighted["EUR"], rm("80"))
        XCTAssertEqual(none.wonValue["EUR"], rm("700"))

        let t = r.totals
        XCTAssertEqual([t.deals, t.open, t.won, t.lost, t.overdueNextActions], [7, 4, 2, 1, 2])
        XCTAssertEqual(t.openValue["EUR"], rm("1500"))
        XCTAssertEqual(t.weighted["EUR"], rm("192.5"))
        XCTAssertEqual(t.weighted["USD"], rm("1200"))
        XCTAssertEqual(t.wonValue["EUR"], rm("5700"))
        XCTAssertEqual(t.winRate, Ratio(2, of: 3))
    }

    func testOwners() {
        let d = deals()
        let r = BreakdownReport(.owner, board: standardBoard(d), deals: d, today: reportToday)
        // Ana and Ben both have 3 deals: by name. No owner comes last.
        XCTAssertEqual(r.rows.map(\.name), ["Ana", "Ben", nil])
        XCTAssertEqual(r.rows.map(\.open), [2, 2, 0])
        XCTAssertEqual(r.rows.map(\.overdueNextActions), [1, 1, 0])
        XCTAssertEqual(r.rows[1].weighted["EUR"], rm("92.5"))
        XCTAssertEqual(r.rows[1].wonValue["EUR"], rm("5000"))
        XCTAssertEqual(r.rows.map { $0.winRate.percentText }, ["0.0", "100.0", "100.0"])
    }

    func testReportsFollowTheFilter() {
        let d = deals().filter { $0.owner?.trimmingCharacters(in: .whitespaces).lowercased() == "ana" }
        let r = BreakdownReport(.owner, board: standardBoard(deals()), deals: d, today: reportToday)
        XCTAssertEqual(r.rows.map(\.name), ["Ana"])
        XCTAssertEqual(r.totals.deals, 3)
    }

    func testLostReasons() {
        var open = openDeal("o", stage: "lead")
        open.lostReason = "Price" // not lost: not counted
        let d = [
            lostDeal("l1", value: "1000", reason: "Price"),
            lostDeal("l2", value: "2000", reason: "price "),
            lostDeal("l3", value: "5000", reason: "Timing"),
            lostDeal("l4", value: "300", currency: "USD", reason: nil),
            lostDeal("l5", value: "4000", reason: "Competitor"),
            lostDeal("l6", value: "50", reason: "   "),
            open,
            wonDeal("w", wonAt: "2026-11-02T09:00:00Z"),
        ]
        let r = LostReasonsReport(board: standardBoard(d), deals: d)
        // Price twice; Timing and Competitor once each, the larger value first; "(none)" last.
        XCTAssertEqual(r.rows.map(\.reason), ["Price", "Timing", "Competitor", nil])
        XCTAssertEqual(r.rows.map(\.count), [2, 1, 1, 2])
        XCTAssertEqual(r.rows[0].value["EUR"], rm("3000"))
        XCTAssertEqual(r.rows[3].value["USD"], rm("300"))
        XCTAssertEqual(r.rows[3].value["EUR"], rm("50"))
        XCTAssertEqual(r.rows.map { $0.share.percentText }, ["33.3", "16.7", "16.7", "33.3"])
        XCTAssertEqual(r.count, 6)
        XCTAssertEqual(r.value["EUR"], rm("12050"))
        XCTAssertEqual(r.value["USD"], rm("300"))
    }

    func testDemoLostReasons() {
        let demo = Fixed.demo
        let r = LostReasonsReport(board: demo, deals: demo.deals)
        XCTAssertEqual(r.rows.map(\.reason), ["Went silent", "Price"]) // one each; 24 000 before 19 000
        XCTAssertEqual(r.value["EUR"], rm("43000"))
    }
}
