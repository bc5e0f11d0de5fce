import XCTest

@testable import PipedeckCore

final class SummaryTests: XCTestCase {
    /// A board with known figures:
    ///   lead (10 %):      o1 10 000 EUR open, o2 2 000 USD open
    ///   proposal (60 %):  o3 12 500 EUR open at 65.5 %, l1 3 000 EUR lost
    ///   closing (90 %):   o4 0.01 EUR open at 33.33 %
    ///   won:              w1 9 000 EUR won, w2 1 000 USD won, l2 4 000 EUR lost (won, then lost)
    func knownBoard() -> Board {
        var b = Template.standard.board(name: "Known", currency: "EUR")
        let t = Fixed.now
        b.deals = [
            Deal(id: "o1", title: "o1", value: Money(units: 10_000), stage: "lead", createdAt: t),
            Deal(id: "o2", title: "o2", value: Money(units: 2_000), stage: "lead", createdAt: t, currency: "USD"),
            Deal(
                id: "o3", title: "o3", value: Money(units: 12_500), stage: "proposal", createdAt: t,
                probability: Percent(hundredths: 6550)),
            Deal(
                id: "l1", title: "l1", value: Money(units: 3_000), stage: "proposal", createdAt: t, status: .lost,
                lostReason: "Price"),
            Deal(
                id: "o4", title: "o4", value: money("0.01"), stage: "closing", createdAt: t,
                probability: Percent(hundredths: 3333)),
            Deal(id: "w1", title: "w1", value: Money(units: 9_000), stage: "won", createdAt: t, status: .won),
            Deal(
                id: "w2", title: "w2", value: Money(units: 1_000), stage: "won", createdAt: t, currency: "USD",
                status: .won),
            Deal(id: "l2", title: "l2", value: Money(units: 4_000), stage: "won", createdAt: t, status: .lost),
        ]
        return b
    }

    func testSeedExample() {
        var b = Template.standard.board()
        b.stages[0].probability = Percent(50)
        b.deals = [Deal(id: "x", title: "x", value: Money(units: 10_000), stage: "lead", createdAt: Fixed.now)]
        XCTAssertEqual(PipelineSummary(board: b).weightedValue, Money(units: 5_000))
    }

    func testOpenFiguresCountOnlyOpenDealsPerCurrency() {
        let s = PipelineSummary(board: knownBoard())
        XCTAssertEqual(s.currency, "EUR")
        XCTAssertEqual(s.open.count, 4)
        // EUR: 10 000 × 10 % + 12 500 × 65.5 % + 0.01 × 33.33 %
        XCTAssertEqual(s.open.weighted["EUR"], money("9187.503333"))
        XCTAssertEqual(s.weightedValue, money("9187.503333"))
        XCTAssertEqual(s.open.total["EUR"], money("22500.01"))
        // USD is kept apart, never converted.
        XCTAssertEqual(s.open.weighted["USD"], Money(units: 200))
        XCTAssertEqual(s.open.total["USD"], Money(units: 2_000))
        XCTAssertEqual(Set(s.open.total.byCurrency.keys), ["EUR", "USD"])
    }

    func testWonAndLostTotalledSeparately() {
        let s = PipelineSummary(board: knownBoard())
        XCTAssertEqual(s.won.count, 2)
        XCTAssertEqual(s.won.total["EUR"], Money(units: 9_000))
        XCTAssertEqual(s.won.total["USD"], Money(units: 1_000))
        XCTAssertEqual(s.lost.count, 2)
        XCTAssertEqual(s.lost.total["EUR"], Money(units: 7_000))
        XCTAssertEqual(s.lost.total["USD"], .zero)
        XCTAssertEqual(s.dealCount, 8)
        XCTAssertEqual(s.open.count + s.won.count + s.lost.count, 8)
    }

    func testWeightedValueIgnoresWonAndLost() {
        var b = knownBoard()
        let before = PipelineSummary(board: b).weightedValue
        b.deals.append(
            Deal(
                id: "w3", title: "w3", value: Money(units: 1_000_000), stage: "won", createdAt: Fixed.now, status: .won)
        )
        b.deals.append(
            Deal(
                id: "l3", title: "l3", value: Money(units: 1_000_000), stage: "closing", createdAt: Fixed.now,
                status: .lost))
        XCTAssertEqual(PipelineSummary(board: b).weightedValue, before)
    }

