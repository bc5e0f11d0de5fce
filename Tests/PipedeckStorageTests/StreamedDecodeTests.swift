import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// The deals are decoded while the parser streams them (before the stages, which come after them
/// in the file): a file with several problems still names the one it named when the whole file
/// was parsed first — the first deal in order, and a newer version before anything.
final class StreamedDecodeTests: XCTestCase {
    /// The base board's deals replaced by `deals` (as JSON objects), with `version`.
    func file(_ deals: [[String: JSONValue]], version: String = "1") -> Data {
        Fixtures.edited { o in
            o["deals"] = .array(deals.map { .object($0) })
            o["version"] = .number(version)
        }
    }

    func deal(_ id: String, stage: String = "lead", value: JSONValue = .number("10")) -> [String: JSONValue] {
        ["id": .string(id), "title": .string("T " + id), "value": value, "stage": .string(stage)]
    }

    func bothWays(_ data: Data, file: StaticString = #filePath, line: UInt = #line) -> String {
        func load(_ streaming: Bool) -> String {
            let bytes = [UInt8](data)
            return bytes.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) -> String in
                do throws(LoadError) {
                    _ = try BoardDocument.decode(bytes: b, path: "b.json", now: Fixtures.now, streaming: streaming)
                    return "loaded"
                } catch {
                    return "\(error.line ?? 0):\(error.column ?? 0) \(error.message)"
                }
            }
        }
        let streamed = load(true), whole = load(false)
        XCTAssertEqual(streamed, whole, file: file, line: line)
        return streamed
    }

    func testTheFirstDealInOrderIsNamed() {
        var said = bothWays(file([deal("a"), deal("b", stage: "nowhere"), deal("c"), deal("d", value: .string("x"))]))
        XCTAssertTrue(said.contains("nowhere"), said)
        said = bothWays(file([deal("a"), deal("b", value: .string("x")), deal("c", stage: "nowhere")]))
        XCTAssertTrue(said.contains("value"), said)
        said = bothWays(file([deal("a"), deal("b", stage: "nowhere"), deal("a")]))
        XCTAssertTrue(said.contains("nowhere"), said)
        said = bothWays(file([deal("a"), deal("b"), deal("a", stage: "nowhere")]))
        XCTAssertTrue(said.contains("\"a\""), said)
        XCTAssertEqual(bothWays(file([deal("a"), deal("b")])), "loaded")
    }

    /// A version 1 file is streamed by version 2's rules (the version comes after the deals): a
    /// deal that fails there (a duplicate id) may hold an earlier problem by its own version's
    /// rules (a next action that is not an object). Found by the random documents of FuzzTests.
    func testAnOlderVersionsProblemIsSaidBeforeADuplicateID() {
        var second = deal("a")
        second["nextAction"] = .string("call back")
        let said = bothWays(file([deal("a"), second], version: "1"))
        XCTAssertTrue(said.contains("nextAction"), said)
        // In a version 2 file the field means nothing: the duplicate id is the problem.
        XCTAssertTrue(bothWays(file([deal("a"), second], version: "2")).contains("two deals have the id"))
    }

    func testANewerVersionIsSaidBeforeAnyDealProblem() {
        let said = bothWays(file([deal("a", value: .string("x")), deal("b", stage: "nowhere")], version: "99"))
        XCTAssertTrue(said.contains("newer"), said)
    }

    func testDealsThatAreNoArrayOrComeTwiceAreRefusedAsBefore() {
        _ = bothWays(Fixtures.edited { $0["deals"] = .object([:]) })
        let text = String(decoding: Fixtures.edited { _ in }, as: UTF8.self)
        let twice = text.replacingOccurrences(of: "\"deals\":", with: "\"deals\": [], \"deals\":")
        XCTAssertTrue(bothWays(Data(twice.utf8)).contains("deals"))
    }
}

