import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// The fast path that reads a deal in one pass (`JSONTapeParser.fastDeal`) against the schema's
/// reader: for every deal it reads, the schema's reader reads the same `Deal` and stops at the
/// same byte; for every deal the schema's reader refuses, it gives up. And it really is taken
/// for the boards Pipedeck writes, or the speed it brings would vanish without a test noticing.
final class FastDealTests: XCTestCase {
    /// What the two readers did with the deal object at `offset`.
    enum Outcome: Equatable {
        /// The fast path read it, and the schema's reader read the same deal.
        case fast
        /// The fast path gave it up; the schema's reader read it, or refused it.
        case fellBack(read: Bool)
        /// They disagree (the test has failed).
        case differ
    }

    /// One fast reader for every deal compared, as for the deals of a board: its short strings
    /// are found again from deal to deal.
    nonisolated(unsafe) static let reader: FastDealReader = {
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        return FastDealReader(
            decoder: BoardDecoder(reader: DealShare.emptyReader(none), path: "b.json", now: Fixtures.now))
    }()

    /// Reads the deal whose object starts at `offset` both ways; fails the test when they differ.
    /// `end` is where the schema's reader stopped.
    static func compare(
        _ b: UnsafeBufferPointer<UInt8>, at offset: Int, _ what: @autoclosure () -> String,
        file: StaticString = #filePath, line: UInt = #line
    ) -> (outcome: Outcome, end: Int?) {
        let decoder = BoardDecoder(reader: DealShare.emptyReader(b), path: "b.json", now: Fixtures.now)
        decoder.fileVersion = Board.schemaVersion
        var p = JSONTapeParser(b, at: offset, depth: 2)
        let fast = p.fastDeal(FastDealTests.reader)
        var q = JSONTapeParser(b, at: offset, depth: 2)
        var slow: Deal? = nil
        var end: Int? = nil
        do {
            try q.value()
            end = q.pos
            slow = try q.nodes.withUnsafeBufferPointer { (nodes) throws(LoadError) -> Deal in
                decoder.r = TapeReader(bytes: b, nodes: nodes, bomLength: 0)
                decoder.place = .deal(index: 0, id: nil)
                return try decoder.element(0, DealSchema.deal)
            }
        } catch {}
        guard let fast else {
            if p.pos != offset {
                XCTFail("\(what()): the fast path gave up but moved", file: file, line: line)
                return (.differ, end)
            }
            return (.fellBack(read: slow != nil), end)
        }
        if let slow, slow == fast, end == p.pos { return (.fast, end) }
        XCTFail(
            "\(what()): fast path read \(fast), stopping at \(p.pos); the schema's reader \(slow.map { "\($0)" } ?? "refused it"), stopping at \(end ?? -1)",
            file: file, line: line)
        return (.differ, end)
    }

