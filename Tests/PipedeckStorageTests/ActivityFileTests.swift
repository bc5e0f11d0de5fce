import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// Activities in the file: version 1's next actions migrated, every field of an activity read
/// back and merged, activities merged by id.
final class ActivityFileTests: XCTestCase {
    static func ts(_ s: String) -> Timestamp { Timestamp.parse(s)! }

    /// A board as the version before activities wrote it: one deal with an open next action
    /// (with a field of another tool's inside it), one with a done one, one with none.
    static let versionOne = """
        {
          "currency": "EUR",
          "deals": [
            {
              "createdAt": "2026-11-01T09:00:00Z",
              "history": [
                {
                  "at": "2026-11-01T09:00:00Z",
                  "to": "lead"
                }
              ],
              "id": "open01",
              "nextAction": {
                "done": false,
                "due": "2026-12-02",
                "priority": "high",
                "text": "Send the revised quote"
              },
              "owner": "Camille",
              "rank": 0,
              "stage": "lead",
              "stageEnteredAt": "2026-11-01T09:00:00Z",
              "status": "open",
              "title": "Open next action",
              "updatedAt": "2026-11-20T10:00:00Z",
              "value": 1000
            },
            {
              "createdAt": "2026-11-02T09:00:00Z",
              "history": [],
              "id": "done01",
              "nextAction": {
                "done": true,
                "text": "Kick-off call"
              },
              "rank": 1,
              "stage": "lead",
              "stageEnteredAt": "2026-11-02T09:00:00Z",
              "status": "open",
              "title": "Done next action",
              "updatedAt": "2026-11-25T16:30:00Z",
              "value": 2000
            },
            {
              "createdAt": "2026-11-03T09:00:00Z",
              "history": [],
              "id": "none01",
              "rank": 2,
              "stage": "lead",
              "stageEnteredAt": "2026-11-03T09:00:00Z",
              "status": "open",
              "title": "Nothing planned",
              "updatedAt": "2026-11-03T09:00:00Z",
              "value": 3000
            }
          ],
          "name": "Before activities",
          "settings": {
            "lostReasons": []
          },
          "stages": [
            {
              "id": "lead",
              "kind": "open",
              "name": "Lead",
              "probability": 10,
              "rotDays": 0
            }
          ],
          "version": 1
        }

        """

    func testAVersionOneFileGainsTheNewShapeAndRoundTrips() throws {
        let board = try Fixtures.decode(ActivityFileTests.versionOne)
        XCTAssertEqual(board.version, 2)
        let open = try XCTUnwrap(board.deal("open01"))
        XCTAssertEqual(
            open.activities,
            [
                {
                    var a = Activity(
                        id: "open01-next", type: .task, subject: "Send the revised quote", due: Day.parse("2026-12-02"),
                        owner: "Camille", createdAt: ActivityFileTests.ts("2026-11-20T10:00:00Z"))
                    a.extra = ["priority": .string("high")]
                    return a
                }()
            ])
        XCTAssertEqual(open.nextActivity?.subject, "Send the revised quote", "the next action is still the next action")
        XCTAssertEqual(open.extra, [:], "nextAction is not kept as an unknown field")
        let done = try XCTUnwrap(board.deal("done01"))
        XCTAssertEqual(done.activities.count, 1)
        XCTAssertEqual(done.activities[0].subject, "Kick-off call")
        XCTAssertTrue(done.activities[0].done, "a done next action is a logged activity")
        XCTAssertNil(done.activities[0].doneAt, "when it was done was never written down")
        XCTAssertNil(done.nextActivity, "nothing planned: the card says no step, as before")
        XCTAssertEqual(board.deal("none01")?.activities, [])

        // Written: version 2, activities instead of nextAction; read again: the same board and,
        // written again, the same bytes.
        let written = Fixtures.encodeString(board)
        XCTAssertTrue(written.contains("\"version\": 2\n"))
        XCTAssertFalse(written.contains("nextAction"))
        XCTAssertTrue(written.contains("\"id\": \"open01-next\""))
        XCTAssertTrue(written.contains("\"priority\": \"high\""), "its unknown field went with it")
        let again = try Fixtures.decode(written)
        XCTAssertEqual(again, board)
        XCTAssertEqual(Fixtures.encodeString(again), written)
        // The deal without a next action is written as it was (no empty activities list).
        let none = written[written.range(of: "\"id\": \"none01\"")!.lowerBound...]
        XCTAssertFalse(none.prefix(200).contains("activities"))
    }

