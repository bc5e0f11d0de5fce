import Foundation
import XCTest

/// `pipedeck targets`, `pipedeck rates`, `pipedeck boards`, `init --name` and what the reports
/// and the summary say with targets and rates.
final class TargetCommandTests: CLITestCase {
    func board() {
        ok(["init", "--file", file])
        ok(["add", "Acme renewal", "--value", "10000", "--stage", "proposal", "--owner", "Ana", "--file", file])
        ok(["add", "Globex", "--value", "20000", "--currency", "USD", "--stage", "proposal", "--file", file])
    }

    func testTargetsAreSetListedAndRemoved() {
        board()
        XCTAssertEqual(
            ok(["targets", "set", "2027-01", "80000", "--file", file]).stdout, "Target for 2027-01 (team): €80,000\n")
        ok(["targets", "set", "2027-q1", "200000.50", "--owner", " Ana ", "--file", file])
        ok(["targets", "set", "2027-01", "90000", "--file", file]) // replaces
        let list = ok(["targets", "--file", file]).stdout
        XCTAssertTrue(list.contains("2027-01  team"), list)
        XCTAssertTrue(list.contains("€90,000"), list)
        XCTAssertFalse(list.contains("€80,000"), list)
        XCTAssertTrue(list.contains("2027-Q1  Ana"), list)

        let j = object(ok(["targets", "list", "--json", "--file", file]).stdout)
        let targets = j["targets"] as? [[String: Any]] ?? []
        XCTAssertEqual(targets.map { $0["period"] as? String }, ["2027-Q1", "2027-01"], "the quarter first")
        XCTAssertEqual(targets.first?["owner"] as? String, "Ana")
        XCTAssertEqual((targets.first?["amount"] as? NSNumber)?.decimalValue, Decimal(string: "200000.5"))

        ok(["targets", "rm", "2027-Q1", "--owner", "ana", "--file", file])
        XCTAssertEqual(
            (object(ok(["targets", "list", "--json", "--file", file]).stdout)["targets"] as? [Any])?.count, 1)
    }

    func testBadTargetsAndRatesSayWhyAndChangeNothing() {
        board()
        fails(["targets", "set", "2027-13", "100", "--file", file], mentioning: ["PERIOD", "2027-13", "YYYY-MM"])
        fails(["targets", "set", "2027-01", "12.500", "--file", file], mentioning: ["ambiguous", "12500"])
        fails(["targets", "set", "2027-01", "abc", "--file", file], mentioning: ["AMOUNT"])
        fails(["targets", "set", "2027-01", "100", "--owner", " ", "--file", file], mentioning: ["--owner"])
        fails(["targets", "rm", "2027-02", "--file", file], mentioning: ["no target for 2027-02"])
        fails(["rates", "set", "USD", "0", "--file", file], mentioning: ["RATE", "0.92"])
        fails(["rates", "set", "USD", "1.2345678", "--file", file], mentioning: ["up to 6 decimals"])
        fails(["rates", "set", "EUR", "1", "--file", file], mentioning: ["board's own currency"])
        fails(["rates", "set", "XYZ", "1", "--file", file], mentioning: ["ISO 4217"])
        fails(["rates", "rm", "GBP", "--file", file], mentioning: ["no rate for GBP"])
    }

    func testRatesConvertTotalsAndTheJSONGivesBothAmounts() {
        board()
        XCTAssertEqual(
            ok(["rates", "set", "usd", "0.92", "--date", "2026-12-01", "--file", file]).stdout,
            "1 USD = 0.92 EUR (as of 2026-12-01)\n")
        XCTAssertTrue(ok(["rates", "--file", file]).stdout.contains("1 USD = 0.92 EUR  (as of 2026-12-01)"))
        let s = object(ok(["summary", "--json", "--file", file]).stdout)
        let open = s["open"] as? [String: Any]
        XCTAssertEqual(
            ((open?["total"] as? [String: Any])?["USD"] as? NSNumber)?.intValue, 20000, "the original amount")
        let converted = s["converted"] as? [String: Any]
        let total = converted?["openTotal"] as? [String: Any]
        XCTAssertEqual((total?["value"] as? NSNumber)?.intValue, 28400, "10 000 + 20 000 × 0.92")
        XCTAssertEqual(total?["approximate"] as? Bool, true)
        XCTAssertTrue(ok(["summary", "--file", file]).stdout.contains("Converted: open ≈€28,400"))
        XCTAssertEqual(
            (fileObject()["deals"] as? [[String: Any]])?.compactMap { $0["value"] as? Int }.sorted(), [10000, 20000],
            "deal values never change")
        ok(["rates", "rm", "USD", "--file", file])
        XCTAssertNil(object(ok(["summary", "--json", "--file", file]).stdout)["converted"])
    }

    func testTheForecastReportCarriesTargetsInTextJSONAndCSV() {
        board()
        let month = String(
            ok(["report", "forecast", "--json", "--file", file]).stdout.split(separator: "\"today\": \"")[1].prefix(7))
        ok(["targets", "set", month, "50000", "--file", file])
        let text = ok(["report", "forecast", "--file", file]).stdout
        XCTAssertTrue(text.contains("Against target, per month (team target)"), text)
        XCTAssertTrue(text.contains("€50,000"), text)
        let j = object(ok(["report", "forecast", "--json", "--file", file]).stdout)
        let rows = (j["targets"] as? [String: Any])?["rows"] as? [[String: Any]] ?? []
        let current = rows.first { $0["when"] as? String == "current" }
        XCTAssertEqual((current?["target"] as? NSNumber)?.intValue, 50000)
        XCTAssertEqual((current?["gap"] as? NSNumber)?.intValue, 50000, "nothing won, nothing expected to close")
        let csv = ok(["report", "forecast", "--csv", "--file", file]).stdout
        XCTAssertTrue(
            csv.hasPrefix("kind,period,deals,value_EUR,value_USD,weighted_EUR,weighted_USD,target_EUR,gap_EUR\n"), csv)
        XCTAssertTrue(csv.contains("target,\(month),0,0,0,0,0,50000,50000"), csv)
        let q = ok(["report", "forecast", "--period", "quarter", "--file", file]).stdout
        XCTAssertTrue(q.contains("per quarter"), q)
        fails(["report", "funnel", "--period", "quarter", "--file", file], mentioning: ["--period"])
        fails(["report", "forecast", "--period", "week", "--file", file], mentioning: ["month, quarter"])
    }

    func testInitWithANameCreatesTheBoardInTheDataFolderAndBoardsListsIt() {
        XCTAssertEqual(ok(["boards"]).stdout.contains("No boards in"), true)
        ok(["init", "--name", "Partenaires été"])
        let path = xdg + "/pipedeck/partenaires-ete.json"
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        ok(["init", "--demo", "--file", file])
        fails(["init", "--name", "Partenaires été"], mentioning: ["already exists"])
        let j = object(ok(["boards", "--json"]).stdout)
        let boards = j["boards"] as? [[String: Any]] ?? []
        XCTAssertEqual(boards.compactMap { $0["name"] as? String }, ["Demo pipeline", "Partenaires été"])
        XCTAssertEqual(boards.first?["open"] as? Int, 20)
        XCTAssertEqual(boards.first?["last"] as? Bool, true, "the last board created or opened")
        let text = ok(["boards"]).stdout
        XCTAssertTrue(text.contains("▸  Demo pipeline"), text)
    }
}
