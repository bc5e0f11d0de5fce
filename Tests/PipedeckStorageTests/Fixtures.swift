import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

enum Fixtures {
    static func ts(_ s: String) -> Timestamp { Timestamp.parse(s)! }
    static func day(_ s: String) -> Day { Day.parse(s)! }

    /// A board that uses every field of the format, odd text included.
    static func richBoard() -> Board {
        var stages = [
            Stage(id: "lead", name: "Lead", probability: Percent(10), rotDays: 21),
            Stage(
                id: "proposal", name: "Proposition « chiffrée »", probability: Percent(hundredths: 6_025), rotDays: 7),
            Stage(id: "won", name: "Gagné 🎉", probability: Percent(100), kind: .won, rotDays: 0),
        ]
        stages[0].extra = ["colour": .string("#ff8800")]

        var a = Deal(
            id: "k7q2mx", title: "Renouvellement \"Premium\"", value: Money.parse("10000.05")!, stage: "proposal",
            createdAt: ts("2026-11-02T08:00:00Z"), company: "Société Générale", contact: "Zoë Ärger",
            currency: "USD", probability: Percent.parse("65.5"), owner: "Camille", source: "referral/partner",
            tags: ["enterprise", "日本", "tab\there"], expectedClose: day("2026-12-31"),
            activities: [
                Activity(
                    id: "m4ct9w2z", type: .meeting, subject: "Démo « Premium »", done: true,
                    doneAt: ts("2026-11-25T14:30:00Z"), outcome: "Wants \"phase 2\" priced\nseparately",
                    owner: "Camille", createdAt: ts("2026-11-21T08:00:00Z")),
                Activity(
                    id: "c8pq3rxk", type: .call, subject: "Call back — ask for the PO", due: day("2026-12-01"),
                    time: TimeOfDay(hour: 14, minute: 30), duration: 30, owner: "Camille",
                    createdAt: ts("2026-11-25T15:00:00Z")),
            ],
            qualification: Qualification(budget: true, authority: false, need: true, timeline: true),
            notes: "Line one\nLine \"two\"\twith tab\r\nback\\slash, bell \u{07}, emoji 🚀, 日本商事", rank: 3)
        a.history = [
            HistoryEntry(at: ts("2026-11-02T08:00:00Z"), from: nil, to: "lead"),
            HistoryEntry(at: ts("2026-11-20T17:45:30Z"), from: "lead", to: "proposal"),
        ]
        a.updatedAt = ts("2026-11-30T09:15:00Z")
        a.stageEnteredAt = ts("2026-11-20T17:45:30Z")
        a.extra = [
            "crmID": .number("1.0e+2"), "custom": .object(["nested": .array([.bool(true), .null, .string("x")])]),
        ]
        a.activities[1].extra = ["remindAt": .string("09:00")]
        a.phone = "+33 6 12 34 56 78"
        a.email = "zoe.arger@societe-generale.example"
        a.qualification?.extra = ["score": .number("3")]
        a.history[1].extra = ["by": .string("Camille")]

        var b = Deal(
            id: "p3w9zz", title: "日本商事 — licences", value: Money(units: 0), stage: "won",
            createdAt: ts("2026-10-01T10:00:00Z"), company: "日本商事株式会社", status: .won)
        b.history = [
            HistoryEntry(at: ts("2026-10-01T10:00:00Z"), from: nil, to: "lead"),
            HistoryEntry(at: ts("2026-10-15T10:00:00Z"), from: "lead", to: "won", status: .won),
        ]
        b.stageEnteredAt = ts("2026-10-15T10:00:00Z")
        b.updatedAt = ts("2026-10-15T10:00:00Z")

        var c = Deal(
            id: "x8r4tt", title: "Lost one", value: Money.parse("1234567890.5")!, stage: "lead",
            createdAt: ts("2026-09-01T00:00:00Z"), status: .lost, lostReason: "Price", rank: -1)
        c.history.append(HistoryEntry(at: ts("2026-09-05T23:59:59Z"), from: "lead", to: "lead", status: .lost))
        c.updatedAt = ts("2026-09-05T23:59:59Z")

        var board = Board(
            name: "Pipeline – Société Générale / 日本", currency: "EUR", stages: stages, deals: [a, b, c],
            settings: BoardSettings(lostReasons: ["Price", "Timing", "Prix trop élevé"], locale: "fr_FR"))
        board.settings.extra = ["theme": .string("dark")]
        board.extra = [
            "$schema": .string("https://example.org/pipedeck.json"), "zeta": .array([.number("-0.5"), .number("2E3")]),
        ]
        return board
    }

