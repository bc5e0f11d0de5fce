import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

final class LoadErrorTests: XCTestCase {
    let p = "pipeline.json"

    func assertMessage(_ data: Data, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let e = Fixtures.loadError(data, file: file, line: line) else { return }
        XCTAssertEqual(e.message, expected, file: file, line: line)
        XCTAssertEqual(e.description, expected, file: file, line: line)
        XCTAssertEqual(e.path, p, file: file, line: line)
    }

    func assertMessage(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        assertMessage(Data(text.utf8), expected, file: file, line: line)
    }

    func testTheBaseFixtureLoads() throws {
        let b = try Fixtures.decode(Fixtures.edited { _ in })
        XCTAssertEqual(b.deals.map(\.id), ["k7q2mx", "b4n8pp"])
    }

    func testSyntaxErrorNamesFileLineAndColumn() {
        let text = "{\n  \"version\": 1,\n  \"name\": \"x\"\n  \"stages\": []\n}\n"
        guard let e = Fixtures.loadError(text, path: "/home/ana/pipeline.json") else { return }
        XCTAssertEqual(e.message, "/home/ana/pipeline.json: line 4, column 3: expected \",\" or \"}\" after a value")
        XCTAssertEqual(e.line, 4)
        XCTAssertEqual(e.column, 3)
        XCTAssertEqual(e.path, "/home/ana/pipeline.json")
    }

    func testEmptyFileAndNonObjects() {
        assertMessage("", "pipeline.json: the file is empty; expected a board (a JSON object)")
        assertMessage(" \n\t\n", "pipeline.json: the file is empty; expected a board (a JSON object)")
        assertMessage("[1, 2]", "pipeline.json: expected a board (a JSON object), found an array")
        assertMessage("\"board\"", "pipeline.json: expected a board (a JSON object), found a string")
        assertMessage(
            "{\"name\": \"x\"} x",
            "pipeline.json: line 1, column 15: expected the end of the file after the top-level value")
    }

    func testVersion() {
        assertMessage(
            Fixtures.edited { $0["version"] = .number("3") },
            "pipeline.json: the file has format version 3 and needs a newer Pipedeck (this one reads versions up to 2)")
        assertMessage(
            Fixtures.edited { $0["version"] = .number("1e50") },
            "pipeline.json: the file has format version 1e50 and needs a newer Pipedeck (this one reads versions up to 2)"
        )
        assertMessage(
            Fixtures.edited { $0["version"] = .number("0") },
            "pipeline.json: field \"version\": expected a whole number, 1 or more, found 0")
        assertMessage(
            Fixtures.edited { $0["version"] = .number("1.5") },
            "pipeline.json: field \"version\": expected a whole number, 1 or more, found 1.5")
        assertMessage(
            Fixtures.edited { $0["version"] = .string("1") },
            "pipeline.json: field \"version\": expected a number, found a string")
        // A newer version is refused before anything else is looked at.
        assertMessage(
            "{\"version\": 3, \"boards\": []}",
            "pipeline.json: the file has format version 3 and needs a newer Pipedeck (this one reads versions up to 2)")
        // No version: only read as a board when it has stages and deals.
        let notBoard =
            "pipeline.json: this does not look like a Pipedeck board: it has no \"version\" field and no \"stages\" and \"deals\" arrays"
        assertMessage("{\"name\": \"x\"}", notBoard)
        assertMessage("{}", notBoard)
        assertMessage(
            Fixtures.edited {
                $0["version"] = nil; $0["deals"] = nil
            }, notBoard)
        assertMessage(
            Fixtures.edited {
                $0["version"] = .null; $0["stages"] = .object([:])
            }, notBoard)
    }

