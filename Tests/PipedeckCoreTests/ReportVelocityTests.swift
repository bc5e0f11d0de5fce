import XCTest

@testable import PipedeckCore

/// Days in each stage, sales cycle and stale deals, worked out by hand. Today is 2026-11-30.
final class ReportVelocityTests: XCTestCase {
    // v1, won: lead 30 Oct → 2 Nov (3 days, across the month end); qualification 2 → 5 Nov (3);
    // proposal 5 → 6 Nov (1, needs skipped); back to qualification 6 → 10 Nov (4, so 7 in all);
    // proposal again 10 → 20 Nov (10, so 11 in all); won 20 Nov: sales cycle 30 Oct → 20 Nov = 21 days.
    let v1 = reportDeal(
        "v1",
        steps: [
            ("2026-10-30T10:00:00Z", nil, "lead", nil),
            ("2026-11-02T09:00:00Z", "lead", "qualification", nil),
            ("2026-11-05T18:00:00Z", "qualification", "proposal", nil),
            ("2026-11-06T08:00:00Z", "proposal", "qualification", nil),
            ("2026-11-10T12:00:00Z", "qualification", "proposal", nil),
            ("2026-11-20T12:00:00Z", "proposal", "won", .won),
        ])
    // v2, lost in lead: 25 Nov 23:00 → 26 Nov 01:00 UTC = 1 calendar day in UTC (0 in UTC+2).
    let v2 = reportDeal(
        "v2",
        steps: [
            ("2026-11-25T23:00:00Z", nil, "lead", nil),
            ("2026-11-26T01:00:00Z", "lead", "lead", .lost),
        ])
    // v3, open in qualification: lead 20 → 23 Nov (3); qualification 23 → 30 Nov, today (7).
    let v3 = reportDeal(
        "v3",
        steps: [
            ("2026-11-20T09:00:00Z", nil, "lead", nil),
            ("2026-11-23T09:00:00Z", "lead", "qualification", nil),
        ])
    // v4: lead 1 → 3 Nov (2); qualification 3 → 5 Nov (2), lost, reopened 15 Nov (the 10 lost days
    // do not count), qualification 15 → 18 Nov (3, so 5); needs 18 → 30 Nov (12), open.
    let v4 = reportDeal(
        "v4",
        steps: [
            ("2026-11-01T09:00:00Z", nil, "lead", nil),
            ("2026-11-03T09:00:00Z", "lead", "qualification", nil),
            ("2026-11-05T09:00:00Z", "qualification", "qualification", .lost),
            ("2026-11-15T09:00:00Z", "qualification", "qualification", .open),
            ("2026-11-18T09:00:00Z", "qualification", "needs", nil),
        ])
    // v5, across the year end: negotiation 30 Dec 2025 → won 2 Jan 2026 = 3 days; cycle 3 days.
    let v5 = reportDeal(
        "v5",
        steps: [
            ("2025-12-30T15:00:00Z", nil, "negotiation", nil),
            ("2026-01-02T08:00:00Z", "negotiation", "won", .won),
        ])

    func v6() -> Deal {
        // Open in proposal, no history (a file made by hand): entered 27 Nov → 3 days. Unchanged
        // since 15 Nov: 15 days > the stage's 10 → stale.
        var d = openDeal("v6", stage: "proposal", at: "2026-11-27T09:00:00Z")
        d.history = []
        d.updatedAt = rt("2026-11-15T09:00:00Z")
        return d
    }
    // v7 and v8, open in lead (rot 21 days): unchanged for 22 days (stale) and for exactly 21 (not stale).
    let v7 = openDeal("v7", stage: "lead", at: "2026-11-08T09:00:00Z")
    let v8 = openDeal("v8", stage: "lead", at: "2026-11-09T23:59:59Z")

    var deals: [Deal] { [v1, v2, v3, v4, v5, v6(), v7, v8] }

