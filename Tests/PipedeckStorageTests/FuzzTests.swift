import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// Hostile files: thousands of random and mutated documents fed to the loader. Whatever the bytes,
/// loading never crashes; it gives a board, or a `LoadError` whose message names the file and
/// says something. A board that loads also survives a save and a load unchanged.
final class FuzzTests: XCTestCase {
    static let path = "/data/pipeline.json"

    var seed: UInt64 = 0
    var loaded = 0, refused = 0

    override func setUp() {
        seed =
            UInt64(ProcessInfo.processInfo.environment["PIPEDECK_FUZZ_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max)
        loaded = 0; refused = 0
    }

    /// The property every input must have.
    func check(_ bytes: [UInt8], _ what: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line)
    {
        let result: Result<Board, LoadError> = bytes.withUnsafeBufferPointer { b in
            Result { () throws(LoadError) -> Board in
                try BoardDocument.decode(bytes: b, path: FuzzTests.path, now: Fixtures.now)
            }
        }
        // The deals decoded as the parser streams them: the same board, or the same error at
        // the same place, as when the whole file is parsed first.
        let whole: Result<Board, LoadError> = bytes.withUnsafeBufferPointer { b in
            Result { () throws(LoadError) -> Board in
                try BoardDocument.decode(bytes: b, path: FuzzTests.path, now: Fixtures.now, streaming: false)
            }
        }
        switch (result, whole) {
        case (.success(let a), .success(let b)) where a == b: break
        case (.failure(let a), .failure(let b))
        where a.message == b.message && a.line == b.line && a.column == b.column:
            break
        default: XCTFail("\(what()): streamed \(result), whole \(whole) (seed \(seed))", file: file, line: line)
        }
        switch result {
        case .success(let board):
            loaded += 1
            // Saved and read again, it is the same board.
            let again = BoardDocument.encodeBytes(board)
            let back = again.withUnsafeBufferPointer { b in
                Result { () throws(LoadError) -> Board in
                    try BoardDocument.decode(bytes: b, path: FuzzTests.path, now: Fixtures.now)
                }
            }
            switch back {
            case .success(let b2):
                if b2 != board {
                    XCTFail("\(what()): loads, but not the same after a save (seed \(seed))", file: file, line: line)
                }
            case .failure(let e):
                XCTFail("\(what()): loads, but its save does not: \(e.message) (seed \(seed))", file: file, line: line)
            }
        case .failure(let e):
            refused += 1
            let prefix = FuzzTests.path + ": "
            if !e.message.hasPrefix(prefix) || e.message.count <= prefix.count + 5 || e.path != FuzzTests.path {
                XCTFail("\(what()): unclear error \"\(e.message)\" (seed \(seed))", file: file, line: line)
            }
            if let l = e.line, l < 1 { XCTFail("\(what()): line \(l) (seed \(seed))", file: file, line: line) }
            if let c = e.column, c < 1 { XCTFail("\(what()): column \(c) (seed \(seed))", file: file, line: line) }
        }
    }

    static var seeds: [[UInt8]] {
        [
            Array(Fixtures.baseJSON.utf8),
            Array(BoardDocument.encode(Fixtures.richBoard())),
            BoardDocument.encodeBytes(PerformanceTests.bigBoard(deals: 12)),
        ]
    }

    // MARK: Byte-level mutations

    func testMutatedFiles() {
        var r = SeededRandom(seed: seed)
        let seeds = FuzzTests.seeds
        let interesting: [[UInt8]] = [
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\uD800", "0", "-", "1e999999",
            "99999999999999999999999999999999999999", "null", "true", "-0.0000001", "\u{0}",
            "\u{1B}[2J", "\u{7F}", "\u{85}", "\u{202E}", "é", "日本",
        ].map { Array($0.utf8) }
        for n in 0..<20_000 {
            var b = seeds[r.below(seeds.count)]
            let edits = 1 + r.below(r.chance(20) ? 12 : 3)
            var what: [String] = []
            for _ in 0..<edits where !b.isEmpty {
                let i = r.below(b.count)
                switch r.below(9) {
                case 0: b[i] ^= UInt8(1 << r.below(8)); what.append("flip@\(i)")
                case 1: b.removeSubrange(i...); what.append("truncate@\(i)")
                case 2: b.removeSubrange(i..<min(b.count, i + 1 + r.below(16))); what.append("delete@\(i)")
                case 3:
                    let j = min(b.count, i + 1 + r.below(64))
                    b.insert(contentsOf: Array(b[i..<j]), at: i); what.append("duplicate@\(i)")
                case 4: b[i] = UInt8(truncatingIfNeeded: r.next()); what.append("byte@\(i)")
                case 5: b.insert(contentsOf: interesting[r.below(interesting.count)], at: i); what.append("insert@\(i)")
                case 6:
                    b.insert(contentsOf: [0xC0, 0x80, 0xFF, 0xED, 0xA0, 0x80][r.below(3)...], at: i);
                    what.append("badutf8@\(i)")
                case 7:
                    // Swap two chunks.
                    let j = r.below(b.count), len = 1 + r.below(32)
                    let a = Array(b[i..<min(b.count, i + len)]), c = Array(b[j..<min(b.count, j + len)])
                    if i + a.count <= j {
                        b.replaceSubrange(j..<j + c.count, with: a); b.replaceSubrange(i..<i + a.count, with: c)
                    }
                    what.append("swap@\(i),\(j)")
                default:
                    // A number made huge, negative or fractional.
                    if let k = b[i...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                        let v = [
                            "1" + String(repeating: "0", count: 40), "-5", "0.123456789", "1E+400", "1e-400", "12.",
                            "01",
                        ][r.below(7)]
                        b.replaceSubrange(k..<k + 1, with: Array(v.utf8)); what.append("number@\(k)")
                    }
                }
            }
            check(b, "mutation \(n) [\(what.joined(separator: " "))]")
        }
        print("[fuzz] mutated files: \(loaded) loaded, \(refused) refused, seed \(seed)")
        XCTAssertGreaterThan(refused, 10_000)
    }

    // MARK: Random documents of the right shape

    static let keys = [
        "version", "name", "currency", "stages", "deals", "settings", "id", "title", "value", "stage",
        "probability", "kind", "rotDays", "status", "lostReason", "company", "contact", "owner", "source",
        "tags", "expectedClose", "nextAction", "text", "due", "done", "qualification", "budget", "notes",
        "createdAt", "updatedAt", "stageEnteredAt", "history", "at", "from", "to", "rank", "lostReasons",
        "locale", "x-extra",
    ]

    func randomValue(_ r: inout SeededRandom, depth: Int) -> JSONValue {
        let leaf = depth > 5 || r.chance(45)
        if leaf {
            switch r.below(10) {
            case 0: return .null
            case 1: return .bool(r.chance(50))
            case 2:
                return .number(
                    ["0", "1", "-1", "10.5", "100", "1e2", "99999999999999999999999999", "0.001", "-0"][r.below(9)])
            case 3: return .string(["open", "won", "lost", "lead", "won-stage"][r.below(5)])
            case 4:
                return .string(
                    ["2026-11-30", "2026-02-30", "2026-11-30T09:00:00Z", "2026-11-30T25:00:00Z", "yesterday"][
                        r.below(5)])
            case 5: return .string(["EUR", "eur", "US", "€"][r.below(4)])
            case 6: return .string(String(repeating: "x", count: r.below(600)))
            case 7: return .string("\u{1B}]0;pwned\u{07}\u{1B}[31m\u{9B}2J\u{0}\t\n")
            default: return .string(["a", "", " ", "日本", "🚀", "\u{202E}"][r.below(6)])
            }
        }
        if r.chance(40) {
            return .array((0..<r.below(5)).map { _ in randomValue(&r, depth: depth + 1) })
        }
        var o: [String: JSONValue] = [:]
        for _ in 0..<r.below(8) { o[FuzzTests.keys[r.below(FuzzTests.keys.count)]] = randomValue(&r, depth: depth + 1) }
        return .object(o)
    }

    /// Starts from a valid board and replaces parts of it with random values of any type.
    func testRandomDocumentsOfTheRightShape() {
        var r = SeededRandom(seed: seed ^ 0xABCD)
        let base = Fixtures.baseObject()
        for n in 0..<5_000 {
            var o = base
            for _ in 0..<(1 + r.below(4)) {
                let key = FuzzTests.keys[r.below(FuzzTests.keys.count)]
                switch (key, o[key]) {
                case (_, .array(var items)?) where !items.isEmpty && r.chance(70):
                    let i = r.below(items.count)
                    if case .object(var inner) = items[i] {
                        inner[FuzzTests.keys[r.below(FuzzTests.keys.count)]] =
                            r.chance(15) ? nil : randomValue(&r, depth: 3)
                        items[i] = .object(inner)
                    } else {
                        items[i] = randomValue(&r, depth: 3)
                    }
                    o[key] = .array(items)
                default:
                    // Reach into the deals, where most fields are.
                    if case .array(var deals)? = o["deals"], !deals.isEmpty, r.chance(60),
                        case .object(var d) = deals[0]
                    {
                        d[key] = r.chance(15) ? nil : randomValue(&r, depth: 2)
                        deals[r.below(deals.count)] = .object(d)
                        o["deals"] = .array(deals)
                    } else {
                        o[key] = r.chance(10) ? nil : randomValue(&r, depth: 1)
                    }
                }
            }
            check(Array(JSONWriter.write(.object(o))), "document \(n)")
        }
        for n in 0..<500 {
            check(Array(JSONWriter.write(randomValue(&r, depth: 0))), "random value \(n)")
        }
        print("[fuzz] shaped documents: \(loaded) loaded, \(refused) refused, seed \(seed)")
        XCTAssertGreaterThan(loaded, 50, "some random documents are valid boards")
        XCTAssertGreaterThan(refused, 500)
    }

    // MARK: Hand-picked nasties

    func testExtremeInputs() {
        let deep = 200_000
        let cases: [(String, [UInt8])] = [
            ("empty", []),
            ("bom only", [0xEF, 0xBB, 0xBF]),
            ("nul bytes", [UInt8](repeating: 0, count: 1_000)),
            ("random binary", (0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }),
            (
                "deep arrays",
                Array(String(repeating: "[", count: deep).utf8) + Array(String(repeating: "]", count: deep).utf8)
            ),
            (
                "deep objects",
                Array(String(repeating: "{\"a\":", count: deep).utf8) + Array("1".utf8)
                    + Array(String(repeating: "}", count: deep).utf8)
            ),
            ("unclosed deep", Array(String(repeating: "[{\"deals\":", count: 50_000).utf8)),
            ("long string", Array(("{\"name\":\"" + String(repeating: "é", count: 1_000_000)).utf8)),
            ("huge number", Array(("{\"version\":" + String(repeating: "9", count: 100_000) + "}").utf8)),
            ("huge exponent", Array("{\"version\":1e999999999999999999}".utf8)),
            ("lone surrogate", Array("{\"name\":\"\\uD800\"}".utf8)),
            ("overlong utf8", [0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xC0, 0xAF, 0x22, 0x7D]),
            ("utf16 file", Array("{\"version\":1}".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
            ("many keys", Array(("{" + (0..<20_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}").utf8)),
            ("duplicate keys", Array("{\"version\":1,\"version\":2}".utf8)),
            ("trailing garbage", Array((Fixtures.baseJSON + "}}").utf8)),
        ]
        for (name, bytes) in cases { check(bytes, name) }
        // Every prefix of a valid file is refused with a clear message (or is the whole file).
        let full = Array(Fixtures.baseJSON.utf8)
        for n in stride(from: 0, to: full.count, by: 7) { check(Array(full[..<n]), "prefix \(n)") }
    }

    /// Through the file system too: a directory, a missing file, garbage on disk.
    func testLoadingFromDisk() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pipedeck-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var r = SeededRandom(seed: seed)
        for n in 0..<50 {
            let path = dir.appendingPathComponent("b\(n).json").path
            let bytes = (0..<r.below(300)).map { _ in UInt8(truncatingIfNeeded: r.next()) }
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            do { _ = try BoardFile.load(path: path) } catch {
                XCTAssertTrue(error.message.hasPrefix(path + ": "), error.message)
            }
        }
        for path in [dir.path, dir.appendingPathComponent("missing.json").path] {
            XCTAssertThrowsError(try BoardFile.load(path: path)) { e in
                XCTAssertTrue((e as? LoadError)?.message.hasPrefix(path + ": ") ?? false, "\(e)")
            }
        }
    }
}
