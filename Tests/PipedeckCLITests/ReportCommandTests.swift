import Foundation
import PipedeckRender
import XCTest

@testable import PipedeckCLI

/// `pipedeck report …` and `pipedeck nps …`, run as a user would. Deals are made with the
/// commands themselves (so their history is real) or written by hand with fixed times; expected
/// close dates are set relative to today in UTC, the zone the tests run the binary in.
final class ReportCommandTests: CLITestCase {
    // MARK: Helpers

    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// Today (UTC) moved by days or months, as YYYY-MM-DD.
    func day(days: Int = 0, months: Int = 0, firstOfMonth: Bool = false) -> String {
        let cal = ReportCommandTests.utc
        var date = cal.date(byAdding: .day, value: days, to: Date())!
        if firstOfMonth { date = cal.date(from: cal.dateComponents([.year, .month], from: date))! }
        date = cal.date(byAdding: .month, value: months, to: date)!
        let c = cal.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    func month(_ offset: Int) -> String { String(day(months: offset, firstOfMonth: true).prefix(7)) }

    /// Skips a test whose dates were computed on one side of midnight (UTC) and run on the other.
    func sameDay(_ before: String) throws {
        if day() != before { throw XCTSkip("the date changed during the test") }
    }

    func report(_ args: [String], file: StaticString = #filePath, line: UInt = #line) -> [String: Any] {
        object(
            ok(["report"] + args + ["--json", "--file", self.file], file: file, line: line).stdout, file: file,
            line: line)
    }

    func amounts(_ any: Any?) -> [String: Int] {
        var out: [String: Int] = [:]
        for (k, v) in any as? [String: Any] ?? [:] { out[k] = micros(v) }
        return out
    }

    func m(_ s: String) -> Int { micros(s)! }

    // MARK: Forecast

    func testForecastBucketsAndExactWeightedAmounts() throws {
        let today = day()
        ok(["init", "--file", file])
        add("Passed", ["--value", "1000", "--close", day(days: -1)])
        add("Today", ["--value", "0.07", "--probability", "33.33", "--close", today])
        add("Next month", ["--value", "2000", "--stage", "proposal", "--close", day(months: 1, firstOfMonth: true)])
        add("Far", ["--value", "500", "--currency", "USD", "--close", day(months: 6, firstOfMonth: true)])
        add("Undated", ["--value", "300"])
        let won = add("Won", ["--value", "4000"])
        ok(["won", won, "--file", file])
        let lost = add("Lost", ["--value", "9999", "--close", today])
        ok(["lost", lost, "--file", file])

        let raw = ok(["report", "forecast", "--json", "--file", file]).stdout
        try sameDay(today)
        let r = object(raw)
        XCTAssertEqual(r["report"] as? String, "forecast")
        XCTAssertEqual(r["months"] as? Int, 6)
        XCTAssertEqual(r["today"] as? String, today)
        let open = try XCTUnwrap(r["open"] as? [[String: Any]])
        XCTAssertEqual(
            open.compactMap { $0["bucket"] as? String },
            ["passed"] + (0..<6).map(month) + ["later", "none"])
        XCTAssertEqual(open.map { $0["count"] as? Int }, [1, 1, 1, 0, 0, 0, 0, 1, 1])
        XCTAssertEqual(amounts(open[0]["weighted"]), ["EUR": m("100")])
        XCTAssertEqual(amounts(open[1]["value"]), ["EUR": m("0.07")])
        XCTAssertEqual(amounts(open[1]["weighted"]), ["EUR": m("0.023331")]) // 0.07 × 33.33 %
        XCTAssertEqual(amounts(open[2]["weighted"]), ["EUR": m("1200")])
        // Always the board's currency too (0 here), as in summary --json.
        XCTAssertEqual(amounts(open[7]["value"]), ["EUR": 0, "USD": m("500")])
        XCTAssertEqual(amounts(open[7]["weighted"]), ["EUR": 0, "USD": m("50")])
        XCTAssertEqual(amounts(open[8]["weighted"]), ["EUR": m("30")])
        let total = try XCTUnwrap(r["openTotal"] as? [String: Any])
        XCTAssertEqual(total["count"] as? Int, 5)
        XCTAssertEqual(amounts(total["value"]), ["EUR": m("3300.07"), "USD": m("500")])
        XCTAssertEqual(amounts(total["weighted"]), ["EUR": m("1330.023331"), "USD": m("50")])
        // Exact text, not a float's rounding.
        XCTAssertTrue(raw.contains("\"EUR\": 0.023331"), raw)
        XCTAssertTrue(raw.contains("\"EUR\": 1330.023331"), raw)

        let won6 = try XCTUnwrap(r["won"] as? [[String: Any]])
        XCTAssertEqual(won6.compactMap { $0["month"] as? String }, (-5...0).map(month))
        XCTAssertEqual(won6.map { $0["count"] as? Int }, [0, 0, 0, 0, 0, 1])
        XCTAssertEqual(amounts(won6[5]["value"]), ["EUR": m("4000")])

        // Seven months: the far deal is in the last month, no longer "later".
        let r7 = report(["forecast", "--months", "7"])
        let open7 = try XCTUnwrap(r7["open"] as? [[String: Any]])
        XCTAssertEqual(open7.count, 10)
        XCTAssertEqual(open7[7]["bucket"] as? String, month(6))
        XCTAssertEqual(open7[7]["count"] as? Int, 1)
        XCTAssertEqual(open7[8]["count"] as? Int, 0)

        // CSV: plain decimals, one column per currency, the board's first.
        let csv = ok(["report", "forecast", "--csv", "--file", file]).stdout
        let lines = csv.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "kind,period,deals,value_EUR,value_USD,weighted_EUR,weighted_USD")
        XCTAssertTrue(lines.contains("open,\(month(0)),1,0.07,0,0.023331,0"), csv)
        XCTAssertTrue(lines.contains("open,later,1,0,500,0,50"), csv)
        XCTAssertTrue(lines.contains("won,\(month(0)),1,4000,0,,"), csv)
        XCTAssertEqual(lines.count, 1 + 9 + 6)

        // Text: the buckets by name, amounts formatted for the locale, bars.
        let text = ok(["report", "forecast", "--file", file]).stdout
        XCTAssertTrue(text.contains("Close date passed"), text)
        XCTAssertTrue(text.contains("€1,330.02 + $50"), text)
        XCTAssertTrue(text.contains("█"), text)
    }

