import Foundation
import XCTest

/// `pipedeck activity`, `pipedeck log`, the contact options, the activities in `show`/`list`/
/// `agenda` JSON, the activities report and the CRMs' next-activity columns.
final class ActivityCommandTests: CLITestCase {
    func activities(_ id: String) -> [[String: Any]] { show(id)["activities"] as? [[String: Any]] ?? [] }

    func testPlanCompleteAndListActivities() throws {
        ok(["init", "--file", file])
        let id = add("ERP integration", ["--value", "42000", "--owner", "Julien"])
        let call = ok([
            "activity", "add", id, "--type", "call", "--subject", "Budget check", "--due", "2027-06-02", "--time",
            "14:30", "--duration", "30m", "--file", file,
        ]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(call.count, 8, "prints only the new activity's id: \(call)")
        let meeting = ok([
            "activity", "add", String(id.prefix(4)), "--type", "m", "--subject", "Demo", "--due", "2027-06-05 9h",
            "--owner", "Sarah", "--file", file,
        ]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var list = activities(id)
        XCTAssertEqual(list.map { $0["id"] as? String }, [call, meeting])
        XCTAssertEqual(list[0]["type"] as? String, "call")
        XCTAssertEqual(list[0]["time"] as? String, "14:30")
        XCTAssertEqual(list[0]["duration"] as? Int, 30)
        XCTAssertEqual(list[0]["owner"] as? String, "Julien", "the deal's owner")
        XCTAssertEqual(list[1]["owner"] as? String, "Sarah")
        XCTAssertEqual(list[1]["time"] as? String, "09:00", "a time in --due")
        let next = try XCTUnwrap(show(id)["nextAction"] as? [String: Any])
        XCTAssertEqual(next["text"] as? String, "Budget check")
        XCTAssertEqual(next["type"] as? String, "call")

        // Done, with what came of it; the next action is the meeting now.
        let r = ok(["activity", "done", String(call.prefix(5)), "--outcome", "Budget OK for Q1", "--file", file])
        XCTAssertEqual(r.stdout, "Done: call “Budget check” on \(id) “ERP integration”.\n")
        list = activities(id)
        XCTAssertEqual(list[0]["done"] as? Bool, true)
        XCTAssertEqual(list[0]["outcome"] as? String, "Budget OK for Q1")
        XCTAssertNotNil(list[0]["doneAt"] as? String)
        XCTAssertEqual((show(id)["nextAction"] as? [String: Any])?["text"] as? String, "Demo")
        let again = ok(["activity", "done", call, "--file", file])
        XCTAssertTrue(again.stdout.hasPrefix("Nothing changed:"), again.stdout)

        // The list: planned first, then done; filtered by type, owner and status.
        let table = ok(["activity", "list", "--file", file]).stdout
        let lines = table.split(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("ID"), table)
        XCTAssertTrue(lines[1].hasPrefix(meeting) && lines[1].contains("planned"), table)
        XCTAssertTrue(lines[2].hasPrefix(call) && lines[2].contains("done"), table)
        let calls = array(ok(["activity", "list", "--type", "call", "--json", "--file", file]).stdout)
        XCTAssertEqual(calls.map { $0["id"] as? String }, [call])
        XCTAssertEqual(calls.first?["deal"] as? String, id)
        let sarah = array(ok(["activity", "list", "--owner", "sarah", "--json", "--file", file]).stdout)
        XCTAssertEqual(sarah.map { $0["id"] as? String }, [meeting])
        let done = array(ok(["activity", "list", "--status", "done", "--json", "--file", file]).stdout)
        XCTAssertEqual(done.map { $0["id"] as? String }, [call])
        // show prints them.
        let text = ok(["show", id, "--file", file]).stdout
        XCTAssertTrue(text.contains("Activities") && text.contains("call · Budget check — Budget OK for Q1"), text)
    }

    func testLogInOneLine() {
        ok(["init", "--file", file])
        let id = add("Loyalty app", ["--value", "7200"])
        let r = ok(["log", id, "--call", "Discussed pricing", "--outcome", "Wants 10 % off", "--file", file])
        XCTAssertTrue(r.stdout.hasPrefix("Logged call “Discussed pricing” on \(id) “Loyalty app” (activity "), r.stdout)
        let a = activities(id)
        XCTAssertEqual(a.count, 1)
        XCTAssertEqual(a[0]["done"] as? Bool, true)
        XCTAssertEqual(a[0]["outcome"] as? String, "Wants 10 % off")
        XCTAssertNil(show(id)["nextAction"] as? [String: Any], "logging plans nothing")
        ok(["log", id, "--email", "Sent the case studies", "--file", file])
        XCTAssertEqual(activities(id).map { $0["type"] as? String }, ["call", "email"])
    }

    func testBadInputChangesNothing() {
        ok(["init", "--file", file])
        let id = add("Deal", ["--value", "1"])
        fails(["activity", "add", id, "--type", "lunch", "--subject", "x", "--file", file], mentioning: ["--type"])
        fails(["activity", "add", id, "--type", "call", "--subject", "  ", "--file", file], mentioning: ["--subject"])
        fails(
            ["activity", "add", id, "--type", "call", "--subject", "x", "--due", "someday", "--file", file],
            mentioning: ["--due", "someday"])
        fails(
            ["activity", "add", id, "--type", "call", "--subject", "x", "--time", "14:30", "--file", file],
            mentioning: ["--time needs --due"])
        fails(
            [
                "activity", "add", id, "--type", "call", "--subject", "x", "--due", "+1", "--duration", "3 days",
                "--file",
                file,
            ], mentioning: ["--duration"])
        fails(
            ["activity", "add", "nope", "--type", "call", "--subject", "x", "--file", file], mentioning: ["nope"])
        fails(["activity", "done", "zzzz", "--file", file], mentioning: ["no activity", "activity list"])
        fails(["log", id, "--file", file], mentioning: ["--call"])
        fails(["log", id, "--call", "a", "--email", "b", "--file", file], mentioning: ["--call", "--email"])
        fails(["edit", id, "--email", "ana at acme", "--file", file], mentioning: ["--email", "ana at acme"])
        fails(["edit", id, "--phone", "call me", "--file", file], mentioning: ["--phone"])
        fails(["add", "X", "--value", "1", "--email", "x@", "--file", file], mentioning: ["--email"])
    }

    func testContactPhoneAndEmail() {
        ok(["init", "--file", file])
        let id = add("Deal", ["--value", "1", "--phone", "+33 6 12 34 56 78", "--email", "ana@acme.example"])
        var d = show(id)
        XCTAssertEqual(d["phone"] as? String, "+33 6 12 34 56 78")
        XCTAssertEqual(d["email"] as? String, "ana@acme.example")
        XCTAssertTrue(ok(["show", id, "--file", file]).stdout.contains("ana@acme.example"))
        ok(["edit", id, "--email", "", "--phone", "(206) 555-0147", "--file", file])
        d = show(id)
        XCTAssertTrue(d["email"] is NSNull)
        XCTAssertEqual(d["phone"] as? String, "(206) 555-0147")
        let listed = array(ok(["list", "--json", "--file", file]).stdout)
        XCTAssertEqual(listed.first?["phone"] as? String, "(206) 555-0147")
        XCTAssertNotNil(listed.first?["activities"] as? [Any])
    }

    func testTheAgendaHasTypesAndTimes() throws {
        ok(["init", "--file", file])
        let id = add("Deal", ["--value", "1"])
        let today = ISO8601DateFormatter.string(
            from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: .withFullDate)
        ok([
            "activity", "add", id, "--type", "meeting", "--subject", "Demo", "--due", today, "--time", "15:00",
            "--file", file,
        ])
        ok([
            "activity", "add", id, "--type", "call", "--subject", "Call", "--due", today, "--time", "09:30", "--file",
            file,
        ])
        let json = object(ok(["agenda", "--json", "--file", file]).stdout)
        let items = try XCTUnwrap(json["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["action"] as? String }, ["Call", "Demo"], "by time")
        XCTAssertEqual(items.map { $0["type"] as? String }, ["call", "meeting"])
        XCTAssertEqual(items.map { $0["time"] as? String }, ["09:30", "15:00"])
        XCTAssertEqual(items.map { $0["bucket"] as? String }, ["today", "today"])
        let meetings = object(ok(["agenda", "--type", "meeting", "--json", "--file", file]).stdout)
        XCTAssertEqual((meetings["items"] as? [[String: Any]])?.count, 1)
        let text = ok(["agenda", "--file", file]).stdout
        XCTAssertTrue(text.contains("TYPE") && text.contains("09:30") && text.contains("meeting"), text)
    }

    func testTheActivitiesReportInEveryForm() throws {
        ok(["init", "--demo", "--file", file])
        let text = ok(["report", "activities", "--file", file]).stdout
        XCTAssertTrue(text.hasPrefix("Activities — Demo pipeline (EUR)"), text)
        XCTAssertTrue(text.contains("CALLS") && text.contains("NOTHING PLANNED"), text)
        let json = object(ok(["report", "activities", "--json", "--weeks", "4", "--file", file]).stdout)
        XCTAssertEqual(json["report"] as? String, "activities")
        XCTAssertEqual(json["weeks"] as? Int, 4)
        let stages = try XCTUnwrap(json["stages"] as? [[String: Any]])
        let lead = try XCTUnwrap(stages.first { $0["stage"] as? String == "lead" })
        XCTAssertEqual(lead["nothingPlanned"] as? Int, 1, "the demo's Fleet telematics pilot")
        XCTAssertEqual((lead["deals"] as? [[String: Any]])?.first?["id"] as? String, "d02lea")
        let csv = ok(["report", "activities", "--csv", "--file", file]).stdout
        XCTAssertTrue(
            csv.hasPrefix("kind,week,owner,stage,open,nothing_planned,call,meeting,email,task,deadline,"), csv)
        XCTAssertTrue(csv.contains("\nidle,,Julien Dubois,lead,,,"), csv)
        fails(["report", "forecast", "--weeks", "3", "--file", file], mentioning: ["--weeks"])
        fails(["report", "activities", "--weeks", "60", "--file", file], mentioning: ["--weeks", "60"])
    }

    func testTheCRMsNextActivityColumnsAreImported() throws {
        ok(["init", "--file", file])
        let pipedrive =
            "Deal - ID,Deal - Title,Deal - Value,Deal - Stage,Deal - Next activity date,Deal - Next activity time,Person - Email\n"
            + "1,Fleet,100,Lead generation,2026-07-01,14:30:00,ana@fleet.example\n"
            + "2,Boats,200,Lead generation,,,\n"
        let path = dir.appendingPathComponent("pipedrive.csv").path
        try pipedrive.write(toFile: path, atomically: true, encoding: .utf8)
        ok(["import", path, "--file", file])
        let deals = fileObject()["deals"] as? [[String: Any]] ?? []
        let fleet = try XCTUnwrap(deals.first { $0["title"] as? String == "Fleet" })
        let a = try XCTUnwrap((fleet["activities"] as? [[String: Any]])?.first)
        XCTAssertEqual(a["due"] as? String, "2026-07-01")
        XCTAssertEqual(a["time"] as? String, "14:30")
        XCTAssertEqual(a["subject"] as? String, "Next activity")
        XCTAssertEqual(fleet["email"] as? String, "ana@fleet.example")
        XCTAssertNil(deals.first { $0["title"] as? String == "Boats" }?["activities"], "nothing planned, nothing added")

        let odoo =
            "Opportunity,Expected Revenue,Stage,Next Activity,Next Activity Type,Next Activity Deadline,Salesperson\n"
            + "Sea freight,1000,Lead generation,Call the buyer,Phone Call,2026-07-03,Ana\n"
        let odooPath = dir.appendingPathComponent("odoo.csv").path
        try odoo.write(toFile: odooPath, atomically: true, encoding: .utf8)
        ok(["import", odooPath, "--file", file])
        let sea = try XCTUnwrap(
            (fileObject()["deals"] as? [[String: Any]])?.first { $0["title"] as? String == "Sea freight" })
        let b = try XCTUnwrap((sea["activities"] as? [[String: Any]])?.first)
        XCTAssertEqual(
            [b["type"] as? String, b["subject"] as? String, b["due"] as? String],
            ["call", "Call the buyer", "2026-07-03"])
    }

    /// The help of `log` and the ICS export's message speak of activities, in good English.
    func testLogHelpAndTheCalendarMessage() throws {
        let help = ok(["log", "--help"]).stdout
        XCTAssertTrue(help.contains("Log an email: what it was about."), help)
        XCTAssertTrue(help.contains("Log a call: what it was about."), help)
        ok(["init", "--file", file])
        let id = add("ERP integration", ["--value", "42000"])
        ok([
            "activity", "add", id, "--type", "call", "--subject", "Budget check", "--due", "2027-06-02", "--file", file,
        ])
        let cal = dir.appendingPathComponent("cal.ics").path
        let r = ok(["export", "--format", "ics", "-o", cal, "--file", file])
        XCTAssertEqual(r.stdout, "Exported 1 planned activity to \(cal) (ics).\n")
    }
}
