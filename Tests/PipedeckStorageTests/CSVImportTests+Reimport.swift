import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// Importing the same file again, and a board exported then imported.
extension CSVImportTests {
    // MARK: Re-importing

    func testReimportIsIdempotentThenUpdatesChangedRows() throws {
        let first = """
            Deal - ID,Deal - Title,Deal - Value,Deal - Stage,Deal - Status,Deal - Organization
            1,Alpha,1000,Lead generation,open,A Corp
            2,Beta,2000,Proposal,open,B Corp
            3,Gamma,3000,Proposal,won,C Corp

            """
        let p1 = try plan(first)
        XCTAssertEqual([p1.added, p1.updated, p1.unchanged], [3, 0, 0])
        let later = CSVImportTests.now.adding(days: 3)
        let p2 = try plan(first, on: p1.board, at: later)
        XCTAssertEqual([p2.added, p2.updated, p2.unchanged], [0, 0, 3])
        XCTAssertFalse(p2.changesBoard)
        XCTAssertEqual(p2.board, p1.board)

        let changed = """
            Deal - ID,Deal - Title,Deal - Value,Deal - Stage,Deal - Status,Deal - Organization
            1,Alpha,1500,Negotiation,open,A Corp
            2,Beta,2000,Proposal,lost,B Corp
            3,Gamma,3000,Proposal,won,C Corp
            4,Delta,4000,Lead generation,open,D Corp

            """
        let p3 = try plan(changed, on: p1.board, at: later)
        XCTAssertEqual([p3.added, p3.updated, p3.unchanged], [1, 2, 1])
        XCTAssertEqual(p3.board.deals.count, 4)
        let alpha = deal(p3, "Alpha")
        XCTAssertEqual(alpha.id, deal(p1, "Alpha").id, "the same deal, updated")
        XCTAssertEqual(alpha.value, money("1500"))
        XCTAssertEqual(alpha.stage, "negotiation")
        XCTAssertEqual(alpha.history.last, HistoryEntry(at: later, from: "lead", to: "negotiation"))
        XCTAssertEqual(alpha.updatedAt, later)
        XCTAssertEqual(deal(p3, "Beta").status, .lost)
        XCTAssertEqual(deal(p3, "Gamma").updatedAt, deal(p1, "Gamma").updatedAt)
        assertInvariants(p3.board)
        // And again: nothing left to do.
        let p4 = try plan(changed, on: p3.board, at: later.adding(days: 1))
        XCTAssertEqual([p4.added, p4.updated, p4.unchanged], [0, 0, 4])
    }

    func testRowsWithoutIdsAreRecognisedByTitleAndCompany() throws {
        let csv = "Deal Name,Amount,Associated Company\nRenewal,100,ACME\nRenewal,200,ACME\nRenewal,300,Globex\n"
        let p1 = try plan(csv)
        XCTAssertEqual(p1.added, 3, "two identical titles at the same company are two deals")
        let again = "Deal Name,Amount,Associated Company\n  renewal ,150,acme\nRenewal,200,ACME\nRenewal,300,Globex\n"
        let p2 = try plan(again, on: p1.board)
        XCTAssertEqual([p2.added, p2.updated, p2.unchanged], [0, 1, 2], "case and spaces do not make a new deal")
        XCTAssertEqual(p2.board.deals.count, 3)
    }

    func testDealsWithoutImportKeysAreNeverTouched() throws {
        var b = board()
        b.deals = [
            Deal(
                id: "abc234", title: "Alpha", value: Money(units: 5), stage: "lead", createdAt: CSVImportTests.now,
                company: "A Corp")
        ]
        let p = try plan("title,company,value\nAlpha,A Corp,10\n", on: b)
        XCTAssertEqual(p.added, 1, "a deal made by hand is not matched by its title")
        XCTAssertEqual(p.board.deals.first { $0.id == "abc234" }?.value, Money(units: 5))
    }

    // MARK: Export → import

