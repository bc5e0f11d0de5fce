import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

final class CSVReaderTests: XCTestCase {
    func read(_ text: String, separator: UInt8? = nil) throws -> CSVTable {
        try CSVReader.read(Array(text.utf8), separator: separator)
    }

    func testHardQuotingEmbeddedSeparatorsQuotesAndLineBreaks() throws {
        let text =
            "title,notes,value\r\n"
            + "\"Licences, \"\"Premium\"\"\",\"line one\r\nline two\nline \"\"three\"\"\",\"10,000.50\"\r\n"
            + "plain,,5\r\n"
            + "\"\",\"\"\"\",\"a,b\"\r\n"
        let t = try read(text)
        XCTAssertEqual(t.separator, CSVReader.comma)
        XCTAssertEqual(
            t.records.map(\.fields),
            [
                ["title", "notes", "value"],
                ["Licences, \"Premium\"", "line one\r\nline two\nline \"three\"", "10,000.50"],
                ["plain", "", "5"],
                ["", "\"", "a,b"],
            ])
        // Physical lines where each record starts: the second record spans lines 2–4.
        XCTAssertEqual(t.records.map(\.line), [1, 2, 5, 6])
        XCTAssertTrue(t.records.allSatisfy { $0.problem == nil })
    }

    func testByteOrderMarkSemicolonsAndLF() throws {
        let t = try CSVReader.read(
            [0xEF, 0xBB, 0xBF] + Array("Titre;Montant\nRefonte;10 000,50 €\n\nAudit;\"1;2\"\n".utf8))
        XCTAssertTrue(t.hadByteOrderMark)
        XCTAssertEqual(t.separator, CSVReader.semicolon)
        XCTAssertEqual(
            t.records.map(\.fields), [["Titre", "Montant"], ["Refonte", "10 000,50 €"], ["Audit", "1;2"]])
        XCTAssertEqual(t.records.map(\.line), [1, 2, 4], "the empty line 3 is no record, but it counts")
        XCTAssertEqual(t.header?.fields.first, "Titre", "no BOM left in the first name")
    }

    func testSeparatorDetectionIgnoresQuotedTextAndCanBeForced() throws {
        XCTAssertEqual(try read("\"a;b;c\",d\n1,2\n").separator, CSVReader.comma)
        XCTAssertEqual(try read("a\tb\tc\n1\t2\t3\n").separator, CSVReader.tab)
        XCTAssertEqual(try read("single\nx\n").separator, CSVReader.comma)
        let forced = try read("a;b,c\n", separator: CSVReader.comma)
        XCTAssertEqual(forced.records[0].fields, ["a;b", "c"])
    }

    func testLoneCRLineEndsAndMissingFinalNewlineAndTrailingEmptyField() throws {
        let t = try read("a,b\r1,2\r3,")
        XCTAssertEqual(t.records.map(\.fields), [["a", "b"], ["1", "2"], ["3", ""]])
        XCTAssertEqual(t.records.map(\.line), [1, 2, 3])
    }

    func testUnterminatedQuoteNamesTheLineWhereItOpens() {
        XCTAssertThrowsError(try read("a,b\n1,2\n3,\"never\nclosed\n")) { e in
            XCTAssertEqual(e as? CSVError, .unterminatedQuote(line: 3))
        }
        XCTAssertThrowsError(try read("  \r\n\n")) { XCTAssertEqual($0 as? CSVError, .empty) }
    }

    func testTextAfterClosingQuoteIsKeptAndFlagged() throws {
        let t = try read("a,b\n\"x\"y,2\nq\"uote,3\n")
        XCTAssertEqual(t.records[1].fields, ["xy", "2"])
        XCTAssertEqual(t.records[1].problem, .textAfterClosingQuote(field: 0))
        XCTAssertEqual(t.records[2].fields, ["q\"uote", "3"], "a quote inside an unquoted field is kept")
        XCTAssertNil(t.records[2].problem)
    }

    func testInvalidUTF8IsFlaggedPerRecordAndWindows1252Decodes() throws {
        let bytes: [UInt8] = Array("t,v\nCaf".utf8) + [0xE9] + Array(",1\nok,2\n".utf8) + [0x80] + Array(",3\n".utf8)
        let t = try CSVReader.read(bytes)
        XCTAssertEqual(t.records[1].problem, .invalidUTF8)
        XCTAssertNil(t.records[2].problem)
        let w = try CSVReader.read(bytes, encoding: .windows1252)
        XCTAssertEqual(w.records.map(\.fields), [["t", "v"], ["Café", "1"], ["ok", "2"], ["€", "3"]])
        XCTAssertTrue(w.records.allSatisfy { $0.problem == nil })
    }

    func testUTF16WithByteOrderMark() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "title\tvalue\r\nÉté 日本\t5\r\n".utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
        let t = try CSVReader.read(bytes)
        XCTAssertEqual(t.encoding, "utf-16")
        XCTAssertEqual(t.separator, CSVReader.tab)
        XCTAssertEqual(t.records.map(\.fields), [["title", "value"], ["Été 日本", "5"]])
    }

    func testWriterQuotesOnlyWhenNeededAndReadsBack() throws {
        XCTAssertEqual(CSVWriter.field("plain"), "plain")
        XCTAssertEqual(CSVWriter.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.field("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVWriter.field(" padded"), "\" padded\"")
        XCTAssertEqual(CSVWriter.field("a;b"), "a;b")
        XCTAssertEqual(CSVWriter.field("a;b", separator: ";"), "\"a;b\"")
        let rows = [["id", "notes"], ["1", "multi\r\nline, \"quoted\"; 日本 🚀"], ["2", ""], ["3", "\""]]
        let text = CSVWriter.document(rows)
        XCTAssertTrue(text.hasSuffix("\r\n"))
        XCTAssertEqual(try read(text).records.map(\.fields), rows)
        let semi = CSVWriter.document(rows, separator: ";", byteOrderMark: true)
        let back = try CSVReader.read(Array(semi.utf8))
        XCTAssertTrue(back.hadByteOrderMark)
        XCTAssertEqual(back.separator, CSVReader.semicolon)
        XCTAssertEqual(back.records.map(\.fields), rows)
    }

    /// Ten thousand quoted records with line breaks inside. The time is printed, not asserted
    /// (speed is measured by pipedeck-bench, not by tests that a busy machine could fail).
    func testTenThousandRecordsParse() throws {
        var text = "title,value,notes\n"
        for i in 0..<10_000 { text += "\"Deal \(i), \"\"x\"\"\",\(i).50,\"note\nline\"\n" }
        let start = Date()
        let t = try read(text)
        print("[csv] 10 000 records read in \(Int(Date().timeIntervalSince(start) * 1000)) ms (debug build)")
        XCTAssertEqual(t.records.count, 10_001)
        XCTAssertEqual(t.records.last?.line, 20_000)
    }
}
