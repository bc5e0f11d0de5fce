import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// The import planner on CSV text: column sets of each CRM, amounts, stages, statuses, the
/// problem report, re-imports and the export → import round trip.
final class CSVImportTests: XCTestCase {
    static let now = Timestamp.parse("2026-06-01T12:00:00Z")!
    static let utc = TimeZone(identifier: "UTC")!

    func board() -> Board { Template.standard.board(name: "Test", currency: "EUR") }

    func plan(
        _ text: String, on board: Board? = nil, at now: Timestamp = CSVImportTests.now,
        _ configure: (inout ImportOptions) -> Void = { _ in }
    ) throws -> ImportPlan {
        var options = ImportOptions()
        options.zone = CSVImportTests.utc
        configure(&options)
        let table = try CSVReader.read(Array(text.utf8))
        return try Importer.plan(csv: table, into: board ?? self.board(), options: options, now: now)
    }

    func deal(_ p: ImportPlan, _ title: String, file: StaticString = #filePath, line: UInt = #line) -> Deal {
        guard let d = p.board.deals.first(where: { $0.title == title }) else {
            XCTFail("no deal \(title) in \(p.board.deals.map(\.title)); problems \(p.problems)", file: file, line: line)
            return Deal(id: "", title: "", value: .zero, stage: "", createdAt: CSVImportTests.now)
        }
        return d
    }

    func money(_ s: String) -> Money { Money.parse(s)! }

    /// Every deal of a plan follows the model's rules.
    func assertInvariants(_ b: Board, file: StaticString = #filePath, line: UInt = #line) {
        var ids = Set<String>()
        for d in b.deals {
            XCTAssertTrue(ids.insert(d.id).inserted, "duplicate id \(d.id)", file: file, line: line)
            guard let s = b.stage(d.stage) else {
                XCTFail("unknown stage \(d.stage)", file: file, line: line); continue
            }
            XCTAssertEqual(
                d.status == .won, s.kind == .won, "\(d.title): status \(d.status) in \(s.id)", file: file, line: line)
            XCTAssertEqual(d.history.first?.from, nil, file: file, line: line)
            XCTAssertEqual(d.history.last?.to, d.stage, "\(d.title): history ends elsewhere", file: file, line: line)
            if d.status != .lost { XCTAssertNil(d.lostReason, file: file, line: line) }
            XCTAssertLessThanOrEqual(d.value.decimalsNeeded, 2, file: file, line: line)
        }
    }

    // MARK: Each CRM's columns

    func testPipedriveExport() throws {
        let csv = """
            Deal - ID;Deal - Title;Deal - Value;Deal - Currency;Deal - Stage;Deal - Status;Deal - Probability;Deal - Expected close date;Deal - Organization;Deal - Contact person;Deal - Owner;Deal - Lost reason;Deal - Pipeline
            101;Refonte site;10 000,50 €;EUR;Proposal;open;;2026-07-15;Boulangerie Dupré;Marie Dupré;Camille;;Ventes
            102;Licences;2 400;USD;negotiation;open;75;2026-06-30;Société Générale;Jean Martin;Camille;;Ventes
            103;Maintenance;1.200,00 €;EUR;Qualification;won;;2026-05-01;Garage Lefèvre;;Paul;;Ventes
            104;Audit;8 500;EUR;Needs analysis;lost;;;Mairie de Lyon;;Paul;Price;Ventes

            """
        let p = try plan(csv)
        XCTAssertEqual(p.mapping.source, .pipedrive)
        XCTAssertEqual(p.separator, CSVReader.semicolon)
        XCTAssertEqual(p.amounts?.mark, .comma)
        XCTAssertEqual(p.mapping.ignored.map { p.mapping.headers[$0] }, ["Deal - Pipeline"])
        XCTAssertEqual(p.problems, [])
        XCTAssertEqual(p.added, 4)

        let a = deal(p, "Refonte site")
        XCTAssertEqual(a.value, money("10000.50"))
        XCTAssertNil(a.currency, "the board's currency is not repeated on the deal")
        XCTAssertEqual(a.stage, "proposal")
        XCTAssertEqual(a.company, "Boulangerie Dupré")
        XCTAssertEqual(a.contact, "Marie Dupré")
        XCTAssertEqual(a.owner, "Camille")
        XCTAssertEqual(a.expectedClose, Day.parse("2026-07-15"))
        XCTAssertNil(a.probability)
        XCTAssertEqual(a.importKey, "pipedrive:101")

        let b = deal(p, "Licences")
        XCTAssertEqual(b.currency, "USD")
        XCTAssertEqual(b.probability, Percent(75))
        XCTAssertEqual(b.stage, "negotiation")

        let c = deal(p, "Maintenance")
        XCTAssertEqual(c.value, money("1200"))
        XCTAssertEqual(c.status, .won)
        XCTAssertEqual(c.stage, "won")
        XCTAssertEqual(c.history.map(\.to), ["qualification", "won"], "created where the file says, then won")
        XCTAssertEqual(c.history.last?.status, .won)

        let d = deal(p, "Audit")
        XCTAssertEqual(d.status, .lost)
        XCTAssertEqual(d.stage, "needs")
        XCTAssertEqual(d.lostReason, "Price")
        assertInvariants(p.board)
    }

