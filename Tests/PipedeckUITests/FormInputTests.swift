import PipedeckCore
import XCTest

@testable import PipedeckUI

/// The form reads numbers with the core's parsers: the same rules as the command line.
final class FormInputTests: XCTestCase {
    func form(_ d: AppDriver) -> DealForm? {
        if case .form(let f) = d.state.mode { return f }
        return nil
    }

    func focus(_ d: AppDriver, _ field: DealForm.FieldID) throws {
        while form(d)!.fields[form(d)!.focus].id != field { try d.press(.tab) }
        try d.press(.ctrl("u"))
    }

    /// Issue 13, point 1: "12.500" in the value field saved €12.50 without a word.
    func testAnAmbiguousValueIsRefusedWithBothReadings() throws {
        let d = try AppDriver()
        try d.press(.char("a"))
        try d.type("Ambiguous")
        for typed in ["12.500", "12,500"] {
            try focus(d, .value)
            try d.type(typed)
            guard case .failure(.ambiguous(let a))? = form(d)?.valueReading else {
                return XCTFail("\(typed): \(String(describing: form(d)?.valueReading))")
            }
            XCTAssertEqual([a.asDecimal, a.asThousands], [Money(cents: 1250), Money(units: 12_500)])
            XCTAssertEqual(try d.press(.enter), [])
            XCTAssertEqual(form(d)?.field(.value).error, "ambiguous: 12.50 or 12500? type 12.50 or 12500")
        }
        XCTAssertEqual(d.saves, 0)
        try focus(d, .value)
        try d.type("12.500,00")
        XCTAssertEqual(try form(d)?.valueReading?.get().amount.canonical, "12500")
        try d.press(.enter)
        XCTAssertEqual(d.state.board.deals.first { $0.title == "Ambiguous" }?.value, Money(units: 12_500))
    }

    /// Issue 13, point 2: the probability refused "35,5" while the value took a decimal comma.
    func testProbabilityTakesEitherDecimalMark() throws {
        let d = try AppDriver()
        try d.press(.char("a"))
        try d.type("Comma")
        try focus(d, .probability)
        try d.type("35,5")
        try d.press(.enter)
        XCTAssertEqual(d.state.board.deals.first { $0.title == "Comma" }?.probability, Percent(hundredths: 3550))
    }

    func testNoValueReadingWhileTheFieldIsEmpty() throws {
        let d = try AppDriver()
        try d.press(.char("a"))
        XCTAssertNil(form(d)?.valueReading)
        try focus(d, .value)
        try d.type("€ 9 900,5")
        XCTAssertEqual(try form(d)?.valueReading?.get(), ParsedAmount(amount: Money(cents: 990_050), currency: "EUR"))
    }

    /// Issue 13, point 2, in every other field where a number is typed: the stage form's
    /// probability takes either mark; its stale days and the recommendation score are whole
    /// numbers, so "12,0" is 12 and "12,5" says that decimals make no sense there.
    func testStageFormTakesEitherMarkAndSaysDaysAreWhole() throws {
        let d = try AppDriver()
        try d.press(.char("S"), .char("a"))
        try d.type("Demo stage")
        try d.press(.tab)
        try d.type("35,5")
        try d.press(.tab, .ctrl("u"))
        try d.type("12,5")
        try d.press(.enter)
        guard case .stageForm(let f) = d.state.mode else { return XCTFail("12,5 days is refused") }
        XCTAssertEqual(f.error, Strings.rotDaysWhole)
        try d.press(.ctrl("u"))
        try d.type("12.0")
        try d.press(.enter)
        let stage = try XCTUnwrap(d.state.board.stages.first { $0.name == "Demo stage" })
        XCTAssertEqual(stage.probability, Percent(hundredths: 3550))
        XCTAssertEqual(stage.rotDays, 12)
        try d.press(.char("e"), .tab, .ctrl("u"))
        try d.type("40.25 %")
        try d.press(.enter)
        XCTAssertEqual(d.state.board.stage(stage.id)?.probability, Percent(hundredths: 4025))
    }

    func testTheRecommendationScoreIsAWholeNumberWithEitherMark() throws {
        let d = try AppDriver()
        try d.press(.char("l"), .char("l"), .char("l"), .char("l"), .char("l"), .char("l"), .enter, .char("p"))
        let id = try XCTUnwrap(d.selected?.id)
        for (typed, error) in [("7,5", UIText.npsWhole), ("11", UIText.npsRange), ("abc", UIText.npsRange)] {
            try d.press(.ctrl("u"))
            try d.type(typed)
            try d.press(.enter)
            guard case .npsPrompt(_, _, let e) = d.state.mode else { return XCTFail("\(typed) is refused") }
            XCTAssertEqual(e, error, typed)
        }
        try d.press(.ctrl("u"))
        try d.type("8,0")
        try d.press(.enter)
        XCTAssertEqual(d.state.board.deal(id)?.npsScore, 8)
    }
}
