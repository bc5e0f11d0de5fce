import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// Reading a CSV file's amounts, probabilities and dates.
extension CSVImportTests {
    // MARK: Amounts

    func testAmountsWrittenInEveryLocale() {
        func one(_ s: String) -> Money? {
            let r = AmountReader(values: [s], given: nil)
            if case .success(let (m, _)) = r.read(s) { return m }
            return nil
        }
        XCTAssertEqual(one("10 000,50 €"), money("10000.50"))
        XCTAssertEqual(one("$10,000.50"), money("10000.50"))
        XCTAssertEqual(one("10000.5"), money("10000.5"))
        XCTAssertEqual(one("10.000,50"), money("10000.50"))
        XCTAssertEqual(one("10\u{202F}000,50\u{00A0}€"), money("10000.50"), "narrow and no-break spaces")
        XCTAssertEqual(one("CHF 1’250.75"), money("1250.75"))
        XCTAssertEqual(one("USD 1,200"), money("1200"))
        XCTAssertEqual(one("1,000,000"), money("1000000"))
        XCTAssertEqual(one("1.000.000"), money("1000000"))
        XCTAssertEqual(one("Fr. 1'250.50"), money("1250.50"))
        XCTAssertEqual(one("1 200 kr"), money("1200"))
        XCTAssertEqual(one("€-5"), nil, "negative")
        XCTAssertEqual(one("12abc"), nil, "letters that are no currency")
        XCTAssertEqual(one("(500)"), nil)
        XCTAssertEqual(
            one("123456789012345678,99"), Money(micros: 123_456_789_012_345_678_990_000), "exact, no floating point")
    }

    func testTheFileDecidesTheDecimalMark() {
        func read(_ values: [String], given: DecimalMark? = nil) -> [String] {
            let r = AmountReader(values: values, given: given)
            return values.map { v in
                switch r.read(v) {
                case .success(let (m, _)): return m.canonical
                case .failure(.ambiguous): return "ambiguous"
                case .failure(let f): return "\(f)"
                }
            }
        }
        XCTAssertEqual(
            read(["10.000", "2.500"]), ["10000", "2500"], "points grouping thousands: a decimal-comma file")
        XCTAssertEqual(read(["10,000", "2,500"]), ["10000", "2500"])
        XCTAssertEqual(read(["10.000", "7,5"]), ["10000", "7.5"], "7,5 decides: decimal comma")
        XCTAssertEqual(read(["10,000", "7.25"]), ["10000", "7.25"])
        XCTAssertEqual(read(["10.000", "7.50"]), ["ambiguous", "7.5"], "10.000 with decimal points elsewhere")
        XCTAssertEqual(read(["10,000", "10.000"]), ["ambiguous", "ambiguous"])
        XCTAssertEqual(read(["10.000"], given: .comma), ["10000"])
        XCTAssertEqual(read(["10.000"], given: .point), ["10"])
        XCTAssertEqual(read(["1,5", "2.5"]), ["1.5", "2.5"], "mixed marks: each read on its own")
        if case .failure(let f) = AmountReader(values: ["10,5"], given: .point).read("10,5") {
            XCTAssertEqual(f, .otherMark(.comma))
        } else {
            XCTFail("10,5 read with a decimal point")
        }
        XCTAssertEqual(
            read(["10.5555", "7.5", "-5", "abc", "12 kr"]), ["tooManyDecimals", "7.5", "negative", "notAnAmount", "12"])
        XCTAssertEqual(AmountReader.currency(in: "10 000,50 €"), "EUR")
        XCTAssertEqual(AmountReader.currency(in: "$10,000"), "USD")
        XCTAssertEqual(AmountReader.currency(in: "1 200 gbp"), "GBP")
        XCTAssertEqual(AmountReader.currency(in: "Fr. 1'250.50"), "CHF")
        XCTAssertNil(AmountReader.currency(in: "12 abc"), "not an ISO 4217 code")
        XCTAssertNil(AmountReader.currency(in: "1200"))
    }

