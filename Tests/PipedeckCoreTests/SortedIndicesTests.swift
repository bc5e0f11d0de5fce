import Foundation
import XCTest

@testable import PipedeckCore

/// A column's deals in a sort order, by their positions (`Board.sortedIndices`), come in the
/// order `Board.sorted` gives, for every sort key, with ties, missing values and accents.
final class SortedIndicesTests: XCTestCase {
    func testEveryKeyOrdersAsSortedDoes() {
        var r = SeededRandom(seed: 42)
        let titles = ["Audit", "audit", "Äudit", "Œuvre", "oeuvre", "Zèbre", "zebre", "ERP", "érp", "日本", ""]
        let companies: [String?] = [nil, "Dupré", "dupre", "Acme", "ACME", "Été", nil, "Zoo"]
        let stages = [
            Stage(id: "a", name: "A", probability: Percent(10)), Stage(id: "b", name: "B", probability: Percent(60)),
        ]
        var deals: [Deal] = []
        for i in 0..<300 {
            let created = Fixed.now.adding(days: -r.below(5))
            var d = Deal(
                id: "d\(r.below(1_000))-\(i)", title: titles[r.below(titles.count)],
                value: Money(units: r.below(4) * 500), stage: stages[r.below(2)].id,
                createdAt: created)
            d.rank = r.below(20)
            d.company = companies[r.below(companies.count)]
            if r.below(3) == 0 { d.probability = Percent(r.below(3) * 25) }
            if r.below(2) == 0 { d.expectedClose = Fixed.today.adding(days: r.below(4)) }
            if r.below(4) == 0 { d.qualification = Qualification(budget: true, need: r.below(2) == 0) }
            d.stageEnteredAt = created
            if r.below(2) == 0 {
                d.activities = [
                    Activity(
                        id: "x\(i)", type: .call, subject: "Call", due: Fixed.today.adding(days: r.below(3)),
                        createdAt: created)
                ]
            }
            if r.below(10) == 0 { d.status = .won }
            deals.append(d)
        }
        let board = Board(name: "b", stages: stages, deals: deals)
        let column = Array(deals.indices).shuffled(using: &r)
        for key in SortKey.allCases {
            let expected = board.sorted(column.map { deals[$0] }, by: key, today: Fixed.today).map(\.id)
            let got = board.sortedIndices(column, by: key, today: Fixed.today).map { deals[$0].id }
            XCTAssertEqual(got, expected, "\(key)")
        }
    }
}
