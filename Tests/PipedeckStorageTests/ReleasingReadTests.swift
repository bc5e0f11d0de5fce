import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// A large board file is read into memory whose pages are given back as its deals are decoded
/// (`BoardFile.readForDecoding`, `ReadBuffer`). Whatever the file holds, the result must be what
/// reading it whole gives: the same board, the same message at the same line and column, and the
/// identity of the very bytes decoded.
final class ReleasingReadTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "pipedeck-release-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Reads `bytes` from a file both ways; the outcome as text, and how much was given back.
    func read(_ bytes: [UInt8], _ what: String, file: StaticString = #filePath, line: UInt = #line) -> (
        said: String, released: Int
    ) {
        let path = folder + "/board.json"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        func outcome(_ board: Board) -> String { "loaded \(board.deals.count) \(board.hashValue)" }
        let whole: String = bytes.withUnsafeBufferPointer { b in
            do throws(LoadError) {
                return outcome(try BoardDocument.decode(bytes: b, path: path, now: Fixtures.now, streaming: false))
            } catch {
                return "\(error.line ?? 0):\(error.column ?? 0) \(error.message)"
            }
        }
        do throws(LoadError) {
            let r = try BoardFile.readForDecoding(path: path, chunk: 4096, above: 0)
            XCTAssertEqual(r.content, ContentID(bytes), what, file: file, line: line)
            XCTAssertEqual(FileFingerprint(r.status), FileFingerprint.of(path: path), what, file: file, line: line)
            // Deals without times get "now": compare boards read at the same instant.
            let again = try bytes.withUnsafeBufferPointer { (b) throws(LoadError) -> Board in
                try BoardDocument.decode(bytes: b, path: path, now: Fixtures.now, streaming: false)
            }
            XCTAssertEqual(r.board, again, what, file: file, line: line)
            return (outcome(r.board), r.released)
        } catch {
            let said = "\(error.line ?? 0):\(error.column ?? 0) \(error.message)"
            XCTAssertEqual(said, whole, what, file: file, line: line)
            return (said, 0)
        }
    }

    func testABigFileIsReadWhileItsDecodedPagesAreGivenBack() {
        let bytes = TwoCoreDecodeTests.big
        let r = read(bytes, "as written")
        XCTAssertTrue(r.said.hasPrefix("loaded 2200"), r.said)
        // Both halves gave back what they had decoded: most of the file.
        XCTAssertGreaterThan(r.released, bytes.count / 2)
    }

    func testProblemsAnywhereAreSaidAsAWholeReadSaysThem() {
        let problems = [
            ("\"value\": ", "\"value\": -"), ("\"stage\": \"", "\"stage\": \"x"),
            ("\"title\": \"", "\"title\": \"\u{1}"), ("    },\n    {", "    }\n    {"),
            ("\"createdAt\": \"2", "\"createdAt\": \"x"),
        ]
        for fraction in [0.02, 0.3, 0.8, 0.98] {
            // Every problem in each half; near the ends of the file, one.
            for (old, new) in fraction == 0.3 || fraction == 0.8 ? problems : [problems[0]] {
                let said = read(TwoCoreDecodeTests.replacing(old, new, after: fraction), "\(new) at \(fraction)").said
                XCTAssertFalse(said.hasPrefix("loaded"), "\(new) at \(fraction): \(said)")
            }
        }
        // Cut short, and the same id in both halves.
        let bytes = TwoCoreDecodeTests.big
        XCTAssertTrue(read(Array(bytes[..<(bytes.count * 3 / 4)]), "cut").said.contains(":"))
        let text = String(decoding: bytes, as: UTF8.self)
        let deals = PerformanceTests.bigBoard(deals: 2_200).deals
        let twice = text.replacingOccurrences(of: "\"id\": \"\(deals[2_100].id)\"", with: "\"id\": \"\(deals[10].id)\"")
        XCTAssertFalse(read(Array(twice.utf8), "id in both halves").said.hasPrefix("loaded"))
        let late = text.replacingOccurrences(
            of: "\"id\": \"\(deals[2_150].id)\"", with: "\"id\": \"\(deals[2_100].id)\"")
        XCTAssertFalse(read(Array(late.utf8), "id twice in the second half").said.hasPrefix("loaded"))
    }

    /// The other core starts where the layout says a deal starts. A file whose layout fools it
    /// (here a field after the deals holds a long list of deal-like objects, where it looks) has
    /// it decode and give back pages the parser then needs: the file is read again, whole.
    func testALayoutThatFoolsTheOtherCoreStillReads() throws {
        let others = BoardDocument.encodeBytes(PerformanceTests.bigBoard(deals: 2_000))
        guard case .object(let o) = try JSONParser.parse(Data(others)), let list = o["deals"] else {
            return XCTFail("no deals")
        }
        var board = PerformanceTests.bigBoard(deals: 40)
        board.extra["old"] = list
        let bytes = BoardDocument.encodeBytes(board)
        let r = read(bytes, "deal-like objects after the deals")
        XCTAssertTrue(r.said.hasPrefix("loaded 40"), r.said)
        // What can happen underneath: the other core gives back pages of that list, and the
        // parse that comes to them fails (so the file is read again). Whether the other core got
        // there first depends on the two threads' timing (on a busy machine the parser may pass
        // before anything was given back); either way a decode over a releasing buffer never
        // gives a wrong board: it fails, or it gives the board a whole read gives.
        let buffer = ReadBuffer(capacity: bytes.count + 1, chunk: 4096)!
        let fd = open(folder + "/board.json", O_RDONLY)
        XCTAssertEqual(buffer.fill(from: fd, size: bytes.count), bytes.withUnsafeBytes { ContentID.hash($0) })
        close(fd)
        let whole = try BoardDocument.decode(bytes: bytes, path: "b.json", now: Fixtures.now)
        do {
            let streamed = try BoardDocument.decode(
                bytes: buffer.bytes, path: "b.json", now: Fixtures.now, streaming: true, buffer: buffer)
            XCTAssertEqual(streamed, whole, "a decode that did not fail gives the whole read's board")
        } catch {
            XCTAssertGreaterThan(buffer.released, 0, "it failed because pages were given back: \(error)")
        }
    }

    /// A large file is read and hashed a half on each core: the same bytes and the same
    /// `ContentID` as one read; a file with more or fewer bytes than it had when it was opened
    /// (changed meanwhile) is not taken.
    func testAFileIsReadAndHashedInHalves() throws {
        let bytes = TwoCoreDecodeTests.big
        XCTAssertGreaterThan(ContentID.split(bytes.count), 0)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/big.json"))
        let fd = open(folder + "/big.json", O_RDONLY)
        defer { close(fd) }
        let buffer = ReadBuffer(capacity: bytes.count + 1, chunk: 4096)!
        XCTAssertEqual(buffer.fill(from: fd, size: bytes.count), ContentID(bytes).hash)
        XCTAssertTrue(buffer.bytes.elementsEqual(bytes))
        // The halves' hash is not the whole's, and each byte counts.
        var other = bytes
        other[bytes.count - 10] ^= 1
        XCTAssertNotEqual(ContentID(other), ContentID(bytes))
        other = bytes
        other[10] ^= 1
        XCTAssertNotEqual(ContentID(other), ContentID(bytes))
        // Every size: hashed a piece at a time as it is read, the same as hashed whole.
        var r = SeededRandom(seed: 3)
        for size in [0, 1, 31, 32, 33, 64, 1000, (1 << 20) - 1, 1 << 20, (3 << 20) + 77] {
            let some = (0..<size).map { _ in UInt8(truncatingIfNeeded: r.next()) }
            try Data(some).write(to: URL(fileURLWithPath: folder + "/some.bin"))
            let f = open(folder + "/some.bin", O_RDONLY)
            XCTAssertEqual(
                ReadBuffer(capacity: size + 1, chunk: 4096)!.fill(from: f, size: size), ContentID(some).hash, "\(size)")
            close(f)
        }
        // Grown or shrunk since it was measured.
        XCTAssertNil(ReadBuffer(capacity: bytes.count, chunk: 4096)!.fill(from: fd, size: bytes.count - 1))
        XCTAssertNil(ReadBuffer(capacity: bytes.count + 2, chunk: 4096)!.fill(from: fd, size: bytes.count + 1))
    }

    /// A version 1 file whose deals have next actions is read again by version 1's rules: not
    /// from memory already given back.
    func testAVersionOneFileIsReadByItsRules() {
        var text = String(decoding: TwoCoreDecodeTests.big, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"version\": \(Board.schemaVersion)", with: "\"version\": 1")
        text = text.replacingOccurrences(
            of: "\"rank\": ", with: "\"nextAction\": {\n        \"text\": \"Call back\"\n      },\n      \"rank\": ")
        let r = read(Array(text.utf8), "version 1")
        XCTAssertTrue(r.said.hasPrefix("loaded 2200"), r.said)
    }

    /// Files below the threshold are read into an array, as before; the board and its identity
    /// are the same.
    func testASmallFileReadsTheSame() throws {
        let bytes = BoardDocument.encodeBytes(PerformanceTests.bigBoard(deals: 30))
        let path = folder + "/small.json"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let r = try BoardFile.readForDecoding(path: path)
        XCTAssertEqual(r.released, 0)
        XCTAssertEqual(r.content, ContentID(bytes))
        XCTAssertEqual(r.board.deals.count, 30)
    }
}