/// Files above `DealStream.twoCoresAbove` have their second half of deals read on another core;
/// the result must be the same in every case, problems in either half included.
final class TwoCoreDecodeTests: XCTestCase {
    static let big: [UInt8] = {
        var b = PerformanceTests.bigBoard(deals: 2_200)
        for i in b.deals.indices { b.deals[i].rank = i }
        return BoardDocument.encodeBytes(b)
    }()

    /// The board (or the problem) read streamed, its deals shared as `sizes` says, and read
    /// whole, which must be equal; the streamed one.
    @discardableResult
    static func same(
        _ bytes: [UInt8], _ what: String, sizes: DealShare.Sizes = .standard, file: StaticString = #filePath,
        line: UInt = #line
    ) -> String {
        func load(_ streaming: Bool) -> String {
            bytes.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) -> String in
                do throws(LoadError) {
                    let board = try BoardDocument.decode(
                        bytes: b, path: "b.json", now: Fixtures.now, streaming: streaming, sharing: sizes)
                    return "loaded \(board.deals.count) \(board.deals.map(\.id).joined().hashValue) \(board.hashValue)"
                } catch {
                    return "\(error.line ?? 0):\(error.column ?? 0) \(error.message)"
                }
            }
        }
        let streamed = load(true), whole = load(false)
        XCTAssertEqual(streamed, whole, what, file: file, line: line)
        return streamed
    }

    func same(_ bytes: [UInt8], _ what: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        TwoCoreDecodeTests.same(bytes, what, file: file, line: line)
    }

    /// `text` with the first occurrence of `old` after `fraction` of the file replaced.
    static func replacing(_ old: String, _ new: String, after fraction: Double) -> [UInt8] {
        let text = String(decoding: TwoCoreDecodeTests.big, as: UTF8.self)
        let from = text.index(text.startIndex, offsetBy: Int(Double(text.count) * fraction))
        guard let r = text.range(of: old, range: from..<text.endIndex) else { fatalError(old) }
        return Array(text.replacingCharacters(in: r, with: new).utf8)
    }

    func testABigBoardReadsTheSameOnTwoCores() {
        XCTAssertGreaterThan(TwoCoreDecodeTests.big.count, DealStream.twoCoresAbove)
        XCTAssertTrue(same(TwoCoreDecodeTests.big, "as written").hasPrefix("loaded 2200"))
        // And the other core did read about half of them.
        let stream = TwoCoreDecodeTests.big.withUnsafeBufferPointer { b in
            let s = DealStream(bytes: b, path: "b.json", now: Fixtures.now)
            _ = try? JSONTapeParser.parse(b, sink: s)
            return (s.deals.count, s.takenAhead)
        }
        XCTAssertEqual(stream.0, 2_200)
        XCTAssertTrue((800...1_400).contains(stream.1), "\(stream.1) deals read on the other core")
    }

    func testProblemsInEitherHalfAreSaidAsBefore() {
        for fraction in [0.3, 0.8] {
            _ = same(Self.replacing("\"value\": ", "\"value\": -", after: fraction), "negative value at \(fraction)")
            _ = same(Self.replacing("\"stage\": \"", "\"stage\": \"x", after: fraction), "unknown stage at \(fraction)")
            _ = same(
                Self.replacing("\"title\": \"", "\"title\": \"\u{1}", after: fraction),
                "control character at \(fraction)")
            _ = same(Self.replacing("    },\n    {", "    }\n    {", after: fraction), "missing comma at \(fraction)")
            _ = same(Self.replacing("\"id\": \"d0", "\"id\": \"d1", after: fraction), "an id twice at \(fraction)")
        }
        // The same id in both halves.
        let text = String(decoding: TwoCoreDecodeTests.big, as: UTF8.self)
        let firstID = PerformanceTests.bigBoard(deals: 2_200).deals[10].id
        let lateID = PerformanceTests.bigBoard(deals: 2_200).deals[2_100].id
        _ = same(
            Array(text.replacingOccurrences(of: "\"id\": \"\(lateID)\"", with: "\"id\": \"\(firstID)\"").utf8),
            "id in both halves")
    }
}
