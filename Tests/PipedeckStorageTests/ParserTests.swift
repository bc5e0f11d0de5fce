import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

final class ParserTests: XCTestCase {
    func parse(_ s: String) throws -> JSONValue { try JSONParser.parse(Data(s.utf8)) }

    func syntaxError(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parseTyped(Data(bytes))
            XCTFail("expected a syntax error", file: file, line: line)
        } catch {
            return error
        }
        return nil
    }

    func syntaxError(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> JSONSyntaxError? {
        syntaxError(Array(s.utf8), file: file, line: line)
    }

    func testParsesEveryKindOfValue() throws {
        let v = try parse(
            #" { "a" : [1, -2.5e-3, 0, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude80"], "b": {} , "c": [] } "#
        )
        XCTAssertEqual(
            v,
            .object([
                "a": .array([
                    .number("1"), .number("-2.5e-3"), .number("0"), .bool(true), .bool(false), .null,
                    .string("x\"\\/\u{08}\u{0C}\n\r\té🚀"),
                ]),
                "b": .object([:]), "c": .array([]),
            ]))
        XCTAssertEqual(try parse("\"日本\""), .string("日本"))
        XCTAssertEqual(try parse("123456789012345678901234567890.000"), .number("123456789012345678901234567890.000"))
        XCTAssertEqual(try JSONParser.parse(Data([0xEF, 0xBB, 0xBF] + Array("[]".utf8))), .array([]))
    }

    func testWriterThenParserIsIdentity() throws {
        let v: JSONValue = .object([
            "z": .array([.string("a\u{01}\"\\/é"), .number("1e5"), .null]), "A": .object(["x": .bool(true)]),
            "é": .array([]),
        ])
        let data = JSONWriter.write(v)
        XCTAssertEqual(try JSONParser.parse(data), v)
        XCTAssertEqual(
            String(decoding: data, as: UTF8.self),
            """
            {
              "A": {
                "x": true
              },
              "z": [
                "a\\u0001\\"\\\\/é",
                1e5,
                null
              ],
              "é": []
            }

            """)
    }

    func testKeysAreSortedInUTF8ByteOrder() {
        let v: JSONValue = .object([
            "b": .null, "B": .null, "a": .null, "é": .null, "Z": .null, "aa": .null, "_": .null, "ß": .null,
        ])
        let text = String(decoding: JSONWriter.write(v), as: UTF8.self)
        let keys = text.split(separator: "\n").dropFirst().dropLast().map { $0.split(separator: "\"")[1] }
        XCTAssertEqual(keys, ["B", "Z", "_", "a", "aa", "b", "ß", "é"])
    }

    func testSyntaxErrorsGiveLineColumnAndWhatWasExpected() {
        let cases: [(String, Int, Int, String)] = [
            (
                "{\n  \"version\": 1,\n  \"name\": \"x\"\n  \"stages\": []\n}", 4, 3,
                "expected \",\" or \"}\" after a value"
            ),
            ("{\"a\": 1,}", 1, 9, "expected a field name in double quotes after \",\""),
            ("{\"name\": \"abc", 1, 14, "expected a closing double quote, found the end of the file"),
            ("{\"name\": \"ab\n\"}", 1, 13, "expected a closing double quote before the end of the line"),
            ("{\"nom\": \"é\" x}", 1, 13, "expected \",\" or \"}\" after a value"),
            ("{}\n}", 2, 1, "expected the end of the file after the top-level value"),
            ("[1 2]", 1, 4, "expected \",\" or \"]\" after a value"),
            ("[1,]", 1, 4, "expected a value after \",\""),
            ("[", 1, 2, "expected a value or \"]\", found the end of the file"),
            ("{\"a\": tru}", 1, 7, "expected a value (an object, array, string, number, true, false or null)"),
            ("{\"a\" 1}", 1, 6, "expected \":\" after the field name"),
            ("{\"a\": 01}", 1, 8, "expected a number without leading zeros"),
            ("{\"a\": 1.}", 1, 9, "expected a digit after the decimal point"),
            ("{\"a\": -x}", 1, 8, "expected a digit after \"-\""),
            ("{\"a\": 1e}", 1, 9, "expected a digit in the exponent"),
            (
                "{\"a\": \"\\x\"}", 1, 8,
                "expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) after a backslash"
            ),
            ("{\"a\": \"\\u12G4\"}", 1, 12, "expected four hexadecimal digits after \\u"),
            (
                "{\"a\": \"\\ud83d x\"}", 1, 14,
                "expected a second \\uDC00–\\uDFFF escape to complete the surrogate pair"
            ),
            (
                "{\"a\": \"\\ude80\"}", 1, 8,
                "expected a first \\uD800–\\uDBFF escape before this second half of a surrogate pair"
            ),
            (
                "{\"a\": \"a\tb\"}", 1, 9,
                "expected an escape such as \\t or \\u0001 instead of a control character inside a string"
            ),
            ("{\"a\": 1", 1, 8, "expected \",\" or \"}\" after a value, found the end of the file"),
            ("{name: 1}", 1, 2, "expected a field name in double quotes or \"}\""),
            ("// comment\n{}", 1, 1, "expected a value (an object, array, string, number, true, false or null)"),
            ("\r\n\r\n  {\"a\": [true false]}", 3, 15, "expected \",\" or \"]\" after a value"),
        ]
        for (text, line, column, reason) in cases {
            guard let e = syntaxError(text) else { continue }
            XCTAssertEqual(e.line, line, text)
            XCTAssertEqual(e.column, column, text)
            XCTAssertEqual(e.reason, reason, text)
            XCTAssertEqual(e.description, "line \(line), column \(column): \(reason)")
        }
    }

    func testInvalidUTF8AndByteOrderMarkColumns() {
        let bad = syntaxError(Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8))
        XCTAssertEqual(bad?.reason, "expected UTF-8 text, found an invalid byte sequence")
        XCTAssertEqual(bad?.column, 8)
        let overlong = syntaxError(Array("\"".utf8) + [0xC0, 0xAF] + Array("\"".utf8))
        XCTAssertEqual(overlong?.reason, "expected UTF-8 text, found an invalid byte sequence")
        let surrogate = syntaxError(Array("\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"".utf8))
        XCTAssertEqual(surrogate?.reason, "expected UTF-8 text, found an invalid byte sequence")
        // The byte order mark does not count as a column.
        let bom = syntaxError([0xEF, 0xBB, 0xBF] + Array("{x}".utf8))
        XCTAssertEqual(bom?.line, 1)
        XCTAssertEqual(bom?.column, 2)
    }

    func testDuplicateFieldNamesAreRefused() {
        XCTAssertThrowsError(try parse("{\"a\": 1,\n \"a\": 2}")) { error in
            XCTAssertEqual(
                error as? JSONSyntaxError,
                JSONSyntaxError(
                    offset: 10, line: 2, column: 2, reason: "the field \"a\" appears twice in the same object"))
        }
    }

    func testNestingIsLimited() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        XCTAssertEqual(syntaxError(deep)?.reason, "expected at most 512 levels of nested arrays and objects")
        XCTAssertNoThrow(try parse(String(repeating: "[", count: 500) + String(repeating: "]", count: 500)))
    }

    func testExactDecimal() {
        func d(_ s: String) -> ExactDecimal { Array(s.utf8).withUnsafeBufferPointer { ExactDecimal.parse($0) } }
        XCTAssertEqual(d("10000.05"), .value(negative: false, coefficient: 1_000_005, scale: 2))
        XCTAssertEqual(d("65.50"), .value(negative: false, coefficient: 655, scale: 1))
        XCTAssertEqual(d("1e3"), .value(negative: false, coefficient: 1_000, scale: 0))
        XCTAssertEqual(d("-0.000"), .value(negative: true, coefficient: 0, scale: 0))
        XCTAssertEqual(d("0.0000001"), .tooPrecise)
        XCTAssertEqual(d("1e40"), .tooLarge)
        XCTAssertEqual(d("1e-999999999999"), .tooPrecise)
        XCTAssertEqual(d("0e999999999999"), .value(negative: false, coefficient: 0, scale: 0))
        XCTAssertEqual(d("123.456e1"), .value(negative: false, coefficient: 123_456, scale: 2))
    }
}
