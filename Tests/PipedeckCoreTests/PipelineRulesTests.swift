import XCTest

@testable import PipedeckCore

/// Staleness, overdue next actions, column sort orders and the agenda (Pipeline.swift).
/// Every instant and day is fixed: nothing here reads the clock.
final class PipelineRulesTests: XCTestCase {

    // MARK: helpers

    func day(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> Day {
        guard let d = Day.parse(s) else { XCTFail("bad day literal \(s)", file: file, line: line); return Fixed.today }
        return d
    }

    func ts(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> Timestamp {
        guard let t = Timestamp.parse(s) else {
            XCTFail("bad timestamp literal \(s)", file: file, line: line); return Fixed.now
        }
        return t
    }

    /// Three stages: one that rots after 5 days, one that never rots, and a won stage that
    /// would rot after 3 days if won deals could be stale.
    func rulesBoard(deals: [Deal] = []) -> Board {
        Board(
            name: "Rules", currency: "EUR",
            stages: [
                Stage(id: "fresh", name: "Fresh", probability: Percent(20), rotDays: 5),
                Stage(id: "slow", name: "Slow", probability: Percent(50), rotDays: 0),
                Stage(id: "won", name: "Won", probability: Percent(100), kind: .won, rotDays: 3),
            ], deals: deals)
    }

    /// A deal created at `created` whose last change was at `updated` (default: created).
    func deal(
        _ id: String, title: String? = nil, value: Int = 1_000, stage: String = "fresh",
        status: DealStatus = .open, rank: Int = 0, created: Timestamp = Fixed.now.adding(days: -30),
        updated: Timestamp? = nil, entered: Timestamp? = nil, probability: Percent? = nil,
        close: Day? = nil, next: Activity? = nil, qualification: Qualification? = nil
    ) -> Deal {
        var d = Deal(
            id: id, title: title ?? id, value: Money(units: value), stage: stage, createdAt: created,
            probability: probability, status: status, expectedClose: close, activities: next.map { [$0] } ?? [],
            qualification: qualification, rank: rank)
        if let u = updated { d.updatedAt = u }
        if let e = entered { d.stageEnteredAt = e }
        return d
    }

    func ids(_ deals: [Deal]) -> [String] { deals.map(\.id) }

    // MARK: stale

    func testStaleExactlyRotDaysIsNotStaleOneMoreIs() {
        let updated = ts("2026-11-20T10:00:00Z")
        let d = deal("d1", updated: updated)
        let b = rulesBoard(deals: [d])
        XCTAssertEqual(b.staleDays(d, today: day("2026-11-20")), 0)
        XCTAssertEqual(b.staleDays(d, today: day("2026-11-25")), 5)
        XCTAssertFalse(b.isStale(d, today: day("2026-11-24")), "4 days < rotDays 5")
        XCTAssertFalse(b.isStale(d, today: day("2026-11-25")), "exactly rotDays (5) days is not stale")
        XCTAssertTrue(b.isStale(d, today: day("2026-11-26")), "rotDays + 1 days is stale")
        XCTAssertTrue(b.isStale(d, today: day("2027-11-26")), "a year later is still stale")
        XCTAssertFalse(b.isStale(d, today: day("2026-11-20")), "changed today")
    }

    func testStaleCountsWholeUTCDaysAtTheDayBoundary() {
        // One second apart, but on different UTC days.
        let late = deal("late", updated: ts("2026-11-29T23:59:59Z"))
        let early = deal("early", updated: ts("2026-11-30T00:00:00Z"))
        let b = rulesBoard(deals: [late, early])
        let today = day("2026-12-05")
        XCTAssertEqual(b.staleDays(late, today: today), 6)
        XCTAssertEqual(b.staleDays(early, today: today), 5)
        XCTAssertTrue(b.isStale(late, today: today), "updated at 23:59:59 six days ago → 6 days > 5")
        XCTAssertFalse(b.isStale(early, today: today), "updated at 00:00:00 the next day → 5 days, not stale")
        // The time of day of the update does not matter inside one UTC day.
        let morning = deal("morning", updated: ts("2026-11-30T00:00:01Z"))
        let evening = deal("evening", updated: ts("2026-11-30T23:59:59Z"))
        XCTAssertEqual(b.staleDays(morning, today: today), 5)
        XCTAssertEqual(b.staleDays(evening, today: today), 5)
        XCTAssertFalse(b.isStale(evening, today: today))
        XCTAssertTrue(b.isStale(evening, today: day("2026-12-06")))
    }

    func testStaleAcrossMonthAndYearEnds() {
        let d = deal("d", updated: ts("2026-12-28T12:00:00Z"))
        let b = rulesBoard(deals: [d])
        XCTAssertFalse(b.isStale(d, today: day("2027-01-02")), "5 days across the new year")
        XCTAssertTrue(b.isStale(d, today: day("2027-01-03")), "6 days across the new year")
        let leap = deal("leap", updated: ts("2028-02-25T08:00:00Z"))
        XCTAssertEqual(b.staleDays(leap, today: day("2028-03-01")), 5, "2028-02-29 exists")
        XCTAssertFalse(b.isStale(leap, today: day("2028-03-01")))
        XCTAssertTrue(b.isStale(leap, today: day("2028-03-02")))
    }

    func testStaleUsesTheLastChangeNotTheStageEntry() {
        let d = deal(
            "d", created: ts("2026-01-01T09:00:00Z"), updated: ts("2026-11-29T09:00:00Z"),
            entered: ts("2026-01-01T09:00:00Z"))
        let b = rulesBoard(deals: [d])
        XCTAssertFalse(b.isStale(d, today: day("2026-11-30")), "changed yesterday, in the stage for months")
        XCTAssertEqual(b.daysInStage(d, today: day("2026-11-30")), 333)
    }

    func testRotDaysZeroIsNeverStale() {
        let d = deal("d", stage: "slow", created: ts("2000-01-01T00:00:00Z"))
        let b = rulesBoard(deals: [d])
        XCTAssertEqual(b.staleDays(d, today: day("2026-11-30")), 9830)
        XCTAssertFalse(b.isStale(d, today: day("2026-11-30")))
        XCTAssertFalse(b.isStale(d, stage: b.stage("slow")!, today: day("2026-11-30")))
    }

    func testWonAndLostDealsAreNeverStale() {
        let old = ts("2026-01-01T09:00:00Z")
        let lost = deal("lost", stage: "fresh", status: .lost, updated: old)
        let won = deal("won", stage: "won", status: .won, updated: old)
        let wonInOpenStage = deal("won2", stage: "fresh", status: .won, updated: old)
        let open = deal("open", stage: "fresh", updated: old)
        let b = rulesBoard(deals: [lost, won, wonInOpenStage, open])
        let today = day("2026-11-30")
        XCTAssertFalse(b.isStale(lost, today: today), "lost deals are never stale")
        XCTAssertFalse(b.isStale(won, today: today), "won deals are never stale, even in a won stage with rotDays 3")
        XCTAssertFalse(b.isStale(wonInOpenStage, today: today), "won deals are never stale")
        XCTAssertTrue(b.isStale(open, today: today), "control: the same dates on an open deal are stale")
        for d in b.deals {
            XCTAssertEqual(
                b.isStale(d, stage: b.stage(d.stage)!, today: today), b.isStale(d, today: today),
                "both isStale variants agree for \(d.id)")
        }
    }

    func testIsStaleWithExplicitStageUsesThatStagesRotDays() {
        let d = deal("d", updated: ts("2026-11-20T10:00:00Z"))
        let b = rulesBoard(deals: [d])
        let today = day("2026-11-26")
        XCTAssertTrue(b.isStale(d, stage: Stage(id: "x", name: "X", probability: .zero, rotDays: 5), today: today))
        XCTAssertFalse(b.isStale(d, stage: Stage(id: "x", name: "X", probability: .zero, rotDays: 6), today: today))
        XCTAssertFalse(b.isStale(d, stage: Stage(id: "x", name: "X", probability: .zero, rotDays: 0), today: today))
    }

    func testStageRotDaysChangeChangesStaleness() throws {
        let d = deal("d", updated: ts("2026-11-20T10:00:00Z"))
        let b = rulesBoard(deals: [d])
        let today = day("2026-11-26")
        XCTAssertTrue(b.isStale(d, today: today))
        var s = try XCTUnwrap(b.stage("fresh"))
        s.rotDays = 6
        let longer = b.applied(.updateStage(s))
        XCTAssertFalse(longer.isStale(longer.deal("d")!, today: today))
        s.rotDays = 0
        let off = b.applied(.updateStage(s))
        XCTAssertFalse(off.isStale(off.deal("d")!, today: today))
    }

    func testDaysInStageCountsUTCDaysFromStageEntry() {
        let d = deal("d", updated: ts("2026-11-29T09:00:00Z"), entered: ts("2026-11-20T23:59:59Z"))
        let b = rulesBoard(deals: [d])
        XCTAssertEqual(b.daysInStage(d, today: day("2026-11-20")), 0)
        XCTAssertEqual(b.daysInStage(d, today: day("2026-11-21")), 1, "one second later is the next UTC day")
        XCTAssertEqual(b.daysInStage(d, today: day("2026-12-01")), 11)
    }

    // MARK: overdue

    func testOverdueOnlyWhenDueBeforeToday() {
        let today = day("2026-11-30")
        let yesterday = deal("y", next: step("Call", due: day("2026-11-29")))
        let dueToday = deal("t", next: step("Call", due: today))
        let tomorrow = deal("m", next: step("Call", due: day("2026-12-01")))
        let longAgo = deal("a", next: step("Call", due: day("2025-01-01")))
        let b = rulesBoard(deals: [yesterday, dueToday, tomorrow, longAgo])
        XCTAssertTrue(b.isOverdue(yesterday, today: today))
        XCTAssertTrue(b.isOverdue(longAgo, today: today))
        XCTAssertFalse(b.isOverdue(dueToday, today: today), "due today is not overdue")
        XCTAssertFalse(b.isOverdue(tomorrow, today: today))
        // Across midnight: the action due today becomes overdue tomorrow.
        XCTAssertTrue(b.isOverdue(dueToday, today: day("2026-12-01")))
        XCTAssertFalse(b.isOverdue(tomorrow, today: day("2026-12-01")))
    }

    func testOverdueAcrossMonthYearAndLeapDay() {
        let newYearsEve = deal("nye", next: step("Call", due: day("2026-12-31")))
        let leap = deal("leap", next: step("Call", due: day("2028-02-29")))
        let b = rulesBoard(deals: [newYearsEve, leap])
        XCTAssertFalse(b.isOverdue(newYearsEve, today: day("2026-12-31")))
        XCTAssertTrue(b.isOverdue(newYearsEve, today: day("2027-01-01")))
        XCTAssertFalse(b.isOverdue(leap, today: day("2028-02-29")))
        XCTAssertTrue(b.isOverdue(leap, today: day("2028-03-01")))
        XCTAssertFalse(b.isOverdue(leap, today: day("2028-02-28")))
    }

    func testDoneMissingOrUndatedActionsAreNeverOverdue() {
        let today = day("2026-11-30")
        let done = deal("done", next: step("Call", due: day("2026-11-01"), done: true))
        let undated = deal("undated", next: step("Call"))
        let none = deal("none")
        let b = rulesBoard(deals: [done, undated, none])
        XCTAssertFalse(b.isOverdue(done, today: today), "a done action is never overdue")
        XCTAssertFalse(b.isOverdue(undated, today: today))
        XCTAssertFalse(b.isOverdue(none, today: today))
    }

    func testClosedDealsAreNeverOverdue() {
        let today = day("2026-11-30")
        let late = step("Call", due: day("2026-11-01"))
        let won = deal("won", stage: "won", status: .won, next: late)
        let lost = deal("lost", status: .lost, next: late)
        let open = deal("open", next: late)
        let b = rulesBoard(deals: [won, lost, open])
        XCTAssertFalse(b.isOverdue(won, today: today))
        XCTAssertFalse(b.isOverdue(lost, today: today))
        XCTAssertTrue(b.isOverdue(open, today: today), "control")
    }
}