    func testWrongTypesNameThePlace() {
        assertMessage(
            Fixtures.editDeal(0, "value", .string("1000")),
            "pipeline.json: deal \"k7q2mx\": field \"value\": expected a number, found a string")
        assertMessage(
            Fixtures.editStage(2, "kind", .string("maybe")),
            "pipeline.json: stages[2]: field \"kind\": expected \"open\" or \"won\", found \"maybe\"")
        assertMessage(
            Fixtures.editStage(0, "kind", .number("1")),
            "pipeline.json: stages[0]: field \"kind\": expected \"open\" or \"won\", found a number")
        assertMessage(
            Fixtures.editDeal(1, "status", .string("closed")),
            "pipeline.json: deal \"b4n8pp\": field \"status\": expected \"open\", \"won\" or \"lost\", found \"closed\""
        )
        assertMessage(
            Fixtures.editDeal(0, "title", nil),
            "pipeline.json: deal \"k7q2mx\": field \"title\" is missing")
        assertMessage(
            Fixtures.editDeal(1, "id", nil),
            "pipeline.json: deals[1]: field \"id\" is missing")
        assertMessage(
            Fixtures.editDeal(1, "id", .number("7")),
            "pipeline.json: deals[1]: field \"id\": expected a non-empty string, found a number")
        assertMessage(
            Fixtures.editDeal(1, "id", .string("")),
            "pipeline.json: deals[1]: field \"id\": expected a non-empty string, found \"\"")
        assertMessage(
            Fixtures.editDeal(0, "title", .null),
            "pipeline.json: deal \"k7q2mx\": field \"title\": expected a string, found null")
        assertMessage(
            Fixtures.editDeal(0, "tags", .array([.string("a"), .number("2")])),
            "pipeline.json: deal \"k7q2mx\": field \"tags[1]\": expected a string, found a number")
        assertMessage(
            Fixtures.editDeal(0, "nextAction", .object(["due": .string("2026-01-01")])),
            "pipeline.json: deal \"k7q2mx\": field \"nextAction.text\" is missing")
        assertMessage(
            Fixtures.editDeal(0, "nextAction", .string("call")),
            "pipeline.json: deal \"k7q2mx\": field \"nextAction\": expected an object, found a string")
        assertMessage(
            Fixtures.editDeal(0, "qualification", .object(["need": .string("yes")])),
            "pipeline.json: deal \"k7q2mx\": field \"qualification.need\": expected true or false, found a string")
        assertMessage(
            Fixtures.editDeal(0, "history", .array([.object(["at": .string("2026-01-01T00:00:00Z")])])),
            "pipeline.json: deal \"k7q2mx\": field \"history[0].to\" is missing")
        assertMessage(
            Fixtures.editDeal(0, "history", .array([.number("1")])),
            "pipeline.json: deal \"k7q2mx\": field \"history[0]\": expected an object, found a number")
        assertMessage(
            Fixtures.editDeal(0, "rank", .number("1.5")),
            "pipeline.json: deal \"k7q2mx\": field \"rank\": expected a whole number, found 1.5")
        assertMessage(
            Fixtures.editStage(0, "rotDays", .number("-3")),
            "pipeline.json: stages[0]: field \"rotDays\": expected a whole number of days, 0 or more, found -3")
        assertMessage(
            Fixtures.editStage(1, "probability", nil),
            "pipeline.json: stages[1]: field \"probability\" is missing")
        assertMessage(Fixtures.edited { $0["name"] = nil }, "pipeline.json: field \"name\" is missing")
        assertMessage(
            Fixtures.edited { $0["deals"] = .object([:]) },
            "pipeline.json: field \"deals\": expected an array, found an object")
        assertMessage(
            Fixtures.edited { $0["deals"] = .array([.string("x")]) },
            "pipeline.json: deals[0]: expected an object, found a string")
        assertMessage(
            Fixtures.edited { $0["stages"] = .array([.null]) },
            "pipeline.json: stages[0]: expected an object, found null")
        assertMessage(
            Fixtures.edited { $0["settings"] = .object(["lostReasons": .string("Price")]) },
            "pipeline.json: field \"settings.lostReasons\": expected an array, found a string")
        assertMessage(
            Fixtures.edited { $0["settings"] = .array([]) },
            "pipeline.json: field \"settings\": expected an object, found an array")
    }

