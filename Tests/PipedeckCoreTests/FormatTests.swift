import XCTest

@testable import PipedeckCore

final class FormatTests: XCTestCase {
    let nnbsp = "\u{202F}"

    func testEnglish() {
        let eur = MoneyFormatter(currency: "EUR", locale: "en_US")
        XCTAssertEqual(eur.string(money("12500.50")), "€12,500.50")
        XCTAssertEqual(eur.string(money("12500.5")), "€12,500.50")
        XCTAssertEqual(eur.string(Money(units: 12_500)), "€12,500", "whole amounts drop the decimals")
        XCTAssertEqual(eur.string(Money(units: 12_500), decimals: 2), "€12,500.00")
        XCTAssertEqual(eur.string(money("0.5")), "€0.50")
        XCTAssertEqual(eur.string(money("999")), "€999")
        XCTAssertEqual(eur.string(money("1234567.89")), "€1,234,567.89")
        let usd = MoneyFormatter(currency: "USD", locale: "en_US.UTF-8")
        XCTAssertEqual(usd.string(Money(units: 1_234)), "$1,234")
        XCTAssertEqual(MoneyFormatter(currency: "GBP", locale: "en_GB").string(money("100.25")), "£100.25")
    }

    func testRoundingToMinorUnits() {
        let eur = MoneyFormatter(currency: "EUR", locale: "en")
        XCTAssertEqual(eur.string(money("8187.5")), "€8,187.50")
        XCTAssertEqual(eur.string(money("0.003333")), "€0", "rounds to the cent, then drops .00")
        XCTAssertEqual(eur.string(money("1.005")), "€1.01", "half away from zero")
        XCTAssertEqual(eur.string(money("1.999999")), "€2")
    }

    func testNegative() {
        let eur = MoneyFormatter(currency: "EUR", locale: "en")
        XCTAssertEqual(eur.string(money("-1234.5")), "-€1,234.50")
        XCTAssertEqual(eur.string(money("-0.001")), "€0", "no negative zero")
        XCTAssertEqual(MoneyFormatter(currency: "EUR", locale: "de").string(money("-12500.5")), "-12.500,50 €")
    }

    func testFrench() {
        let f = MoneyFormatter(currency: "EUR", locale: "fr_FR.UTF-8")
        XCTAssertEqual(f.string(money("12500.50")), "12\(nnbsp)500,50 €")
        XCTAssertEqual(f.string(Money(units: 1_234_567)), "1\(nnbsp)234\(nnbsp)567 €")
        XCTAssertEqual(f.string(money("999.9")), "999,90 €")
        XCTAssertEqual(MoneyFormatter(currency: "EUR", locale: "fr").string(money("12500.5")), "12\(nnbsp)500,50 €")
    }

    func testGerman() {
        let f = MoneyFormatter(currency: "EUR", locale: "de_DE")
        XCTAssertEqual(f.string(money("12500.50")), "12.500,50 €")
        XCTAssertEqual(f.string(Money(units: 1_000_000)), "1.000.000 €")
        XCTAssertEqual(MoneyFormatter(currency: "USD", locale: "de").string(money("0.5")), "0,50 $")
    }

    func testYenHasNoDecimals() {
        let jpy = MoneyFormatter(currency: "JPY", locale: "en")
        XCTAssertEqual(jpy.minorDigits, 0)
        XCTAssertEqual(jpy.string(Money(units: 12_500)), "¥12,500")
        XCTAssertEqual(jpy.string(money("12500.49")), "¥12,500")
        XCTAssertEqual(jpy.string(money("12500.5")), "¥12,501")
        XCTAssertEqual(
            MoneyFormatter(currency: "JPY", locale: "fr").string(Money(units: 1_500_000)), "1\(nnbsp)500\(nnbsp)000 ¥")
        XCTAssertEqual(MoneyFormatter(currency: "EUR", locale: "en").minorDigits, 2)
    }

    func testCodesWithoutSymbol() {
        XCTAssertEqual(MoneyFormatter(currency: "CHF", locale: "en").string(Money(units: 1_234)), "CHF 1,234")
        XCTAssertEqual(MoneyFormatter(currency: "XYZ", locale: "en").string(Money(units: 5)), "XYZ 5")
        XCTAssertEqual(MoneyFormatter(currency: "XYZ", locale: "de").string(Money(units: 5)), "5 XYZ")
    }

    func testPosixAndMissingLocalesAreEnglish() {
        for loc in [nil, "", "C", "POSIX", "C.UTF-8"] as [String?] {
            XCTAssertEqual(
                MoneyFormatter(currency: "EUR", locale: loc).string(money("12500.5")), "€12,500.50",
                "\(String(describing: loc))")
        }
    }

    func testCompact() {
        let eur = MoneyFormatter(currency: "EUR", locale: "en")
        XCTAssertEqual(eur.compact(Money(units: 950)), "€950")
        XCTAssertEqual(eur.compact(money("950.5")), "€951")
        XCTAssertEqual(eur.compact(Money(units: 9_999)), "€9,999")
        XCTAssertEqual(eur.compact(Money(units: 12_500)), "€12.5k")
        XCTAssertEqual(eur.compact(Money(units: 10_000)), "€10k")
        XCTAssertEqual(eur.compact(Money(units: 125_000)), "€125k")
        XCTAssertEqual(eur.compact(Money(units: 1_250_000)), "€1.3M")
        XCTAssertEqual(eur.compact(Money(units: 1_000_000)), "€1M")
        XCTAssertEqual(eur.compact(Money(units: 3_400_000_000)), "€3.4B")
        XCTAssertEqual(eur.compact(Money(units: -12_500)), "-€12.5k")
        XCTAssertEqual(MoneyFormatter(currency: "EUR", locale: "fr").compact(Money(units: 12_500)), "12,5k €")
        XCTAssertEqual(MoneyFormatter(currency: "EUR", locale: "de").compact(Money(units: 125_000)), "125k €")
    }

    func testCompactNeverShowsAThousandOfAUnit() {
        // Just under a million should read as a million, not "1000k".
        let eur = MoneyFormatter(currency: "EUR", locale: "en")
        XCTAssertEqual(eur.compact(Money(units: 999_999)), "€1M")
        XCTAssertEqual(eur.compact(Money(units: 999_999_999)), "€1B")
    }

    func testEnvironmentLocale() {
        XCTAssertEqual(MoneyFormatter.environmentLocale(["LANG": "fr_FR.UTF-8"]), "fr_FR.UTF-8")
        XCTAssertEqual(MoneyFormatter.environmentLocale(["LANG": "fr_FR", "LC_MONETARY": "de_DE"]), "de_DE")
        XCTAssertEqual(
            MoneyFormatter.environmentLocale(["LANG": "fr_FR", "LC_MONETARY": "de_DE", "LC_ALL": "en_US"]), "en_US")
        XCTAssertEqual(MoneyFormatter.environmentLocale(["LC_ALL": "", "LANG": "de"]), "de")
        XCTAssertNil(MoneyFormatter.environmentLocale([:]))
    }
}