    /// Issue 13, point 16: one mistyped amount ("12,5,0") no longer makes the file's decimal mark
    /// undecided, which made the valid "10.000" ambiguous.
    func testTheDecimalMarkIsDecidedFromValidAmountsOnly() throws {
        let p = try plan("title,value\nA,\"2.500,50\"\nB,10.000\nC,\"12,5,0\"\n")
        XCTAssertEqual(p.amounts?.mark, .comma)
        XCTAssertEqual(deal(p, "A").value, money("2500.50"))
        XCTAssertEqual(deal(p, "B").value, money("10000"))
        XCTAssertEqual(p.problems.map(\.line), [4], "only C is refused")
        XCTAssertEqual(p.problems.first?.issues, [.amount("12,5,0", .notAnAmount)])
        // Without row C, the same.
        XCTAssertEqual(deal(try plan("title,value\nA,\"2.500,50\"\nB,10.000\n"), "B").value, money("10000"))
    }

    func testAnAmbiguousAmountNamesBothReadings() throws {
        let p = try plan("title,value\nA,12.500\nB,7.25\n")
        guard case .amount(_, .ambiguous(let a))? = p.problems.first?.issues.first else {
            return XCTFail("\(p.problems)")
        }
        XCTAssertEqual([a.asDecimal, a.asThousands], [money("12.5"), money("12500")])
    }

    func testProbabilitiesPercentOrFraction() throws {
        func pct(_ s: String, _ fraction: Bool = false) -> String {
            switch readProbability(s, fraction: fraction) {
            case .success(let p): return p.description
            case .failure(let f): return "\(f)"
            }
        }
        XCTAssertEqual(pct("50"), "50")
        XCTAssertEqual(pct("50 %"), "50")
        XCTAssertEqual(pct("65,5"), "65.5")
        XCTAssertEqual(pct("12.25%"), "12.25")
        XCTAssertEqual(pct("120"), "outOfRange")
        XCTAssertEqual(pct("12.255"), "notAPercentage")
        XCTAssertEqual(pct("0.5", true), "50")
        XCTAssertEqual(pct("0,655", true), "65.5")
        XCTAssertEqual(pct("50", true), "notAFraction")
        XCTAssertEqual(pct("50 %", true), "notAFraction")

        let csv = "title,probability\nA,0.2\nB,0.9\nC,0\n"
        let p = try plan(csv)
        XCTAssertEqual(p.rowProblems.map(\.line), [2, 3], "0.2 and 0.9 look like fractions; 0 is 0 either way")
        XCTAssertEqual(p.rowProblems.first?.issues, [.probability("0.2", .looksLikeFraction)])
        let f = try plan(csv) { $0.probabilityFraction = true }
        XCTAssertEqual(f.problems, [])
        XCTAssertEqual(deal(f, "A").probability, Percent(20))
    }

    func testDatesIsoLocalAndOrderFromTheFile() throws {
        func days(_ values: [String], given: DateOrder? = nil) -> [String] {
            let r = DateReader(values: values, given: given, zone: CSVImportTests.utc)
            return values.map { v in
                switch r.day(v) {
                case .success(let d): return d.description
                case .failure(let f): return "\(f)"
                }
            }
        }
        XCTAssertEqual(
            days(["2026-03-04", "2026-03-04 10:00:00", "2026-03-04T10:00:00Z", "2026/03/04", "04.03.2026"]),
            Array(repeating: "2026-03-04", count: 5))
        XCTAssertEqual(days(["03/04/2026", "25/12/2026"]), ["2026-04-03", "2026-12-25"], "25/12 decides day first")
        XCTAssertEqual(days(["03/04/2026", "12/25/2026"]), ["2026-03-04", "2026-12-25"])
        XCTAssertEqual(days(["03/04/2026"]), ["ambiguous"])
        XCTAssertEqual(days(["04/04/26"]), ["2026-04-04"])
        XCTAssertEqual(days(["03/04/2026"], given: .monthDay), ["2026-03-04"])
        XCTAssertEqual(days(["2026-02-30", "soon", "13/13/2026"]), ["notADate", "notADate", "notADate"])
        let r = DateReader(values: [], given: nil, zone: TimeZone(identifier: "Europe/Paris")!)
        XCTAssertEqual(try r.timestamp("2026-03-04 10:00").get(), Timestamp.parse("2026-03-04T09:00:00Z"))
        XCTAssertEqual(try r.timestamp("2026-07-04 10:00:00").get(), Timestamp.parse("2026-07-04T08:00:00Z"))
        XCTAssertEqual(try r.timestamp("2026-03-04T10:00:00Z").get(), Timestamp.parse("2026-03-04T10:00:00Z"))
    }
}
