import Foundation
import XCTest

/// The command line against its docs (issue points 20–22): one rule for `--owner`, no sign on
/// amounts, `lost` on a lost deal, the demo's help, one order for the NPS lists, the board's
/// currency in every JSON amount, a valid empty calendar, formulas guarded in CSV.
final class FitAndFinishTests: CLITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        ok(["init", "--file", file])
    }

    func testAValueWithASignIsRefused() {
        let m = fails(["add", "X", "--value", "+5", "--file", file])
        XCTAssertEqual(
            m, "pipedeck: --value: expected a plain number such as 12500 or 12500.50, without a sign (got \"+5\")\n")
        fails(["add", "X", "--value", "-5", "--file", file], mentioning: ["--value", "-5"])
        let id = add("X", ["--value", "5"])
        fails(["edit", id, "--value", "+7", "--file", file], mentioning: ["without a sign"])
    }

    func testAnOwnerNoDealHasIsAnErrorInEveryCommand() {
        add("A", ["--value", "100", "--owner", "Ana", "--next", "Call", "--due", "2026-06-01"])
        add("B", ["--value", "100", "--owner", "Ben"])
        for args in [["agenda"], ["list"], ["report", "sources"]] {
            let m = fails(args + ["--owner", "nobody", "--file", file])
            XCTAssertEqual(
                m, "pipedeck: --owner: no deal has the owner \"nobody\"; the owners are: Ana, Ben\n", "\(args)")
        }
        XCTAssertTrue(ok(["agenda", "--owner", " ana ", "--file", file]).stdout.contains("Call"))
        XCTAssertFalse(ok(["agenda", "--owner", "ben", "--file", file]).stdout.contains("Call"))
        XCTAssertEqual(array(ok(["list", "--owner", "BEN", "--json", "--file", file]).stdout).count, 1)
        // An owner whose deals are all closed is still an owner: an empty list, not an error.
        let c = add("C", ["--value", "1", "--owner", "Cleo"])
        ok(["won", c, "--file", file])
        XCTAssertEqual(array(ok(["list", "--owner", "cleo", "--json", "--file", file]).stdout).count, 0)
    }

    func testLostOnALostDealKeepsOrReplacesTheReasonAndSaysSo() {
        let id = add("Deal", ["--value", "10"])
        ok(["lost", id, "--reason", "Price", "--file", file])
        var r = ok(["lost", id, "--file", file])
        XCTAssertTrue(r.stdout.hasPrefix("Nothing changed:"), r.stdout)
        XCTAssertTrue(r.stdout.contains("(reason: Price)"), r.stdout)
        XCTAssertEqual(show(id)["lostReason"] as? String, "Price", "lost without --reason keeps the reason")
        r = ok(["lost", id, "--reason", " Price ", "--file", file])
        XCTAssertTrue(r.stdout.hasPrefix("Nothing changed:"), r.stdout)
        r = ok(["lost", id, "--reason", "Timing", "--file", file])
        XCTAssertTrue(r.stdout.contains("its reason is now “Timing” (was “Price”)"), r.stdout)
        XCTAssertEqual(show(id)["lostReason"] as? String, "Timing")
    }

    func testDemoHelpSaysWhereTheDemoGoes() {
        let help = ok(["demo", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
        XCTAssertTrue(help.contains("$PIPEDECK_FILE and the default file are ignored"), help)
        XCTAssertTrue(help.contains("for demo: a new file in $TMPDIR, never $PIPEDECK_FILE"), help)
        // And it does what it says: the environment's file is not written.
        let envFile = dir.appendingPathComponent("env.json").path
        let path = ok(["demo", "--print"], env: ["PIPEDECK_FILE": envFile]).stdout.trimmingCharacters(in: .newlines)
        XCTAssertTrue(path.hasPrefix(tmp), path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: envFile))
    }

    /// Deals won at the same moment: CSV lists them in the order of the JSON and text lists.
    func testNpsCSVHasTheOrderOfJSONAndText() throws {
        var ids: [String] = []
        for (title, score) in [
            ("Zeta", "10"), ("alpha", "9"), ("Beta", "9"), ("Gamma", "3"), ("Eta", ""), ("Delta", ""),
        ] {
            let id = add(title, ["--value", "100"])
            ok(["won", id, "--file", file])
            if !score.isEmpty { ok(["nps", id, score, "--file", file]) }
            ids.append(id)
        }
        // All won at one moment, in the file's order.
        var root = fileObject()
        var deals = try XCTUnwrap(root["deals"] as? [[String: Any]])
        for i in deals.indices {
            var history = deals[i]["history"] as? [[String: Any]] ?? []
            for j in history.indices { history[j]["at"] = "2026-11-02T10:00:00Z" }
            deals[i]["history"] = history
            deals[i]["updatedAt"] = "2026-11-02T10:00:00Z"
        }
        root["deals"] = Array(deals.reversed())
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: file))

        let json = object(ok(["report", "nps", "--json", "--file", file]).stdout)
        let promoters = (json["promoterDeals"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let unanswered = (json["unanswered"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        XCTAssertEqual(promoters, [ids[0], ids[1], ids[2]], "10, then the nines by title")
        XCTAssertEqual(unanswered, [ids[5], ids[4]].sorted(), "same moment: by id")
        let csvIDs = ok(["report", "nps", "--csv", "--file", file]).lines.dropFirst().map {
            String($0.prefix { $0 != "," })
        }
        XCTAssertEqual(csvIDs.filter { promoters.contains($0) }, promoters)
        XCTAssertEqual(csvIDs.filter { unanswered.contains($0) }, unanswered)
        XCTAssertEqual(csvIDs, promoters + [ids[3]] + unanswered)
        let text = ok(["report", "nps", "--file", file]).stdout
        let positions = (promoters + unanswered).map { text.range(of: $0)?.lowerBound }
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted(), text)
        XCTAssertEqual(positions.compactMap { $0 }.count, 5)
    }

    func testSummaryJSONAlwaysHasTheBoardsCurrency() throws {
        add("Dollars", ["--value", "20000", "--currency", "USD", "--stage", "proposal"])
        let s = object(ok(["summary", "--json", "--file", file]).stdout)
        let stages = try XCTUnwrap(s["stages"] as? [[String: Any]])
        let proposal = try XCTUnwrap(stages.first { $0["id"] as? String == "proposal" })
        let total = try XCTUnwrap(proposal["total"] as? [String: Any])
        XCTAssertEqual(Set(total.keys), ["EUR", "USD"])
        XCTAssertEqual(micros(total["EUR"]), 0)
        XCTAssertEqual(micros(total["USD"]), 20_000_000_000)
        let open = try XCTUnwrap((s["open"] as? [String: Any])?["weighted"] as? [String: Any])
        XCTAssertEqual(Set(open.keys), ["EUR", "USD"])
        // The board's currency comes first in the text too.
        let raw = ok(["summary", "--json", "--file", file]).stdout
        let lead = try XCTUnwrap(raw.range(of: "\"id\": \"proposal\""))
        let after = raw[lead.upperBound...]
        XCTAssertLessThan(after.range(of: "\"EUR\"")!.lowerBound, after.range(of: "\"USD\"")!.lowerBound)
    }

    func testAnICSExportWithoutEventsIsAValidEmptyCalendar() throws {
        add("No action", ["--value", "1"])
        let r = ok(["export", "--format", "ics", "--file", file])
        XCTAssertTrue(r.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("BEGIN:VTIMEZONE\r\nTZID:UTC\r\n"), r.stdout)
        XCTAssertFalse(r.stdout.contains("VEVENT"))
        XCTAssertTrue(r.stdout.hasSuffix("END:VCALENDAR\r\n"))
        let out = dir.appendingPathComponent("agenda.ics").path
        let written = ok(["export", "-o", out, "--file", file])
        XCTAssertTrue(written.stdout.contains("Exported 0 planned activities"), written.stdout)
        XCTAssertTrue(written.stdout.contains("valid and empty"), written.stdout)
        XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).contains("VTIMEZONE"))
    }

    func testCSVCellsThatStartLikeFormulasAreGuardedAndReadBack() throws {
        let id = add(
            "=HYPERLINK(\"http://x\";\"Click\")", ["--value", "100", "--company", "+33 Sales", "--source", "@web"])
        let csv = ok(["export", "--file", file]).stdout
        XCTAssertTrue(csv.contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"Click\"\")\""), csv)
        XCTAssertTrue(csv.contains(",'+33 Sales,"), csv)
        let sources = ok(["report", "sources", "--csv", "--file", file]).stdout
        XCTAssertTrue(sources.contains("'@web"), sources)
        // Into another board: the same text.
        let exported = dir.appendingPathComponent("deals.csv").path
        ok(["export", "-o", exported, "--file", file])
        let other = dir.appendingPathComponent("other.json").path
        ok(["init", "--file", other])
        ok(["import", exported, "--file", other])
        let back = object(ok(["show", id, "--json", "--file", other]).stdout)
        XCTAssertEqual(back["title"] as? String, "=HYPERLINK(\"http://x\";\"Click\")")
        XCTAssertEqual(back["company"] as? String, "+33 Sales")
        XCTAssertEqual(back["source"] as? String, "@web")
    }
}
