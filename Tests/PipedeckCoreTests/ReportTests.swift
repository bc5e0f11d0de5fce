import XCTest

@testable import PipedeckCore

// Helpers for the report tests: fixed instants written out in full, never the clock.

/// A UTC instant from "YYYY-MM-DDTHH:MM:SSZ".
func rt(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> Timestamp {
    guard let t = Timestamp.parse(s) else {
        XCTFail("bad timestamp \(s)", file: file, line: line); return Timestamp(seconds: 0)
    }
    return t
}

/// A day from "YYYY-MM-DD".
func rd(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> Day {
    guard let d = Day.parse(s) else { XCTFail("bad day \(s)", file: file, line: line); return Day(ordinal: 0) }
    return d
}

/// An exact amount from its decimal text.
func rm(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> Money {
    guard let m = Money.parse(s, maxDecimals: 6) else {
        XCTFail("bad amount \(s)", file: file, line: line); return .zero
    }
    return m
}

/// The reports' "today" in these tests: Monday 30 November 2026.
let reportToday = Day(year: 2026, month: 11, day: 30)!

/// One step of a deal's life, for `reportDeal`: (time, from, to, status).
typealias Step = (at: String, from: String?, to: String, status: DealStatus?)

/// A deal whose stage, status and times follow its history (the last entry gives the stage; the
/// last entry with a status gives the status; `stageEnteredAt` is the last entry that changed
/// the stage; `updatedAt` the last entry), as Pipedeck would have recorded it.
func reportDeal(
    _ id: String, value: String = "1000", currency: String? = nil, steps: [Step],
    probability: Percent? = nil, owner: String? = nil, source: String? = nil,
    close: String? = nil, lostReason: String? = nil, next: Activity? = nil
) -> Deal {
    let history = steps.map { HistoryEntry(at: rt($0.at), from: $0.from, to: $0.to, status: $0.status) }
    var d = Deal(
        id: id, title: "Deal \(id)", value: rm(value), stage: history.last!.to, createdAt: history[0].at,
        currency: currency, probability: probability, lostReason: lostReason, owner: owner, source: source,
        expectedClose: close.map { rd($0) }, activities: next.map { [$0] } ?? [], history: history)
    d.status = history.last(where: { $0.status != nil })?.status ?? .open
    d.stageEnteredAt = history.last(where: { $0.from == nil || $0.from != $0.to })!.at
    d.updatedAt = history.last!.at
    return d
}

/// An open deal created in `stage` at `at` (one history entry).
func openDeal(
    _ id: String, value: String = "1000", currency: String? = nil, stage: String,
    at: String = "2026-11-01T09:00:00Z", probability: Percent? = nil, owner: String? = nil,
    source: String? = nil, close: String? = nil, next: Activity? = nil
) -> Deal {
    reportDeal(
        id, value: value, currency: currency, steps: [(at, nil, stage, nil)], probability: probability,
        owner: owner, source: source, close: close, next: next)
}

/// A deal created in lead and won (moved to "won" with status won) at `wonAt`.
func wonDeal(
    _ id: String, value: String = "1000", currency: String? = nil, created: String = "2026-01-05T09:00:00Z",
    wonAt: String, owner: String? = nil, source: String? = nil
) -> Deal {
    reportDeal(
        id, value: value, currency: currency,
        steps: [(created, nil, "lead", nil), (wonAt, "lead", "won", .won)], owner: owner, source: source)
}

/// A deal created in `stage` and lost there at `lostAt`.
func lostDeal(
    _ id: String, value: String = "1000", currency: String? = nil, stage: String = "lead",
    lostAt: String = "2026-11-10T09:00:00Z", reason: String? = nil, owner: String? = nil, source: String? = nil
) -> Deal {
    reportDeal(
        id, value: value, currency: currency,
        steps: [("2026-11-01T09:00:00Z", nil, stage, nil), (lostAt, stage, stage, .lost)],
        owner: owner, source: source, lostReason: reason)
}

func standardBoard(_ deals: [Deal] = []) -> Board {
    var b = Template.standard.board(name: "Reports", currency: "EUR")
    b.deals = deals
    return b
}

/// The common pieces: months, rates, day statistics, the NPS accessor.
final class ReportTests: XCTestCase {
    func testCalendarMonthsAcrossYearEnds() {
        let nov = CalendarMonth(rd("2026-11-30"))
        XCTAssertEqual(nov, CalendarMonth(year: 2026, month: 11))
        XCTAssertEqual(nov.adding(months: 1), CalendarMonth(year: 2026, month: 12))
        XCTAssertEqual(nov.adding(months: 2), CalendarMonth(year: 2027, month: 1))
        XCTAssertEqual(nov.adding(months: 14), CalendarMonth(year: 2028, month: 1))
        XCTAssertEqual(nov.adding(months: -11), CalendarMonth(year: 2025, month: 12))
        XCTAssertEqual(nov.adding(months: -23), CalendarMonth(year: 2024, month: 12))
        XCTAssertEqual(CalendarMonth(year: 2026, month: 13), CalendarMonth(year: 2027, month: 1))
        XCTAssertEqual(CalendarMonth(year: 2026, month: 0), CalendarMonth(year: 2025, month: 12))
        XCTAssertEqual(nov.months(until: CalendarMonth(year: 2027, month: 4)), 5)
        XCTAssertEqual(nov.months(until: CalendarMonth(year: 2026, month: 6)), -5)
        XCTAssertEqual(CalendarMonth(year: 2028, month: 2).lastDay, rd("2028-02-29"))
        XCTAssertEqual(CalendarMonth(year: 2027, month: 2).lastDay, rd("2027-02-28"))
        XCTAssertEqual(nov.firstDay, rd("2026-11-01"))
        XCTAssertEqual(nov.description, "2026-11")
        XCTAssertEqual(Strings.Reports.month(nov.adding(months: 2)), "Jan 2027")
        XCTAssertTrue(CalendarMonth(year: 2026, month: 12) < CalendarMonth(year: 2027, month: 1))
    }

    func testRatiosRoundHalfUpAndCompareExactly() {
        XCTAssertEqual(Ratio(5, of: 8).tenthsOfPercent, 625)
        XCTAssertEqual(Ratio(5, of: 8).percentText, "62.5")
        XCTAssertEqual(Ratio(2, of: 7).percentText, "28.6") // 28.571…
        XCTAssertEqual(Ratio(1, of: 3).percentText, "33.3")
        XCTAssertEqual(Ratio(2, of: 3).percentText, "66.7")
        XCTAssertEqual(Ratio(1, of: 16).percentText, "6.3") // 6.25 → half up
        XCTAssertEqual(Ratio(0, of: 4).percentText, "0.0")
        XCTAssertEqual(Ratio(4, of: 4).percentText, "100.0")
        XCTAssertNil(Ratio(0, of: 0).percentText)
        XCTAssertFalse(Ratio(0, of: 0).isDefined)
        XCTAssertEqual(Strings.Reports.rate(Ratio(5, of: 8)), "62.5% (5/8)")
        XCTAssertEqual(Strings.Reports.rate(Ratio(0, of: 0)), "—")
        XCTAssertTrue(Ratio.isLess(Ratio(1, of: 3), Ratio(34, of: 100)))
        XCTAssertFalse(Ratio.isLess(Ratio(1, of: 3), Ratio(2, of: 6)))
        XCTAssertFalse(Ratio.isLess(Ratio(2, of: 6), Ratio(1, of: 3)))
    }

    func testDayStatsAverageAndMedianInTenths() {
        let s = DayStats([3, 1, 2, 3])
        XCTAssertEqual(s.samples, [1, 2, 3, 3])
        XCTAssertEqual(s.averageTenths, 23) // 9 / 4 = 2.25 → 2.3
        XCTAssertEqual(s.medianTenths, 25) // (2 + 3) / 2
        XCTAssertEqual(DayStats([2, 3, 3]).averageTenths, 27) // 2.67
        XCTAssertEqual(DayStats([2, 3, 3]).medianTenths, 30)
        XCTAssertEqual(DayStats([0, 0, 1]).averageTenths, 3) // 0.33
        XCTAssertEqual(DayStats([7]).medianTenths, 70)
        XCTAssertNil(DayStats([]).averageTenths)
        XCTAssertNil(DayStats([]).medianTenths)
        XCTAssertEqual(DayStats.text(tenths: 25), "2.5")
        XCTAssertEqual(DayStats.text(tenths: 3), "0.3")
        XCTAssertEqual(DayStats.text(tenths: 120), "12.0")
    }

    func testNPSScoreIsAFieldOfTheDealFrom0To10() throws {
        var d = wonDeal("n1", wonAt: "2026-11-10T09:00:00Z")
        let board = standardBoard([d])
        XCTAssertNil(d.npsScore)
        d.npsScore = 9
        let saved = try board.apply(.update(d), at: Timestamp(seconds: 0)).board
        XCTAssertEqual(saved.deals[0].npsScore, 9)
        d.npsScore = 11
        XCTAssertThrowsError(try board.apply(.update(d), at: Timestamp(seconds: 0))) { e in
            XCTAssertEqual(e as? PipelineError, .invalid(field: "nps", reason: Strings.npsRange))
        }
    }

    func testWonAtIsTheLastWinAndOverdueNeedsAnUndoneAction() {
        let d = reportDeal(
            "w",
            steps: [
                ("2026-01-01T09:00:00Z", nil, "lead", nil),
                ("2026-02-01T09:00:00Z", "lead", "won", .won),
                ("2026-03-01T09:00:00Z", "won", "closing", .open),
                ("2026-04-01T09:00:00Z", "closing", "won", .won),
            ])
        XCTAssertEqual(d.status, .won)
        XCTAssertEqual(d.wonAt, rt("2026-04-01T09:00:00Z"))
        XCTAssertNil(openDeal("o", stage: "lead").wonAt)

        var o = openDeal("o", stage: "lead", next: step("Call", due: rd("2026-11-29")))
        XCTAssertTrue(o.hasOverdueNextAction(today: reportToday))
        XCTAssertFalse(o.hasOverdueNextAction(today: rd("2026-11-29"))) // due today is not overdue
        o.activities[0].done = true
        XCTAssertFalse(o.hasOverdueNextAction(today: reportToday))
        o.activities = [step("Call")]
        XCTAssertFalse(o.hasOverdueNextAction(today: reportToday))
    }

    func testEveryReportHasATitle() {
        XCTAssertEqual(
            ReportKind.allCases.map(\.rawValue),
            ["forecast", "funnel", "velocity", "sources", "owners", "lost", "nps", "activities"])
        XCTAssertEqual(Set(ReportKind.allCases.map(Strings.Reports.title)).count, ReportKind.allCases.count)
    }
}
