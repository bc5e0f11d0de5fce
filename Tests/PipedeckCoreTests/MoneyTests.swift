import XCTest

@testable import PipedeckCore

final class MoneyTests: XCTestCase {
    // MARK: construction

    func testUnitsCentsAndMicrosAgree() {
        XCTAssertEqual(Money(units: 12).micros, 12_000_000)
        XCTAssertEqual(Money(cents: 1250), Money(micros: 12_500_000))
        XCTAssertEqual(Money(cents: -1), Money(micros: -10_000))
        XCTAssertEqual(Money.zero.micros, 0)
        XCTAssertTrue(Money.zero.isZero)
        XCTAssertTrue(Money(cents: -1).isNegative)
        XCTAssertFalse(Money(cents: 1).isNegative)
    }

    func testArithmeticAndOrdering() {
        var m = Money(units: 10) + Money(cents: 55)
        XCTAssertEqual(m, Money(cents: 1055))
        m += Money(cents: 45)
        XCTAssertEqual(m, Money(units: 11))
        XCTAssertEqual(m - Money(units: 12), Money(units: -1))
        XCTAssertEqual(-Money(units: 3), Money(units: -3))
        XCTAssertLessThan(Money(units: -1), Money.zero)
        XCTAssertLessThan(Money(cents: 99), Money(units: 1))
    }

    // MARK: parse

    func testParseValidNumbers() {
        XCTAssertEqual(Money.parse("12500"), Money(units: 12_500))
        XCTAssertEqual(Money.parse("12500.50"), Money(cents: 1_250_050))
        XCTAssertEqual(Money.parse("12500.5"), Money(cents: 1_250_050))
        XCTAssertEqual(Money.parse("0.01"), Money(cents: 1))
        XCTAssertEqual(Money.parse("-12.34"), Money(cents: -1234))
        XCTAssertEqual(Money.parse("0"), .zero)
        XCTAssertEqual(Money.parse("007"), Money(units: 7))
        XCTAssertEqual(Money.parse("1.234567", maxDecimals: 6), Money(micros: 1_234_567))
        XCTAssertEqual(Money.parse("123456789012345"), Money(micros: 123_456_789_012_345 * 1_000_000))
    }

    func testParseRejectsMalformedText() {
        for bad in [
            "", "-", ".", "5.", "1,000", "1 000", "1e3", "12.5.0", "abc", "12a", " 12", "12 ",
            "--1", "1.-5", "١٢", "１２", "12,50", "$12", "0x10",
        ] {
            XCTAssertNil(Money.parse(bad), "\"\(bad)\" should not parse")
        }
    }

    func testParseRejectsTooManyDecimals() {
        XCTAssertNil(Money.parse("1.234"))
        XCTAssertNil(Money.parse("1.5", maxDecimals: 0))
        XCTAssertNil(Money.parse("1.1234567", maxDecimals: 6))
        XCTAssertNil(Money.parse("1.1234567", maxDecimals: 9), "never more than micros")
        XCTAssertNotNil(Money.parse("1.23"))
    }

    // MARK: text

    func testCanonicalIsShortestExactText() {
        XCTAssertEqual(Money(units: 10_000).canonical, "10000")
        XCTAssertEqual(money("10000.5").canonical, "10000.5")
        XCTAssertEqual(Money(micros: 1).canonical, "0.000001")
        XCTAssertEqual(money("-0.25").canonical, "-0.25")
        XCTAssertEqual(Money.zero.canonical, "0")
        XCTAssertEqual(money("8187.5").description, "8187.5")
        XCTAssertEqual(Money(micros: 3_333).canonical, "0.003333")
    }