    /// A next action of version 1 holding unknown fields named like an activity's own (`id`,
    /// `type`, `owner`): they cannot follow it (they would be written twice and read back as
    /// something else); its other unknown fields do. Found by the random-document test.
    func testANextActionsUnknownFieldsNamedLikeAnActivitysAreDropped() throws {
        let text = ActivityFileTests.versionOne.replacingOccurrences(
            of: "\"priority\": \"high\",",
            with: "\"id\": {\"x\": 1}, \"owner\": 5, \"priority\": \"high\", \"type\": \"call\",")
        let board = try Fixtures.decode(text)
        let a = try XCTUnwrap(board.deal("open01")?.activities.first)
        XCTAssertEqual(a.id, "open01-next")
        XCTAssertEqual(a.type, .task)
        XCTAssertEqual(a.owner, "Camille")
        XCTAssertEqual(a.extra, ["priority": .string("high")])
        let written = Fixtures.encodeString(board)
        XCTAssertEqual(try Fixtures.decode(written), board, "saved and read again, the same board")
    }

    /// Two copies of a version 1 board migrated apart give the same activity: their changes merge.
    func testTwoCopiesMigratedApartMergeTheirChanges() throws {
        let base = try Fixtures.decode(ActivityFileTests.versionOne)
        var mine = try Fixtures.decode(ActivityFileTests.versionOne)
        var theirs = try Fixtures.decode(ActivityFileTests.versionOne)
        mine.deals[0].activities[0].time = TimeOfDay(hour: 14, minute: 30)
        theirs.deals[0].activities[0].outcome = "Sent early"
        theirs.deals[0].activities[0].done = true
        let merged = BoardMerge.merge(base: base, mine: mine, theirs: theirs)
        XCTAssertTrue(merged.report.isClean)
        XCTAssertEqual(merged.board.deals[0].activities.count, 1)
        let a = merged.board.deals[0].activities[0]
        XCTAssertEqual(a.time, TimeOfDay(hour: 14, minute: 30))
        XCTAssertEqual(a.outcome, "Sent early")
        XCTAssertTrue(a.done)
    }

    /// A `nextAction` in a file of version 2 is another tool's field: kept as it is, not read.
    func testANextActionInAVersionTwoFileIsAnUnknownField() throws {
        let text = ActivityFileTests.versionOne.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2")
        let board = try Fixtures.decode(text)
        XCTAssertEqual(board.deal("open01")?.activities, [])
        XCTAssertNotNil(board.deal("open01")?.extra["nextAction"])
        // Written back unchanged but for the layout: what is inside a deal's members on one line.
        let relaid =
            text
            .replacingOccurrences(
                of: "{\n          \"at\": \"2026-11-01T09:00:00Z\",\n          \"to\": \"lead\"\n        }",
                with: "{\"at\": \"2026-11-01T09:00:00Z\", \"to\": \"lead\"}"
            )
            .replacingOccurrences(
                of: "{\n        \"done\": false,\n        \"due\": \"2026-12-02\",\n        \"priority\": \"high\",\n"
                    + "        \"text\": \"Send the revised quote\"\n      }",
                with:
                    "{\"done\": false, \"due\": \"2026-12-02\", \"priority\": \"high\", \"text\": \"Send the revised quote\"}"
            )
            .replacingOccurrences(
                of: "{\n        \"done\": true,\n        \"text\": \"Kick-off call\"\n      }",
                with: "{\"done\": true, \"text\": \"Kick-off call\"}")
        XCTAssertEqual(
            relaid.components(separatedBy: "\n").count, text.components(separatedBy: "\n").count - 11,
            "three objects relaid")
        XCTAssertEqual(Fixtures.encodeString(board), relaid, "written back unchanged")
        // The same with the version written after the deals (the deals are streamed before it
        // is read): still not read as a next action.
        var moved = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        moved["version"] = nil
        let body = String(
            decoding: try JSONSerialization.data(withJSONObject: moved, options: [.sortedKeys]), as: UTF8.self)
        let late = String(body.dropLast()) + ", \"version\": 2}"
        XCTAssertTrue(late.range(of: "\"deals\"")!.lowerBound < late.range(of: "\"version\"")!.lowerBound)
        let again = try Fixtures.decode(late)
        XCTAssertEqual(again.deal("open01")?.activities, [])
        XCTAssertNotNil(again.deal("open01")?.extra["nextAction"])
        // And a version 1 file written that way (keys in order, as Pipedeck wrote it): migrated.
        let old = try Fixtures.decode(String(body.dropLast()) + ", \"version\": 1}")
        XCTAssertEqual(old.deal("open01")?.activities.map(\.id), ["open01-next"])
        XCTAssertNil(old.deal("open01")?.extra["nextAction"])
    }

