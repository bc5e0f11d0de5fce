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

    // MARK: Amounts

    func testAmountsWrittenInEveryLocale() {
        func one(_ s: String) -> Money? {
            let r = AmountReader(values: [s], given: nil)
            if case .success(let (m, _)) = r.read(s) { return m }
            return nil
        }
        XCTAssertEqual(one("10 000,50 €"), money("10000.50"))
        XCTAssertEqual(one("$10,000.50"), money("10000.50"))
        XCTAssertEqual(one("10000.5"), money("10000.5"))
        XCTAssertEqual(one("10.000,50"), money("10000.50"))
        XCTAssertEqual(one("10\u{202F}000,50\u{00A0}€"), money("10000.50"), "narrow and no-break spaces")
        XCTAssertEqual(one("CHF 1’250.75"), money("1250.75"))
        XCTAssertEqual(one("USD 1,200"), money("1200"))
        XCTAssertEqual(one("1,000,000"), money("1000000"))
        XCTAssertEqual(one("1.000.000"), money("1000000"))
        XCTAssertEqual(one("Fr. 1'250.50"), money("1250.50"))
        XCTAssertEqual(one("1 200 kr"), money("1200"))
        XCTAssertEqual(one("€-5"), nil, "negative")
        XCTAssertEqual(one("12abc"), nil, "letters that are no currency")
        XCTAssertEqual(one("(500)"), nil)
        XCTAssertEqual(
            one("123456789012345678,99"), Money(micros: 123_456_789_012_345_678_990_000), "exact, no floating point")
    }

    func testTheFileDecidesTheDecimalMark() {
        func read(_ values: [String], given: DecimalMark? = nil) -> [String] {
            let r = AmountReader(values: values, given: given)
            return values.map { v in
                switch r.read(v) {
                case .success(let (m, _)): return m.canonical
                case .failure(.ambiguous): return "ambiguous"
                case .failure(let f): return "\(f)"
                }
            }
        }
        XCTAssertEqual(
            read(["10.000", "2.500"]), ["10000", "2500"], "points grouping thousands: a decimal-comma file")
        XCTAssertEqual(read(["10,000", "2,500"]), ["10000", "2500"])
        XCTAssertEqual(read(["10.000", "7,5"]), ["10000", "7.5"], "7,5 decides: decimal comma")
        XCTAssertEqual(read(["10,000", "7.25"]), ["10000", "7.25"])
        XCTAssertEqual(read(["10.000", "7.50"]), ["ambiguous", "7.5"], "10.000 with decimal points elsewhere")
        XCTAssertEqual(read(["10,000", "10.000"]), ["ambiguous", "ambiguous"])
        XCTAssertEqual(read(["10.000"], given: .comma), ["10000"])
        XCTAssertEqual(read(["10.000"], given: .point), ["10"])
        XCTAssertEqual(read(["1,5", "2.5"]), ["1.5", "2.5"], "mixed marks: each read on its own")
        if case .failure(let f) = AmountReader(values: ["10,5"], given: .point).read("10,5") {
            XCTAssertEqual(f, .otherMark(.comma))
        } else {
            XCTFail("10,5 read with a decimal point")
        }
        XCTAssertEqual(
            read(["10.5555", "7.5", "-5", "abc", "12 kr"]), ["tooManyDecimals", "7.5", "negative", "notAnAmount", "12"])
        XCTAssertEqual(AmountReader.currency(in: "10 000,50 €"), "EUR")
        XCTAssertEqual(AmountReader.currency(in: "$10,000"), "USD")
        XCTAssertEqual(AmountReader.currency(in: "1 200 gbp"), "GBP")
        XCTAssertEqual(AmountReader.currency(in: "Fr. 1'250.50"), "CHF")
        XCTAssertNil(AmountReader.currency(in: "12 abc"), "not an ISO 4217 code")
        XCTAssertNil(AmountReader.currency(in: "1200"))
    }

    /// Issue 13, point 16: one mistyped amount ("12,5,0") no longer makes the file's decimal mark
    /// undecided, which made the valid "10.000" ambiguous.
    func testTheDecimalMarkIsDecidedFromValidAmountsOnly() throws {
        let p = try plan("title,value\nA,\"2.500,50\"\nB,10.000\nC,\"12,5,0\"\n")
        XCTAssertEqual(p.amounts?.mark, .comma)
        XCTAssertEqual(deal(p, "A").value, money("2500.50"))
        XCTAssertEqual(deal(p, "B").value, money("10000"))
        XCTAssertEqual(p.problems.map(\.line), [4], "only C is refused")
        XCTAssertEqual(p.problems.first?.issues, [.amount("12,5,0", .notAnAmount)])
        // Without row C, the same.
        XCTAssertEqual(deal(try plan("title,value\nA,\"2.500,50\"\nB,10.000\n"), "B").value, money("10000"))
    }

    func testAnAmbiguousAmountNamesBothReadings() throws {
        let p = try plan("title,value\nA,12.500\nB,7.25\n")
        guard case .amount(_, .ambiguous(let a))? = p.problems.first?.issues.first else {
            return XCTFail("\(p.problems)")
        }
        XCTAssertEqual([a.asDecimal, a.asThousands], [money("12.5"), money("12500")])
    }

    func testProbabilitiesPercentOrFraction() throws {
        func pct(_ s: String, _ fraction: Bool = false) -> String {
            switch readProbability(s, fraction: fraction) {
            case .success(let p): return p.description
            case .failure(let f): return "\(f)"
            }
        }
        XCTAssertEqual(pct("50"), "50")
        XCTAssertEqual(pct("50 %"), "50")
        XCTAssertEqual(pct("65,5"), "65.5")
        XCTAssertEqual(pct("12.25%"), "12.25")
        XCTAssertEqual(pct("120"), "outOfRange")
        XCTAssertEqual(pct("12.255"), "notAPercentage")
        XCTAssertEqual(pct("0.5", true), "50")
        XCTAssertEqual(pct("0,655", true), "65.5")
        XCTAssertEqual(pct("50", true), "notAFraction")
        XCTAssertEqual(pct("50 %", true), "notAFraction")

        let csv = "title,probability\nA,0.2\nB,0.9\nC,0\n"
        let p = try plan(csv)
        XCTAssertEqual(p.rowProblems.map(\.line), [2, 3], "0.2 and 0.9 look like fractions; 0 is 0 either way")
        XCTAssertEqual(p.rowProblems.first?.issues, [.probability("0.2", .looksLikeFraction)])
        let f = try plan(csv) { $0.probabilityFraction = true }
        XCTAssertEqual(f.problems, [])
        XCTAssertEqual(deal(f, "A").probability, Percent(20))
    }

    func testDatesIsoLocalAndOrderFromTheFile() throws {
        func days(_ values: [String], given: DateOrder? = nil) -> [String] {
            let r = DateReader(values: values, given: given, zone: CSVImportTests.utc)
            return values.map { v in
                switch r.day(v) {
                case .success(let d): return d.description
                case .failure(let f): return "\(f)"
                }
            }
        }
        XCTAssertEqual(
            days(["2026-03-04", "2026-03-04 10:00:00", "2026-03-04T10:00:00Z", "2026/03/04", "04.03.2026"]),
            Array(repeating: "2026-03-04", count: 5))
        XCTAssertEqual(days(["03/04/2026", "25/12/2026"]), ["2026-04-03", "2026-12-25"], "25/12 decides day first")
        XCTAssertEqual(days(["03/04/2026", "12/25/2026"]), ["2026-03-04", "2026-12-25"])
        XCTAssertEqual(days(["03/04/2026"]), ["ambiguous"])
        XCTAssertEqual(days(["04/04/26"]), ["2026-04-04"])
        XCTAssertEqual(days(["03/04/2026"], given: .monthDay), ["2026-03-04"])
        XCTAssertEqual(days(["2026-02-30", "soon", "13/13/2026"]), ["notADate", "notADate", "notADate"])
        let r = DateReader(values: [], given: nil, zone: TimeZone(identifier: "Europe/Paris")!)
        XCTAssertEqual(try r.timestamp("2026-03-04 10:00").get(), Timestamp.parse("2026-03-04T09:00:00Z"))
        XCTAssertEqual(try r.timestamp("2026-07-04 10:00:00").get(), Timestamp.parse("2026-07-04T08:00:00Z"))
        XCTAssertEqual(try r.timestamp("2026-03-04T10:00:00Z").get(), Timestamp.parse("2026-03-04T10:00:00Z"))
    }

    // MARK: Dry run and the problem report

    func testProblemsNameThePhysicalLineAndValidRowsAreCounted() throws {
        let csv =
            "title,value,stage,notes,probability,expected_close,status\r\n"
            + "Good one,\"1,250.50\",proposal,\"two\r\nlines\",,2026-07-01,\r\n" // line 2–3
            + ",100,lead,,,,\r\n" // line 4: no title
            + "Bad amount,12abc,lead,\"a\nb\nc\",,,\r\n" // line 5–7
            + "Bad date,100,lead,,,2026-13-01,\r\n" // line 8
            + "Bad status,100,lead,,,,maybe\r\n" // line 9
            + "Too high,100,lead,,150,,\r\n" // line 10
            + "Won in lead,100,won,,,,open\r\n" // line 11
            + "\r\n"
            + "Second good,\"2,000\",Negotiation,,,,\r\n" // line 13
            + "Broken,\"1\"00,lead,,,,\r\n" // line 14
        let p = try plan(csv)
        XCTAssertEqual(p.rowProblems.map(\.line), [4, 5, 8, 9, 10, 11, 14])
        XCTAssertEqual(
            p.rowProblems.map(\.issues),
            [
                [.noTitle],
                [.amount("12abc", .notAnAmount)],
                [.date(.expectedClose, "2026-13-01", .notADate)],
                [.status("maybe")],
                [.probability("150", .outOfRange)],
                [.statusConflict(status: "open", stage: "won")],
                [.layout(.textAfterClosingQuote(field: 1))],
            ])
        XCTAssertEqual(p.rowCount, 9)
        XCTAssertEqual(p.validRows, 2)
        XCTAssertEqual(p.added, 2)
        XCTAssertEqual(deal(p, "Good one").notes, "two\nlines")
        // The figures a dry run prints: per stage, total and weighted.
        let s = PipelineSummary(board: p.board, deals: p.importedDeals)
        XCTAssertEqual(s.stages.first { $0.stage.id == "proposal" }?.figures.count, 1)
        XCTAssertEqual(s.open.total["EUR"], money("3250.50"))
        XCTAssertEqual(s.open.weighted["EUR"], Money(micros: 750_300_000 + 1_600_000_000), "1250.50 × 60% + 2000 × 80%")
        assertInvariants(p.board)
    }

    func testFieldCountAndDuplicateRows() throws {
        let csv = "id,title,value\n1,A,10\n2,B,20,oops\n1,A again,30\n3,C,40,\n"
        let p = try plan(csv)
        XCTAssertEqual(p.rowProblems.map(\.line), [3, 4])
        XCTAssertEqual(p.rowProblems[0].issues, [.tooManyFields(got: 4, expected: 3)])
        XCTAssertEqual(p.rowProblems[1].issues, [.duplicate(firstLine: 2)])
        XCTAssertEqual(p.added, 2, "an empty extra field at the end is harmless")
    }

    // MARK: Stages

    func testUnknownStagesAreListedOnceWithTheirRows() throws {
        let csv = "title,stage\nA,Demo\nB,Contract sent\nC,demo\nD,proposal\nE,\n"
        let p = try plan(csv)
        XCTAssertEqual(
            p.unknownStages,
            [
                UnknownStage(name: "Demo", rows: 2, firstLine: 2),
                UnknownStage(name: "Contract sent", rows: 1, firstLine: 3),
            ])
        XCTAssertEqual(p.rowProblems, [], "unknown stages are not repeated as row problems")
        XCTAssertEqual(p.validRows, 2)
        XCTAssertEqual(deal(p, "E").stage, "lead", "no stage: the first stage")
    }

    func testCreateStagesBeforeWonOrderedByTheRowsProbability() throws {
        let csv = "title,stage,probability\nA,Contract sent,90\nB,Demo,30\nC,demo,30\nD,Trial,40\nE,Trial,45\nF,Won,\n"
        let p = try plan(csv) { $0.createStages = true }
        XCTAssertEqual(p.problems, [])
        XCTAssertEqual(
            p.board.stages.map(\.id),
            [
                "lead", "qualification", "needs", "proposal", "negotiation", "closing",
                "demo", "contract-sent", "trial", "won",
            ])
        XCTAssertEqual(p.createdStages.map(\.stage.probability), [Percent(30), Percent(90), Percent(90)])
        XCTAssertEqual(
            p.createdStages.map(\.probabilityFromRows), [true, true, false],
            "Trial's rows disagree: it takes the probability of the stage before (Closing, 90%)")
        XCTAssertEqual(p.createdStages[2].probabilitySource, .rowsDisagree(copiedFrom: "Closing"))
        XCTAssertEqual(deal(p, "B").stage, "demo")
        XCTAssertEqual(Importer.slug("Démo — Étape 2"), "demo-etape-2")
        XCTAssertEqual(Importer.slug("商談"), "商談")
        XCTAssertEqual(Importer.slug("!!"), "stage")
        XCTAssertEqual(deal(p, "D").probability, Percent(40), "a plain file's probabilities stay on the deals")
        XCTAssertEqual(deal(p, "F").status, .won)
        assertInvariants(p.board)
    }

    func testStageMapAcceptsIdsNamesAndPositions() throws {
        let csv = "title,stage\nA,Demo\nB,Contract sent\nC,Closed Won\n"
        let p = try plan(csv) { $0.stageMap = [("demo", "3"), ("CONTRACT SENT", "Negotiation")] }
        XCTAssertEqual(p.problems, [])
        XCTAssertEqual([deal(p, "A").stage, deal(p, "B").stage, deal(p, "C").stage], ["needs", "negotiation", "won"])
        XCTAssertThrowsError(try plan(csv) { $0.stageMap = [("Demo", "later")] }) { e in
            guard case .unknownStageMapTarget("later", _)? = e as? ImportSetupError else { return XCTFail("\(e)") }
        }
    }

    func testStatusColumnAndClosedStages() throws {
        let csv = """
            title,stage,status,lost_reason
            W,proposal,Won,
            L,proposal,LOST,Went silent
            O,proposal,open,ignored
            CW,Closed Won,,
            CL,Closed Lost,,Budget
            X,Closed Lost,won,
            Y,won,lost,

            """
        let p = try plan(csv)
        XCTAssertEqual(
            p.rowProblems.map(\.issues),
            [
                [.statusConflict(status: "won", stage: "Closed Lost")],
                [.statusConflict(status: "lost", stage: "won")],
            ])
        let w = deal(p, "W")
        XCTAssertEqual([w.stage, w.status.rawValue], ["won", "won"])
        XCTAssertEqual(w.history.map(\.to), ["proposal", "won"])
        let l = deal(p, "L")
        XCTAssertEqual([l.stage, l.status.rawValue, l.lostReason], ["proposal", "lost", "Went silent"])
        XCTAssertNil(deal(p, "O").lostReason)
        XCTAssertEqual(deal(p, "CW").status, .won)
        XCTAssertEqual(deal(p, "CL").lostReason, "Budget")
        assertInvariants(p.board)
    }

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