    static func richBoard() -> Board {
        var b = Template.standard.board(name: "Round trip", currency: "EUR")
        let t0 = Timestamp.parse("2026-01-10T08:30:00Z")!
        var a = Deal(
            id: "k7q2mx", title: "Renouvellement \"Premium\", phase 2; lot A", value: Money.parse("10000.05")!,
            stage: "proposal", createdAt: t0, company: "Société Générale", contact: "Zoë Ärger", currency: "USD",
            probability: Percent.parse("65.5"), owner: "Camille", source: "referral/partner",
            tags: ["enterprise", "日本"], expectedClose: Day.parse("2026-12-31"),
            activities: [
                Activity(
                    id: "c1", type: .call, subject: "Call back — ask for the PO", due: Day.parse("2026-06-10"),
                    time: TimeOfDay(hour: 9, minute: 5), createdAt: t0)
            ],
            notes: "Line one\nLine \"two\", with comma; and semicolon\n\nemoji 🚀", phone: "+33 (0)6 12 34 56 78",
            email: "zoe@example.com")
        a.updatedAt = Timestamp.parse("2026-02-01T10:00:00Z")!
        var w = Deal(
            id: "p3w9zz", title: "日本商事 — licences", value: Money(units: 0), stage: "won", createdAt: t0, status: .won,
            tags: ["Paris, France"],
            activities: [
                Activity(id: "d1", type: .meeting, subject: "Done long ago", done: true, createdAt: t0),
                Activity(id: "m1", type: .meeting, subject: "Kick-off", createdAt: t0),
            ])
        w.updatedAt = Timestamp.parse("2026-03-01T00:00:00Z")!
        var l = Deal(
            id: "x8r4tt", title: "Lost one", value: Money.parse("1234567890.5")!, stage: "needs", createdAt: t0,
            status: .lost, lostReason: "Price")
        l.updatedAt = Timestamp.parse("2026-03-02T00:00:00Z")!
        let o = Deal(id: "q2", title: "Plain", value: Money(units: 1), stage: "lead", createdAt: t0)
        b.deals = [a, w, l, o]
        return b
    }

    func testExportThenImportKeepsEveryCarriedField() throws {
        let source = CSVImportTests.richBoard()
        let csv = DealCSV.document(source.deals, board: source)
        let p = try plan(csv, on: board(), at: CSVImportTests.now.adding(days: 30))
        XCTAssertEqual(p.problems, [])
        XCTAssertEqual(p.mapping.source, .plain)
        XCTAssertEqual(p.added, 4)
        for original in source.deals {
            guard let d = p.board.deal(original.id) else { XCTFail("\(original.id) lost its id"); continue }
            XCTAssertEqual(d.title, original.title)
            XCTAssertEqual(d.value, original.value)
            XCTAssertEqual(d.currency, original.currency)
            XCTAssertEqual(d.stage, original.stage)
            XCTAssertEqual(d.probability, original.probability)
            XCTAssertEqual(d.status, original.status)
            XCTAssertEqual(d.lostReason, original.lostReason)
            XCTAssertEqual(d.company, original.company)
            XCTAssertEqual(d.contact, original.contact)
            XCTAssertEqual(d.owner, original.owner)
            XCTAssertEqual(d.source, original.source)
            XCTAssertEqual(d.tags, original.tags)
            XCTAssertEqual(d.expectedClose, original.expectedClose)
            XCTAssertEqual(d.phone, original.phone)
            XCTAssertEqual(d.email, original.email)
            // The next step's subject, type, day and time; what was done is not in the file.
            let next = d.nextActivity, was = original.nextActivity
            XCTAssertEqual([next?.subject, next?.type.rawValue], [was?.subject, was?.type.rawValue])
            XCTAssertEqual(next?.due, was?.due)
            XCTAssertEqual(next?.time, was?.time)
            XCTAssertEqual(d.activities.filter(\.done), [], "\(d.id)")
            XCTAssertEqual(d.notes, original.notes)
            XCTAssertEqual(d.createdAt, original.createdAt)
            XCTAssertEqual(d.updatedAt, original.updatedAt)
            XCTAssertNil(d.importKey, "a plain file's ids are the deals' ids")
            XCTAssertLessThanOrEqual(
                d.history.last!.at, d.updatedAt, "a win or loss is dated by the file's last change")
        }
        XCTAssertEqual(
            DealCSV.document(p.board.deals, board: p.board), csv, "exporting the imported board gives the same file")
        assertInvariants(p.board)

        // Importing the export into the board it came from changes nothing.
        let back = try plan(csv, on: source)
        XCTAssertEqual([back.added, back.updated, back.unchanged], [0, 0, 4])
    }

    func testTenThousandRowsArePlanned() throws {
        var csv =
            "Deal - ID;Deal - Title;Deal - Value;Deal - Stage;Deal - Status;Deal - Organization;Deal - Expected close date\n"
        let stages = ["Lead generation", "Qualification", "Proposal", "Negotiation"]
        for i in 0..<10_000 {
            let status = i % 10 == 0 ? "won" : i % 10 == 1 ? "lost" : "open"
            let value = "\(i % 900 + 1) " + String(format: "%03d,%02d", i % 1000, i % 100)
            csv +=
                "\(i);Deal \(i);\(value) €;\(stages[i % 4]);\(status);Company \(i % 300);"
                + String(format: "2026-07-%02d", i % 28 + 1) + "\n"
        }
        let start = Date()
        let p = try plan(csv)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(p.problems, [])
        XCTAssertEqual(p.added, 10_000)
        print("[import] 10 000 rows planned in \(Int(seconds * 1000)) ms (debug build)")
        let again = try plan(csv, on: p.board)
        XCTAssertEqual(again.unchanged, 10_000)
        assertInvariants(p.board)
    }
}
