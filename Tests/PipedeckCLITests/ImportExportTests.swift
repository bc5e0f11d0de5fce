import Foundation
import XCTest

/// `pipedeck import` and `pipedeck export`, run as a user would.
final class ImportExportTests: CLITestCase {
    /// Writes a CSV file into the test folder and returns its path.
    func csv(_ name: String, _ text: String, bom: Bool = false, crlf: Bool = false) -> String {
        let path = dir.appendingPathComponent(name).path
        var body = text
        if crlf {
            body = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        }
        var data = Data()
        if bom { data.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        data.append(Data(body.utf8))
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: data))
        return path
    }

    func deals() -> [[String: Any]] { fileObject()["deals"] as? [[String: Any]] ?? [] }
    func deal(_ title: String) -> [String: Any]? { deals().first { $0["title"] as? String == title } }

    /// The id of the first activity of deal `id`, from the file.
    func activityID(_ id: String) -> String {
        let d = deals().first { $0["id"] as? String == id }
        return ((d?["activities"] as? [[String: Any]])?.first?["id"] as? String) ?? "none"
    }

    static let pipedrive = """
        Deal - ID;Deal - Title;Deal - Value;Deal - Currency;Deal - Stage;Deal - Status;Deal - Probability;Deal - Expected close date;Deal - Organization;Deal - Contact person;Deal - Owner;Deal - Lost reason;Deal - Notes
        101;Refonte site vitrine;10 000,50 €;EUR;Proposal;open;;2026-07-15;Boulangerie Dupré;Marie Dupré;Camille;;"Rappeler après le 15 ; devis v2
        Envoyer les ""CGV"" signées"
        102;"Licences ""Premium"" ; 3 sites";2 400,00;EUR;Negotiation;open;75 %;2026-06-30;Société Générale;Jean Martin;Camille;;
        103;Maintenance annuelle;1.200,00 €;EUR;Qualification;won;;2026-05-01;Garage Lefèvre;;Paul;;
        104;Audit sécurité;8 500;EUR;Needs analysis;lost;;;Mairie de Lyon;;Paul;Price;

        """

    func testPipedriveExportWithFrenchAmountsBOMAndCRLF() {
        ok(["init", "--file", file])
        let path = csv("pipedrive.csv", ImportExportTests.pipedrive, bom: true, crlf: true)
        let r = ok(["import", path, "--file", file])
        XCTAssertTrue(r.stdout.contains("Pipedrive export"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Imported 4 deals into \(file): 4 added, 0 updated, 0 unchanged."), r.stdout)
        XCTAssertEqual(deals().count, 4)

        let a = deal("Refonte site vitrine")
        XCTAssertEqual(micros(a?["value"]), 10_000_500_000)
        XCTAssertEqual(a?["stage"] as? String, "proposal")
        XCTAssertEqual(a?["company"] as? String, "Boulangerie Dupré")
        XCTAssertEqual(a?["notes"] as? String, "Rappeler après le 15 ; devis v2\nEnvoyer les \"CGV\" signées")
        XCTAssertEqual(a?["importKey"] as? String, "pipedrive:101")
        XCTAssertEqual(micros(deal("Licences \"Premium\" ; 3 sites")?["probability"]), 75_000_000)
        XCTAssertEqual(micros(deal("Maintenance annuelle")?["value"]), 1_200_000_000)
        XCTAssertEqual(deal("Maintenance annuelle")?["status"] as? String, "won")
        XCTAssertEqual(deal("Maintenance annuelle")?["stage"] as? String, "won")
        XCTAssertEqual(deal("Audit sécurité")?["status"] as? String, "lost")
        XCTAssertEqual(deal("Audit sécurité")?["lostReason"] as? String, "Price")
    }

    func testHubSpotExportWithCreatedStages() {
        ok(["init", "--file", file])
        let path = csv(
            "hubspot.csv",
            """
            Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Pipeline,Deal probability
            9001,Acme platform,Appointment Scheduled,2026-06-30 00:00,Sarah Lee,"$45,000.00",Sales Pipeline,0.2
            9002,Globex renewal,Contract Sent,2026-05-15 00:00,Tom Baker,"$12,500.00",Sales Pipeline,0.9
            9003,Initech upsell,Closed Won,2026-03-01 00:00,Sarah Lee,"$8,000.00",Sales Pipeline,1
            9004,Umbrella pilot,Closed Lost,2026-02-10 00:00,Tom Baker,,Sales Pipeline,0

            """)
        var err = fails(
            ["import", path, "--file", file],
            mentioning: ["\"Appointment Scheduled\"", "\"Contract Sent\"", "--create-stages", "--stage-map"])
        XCTAssertTrue(err.contains("line 2"), err)
        err = fails(
            ["import", path, "--file", file, "--create-stages"],
            mentioning: ["line 2:", "line 3:", "--probability-fraction"])
        XCTAssertFalse(err.contains("line 5:"), "a probability of 0 is 0 either way: \(err)")

        let r = ok(["import", path, "--file", file, "--create-stages", "--probability-fraction"])
        XCTAssertTrue(r.stdout.contains("HubSpot export"), r.stdout)
        XCTAssertTrue(r.stdout.contains("New stage \"Appointment Scheduled\""), r.stdout)
        let stages = (fileObject()["stages"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        XCTAssertEqual(
            stages,
            [
                "lead", "qualification", "needs", "proposal", "negotiation", "closing",
                "appointment-scheduled", "contract-sent", "won",
            ])
        XCTAssertEqual(deal("Acme platform")?["currency"] as? String, "USD")
        XCTAssertEqual(deal("Initech upsell")?["stage"] as? String, "won")
        XCTAssertEqual(deal("Umbrella pilot")?["status"] as? String, "lost")
        XCTAssertNil(deal("Acme platform")?["probability"], "20% is its new stage's: the deal follows the stage")

        // With --stage-map instead, into a fresh board.
        ok(["init", "--file", file, "--force"])
        ok([
            "import", path, "--file", file, "--probability-fraction",
            "--stage-map", "Appointment Scheduled=qualification", "--stage-map", "contract sent=Negotiation",
        ])
        XCTAssertEqual(deal("Acme platform")?["stage"] as? String, "qualification")
        XCTAssertEqual(deal("Globex renewal")?["stage"] as? String, "negotiation")
        fails(
            ["import", path, "--file", file, "--stage-map", "Contract Sent=later"],
            mentioning: ["--stage-map", "later"])
    }

    func testDryRunPrintsFiguresAndWritesNothing() throws {
        ok(["init", "--file", file])
        let before = fileBytes()
        let path = csv(
            "deals.csv",
            """
            title,value,stage,probability,status
            Alpha,"1,000.50",proposal,,
            Beta,2000,negotiation,50,
            Gamma,500,won,,
            Delta,700,lead,,lost

            """)
        let r = ok(["import", path, "--file", file, "--dry-run"])
        XCTAssertEqual(fileBytes(), before, "a dry run writes nothing")
        let out = r.stdout
        XCTAssertTrue(out.hasPrefix("Dry run: nothing was written."), out)
        XCTAssertTrue(out.contains("Columns: \"title\" → title, \"value\" → value"), out)
        XCTAssertNotNil(out.range(of: #"Proposal\s+1\s+€1,000\.50\s+€600\.30"#, options: .regularExpression), out)
        XCTAssertNotNil(out.range(of: #"Negotiation\s+1\s+€2,000\s+€1,000"#, options: .regularExpression), out)
        XCTAssertNotNil(
            out.range(of: #"Open\s+2 deals\s+total €3,000\.50\s+weighted €1,600\.30"#, options: .regularExpression), out
        )
        XCTAssertNotNil(out.range(of: #"Won\s+1 deal\s+total €500"#, options: .regularExpression), out)
        XCTAssertNotNil(out.range(of: #"Lost\s+1 deal\s+total €700"#, options: .regularExpression), out)
        XCTAssertTrue(out.contains("Would import 4 deals: 4 added, 0 updated, 0 unchanged."), out)
    }

    func testEveryBadRowIsReportedWithItsLineAndNothingIsWritten() {
        ok(["init", "--file", file])
        let before = fileBytes()
        let path = csv(
            "bad.csv",
            """
            title,value,expected_close,notes,status
            Good,100,2026-07-01,"a note
            over two lines",
            ,200,,,
            Bad amount,12 abc,,,
            Bad date,300,31/02/2026,,
            Bad status,400,,,maybe
            Also good,500,,,

            """)
        let err = fails(
            ["import", path, "--file", file],
            mentioning: [
                "nothing was imported", "4 rows have problems", "--skip-invalid",
                "line 4: no title", "line 5: value \"12 abc\" is not an amount",
                "line 6: expected_close \"31/02/2026\" is not a date",
                "line 7: status \"maybe\" is not open, won or lost",
            ])
        XCTAssertFalse(err.contains("line 2"), err)
        XCTAssertFalse(err.contains("line 8"), err)
        XCTAssertEqual(fileBytes(), before)

        // The dry run lists the same rows, on stdout, and says the import would stop.
        let dry = run(["import", path, "--file", file, "--dry-run"])
        XCTAssertEqual(dry.status, 1)
        XCTAssertTrue(dry.stdout.contains("4 rows have problems:"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("line 6: expected_close"), dry.stdout)
        XCTAssertTrue(dry.stderr.contains("the import would stop"), dry.stderr)
        XCTAssertEqual(fileBytes(), before)

        let r = ok(["import", path, "--file", file, "--skip-invalid"])
        XCTAssertTrue(r.stdout.contains("Imported 2 deals"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Skipped 4 rows with problems:"), r.stdout)
        XCTAssertTrue(r.stdout.contains("line 5: value \"12 abc\""), r.stdout)
        XCTAssertEqual(deals().compactMap { $0["title"] as? String }.sorted(), ["Also good", "Good"])
    }

    func testUnreadableFilesAndBadOptions() {
        ok(["init", "--file", file])
        fails(
            ["import", dir.appendingPathComponent("missing.csv").path, "--file", file],
            mentioning: ["missing.csv", "no such file"])
        let open = csv("open.csv", "title,notes\nA,\"never closed\nB,x\n")
        fails(["import", open, "--file", file], mentioning: ["line 2", "never closed"])
        let noTitle = csv("notitle.csv", "Projet,Montant\nA,1\n")
        fails(["import", noTitle, "--file", file], mentioning: ["\"Projet\"", "--map"])
        ok(["import", noTitle, "--file", file, "--map", "Projet=title", "--map", "Montant=value"])
        XCTAssertEqual(micros(deal("A")?["value"]), 1_000_000)
        fails(
            ["import", noTitle, "--file", file, "--map", "Projet=titel"],
            mentioning: ["--map", "titel", "next_action_due"])
        fails(["import", noTitle, "--file", file, "--map", "Nope=title"], mentioning: ["--map", "Nope", "\"Projet\""])
        fails(["import", noTitle, "--file", file, "--decimal", "x"], mentioning: ["--decimal"])
        fails(["import", noTitle, "--file", file, "--date-order", "ymd"], mentioning: ["--date-order"])
        fails(
            ["import", noTitle, "--file", dir.appendingPathComponent("nope.json").path], mentioning: ["pipedeck init"])
    }

    func testReimportingTheSameFileAddsNothing() {
        ok(["init", "--file", file])
        let path = csv("pipedrive.csv", ImportExportTests.pipedrive)
        ok(["import", path, "--file", file])
        let before = fileBytes()
        let again = ok(["import", path, "--file", file])
        XCTAssertTrue(again.stdout.contains("Nothing changed: the board already has these 4 deals"), again.stdout)
        XCTAssertEqual(fileBytes(), before, "nothing to change: the file is not rewritten")
        XCTAssertEqual(deals().count, 4)

        let changed = csv(
            "pipedrive2.csv",
            ImportExportTests.pipedrive
                .replacingOccurrences(of: "2 400,00;EUR;Negotiation", with: "2 900,00;EUR;Closing")
                + "105;Nouveau projet;1 000;EUR;Lead generation;open;;;Acme;;Paul;;\n")
        let r = ok(["import", changed, "--file", file])
        XCTAssertTrue(r.stdout.contains("1 added, 1 updated, 3 unchanged"), r.stdout)
        XCTAssertEqual(deals().count, 5)
        let d = deal("Licences \"Premium\" ; 3 sites")
        XCTAssertEqual(d?["stage"] as? String, "closing")
        XCTAssertEqual(micros(d?["value"]), 2_900_000_000)
        XCTAssertEqual((d?["history"] as? [[String: Any]])?.last?["from"] as? String, "negotiation")
    }

    func testExportCSVThenImportGivesTheSameDeals() throws {
        ok(["init", "--demo", "--file", file])
        let exported = ok(["export", "--format", "csv", "--file", file]).stdout
        XCTAssertTrue(
            exported.hasPrefix(
                "id,title,value,currency,stage,probability,status,lost_reason,company,contact,phone,email,owner,source,"
                    + "tags,expected_close,next_action,next_action_type,next_action_due,next_action_time,notes,"
                    + "created_at,updated_at\r\n"),
            exported)
        let path = csv("export.csv", exported)
        let other = dir.appendingPathComponent("other.json").path
        ok(["init", "--file", other])
        let r = ok(["import", path, "--file", other])
        XCTAssertTrue(r.stdout.contains("25 added"), r.stdout)
        let again = ok(["export", "--file", other]).stdout
        XCTAssertEqual(again, exported, "export → import → export gives the same CSV")

        // The fields it carries are the same in both files.
        let a = Dictionary(uniqueKeysWithValues: deals().map { ($0["id"] as! String, $0) })
        let b = Dictionary(
            uniqueKeysWithValues: (fileObject(other)["deals"] as? [[String: Any]] ?? []).map {
                ($0["id"] as! String, $0)
            })
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        let carried = [
            "title", "value", "currency", "stage", "probability", "status", "lostReason", "company", "contact", "owner",
            "source", "tags", "expectedClose", "nextAction", "notes", "createdAt", "updatedAt",
        ]
        for (id, d) in a {
            for k in carried {
                XCTAssertEqual(d[k] as? NSObject, b[id]?[k] as? NSObject, "\(id).\(k)")
            }
        }
        // Importing the export into the board it came from changes nothing.
        let back = ok(["import", path, "--file", file])
        XCTAssertTrue(
            back.stdout.contains("0 added, 0 updated, 25 unchanged") || back.stdout.contains("Nothing changed"),
            back.stdout)
    }

    func testExportJSONHasTheBoardFilesDeals() {
        ok(["init", "--demo", "--file", file])
        let all = array(ok(["export", "--format", "json", "--file", file]).stdout)
        XCTAssertEqual(all.count, 25)
        let stored = Dictionary(uniqueKeysWithValues: deals().map { ($0["id"] as! String, $0 as NSDictionary) })
        for d in all { XCTAssertEqual(d as NSDictionary, stored[d["id"] as! String], "\(d["id"] ?? "")") }
        let won = array(ok(["export", "--format", "json", "--status", "won", "--file", file]).stdout)
        XCTAssertFalse(won.isEmpty)
        XCTAssertTrue(won.allSatisfy { $0["status"] as? String == "won" })
        fails(["export", "--format", "xml", "--file", file], mentioning: ["--format", "csv, json or ics"])
        fails(["export", "--status", "closed", "--file", file], mentioning: ["--status"])
    }

    func testExportToAFileInfersTheFormatAndNeverReplacesTheBoard() throws {
        ok(["init", "--demo", "--file", file])
        let out = dir.appendingPathComponent("deals.json").path
        let r = ok(["export", "-o", out, "--file", file])
        XCTAssertTrue(r.stdout.contains("Exported 25 deals to \(out) (json)."), r.stdout)
        XCTAssertEqual(array(try String(contentsOfFile: out, encoding: .utf8)).count, 25)
        let cal = dir.appendingPathComponent("actions.ics").path
        XCTAssertTrue(ok(["export", "--output", cal, "--file", file]).stdout.contains("planned activities to"))
        XCTAssertTrue(try String(contentsOfFile: cal, encoding: .utf8).hasPrefix("BEGIN:VCALENDAR\r\n"))
        fails(["export", "-o", file, "--file", file], mentioning: ["pipeline file itself"])
        let excel = dir.appendingPathComponent("excel.csv").path
        ok(["export", "-o", excel, "--bom", "--separator", ";", "--file", file])
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: excel))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("id;title;value;"))
    }

    func testICSHasOneEventPerOpenDatedNextAction() throws {
        ok(["init", "--file", file])
        let a = add(
            "Website redesign",
            [
                "--value", "4800", "--company", "Boulangerie Dupré", "--next", "Send the quote, v2; signed",
                "--due", "2026-06-01", "--stage", "proposal",
            ])
        _ = add("No date", ["--value", "1", "--next", "Someday"])
        _ = add("No action", ["--value", "1"])
        let w = add("Won deal", ["--value", "1", "--next", "Invoice", "--due", "2026-06-02"])
        ok(["won", w, "--file", file])
        let done = add("Done action", ["--value", "1", "--next", "Called", "--due", "2026-06-03"])
        ok(["activity", "done", activityID(done), "--file", file])
        let long = add(
            String(repeating: "Très long intitulé 日本 ", count: 6),
            ["--value", "99", "--next", "Relancer", "--due", "2026-05-30"])
        // A second planned activity on a deal, at a time and for a while.
        let meeting = ok([
            "activity", "add", a, "--type", "meeting", "--subject", "Demo on site", "--due", "2026-06-01",
            "--time", "9h30", "--duration", "1h30", "--file", file,
        ]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let doneID = activityID(done), longID = activityID(long), first = activityID(a)

        let text = ok(["export", "--format", "ics", "--file", file]).stdout
        XCTAssertTrue(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), text)
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        let physical = text.components(separatedBy: "\r\n").dropLast()
        for l in physical {
            XCTAssertLessThanOrEqual(l.utf8.count, 75, l)
            XCTAssertFalse(l.contains("\n") || l.contains("\r"), "bare line break in \(l)")
        }
        let logical = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        let uids = logical.filter { $0.hasPrefix("UID:") }
        // One event per dated planned activity of the open deals.
        XCTAssertEqual(uids, ["UID:\(longID)@pipedeck", "UID:\(first)@pipedeck", "UID:\(meeting)@pipedeck"])
        XCTAssertFalse(uids.contains("UID:\(doneID)@pipedeck"), "a done activity has no reminder")
        XCTAssertFalse(uids.contains { $0.contains(w) }, "won deals have no reminder")
        XCTAssertEqual(logical.filter { $0 == "BEGIN:VEVENT" }.count, uids.count)
        XCTAssertTrue(
            logical.contains("SUMMARY:Task: Send the quote\\, v2\\; signed — Website redesign (Boulangerie Dupré)"),
            logical.joined(separator: "\n"))
        // All day without a time; at its time, for its duration, with one.
        let events = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "BEGIN:VEVENT")
            .dropFirst()
        let allDay = try XCTUnwrap(events.first { $0.contains("UID:\(first)@") })
        XCTAssertTrue(allDay.contains("DTSTART;VALUE=DATE:20260601\r\nDTEND;VALUE=DATE:20260602\r\n"), allDay)
        XCTAssertTrue(allDay.contains("TRANSP:TRANSPARENT"))
        let timed = try XCTUnwrap(events.first { $0.contains("UID:\(meeting)@") })
        XCTAssertTrue(timed.contains("DTSTART:20260601T093000\r\nDURATION:PT90M\r\n"), timed)
        XCTAssertFalse(timed.contains("DTEND"), timed)
        XCTAssertTrue(timed.contains("SUMMARY:Meeting: Demo on site — Website redesign"), timed)
        XCTAssertTrue(timed.contains("TRANSP:OPAQUE"))
        XCTAssertTrue(
            logical.contains { $0.hasPrefix("DESCRIPTION:Value: €4\\,800") && $0.contains("\\nStage: Proposal") },
            logical.joined(separator: "\n"))
        XCTAssertEqual(logical.filter { $0.hasPrefix("DTSTAMP:") }.count, uids.count)
    }

    func testProgressOnStderrForLongFilesAndAFinalSummary() throws {
        ok(["init", "--file", file])
        var text = "Deal - ID,Deal - Title,Deal - Value,Deal - Stage\n"
        for i in 0..<10_000 {
            text += "\(i),Deal \(i),\(i % 5000 + 1),\(["Lead generation", "Proposal", "Closing"][i % 3])\n"
        }
        let path = csv("big.csv", text)
        let r = ok(["import", path, "--file", file])
        for p in stride(from: 10, through: 100, by: 10) {
            XCTAssertTrue(r.stderr.contains("importing… \(p)%"), "no \(p)% in \(r.stderr)")
        }
        XCTAssertTrue(
            r.stdout.contains("Imported 10000 deals into \(file): 10000 added, 0 updated, 0 unchanged."), r.stdout)
        XCTAssertEqual(deals().count, 10_000)
        let small = csv("small.csv", "title,value\nA,1\n")
        XCTAssertEqual(ok(["import", small, "--file", file]).stderr, "", "no progress for short files")
    }
}
