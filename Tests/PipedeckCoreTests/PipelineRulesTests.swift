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

    // MARK: sort

    func testSortKeyNextCyclesThroughEveryCaseAndBack() {
        let all = SortKey.allCases
        XCTAssertEqual(all.count, 8)
        for start in all {
            var seen: [SortKey] = [start]
            var k = start.next
            while k != start && seen.count <= all.count {
                seen.append(k)
                k = k.next
            }
            XCTAssertEqual(k, start, "cycling from \(start) comes back to it")
            XCTAssertEqual(seen.count, all.count, "cycling from \(start) visits every key once")
            XCTAssertEqual(Set(seen), Set(all))
        }
        XCTAssertEqual(SortKey.rank.next, .value)
        XCTAssertEqual(all.last!.next, all.first!, "wraps from the last key to the first")
    }

    func testRankSortKeepsTheManualOrder() {
        let t = ts("2026-11-01T09:00:00Z")
        let deals = [
            deal("z", rank: 0, created: t),
            deal("a", rank: 0, created: t.adding(seconds: 60)),
            deal("b", rank: 0, created: t.adding(seconds: 60)),
            deal("c", rank: 1, created: t),
            deal("m", rank: 2, created: t.adding(days: -5)),
        ]
        let b = rulesBoard(deals: deals)
        XCTAssertEqual(
            ids(deals.sorted(by: Board.columnOrder)), ["z", "a", "b", "c", "m"], "rank, then creation, then id")
        XCTAssertEqual(ids(b.sorted(deals, by: .rank, today: day("2026-11-30"))), ["z", "a", "b", "c", "m"])
    }

    /// Contract: `.rank` is `Board.columnOrder`, and ties under the other keys keep the manual
    /// (rank) order, whatever order the deals are handed over in.
    func testSortFollowsColumnOrderWhateverTheInputOrder() {
        let t = ts("2026-11-01T09:00:00Z")
        let deals = [
            deal("c", value: 10, rank: 1, created: t),
            deal("b", value: 10, rank: 0, created: t.adding(seconds: 60)),
            deal("a", value: 10, rank: 0, created: t.adding(seconds: 60)),
            deal("z", value: 10, rank: 0, created: t),
            deal("m", value: 99, rank: 2, created: t.adding(days: -5)),
        ]
        let b = rulesBoard(deals: deals)
        let today = day("2026-11-30")
        XCTAssertEqual(
            ids(b.sorted(deals, by: .rank, today: today)), ["z", "a", "b", "c", "m"],
            "rank sort = Board.columnOrder (rank, then creation, then id)")
        XCTAssertEqual(
            ids(b.sorted(deals.reversed(), by: .rank, today: today)), ["z", "a", "b", "c", "m"],
            "rank sort does not depend on the input order")
        XCTAssertEqual(
            ids(b.sorted(deals, by: .value, today: today)), ["m", "z", "a", "b", "c"],
            "equal values keep the manual rank order")
        let shuffled = ["b", "m", "c", "a", "z"].map { id in deals.first { $0.id == id }! }
        XCTAssertEqual(
            ids(b.sorted(shuffled, by: .value, today: today)), ["m", "z", "a", "b", "c"],
            "equal values keep the manual rank order (shuffled input)")
    }

    func testValueSortIsDescendingAndStable() {
        let deals = [
            deal("r0", value: 5, rank: 0),
            deal("r1", value: 10, rank: 1),
            deal("r2", value: 5, rank: 2),
            deal("r3", value: 10, rank: 3),
            deal("r4", value: 1_000_000, rank: 4),
            deal("r5", value: 0, rank: 5),
        ]
        let b = rulesBoard(deals: deals)
        XCTAssertEqual(ids(b.sorted(deals, by: .value, today: Fixed.today)), ["r4", "r1", "r3", "r0", "r2", "r5"])
    }

    func testEveryKeyKeepsManualOrderWhenAllKeysAreEqual() {
        // Identical amounts, probabilities, dates, ages and scores: only the rank differs.
        let deals = (0..<7).map { n in
            deal(
                "d\(n)", value: 500, rank: 6 - n, close: day("2026-12-15"),
                next: step("Call", due: day("2026-12-02")),
                qualification: Qualification(budget: true, need: true))
        }
        let b = rulesBoard(deals: deals)
        let manual = ["d6", "d5", "d4", "d3", "d2", "d1", "d0"]
        let inManualOrder = deals.sorted(by: Board.columnOrder)
        XCTAssertEqual(ids(inManualOrder), manual)
        for key in SortKey.allCases {
            XCTAssertEqual(
                ids(b.sorted(inManualOrder, by: key, today: Fixed.today)), manual, "\(key) keeps the manual order")
        }
        // And with every date missing.
        let undated = inManualOrder.map { d -> Deal in
            var x = d; x.expectedClose = nil; x.activities = []; x.qualification = nil; return x
        }
        for key in SortKey.allCases {
            XCTAssertEqual(
                ids(b.sorted(undated, by: key, today: Fixed.today)), manual, "\(key) keeps the manual order (no dates)")
        }
    }

    func testWeightedSortUsesEffectiveProbability() {
        // fresh is 20 %, slow is 50 %.
        let deals = [
            deal("w400", value: 2_000, stage: "fresh", rank: 0), // 400
            deal("w900", value: 1_000, stage: "fresh", rank: 1, probability: Percent(90)), // 900
            deal("w500a", value: 1_000, stage: "slow", rank: 2), // 500
            deal("w500b", value: 500, stage: "fresh", rank: 3, probability: .hundred), // 500
            deal("w0", value: 9_000, stage: "fresh", rank: 4, probability: .zero), // 0
        ]
        let b = rulesBoard(deals: deals)
        XCTAssertEqual(
            ids(b.sorted(deals, by: .weighted, today: Fixed.today)), ["w900", "w500a", "w500b", "w400", "w0"])
        XCTAssertEqual(
            ids(b.sorted(deals, by: .value, today: Fixed.today)), ["w0", "w400", "w900", "w500a", "w500b"],
            "control: by value the order differs")
    }

    func testProbabilitySortIsDescendingWithStageFallback() {
        let deals = [
            deal("p20", stage: "fresh", rank: 0),
            deal("p50", stage: "slow", rank: 1),
            deal("p75", stage: "fresh", rank: 2, probability: Percent(hundredths: 7_550)),
            deal("p50own", stage: "fresh", rank: 3, probability: Percent(50)),
            deal("p100", stage: "won", status: .won, rank: 4),
            deal("p0", stage: "slow", rank: 5, probability: .zero),
        ]
        let b = rulesBoard(deals: deals)
        XCTAssertEqual(
            ids(b.sorted(deals, by: .probability, today: Fixed.today)),
            ["p100", "p75", "p50", "p50own", "p20", "p0"])
    }

    func testScoreSortIsDescendingUnscoredLast() {
        let deals = [
            deal("none", rank: 0),
            deal("s0", rank: 1, qualification: Qualification()),
            deal(
                "s4", rank: 2, qualification: Qualification(budget: true, authority: true, need: true, timeline: true)),
            deal("s2", rank: 3, qualification: Qualification(budget: true, timeline: true)),
            deal("s2b", rank: 4, qualification: Qualification(authority: true, need: true)),
            deal("s1", rank: 5, qualification: Qualification(need: true)),
        ]
        let b = rulesBoard(deals: deals)
        XCTAssertEqual(ids(b.sorted(deals, by: .score, today: Fixed.today)), ["s4", "s2", "s2b", "s1", "s0", "none"])
    }

    func testAgeSortIsLongestInStageFirst() {
        let today = day("2026-11-30")
        let deals = [
            deal("d1", rank: 0, entered: ts("2026-11-29T23:59:59Z")),
            deal("d10", rank: 1, entered: ts("2026-11-20T00:00:00Z")),
            deal("d0", rank: 2, entered: ts("2026-11-30T00:00:00Z")),
            deal("d10b", rank: 3, entered: ts("2026-11-20T23:00:00Z")),
            deal("d400", rank: 4, entered: ts("2025-10-26T12:00:00Z")),
        ]
        let b = rulesBoard(deals: deals)
        XCTAssertEqual(ids(b.sorted(deals, by: .age, today: today)), ["d400", "d10", "d10b", "d1", "d0"])
    }

    func testCloseSortIsSoonestFirstUndatedLast() {
        let deals = [
            deal("none1", rank: 0),
            deal("jan", rank: 1, close: day("2027-01-01")),
            deal("dec", rank: 2, close: day("2026-12-31")),
            deal("none2", rank: 3),
            deal("past", rank: 4, close: day("2026-01-15")),
            deal("dec2", rank: 5, close: day("2026-12-31")),
        ]
        let b = rulesBoard(deals: deals)
        XCTAssertEqual(
            ids(b.sorted(deals, by: .close, today: Fixed.today)), ["past", "dec", "dec2", "jan", "none1", "none2"])
    }

    func testDueSortIsSoonestFirstWithoutADateLast() {
        let deals = [
            deal("noAction", rank: 0),
            deal("feb", rank: 1, next: step("a", due: day("2028-02-29"))),
            deal("doneEarly", rank: 2, next: step("a", due: day("2020-01-01"), done: true)),
            deal("undated", rank: 3, next: step("a")),
            deal("late", rank: 4, next: step("a", due: day("2026-11-01"))),
            deal("feb2", rank: 5, next: step("a", due: day("2028-02-29"))),
        ]
        let b = rulesBoard(deals: deals)
        XCTAssertEqual(
            ids(b.sorted(deals, by: .due, today: Fixed.today)),
            ["late", "feb", "feb2", "noAction", "doneEarly", "undated"],
            "a done action has no date to sort by; dateless deals keep manual order at the end")
    }

    func testSortingNeverChangesRanksOrTheBoard() {
        let b0 = smallBoard()
        var g = SeededGenerator(seed: 42)
        var deals: [Deal] = []
        for n in 0..<20 {
            var d = deal(
                String(format: "x%02d", n), value: g.int(5) * 100, stage: ["fresh", "slow"][g.int(2)],
                rank: g.int(6), created: Fixed.now.adding(days: -g.int(40)))
            if g.int(2) == 0 { d.probability = Percent(g.int(101)) }
            if g.int(2) == 0 { d.expectedClose = Fixed.today.adding(days: g.int(20) - 10) }
            if g.int(2) == 0 {
                d.activities = [
                    step(
                        "n", due: g.int(3) == 0 ? nil : Fixed.today.adding(days: g.int(9) - 4), done: g.int(4) == 0)
                ]
            }
            if g.int(2) == 0 { d.qualification = Qualification(budget: g.int(2) == 0, need: g.int(2) == 0) }
            d.stageEnteredAt = d.createdAt.adding(days: g.int(5))
            deals.append(d)
        }
        let b = rulesBoard(deals: deals)
        let copy = b
        let rankByID = Dictionary(uniqueKeysWithValues: deals.map { ($0.id, $0.rank) })
        let manual = deals.sorted(by: Board.columnOrder)
        let byValue = b.sorted(manual, by: .value, today: Fixed.today)
        for (x, y) in zip(byValue, byValue.dropFirst()) {
            XCTAssertGreaterThanOrEqual(x.value, y.value)
            if x.value == y.value {
                XCTAssertTrue(Board.columnOrder(x, y), "tie \(x.id), \(y.id) keeps the manual order")
            }
        }
        for key in SortKey.allCases {
            let sorted = b.sorted(manual, by: key, today: Fixed.today)
            XCTAssertEqual(sorted.count, deals.count, "\(key)")
            XCTAssertEqual(Set(ids(sorted)), Set(ids(deals)), "\(key) is a permutation")
            for d in sorted { XCTAssertEqual(d.rank, rankByID[d.id], "\(key) must not change the rank of \(d.id)") }
            XCTAssertEqual(Set(sorted), Set(deals), "\(key) returns the deals unchanged")
            // Sorting an already sorted list by the same key gives the same list (a total, stable order).
            XCTAssertEqual(ids(b.sorted(sorted, by: key, today: Fixed.today)), ids(sorted), "\(key) is idempotent")
        }
        XCTAssertEqual(b, copy, "looking at another order does not change the board")
        let small = b0.sorted(b0.deals, by: .value, today: Fixed.today)
        XCTAssertEqual(ids(small), ["aaa111", "ccc444", "bbb333", "aaa222"])
        XCTAssertEqual(b0.deals.map(\.rank), [0, 1, 0, 0])
    }

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
