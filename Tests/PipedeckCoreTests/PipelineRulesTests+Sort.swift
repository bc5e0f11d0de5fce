import XCTest

@testable import PipedeckCore

/// The orders of a column: the manual rank and every sort key.
extension PipelineRulesTests {
    // MARK: sort

    func testSortKeyNextCyclesThroughEveryCaseAndBack() {
        let all = SortKey.allCases
        XCTAssertEqual(all.count, 10)
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
            var d = deal(
                "d\(n)", value: 500, rank: 6 - n, close: day("2026-12-15"),
                next: step("Call", due: day("2026-12-02")),
                qualification: Qualification(budget: true, need: true))
            d.title = "Same title"
            d.company = "Same company"
            return d
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
}
