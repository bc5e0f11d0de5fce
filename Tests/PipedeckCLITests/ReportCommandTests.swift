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
        // (The last two columns are the forecast against targets', empty on these lines.)
        XCTAssertEqual(
            lines.first, "kind,period,deals,value_EUR,value_USD,weighted_EUR,weighted_USD,target_EUR,gap_EUR")
        XCTAssertTrue(lines.contains("open,\(month(0)),1,0.07,0,0.023331,0,,"), csv)
        XCTAssertTrue(lines.contains("open,later,1,0,500,0,50,,"), csv)
        XCTAssertTrue(lines.contains("won,\(month(0)),1,4000,0,,,,"), csv)
        XCTAssertEqual(lines.count, 1 + 9 + 6 + 11, "and a target line for each of 11 months")

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
}
