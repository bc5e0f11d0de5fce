import XCTest

@testable import PipedeckCore

/// The one parser per kind of input: amounts, percentages and other decimals, dates.
final class AmountParserTests: XCTestCase {
    /// The amount's canonical text, or the problem's name.
    func read(_ s: String, _ strictness: AmountParser.Strictness = .written, _ rule: DecimalMarkRule = .either)
        -> String
    {
        switch AmountParser.parse(s, strictness, mark: rule) {
        case .success(let r): return r.amount.canonical + (r.currency.map { " " + $0 } ?? "")
        case .failure(.ambiguous(let a)): return "ambiguous \(a.asDecimal.canonical) | \(a.asThousands.canonical)"
        case .failure(let f): return "\(f)"
        }
    }

    func testAmountsAsPeopleWriteThem() {
        let cases: [(String, String)] = [
            ("12500", "12500"), ("12 500", "12500"), ("12,500.50", "12500.5"), ("12 500,50 €", "12500.5 EUR"),
            ("EUR 99.90", "99.9 EUR"), ("10.000,50", "10000.5"), ("1,5", "1.5"), ("$10,000.50", "10000.5 USD"),
            ("12\u{202F}500,50", "12500.5"), ("1,234,567", "1234567"), ("1.234.567,8", "1234567.8"),
            ("12'500", "12500"), ("0,500", "0.5"), (",5", "0.5"), ("1 200 kr", "1200"), ("12.5000", "12.5"),
            ("-3", "negative"), ("€-5", "negative"), ("12k", "notAnAmount"), ("12k€x", "notAnAmount"),
            ("abc", "notAnAmount"), ("", "notAnAmount"), ("1.2.3", "notAnAmount"), ("1,2,3", "notAnAmount"),
            ("12-3", "notAnAmount"), ("+5", "notAnAmount"), ("12.", "notAnAmount"), ("1.5,25.5", "notAnAmount"),
            ("12abc", "notAnAmount"), ("12.345", "ambiguous 12.345 | 12345"), ("12.505", "ambiguous 12.505 | 12505"),
            ("99.999", "ambiguous 99.999 | 99999"), ("12.3456", "tooManyDecimals"),
        ]
        for (input, expected) in cases { XCTAssertEqual(read(input), expected, "input \(input)") }
    }

    /// Issues 13 and 15: "12.500" saved €12.50 from the form. A separator before exactly three
    /// digits, with nothing else, is refused with both readings, unless the other mark appears.
    func testASeparatorBeforeThreeDigitsIsAmbiguousEverywhere() {
        for strictness in [AmountParser.Strictness.written, .plain] {
            XCTAssertEqual(read("12.500", strictness), "ambiguous 12.5 | 12500")
            XCTAssertEqual(read("12,500", strictness), "ambiguous 12.5 | 12500")
            XCTAssertEqual(read("-12,500", strictness), "ambiguous -12.5 | -12500")
        }
        XCTAssertEqual(read("€1,200"), "ambiguous 1.2 | 1200")
        XCTAssertEqual(read("12 500,500"), "ambiguous 12500.5 | 12500500")
        XCTAssertEqual(read("12,500.00"), "12500")
        XCTAssertEqual(read("12.500,00"), "12500")
        XCTAssertEqual(read("12.50"), "12.5")
        XCTAssertEqual(read("12,5"), "12.5")
        XCTAssertEqual(read("0.500"), "0.5", "nothing but a zero before it: only a decimal")
    }

    func testPlainAllowsDigitsAndOneMarkOnly() {
        XCTAssertEqual(read("12500", .plain), "12500")
        XCTAssertEqual(read("12500.50", .plain), "12500.5")
        XCTAssertEqual(read(" 12500,5 ", .plain), "12500.5")
        XCTAssertEqual(read("12 500", .plain), "notAnAmount")
        XCTAssertEqual(read("12,500.50", .plain), "notAnAmount")
        XCTAssertEqual(read("€12", .plain), "notAnAmount")
        XCTAssertEqual(read("+5", .plain), "notAnAmount")
        XCTAssertEqual(read("-5", .plain), "negative")
        XCTAssertEqual(read("12.005", .plain), "ambiguous 12.005 | 12005")
        XCTAssertEqual(read("12.0055", .plain), "tooManyDecimals")
        XCTAssertEqual(read("123456789012345678901234.5", .plain), "123456789012345678901234.5")
        XCTAssertEqual(read("1234567890123456789012345", .plain), "notAnAmount", "more than 24 digits")
    }