    func testShapeErrorsCarryTheValuesPosition() {
        let data = Fixtures.editDeal(1, "value", .string("lots"))
        guard let e = Fixtures.loadError(data), let line = e.line, let column = e.column else {
            return XCTFail("no position")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let rest = lines[line - 1].dropFirst(column - 1)
        XCTAssertTrue(rest.hasPrefix("\"lots\""), String(rest))
    }

    func testDuplicatesAndUnknownStage() {
        assertMessage(
            Fixtures.editDeal(1, "id", .string("k7q2mx")),
            "pipeline.json: two deals have the id \"k7q2mx\" (deals[0] and deals[1]); each deal needs its own id")
        assertMessage(
            Fixtures.editStage(2, "id", .string("lead")),
            "pipeline.json: two stages have the id \"lead\" (stages[0] and stages[2]); each stage needs its own id")
        assertMessage(
            Fixtures.editDeal(0, "stage", .string("demo")),
            "pipeline.json: deal \"k7q2mx\" is in stage \"demo\", which is not one of the board's stages")
        // A field written twice in one object.
        let twice = Fixtures.baseJSON.replacingOccurrences(
            of: "\"title\": \"First\",", with: "\"title\": \"First\", \"title\": \"Again\",")
        guard let e = Fixtures.loadError(twice) else { return }
        XCTAssertEqual(
            e.message, "pipeline.json: line 11, column 40: the field \"title\" appears twice in the same object")
        XCTAssertEqual(e.line, 11)
        let twiceUnknown = Fixtures.baseJSON.replacingOccurrences(of: "\"rank\": 0", with: "\"x\": 1, \"x\": 2")
        XCTAssertEqual(
            Fixtures.loadError(twiceUnknown)?.message,
            "pipeline.json: line 14, column 73: the field \"x\" appears twice in the same object")
    }

    func testProbabilityRange() {
        let msg = { (place: String, found: String) in
            "pipeline.json: \(place): field \"probability\": expected a percentage from 0 to 100 with at most 2 decimals, found \(found)"
        }
        assertMessage(Fixtures.editDeal(0, "probability", .number("150")), msg("deal \"k7q2mx\"", "150"))
        assertMessage(Fixtures.editDeal(0, "probability", .number("100.01")), msg("deal \"k7q2mx\"", "100.01"))
        assertMessage(Fixtures.editDeal(0, "probability", .number("12.345")), msg("deal \"k7q2mx\"", "12.345"))
        assertMessage(Fixtures.editDeal(0, "probability", .number("-1")), msg("deal \"k7q2mx\"", "-1"))
        assertMessage(Fixtures.editStage(1, "probability", .number("-0.5")), msg("stages[1]", "-0.5"))
        assertMessage(Fixtures.editStage(1, "probability", .number("1e3")), msg("stages[1]", "1e3"))
        XCTAssertNoThrow(try Fixtures.decode(Fixtures.editDeal(0, "probability", .number("100"))))
        XCTAssertNoThrow(try Fixtures.decode(Fixtures.editDeal(0, "probability", .number("0"))))
        XCTAssertNoThrow(try Fixtures.decode(Fixtures.editDeal(0, "probability", .number("12.340"))))
    }

    func testValueRules() {
        assertMessage(
            Fixtures.editDeal(0, "value", .number("-5")),
            "pipeline.json: deal \"k7q2mx\": field \"value\": expected an amount of 0 or more, found -5")
        assertMessage(
            Fixtures.editDeal(0, "value", .number("1.005")),
            "pipeline.json: deal \"k7q2mx\": field \"value\": expected at most 2 decimals, found 1.005")
        assertMessage(
            Fixtures.editDeal(0, "value", .number("0.00000001")),
            "pipeline.json: deal \"k7q2mx\": field \"value\": expected at most 2 decimals, found 0.00000001")
        assertMessage(
            Fixtures.editDeal(0, "value", .number("1e30")),
            "pipeline.json: deal \"k7q2mx\": field \"value\": expected an amount with at most 24 digits before the decimal point, found 1e30"
        )
        XCTAssertNoThrow(try Fixtures.decode(Fixtures.editDeal(0, "value", .number("999999999999999999999999.99"))))
    }

    func testDates() {
        assertMessage(
            Fixtures.editDeal(0, "expectedClose", .string("2026-02-30")),
            "pipeline.json: deal \"k7q2mx\": field \"expectedClose\": expected a date as YYYY-MM-DD, found \"2026-02-30\""
        )
        assertMessage(
            Fixtures.editDeal(0, "expectedClose", .string("31/12/2026")),
            "pipeline.json: deal \"k7q2mx\": field \"expectedClose\": expected a date as YYYY-MM-DD, found \"31/12/2026\""
        )
        assertMessage(
            Fixtures.editDeal(0, "expectedClose", .number("20261231")),
            "pipeline.json: deal \"k7q2mx\": field \"expectedClose\": expected a date as YYYY-MM-DD, found a number")
        assertMessage(
            Fixtures.editDeal(0, "nextAction", .object(["text": .string("x"), "due": .string("tomorrow")])),
            "pipeline.json: deal \"k7q2mx\": field \"nextAction.due\": expected a date as YYYY-MM-DD, found \"tomorrow\""
        )
        assertMessage(
            Fixtures.editDeal(0, "createdAt", .string("yesterday")),
            "pipeline.json: deal \"k7q2mx\": field \"createdAt\": expected a date and time as YYYY-MM-DDTHH:MM:SSZ, found \"yesterday\""
        )
        assertMessage(
            Fixtures.editDeal(1, "stageEnteredAt", .string("2026-11-30T25:00:00Z")),
            "pipeline.json: deal \"b4n8pp\": field \"stageEnteredAt\": expected a date and time as YYYY-MM-DDTHH:MM:SSZ, found \"2026-11-30T25:00:00Z\""
        )
        assertMessage(
            Fixtures.editDeal(
                0, "history", .array([.object(["at": .string("2026-13-01T00:00:00Z"), "to": .string("lead")])])),
            "pipeline.json: deal \"k7q2mx\": field \"history[0].at\": expected a date and time as YYYY-MM-DDTHH:MM:SSZ, found \"2026-13-01T00:00:00Z\""
        )
        // Other tools' spellings of a time are read (and written back in the canonical form).
        let b = try? Fixtures.decode(Fixtures.editDeal(0, "updatedAt", .string("2026-11-30T10:15:00.250+01:00")))
        XCTAssertEqual(b?.deals[0].updatedAt, Fixtures.ts("2026-11-30T09:15:00Z"))
    }

    func testCurrency() {
        assertMessage(
            Fixtures.edited { $0["currency"] = .string("eur") },
            "pipeline.json: field \"currency\": expected a currency code of 3 capital letters such as EUR, found \"eur\""
        )
        assertMessage(
            Fixtures.editDeal(1, "currency", .string("EURO")),
            "pipeline.json: deal \"b4n8pp\": field \"currency\": expected a currency code of 3 capital letters such as EUR, found \"EURO\""
        )
        assertMessage(
            Fixtures.editDeal(1, "currency", .string("ÉUR")),
            "pipeline.json: deal \"b4n8pp\": field \"currency\": expected a currency code of 3 capital letters such as EUR, found \"ÉUR\""
        )
        XCTAssertEqual(try Fixtures.decode(Fixtures.editDeal(1, "currency", .string("USD"))).deals[1].currency, "USD")
    }

    func testFoundValuesAreQuotedSafely() {
        let long = String(repeating: "x", count: 100) + "\n"
        assertMessage(
            Fixtures.editStage(0, "kind", .string(long)),
            "pipeline.json: stages[0]: field \"kind\": expected \"open\" or \"won\", found \"\(String(repeating: "x", count: 60))…\""
        )
        assertMessage(
            Fixtures.editStage(0, "kind", .string("a\"b\nc")),
            "pipeline.json: stages[0]: field \"kind\": expected \"open\" or \"won\", found \"a\\\"b\\nc\"")
    }
}