    func testBadActivitiesAreRefusedWithTheirPlace() {
        func message(_ activity: JSONValue) -> String? {
            Fixtures.loadError(Fixtures.editDeal(0, "activities", .array([activity])))?.message
        }
        let good: [String: JSONValue] = [
            "id": .string("a1"), "type": .string("call"), "subject": .string("Call"),
            "createdAt": .string("2026-11-01T09:00:00Z"),
        ]
        func with(_ key: String, _ value: JSONValue?) -> JSONValue {
            var o = good
            o[key] = value
            return .object(o)
        }
        XCTAssertEqual(
            message(with("type", .string("lunch"))),
            "pipeline.json: deal \"k7q2mx\": field \"activities[0].type\": expected \"call\", \"meeting\", \"email\", \"task\" or \"deadline\", found \"lunch\""
        )
        XCTAssertEqual(
            message(with("time", .string("9h"))),
            "pipeline.json: deal \"k7q2mx\": field \"activities[0].time\": expected a time of day as HH:MM, found \"9h\""
        )
        XCTAssertEqual(
            message(with("duration", .number("0"))),
            "pipeline.json: deal \"k7q2mx\": field \"activities[0].duration\": expected a whole number of minutes from 1 to 1440, found 0"
        )
        XCTAssertEqual(
            message(with("subject", nil)), "pipeline.json: deal \"k7q2mx\": field \"activities[0].subject\" is missing")
        XCTAssertEqual(
            message(with("doneAt", .string("yesterday"))),
            "pipeline.json: deal \"k7q2mx\": field \"activities[0].doneAt\": expected a date and time as YYYY-MM-DDTHH:MM:SSZ, found \"yesterday\""
        )
    }

    // MARK: Every field of an activity

    func testEveryActivityFieldIsReadBackAndMerged() throws {
        let sample = SchemaTests.activity()
        let fields = DealSchema.activity.fields
        XCTAssertEqual(Set(SchemaTests.activityChanges.keys), Set(fields.map(\.key)), "a change for every field")
        func board(_ a: Activity) -> Board {
            var b = Template.standard.board(name: "A", currency: "EUR")
            var d = Deal(id: "d1", title: "D", value: .zero, stage: "lead", createdAt: a.createdAt)
            d.activities = [a]
            b.deals = [d]
            return b
        }
        for f in fields {
            guard let change = SchemaTests.activityChanges[f.key] else { continue }
            var changed = sample
            change(&changed)
            XCTAssertFalse(f.same(changed, sample), "\(f.key): the change changes it")
            let read = try BoardDocument.decode(BoardDocument.encode(board(changed)), path: "a.json")
            XCTAssertEqual(read.deals[0].activities, [changed], "\(f.key) is read back")
            guard f.key != "id" else { continue }
            // A change here and one elsewhere to another field of the same activity both stay.
            let other = f.key == "subject" ? "outcome" : "subject"
            var elsewhere = sample
            SchemaTests.activityChanges[other]!(&elsewhere)
            for (m, t) in [(changed, elsewhere), (elsewhere, changed)] {
                let merged = BoardMerge.merge(base: board(sample), mine: board(m), theirs: board(t))
                XCTAssertTrue(merged.report.isClean, f.key)
                let a = merged.board.deals[0].activities[0]
                XCTAssertTrue(f.same(a, changed), "\(f.key) survives a merge")
                XCTAssertTrue(DealSchema.activity.fields[DealSchema.activity.index(other)].same(a, elsewhere))
            }
        }
    }