    func testWhatTheRuleKnowsOfTheMark() {
        XCTAssertEqual(read("10.000", .written, .likely(.comma)), "10000")
        XCTAssertEqual(read("10,000", .written, .likely(.comma)), "ambiguous 10 | 10000")
        XCTAssertEqual(read("10,5", .written, .likely(.comma)), "10.5")
        XCTAssertEqual(read("10.5", .written, .likely(.comma)), "otherMark(PipedeckCore.DecimalMark.point)")
        XCTAssertEqual(read("1,000,000", .written, .likely(.comma)), "otherMark(PipedeckCore.DecimalMark.point)")
        XCTAssertEqual(read("10,000.5", .written, .likely(.comma)), "otherMark(PipedeckCore.DecimalMark.point)")
        XCTAssertEqual(read("10,000", .written, .certain(.comma)), "10")
        XCTAssertEqual(read("10.000", .written, .certain(.comma)), "10000")
        XCTAssertEqual(read("10,000", .written, .certain(.point)), "10000")
        XCTAssertEqual(read("1234.000", .written, .certain(.comma)), "otherMark(PipedeckCore.DecimalMark.point)")
    }

    func testEvidenceComesFromValidAmountsOnly() {
        XCTAssertEqual(AmountParser.evidence("2.500,50"), .decimal(.comma))
        XCTAssertEqual(AmountParser.evidence("1.000.000"), .decimal(.comma))
        XCTAssertEqual(AmountParser.evidence("7.25"), .decimal(.point))
        XCTAssertEqual(AmountParser.evidence("10.000"), .threeDigits(.point))
        XCTAssertEqual(AmountParser.evidence("500 €"), .noSeparator)
        XCTAssertNil(AmountParser.evidence("12,5,0"))
        XCTAssertNil(AmountParser.evidence("abc"))
        XCTAssertNil(AmountParser.evidence("-5,5"))
    }

    func testTheMessageNamesBothReadings() {
        guard case .failure(let p) = AmountParser.parse("12.500", .written) else { return XCTFail() }
        XCTAssertEqual(Strings.amountProblem(p), "ambiguous: 12.50 or 12500? type 12.50 or 12500")
        guard case .failure(let q) = AmountParser.parse("12,345", .plain) else { return XCTFail() }
        XCTAssertEqual(Strings.amountProblem(q), "ambiguous: 12.345 or 12345? type 12345 or 2 decimals")
    }
}

final class DecimalParserTests: XCTestCase {
    func testPercentWithEitherMark() {
        XCTAssertEqual(try DecimalParser.percent("35,5").get(), Percent(hundredths: 3550))
        XCTAssertEqual(try DecimalParser.percent("35.5").get(), Percent(hundredths: 3550))
        XCTAssertEqual(try DecimalParser.percent("35,5\u{202F}%").get(), Percent(hundredths: 3550))
        XCTAssertEqual(try DecimalParser.percent("12.25%").get(), Percent(hundredths: 1225))
        XCTAssertEqual(try DecimalParser.percent("35.50").get(), Percent(hundredths: 3550))
        XCTAssertEqual(try DecimalParser.percent("100").get(), .hundred)
        XCTAssertEqual(DecimalParser.percent("100.01"), .failure(.outOfRange))
        XCTAssertEqual(DecimalParser.percent("1.234"), .failure(.tooManyDecimals))
        for bad in ["", "%", "-1", "+5", "fifty", "50%%", "1,5,0", "1.000,5"] {
            XCTAssertEqual(DecimalParser.percent(bad), .failure(.notANumber), bad)
        }
    }

