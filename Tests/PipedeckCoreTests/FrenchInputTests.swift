import XCTest

@testable import PipedeckCore

/// What a French user types is read in French wherever the language is not said.
final class FrenchInputTests: XCTestCase {
    let today = Day.parse("2026-12-07")! // a Monday

    func testDatesAndTimesAsTypedInFrench() throws {
        Language.with(.french) {
            XCTAssertEqual(try? DateParser.parse("vendredi", .typed(today: today)).get(), Day.parse("2026-12-11"))
            XCTAssertEqual(try? DateParser.parse("03/12/2026", .typed(today: today)).get(), Day.parse("2026-12-03"))
            XCTAssertEqual(try? DateParser.parse("+2s", .typed(today: today)).get(), Day.parse("2026-12-21"))
            let when = try? TimeParser.when("vendredi 14h30", today: today).get()
            XCTAssertEqual(when?.day, Day.parse("2026-12-11"))
            XCTAssertEqual(when?.time, TimeOfDay(hour: 14, minute: 30))
            XCTAssertEqual(try? TimeParser.when("demain à 9h", today: today).get().day, Day.parse("2026-12-08"))
        }
        // In English the French words are not dates.
        XCTAssertNil(try? DateParser.parse("vendredi", .typed(today: today)).get())
        XCTAssertEqual(try? DateParser.parse("fri", .typed(today: today)).get(), Day.parse("2026-12-11"))
    }
}