    func testDaysPerStageOfOneDeal() {
        XCTAssertEqual(
            VelocityReport.daysPerStage(v1, today: reportToday), ["lead": 3, "qualification": 7, "proposal": 11])
        XCTAssertEqual(VelocityReport.daysPerStage(v2, today: reportToday), ["lead": 1])
        XCTAssertEqual(VelocityReport.daysPerStage(v3, today: reportToday), ["lead": 3, "qualification": 7])
        XCTAssertEqual(
            VelocityReport.daysPerStage(v4, today: reportToday), ["lead": 2, "qualification": 5, "needs": 12])
        XCTAssertEqual(VelocityReport.daysPerStage(v5, today: reportToday), ["negotiation": 3])
        XCTAssertEqual(VelocityReport.daysPerStage(v6(), today: reportToday), ["proposal": 3])
    }

    func testDaysAreCalendarDaysInTheZone() {
        let plus2 = TimeZone(secondsFromGMT: 2 * 3600)!
        XCTAssertEqual(VelocityReport.daysPerStage(v2, today: reportToday, zone: plus2), ["lead": 0])
    }

    func testEntriesOutOfOrderAreSortedByTime() {
        var d = v3
        d.history.reverse()
        XCTAssertEqual(VelocityReport.daysPerStage(d, today: reportToday), ["lead": 3, "qualification": 7])
    }

    func testAverageAndMedianPerStage() {
        let r = VelocityReport(board: standardBoard(deals), deals: deals, today: reportToday)
        XCTAssertEqual(
            r.rows.map(\.stage.id), ["lead", "qualification", "needs", "proposal", "negotiation", "closing"])
        // lead: v1 3, v2 1, v3 3, v4 2, v7 22, v8 21 → [1, 2, 3, 3, 21, 22]: average 52/6 = 8.67, median 3.
        XCTAssertEqual(r.rows[0].days.samples, [1, 2, 3, 3, 21, 22])
        XCTAssertEqual(r.rows[0].days.averageTenths, 87)
        XCTAssertEqual(r.rows[0].days.medianTenths, 30)
        // qualification: v1 7, v3 7, v4 5 → average 6.3, median 7.
        XCTAssertEqual(r.rows[1].days.samples, [5, 7, 7])
        XCTAssertEqual(r.rows[1].days.averageTenths, 63)
        XCTAssertEqual(r.rows[1].days.medianTenths, 70)
        // needs: only v4 (v1 skipped it).
        XCTAssertEqual(r.rows[2].days.samples, [12])
        // proposal: v1 11, v6 3 → 7.0 and 7.0.
        XCTAssertEqual(r.rows[3].days.samples, [3, 11])
        XCTAssertEqual(r.rows[3].days.averageTenths, 70)
        XCTAssertEqual(r.rows[3].days.medianTenths, 70)
        XCTAssertEqual(r.rows[4].days.samples, [3])
        XCTAssertTrue(r.rows[5].days.isEmpty)
        XCTAssertNil(r.rows[5].days.averageTenths)
    }

    func testSalesCycleOfWonDeals() {
        let r = VelocityReport(board: standardBoard(deals), deals: deals, today: reportToday)
        XCTAssertEqual(r.salesCycle.samples, [3, 21])
        XCTAssertEqual(r.salesCycle.averageTenths, 120)
        XCTAssertEqual(r.salesCycle.medianTenths, 120)
    }

    func testStaleDealsPerStage() {
        let r = VelocityReport(board: standardBoard(deals), deals: deals, today: reportToday)
        XCTAssertEqual(r.rows.map(\.openNow), [2, 1, 1, 1, 0, 0])
        XCTAssertEqual(r.rows.map(\.stale), [1, 0, 0, 1, 0, 0])
        XCTAssertEqual(r.openNow, 5)
        XCTAssertEqual(r.stale, 2)

        // A stage without a rot limit has no stale deals.
        var b = standardBoard(deals)
        b.stages[0].rotDays = 0
        XCTAssertEqual(VelocityReport(board: b, deals: deals, today: reportToday).rows[0].stale, 0)
    }

    func testDemo() {
        let demo = Fixed.demo
        let r = VelocityReport(board: demo, deals: demo.deals, today: Fixed.today)
        // Every demo deal spends 5 days in each stage it passed; 25 deals were in lead.
        XCTAssertEqual(r.rows[0].days.count, 25)
        XCTAssertEqual(r.salesCycle.count, 3)
        // Won deals: 5 days in each of the six open stages, then the win — 30 days.
        XCTAssertEqual(r.salesCycle.samples, [30, 30, 30])
        XCTAssertGreaterThan(r.stale, 0)
    }
}