    func testFractions() {
        XCTAssertEqual(try DecimalParser.fraction("0,655").get(), Percent(hundredths: 6550))
        XCTAssertEqual(try DecimalParser.fraction("1").get(), .hundred)
        XCTAssertEqual(DecimalParser.fraction("1.5"), .failure(.outOfRange))
        XCTAssertEqual(DecimalParser.fraction("50%"), .failure(.outOfRange))
        XCTAssertEqual(DecimalParser.fraction("0.12345"), .failure(.tooManyDecimals))
    }
}

final class DateParserTests: XCTestCase {
    /// Monday 30 November 2026.
    let today = Day(year: 2026, month: 11, day: 30)!

    func typed(_ s: String, _ language: Language = .english) -> String? {
        try? DateParser.parse(s, .typed(today: today), language: language).get().description
    }

    func testISOIsStrict() {
        XCTAssertEqual(try DateParser.parse(" 2026-12-04 ", .iso).get(), Day(year: 2026, month: 12, day: 4))
        for bad in ["2026-12-4", "04/12/2026", "tomorrow", "2026-02-30", ""] {
            XCTAssertEqual(DateParser.parse(bad, .iso), .failure(.notADate), bad)
        }
    }

    func testEnglishAsPeopleTypeIt() {
        XCTAssertEqual(typed("2026-12-04"), "2026-12-04")
        XCTAssertEqual(typed("Today"), "2026-11-30")
        XCTAssertEqual(typed("tomorrow"), "2026-12-01")
        XCTAssertEqual(typed("+3"), "2026-12-03")
        XCTAssertEqual(typed("+3d"), "2026-12-03")
        XCTAssertEqual(typed("+2w"), "2026-12-14")
        XCTAssertEqual(typed("fri"), "2026-12-04")
        XCTAssertEqual(typed("monday"), "2026-12-07", "the next Monday, not today")
        for bad in ["demain", "3/12", "+2s", "+", "+x", "mo", "+3651"] { XCTAssertNil(typed(bad), bad) }
    }

    /// Issue 15's French words, ready for the language switch.
    func testFrenchAsPeopleTypeIt() {
        XCTAssertEqual(typed("aujourd'hui", .french), "2026-11-30")
        XCTAssertEqual(typed("Demain", .french), "2026-12-01")
        XCTAssertEqual(typed("après-demain", .french), "2026-12-02")
        XCTAssertEqual(typed("+3j", .french), "2026-12-03")
        XCTAssertEqual(typed("+2s", .french), "2026-12-14")
        XCTAssertEqual(typed("lundi", .french), "2026-12-07")
        XCTAssertEqual(typed("ven.", .french), "2026-12-04")
        XCTAssertEqual(typed("03/12/2026", .french), "2026-12-03")
        XCTAssertEqual(typed("3/12/27", .french), "2027-12-03")
        XCTAssertEqual(typed("3/12", .french), "2026-12-03")
        XCTAssertEqual(typed("29/11", .french), "2027-11-29", "the next 29 November")
        XCTAssertEqual(typed("30/11", .french), "2026-11-30", "today counts")
        for bad in ["tomorrow", "31/11", "3/13", "+2w", "lu"] { XCTAssertNil(typed(bad, .french), bad) }
    }

    func testNumericDatesOfFiles() {
        func numeric(_ s: String, _ order: DateOrder? = nil) -> Result<Day, DateFailure> {
            DateParser.parse(s, .numeric(order: order))
        }
        XCTAssertEqual(numeric("2026-03-04 10:00"), .success(Day(year: 2026, month: 3, day: 4)!))
        XCTAssertEqual(numeric("2026/03/04"), .success(Day(year: 2026, month: 3, day: 4)!))
        XCTAssertEqual(numeric("04.03.26"), .success(Day(year: 2026, month: 3, day: 4)!))
        XCTAssertEqual(numeric("13/03/2026"), .success(Day(year: 2026, month: 3, day: 13)!))
        XCTAssertEqual(numeric("03/13/2026"), .success(Day(year: 2026, month: 3, day: 13)!))
        XCTAssertEqual(numeric("04/03/2026"), .failure(.ambiguous))
        XCTAssertEqual(numeric("04/03/2026", .monthDay), .success(Day(year: 2026, month: 4, day: 3)!))
        XCTAssertEqual(numeric("2026-03-04x"), .failure(.notADate))
    }
}