    // MARK: Funnel

    func testFunnelFromRealMovesSkipsAndBackwardMoves() throws {
        ok(["init", "--file", file])
        let f1 = add("Straight through", ["--value", "100"])
        for s in ["qualification", "needs", "proposal"] { ok(["move", f1, s, "--file", file]) }
        ok(["won", f1, "--file", file]) // proposal → won: passes negotiation and closing
        let f2 = add("Skipper", ["--value", "100"])
        ok(["move", f2, "proposal", "--file", file]) // skips qualification and needs
        ok(["lost", f2, "--reason", "Price", "--file", file])
        let f3 = add("Back and forth", ["--value", "100"])
        ok(["move", f3, "needs", "--file", file])
        ok(["move", f3, "qualification", "--file", file]) // backwards
        ok(["move", f3, "needs", "--file", file]) // needs again: counted once
        add("Imported", ["--value", "100", "--stage", "negotiation"]) // created in negotiation

        let r = report(["funnel"])
        let stages = try XCTUnwrap(r["stages"] as? [[String: Any]])
        XCTAssertEqual(stages.map { $0["reached"] as? Int }, [3, 3, 3, 2, 2, 1, 1])
        XCTAssertEqual(stages.map { $0["advanced"] as? Int }, [3, 3, 2, 1, 1, 1, nil])
        XCTAssertEqual(
            stages.map { micros($0["conversion"]) }, [m("100"), m("100"), m("66.7"), m("50"), m("50"), m("100"), nil])
        XCTAssertEqual(stages.map { $0["openNow"] as? Int }, [0, 0, 1, 0, 1, 0, 0])
        XCTAssertEqual(stages.map { $0["lostHere"] as? Int }, [0, 0, 0, 1, 0, 0, 0])
        // Proposal and Negotiation tie at 50 %: the earlier is the bottleneck.
        XCTAssertEqual(r["bottleneck"] as? String, "proposal")
        XCTAssertEqual(stages.map { $0["bottleneck"] as? Bool }, [false, false, false, true, false, false, false])
        XCTAssertEqual(micros(r["winRate"]), m("50"))
        XCTAssertEqual(micros(r["wonOfAll"]), m("25"))

        let text = ok(["report", "funnel", "--file", file]).stdout
        XCTAssertTrue(text.contains("◀ bottleneck"), text)
        XCTAssertTrue(text.contains("Bottleneck: Proposal → Negotiation, only 50.0%"), text)
        XCTAssertTrue(text.contains("Win rate: 50.0% of closed deals (1 won, 1 lost); 25.0% of all 4 deals"), text)
        let bottleneckLine = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("Proposal") })
        XCTAssertTrue(bottleneckLine.hasSuffix("◀ bottleneck"), String(bottleneckLine))
    }

    // MARK: Velocity (a file written by hand, with fixed times)

    func writeVelocityFile() throws {
        let json = """
            {
              "version": 1, "name": "Velocity", "currency": "EUR",
              "stages": [
                {"id": "lead", "name": "Lead", "probability": 10, "rotDays": 21},
                {"id": "proposal", "name": "Proposal", "probability": 60, "rotDays": 10},
                {"id": "negotiation", "name": "Negotiation", "probability": 80},
                {"id": "won", "name": "Won", "probability": 100, "kind": "won"}
              ],
              "deals": [
                {"id": "v1", "title": "Won in January", "value": 100, "stage": "won", "status": "won",
                 "createdAt": "2026-01-05T09:00:00Z", "updatedAt": "2026-01-20T09:00:00Z", "stageEnteredAt": "2026-01-20T09:00:00Z",
                 "history": [{"at": "2026-01-05T09:00:00Z", "to": "lead"},
                             {"at": "2026-01-08T17:00:00Z", "from": "lead", "to": "proposal"},
                             {"at": "2026-01-20T09:00:00Z", "from": "proposal", "to": "won", "status": "won"}]},
                {"id": "v2", "title": "Across the new year", "value": 100, "stage": "won", "status": "won",
                 "createdAt": "2025-12-30T15:00:00Z", "updatedAt": "2026-01-02T08:00:00Z", "stageEnteredAt": "2026-01-02T08:00:00Z",
                 "history": [{"at": "2025-12-30T15:00:00Z", "to": "negotiation"},
                             {"at": "2026-01-02T08:00:00Z", "from": "negotiation", "to": "won", "status": "won"}]},
                {"id": "v3", "title": "Lost early", "value": 100, "stage": "lead", "status": "lost",
                 "createdAt": "2026-02-01T09:00:00Z", "updatedAt": "2026-02-03T09:00:00Z", "stageEnteredAt": "2026-02-01T09:00:00Z",
                 "history": [{"at": "2026-02-01T09:00:00Z", "to": "lead"},
                             {"at": "2026-02-03T09:00:00Z", "from": "lead", "to": "lead", "status": "lost"}]},
                {"id": "v4", "title": "Forgotten", "value": 100, "stage": "proposal",
                 "createdAt": "2026-01-01T09:00:00Z", "updatedAt": "2026-01-01T09:00:00Z", "stageEnteredAt": "2026-01-01T09:00:00Z",
                 "history": [{"at": "2026-01-01T09:00:00Z", "to": "proposal"}]}
              ]
            }
            """
        try json.write(toFile: file, atomically: true, encoding: .utf8)
    }

    func testVelocityDaysSalesCycleAndStale() throws {
        try writeVelocityFile()
        let r = report(["velocity"])
        let stages = try XCTUnwrap(r["stages"] as? [[String: Any]])
        XCTAssertEqual(stages.compactMap { $0["id"] as? String }, ["lead", "proposal", "negotiation"])
        // lead: v1 3 days (5 → 8 Jan), v3 2 days (1 → 3 Feb, then lost) → 2.5 and 2.5.
        XCTAssertEqual(stages[0]["deals"] as? Int, 2)
        XCTAssertEqual(micros(stages[0]["averageDays"]), m("2.5"))
        XCTAssertEqual(micros(stages[0]["medianDays"]), m("2.5"))
        // proposal: v1 12 days; v4 still there since 1 Jan 2026 (until today) — more than 300 days.
        XCTAssertEqual(stages[1]["deals"] as? Int, 2)
        XCTAssertEqual(stages[1]["stale"] as? Int, 1)
        XCTAssertEqual(stages[1]["openNow"] as? Int, 1)
        // negotiation: v2, 30 Dec → 2 Jan = 3 days across the year end.
        XCTAssertEqual(micros(stages[2]["averageDays"]), m("3"))
        let cycle = try XCTUnwrap(r["salesCycle"] as? [String: Any])
        XCTAssertEqual(cycle["deals"] as? Int, 2)
        XCTAssertEqual(micros(cycle["averageDays"]), m("9")) // (15 + 3) / 2
        XCTAssertEqual(micros(cycle["medianDays"]), m("9"))
        XCTAssertEqual(r["stale"] as? Int, 1)

        let text = ok(["report", "velocity", "--file", file]).stdout
        XCTAssertTrue(text.contains("average 9.0 days, median 9.0 days, over 2 deals"), text)
        XCTAssertTrue(text.contains("Stale deals (unchanged for longer than their stage allows): 1 of 1 open."), text)
        let csv = ok(["report", "velocity", "--csv", "--file", file]).stdout
        XCTAssertTrue(csv.contains("lead,Lead,2,2.5,2.5,0,0\n"), csv)
        XCTAssertTrue(csv.hasSuffix(",sales cycle (won deals),2,9.0,9.0,,\n"), csv)
    }

    // MARK: Sources, owners, lost reasons

    func makeOwnersBoard() {
        ok(["init", "--file", file])
        add("A", ["--value", "1000", "--owner", "Ana", "--source", "Web", "--next", "Call", "--due", day(days: -1)])
        add("B", ["--value", "2500.50", "--owner", "ana", "--source", "web", "--stage", "proposal"])
        let c = add("C", ["--value", "3000", "--owner", "Ben", "--source", "Fair"])
        ok(["won", c, "--file", file])
        let d = add("D", ["--value", "800", "--owner", "Ben", "--source", "Web"])
        ok(["lost", d, "--reason", "Price", "--file", file])
        let e = add("E", ["--value", "200", "--owner", "Ben"])
        ok(["lost", e, "--reason", "price", "--file", file])
        let f = add("F", ["--value", "50", "--currency", "USD"])
        ok(["lost", f, "--file", file])
    }

    func testSourcesOwnersAndLostReasons() throws {
        makeOwnersBoard()
        let s = report(["sources"])
        let rows = try XCTUnwrap(s["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["name"] as? String }, ["Web", "Fair", nil])
        XCTAssertEqual(rows.map { $0["deals"] as? Int }, [3, 1, 2])
        XCTAssertEqual(amounts(rows[0]["openValue"]), ["EUR": m("3500.5")])
        XCTAssertEqual(amounts(rows[0]["weighted"]), ["EUR": m("1600.3")]) // 100 + 2500.50 × 60 %
        XCTAssertEqual(micros(rows[0]["winRate"]), m("0"))
        XCTAssertEqual(amounts(rows[1]["wonValue"]), ["EUR": m("3000")])
        XCTAssertEqual(rows[0]["overdueNextActions"] as? Int, 1)
        XCTAssertTrue(rows[2]["name"] is NSNull)

        let o = report(["owners"])
        let owners = try XCTUnwrap(o["rows"] as? [[String: Any]])
        XCTAssertEqual(owners.map { $0["name"] as? String }, ["Ben", "Ana", nil])
        XCTAssertEqual(micros(owners[0]["winRate"]), m("33.3"))
        XCTAssertEqual(owners.map { $0["open"] as? Int }, [0, 2, 0])
        XCTAssertEqual(owners.map { $0["overdueNextActions"] as? Int }, [0, 1, 0])

        // --owner: any case; every report follows it.
        let ana = report(["owners", "--owner", "ANA"])
        XCTAssertEqual(ana["owner"] as? String, "Ana")
        XCTAssertEqual((ana["rows"] as? [[String: Any]])?.map { $0["name"] as? String }, ["Ana"])
        XCTAssertEqual((ana["totals"] as? [String: Any])?["deals"] as? Int, 2)
        XCTAssertEqual(report(["funnel", "--owner", "ben"])["deals"] as? Int, 3)
        XCTAssertEqual(report(["lost", "--owner", "ben"])["count"] as? Int, 2)

        let l = report(["lost"])
        let reasons = try XCTUnwrap(l["reasons"] as? [[String: Any]])
        XCTAssertEqual(reasons.map { $0["reason"] as? String }, ["Price", nil])
        XCTAssertEqual(reasons.map { $0["count"] as? Int }, [2, 1])
        XCTAssertEqual(amounts(reasons[0]["value"]), ["EUR": m("1000")])
        XCTAssertEqual(amounts(reasons[1]["value"]), ["EUR": 0, "USD": m("50")])
        XCTAssertEqual(l["count"] as? Int, 3)

        XCTAssertEqual(
            ok(["report", "lost", "--csv", "--file", file]).stdout,
            "reason,deals,share_percent,value_EUR,value_USD\nPrice,2,66.7,1000,0\n,1,33.3,0,50\n")
        let ownersCSV = ok(["report", "owners", "--csv", "--file", file]).stdout.split(separator: "\n")
        XCTAssertEqual(
            ownersCSV.first,
            "owner,deals,open,won,lost,open_value_EUR,weighted_EUR,won_value_EUR,win_rate_percent,overdue_next_actions")
        XCTAssertEqual(ownersCSV[1], "Ben,3,0,1,2,0,0,3000,33.3,0")
        XCTAssertEqual(ownersCSV[2], "Ana,2,2,0,0,3500.5,1600.3,0,,1")
    }

    func testTextColumnsAlignWithWideCharacters() throws {
        ok(["init", "--file", file])
        add("Cloud", ["--value", "26500", "--owner", "日本商事", "--source", "展示会"])
        add("Web", ["--value", "1200", "--owner", "Ana", "--source", "Web"])
        for kind in ["owners", "sources"] {
            let lines = ok(["report", kind, "--file", file]).stdout.split(
                separator: "\n", omittingEmptySubsequences: false
            ).map(String.init)
            let header = try XCTUnwrap(lines.first { $0.hasPrefix(kind == "owners" ? "OWNER" : "SOURCE") })
            let start = try XCTUnwrap(lines.firstIndex(of: header))
            let rows = lines[(start + 1)...].prefix { !$0.isEmpty }
            XCTAssertEqual(rows.count, 3, kind) // two names and the total
            // The right edge of the (right-aligned) WIN RATE column is at the same display column on
            // every line: a character there, a blank (or the end of the line) just after.
            let edge = displayWidth(String(header[..<header.range(of: "WIN RATE")!.upperBound]))
            for row in rows {
                let cell = cells(row, from: edge - 1, count: 1)
                XCTAssertFalse(cell.isEmpty || cell == " ", "\(kind): \(row)")
                XCTAssertTrue(["", " "].contains(cells(row, from: edge, count: 1)), "\(kind): \(row)")
            }
        }
    }

    // MARK: Customer follow-up

    func testNpsRecordsShowsValidatesAndClears() throws {
        ok(["init", "--file", file])
        let w = add("Intranet", ["--value", "33000", "--company", "Mutuelle", "--owner", "Julien"])
        ok(["won", w, "--file", file])
        let o = add("Open deal", ["--value", "100"])

        let r = ok(["nps", String(w.prefix(4)), "9", "--file", file])
        XCTAssertTrue(r.stdout.contains("Recorded 9/10"), r.stdout)
        XCTAssertTrue(r.stdout.contains("promoter"), r.stdout)
        let deal = try XCTUnwrap((fileObject()["deals"] as? [[String: Any]])?.first { $0["id"] as? String == w })
        XCTAssertEqual(deal["nps"] as? Int, 9)
        XCTAssertTrue(ok(["nps", w, "--file", file]).stdout.contains("9/10"))
        XCTAssertEqual(show(w)["status"] as? String, "won")

        let before = fileBytes()
        XCTAssertTrue(ok(["nps", w, "9", "--file", file]).stdout.hasPrefix("Nothing changed"))
        XCTAssertEqual(fileBytes(), before)

        fails(["nps", o, "8", "--file", file], mentioning: ["won"])
        for bad in ["11", "abc", "9.5", " ", "10000"] {
            fails(["nps", w, bad, "--file", file], mentioning: ["0 to 10"])
        }
        fails(["nps", w, "5", "--clear", "--file", file])
        fails(["nps", "0000", "5", "--file", file], mentioning: ["0000"])

        ok(["nps", w, "6", "--file", file])
        var n = report(["nps"])
        XCTAssertEqual(n["answers"] as? Int, 1)
        XCTAssertEqual(n["detractors"] as? Int, 1)
        XCTAssertEqual(n["nps"] as? Int, -100)
        ok(["nps", w, "10", "--file", file])
        n = report(["nps"])
        XCTAssertEqual(n["nps"] as? Int, 100)
        let promoters = try XCTUnwrap(n["promoterDeals"] as? [[String: Any]])
        XCTAssertEqual(promoters.map { $0["id"] as? String }, [w])
        XCTAssertEqual(promoters.first?["company"] as? String, "Mutuelle")
        XCTAssertEqual(promoters.first?["score"] as? Int, 10)
        let text = ok(["report", "nps", "--file", file]).stdout
        XCTAssertTrue(text.contains("NPS = 100.0% promoters − 0.0% detractors = 100"), text)
        XCTAssertTrue(text.contains("Mutuelle"), text)

        XCTAssertTrue(ok(["nps", w, "--clear", "--file", file]).stdout.contains("Removed"))
        let cleared = try XCTUnwrap((fileObject()["deals"] as? [[String: Any]])?.first { $0["id"] as? String == w })
        XCTAssertNil(cleared["nps"])
        XCTAssertTrue(ok(["nps", w, "--clear", "--file", file]).stdout.hasPrefix("Nothing changed"))
        n = report(["nps"])
        XCTAssertTrue(n["nps"] is NSNull)
        XCTAssertEqual((n["unanswered"] as? [[String: Any]])?.map { $0["id"] as? String }, [w])
    }

    // MARK: Output forms, errors, the demo

    func testBarsAreASCIIWithoutUTF8() {
        ok(["init", "--demo", "--file", file])
        let utf8 = ok(["report", "funnel", "--file", file]).stdout
        XCTAssertTrue(utf8.contains("█"), utf8)
        let ascii = ok(["report", "funnel", "--file", file], env: ["LANG": "C"]).stdout
        XCTAssertFalse(ascii.contains("█"), ascii)
        XCTAssertTrue(ascii.contains("####"), ascii)
        XCTAssertTrue(ascii.contains("< bottleneck"), ascii)
        let lcAll = ok(["report", "lost", "--file", file], env: ["LANG": "C.UTF-8", "LC_ALL": "POSIX"]).stdout
        XCTAssertFalse(lcAll.contains("█"), lcAll)
    }

    func testBadArgumentsFailWithoutTouchingTheFile() {
        ok(["init", "--demo", "--file", file])
        fails(["report", "pipeline", "--file", file], mentioning: ["forecast", "nps", "pipeline"])
        fails(["report", "funnel", "--months", "3", "--file", file], mentioning: ["--months"])
        fails(["report", "forecast", "--months", "25", "--file", file], mentioning: ["--months", "1 to 24"])
        fails(["report", "forecast", "--months", "0", "--file", file], mentioning: ["--months"])
        fails(["report", "forecast", "--json", "--csv", "--file", file], mentioning: ["--json", "--csv"])
        fails(["report", "owners", "--owner", "Nobody", "--file", file], mentioning: ["Nobody", "Camille Martin"])
        fails(
            ["report", "funnel", "--file", dir.appendingPathComponent("missing.json").path],
            mentioning: ["pipedeck init"])
    }

    func testEveryReportRunsOnTheDemoInEveryForm() throws {
        ok(["init", "--demo", "--file", file])
        for kind in ["forecast", "funnel", "velocity", "sources", "owners", "lost", "nps"] {
            let text = ok(["report", kind, "--file", file]).stdout
            XCTAssertTrue(
                text.hasPrefix(
                    kind == "lost"
                        ? "Lost reasons — Demo pipeline (EUR)"
                        : kind == "nps"
                            ? "Customer follow-up — Demo pipeline"
                            : "\(kind.prefix(1).uppercased())\(kind.dropFirst()) — Demo pipeline"), text)
            XCTAssertEqual(report([kind])["report"] as? String, kind)
            let csv = ok(["report", kind, "--csv", "--file", file]).stdout
            let widths = Set(
                csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).count })
            XCTAssertEqual(widths.count, 1, "\(kind): CSV lines with different numbers of fields\n\(csv)")
        }
        // The forecast's open totals are the summary's.
        let summary = object(ok(["summary", "--json", "--file", file]).stdout)
        let forecast = report(["forecast"])
        let open = try XCTUnwrap(forecast["openTotal"] as? [String: Any])
        let sOpen = try XCTUnwrap(summary["open"] as? [String: Any])
        XCTAssertEqual(open["count"] as? Int, sOpen["count"] as? Int)
        XCTAssertEqual(amounts(open["value"]), amounts(sOpen["total"]))
        XCTAssertEqual(amounts(open["weighted"]), amounts(sOpen["weighted"]))

        let help = ok(["--help"]).stdout
        XCTAssertTrue(help.contains("report"), help)
        XCTAssertTrue(help.contains("nps"), help)
        XCTAssertTrue(ok(["report", "--help"]).stdout.contains("velocity"))
    }

    // MARK: The bar helper

    func testBars() {
        XCTAssertEqual(Bar.draw(1, of: 2, width: 20, unicode: true), String(repeating: "█", count: 10))
        XCTAssertEqual(Bar.draw(2, of: 2, width: 4, unicode: true), "████")
        XCTAssertEqual(Bar.draw(5, of: 2, width: 4, unicode: true), "████") // never longer than the width
        XCTAssertEqual(Bar.draw(1, of: 160, width: 20, unicode: true), "▏") // one eighth of a cell
        XCTAssertEqual(Bar.draw(3, of: 16, width: 4, unicode: true), "▊") // 6 eighths
        XCTAssertEqual(Bar.draw(13, of: 16, width: 4, unicode: true), "███▎") // 26 eighths
        XCTAssertEqual(Bar.draw(1, of: 1_000_000, width: 20, unicode: true), "▏") // tiny but not nothing
        XCTAssertEqual(Bar.draw(0, of: 5, width: 20, unicode: true), "")
        XCTAssertEqual(Bar.draw(3, of: 0, width: 20, unicode: true), "")
        XCTAssertEqual(Bar.draw(1, of: 2, width: 20, unicode: false), String(repeating: "#", count: 10))
        XCTAssertEqual(Bar.draw(1, of: 1_000, width: 20, unicode: false), "#")
        XCTAssertEqual(ReportOutput.isUTF8(["LANG": "en_US.UTF-8"]), true)
        XCTAssertEqual(ReportOutput.isUTF8(["LANG": "fr_FR.utf8"]), true)
        XCTAssertEqual(ReportOutput.isUTF8(["LANG": "en_US.UTF-8", "LC_ALL": "C"]), false)
        XCTAssertEqual(ReportOutput.isUTF8(["LC_CTYPE": "C.UTF-8", "LANG": "C"]), true)
        XCTAssertEqual(ReportOutput.isUTF8([:]), false)
        XCTAssertEqual(CSV.line(["a", "b,c", "say \"hi\"", "x\ny"]), "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"")
    }
}
