import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// The board file's layout (docs/file-format.md): one line per member down to a deal's members,
/// what is inside them on one line, one line per record of a list (activities, history, targets).
/// A file in the layout written before (every member of every object on its own line) is read as
/// any JSON is, and written in today's.
final class BoardLayoutTests: XCTestCase {
    /// The rich board with what else the layout treats apart: targets and rates, a history entry
    /// with a merge note and one with a notes edit, and unknown fields holding a list of objects
    /// and lists in lists.
    static func board() -> Board {
        var b = Fixtures.richBoard()
        b.settings.targets = [SalesTarget(period: Period.parse("2027-01")!, amount: Money(units: 80_000))]
        b.settings.rates = [ExchangeRate(currency: "USD", rate: Rate.parse("0.92")!, date: Day.parse("2026-12-07")!)]
        b.deals[1].extra = [
            "calls": .array([.object(["n": .number("1")]), .object(["n": .number("2.50"), "who": .array([])])]),
            "grid": .array([.array([.number("1"), .number("2")]), .array([])]),
        ]
        b.deals[2].history.append(
            HistoryEntry(
                at: Fixtures.ts("2026-09-06T08:00:00Z"), stage: "lead",
                merge: MergeNote(kind: .conflict, field: "value", kept: .number("1234567890.5"), lost: .number("9"))))
        b.deals[2].history.append(
            HistoryEntry(at: Fixtures.ts("2026-09-07T08:00:00Z"), stage: "lead", notes: NotesEdit(length: 12)))
        return b
    }

    /// The same file as Pipedeck wrote it before this layout: every member and element on its own
    /// line (what `JSONWriter` still writes for other JSON).
    static func former(_ bytes: [UInt8]) -> [UInt8] {
        Array(JSONWriter.write(try! bytes.withUnsafeBufferPointer { try JSONParser.parse(bytes: $0) }))
    }

    func decode(_ bytes: [UInt8], streaming: Bool = true) throws -> Board {
        try bytes.withUnsafeBufferPointer {
            try BoardDocument.decode(bytes: $0, path: "b.json", now: Fixtures.now, streaming: streaming)
        }
    }

