import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// Two versions of a board compared by their deals' bytes (`DealChunks`, `BoardDelta`): the
/// changes found this way are those found by decoding both boards whole, and what cannot be
/// compared safely is left to the whole decode.
final class BoardDeltaTests: XCTestCase {
    static let at = Timestamp.parse("2026-12-02T10:00:00Z")!

    func demo() -> Board { Demo.board(now: BoardDeltaTests.at, today: BoardDeltaTests.at.utcDay) }

    func bytes(_ b: Board) -> [UInt8] { BoardDocument.encodeBytes(b) }

    func apply(_ b: Board, _ actions: Action...) throws -> Board {
        var out = b
        for (i, a) in actions.enumerated() {
            out = try out.apply(a, at: BoardDeltaTests.at.adding(seconds: Int64(60 * (i + 1)))).board
        }
        return out
    }

    func assertSameChanges(
        _ old: Board, _ new: Board, deals: Int, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let d = try XCTUnwrap(BoardDelta(old: bytes(old), new: bytes(new), path: "p.json"), file: file, line: line)
        XCTAssertEqual(d.new.deals.count, deals, "only the deals that differ are decoded", file: file, line: line)
        XCTAssertEqual(d.new.stages, new.stages, file: file, line: line)
        XCTAssertEqual(
            BoardChanges(from: d.old, to: d.new), BoardChanges(from: old, to: new), file: file, line: line)
    }

    func testOneMoveDecodesOneDealOnEachSide() throws {
        let old = demo()
        let id = old.deals[3].id
        let new = try apply(old, .shift(id: id, by: 1))
        try assertSameChanges(old, new, deals: 1)
        let d = try XCTUnwrap(BoardDelta(old: bytes(old), new: bytes(new), path: "p.json"))
        XCTAssertEqual(d.old.deals.map(\.id), [id])
        XCTAssertEqual(d.new.deals.first, new.deal(id))
    }

    func testAddedDeletedAndEditedDealsAreAllFound() throws {
        let old = demo()
        var g = SeededRandom(seed: 3)
        var edited = old.deals[5]
        edited.value = Money(units: 123_456)
        edited.title = "Quote \" brace { bracket ] backslash \\ and “ü”"
        let added = old.newDeal(
            title: "New }] \"id\": \"x\"", value: Money(units: 10), at: BoardDeltaTests.at, random: &g)
        let new = try apply(
            old, .update(edited), .delete(id: old.deals[9].id), .add(added), .markWon(id: old.deals[0].id))
        try assertSameChanges(old, new, deals: 3)
        // And back again: the deleted deal is added, the added one deleted.
        try assertSameChanges(new, old, deals: 3)
    }

    func testNothingChangedDecodesNoDeal() throws {
        let b = demo()
        try assertSameChanges(b, b, deals: 0)
    }

    func testAChangeOutsideTheDealsIsLeftToTheWholeDecode() throws {
        let old = demo()
        var new = old
        new.stages[1].name = "Qualified"
        XCTAssertNil(BoardDelta(old: bytes(old), new: bytes(new), path: "p.json"))
        let found = try XCTUnwrap(BoardDelta.changes(old: bytes(old), new: bytes(new), path: "p.json"))
        XCTAssertEqual(found.changes, BoardChanges(from: old, to: new))
        XCTAssertEqual(found.board, new)
    }

    func testAnyLayoutIsFollowedAndOddFilesAreRefused() throws {
        let old = demo()
        let new = try apply(old, .shift(id: old.deals[2].id, by: 1))
        // The same boards written on one line: the structure is followed, not the layout.
        func compact(_ b: Board) -> [UInt8] {
            var out: [UInt8] = []
            var inString = false, escaped = false
            for c in bytes(b) {
                if inString {
                    if escaped {
                        escaped = false
                    } else if c == UInt8(ascii: "\\") {
                        escaped = true
                    } else if c == 0x22 {
                        inString = false
                    }
                } else if c == 0x22 {
                    inString = true
                } else if DealChunks.isSpace(c) {
                    continue
                }
                out.append(c)
            }
            return out
        }
        XCTAssertFalse(compact(old).contains(0x0A))
        let c = try XCTUnwrap(BoardDelta(old: compact(old), new: compact(new), path: "p.json"))
        XCTAssertEqual(BoardChanges(from: c.old, to: c.new), BoardChanges(from: old, to: new))
        XCTAssertEqual(c.new.deals.count, 1)

        for odd in [
            #"{"deals": {"a": 1}}"#, #"{"deals": [1, 2]}"#, #"{"deals": [{"title": "no id"}]}"#,
            #"{"deals": [{"id": 7}]}"#, #"{"deals": [{"id": "a", "id": "b"}]}"#, #"{"deals": [], "deals": []}"#,
            #"{"deals": [{"id": "a"}"#, #"{"deals": [{"id": "a"} {"id": "b"}]}"#, #"{"deals": [{"id": "a"},]}"#,
            #"{"deals": [,{"id": "a"}]}"#, #"{"deals": [{"id": "a"},,{"id": "b"}]}"#, #"{"name": "unterminated}"#,
            #"{"deals": [{"id": "a"}]}}"#, "",
        ] {
            XCTAssertNil(
                [UInt8](odd.utf8).withUnsafeBufferPointer { DealChunks($0) }, "no deals found in \(odd)")
        }
        // Two deals with the same id: compared whole (the decoder says what is wrong).
        let twice = #"{"deals": [{"id": "a"}, {"id": "a"}]}"#
        XCTAssertTrue(BoardDelta.partial(old: [UInt8](twice.utf8), new: [UInt8](twice.utf8)) == nil)
    }