    func testHubSpotExport() throws {
        let csv = """
            Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Pipeline,Create Date
            9001,Acme platform,appointmentscheduled,2026-06-30 00:00,Sarah Lee,"$45,000.00",Sales Pipeline,2026-01-12 09:30
            9002,Globex renewal,Contract Sent,2026-05-15,Tom Baker,12500,Sales Pipeline,2026-02-01 14:00
            9003,Initech upsell,closedwon,2026-03-01,Sarah Lee,"8,000",Sales Pipeline,2025-11-20 10:00
            9004,Umbrella pilot,Closed Lost,2026-02-10,Tom Baker,,Sales Pipeline,2025-12-01 08:00

            """
        let p = try plan(csv) { $0.stageMap = [("appointmentscheduled", "lead"), ("Contract Sent", "closing")] }
        XCTAssertEqual(p.mapping.source, .hubspot)
        XCTAssertEqual(p.problems, [])
        let a = deal(p, "Acme platform")
        XCTAssertEqual(a.value, money("45000"))
        XCTAssertEqual(a.currency, "USD", "$ in the amount makes a USD deal on a EUR board")
        XCTAssertEqual(a.stage, "lead")
        XCTAssertEqual(a.owner, "Sarah Lee")
        XCTAssertEqual(a.expectedClose, Day.parse("2026-06-30"))
        XCTAssertEqual(a.createdAt, Timestamp.parse("2026-01-12T09:30:00Z"))
        XCTAssertEqual(a.importKey, "hubspot:9001")
        XCTAssertEqual(deal(p, "Globex renewal").stage, "closing")
        let won = deal(p, "Initech upsell")
        XCTAssertEqual(won.status, .won)
        XCTAssertEqual(won.stage, "won")
        XCTAssertEqual(won.value, money("8000"))
        let lost = deal(p, "Umbrella pilot")
        XCTAssertEqual(lost.status, .lost)
        XCTAssertEqual(lost.stage, "closing", "a lost deal without a stage stays in the last open stage")
        XCTAssertEqual(lost.value, .zero, "an empty amount is 0")
        assertInvariants(p.board)
    }

    func testOdooExport() throws {
        let csv = """
            Opportunity,Expected Revenue,Probability,Stage,Customer,Contact Name,Salesperson,Source,Tags,Expected Closing
            Website,"12,000.00",60.0,Proposition,Azure Interior,Brandon Freeman,Mitchell Admin,Newsletter,"Design,Services",2026-07-01
            Chairs,950.00,35.5,Qualified,Deco Addict,Douglas Fletcher,Marc Demo,,Product,2026-08-15
            Office,"3,500.00",100.0,Won,Gemini Furniture,,Mitchell Admin,Website,,2026-04-01

            """
        let p = try plan(csv) { $0.stageMap = [("Proposition", "proposal"), ("Qualified", "Qualification")] }
        XCTAssertEqual(p.mapping.source, .odoo)
        XCTAssertEqual(p.problems, [])
        let a = deal(p, "Website")
        XCTAssertEqual(a.value, money("12000"))
        XCTAssertEqual(a.stage, "proposal")
        XCTAssertNil(a.probability, "60 is the Proposal stage's own probability: the deal follows its stage")
        XCTAssertEqual(a.company, "Azure Interior")
        XCTAssertEqual(a.contact, "Brandon Freeman")
        XCTAssertEqual(a.owner, "Mitchell Admin")
        XCTAssertEqual(a.source, "Newsletter")
        XCTAssertEqual(a.tags, ["Design", "Services"])
        XCTAssertEqual(a.expectedClose, Day.parse("2026-07-01"))
        XCTAssertEqual(a.importKey?.hasPrefix("row:"), true, "no id column: a key from the row")
        let b = deal(p, "Chairs")
        XCTAssertEqual(b.probability, Percent(hundredths: 3_550))
        XCTAssertEqual(b.stage, "qualification")
        XCTAssertEqual(deal(p, "Office").status, .won)
        assertInvariants(p.board)
    }