    func testCanonicalRoundTripsThroughParse() {
        var g = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let micros = Int128(Int64(bitPattern: g.next()) % 1_000_000_000_000_000)
            let m = Money(micros: micros)
            XCTAssertEqual(Money.parse(m.canonical, maxDecimals: 6), m, "\(m.canonical)")
        }
    }

    func testDecimalsNeeded() {
        XCTAssertEqual(Money(units: 5).decimalsNeeded, 0)
        XCTAssertEqual(money("5.5").decimalsNeeded, 1)
        XCTAssertEqual(money("5.05").decimalsNeeded, 2)
        XCTAssertEqual(money("0.003333").decimalsNeeded, 6)
        XCTAssertEqual(money("-0.12").decimalsNeeded, 2)
    }

    func testPlainPadsAndRounds() {
        XCTAssertEqual(money("1234.5").plain(decimals: 2), "1234.50")
        XCTAssertEqual(money("-1234.5").plain(decimals: 2), "-1234.50")
        XCTAssertEqual(money("1234.5").plain(decimals: 0), "1235")
        XCTAssertEqual(money("1234.4").plain(decimals: 0), "1234")
        XCTAssertEqual(money("0.005").plain(decimals: 2), "0.01")
        XCTAssertEqual(money("0.004999").plain(decimals: 2), "0.00")
        XCTAssertEqual(money("-0.4").plain(decimals: 0), "0", "no negative zero")
        XCTAssertEqual(money("-0.5").plain(decimals: 0), "-1")
        XCTAssertEqual(Money(units: 12_500).plain(decimals: 2), "12500.00", "no grouping")
        XCTAssertEqual(money("0.000001").plain(decimals: 6), "0.000001")
    }

    // MARK: rounding

    func testRoundedHalfAwayFromZero() {
        XCTAssertEqual(money("2.5").rounded(toDecimals: 0), Money(units: 3))
        XCTAssertEqual(money("-2.5").rounded(toDecimals: 0), Money(units: -3))
        XCTAssertEqual(money("3.5").rounded(toDecimals: 0), Money(units: 4), "not banker's rounding")
        XCTAssertEqual(money("-3.5").rounded(toDecimals: 0), Money(units: -4))
        XCTAssertEqual(money("2.499999").rounded(toDecimals: 0), Money(units: 2))
        XCTAssertEqual(money("-2.499999").rounded(toDecimals: 0), Money(units: -2))
        XCTAssertEqual(money("0.125").rounded(toDecimals: 2), money("0.13"))
        XCTAssertEqual(money("-0.125").rounded(toDecimals: 2), money("-0.13"))
        XCTAssertEqual(money("0.124").rounded(toDecimals: 2), money("0.12"))
        XCTAssertEqual(money("8187.5").rounded(toDecimals: 0), Money(units: 8188))
        XCTAssertEqual(money("0.003333").rounded(toDecimals: 2), .zero)
        XCTAssertEqual(money("0.003333").rounded(toDecimals: 6), money("0.003333"))
        XCTAssertEqual(money("0.003333").rounded(toDecimals: 4), money("0.0033"))
        XCTAssertEqual(money("0.00335").rounded(toDecimals: 4), money("0.0034"))
        XCTAssertEqual(Money(units: 7).rounded(toDecimals: 0), Money(units: 7))
    }

    // MARK: weighting

    func testWeightedIsExact() {
        // The seed's example.
        XCTAssertEqual(Money(units: 10_000).weighted(by: Percent(50)), Money(units: 5_000))
        XCTAssertEqual(Money(units: 12_500).weighted(by: Percent(hundredths: 6550)), money("8187.5"))
        XCTAssertEqual(money("0.01").weighted(by: Percent(hundredths: 3333)), money("0.003333"))
        XCTAssertEqual(money("0.01").weighted(by: Percent(hundredths: 3333)).micros, 3_333)
        XCTAssertEqual(money("0.01").weighted(by: Percent(hundredths: 1)).micros, 1)
        XCTAssertEqual(Money(units: 777).weighted(by: .zero), .zero)
        XCTAssertEqual(money("777.77").weighted(by: .hundred), money("777.77"))
        XCTAssertEqual(money("99999999999.99").weighted(by: Percent(hundredths: 9999)), money("99989999999.990001"))
    }

    func testWeightedExactForEveryCentAndPercent() {
        // Any two-decimal value times any two-decimal percentage is a whole number of micros:
        // weighted × 100 must equal value × percent exactly.
        var g = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let cents = Int(g.next() % 100_000_000)
            let h = g.int(10_001)
            let w = Money(cents: cents).weighted(by: Percent(hundredths: h))
            XCTAssertEqual(w.micros * 10_000, Int128(cents) * 10_000 * Int128(h))
        }
    }

    // MARK: Percent

    func testPercentParse() {
        XCTAssertEqual(Percent.parse("65.5"), Percent(hundredths: 6550))
        XCTAssertEqual(Percent.parse("50 %"), Percent(50))
        XCTAssertEqual(Percent.parse("50%"), Percent(50))
        XCTAssertEqual(Percent.parse(" 12.25 "), Percent(hundredths: 1225))
        XCTAssertEqual(Percent.parse("0"), .zero)
        XCTAssertEqual(Percent.parse("100"), .hundred)
        XCTAssertNil(Percent.parse("-1"))
        XCTAssertNil(Percent.parse("-0.5"))
        XCTAssertNil(Percent.parse("1.234"))
        XCTAssertNil(Percent.parse(""))
        XCTAssertNil(Percent.parse("%"))
        XCTAssertNil(Percent.parse("fifty"))
        XCTAssertNil(Percent.parse("50%%"))
    }

    func testPercentValidityRange() {
        XCTAssertTrue(Percent(0).isValid)
        XCTAssertTrue(Percent(100).isValid)
        XCTAssertFalse(Percent(hundredths: 10_001).isValid)
        XCTAssertFalse(Percent(hundredths: -1).isValid)
        XCTAssertNil(Percent.parse("100.01"), "read only within 0...100")
    }

    func testPercentDescription() {
        XCTAssertEqual(Percent(50).description, "50")
        XCTAssertEqual(Percent(hundredths: 6550).description, "65.5")
        XCTAssertEqual(Percent(hundredths: 1225).description, "12.25")
        XCTAssertEqual(Percent(hundredths: 3305).description, "33.05")
        XCTAssertEqual(Percent(hundredths: 1).description, "0.01")
        for h in stride(from: 0, through: 10_000, by: 7) {
            XCTAssertEqual(Percent.parse(Percent(hundredths: h).description), Percent(hundredths: h))
        }
    }
}
