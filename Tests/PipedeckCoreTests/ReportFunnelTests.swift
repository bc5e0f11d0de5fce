import XCTest

@testable import PipedeckCore

/// The funnel on hand-worked histories: skipped stages, moves backwards, deals created
/// mid-pipeline, wins straight from Negotiation and a stage that no longer exists.
final class ReportFunnelTests: XCTestCase {
    func board() -> Board {
        func at(_ day: Int) -> String { "2026-11-\(day < 10 ? "0" : "")\(day)T09:00:00Z" }
        return standardBoard([
            // f1: every stage in order, won.
            reportDeal(
                "f1",
                steps: [
                    (at(1), nil, "lead", nil), (at(2), "lead", "qualification", nil),
                    (at(3), "qualification", "needs", nil), (at(4), "needs", "proposal", nil),
                    (at(5), "proposal", "negotiation", nil), (at(6), "negotiation", "closing", nil),
                    (at(7), "closing", "won", .won),
                ]),
            // f2: lead → proposal (skips qualification and needs), lost in proposal.
            reportDeal(
                "f2",
                steps: [
                    (at(1), nil, "lead", nil), (at(3), "lead", "proposal", nil),
                    (at(9), "proposal", "proposal", .lost),
                ]),
            // f3: forward, back, forward again: counts once per stage; open in needs.
            reportDeal(
                "f3",
                steps: [
                    (at(1), nil, "lead", nil), (at(2), "lead", "qualification", nil),
                    (at(4), "qualification", "needs", nil), (at(6), "needs", "qualification", nil),
                    (at(8), "qualification", "needs", nil),
                ]),
            // f4: created directly in proposal (imported): reached proposal only; open.
            reportDeal("f4", steps: [(at(2), nil, "proposal", nil)]),
            // f5: lost in lead.
            reportDeal("f5", steps: [(at(1), nil, "lead", nil), (at(2), "lead", "lead", .lost)]),
            // f6: lead → negotiation, then won from there: passes qualification … closing.
            reportDeal(
                "f6",
                steps: [
                    (at(1), nil, "lead", nil), (at(3), "lead", "negotiation", nil),
                    (at(9), "negotiation", "won", .won),
                ]),
            // f7: through a stage since deleted from the board; open in qualification.
            reportDeal(
                "f7",
                steps: [
                    (at(1), nil, "lead", nil), (at(2), "lead", "demo", nil),
                    (at(3), "demo", "qualification", nil),
                ]),
        ])
    }

    func testReachedWentOnAndConversion() {
        let b = board()
        let r = FunnelReport(board: b, deals: b.deals)
        XCTAssertEqual(
            r.rows.map(\.stage.id), ["lead", "qualification", "needs", "proposal", "negotiation", "closing", "won"])
        XCTAssertEqual(r.rows.map(\.reached), [6, 5, 4, 4, 2, 2, 2])
        XCTAssertEqual(r.rows.map(\.advanced), [5, 4, 3, 2, 2, 2, 0])
        XCTAssertEqual(
            r.rows.map { $0.conversion?.percentText }, ["83.3", "80.0", "75.0", "50.0", "100.0", "100.0", nil])
        XCTAssertEqual(r.rows.map(\.openNow), [0, 1, 1, 1, 0, 0, 0])
        XCTAssertEqual(r.rows.map(\.lostHere), [1, 0, 0, 1, 0, 0, 0])
    }

    func testBottleneckIsTheLowestConversion() {
        let b = board()
        let r = FunnelReport(board: b, deals: b.deals)
        XCTAssertEqual(r.bottleneck, 3)
        XCTAssertEqual(r.rows.filter(\.isBottleneck).map(\.stage.id), ["proposal"])
    }

    func testWinRates() {
        let b = board()
        let r = FunnelReport(board: b, deals: b.deals)
        XCTAssertEqual(r.dealCount, 7)
        XCTAssertEqual([r.open, r.won, r.lost], [3, 2, 2])
        XCTAssertEqual(r.winRate, Ratio(2, of: 4))
        XCTAssertEqual(r.winRate.percentText, "50.0")
        XCTAssertEqual(r.wonOfAll.percentText, "28.6")
    }

    func testBottleneckTieGoesToTheEarliestStage() {
        var b = Board(
            name: "Tie",
            stages: [
                Stage(id: "a", name: "A", probability: Percent(10)),
                Stage(id: "b", name: "B", probability: Percent(50)),
                Stage(id: "c", name: "C", probability: Percent(80)),
                Stage(id: "w", name: "W", probability: Percent(100), kind: .won),
            ])
        b.deals = [
            reportDeal("1", steps: [("2026-11-01T09:00:00Z", nil, "a", nil), ("2026-11-02T09:00:00Z", "a", "b", nil)]),
            reportDeal("2", steps: [("2026-11-01T09:00:00Z", nil, "a", nil)]),
            reportDeal(
                "3",
                steps: [
                    ("2026-11-01T09:00:00Z", nil, "b", nil), ("2026-11-02T09:00:00Z", "b", "c", nil),
                    ("2026-11-03T09:00:00Z", "c", "w", .won),
                ]),
        ]
        let r = FunnelReport(board: b, deals: b.deals)
        // a: 1 of 2 went on; b: 1 of 2 (deal 3) — a tie at 50 %, so the earlier stage.
        XCTAssertEqual(r.rows.map(\.reached), [2, 2, 1, 1])
        XCTAssertEqual(r.rows[0].conversion, Ratio(1, of: 2))
        XCTAssertEqual(r.rows[1].conversion, Ratio(1, of: 2))
        XCTAssertEqual(r.rows[2].conversion, Ratio(1, of: 1))
        XCTAssertEqual(r.bottleneck, 0)

        // A stage nobody reached (0 of 0) is never the bottleneck, even though nothing went on.
        b.deals = [
            reportDeal("4", steps: [("2026-11-01T09:00:00Z", nil, "a", nil), ("2026-11-02T09:00:00Z", "a", "b", nil)])
        ]
        let r2 = FunnelReport(board: b, deals: b.deals)
        XCTAssertEqual(r2.rows.map(\.reached), [1, 1, 0, 0])
        XCTAssertFalse(r2.rows[2].conversion!.isDefined)
        XCTAssertEqual(r2.bottleneck, 1) // b: 0 of 1
    }

    func testEmptyFunnel() {
        let r = FunnelReport(board: standardBoard(), deals: [])
        XCTAssertNil(r.bottleneck)
        XCTAssertEqual(r.rows.map(\.reached), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertFalse(r.winRate.isDefined)
        XCTAssertFalse(r.wonOfAll.isDefined)
    }

    func testADealWithoutHistoryReachedItsStage() {
        var d = openDeal("x", stage: "needs")
        d.history = []
        let r = FunnelReport(board: standardBoard([d]), deals: [d])
        XCTAssertEqual(r.rows.map(\.reached), [0, 0, 1, 0, 0, 0, 0])
    }

    func testDemoFunnelIsMonotone() {
        let demo = Fixed.demo
        let r = FunnelReport(board: demo, deals: demo.deals)
        XCTAssertEqual(r.rows.first?.reached, 25)
        for (x, y) in zip(r.rows, r.rows.dropFirst()) { XCTAssertGreaterThanOrEqual(x.reached, y.reached) }
        XCTAssertEqual(r.rows.last?.reached, 3)
        XCTAssertEqual(r.winRate, Ratio(3, of: 5))
    }
}