    func testSalesforceExport() throws {
        let csv = """
            Opportunity Name,Amount,Stage,Probability (%),Close Date,Account Name,Opportunity Owner,Lead Source,Opportunity ID
            Grand Hotels Emergency Generators,"$210,000.00",Negotiation,90,3/15/2026,Grand Hotels & Resorts Ltd,Ann Smith,External Referral,006A000001
            Edge SLA,"$60,000.00",Closed Won,100,12/1/2025,Edge Communications,Ann Smith,Phone Inquiry,006A000002
            United Oil Installations,"$270,000.00",Closed Lost,0,6/20/2026,United Oil & Gas Corp.,Bob Jones,Partner,006A000003

            """
        let p = try plan(csv)
        XCTAssertEqual(p.mapping.source, .salesforce)
        XCTAssertEqual(p.dates.order, .monthDay, "3/15/2026 can only be month/day")
        XCTAssertEqual(p.problems, [])
        let a = deal(p, "Grand Hotels Emergency Generators")
        XCTAssertEqual(a.value, money("210000"))
        XCTAssertEqual(a.currency, "USD")
        XCTAssertEqual(a.stage, "negotiation")
        XCTAssertEqual(a.probability, Percent(90), "90 differs from the stage's 80: kept on the deal")
        XCTAssertEqual(a.expectedClose, Day.parse("2026-03-15"))
        XCTAssertEqual(a.company, "Grand Hotels & Resorts Ltd")
        XCTAssertEqual(a.owner, "Ann Smith")
        XCTAssertEqual(a.source, "External Referral")
        XCTAssertEqual(a.importKey, "salesforce:006A000001")
        let won = deal(p, "Edge SLA")
        XCTAssertEqual(won.status, .won)
        XCTAssertNil(won.probability, "a won deal's 100 is not kept")
        XCTAssertEqual(won.expectedClose, Day.parse("2025-12-01"))
        let lost = deal(p, "United Oil Installations")
        XCTAssertEqual(lost.status, .lost)
        XCTAssertNil(lost.probability)
        assertInvariants(p.board)
    }

    func testPlainNamesAnyCaseAndSpacesAndBoardFileNames() throws {
        let csv =
            "  TITLE ,Value, Expected Close ,next_action,Next Action Due,COMPANY,expectedClose2,Tags\n"
            + "Deal one,100,2026-07-01,Call back,2026-06-05,ACME,x,a; b; A\n"
        let p = try plan(csv)
        XCTAssertEqual(p.mapping.source, .plain)
        XCTAssertEqual(
            p.mapping.fields, [.title, .value, .expectedClose, .nextAction, .nextActionDue, .company, nil, .tags])
        let d = deal(p, "Deal one")
        XCTAssertEqual(d.nextActivity?.subject, "Call back")
        XCTAssertEqual(d.nextActivity?.due, Day.parse("2026-06-05"))
        XCTAssertEqual(d.nextActivity?.type, .task, "a next action without a type is a task")
        XCTAssertEqual(d.tags, ["a", "b"])
        let camel = try ColumnMapping.recognise(headers: ["title", "expectedClose", "lostReason", "nextActionDue"])
        XCTAssertEqual(camel.fields, [.title, .expectedClose, .lostReason, .nextActionDue])
    }

    func testMapOverridesAndMappingErrors() throws {
        let csv = "Projet,Montant,Deal Name,Amount\nRefonte,\"1 500,50\",ignored,9\n"
        let p = try plan(csv) {
            $0.overrides = [
                try! parseMapOption("projet=title"), try! parseMapOption(" Montant = value "),
                try! parseMapOption("Deal Name="),
            ]
        }
        XCTAssertEqual(p.mapping.fields, [.title, .value, nil, nil])
        XCTAssertEqual(p.mapping.duplicates, [3], "Amount would fill value too: the --map column wins")
        XCTAssertEqual(deal(p, "Refonte").value, money("1500.50"))

        XCTAssertThrowsError(try plan(csv) { $0.overrides = [("Nope", .title)] }) { e in
            XCTAssertEqual(
                e as? ImportSetupError,
                .unknownMapColumn("Nope", headers: ["Projet", "Montant", "Deal Name", "Amount"]))
        }
        XCTAssertThrowsError(try parseMapOption("Projet=titel")) {
            XCTAssertEqual($0 as? ImportSetupError, .unknownMapField("titel"))
        }
        XCTAssertThrowsError(try parseMapOption("no equals sign")) {
            XCTAssertEqual($0 as? ImportSetupError, .badMapOption("no equals sign"))
        }
        XCTAssertThrowsError(try plan("Projet,Montant\nx,1\n")) { e in
            XCTAssertEqual(e as? ImportSetupError, .noTitleColumn(headers: ["Projet", "Montant"]))
        }
        XCTAssertThrowsError(try plan("title,value\n\n,\n")) { XCTAssertEqual($0 as? ImportSetupError, .noDataRows) }
    }
}
