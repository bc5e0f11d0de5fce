import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// Targets and exchange rates in the board file: `settings.targets` and `settings.rates`.
final class TargetFileTests: XCTestCase {
    func check<Root>(_ schema: Schema<Root>, _ sample: Root, file: StaticString = #filePath, line: UInt = #line) {
        let properties = Set(Mirror(reflecting: sample).children.compactMap(\.label))
        let described = Set(schema.fields.map { String($0.property().split(separator: ".").last ?? "") })
        XCTAssertEqual(properties.subtracting(["extra"]), described, "\(Root.self)", file: file, line: line)
    }

    func testTheSchemasDescribeEveryProperty() {
        check(
            TargetSchema.target,
            SalesTarget(period: Period(kind: .month, year: 2027, number: 1), owner: "Ana", amount: Money(units: 5)))
        check(TargetSchema.rate, ExchangeRate(currency: "USD", rate: Rate(units: 920_000), date: Day(ordinal: 20000)))
    }

    func testTargetsAndRatesAreReadBackAndKeepUnknownFields() throws {
        var b = Template.standard.board(name: "T", currency: "EUR")
        b.settings.targets = [
            SalesTarget(period: Period.parse("2027-01")!, amount: Money(units: 80000)),
            SalesTarget(period: Period.parse("2027-Q1")!, owner: "Élodie Dupré", amount: Money(cents: 12_345_678)),
        ]
        b.settings.rates = [ExchangeRate(currency: "USD", rate: Rate.parse("0.92")!, date: Day.parse("2026-12-07")!)]
        let data = BoardDocument.encode(b)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"period\": \"2027-Q1\""), text)
        XCTAssertTrue(text.contains("\"rate\": 0.92"), text)
        let read = try BoardDocument.decode(data, path: "t.json")
        XCTAssertEqual(read.settings, b.settings)
        XCTAssertEqual(BoardDocument.encode(read), data, "the same bytes again")

        // A field this version does not know stays.
        let extra = text.replacingOccurrences(
            of: "\"rate\": 0.92", with: "\"rate\": 0.92, \"source\": \"ECB\"")
        let kept = try BoardDocument.decode(Data(extra.utf8), path: "t.json")
        XCTAssertEqual(String(decoding: BoardDocument.encode(kept), as: UTF8.self), extra)
    }

    func testABoardWithoutTargetsOrRatesKeepsItsBytes() throws {
        let b = Template.standard.board(name: "T", currency: "EUR")
        let text = String(decoding: BoardDocument.encode(b), as: UTF8.self)
        XCTAssertFalse(text.contains("targets"))
        XCTAssertFalse(text.contains("rates"))
    }

    func testBadTargetsAndRatesAreRefusedWithTheirPlace() {
        func settings(_ s: [String: JSONValue]) -> Data {
            Fixtures.edited { $0["settings"] = .object(s) }
        }
        func message(_ d: Data) -> String? { Fixtures.loadError(d)?.message }
        let target: (JSONValue, JSONValue) -> JSONValue = { period, amount in
            .array([.object(["period": period, "amount": amount])])
        }
        XCTAssertEqual(
            message(settings(["targets": target(.string("2027-13"), .number("5"))])),
            "pipeline.json: field \"settings.targets[0].period\": expected a month as YYYY-MM or a quarter as YYYY-Q1…Q4, found \"2027-13\""
        )
        XCTAssertEqual(
            message(settings(["targets": target(.string("2027-01"), .number("-5"))])),
            "pipeline.json: field \"settings.targets[0].amount\": expected an amount of 0 or more, found -5")
        XCTAssertEqual(
            message(settings(["targets": .array([.object(["period": .string("2027-01")])])])),
            "pipeline.json: field \"settings.targets[0].amount\" is missing")
        let rate: (JSONValue) -> JSONValue = { r in
            .array([.object(["currency": .string("USD"), "rate": r, "date": .string("2026-12-07")])])
        }
        XCTAssertEqual(
            message(settings(["rates": rate(.number("0"))])),
            "pipeline.json: field \"settings.rates[0].rate\": expected a rate above 0 (at most 1000000) with at most 6 decimals, found 0"
        )
        XCTAssertEqual(
            message(settings(["rates": rate(.string("0.92"))])),
            "pipeline.json: field \"settings.rates[0].rate\": expected a number, found a string")
    }
}

extension TargetFileTests {
    /// A target set here and a rate and another target set elsewhere are all kept; a target
    /// removed here stays removed; the same target changed on both sides keeps the smaller
    /// amount, whichever side merges (git merges in every clone).
    func testTargetsAndRatesMergeOneByOne() {
        let jan = Period.parse("2027-01")!, feb = Period.parse("2027-02")!
        var base = Template.standard.board(name: "M", currency: "EUR")
        base.settings.targets = [
            SalesTarget(period: jan, amount: Money(units: 100)), SalesTarget(period: feb, amount: Money(units: 200)),
        ]
        var mine = base, theirs = base
        mine.settings.targets[0].amount = Money(units: 150) // changed here…
        mine.settings.targets.remove(at: 1) // February removed here
        mine.settings.targets.append(SalesTarget(period: jan, owner: "Ana", amount: Money(units: 50)))
        theirs.settings.targets[0].amount = Money(units: 120) // …and there: the smaller stays
        theirs.settings.targets.append(SalesTarget(period: feb, owner: "Léo", amount: Money(units: 70)))
        theirs.settings.rates = [
            ExchangeRate(currency: "USD", rate: Rate.parse("0.92")!, date: Day.parse("2026-12-07")!)
        ]
        theirs.settings.lostReasons = ["Price"]
        let merged = BoardMerge.merge(base: base, mine: mine, theirs: theirs).board.settings
        XCTAssertEqual(
            Set(merged.targets.map { "\($0.period) \($0.owner ?? "team") \($0.amount)" }),
            ["2027-01 team 120", "2027-02 Léo 70", "2027-01 Ana 50"])
        XCTAssertEqual(merged.rates.map(\.currency), ["USD"])
        XCTAssertEqual(merged.lostReasons, ["Price"])
        XCTAssertEqual(
            BoardMerge.merge(base: base, mine: theirs, theirs: mine).board.settings, merged, "the same both ways")
    }
}
