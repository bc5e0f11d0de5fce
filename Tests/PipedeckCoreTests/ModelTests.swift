import XCTest

@testable import PipedeckCore

final class ModelTests: XCTestCase {
    func testEffectiveProbability() {
        var b = smallBoard()
        XCTAssertEqual(b.probability(of: b.deal("aaa111")!), Percent(10)) // lead
        XCTAssertEqual(b.probability(of: b.deal("bbb333")!), Percent(60)) // proposal
        b.deals[0].probability = Percent(hundredths: 6550)
        XCTAssertEqual(b.probability(of: b.deals[0]), Percent(hundredths: 6550))
        b.deals[0].probability = .zero
        XCTAssertEqual(b.probability(of: b.deals[0]), .zero, "an explicit 0 % wins over the stage's")
    }

    func testWeightedValueOfDeal() {
        var b = smallBoard()
        b.stages[0].probability = Percent(50)
        XCTAssertEqual(b.weightedValue(of: b.deal("aaa111")!), Money(units: 5_000)) // 10 000 at 50 %
        b.deals[0].value = Money(units: 12_500)
        b.deals[0].probability = Percent(hundredths: 6550)
        XCTAssertEqual(b.weightedValue(of: b.deals[0]), money("8187.5"))
        b.deals[0].value = money("0.01")
        b.deals[0].probability = Percent(hundredths: 3333)
        XCTAssertEqual(b.weightedValue(of: b.deals[0]), money("0.003333"))
        XCTAssertEqual(b.weightedValue(of: b.deals[0]).micros, 3_333)
    }

    func testCurrencyOfDeal() {
        var b = smallBoard()
        XCTAssertEqual(b.currency(of: b.deals[0]), "EUR")
        b.deals[0].currency = "USD"
        XCTAssertEqual(b.currency(of: b.deals[0]), "USD")
    }

    func testColumnOrder() {
        var b = smallBoard()
        b.deals[0].rank = 5
        XCTAssertEqual(b.deals(inStage: "lead").map(\.id), ["aaa222", "aaa111"])
        b.deals[0].rank = 1 // same rank: creation then id
        XCTAssertEqual(b.deals(inStage: "lead").map(\.id), ["aaa111", "aaa222"])
        b.deals[1].createdAt = Timestamp(seconds: 0)
        XCTAssertEqual(b.deals(inStage: "lead").map(\.id), ["aaa222", "aaa111"])
    }

    func testQualificationScore() {
        XCTAssertEqual(Qualification().score, 0)
        XCTAssertEqual(Qualification(budget: true, need: true).score, 2)
        XCTAssertEqual(Qualification(budget: true, authority: true, need: true, timeline: true).score, 4)
    }

    func testCurrencyCodes() {
        XCTAssertTrue(Board.isCurrencyCode("EUR"))
        XCTAssertFalse(Board.isCurrencyCode("eur"))
        XCTAssertFalse(Board.isCurrencyCode("EURO"))
        XCTAssertFalse(Board.isCurrencyCode("€"))
    }

    // MARK: resolveDeal

    func testResolveDealExactID() {
        let b = Fixed.demo
        XCTAssertEqual(try? b.resolveDeal("d13pro").get().id, "d13pro")
    }

    func testResolveDealUniquePrefix() {
        let b = Fixed.demo
        XCTAssertEqual(try? b.resolveDeal("d13").get().id, "d13pro")
        XCTAssertEqual(try? b.resolveDeal("d2").get().id, nil, "d20…d25 share the prefix")
        XCTAssertEqual(try? b.resolveDeal("d25").get().id, "d25lea")
    }

    func testResolveDealAmbiguousPrefixListsCandidates() {
        let b = Fixed.demo
        switch b.resolveDeal("d0") {
        case .success(let d): XCTFail("should be ambiguous, got \(d.id)")
        case .failure(let e):
            XCTAssertEqual(
                e,
                .ambiguousDeal(
                    "d0",
                    candidates: [
                        "d01lea", "d02lea", "d03lea", "d04lea", "d05qua",
                        "d06qua", "d07qua", "d08nee", "d09nee",
                    ]))
        }
        switch b.resolveDeal("d2") {
        case .success(let d): XCTFail("should be ambiguous, got \(d.id)")
        case .failure(let e):
            XCTAssertEqual(
                e, .ambiguousDeal("d2", candidates: ["d20won", "d21won", "d22won", "d23los", "d24los", "d25lea"]))
        }
    }

    func testResolveDealExactIDWinsOverLongerIDs() {
        var b = smallBoard()
        b.deals.append(Deal(id: "aaa", title: "Short", value: Money(units: 1), stage: "lead", createdAt: Fixed.now))
        XCTAssertEqual(try? b.resolveDeal("aaa").get().id, "aaa")
    }

    func testResolveDealUnknown() {
        let b = Fixed.demo
        for ref in ["zzz", "", "D13PRO", "13pro", "d13prox"] {
            switch b.resolveDeal(ref) {
            case .success(let d): XCTFail("\"\(ref)\" resolved to \(d.id)")
            case .failure(let e): XCTAssertEqual(e, .unknownDeal(ref))
            }
        }
    }

    // MARK: resolveStage

    func testResolveStage() {
        let b = Fixed.demo
        XCTAssertEqual(b.resolveStage("needs")?.id, "needs")
        XCTAssertEqual(b.resolveStage("Needs analysis")?.id, "needs")
        XCTAssertEqual(b.resolveStage("NEEDS ANALYSIS")?.id, "needs")
        XCTAssertEqual(b.resolveStage("proposal")?.id, "proposal")
        XCTAssertEqual(b.resolveStage("won · follow-up")?.id, "won")
        XCTAssertEqual(b.resolveStage("1")?.id, "lead")
        XCTAssertEqual(b.resolveStage("4")?.id, "proposal")
        XCTAssertEqual(b.resolveStage("7")?.id, "won")
        XCTAssertNil(b.resolveStage("0"))
        XCTAssertNil(b.resolveStage("8"))
        XCTAssertNil(b.resolveStage("-1"))
        XCTAssertNil(b.resolveStage("nowhere"))
        XCTAssertNil(b.resolveStage(""))
    }

    func testResolveStagePrefersIDOverName() {
        var b = smallBoard()
        // A stage whose name is another stage's id.
        b.stages[0].name = "closing"
        XCTAssertEqual(b.resolveStage("closing")?.id, "closing")
        XCTAssertEqual(b.resolveStage("Lead generation"), nil)
    }
}