    func testPerStageFigures() {
        let s = PipelineSummary(board: knownBoard())
        XCTAssertEqual(
            s.stages.map(\.stage.id), ["lead", "qualification", "needs", "proposal", "negotiation", "closing", "won"])
        func f(_ id: String) -> Figures { s.stages.first { $0.stage.id == id }!.figures }
        XCTAssertEqual(f("lead").count, 2)
        XCTAssertEqual(f("lead").total["EUR"], Money(units: 10_000))
        XCTAssertEqual(f("lead").total["USD"], Money(units: 2_000))
        XCTAssertEqual(f("lead").weighted["EUR"], Money(units: 1_000))
        XCTAssertEqual(f("lead").weighted["USD"], Money(units: 200))
        // The lost deal l1 is not in proposal's figures.
        XCTAssertEqual(f("proposal").count, 1)
        XCTAssertEqual(f("proposal").total["EUR"], Money(units: 12_500))
        XCTAssertEqual(f("proposal").weighted["EUR"], money("8187.5"))
        XCTAssertEqual(f("closing").weighted["EUR"], money("0.003333"))
        XCTAssertEqual(f("qualification").count, 0)
        XCTAssertTrue(f("qualification").total.isEmpty)
        // Won stage: won deals only (not the lost l2).
        XCTAssertEqual(f("won").count, 2)
        XCTAssertEqual(f("won").total["EUR"], Money(units: 9_000))
        XCTAssertEqual(f("won").total["USD"], Money(units: 1_000))
        // Stage counts add up to open + won.
        XCTAssertEqual(s.stages.map(\.figures.count).reduce(0, +), s.open.count + s.won.count)
    }

    func testOpenDealInWonStageIsNotCountedThere() {
        var b = knownBoard()
        b.deals.append(Deal(id: "odd", title: "odd", value: Money(units: 50), stage: "won", createdAt: Fixed.now))
        let s = PipelineSummary(board: b)
        XCTAssertEqual(s.stages.last!.figures.count, 2, "per stage: won deals in the won stage only")
    }

    func testDemoBoardSummary() {
        let b = Fixed.demo
        let s = PipelineSummary(board: b)
        XCTAssertEqual(s.open.count, 20)
        XCTAssertEqual(s.won.count, 3)
        XCTAssertEqual(s.lost.count, 2)
        XCTAssertEqual(s.won.total["EUR"], Money(units: 33_000 + 9_600 + 6_000))
        XCTAssertEqual(s.lost.total["EUR"], Money(units: 19_000 + 24_000))
        // Recompute the weighted value independently, deal by deal.
        var expected = Money.zero
        for d in b.deals where d.status == .open && d.currency == nil {
            let p = d.probability ?? b.stage(d.stage)!.probability
            expected += Money(micros: d.value.micros * Int128(p.hundredths) / 10_000)
        }
        XCTAssertEqual(s.weightedValue, expected)
        XCTAssertEqual(s.open.weighted["USD"], Money(units: 12_000)) // 20 000 USD at 60 %
        XCTAssertEqual(s.open.total["USD"], Money(units: 20_000))
        // The 65.5 % deal.
        XCTAssertEqual(b.weightedValue(of: b.deal("d13pro")!), money("8187.5"))
    }

    func testSummaryOfSubset() {
        let b = knownBoard()
        let s = PipelineSummary(board: b, deals: b.deals.filter { $0.currency == "USD" })
        XCTAssertEqual(s.open.count, 1)
        XCTAssertEqual(s.won.count, 1)
        XCTAssertEqual(s.weightedValue, .zero)
        XCTAssertEqual(s.open.weighted["USD"], Money(units: 200))
    }

    func testEmptyBoard() {
        let s = PipelineSummary(board: Template.standard.board())
        XCTAssertEqual(s.open.count, 0)
        XCTAssertEqual(s.weightedValue, .zero)
        XCTAssertEqual(s.stages.count, 7)
    }

    func testAmounts() {
        var a = Amounts()
        XCTAssertTrue(a.isEmpty)
        XCTAssertEqual(a["EUR"], .zero)
        XCTAssertEqual(a.currencies(primary: "EUR"), ["EUR"])
        a.add(Money(units: 5), "USD")
        a.add(Money(units: 7), "CHF")
        XCTAssertEqual(a.currencies(primary: "EUR"), ["CHF", "USD"])
        a.add(Money(units: 1), "EUR")
        a.add(Money(units: 2), "EUR")
        XCTAssertEqual(a["EUR"], Money(units: 3))
        XCTAssertEqual(a.currencies(primary: "EUR"), ["EUR", "CHF", "USD"])
        XCTAssertEqual(Amounts("JPY", Money(units: 9))["JPY"], Money(units: 9))
    }

    func testSummaryFollowsActions() throws {
        let b0 = knownBoard()
        let s0 = PipelineSummary(board: b0)
        // Winning o3 moves its full value to won and its weight out of the pipeline.
        let b1 = try b0.apply(.markWon(id: "o3"), at: Fixed.now).board
        let s1 = PipelineSummary(board: b1)
        XCTAssertEqual(s1.weightedValue, s0.weightedValue - money("8187.5"))
        XCTAssertEqual(s1.won.total["EUR"], s0.won.total["EUR"] + Money(units: 12_500))
        XCTAssertEqual(s1.open.count, s0.open.count - 1)
        // Losing o1 removes it from the pipeline and adds it to lost.
        let b2 = try b1.apply(.markLost(id: "o1", reason: "Price"), at: Fixed.now).board
        let s2 = PipelineSummary(board: b2)
        XCTAssertEqual(s2.weightedValue, s1.weightedValue - Money(units: 1_000))
        XCTAssertEqual(s2.lost.count, s1.lost.count + 1)
        XCTAssertEqual(s2.lost.total["EUR"], s1.lost.total["EUR"] + Money(units: 10_000))
    }
}