    /// Every deal of an encoded board, compared; how many the fast path read.
    static func compareDeals(_ bytes: [UInt8], _ what: String, file: StaticString = #filePath, line: UInt = #line)
        -> Int
    {
        bytes.withUnsafeBufferPointer { b in
            guard let tape = try? JSONTapeParser.parse(b) else {
                XCTFail("\(what): does not parse", file: file, line: line)
                return 0
            }
            return tape.nodes.withUnsafeBufferPointer { nodes -> Int in
                let r = TapeReader(bytes: b, nodes: nodes, bomLength: tape.bomLength)
                let decoder = BoardDecoder(reader: r, path: "b.json", now: Fixtures.now)
                guard let array = decoder.member(0, "deals") else { return 0 }
                var fast = 0
                var k = array + 1, index = 0
                while k < Int(r[array].end) {
                    let o = FastDealTests.compare(
                        b, at: Int(r[k].start), "\(what), deal \(index)", file: file, line: line)
                    if o.outcome == .fast { fast += 1 }
                    k = r.next(k); index += 1
                }
                return fast
            }
        }
    }

    /// The board read with the fast path, without it, and from one whole tape: the same board.
    /// How many deals the fast path read.
    static func decodeAllWays(_ bytes: [UInt8], _ what: String, file: StaticString = #filePath, line: UInt = #line)
        -> DealCounts
    {
        bytes.withUnsafeBufferPointer { b in
            func read(streaming: Bool, fast: Bool) -> (String, DealCounts) {
                do throws(LoadError) {
                    let r = try BoardDocument.decodeCounting(
                        bytes: b, path: "b.json", now: Fixtures.now, streaming: streaming, fast: fast)
                    return ("\(r.board.hashValue) \(r.board.deals.count)", r.counts)
                } catch {
                    return ("\(error.line ?? 0):\(error.column ?? 0) \(error.message)", DealCounts())
                }
            }
            let (withFast, counts) = read(streaming: true, fast: true)
            XCTAssertEqual(withFast, read(streaming: true, fast: false).0, what, file: file, line: line)
            XCTAssertEqual(withFast, read(streaming: false, fast: false).0, what, file: file, line: line)
            // The boards themselves (not only their hashes).
            let boards = [true, false].map { fast in
                try? BoardDocument.decode(bytes: b, path: "b.json", now: Fixtures.now, streaming: true, fast: fast)
            }
            XCTAssertTrue(boards[0] == boards[1], "\(what): the boards differ", file: file, line: line)
            return counts
        }
    }

    static func demoBoards() -> [(String, Board)] {
        let now = Fixtures.now
        return [
            ("the demo", Demo.board(now: now, today: now.utcDay)),
            ("the French demo", Language.with(.french) { Demo.board(now: now, today: now.utcDay) }),
            ("a generated board", PerformanceTests.bigBoard(deals: 1_500)),
        ]
    }

    func testEveryDealOfPipedecksOwnBoardsIsReadByTheFastPath() {
        for (name, board) in FastDealTests.demoBoards() {
            let bytes = BoardDocument.encodeBytes(board)
            XCTAssertEqual(FastDealTests.compareDeals(bytes, name), board.deals.count, name)
            let counts = FastDealTests.decodeAllWays(bytes, name)
            XCTAssertEqual(counts, DealCounts(fast: board.deals.count, fellBack: 0), name)
        }
    }

    /// The rich fixture has unknown fields in a deal, its activity, its qualification and its
    /// history: that deal falls back, the others are read fast, and the boards are the same.
    func testDealsWithUnknownFieldsFallBackAndReadTheSame() {
        let board = Fixtures.richBoard()
        let bytes = BoardDocument.encodeBytes(board)
        XCTAssertEqual(FastDealTests.compareDeals(bytes, "rich board"), 2)
        XCTAssertEqual(FastDealTests.decodeAllWays(bytes, "rich board"), DealCounts(fast: 2, fellBack: 1))
        var plain = board
        plain.deals[0].extra = [:]
        XCTAssertEqual(
            FastDealTests.decodeAllWays(BoardDocument.encodeBytes(plain), "rich board").fast, 2,
            "still an unknown field inside")
        plain.deals[0].activities[1].extra = [:]
        plain.deals[0].qualification?.extra = [:]
        plain.deals[0].history[1].extra = [:]
        XCTAssertEqual(
            FastDealTests.decodeAllWays(BoardDocument.encodeBytes(plain), "rich board"),
            DealCounts(fast: 3, fellBack: 0))
    }

    /// Notes edits in the history are read fast; a merge's note is left to the schema's reader.
    func testHistoryNotesAndMergeNotes() {
        var board = PerformanceTests.bigBoard(deals: 6)
        let at = Fixtures.now
        board.deals[1].history.append(HistoryEntry(at: at, stage: board.deals[1].stage, notes: NotesEdit(length: 42)))
        board.deals[2].history.append(
            HistoryEntry(
                at: at, stage: board.deals[2].stage,
                merge: MergeNote(kind: .conflict, field: "value", kept: .number("10"), lost: .number("12.5"))))
        let bytes = BoardDocument.encodeBytes(board)
        XCTAssertEqual(FastDealTests.compareDeals(bytes, "notes and merge notes"), 5)
        XCTAssertEqual(FastDealTests.decodeAllWays(bytes, "notes and merge notes"), DealCounts(fast: 5, fellBack: 1))
    }

    /// A board over `DealStream.twoCoresAbove` is read on two cores, both with the fast path.
    func testBothCoresReadFast() {
        let bytes = TwoCoreDecodeTests.big
        let counts = FastDealTests.decodeAllWays(bytes, "big board")
        XCTAssertEqual(counts, DealCounts(fast: 2_200, fellBack: 0))
        let ahead = bytes.withUnsafeBufferPointer { b in
            let s = DealStream(bytes: b, path: "b.json", now: Fixtures.now)
            _ = try? JSONTapeParser.parse(b, sink: s)
            return s.takenAhead
        }
        XCTAssertGreaterThan(ahead, 500)
    }
}

extension FastDealTests {
    /// The fast path's fields are its schemas' fields, by name and in order (its key tables
    /// check only their number), and it starts from the schemas' blank objects.
    func testTheFastPathKnowsTheSchemasFields() {
        func names<F: CaseIterable>(_ f: F.Type) -> [String] { F.allCases.map { "\($0)" } }
        func keys<R>(_ s: Schema<R>) -> [String] { s.keyBytes.map { String(decoding: $0, as: UTF8.self) } }
        XCTAssertEqual(names(DealField.self), keys(DealSchema.deal))
        XCTAssertEqual(names(ActivityField.self), keys(DealSchema.activity))
        XCTAssertEqual(names(HistoryField.self), keys(DealSchema.historyEntry))
        XCTAssertEqual(names(QualificationField.self), keys(DealSchema.qualification))
        XCTAssertEqual(names(NotesEditField.self), keys(DealSchema.notesEdit))
        XCTAssertEqual(FastDealReader.blankDeal(), DealSchema.deal.blank)
        XCTAssertEqual(
            Activity(id: "", type: .task, subject: "", createdAt: Timestamp(seconds: 0)), DealSchema.activity.blank)
        XCTAssertEqual(HistoryEntry(at: Timestamp(seconds: 0), from: nil, to: ""), DealSchema.historyEntry.blank)
        XCTAssertEqual(Qualification(), DealSchema.qualification.blank)
    }
}

extension FastDealTests {
    /// The other core checks its own deals' ids against each other and stops at one given twice;
    /// this side checks them against its own. A repeated id in either half or across them, or a
    /// deal that does not read in the second half, is said as a whole read says it.
    func testIDsGivenTwiceInTheSecondHalfAreSaidAsBefore() {
        let text = String(decoding: TwoCoreDecodeTests.big, as: UTF8.self)
        let ids = PerformanceTests.bigBoard(deals: 2_200).deals.map(\.id)
        func with(_ later: Int, idOf earlier: Int) -> [UInt8] {
            Array(text.replacingOccurrences(of: "\"id\": \"\(ids[later])\"", with: "\"id\": \"\(ids[earlier])\"").utf8)
        }
        for (later, earlier) in [(2_000, 1_800), (1_900, 1_899), (2_150, 30), (1_200, 1_150)] {
            let counts = FastDealTests.decodeAllWays(with(later, idOf: earlier), "deal \(later) with \(earlier)'s id")
            XCTAssertEqual(counts, DealCounts(), "refused, so nothing counted")
        }
        // A deal of the second half that does not read: the first half is taken from the other
        // core up to it.
        let broken = text.replacingOccurrences(of: "\"id\": \"\(ids[2_100])\"", with: "\"id\": 7")
        XCTAssertEqual(FastDealTests.decodeAllWays(Array(broken.utf8), "deal 2100 without an id"), DealCounts())
    }
}
