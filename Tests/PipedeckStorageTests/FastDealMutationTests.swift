import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// Thousands of deal objects made odd on purpose — unknown fields, escapes, Unicode, numbers
/// written as 1e3, -0 or 10.000, fields missing or of another type, keys given twice, other
/// whitespace and key orders, bytes broken — read by the fast path and by the schema's reader:
/// the same deal, or the fast path gives up (`FastDealTests.compare`). Then whole boards made of
/// such deals: the same board, or the same message at the same place, with and without the
/// fast path. `PIPEDECK_FUZZ_SEED` repeats a run.
final class FastDealMutationTests: XCTestCase {
    var seed: UInt64 = 0

    override func setUp() {
        seed =
            UInt64(ProcessInfo.processInfo.environment["PIPEDECK_FUZZ_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max)
    }

    /// Deals of every kind Pipedeck writes, as JSON objects.
    static let sources: [[String: JSONValue]] = {
        var boards = FastDealTests.demoBoards().map(\.1)
        boards.append(Fixtures.richBoard())
        var notes = PerformanceTests.bigBoard(deals: 3)
        notes.deals[0].history.append(HistoryEntry(at: Fixtures.now, stage: "lead", notes: NotesEdit(length: 7)))
        notes.deals[1].npsScore = 9
        notes.deals[1].importKey = "pipedrive:101"
        notes.deals[2].qualification = Qualification(budget: true, need: true)
        boards.append(notes)
        return boards.flatMap { board -> [[String: JSONValue]] in
            guard case .object(let o) = try! JSONParser.parse(BoardDocument.encode(board)),
                case .array(let deals)? = o["deals"]
            else { fatalError() }
            return deals.compactMap { if case .object(let d) = $0 { return d } else { return nil } }
        }
    }()

    static let strings = [
        "", "x", "Renouvellement « Premium »", "é", "日本", "🚀", "e\u{301}", "\u{212A}", "\u{0}", "\u{1F}",
        "tab\there", "line\nbreak", "\"quoted\"", "back\\slash", "\u{2028}", "\u{FEFF}x", "/slash/",
        String(repeating: "long ", count: 40), "lead", "won", "open",
    ]
    static let times = [
        "2026-11-30T09:00:00Z", "2026-11-30T09:00:00+02:00", "2026-11-30t09:00:00z", "2026-11-30T09:00:00.5Z",
        "2026-11-30T25:00:00Z", "2026-02-29T09:00:00Z", "2028-02-29T23:59:60Z", "2026-11-30", "2026-11-30T09:00Z", "",
        "2026-11-30T24:00:00Z", "2026-11-30T23:60:00Z", "2026-11-30T23:59:61Z", "2026-11-30T2a:00:00Z",
        "2026-11-30 09:00:00Z", "2026-11-30T09:00:00X", "2026-11-31T09:00:00Z", "2026-11-30T09:00:00-01:30",
        "2026-11-29T09:00:00Z", "0000-01-01T00:00:00Z",
    ]
    static let days = [
        "2026-11-30", "2026-02-29", "2028-02-29", "2026-13-01", "26-11-30", "2026-11-30T00:00:00Z", "", "2026-11-31",
        "2026-00-10", "0000-01-01", "2026-1-01", "2026-11-29",
    ]

    static func numbers(_ list: String) -> [JSONValue] {
        list.split(separator: " ").map { .number(String($0)) } + [.string("10"), .null]
    }

    /// Values of the kind each field holds, good and bad; any other name gets any value.
    static let values: [String: [JSONValue]] = {
        let text = FastDealMutationTests.strings.map(JSONValue.string) + [.number("1"), .null, .array([]), .bool(true)]
        let instants = FastDealMutationTests.times.map(JSONValue.string) + [.number("0"), .null]
        let dates = FastDealMutationTests.days.map(JSONValue.string) + [.null, .number("20261130")]
        let bools: [JSONValue] = [.bool(true), .bool(false), .null, .string("true"), .number("0")]
        func words(_ w: String) -> [JSONValue] {
            w.split(separator: " ").map { .string(String($0)) } + [.null, .number("1")]
        }
        var v: [String: [JSONValue]] = [:]
        for k in [
            "title", "company", "contact", "phone", "email", "stage", "lostReason", "owner", "source", "notes",
            "updatedBy", "importKey", "subject", "outcome", "from", "to", "id",
        ] {
            v[k] = text
        }
        for k in ["createdAt", "updatedAt", "stageEnteredAt", "doneAt", "at"] { v[k] = instants }
        for k in ["expectedClose", "due"] { v[k] = dates }
        for k in ["done", "budget", "authority", "need", "timeline"] { v[k] = bools }
        v["value"] = numbers(
            "0 -0 -0.0 1e3 1E+2 10.000 0.5e1 1e-2 100e-2 -5 0.001 12.50 1e400 1e-400 99999999999999999999999999 0.00 "
                + "0.10 12.345 1.2300000 123456789012345678 1234567890123456789 -0.00 1.000001 5. 01 00 -1.5 0.999999 "
                + "999999999999999999.99 1e-1 250.5 9E2")
        v["rank"] = numbers(
            "0 -0 -7 1e3 10.000 2.5 9223372036854775807 9223372036854775808 -9223372036854775808 1e-400 01 - 7. "
                + "123456789012345678 1234567890123456789 -123456789012345678 3E0 42")
        v["probability"] = numbers("0 100 100.01 65.5 0.125 -0 1e2 1e3 -1 50.0")
        v["nps"] = numbers("0 10 11 9.0 -0 5e0 -1 0.5")
        v["duration"] = numbers("1 1440 0 1441 30.0 3e1 -30")
        v["length"] = numbers("-1 0 42 4.2e1 -0 0.5")
        v["currency"] = words("EUR USD eur EU EURO € JPY")
        v["status"] = words("open won lost Open closed")
        v["type"] = words("call meeting email task deadline Call visit")
        v["time"] = words("14:30 24:00 23:59 9:30 14:3a 00:00")
        v["tags"] = [
            .array([]), .null, .array([.string("a"), .string("日本")]), .array([.string("a"), .null]), .string("a"),
        ]
        v["qualification"] = [.object([:]), .null, .array([]), .object(["budget": .bool(true), "x": .null])]
        v["merge"] = [
            .null, .object(["kind": .string("conflict"), "field": .string("value"), "kept": .number("1")]),
            .object(["kind": .string("keptEdited")]),
        ]
        v["notes"]! += [
            .object(["length": .number("3")]), .object(["length": .number("-1")]), .object([:]),
            .object(["length": .number("3"), "x": .null]), .object(["length": .null]),
        ]
        v["nextAction"] = [
            .object(["text": .string("Call"), "due": .string("2026-11-05"), "done": .bool(false)]), .null, .string("x"),
        ]
        v["activities"] = [.array([]), .null, .array([.null]), .object([:])]
        v["history"] = [.array([]), .null, .array([.string("x")])]
        return v
    }()

    func randomValue(_ r: inout SeededRandom, depth: Int = 0) -> JSONValue {
        switch r.below(depth > 2 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(r.chance(50))
        case 2, 3: return .number(r.pick(["0", "-0", "1e3", "10.000", "7", "-2.5"]))
        case 4: return .string(r.pick(Self.strings))
        case 5: return .array((0..<r.below(3)).map { _ in randomValue(&r, depth: depth + 1) })
        default:
            var o: [String: JSONValue] = [:]
            for _ in 0..<r.below(3) {
                o[r.pick(["length", "budget", "x", "at", "to", "id"])] = randomValue(&r, depth: depth + 1)
            }
            return .object(o)
        }
    }

    static let keys = [
        "deal": DealSchema.deal.keyBytes, "activity": DealSchema.activity.keyBytes,
        "history": DealSchema.historyEntry.keyBytes, "qualification": DealSchema.qualification.keyBytes,
    ].mapValues { $0.map { String(decoding: $0, as: UTF8.self) } }

    /// One change to an object: a field removed, an unknown one added, or a field given another
    /// value of its kind (good or bad) or any value.
    func change(_ o: inout [String: JSONValue], _ kind: String, _ r: inout SeededRandom) {
        let k = r.pick(Self.keys[kind]!)
        switch r.below(20) {
        case 0, 1, 2: o[k] = nil
        case 3, 4: o["x-\(r.below(3))"] = randomValue(&r)
        case 5, 6: o[k] = randomValue(&r)
        default: o[k] = r.pick(Self.values[k] ?? [.null])
        }
    }

    /// One change to a deal or to an object inside it.
    func mutate(_ d: inout [String: JSONValue], _ r: inout SeededRandom) {
        func inside(_ key: String, _ kind: String) {
            guard case .array(var items)? = d[key], !items.isEmpty else { return change(&d, "deal", &r) }
            let i = r.below(items.count)
            if case .object(var o) = items[i] {
                change(&o, kind, &r); items[i] = .object(o)
            } else {
                items[i] = randomValue(&r)
            }
            d[key] = .array(items)
        }
        switch r.below(10) {
        case 0, 1: inside("activities", "activity")
        case 2, 3: inside("history", "history")
        case 4:
            var q: [String: JSONValue] = [:]
            if case .object(let o)? = d["qualification"] { q = o }
            change(&q, "qualification", &r)
            d["qualification"] = .object(q)
        case 5: for k in ["createdAt", "updatedAt", "stageEnteredAt"] where r.chance(50) { d[k] = nil }
        default: change(&d, "deal", &r)
        }
    }

    /// Every field of a deal and of the objects in it, given every value of the table (and
    /// removed), in two layouts: not left to chance.
    func testEveryFieldWithEveryValueOfItsKind() {
        guard
            let base = Self.sources.first(where: { d in
                if case .array(let a)? = d["activities"], case .array(let h)? = d["history"] {
                    return !a.isEmpty && !h.isEmpty
                }
                return false
            })
        else { return XCTFail("no deal with activities and history") }
        var cases: [[String: JSONValue]] = []
        for key in Self.keys["deal"]! {
            var without = base
            without[key] = nil
            cases.append(without)
            for v in Self.values[key] ?? [.null] {
                var d = base
                d[key] = v
                cases.append(d)
            }
        }
        for (list, kind) in [("activities", "activity"), ("history", "history")] {
            guard case .array(let items)? = base[list], case .object(let first) = items[0] else { continue }
            for key in Self.keys[kind]! {
                for v in [nil] + (Self.values[key] ?? [.null]) {
                    var o = first
                    o[key] = v
                    var d = base
                    d[list] = .array([.object(o)] + items.dropFirst())
                    cases.append(d)
                }
            }
        }
        for key in Self.keys["qualification"]! {
            for v in Self.values[key] ?? [.null] {
                var d = base
                d["qualification"] = .object([key: v])
                cases.append(d)
            }
        }
        var r = SeededRandom(seed: 1)
        var fast = 0
        for (n, d) in cases.enumerated() {
            for layout in 0..<2 {
                var w = VariantWriter(&r, layout: layout)
                let bytes = w.write(.object(d))
                let o = bytes.withUnsafeBufferPointer {
                    FastDealTests.compare($0, at: 0, "case \(n), layout \(layout)")
                }
                if o.outcome == .fast { fast += 1 }
            }
        }
        XCTAssertGreaterThan(fast, cases.count / 2)
    }

    func testMutatedDealsReadTheSameBothWays() {
        var r = SeededRandom(seed: seed)
        var fast = 0, fellBack = 0, refused = 0
        for n in 0..<6_000 {
            var d = r.pick(Self.sources)
            for _ in 0..<r.below(4) { mutate(&d, &r) }
            var w = VariantWriter(&r)
            var bytes = w.write(.object(d))
            let broken = r.chance(8)
            if broken { VariantWriter.breakBytes(&bytes, &r) }
            let outcome = bytes.withUnsafeBufferPointer { b in
                FastDealTests.compare(b, at: 0, "deal \(n) \(w.description)\(broken ? ", broken" : "") (seed \(seed))")
                    .outcome
            }
            switch outcome {
            case .fast: fast += 1
            case .fellBack(read: true): fellBack += 1
            case .fellBack(read: false): refused += 1
            case .differ:
                XCTFail(String(decoding: bytes, as: UTF8.self))
                return
            }
        }
        print("[fast path] mutated deals: \(fast) read fast, \(fellBack) fell back, \(refused) refused; seed \(seed)")
        XCTAssertGreaterThan(fast, 1_500)
        XCTAssertGreaterThan(fellBack, 500)
        XCTAssertGreaterThan(refused, 500)
    }

    /// Boards whose deals are mutated: the same board or the same message, line and column,
    /// read with the fast path, without it, and from one whole tape.
    func testBoardsOfMutatedDealsReadTheSameAllWays() {
        var r = SeededRandom(seed: seed ^ 0x5EED)
        let empty = String(
            decoding: BoardDocument.encodeBytes(
                Demo.board(now: Fixtures.now, today: Fixtures.now.utcDay).with(deals: [])), as: UTF8.self)
        XCTAssertTrue(empty.contains("\"deals\": []"))
        var loaded = 0
        for n in 0..<600 {
            var texts: [String] = []
            var ids = Set<String>()
            for _ in 0..<(1 + r.below(6)) {
                var d = r.pick(Self.sources)
                // Distinct ids mostly: a repeated id is one more problem to be said the same way.
                if r.chance(95), case .string(let id)? = d["id"] {
                    var unique = id
                    while !ids.insert(unique).inserted { unique += "x" }
                    d["id"] = .string(unique)
                }
                if r.chance(40) { mutate(&d, &r) }
                var w = VariantWriter(&r)
                var bytes = w.write(.object(d))
                if r.chance(3) { VariantWriter.breakBytes(&bytes, &r) }
                texts.append(String(decoding: bytes, as: UTF8.self))
            }
            let text = empty.replacingOccurrences(
                of: "\"deals\": []", with: "\"deals\": [\n" + texts.joined(separator: ",\n") + "\n  ]")
            let counts = FastDealTests.decodeAllWays(Array(text.utf8), "board \(n) (seed \(seed))")
            if counts.fast + counts.fellBack > 0 { loaded += 1 }
        }
        XCTAssertGreaterThan(loaded, 100)
    }
}

extension Board {
    fileprivate func with(deals: [Deal]) -> Board {
        var b = self
        b.deals = deals
        return b
    }
}
