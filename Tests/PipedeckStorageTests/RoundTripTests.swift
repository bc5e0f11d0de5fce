import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

final class RoundTripTests: XCTestCase {
    func testRichBoardRoundTripsToTheSameModelAndBytes() throws {
        let board = Fixtures.richBoard()
        let first = BoardDocument.encode(board)
        let back = try Fixtures.decode(first)
        XCTAssertEqual(back, board)
        // Field by field too, so that a failure says where.
        XCTAssertEqual(back.deals.count, board.deals.count)
        for (x, y) in zip(back.deals, board.deals) { XCTAssertEqual(x, y, x.id) }
        XCTAssertEqual(back.stages, board.stages)
        XCTAssertEqual(back.settings, board.settings)
        XCTAssertEqual(back.extra, board.extra)
        let second = BoardDocument.encode(back)
        XCTAssertEqual(second, first)
        // And once more through the parser: a third write is still identical.
        XCTAssertEqual(BoardDocument.encode(try Fixtures.decode(second)), first)
    }

    func testNonASCIIIsWrittenLiterallyAndControlCharactersEscaped() throws {
        let text = Fixtures.encodeString(Fixtures.richBoard())
        XCTAssertTrue(text.contains("\"company\": \"Société Générale\""))
        XCTAssertTrue(text.contains("\"company\": \"日本商事株式会社\""))
        XCTAssertTrue(text.contains("\"name\": \"Gagné 🎉\""))
        XCTAssertTrue(text.contains("\"source\": \"referral/partner\""), "\"/\" is not escaped")
        XCTAssertTrue(
            text.contains(#""notes": "Line one\nLine \"two\"\twith tab\r\nback\\slash, bell \u0007, emoji 🚀, 日本商事""#))
        XCTAssertTrue(text.contains(#""tab\there""#))
        XCTAssertFalse(text.contains("\\u00e9"))
        XCTAssertTrue(text.hasSuffix("}\n"))
    }

    func testDemoBoardRoundTrips() throws {
        let board = Demo.board(now: Fixtures.now, today: Fixtures.now.utcDay)
        let data = BoardDocument.encode(board)
        let back = try Fixtures.decode(data)
        XCTAssertEqual(back, board)
        XCTAssertEqual(BoardDocument.encode(back), data)
    }

    func testExactNumbers() throws {
        let data = Fixtures.editDeal(0, "probability", .number("65.5"))
        let withValue = try Fixtures.decode(
            Fixtures.edited { o in
                guard case .array(var deals) = o["deals"], case .object(var d) = deals[0] else { return }
                d["probability"] = .number("65.5"); d["value"] = .number("10000.05")
                deals[0] = .object(d); o["deals"] = .array(deals)
            })
        XCTAssertEqual(try Fixtures.decode(data).deals[0].probability, Percent(hundredths: 6_550))
        let deal = withValue.deals[0]
        XCTAssertEqual(deal.probability, Percent(hundredths: 6_550))
        XCTAssertEqual(deal.value, Money(micros: 10_000_050_000))
        let text = Fixtures.encodeString(withValue)
        XCTAssertTrue(text.contains("\"probability\": 65.5,"))
        XCTAssertTrue(text.contains("\"value\": 10000.05\n"))
        XCTAssertTrue(text.contains("\"value\": 250.5\n"))
        // Weighted value stays exact: 10000.05 × 65.5 % = 6550.03275
        XCTAssertEqual(withValue.weightedValue(of: deal), Money(micros: 6_550_032_750))
    }

    func testEquivalentNumberSpellingsAreReadExactly() throws {
        for (text, micros) in [
            ("1.05e1", 10_500_000), ("1000.50", 1_000_500_000), ("-0", 0), ("12E+2", 1_200_000_000),
            ("0.10", 100_000), ("1.234e2", 123_400_000),
        ] {
            let b = try Fixtures.decode(Fixtures.editDeal(0, "value", .number(text)))
            XCTAssertEqual(b.deals[0].value, Money(micros: Int128(micros)), text)
        }
        let p = try Fixtures.decode(Fixtures.editDeal(0, "probability", .number("6.55e1")))
        XCTAssertEqual(p.deals[0].probability, Percent(hundredths: 6_550))
    }

    func testUnknownFieldsAreKeptAtEveryLevel() throws {
        let text = """
            {"version": 1, "name": "B", "extraTop": {"a": [1, 2.50, "x"]}, "zz": null,
             "stages": [{"id": "s", "name": "S", "probability": 50, "kind": "open", "rotDays": 0, "color": "red"}],
             "deals": [{"id": "d", "title": "T", "value": 1, "stage": "s", "createdAt": "2026-01-01T00:00:00Z",
                        "customField": 1.0e+2, "_private": true,
                        "nextAction": {"text": "n", "done": false, "priority": "high"},
                        "activities": [{"id": "a1", "type": "call", "subject": "s", "createdAt": "2026-01-01T00:00:00Z",
                                        "mood": "good"}],
                        "qualification": {"budget": true, "champion": "Ana"},
                        "history": [{"at": "2026-01-01T00:00:00Z", "to": "s", "by": "me", "note": {"k": []}}]}],
             "settings": {"lostReasons": [], "sound": false}}
            """
        let board = try Fixtures.decode(text)
        XCTAssertEqual(
            board.extra,
            ["extraTop": .object(["a": .array([.number("1"), .number("2.50"), .string("x")])]), "zz": .null])
        XCTAssertEqual(board.stages[0].extra, ["color": .string("red")])
        let d = board.deals[0]
        XCTAssertEqual(d.extra, ["customField": .number("1.0e+2"), "_private": .bool(true)])
        XCTAssertEqual(d.activities.map(\.id), ["d-next", "a1"], "version 1's next action became an activity")
        XCTAssertEqual(d.activities[0].extra, ["priority": .string("high")])
        XCTAssertEqual(d.activities[1].extra, ["mood": .string("good")])
        XCTAssertEqual(d.qualification?.extra, ["champion": .string("Ana")])
        XCTAssertEqual(d.qualification?.budget, true)
        XCTAssertEqual(d.history[0].extra, ["by": .string("me"), "note": .object(["k": .array([])])])
        XCTAssertEqual(board.settings.extra, ["sound": .bool(false)])
        XCTAssertEqual(board.settings.lostReasons, [])

        let out = Fixtures.encodeString(board)
        XCTAssertTrue(out.contains("\"customField\": 1.0e+2,"), "numbers keep their exact text")
        XCTAssertTrue(out.contains("\"2.50\"") == false && out.contains("2.50"))
        XCTAssertTrue(out.contains("\"zz\": null"))
        let again = try Fixtures.decode(Data(out.utf8))
        XCTAssertEqual(again, board)
        XCTAssertEqual(Fixtures.encodeString(again), out)
    }

    func testUnknownFieldsAreMergedInSortedOrder() throws {
        var stage = Stage(id: "s", name: "S", probability: Percent(5))
        stage.extra = ["aaa": .number("1"), "name2": .number("2"), "zzz": .number("3"), "Kind": .number("4")]
        let board = Board(name: "n", stages: [stage])
        let out = Fixtures.encodeString(board)
        let expected = """
                {
                  "Kind": 4,
                  "aaa": 1,
                  "id": "s",
                  "kind": "open",
                  "name": "S",
                  "name2": 2,
                  "probability": 5,
                  "rotDays": 0,
                  "zzz": 3
                }
            """
        XCTAssertTrue(out.contains(expected), out)
    }

    func testExactLayoutOfASmallBoard() throws {
        var deal = Deal(
            id: "a1", title: "Café / 日本 €", value: Money.parse("99.9")!, stage: "s1",
            createdAt: Fixtures.ts("2026-11-30T09:15:00Z"), probability: Percent(hundredths: 1_225))
        deal.tags = ["x"]
        let board = Board(
            name: "Mine", currency: "CHF", stages: [Stage(id: "s1", name: "One", probability: Percent(10))],
            deals: [deal], settings: BoardSettings(lostReasons: ["Price"]))
        let expected = """
            {
              "currency": "CHF",
              "deals": [
                {
                  "createdAt": "2026-11-30T09:15:00Z",
                  "history": [
                    {"at": "2026-11-30T09:15:00Z", "to": "s1"}
                  ],
                  "id": "a1",
                  "probability": 12.25,
                  "rank": 0,
                  "stage": "s1",
                  "stageEnteredAt": "2026-11-30T09:15:00Z",
                  "status": "open",
                  "tags": ["x"],
                  "title": "Café / 日本 €",
                  "updatedAt": "2026-11-30T09:15:00Z",
                  "value": 99.9
                }
              ],
              "name": "Mine",
              "settings": {
                "lostReasons": [
                  "Price"
                ]
              },
              "stages": [
                {
                  "id": "s1",
                  "kind": "open",
                  "name": "One",
                  "probability": 10,
                  "rotDays": 0
                }
              ],
              "version": 2
            }

            """
        XCTAssertEqual(Fixtures.encodeString(board), expected)
    }

    func testEmptyCollectionsAndOmittedOptionals() throws {
        var deal = Deal(id: "a", title: "t", value: .zero, stage: "s", createdAt: Timestamp(seconds: 0))
        deal.history = []
        let board = Board(
            name: "n", stages: [Stage(id: "s", name: "S", probability: .zero)], deals: [deal],
            settings: BoardSettings(lostReasons: []))
        let out = Fixtures.encodeString(board)
        XCTAssertTrue(out.contains("\"history\": [],"))
        XCTAssertTrue(out.contains("\"lostReasons\": []\n"))
        XCTAssertTrue(out.contains("\"value\": 0\n"))
        XCTAssertTrue(out.contains("\"createdAt\": \"1970-01-01T00:00:00Z\""))
        let dealText = out[out.range(of: "\"deals\"")!.lowerBound..<out.range(of: "\"name\": \"n\"")!.lowerBound]
        XCTAssertTrue(dealText.contains("\"title\": \"t\""))
        for absent in [
            "tags", "company", "contact", "currency", "probability", "lostReason", "owner", "source",
            "expectedClose", "nextAction", "activities", "qualification", "notes", "phone", "email",
        ] {
            XCTAssertFalse(dealText.contains("\"\(absent)\""), absent)
        }
        XCTAssertFalse(out.contains("\"locale\""))
        XCTAssertEqual(try Fixtures.decode(Data(out.utf8)), board)
    }

    func testAbsentOptionalFieldsGetDefaults() throws {
        let text = """
            {"version": 1, "name": "B",
             "stages": [{"id": "s", "name": "S", "probability": 50}, {"id": "w", "name": "W", "probability": 100, "kind": "won"}],
             "deals": [{"id": "d", "title": "T", "value": 12, "stage": "s"},
                       {"id": "e", "title": "E", "value": 1, "stage": "w", "createdAt": "2026-01-01T00:00:00Z",
                        "history": [{"at": "2026-01-01T00:00:00Z", "to": "s"}, {"at": "2026-02-01T10:00:00+02:00", "from": "s", "to": "w", "status": "won"}]}]}
            """
        let b = try Fixtures.decode(text)
        XCTAssertEqual(b.currency, "EUR")
        XCTAssertEqual(b.settings, BoardSettings())
        XCTAssertEqual(b.stages[0].kind, .open)
        XCTAssertEqual(b.stages[0].rotDays, 0)
        let d = b.deals[0]
        XCTAssertNil(d.company); XCTAssertNil(d.contact); XCTAssertNil(d.currency); XCTAssertNil(d.probability)
        XCTAssertNil(d.lostReason); XCTAssertNil(d.owner); XCTAssertNil(d.source); XCTAssertNil(d.expectedClose)
        XCTAssertEqual(d.activities, []); XCTAssertNil(d.qualification); XCTAssertNil(d.notes)
        XCTAssertNil(d.phone); XCTAssertNil(d.email)
        XCTAssertEqual(d.tags, [])
        XCTAssertEqual(d.history, [])
        XCTAssertEqual(d.rank, 0)
        XCTAssertEqual(d.status, .open)
        XCTAssertEqual(d.createdAt, Fixtures.now)
        XCTAssertEqual(d.updatedAt, Fixtures.now)
        XCTAssertEqual(d.stageEnteredAt, Fixtures.now)
        // Times fall back on the history.
        let e = b.deals[1]
        XCTAssertEqual(e.createdAt, Fixtures.ts("2026-01-01T00:00:00Z"))
        XCTAssertEqual(e.stageEnteredAt, Fixtures.ts("2026-02-01T08:00:00Z"))
        XCTAssertEqual(e.updatedAt, Fixtures.ts("2026-02-01T08:00:00Z"))
        XCTAssertEqual(e.history[1].status, .won)
        XCTAssertNil(e.history[0].from)
    }

    func testNullMeansAbsentForOptionalFields() throws {
        let text = """
            {"version": 1, "name": "B", "currency": null, "settings": null,
             "stages": [{"id": "s", "name": "S", "probability": 50, "kind": null, "rotDays": null}],
             "deals": [{"id": "d", "title": "T", "value": 12, "stage": "s", "company": null, "currency": null,
                        "probability": null, "tags": null, "nextAction": null, "qualification": null, "status": null,
                        "activities": null, "phone": null, "email": null,
                        "history": [{"at": "2026-01-01T00:00:00Z", "from": null, "to": "s", "status": null}], "rank": null}]}
            """
        let b = try Fixtures.decode(text)
        XCTAssertEqual(b.currency, "EUR")
        let d = b.deals[0]
        XCTAssertNil(d.company); XCTAssertNil(d.currency); XCTAssertNil(d.probability); XCTAssertEqual(d.activities, [])
        XCTAssertEqual(d.tags, []); XCTAssertEqual(d.status, .open); XCTAssertEqual(d.rank, 0)
        XCTAssertNil(d.history[0].from); XCTAssertNil(d.history[0].status)
        XCTAssertTrue(d.extra.isEmpty, "a null known field is not kept as unknown")
    }

    func testMissingVersionIsReadAsVersion1WhenItIsClearlyABoard() throws {
        let b = try Fixtures.decode(Fixtures.edited { $0["version"] = nil })
        XCTAssertEqual(b.version, 2, "read as version 1, so migrated: it is written as version 2")
        XCTAssertEqual(b.deals[0].nextActivity?.subject, "Call", "version 1's next action")
        XCTAssertEqual(b.deals.count, 2)
    }

    func testByteOrderMarkIsAccepted() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(Fixtures.baseJSON.utf8))
        XCTAssertEqual(try Fixtures.decode(data).name, "Test")
    }

    func testFastTextMatchesTheModelsOwnFormatting() {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let m = Money(micros: Int128(Int64.random(in: -10_000_000_000_000...10_000_000_000_000, using: &g)))
            let w = ByteWriter(); w.money(m)
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), m.canonical)
            let p = Percent(hundredths: Int.random(in: 0...10_000, using: &g))
            let wp = ByteWriter(); wp.percent(p)
            XCTAssertEqual(String(decoding: wp.bytes, as: UTF8.self), p.description)
            let t = Timestamp(seconds: Int64.random(in: -2_000_000_000...200_000_000_000, using: &g))
            let wt = ByteWriter(); wt.timestamp(t)
            XCTAssertEqual(String(decoding: wt.bytes, as: UTF8.self), "\"\(t.description)\"")
            let wd = ByteWriter(); wd.day(t.utcDay)
            XCTAssertEqual(String(decoding: wd.bytes, as: UTF8.self), "\"\(t.utcDay.description)\"")
            let text = Array(t.description.utf8)
            XCTAssertEqual(text.withUnsafeBufferPointer { Timestamp.parse(utf8: $0) }, t)
        }
        let huge = Money(micros: Int128(UInt64.max) * 1_000 + 5)
        let w = ByteWriter(); w.money(huge)
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), huge.canonical)
    }
}