    func testABoardIsWrittenInItsLayout() {
        let expected = #"""
            {
              "$schema": "https://example.org/pipedeck.json",
              "currency": "EUR",
              "deals": [
                {
                  "activities": [
                    {"createdAt": "2026-11-21T08:00:00Z", "done": true, "doneAt": "2026-11-25T14:30:00Z", "id": "m4ct9w2z", "outcome": "Wants \"phase 2\" priced\nseparately", "owner": "Camille", "subject": "Démo « Premium »", "type": "meeting"},
                    {"createdAt": "2026-11-25T15:00:00Z", "done": false, "due": "2026-12-01", "duration": 30, "id": "c8pq3rxk", "owner": "Camille", "remindAt": "09:00", "subject": "Call back — ask for the PO", "time": "14:30", "type": "call"}
                  ],
                  "company": "Société Générale",
                  "contact": "Zoë Ärger",
                  "createdAt": "2026-11-02T08:00:00Z",
                  "crmID": 1.0e+2,
                  "currency": "USD",
                  "custom": {"nested": [true, null, "x"]},
                  "email": "zoe.arger@societe-generale.example",
                  "expectedClose": "2026-12-31",
                  "history": [
                    {"at": "2026-11-02T08:00:00Z", "to": "lead"},
                    {"at": "2026-11-20T17:45:30Z", "by": "Camille", "from": "lead", "to": "proposal"}
                  ],
                  "id": "k7q2mx",
                  "notes": "Line one\nLine \"two\"\twith tab\r\nback\\slash, bell \u0007, emoji 🚀, 日本商事",
                  "owner": "Camille",
                  "phone": "+33 6 12 34 56 78",
                  "probability": 65.5,
                  "qualification": {"authority": false, "budget": true, "need": true, "score": 3, "timeline": true},
                  "rank": 3,
                  "source": "referral/partner",
                  "stage": "proposal",
                  "stageEnteredAt": "2026-11-20T17:45:30Z",
                  "status": "open",
                  "tags": ["enterprise", "日本", "tab\there"],
                  "title": "Renouvellement \"Premium\"",
                  "updatedAt": "2026-11-30T09:15:00Z",
                  "value": 10000.05
                },
                {
                  "calls": [
                    {"n": 1},
                    {"n": 2.50, "who": []}
                  ],
                  "company": "日本商事株式会社",
                  "createdAt": "2026-10-01T10:00:00Z",
                  "grid": [[1, 2], []],
                  "history": [
                    {"at": "2026-10-01T10:00:00Z", "to": "lead"},
                    {"at": "2026-10-15T10:00:00Z", "from": "lead", "status": "won", "to": "won"}
                  ],
                  "id": "p3w9zz",
                  "rank": 0,
                  "stage": "won",
                  "stageEnteredAt": "2026-10-15T10:00:00Z",
                  "status": "won",
                  "title": "日本商事 — licences",
                  "updatedAt": "2026-10-15T10:00:00Z",
                  "value": 0
                },
                {
                  "createdAt": "2026-09-01T00:00:00Z",
                  "history": [
                    {"at": "2026-09-01T00:00:00Z", "to": "lead"},
                    {"at": "2026-09-05T23:59:59Z", "from": "lead", "status": "lost", "to": "lead"},
                    {"at": "2026-09-06T08:00:00Z", "from": "lead", "merge": {"field": "value", "kept": 1234567890.5, "kind": "conflict", "lost": 9}, "to": "lead"},
                    {"at": "2026-09-07T08:00:00Z", "from": "lead", "notes": {"length": 12}, "to": "lead"}
                  ],
                  "id": "x8r4tt",
                  "lostReason": "Price",
                  "rank": -1,
                  "stage": "lead",
                  "stageEnteredAt": "2026-09-01T00:00:00Z",
                  "status": "lost",
                  "title": "Lost one",
                  "updatedAt": "2026-09-05T23:59:59Z",
                  "value": 1234567890.5
                }
              ],
              "name": "Pipeline – Société Générale / 日本",
              "settings": {
                "locale": "fr_FR",
                "lostReasons": [
                  "Price",
                  "Timing",
                  "Prix trop élevé"
                ],
                "rates": [
                  {"currency": "USD", "date": "2026-12-07", "rate": 0.92}
                ],
                "targets": [
                  {"amount": 80000, "period": "2027-01"}
                ],
                "theme": "dark"
              },
              "stages": [
                {
                  "colour": "#ff8800",
                  "id": "lead",
                  "kind": "open",
                  "name": "Lead",
                  "probability": 10,
                  "rotDays": 21
                },
                {
                  "id": "proposal",
                  "kind": "open",
                  "name": "Proposition « chiffrée »",
                  "probability": 60.25,
                  "rotDays": 7
                },
                {
                  "id": "won",
                  "kind": "won",
                  "name": "Gagné 🎉",
                  "probability": 100,
                  "rotDays": 0
                }
              ],
              "version": 2,
              "zeta": [
                -0.5,
                2E3
              ]
            }

            """#
        XCTAssertEqual(Fixtures.encodeString(BoardLayoutTests.board()), expected)
    }

    func testAFileInTheFormerLayoutReadsTheSameBoardAndIsWrittenInTheNewOne() throws {
        for board in [BoardLayoutTests.board(), PerformanceTests.bigBoard(deals: 300)] {
            let now = BoardDocument.encodeBytes(board)
            let before = BoardLayoutTests.former(now)
            let text = String(decoding: before, as: UTF8.self)
            XCTAssertTrue(text.contains("\"history\": [\n        {\n          \"at\": "), "the former layout")
            XCTAssertGreaterThan(before.count, now.count)
            for streaming in [true, false] {
                let read = try decode(before, streaming: streaming)
                XCTAssertEqual(read, board)
                XCTAssertEqual(BoardDocument.encodeBytes(read), now, "written again in the new layout")
            }
            XCTAssertFalse(BoardDocument.mayBeInCurrentLayout(before))
            XCTAssertTrue(BoardDocument.mayBeInCurrentLayout(now))
        }
    }

    func testAFileInTheNewLayoutIsWrittenBackToTheSameBytes() throws {
        for board in [BoardLayoutTests.board(), Fixtures.richBoard(), PerformanceTests.bigBoard(deals: 300)] {
            let bytes = BoardDocument.encodeBytes(board)
            for streaming in [true, false] {
                XCTAssertEqual(BoardDocument.encodeBytes(try decode(bytes, streaming: streaming)), bytes)
            }
        }
        // Saved, loaded (a file large enough to be read on two cores) and saved again.
        let folder = NSTemporaryDirectory() + "pipedeck-layout-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/board.json"
        var big = PerformanceTests.bigBoard(deals: 2_400)
        for i in big.deals.indices { big.deals[i].rank = i }
        try BoardFile.save(big, to: path)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(written.count, DealStream.twoCoresAbove)
        let loaded = try BoardFile.load(path: path)
        XCTAssertEqual(loaded, big)
        try BoardFile.save(loaded, to: path)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), written)
    }

    /// The other core starts at a deal found by the text between two deals, which both layouts
    /// have.
    func testTheOtherCoreFindsADealInEitherLayout() throws {
        var big = PerformanceTests.bigBoard(deals: 2_200)
        for i in big.deals.indices { big.deals[i].rank = i }
        let now = BoardDocument.encodeBytes(big)
        for bytes in [now, BoardLayoutTests.former(now)] {
            let at = try XCTUnwrap(bytes.withUnsafeBufferPointer { DealShare.middleDeal($0, after: 30) })
            XCTAssertEqual(bytes[at], UInt8(ascii: "{"))
            XCTAssertEqual(Array(bytes[(at - 12)..<at]), Array("\n    },\n    ".utf8))
            XCTAssertTrue((bytes.count / 3..<bytes.count * 2 / 3).contains(at), "near the middle")
        }
    }

    /// What tells a file of the former layout from one of today's, for `BoardDelta.splice`.
    func testAFileInTheFormerLayoutIsToldApart() {
        func both(_ b: Board) -> (now: Bool, before: Bool) {
            let bytes = BoardDocument.encodeBytes(b)
            return (
                BoardDocument.mayBeInCurrentLayout(bytes),
                BoardDocument.mayBeInCurrentLayout(BoardLayoutTests.former(bytes))
            )
        }
        var deal = Deal(
            id: "a", title: "t", value: .zero, stage: "lead", createdAt: Fixtures.ts("2026-11-01T09:00:00Z"))
        deal.history = []
        var b = Board(name: "n", stages: [Stage(id: "lead", name: "Lead", probability: .zero)], deals: [deal])
        // Nothing inside a deal's members: both layouts are the same bytes.
        XCTAssertTrue(both(b) == (true, true))
        b.deals[0].tags = ["x"]
        XCTAssertTrue(both(b) == (true, false), "tags one per line")
        b.deals[0].tags = []
        b.deals[0].qualification = Qualification(budget: true)
        XCTAssertTrue(both(b) == (true, false), "a qualification's fields one per line")
        b.deals[0].qualification = nil
        b.deals[0].history = [HistoryEntry(at: Fixtures.ts("2026-11-01T09:00:00Z"), from: nil, to: "lead")]
        XCTAssertTrue(both(b) == (true, false), "a history entry's fields one per line")
        XCTAssertTrue(BoardDocument.mayBeInCurrentLayout([]))
        XCTAssertTrue(BoardDocument.mayBeInCurrentLayout(Array("[\n        {\"a\": 1}\n]".utf8)))
        XCTAssertFalse(BoardDocument.mayBeInCurrentLayout(Array("[\n        {\n".utf8)))
        XCTAssertFalse(BoardDocument.mayBeInCurrentLayout(Array("[\n        1\n]".utf8)))
        XCTAssertFalse(BoardDocument.mayBeInCurrentLayout(Array("{\n          \"a\": 1\n}".utf8)))
    }
}