    // MARK: Merging by id

    func deal(_ activities: [Activity]) -> Board {
        var b = Template.standard.board(name: "M", currency: "EUR")
        var d = Deal(
            id: "d1", title: "D", value: .zero, stage: "lead", createdAt: ActivityFileTests.ts("2026-11-01T00:00:00Z"))
        d.activities = activities
        b.deals = [d]
        return b
    }

    func call(_ id: String, _ subject: String = "Call") -> Activity {
        Activity(id: id, type: .call, subject: subject, createdAt: ActivityFileTests.ts("2026-11-02T00:00:00Z"))
    }

    func testActivitiesAddedOnBothSidesAreAllKept() {
        let base = deal([call("a")])
        let mine = deal([call("a"), call("mine")])
        let theirs = deal([call("a"), call("theirs")])
        let m = BoardMerge.merge(base: base, mine: mine, theirs: theirs)
        // In time order; added at the same time: by id, the same order in every clone.
        XCTAssertEqual(m.board.deals[0].activities.map(\.id), ["a", "mine", "theirs"])
        XCTAssertTrue(m.report.isClean)
    }

    /// The same field of one activity changed on both sides: the later change wins (the deal's
    /// `updatedAt`), whichever side it is on, and the other value is in the deal's history.
    func testTheSameFieldChangedOnBothSidesKeepsTheLaterAndRecordsTheOther() throws {
        let base = deal([call("a", "Call")])
        var mine = deal([call("a", "Call the CFO")])
        var theirs = deal([call("a", "Call the CEO")])
        mine.deals[0].updatedAt = ActivityFileTests.ts("2026-11-03T10:00:00Z")
        theirs.deals[0].updatedAt = ActivityFileTests.ts("2026-11-03T09:00:00Z")
        for (m, t, mineLater) in [(mine, theirs, true), (theirs, mine, false)] {
            let merged = BoardMerge.merge(base: base, mine: m, theirs: t)
            XCTAssertEqual(merged.board.deals[0].activities.map(\.subject), ["Call the CFO"])
            XCTAssertEqual(merged.report.conflicts, ["D"])
            XCTAssertEqual(merged.report.replacedHere, mineLater ? [] : ["D"])
            let note = try XCTUnwrap(merged.board.deals[0].history.last?.merge)
            XCTAssertEqual(note.field, "activities.subject")
            XCTAssertEqual(note.kept, .string("Call the CFO"))
            XCTAssertEqual(note.lost, .string("Call the CEO"))
        }
    }

    func testDeletedOnOneSideAndChangedOnTheOtherIsKeptChanged() {
        let base = deal([call("a"), call("b")])
        var changed = call("a")
        changed.done = true
        // Mine deleted a (and kept b); theirs completed a.
        let m1 = BoardMerge.merge(base: base, mine: deal([call("b")]), theirs: deal([changed, call("b")]))
        XCTAssertEqual(m1.board.deals[0].activities, [changed, call("b")])
        // Mine completed a; theirs deleted it.
        let m2 = BoardMerge.merge(base: base, mine: deal([changed, call("b")]), theirs: deal([call("b")]))
        XCTAssertEqual(m2.board.deals[0].activities.map(\.id), ["a", "b"], "kept in its place")
        // Deleted on one side and untouched on the other: gone.
        let m3 = BoardMerge.merge(base: base, mine: deal([call("b")]), theirs: deal([call("a"), call("b"), call("c")]))
        XCTAssertEqual(m3.board.deals[0].activities.map(\.id), ["b", "c"])
    }
}