    static func encodeString(_ board: Board) -> String {
        String(decoding: BoardDocument.encode(board), as: UTF8.self)
    }

    /// A small valid board as JSON text, edited by the error tests.
    static let baseJSON = """
        {
          "version": 1,
          "name": "Test",
          "currency": "EUR",
          "stages": [
            {"id": "lead", "name": "Lead", "probability": 10, "kind": "open", "rotDays": 14},
            {"id": "proposal", "name": "Proposal", "probability": 60, "kind": "open", "rotDays": 7},
            {"id": "won", "name": "Won", "probability": 100, "kind": "won", "rotDays": 0}
          ],
          "deals": [
            {"id": "k7q2mx", "title": "First", "value": 1000, "stage": "lead", "status": "open",
             "createdAt": "2026-11-01T09:00:00Z", "updatedAt": "2026-11-01T09:00:00Z", "stageEnteredAt": "2026-11-01T09:00:00Z",
             "expectedClose": "2026-12-15", "nextAction": {"text": "Call", "due": "2026-11-05", "done": false},
             "history": [{"at": "2026-11-01T09:00:00Z", "to": "lead"}], "rank": 0},
            {"id": "b4n8pp", "title": "Second", "value": 250.5, "stage": "proposal",
             "createdAt": "2026-11-02T09:00:00Z", "history": [{"at": "2026-11-02T09:00:00Z", "to": "proposal"}]}
          ],
          "settings": {"lostReasons": ["Price"]}
        }
        """

    static func baseObject() -> [String: JSONValue] {
        guard case .object(let o) = try! JSONParser.parse(Data(baseJSON.utf8)) else { fatalError() }
        return o
    }

    /// The base board with `edit` applied, as file bytes.
    static func edited(_ edit: (inout [String: JSONValue]) -> Void) -> Data {
        var o = baseObject()
        edit(&o)
        return JSONWriter.write(.object(o))
    }

    /// Edits one field of deal `index` (nil removes it).
    static func editDeal(_ index: Int, _ key: String, _ value: JSONValue?) -> Data {
        edited { o in
            guard case .array(var deals) = o["deals"], case .object(var d) = deals[index] else { fatalError() }
            d[key] = value
            deals[index] = .object(d)
            o["deals"] = .array(deals)
        }
    }

    static func editStage(_ index: Int, _ key: String, _ value: JSONValue?) -> Data {
        edited { o in
            guard case .array(var stages) = o["stages"], case .object(var s) = stages[index] else { fatalError() }
            s[key] = value
            stages[index] = .object(s)
            o["stages"] = .array(stages)
        }
    }

    static let now = Timestamp.parse("2026-12-01T12:00:00Z")!

    static func decode(_ data: Data, path: String = "pipeline.json") throws -> Board {
        try BoardDocument.decode(data, path: path, now: now)
    }

    static func decode(_ text: String, path: String = "pipeline.json") throws -> Board {
        try decode(Data(text.utf8), path: path)
    }

    /// The LoadError that decoding gives, failing the test when it succeeds.
    static func loadError(
        _ data: Data, path: String = "pipeline.json", file: StaticString = #filePath, line: UInt = #line
    ) -> LoadError? {
        do {
            _ = try BoardDocument.decode(data, path: path, now: now)
            XCTFail("expected a LoadError", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    static func loadError(
        _ text: String, path: String = "pipeline.json", file: StaticString = #filePath, line: UInt = #line
    ) -> LoadError? {
        loadError(Data(text.utf8), path: path, file: file, line: line)
    }
}
