import Foundation
import XCTest

@testable import PipedeckCore

/// A column's deals in a sort order, by their positions (`Board.sortedIndices`), and a list of
/// deals sorted (`Board.sorted`) come in the order the sort keys define, for every key, with ties,
/// missing values and accents.
final class SortedIndicesTests: XCTestCase {
    /// The definition, written the slow way: each key found at each comparison, equal deals in
    /// column order.
    static func reference(_ board: Board, _ deals: [Deal], by key: SortKey, today: Day) -> [Deal] {
        func alphabetical(_ a: String?, _ b: String?) -> Bool? {
            switch (a, b) {
            case (nil, nil): return nil
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?): return Collation.less(x, y) ? true : Collation.less(y, x) ? false : nil
            }
        }
        func less(_ a: Deal, _ b: Deal) -> Bool? {
            func more<K: Comparable>(_ x: K, _ y: K) -> Bool? { x == y ? nil : x > y }
            switch key {
            case .rank: return nil
            case .value: return more(a.value, b.value)
            case .weighted: return more(board.countedWeight(of: a), board.countedWeight(of: b))
            case .probability: return more(board.probability(of: a), board.probability(of: b))
            case .close: return Board.optionalDayLess(a.expectedClose, b.expectedClose)
            case .age: return more(board.daysInStage(a, today: today), board.daysInStage(b, today: today))
            case .due: return Board.optionalDayLess(a.nextActivity?.due, b.nextActivity?.due)
            case .score: return more(a.qualification?.score ?? -1, b.qualification?.score ?? -1)
            case .title: return alphabetical(a.title, b.title)
            case .company: return alphabetical(a.company, b.company)
            }
        }
        let base = deals.sorted(by: Board.columnOrder).enumerated().map { ($0.offset, $0.element) }
        return base.sorted { x, y in less(x.1, y.1) ?? (x.0 < y.0) }.map(\.1)
    }

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
            let expected = SortedIndicesTests.reference(board, column.map { deals[$0] }, by: key, today: Fixed.today)
                .map(\.id)
            let got = board.sortedIndices(column, by: key, today: Fixed.today).map { deals[$0].id }
            XCTAssertEqual(got, expected, "\(key)")
            XCTAssertEqual(
                board.sorted(column.map { deals[$0] }, by: key, today: Fixed.today).map(\.id), expected, "\(key)")
        }
    }
}
