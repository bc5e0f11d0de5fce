import XCTest

@testable import PipedeckCore

/// Customer follow-up: categories, NPS, promoters and the customers still to ask.
final class ReportNPSTests: XCTestCase {
    func won(_ id: String, _ score: Int?, title: String? = nil, at day: Int = 10) -> Deal {
        var d = wonDeal(id, wonAt: "2026-11-\(day)T09:00:00Z")
        d.title = title ?? "Deal \(id)"
        d.company = "Co \(id)"
        d.npsScore = score
        return d
    }

    func testCategoriesBoundaries() {
        XCTAssertEqual(
            (0...10).map { NPSReport.Category(score: $0) },
            [
                .detractor, .detractor, .detractor, .detractor, .detractor, .detractor, .detractor,
                .passive, .passive, .promoter, .promoter,
            ])
    }

    func testCountsScoreAndLists() {
        let n8 = won("n8", 9, title: "Alpha", at: 18)
        // Answers the file held that could not be read: kept as they were, not counted.
        var n9 = won("n9", nil, at: 19); n9.extra["nps"] = .number("11")
        var n10 = won("n10", nil, at: 20); n10.extra["nps"] = .string("9")
        var open = openDeal("o", stage: "closing"); open.npsScore = 10 // not won: not counted
        var lost = lostDeal("l"); lost.npsScore = 0
        let deals = [
            won("n1", 10, title: "Zulu"), won("n2", 9, title: "beta"), won("n3", 8), won("n4", 7), won("n5", 6),
            won("n6", 0), won("n7", nil, at: 12), n8, n9, n10, open, lost,
        ]
        let r = NPSReport(board: standardBoard(deals), deals: deals)
        XCTAssertEqual(r.wonDeals, 10)
        XCTAssertEqual(r.answers, 7)
        XCTAssertEqual(r.rows.map(\.category), [.promoter, .passive, .detractor])
        XCTAssertEqual(r.rows.map(\.count), [3, 2, 2])
        XCTAssertEqual(r.rows.map { $0.share.percentText }, ["42.9", "28.6", "28.6"])
        // NPS = 100 × (3 − 2) / 7 = 14.29 → 14.
        XCTAssertEqual(r.score, 14)
        // Promoters: 10 first, then the nines by title (any case).
        XCTAssertEqual(r.promoters.map(\.id), ["n1", "n8", "n2"])
        XCTAssertEqual(r.promoters.map(\.score), [10, 9, 9])
        XCTAssertEqual(r.promoters[0].company, "Co n1")
        // Still to ask: the most recently won first.
        XCTAssertEqual(r.unanswered.map(\.id), ["n10", "n9", "n7"])
        XCTAssertEqual(r.entries.count, 10)
    }

    /// One order for every output (CSV lists `entries`; text and JSON list `promoters` and
    /// `unanswered`): deals won at the same moment come out in the same order everywhere,
    /// whatever order the board holds them in.
    func testEntriesHaveTheOrderOfThePromotersAndTheUnanswered() {
        var deals = [
            won("z1", 9, title: "Same"), won("a2", 9, title: "Same"), won("m3", 10, title: "beta"),
            won("q4", 3, title: "Alpha"), won("k5", 7, title: "Alpha"), won("w6", nil), won("b7", nil),
            won("c8", nil, at: 12),
        ]
        for _ in 0..<3 {
            deals.reverse()
            deals.swapAt(0, deals.count / 2)
            let r = NPSReport(board: standardBoard(deals), deals: deals)
            XCTAssertEqual(r.entries.map(\.id), ["m3", "a2", "z1", "k5", "q4", "c8", "b7", "w6"])
            XCTAssertEqual(r.promoters.map(\.id), r.entries.filter { ($0.score ?? 0) >= 9 }.map(\.id))
            XCTAssertEqual(r.unanswered.map(\.id), r.entries.filter { $0.score == nil }.map(\.id))
        }
    }

    func testScoreRoundsHalvesAwayFromZero() {
        func score(_ scores: [Int]) -> Int? {
            let d = scores.enumerated().map { won("x\($0.offset)", $0.element) }
            return NPSReport(board: standardBoard(d), deals: d).score
        }
        XCTAssertEqual(score([10, 8, 8, 8, 8, 8, 8, 8]), 13) // 12.5
        XCTAssertEqual(score([0, 8, 8, 8, 8, 8, 8, 8]), -13) // -12.5
        XCTAssertEqual(score([0, 6, 3]), -100)
        XCTAssertEqual(score([9, 10]), 100)
        XCTAssertEqual(score([9, 6]), 0)
        XCTAssertNil(score([]))
        XCTAssertNil(NPSReport(board: standardBoard(), deals: [won("q", nil)]).score)
    }

    func testWording() {
        let d = [won("a", 10), won("b", 3), won("c", nil)]
        let r = NPSReport(board: standardBoard(d), deals: d)
        XCTAssertEqual(Strings.Reports.npsLine(r), "NPS = 50.0% promoters − 50.0% detractors = 0")
        XCTAssertTrue(Strings.Reports.answered(r).hasSuffix("answers from 2 of the 3 won deals."))
    }
}
