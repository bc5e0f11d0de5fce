import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// The schemas describe every property of the model, and every field of a deal is read back,
/// merged and exported. A property added to `Deal` without its line in DealSchema.swift, or a
/// field whose value is lost on the way, fails here.
final class SchemaTests: XCTestCase {
    static func ts(_ s: String) -> Timestamp { Timestamp.parse(s)! }
    static func day(_ s: String) -> Day { Day.parse(s)! }

    /// A deal with every field set to something else than its default.
    static func sample() -> Deal {
        var d = Deal(
            id: "s1", title: "Sample", value: Money(cents: 1_250_050), stage: "proposal",
            createdAt: ts("2026-10-01T08:00:00Z"), company: "Acme", contact: "Ann", currency: "USD",
            probability: Percent(55), status: .lost, lostReason: "Price", owner: "Olga", source: "Fair",
            tags: ["a", "b"], expectedClose: day("2026-12-15"),
            activities: [SchemaTests.activity()],
            qualification: Qualification(budget: true, need: true), notes: "Notes", rank: 3, phone: "+33 1 23 45 67 89",
            email: "ann@acme.example")
        d.history = [
            HistoryEntry(at: ts("2026-10-01T08:00:00Z"), from: nil, to: "lead"),
            HistoryEntry(at: ts("2026-10-10T08:00:00Z"), from: "lead", to: "proposal"),
        ]
        d.updatedAt = ts("2026-11-01T08:00:00Z")
        d.stageEnteredAt = ts("2026-10-10T08:00:00Z")
        d.npsScore = 8
        d.importKey = "pipedrive:1"
        d.extra = ["crmRef": .string("X-1")]
        return d
    }

    /// An activity with every field set to something else than its default.
    static func activity() -> Activity {
        var a = Activity(
            id: "act1", type: .meeting, subject: "Visit", due: day("2026-12-01"), time: TimeOfDay(hour: 9, minute: 30),
            duration: 45, done: true, doneAt: ts("2026-12-01T10:20:00Z"), outcome: "Good", owner: "Olga",
            createdAt: ts("2026-11-20T08:00:00Z"))
        a.extra = ["room": .string("B2")]
        return a
    }

    /// For each field of an activity, a change to another value than the sample's.
    static let activityChanges: [String: @Sendable (inout Activity) -> Void] = [
        "id": { $0.id = "act2" },
        "type": { $0.type = .call },
        "subject": { $0.subject = "Other" },
        "due": { $0.due = day("2026-12-09") },
        "time": { $0.time = TimeOfDay(hour: 16, minute: 0) },
        "duration": { $0.duration = 90 },
        "done": { $0.done = false },
        "doneAt": { $0.doneAt = ts("2026-12-02T10:20:00Z") },
        "outcome": { $0.outcome = "Bad" },
        "owner": { $0.owner = "Pat" },
        "createdAt": { $0.createdAt = ts("2026-11-21T08:00:00Z") },
    ]

    /// For each field of a deal, a change to another value than the sample's. A field without
    /// one fails `testEveryDealFieldIsReadBackMergedAndExported`.
    static let changes: [String: @Sendable (inout Deal) -> Void] = [
        "id": { $0.id = "s2" },
        "title": { $0.title = "Other" },
        "company": { $0.company = "Globex" },
        "contact": { $0.contact = "Bob" },
        "phone": { $0.phone = "+1 555 0100" },
        "email": { $0.email = "bob@globex.example" },
        "value": { $0.value = Money(units: 99) },
        "currency": { $0.currency = "GBP" },
        "stage": { $0.stage = "negotiation" },
        "probability": { $0.probability = Percent(hundredths: 7_025) },
        "status": { $0.status = .won },
        "lostReason": { $0.lostReason = "Timing" },
        "owner": { $0.owner = "Pat" },
        "source": { $0.source = "Web" },
        "tags": { $0.tags = ["c"] },
        "expectedClose": { $0.expectedClose = day("2027-01-31") },
        "activities": {
            $0.activities.append(
                Activity(
                    id: "act9", type: .call, subject: "Call back", due: day("2026-12-02"),
                    createdAt: ts("2026-11-21T08:00:00Z")))
        },
        "qualification": { $0.qualification = Qualification(authority: true, timeline: true) },
        "notes": { $0.notes = "Other notes" },
        "createdAt": { $0.createdAt = ts("2026-09-30T08:00:00Z") },
        "updatedAt": { $0.updatedAt = ts("2026-11-30T08:00:00Z") },
        "stageEnteredAt": { $0.stageEnteredAt = ts("2026-10-11T08:00:00Z") },
        "history": {
            $0.history.append(HistoryEntry(at: ts("2026-10-20T08:00:00Z"), from: "proposal", to: "proposal"))
        },
        "rank": { $0.rank = 9 },
        "nps": { $0.npsScore = 3 },
        "importKey": { $0.importKey = "hubspot:2" },
        "updatedBy": { $0.updatedBy = "Julien" },
    ]