    func testSplicedStampsAreTheBytesOfTheWholeBoardStamped() throws {
        let old = demo()
        let call = Activity(
            id: "c1", type: .call, subject: "Call back", due: Day.parse("2026-12-04"),
            createdAt: BoardDeltaTests.at)
        let new = try apply(
            old, .shift(id: old.deals[4].id, by: 1), .markWon(id: old.deals[11].id),
            .addActivity(dealID: old.deals[0].id, call))
        let d = try XCTUnwrap(BoardDelta(old: bytes(old), new: bytes(new), path: "p.json"))
        let stamped = d.new.stamped(since: d.old, by: "Julien")
        XCTAssertEqual(stamped.deals.map(\.updatedBy), ["Julien", "Julien", "Julien"])
        let spliced = try XCTUnwrap(BoardDelta.splice(bytes(new), chunks: d.chunks, with: stamped))
        XCTAssertEqual(spliced, bytes(new.stamped(since: old, by: "Julien")))
        // A deal that is not in the file cannot be spliced in.
        var stranger = stamped
        stranger.deals[0].id = "nowhere"
        XCTAssertNil(BoardDelta.splice(bytes(new), chunks: d.chunks, with: stranger))
    }

    /// A file in the layout older Pipedecks write is not spliced into (it would be left half in
    /// each layout): the sync writes it whole instead.
    func testAFileInTheFormerLayoutIsNotSplicedInto() throws {
        let old = demo()
        let new = try apply(old, .shift(id: old.deals[4].id, by: 1))
        func former(_ b: Board) throws -> [UInt8] {
            Array(JSONWriter.write(try bytes(b).withUnsafeBufferPointer { try JSONParser.parse(bytes: $0) }))
        }
        let d = try XCTUnwrap(BoardDelta(old: former(old), new: former(new), path: "p.json"))
        XCTAssertEqual(d.new.deals.count, 1)
        let stamped = d.new.stamped(since: d.old, by: "Julien")
        XCTAssertTrue(BoardDelta.splice(try former(new), chunks: d.chunks, with: stamped) == nil)
    }

    func decoded(_ b: [UInt8]) throws -> Board {
        try b.withUnsafeBufferPointer { try BoardDocument.decode(bytes: $0, path: "p.json", now: BoardDeltaTests.at) }
    }

    /// The merge driver makes each side from the common version and the deals that differ: the
    /// same board as the side decoded whole.
    func testASideMadeFromTheCommonVersionIsThatSideDecodedWhole() throws {
        let base = demo()
        var g = SeededRandom(seed: 5)
        var edited = base.deals[7]
        edited.notes = "Line one\nline two \"quoted\""
        let added = base.newDeal(title: "Added", value: Money(units: 700), at: BoardDeltaTests.at, random: &g)
        let side = try apply(
            base, .shift(id: base.deals[1].id, by: 2), .update(edited), .delete(id: base.deals[12].id), .add(added))
        let common = try decoded(bytes(base))
        let made = try XCTUnwrap(BoardDelta.board(bytes(side), from: common, bytes: bytes(base), path: "p.json"))
        XCTAssertEqual(made, try decoded(bytes(side)))
        XCTAssertEqual(BoardDocument.encodeBytes(made), bytes(side))
        // A stage renamed on that side: decoded whole.
        var renamed = side
        renamed.stages[0].name = "Leads"
        XCTAssertNil(BoardDelta.board(bytes(renamed), from: common, bytes: bytes(base), path: "p.json"))
    }
}
