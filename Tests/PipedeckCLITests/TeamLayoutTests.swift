import Foundation
import PipedeckCore
import PipedeckStorage
import PipedeckTestSupport
import XCTest

@testable import PipedeckCLI

/// A team whose board file is in the layout written before (every member of every object on its
/// own line, as older Pipedecks write it): the merge driver and `pipedeck sync` write today's
/// layout, and a teammate on an older Pipedeck still merges deal by deal (docs/team.md).
final class TeamLayoutTests: TeamTestCase {
    /// `bytes` in the former layout.
    func former(_ bytes: [UInt8]) throws -> [UInt8] {
        Array(JSONWriter.write(try bytes.withUnsafeBufferPointer { try JSONParser.parse(bytes: $0) }))
    }

    func former(_ board: Board) throws -> [UInt8] { try former(BoardDocument.encodeBytes(board)) }

    func write(_ bytes: [UInt8], _ path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    func read(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// The board file at HEAD.
    func committed(_ c: Clone) -> [UInt8] { git(c.folder, "cat-file", "blob", "HEAD:pipeline.json").out }

    /// Today's layout: what encoding the board read from the bytes gives.
    func assertInTodaysLayout(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        let board = try BoardDocument.decode(bytes: bytes, path: "p.json")
        let have = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        let want = String(decoding: BoardDocument.encodeBytes(board), as: UTF8.self).split(separator: "\n")
        let at =
            zip(have, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(have.count, want.count)
        XCTAssertEqual(
            have.count == want.count && at == have.count ? nil : "line \(at + 1): \(have.dropFirst(at).first ?? "")",
            nil, "today's layout", file: file, line: line)
        XCTAssertTrue(BoardDocument.mayBeInCurrentLayout(bytes), file: file, line: line)
    }

    func testTheMergeDriverWritesTodaysLayoutFromSidesInTheFormerOne() throws {
        let base = Demo.board(now: TeamTestCase.start, today: TeamTestCase.start.utcDay)
        let ours = try base.apply(.shift(id: "d01lea", by: 1), at: TeamTestCase.start.adding(seconds: 60)).board
        let theirs = try base.apply(.markWon(id: "d18clo"), at: TeamTestCase.start.adding(seconds: 60)).board
        let (b, o, t) = (dir + "/base", dir + "/ours", dir + "/theirs")
        try write(former(base), b); try write(former(ours), o); try write(former(theirs), t)
        XCTAssertFalse(BoardDocument.mayBeInCurrentLayout(try read(o)))
        let r = try ProcessRun.run(PipedeckBinary.url!, ["merge", b, o, t, "pipeline.json"], environment: environment)
        XCTAssertEqual(r.status, 0, r.stderr)
        let merged = try read(o)
        try assertInTodaysLayout(merged)
        let board = try BoardFile.load(path: o)
        XCTAssertEqual(board.deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(board.deal("d18clo")?.status, .won)
        XCTAssertTrue(
            String(decoding: merged, as: UTF8.self).contains(
                "        {\"at\": \"2026-12-02T10:01:00Z\", \"from\": \"lead\", \"to\": \"qualification\"}\n"))
    }

    /// A file changed by an older Pipedeck is stamped and committed whole in today's layout, not
    /// with the changed deals alone in it (`BoardDelta.splice`).
    func testASyncOfAFileInTheFormerLayoutCommitsItInTodaysLayout() throws {
        let a = try founder()
        try write(former(try read(a.board)), a.board)
        git(a.folder, "commit", "--quiet", "-am", "Written by an older Pipedeck")
        var b = try board(a)
        b = try b.apply(.shift(id: "d01lea", by: 1), at: TeamTestCase.start.adding(seconds: 60)).board
        try write(former(b), a.board)
        let result = try sync(a)
        XCTAssertEqual(result.committed, "Move Website redesign → Qualification")
        let head = committed(a)
        XCTAssertTrue(head == (try read(a.board)), "the file as committed")
        try assertInTodaysLayout(head)
        XCTAssertEqual(try board(a).deal("d01lea")?.updatedBy, "Camille")
    }

    /// A teammate whose older Pipedeck writes the former layout: the driver still merges deal by
    /// deal, and the file comes back in today's layout at the next sync here.
    func testATeammateOnAnOlderPipedeckStillMergesDealByDeal() throws {
        let a = try founder(), j = try join("Julien")
        var older = try board(j)
        older = try older.apply(.markWon(id: "d18clo"), at: TeamTestCase.start.adding(seconds: 60)).board
        try write(former(older), j.board)
        git(j.folder, "commit", "--quiet", "-am", "Won Renewal + 20 seats")
        git(j.folder, "push", "--quiet", "origin", "main")
        try apply(a, at: 2, .shift(id: "d01lea", by: 1))
        let result = try sync(a)
        XCTAssertEqual(result.received.deals.map(\.id), ["d18clo"])
        try assertInTodaysLayout(committed(a))
        let merged = try board(a)
        XCTAssertEqual(merged.deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(merged.deal("d18clo")?.status, .won)
        let settled = try settle([a, j])
        XCTAssertEqual(settled.deal("d18clo")?.status, .won)
        try assertInTodaysLayout(try read(j.board))
    }
}