    func board(_ deals: [Deal]) -> Board {
        var b = Template.standard.board(name: "Schema", currency: "EUR")
        b.deals = deals
        return b
    }

    /// "\Deal.npsScore" → "npsScore".
    func propertyName(_ keyPath: String) -> String { String(keyPath.split(separator: ".").last ?? "") }

    func check<Root>(_ schema: Schema<Root>, _ sample: Root, file: StaticString = #filePath, line: UInt = #line) {
        let properties = Set(Mirror(reflecting: sample).children.compactMap(\.label))
        let described = Set(schema.fields.map { propertyName($0.property()) })
        XCTAssertEqual(
            properties.subtracting(["extra"]), described,
            "\(Root.self): every stored property has a field in the schema, and only those", file: file, line: line)
        XCTAssertEqual(propertyName(schema.unknownProperty()), "extra", file: file, line: line)
    }

    func testEveryPropertyOfTheModelHasAField() {
        let d = SchemaTests.sample()
        check(DealSchema.deal, d)
        check(DealSchema.activity, d.activities[0])
        check(DealSchema.legacyNextAction, DealSchema.LegacyNextAction())
        check(DealSchema.qualification, d.qualification!)
        check(DealSchema.historyEntry, d.history[1])
        check(DealSchema.mergeNote, MergeNote(kind: .conflict, field: "value", kept: .number("2"), lost: .number("1")))
        let b = board([d])
        check(BoardSchema.board, b)
        check(BoardSchema.stage, b.stages[0])
        check(BoardSchema.settings, b.settings)
    }

    func testOnlyTheIDIsTheIdentityOfADeal() {
        XCTAssertEqual(DealSchema.deal.fields.filter { $0.merge == .identity }.map(\.key), ["id"])
    }

    func testEveryDealFieldSaysHowItIsExported() {
        for f in DealSchema.deal.fields {
            if case .undeclared = f.csv { XCTFail("\(f.key): say which CSV columns export it, or why none does") }
        }
        var exported: [ImportField] = []
        for f in DealSchema.deal.fields { if case .columns(let c) = f.csv { exported += c.map(\.field) } }
        XCTAssertEqual(
            exported.sorted { $0.rawValue < $1.rawValue }, DealCSV.columns.sorted { $0.rawValue < $1.rawValue })
    }

