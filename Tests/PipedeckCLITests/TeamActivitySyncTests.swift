import Foundation
import PipedeckCore
import PipedeckStorage
import XCTest

@testable import PipedeckCLI

/// A deal's activities edited in two clones at once: merged by id and field by field, the later
/// change winning a field both changed (the other value in the deal's history), an activity added
/// on each side kept, and the commits and `team log` saying what happened in sales words.
final class TeamActivitySyncTests: TeamTestCase {
    static func call(_ subject: String, at minutes: Int) -> Activity {
        Activity(
            id: "call01", type: .call, subject: subject, due: Day.parse("2026-12-05"),
            createdAt: TeamTestCase.start.adding(seconds: Int64(60 * minutes)))
    }

    func testConcurrentActivityEditsOnTwoClonesAllArrive() throws {
        let a = try founder(), b = try join("Julien")
        try apply(a, at: 1, .addActivity(dealID: "d01lea", TeamActivitySyncTests.call("Call back", at: 1)))
        try sync(a)
        try sync(b)
        XCTAssertEqual(try board(b).deal("d01lea")?.activity("call01")?.subject, "Call back")

        // Camille renames the call and marks it done with its outcome (minute 10)…
        var renamed = TeamActivitySyncTests.call("Call the CEO", at: 1)
        try apply(
            a, at: 10, .updateActivity(dealID: "d01lea", renamed),
            .completeActivity(dealID: "d01lea", activityID: "call01", outcome: "Wants a discount"))
        // …while Julien renames it too and sets its time (minute 12, later), and plans a meeting.
        renamed = TeamActivitySyncTests.call("Call the CFO", at: 1)
        renamed.time = TimeOfDay(hour: 14, minute: 30)
        let meeting = Activity(
            id: "meet01", type: .meeting, subject: "Demo", due: Day.parse("2026-12-09"),
            createdAt: TeamTestCase.start.adding(seconds: 60 * 13))
        try apply(
            b, at: 12, .updateActivity(dealID: "d01lea", renamed), .addActivity(dealID: "d01lea", meeting))

        let sentA = try sync(a)
        XCTAssertEqual(sentA.committed, "Done call for Website redesign")
        let r = try sync(b)
        XCTAssertEqual(r.conflicts.map(\.id), ["d01lea"])
        let merged = try settle([a, b])
        let d = try XCTUnwrap(merged.deal("d01lea"))
        let call = try XCTUnwrap(d.activity("call01"))
        XCTAssertTrue(call.done, "Camille's completion")
        XCTAssertEqual(call.outcome, "Wants a discount")
        XCTAssertEqual(call.time, TimeOfDay(hour: 14, minute: 30), "Julien's time")
        XCTAssertEqual(call.subject, "Call the CFO", "the later rename")
        XCTAssertEqual(d.activity("meet01"), meeting, "the meeting planned meanwhile")
        XCTAssertEqual(d.activities.filter { $0.id == "call01" }.count, 1)
        let note = try XCTUnwrap(d.history.last?.merge)
        XCTAssertEqual(note.field, "activities.subject")
        XCTAssertEqual(note.kept, .string("Call the CFO"))
        XCTAssertEqual(note.lost, .string("Call the CEO"))
        XCTAssertEqual(note.keptBy, "Julien")
        XCTAssertEqual(note.lostBy, "Camille")
        XCTAssertEqual(
            Strings.Changes.note(note, deal: d, board: merged, locale: "en_US"),
            "conflict: activity subject Call the CEO (Camille) replaced by Call the CFO (Julien)")

        // What each side was told, in words.
        let words = ChangeWords(board: merged, locale: "en_US")
        let julien = try XCTUnwrap(r.received.deals.first { $0.id == "d01lea" })
        XCTAssertTrue(words.line(julien).contains("done: call “Call the CFO”"), words.line(julien))
        let log = git(b.folder, "log", "--format=%s").text.split(separator: "\n").map(String.init)
        XCTAssertTrue(log.contains("Edit Website redesign (activities)"), "\(log)")
    }
}

extension Deal {
    func activity(_ id: String) -> Activity? { activities.first { $0.id == id } }
}
