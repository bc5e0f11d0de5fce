import Foundation
import XCTest

/// `pipedeck report` with an exchange rate (issue 17): USD deals counted in the EUR totals at
/// 0.92, marked ≈, the JSON keeping the amounts per currency beside the converted totals; the
/// outputs without a rate are what they were.
final class ReportRatesCommandTests: CLITestCase {
    func board() {
        ok(["init", "--file", file])
        ok(["add", "Acme renewal", "--value", "10000", "--stage", "proposal", "--owner", "Ana", "--file", file])
        ok([
            "add", "Globex", "--value", "20000", "--currency", "USD", "--stage", "proposal", "--owner", "Ben",
            "--file", file,
        ])
    }

    func report(_ kind: String, _ more: [String] = []) -> String {
        ok(["report", kind] + more + ["--file", file]).stdout
    }

    func testReportsCountUSDInTheEuroTotalsMarkedApproximately() {
        board()
        let kinds = ["funnel", "sources", "owners", "forecast", "lost"]
        var before: [String: String] = [:]
        for k in kinds { before[k] = report(k) }
        var beforeJSON: [String: String] = [:]
        for k in kinds { beforeJSON[k] = report(k, ["--json"]) }
        XCTAssertTrue(before["owners"]!.contains("€6,000 + $12,000"), before["owners"]!)
        ok(["rates", "set", "USD", "0.92", "--file", file])

        // 10 000 € + 20 000 $ × 0.92 = 28 400 €; weighted at 60 %: 6 000 € + 11 040 € = 17 040 €.
        let sources = report("sources")
        XCTAssertTrue(sources.contains("≈€28,400"), sources)
        XCTAssertTrue(sources.contains("≈€17,040"), sources)
        XCTAssertFalse(sources.contains("$"), "no amount stays apart: \(sources)")
        XCTAssertTrue(sources.contains("1 USD = 0.92 EUR"), sources)
        let owners = report("owners")
        XCTAssertTrue(owners.contains("≈€11,040"), "Ben's weighted: \(owners)")
        XCTAssertTrue(owners.contains("≈€17,040"), owners)
        let forecast = report("forecast")
        XCTAssertTrue(
            forecast.split(separator: "\n").contains { $0.hasPrefix("No date") && $0.contains("≈€28,400") }, forecast)
        XCTAssertEqual(report("funnel"), before["funnel"], "the funnel counts deals, it has no amounts")

        let o = object(report("owners", ["--json"]))
        let totals = o["totals"] as? [String: Any]
        XCTAssertEqual(((totals?["weighted"] as? [String: Any])?["USD"] as? NSNumber)?.intValue, 12000)
        let conv = (totals?["converted"] as? [String: Any])?["weighted"] as? [String: Any]
        XCTAssertEqual((conv?["value"] as? NSNumber)?.intValue, 17040)
        XCTAssertEqual(conv?["approximate"] as? Bool, true)
        XCTAssertEqual((conv?["apart"] as? [String: Any])?.count, 0)
        XCTAssertEqual(((o["rates"] as? [[String: Any]])?.first?["currency"]) as? String, "USD")
        let s = object(report("sources", ["--json"]))
        let sConv = ((s["totals"] as? [String: Any])?["converted"] as? [String: Any])?["openValue"] as? [String: Any]
        XCTAssertEqual((sConv?["value"] as? NSNumber)?.intValue, 28400)
        let f = object(report("forecast", ["--json"]))
        let openTotal = f["openTotal"] as? [String: Any]
        XCTAssertEqual(((openTotal?["value"] as? [String: Any])?["USD"] as? NSNumber)?.intValue, 20000)
        let fConv = (openTotal?["converted"] as? [String: Any])?["weighted"] as? [String: Any]
        XCTAssertEqual((fConv?["value"] as? NSNumber)?.intValue, 17040)
        XCTAssertNil(object(report("funnel", ["--json"]))["converted"])

        let csv = report("owners", ["--csv"])
        XCTAssertTrue(csv.split(separator: "\n")[0].hasSuffix(",weighted_converted_EUR,won_value_converted_EUR"), csv)
        XCTAssertTrue(csv.contains("Ben,1,1,0,0,0,20000,0,12000,0,0,,0,18400,11040,0"), csv)

        ok(["rates", "rm", "USD", "--file", file])
        for k in kinds {
            XCTAssertEqual(report(k), before[k], "\(k): without a rate, as before")
            XCTAssertEqual(report(k, ["--json"]), beforeJSON[k], "\(k) --json: without a rate, as before")
        }
    }
}