    func testEveryDealFieldIsReadBackMergedAndExported() throws {
        let sample = SchemaTests.sample()
        let fields = DealSchema.deal.fields
        XCTAssertEqual(Set(SchemaTests.changes.keys), Set(fields.map(\.key)), "a change for every field")
        for f in fields {
            guard let change = SchemaTests.changes[f.key] else { continue }
            var changed = sample
            change(&changed)
            XCTAssertFalse(f.same(changed, sample), "\(f.key): the change changes it")
            for g in fields where g.key != f.key {
                XCTAssertTrue(g.same(changed, sample), "\(f.key): the change leaves \(g.key) alone")
            }

            // Written and read back.
            let original = board([changed])
            let read = try BoardDocument.decode(BoardDocument.encode(original), path: "schema.json")
            XCTAssertEqual(read.deals, [changed], "\(f.key) is read back")
            XCTAssertNotEqual(DealsJSON.encode([changed]), DealsJSON.encode([sample]), "\(f.key) in JSON export")

            // Merged: a change here is carried over a change made elsewhere to another field, and
            // a change made elsewhere survives one made here to another field.
            if f.merge != .identity {
                let other = f.key == "title" ? "notes" : "title"
                var elsewhere = sample
                SchemaTests.changes[other]!(&elsewhere)
                let mine = BoardMerge.merge(base: board([sample]), mine: board([changed]), theirs: board([elsewhere]))
                XCTAssertTrue(f.same(mine.board.deals[0], changed), "\(f.key) changed here survives a merge")
                XCTAssertEqual(
                    mine.board.deals[0][keyPath: \.title], other == "title" ? elsewhere.title : changed.title)
                let theirs = BoardMerge.merge(base: board([sample]), mine: board([elsewhere]), theirs: board([changed]))
                XCTAssertTrue(f.same(theirs.board.deals[0], changed), "\(f.key) changed elsewhere survives a merge")
                XCTAssertTrue(mine.report.isClean && theirs.report.isClean, "\(f.key): no conflict")
            }

            // Exported: its columns change, and only those; a field said not to be exported changes none.
            let before = DealCSV.row(sample, board: board([sample]))
            let after = DealCSV.row(changed, board: board([changed]))
            let differing = Set(DealCSV.columns.indices.filter { before[$0] != after[$0] }.map { DealCSV.columns[$0] })
            switch f.csv {
            case .columns(let columns):
                XCTAssertFalse(differing.isEmpty, "\(f.key) shows in its CSV columns")
                XCTAssertTrue(differing.isSubset(of: Set(columns.map(\.field))), "\(f.key): \(differing)")
            case .omitted, .undeclared:
                XCTAssertEqual(differing, [], "\(f.key) is said not to be exported")
            }
        }
    }

    /// `nps` and `importKey` are fields of the deal now; the file is the same bytes as when they
    /// were kept as unknown fields, and a value older versions kept without reading it still is.
    func testNPSAndImportKeyKeepTheFileAsItWas() throws {
        func file(_ members: String) -> String {
            """
            {
              "currency": "EUR",
              "deals": [
                {
                  "createdAt": "2026-10-01T08:00:00Z",
                  "history": [],
                  "id": "d1",\(members)
                  "rank": 0,
                  "stage": "won",
                  "stageEnteredAt": "2026-10-01T08:00:00Z",
                  "status": "won",
                  "title": "Won",
                  "updatedAt": "2026-10-01T08:00:00Z",
                  "value": 100
                }
              ],
              "name": "B",
              "settings": {
                "lostReasons": []
              },
              "stages": [
                {
                  "id": "won",
                  "kind": "won",
                  "name": "Won",
                  "probability": 100,
                  "rotDays": 0
                }
              ],
              "version": 2
            }

            """
        }
        /// Read and written again: the same bytes.
        func roundTrip(_ members: String) throws -> Deal {
            let text = file(members)
            let board = try BoardDocument.decode(Data(text.utf8), path: "nps.json")
            XCTAssertEqual(String(decoding: BoardDocument.encode(board), as: UTF8.self), text, members)
            return board.deals[0]
        }
        let d = try roundTrip("\n      \"importKey\": \"pipedrive:101\",\n      \"nps\": 9,")
        XCTAssertEqual(d.npsScore, 9)
        XCTAssertEqual(d.importKey, "pipedrive:101")
        XCTAssertEqual(d.extra, [:])
        for kept in ["\"nine\"", "11", "8.5", "-1", "null", "[9]"] {
            let k = try roundTrip("\n      \"nps\": \(kept),")
            XCTAssertNil(k.npsScore, kept)
            XCTAssertNotNil(k.extra["nps"], kept)
        }
        XCTAssertNil(try roundTrip("\n      \"importKey\": 42,").importKey)

        // 9.0 is read as 9, and written as Pipedeck writes numbers.
        let text = file("\n      \"nps\": 9.0,")
        let board = try BoardDocument.decode(Data(text.utf8), path: "nps.json")
        XCTAssertEqual(board.deals[0].npsScore, 9)
        XCTAssertTrue(String(decoding: BoardDocument.encode(board), as: UTF8.self).contains("\"nps\": 9,"))

        // A new answer replaces one that could not be read.
        var eleven = try BoardDocument.decode(Data(file("\n      \"nps\": 11,").utf8), path: "nps.json")
        eleven.deals[0].npsScore = 7
        let written = String(decoding: BoardDocument.encode(eleven), as: UTF8.self)
        XCTAssertTrue(written.contains("\"nps\": 7,") && !written.contains("11"), written)
    }
}
