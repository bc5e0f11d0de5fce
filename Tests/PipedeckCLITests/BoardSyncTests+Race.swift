import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage
import PipedeckTestSupport
import XCTest

@testable import PipedeckCLI
@testable import PipedeckUI

/// Keys pressed just after a change made elsewhere, the losing side of a conflict, and command-line
/// writers racing the open board.
extension BoardSyncTests {
    // MARK: Keys after a change made elsewhere, the losing side of a conflict, racing writers

    /// Another program moves the selected deal and puts a new deal before it in its old column;
    /// then a key arrives. The key was meant for the board as it was: it is not applied (it would
    /// move the deal a second time), the new board is what the screen shows, the selection is
    /// still on the same deal, and the next key acts normally.
    func testAKeyThatArrivesWithAChangeMadeElsewhereIsNotApplied() throws {
        var (sync, state) = try open()
        defer { sync.close() }
        XCTAssertEqual(state.selectedDeal?.id, "d01lea")
        try editOnDisk { b in
            b = try! b.apply(.move(id: "d01lea", toStage: "qualification"), at: BoardSyncTests.now).board
            var intruder = b.newDeal(title: "Intruder", value: Money(units: 1), stage: "lead", at: BoardSyncTests.now)
            intruder.rank = -1
            b.deals.append(intruder)
        }
        XCTAssertFalse(press(.char("L"), sync, &state), "the key was applied to a board the person had not seen")
        XCTAssertEqual(stage("d01lea", in: state.board), "qualification")
        XCTAssertEqual(stage("d01lea", in: try BoardFile.load(path: path)), "qualification", "moved once, not twice")
        XCTAssertEqual(state.selectedDeal?.id, "d01lea", "the selection stays on the same deal")
        XCTAssertTrue(
            state.message?.text.contains("your key was not used") ?? false, "\(String(describing: state.message))")
        // Now the screen shows it: keys act again.
        XCTAssertTrue(press(.char("L"), sync, &state))
        sync.finish(&state)
        XCTAssertEqual(stage("d01lea", in: try BoardFile.load(path: path)), "needs")
        // A screen where keys do not act on deals (help) keeps its keys.
        press(.char("?"), sync, &state)
        try editOnDisk { b in b.deals[b.dealIndex("d05qua")!].title = "Renamed" }
        XCTAssertTrue(press(.down, sync, &state))
    }

    /// Two boards change the same deal: A moves it and saves first; B, not having seen that,
    /// marks it won a second later and saves second — B's change is the later one, it wins and B
    /// is told. A, when it reloads, is told that its change was replaced; the deal's history has
    /// both changes in time order and a note of what was replaced.
    func testTheSideWhoseChangeLostIsToldWhatWasReplaced() throws {
        var (a, stateA) = try open()
        var (b, stateB) = try open()
        defer { a.close(); b.close() }
        press(.char("L"), a, &stateA)
        a.finish(&stateA)
        XCTAssertEqual(stateA.saveState, .saved)
        // The later change wins: B's comes in the next second of the clock.
        let moved = try XCTUnwrap(stateA.board.deal("d01lea")?.updatedAt)
        XCTAssertTrue(Poll.until { Timestamp.now() > moved })
        // B's key is applied without B looking at the file first (it arrived at that moment).
        b.send(.key(.char("w")), &stateB)
        b.finish(&stateB)
        XCTAssertTrue(
            stateB.message?.text.contains("changed on both sides, yours was later and is kept: “Website redesign”")
                ?? false,
            "\(String(describing: stateB.message))")
        let disk = try BoardFile.load(path: path)
        XCTAssertEqual(disk.deal("d01lea")?.status, .won)
        XCTAssertTrue(a.idle(&stateA))
        XCTAssertEqual(stateA.board, disk)
        let said = stateA.message?.text ?? ""
        XCTAssertTrue(said.hasPrefix(SyncText.reloaded), said)
        XCTAssertTrue(said.contains("your change was replaced elsewhere: “Website redesign”"), said)
        XCTAssertTrue(stateA.message?.isError ?? false)
        // The history: moved to Qualification (A), then won from Lead (B), then the note.
        let history = try XCTUnwrap(disk.deal("d01lea")?.history)
        let moves = history.filter(\.isMove)
        XCTAssertEqual(moves.suffix(2).map(\.to), ["qualification", disk.deal("d01lea")!.stage])
        XCTAssertEqual(moves.last?.status, .won)
        XCTAssertEqual(history.last?.merge?.field, "stage")
        XCTAssertEqual(history.last?.merge?.lost, .string("qualification"))
        // A later reload with nothing of A's replaced says just "reloaded".
        try editOnDisk { b in b.deals[b.dealIndex("d05qua")!].title = "Renamed elsewhere" }
        XCTAssertTrue(a.idle(&stateA))
        XCTAssertEqual(stateA.message?.text, SyncText.reloaded)
    }

    /// A command-line edit of one deal at the same moment as a move in the open board, a hundred
    /// times: the board merges (or reloads), neither change is ever lost.
    func testCommandLineEditsRacingTheBoardsMovesLoseNothing() throws {
        var (sync, state) = try open()
        defer { sync.close() }
        let template = try EditCommand.parse(["d05qua", "--title", "?", "--file", path])
        // Standard output is silenced while the commands run (they print what they did), and
        // XCTest reports there: the problems are collected and asserted afterwards.
        var problems: [String] = []
        try silencingStandardOutput { problems = try race(template, sync, &state) }
        XCTAssertEqual(problems, [])
    }

    func race(_ template: EditCommand, _ sync: BoardSync, _ state: inout AppState) throws -> [String] {
        var expected = "lead"
        for i in 0..<100 {
            var command = template
            command.title = "Command edit \(i)"
            let edit = command
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var failure: (any Error)?
            Thread {
                do { try edit.run() } catch { failure = error }
                done.signal()
            }.start()
            let key: Key = expected == "lead" ? .char("L") : .char("H")
            if press(key, sync, &state) { expected = expected == "lead" ? "qualification" : "lead" }
            done.wait()
            sync.finish(&state)
            _ = sync.idle(&state)
            sync.finish(&state)
            let disk = try BoardFile.load(path: path)
            var problems: [String] = []
            if let failure { problems.append("round \(i): the command failed: \(failure)") }
            if disk.deal("d05qua")?.title != "Command edit \(i)" {
                problems.append("round \(i): the command's edit was lost")
            }
            if disk.deal("d01lea")?.stage != expected { problems.append("round \(i): the board's move was lost") }
            if state.board != disk { problems.append("round \(i): the screen does not show the file") }
            if !problems.isEmpty { return problems }
        }
        return []
    }
}
