import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// CSV cells that a spreadsheet would run as a formula are written with a leading apostrophe
/// (shown as text, never run); `import` reads them back as they were.
final class CSVFormulaGuardTests: XCTestCase {
    func testCellsThatStartLikeAFormulaAreGuarded() {
        XCTAssertEqual(CSVWriter.field("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        XCTAssertEqual(CSVWriter.field("+33 6 12 34 56 78"), "'+33 6 12 34 56 78")
        XCTAssertEqual(CSVWriter.field("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0")
        XCTAssertEqual(CSVWriter.field("@SUM(A1:A9)"), "'@SUM(A1:A9)")
        XCTAssertEqual(CSVWriter.field("\t=1+1"), "'\t=1+1")
        XCTAssertEqual(CSVWriter.field("-"), "'-", "a lone minus is not a number")
        XCTAssertEqual(CSVWriter.field("-1+2"), "'-1+2")
        XCTAssertEqual(CSVWriter.field("-.5"), "'-.5")
        XCTAssertEqual(CSVWriter.field("-5."), "'-5.")
        XCTAssertEqual(CSVWriter.field("-1.2.3"), "'-1.2.3")
        // Plain negative numbers stay numbers; anything else is as before.
        XCTAssertEqual(CSVWriter.field("-12"), "-12")
        XCTAssertEqual(CSVWriter.field("-0.5"), "-0.5")
        XCTAssertEqual(CSVWriter.field("12"), "12")
        XCTAssertEqual(CSVWriter.field("a=b"), "a=b")
        XCTAssertEqual(CSVWriter.field("'quoted'"), "'quoted'")
        XCTAssertEqual(CSVWriter.field(""), "")
        for s in ["=1", "+1", "-x", "@a", "\t1", "\r1", "plain", "'=kept'", "''=x", "-12"] {
            XCTAssertEqual(CSVWriter.unguardFormula(CSVWriter.guardFormula(s)), s)
        }
    }

    func testExportGuardsAndImportReadsBackTheSameText() throws {
        let now = Timestamp.parse("2026-06-01T12:00:00Z")!
        var board = Template.standard.board(name: "Test", currency: "EUR")
        var d = Deal(
            id: "f1", title: "=HYPERLINK(\"http://evil\",\"Click\")", value: Money(units: 100), stage: "lead",
            createdAt: now)
        d.company = "+33 Sales"
        d.contact = "@marie"
        d.owner = "-Ana-"
        d.source = "=1+1"
        d.tags = ["-urgent", "vip"]
        d.notes = "@note\nsecond line"
        d.lostReason = nil
        d.activities = [Activity(id: "a1", type: .call, subject: "=call", createdAt: now)]
        d.phone = "+33 6 12 34 56 78"
        board.deals = [d]
        let csv = DealCSV.document(board.deals, board: board)
        let row = try XCTUnwrap(csv.components(separatedBy: "\r\n").dropFirst().first)
        for guarded in [
            "'=HYPERLINK", "'+33 Sales", "'@marie", "'-Ana-", "'=1+1", "'-urgent; vip", "'@note", "'=call",
            "'+33 6 12 34 56 78",
        ] {
            XCTAssertTrue(row.contains(guarded), "\(guarded) in \(row)")
        }
        var options = ImportOptions()
        options.zone = TimeZone(identifier: "UTC")!
        let table = try CSVReader.read(Array(csv.utf8))
        let p = try Importer.plan(
            csv: table, into: Template.standard.board(name: "Other", currency: "EUR"), options: options, now: now)
        XCTAssertEqual(p.problems, [])
        let back = try XCTUnwrap(p.board.deal("f1"))
        XCTAssertEqual(back.title, d.title)
        XCTAssertEqual(back.company, d.company)
        XCTAssertEqual(back.contact, d.contact)
        XCTAssertEqual(back.owner, d.owner)
        XCTAssertEqual(back.source, d.source)
        XCTAssertEqual(back.tags, d.tags)
        XCTAssertEqual(back.notes, d.notes)
        XCTAssertEqual(back.nextActivity?.subject, "=call")
        XCTAssertEqual(back.phone, d.phone)
        XCTAssertEqual(DealCSV.document(p.board.deals, board: p.board), csv, "the same file again")
    }
}
