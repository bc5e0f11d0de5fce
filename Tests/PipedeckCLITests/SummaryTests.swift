import Foundation
import XCTest

final class SummaryTests: CLITestCase {
    /// Amounts in millionths per currency.
    typealias Amounts = [String: Int]

    struct Figures: Equatable {
        var count = 0
        var total: Amounts = [:]
        var weighted: Amounts = [:]
    }

    /// Hundredths of a unit or of a percent from a JSON number: "65.5" → 6550.
    func hundredths(_ any: Any?) -> Int { micros(any)! / 10_000 }

    func amounts(_ any: Any?) -> Amounts {
        var out: Amounts = [:]
        for (k, v) in any as? [String: Any] ?? [:] { out[k] = micros(v) }
        return out
    }

    /// Drops zero amounts so that "no deals" and "0 in the board's currency" compare equal.
    func nonZero(_ a: Amounts) -> Amounts { a.filter { $0.value != 0 } }

    func testSummaryJSONMatchesAHandCalculationFromTheFile() throws {
        ok(["init", "--demo", "--file", file])

        // The calculation, from the rows in the file: value × probability (the deal's own, else its stage's).
        let board = fileObject()
        let boardCurrency = try XCTUnwrap(board["currency"] as? String)
        let stages = try XCTUnwrap(board["stages"] as? [[String: Any]])
        let deals = try XCTUnwrap(board["deals"] as? [[String: Any]])
        XCTAssertEqual(deals.count, 25)
        var perStage: [String: Figures] = [:]
        var open = Figures(), won = Figures(), lost = Figures()
        var currencies = Set<String>()
        for d in deals {
            let stage = try XCTUnwrap(stages.first { $0["id"] as? String == d["stage"] as? String })
            let currency = d["currency"] as? String ?? boardCurrency
            currencies.insert(currency)
            let cents = hundredths(d["value"])
            let percent = d["probability"] != nil ? hundredths(d["probability"]) : hundredths(stage["probability"])
            let weightedMicros = cents * percent // cents × (percent × 100) = millionths × 10^4 / 10^4
            let valueMicros = cents * 10_000
            let sid = stage["id"] as! String
            switch d["status"] as? String {
            case "open":
                open.count += 1; open.total[currency, default: 0] += valueMicros;
                open.weighted[currency, default: 0] += weightedMicros
                if stage["kind"] as? String == "open" {
                    perStage[sid, default: Figures()].count += 1
                    perStage[sid, default: Figures()].total[currency, default: 0] += valueMicros
                    perStage[sid, default: Figures()].weighted[currency, default: 0] += weightedMicros
                }
            case "won":
                won.count += 1; won.total[currency, default: 0] += valueMicros
                if stage["kind"] as? String == "won" {
                    perStage[sid, default: Figures()].count += 1
                    perStage[sid, default: Figures()].total[currency, default: 0] += valueMicros
                    perStage[sid, default: Figures()].weighted[currency, default: 0] += valueMicros
                }
            case "lost":
                lost.count += 1; lost.total[currency, default: 0] += valueMicros
            default:
                XCTFail("unexpected status in \(d)")
            }
        }
        XCTAssertEqual(currencies, ["EUR", "USD"], "the demo uses two currencies")

        let r = ok(["summary", "--json", "--file", file])
        let summary = object(r.stdout)
        XCTAssertEqual(summary["currency"] as? String, "EUR")
        XCTAssertEqual(summary["currencies"] as? [String], ["EUR", "USD"])
        let rows = try XCTUnwrap(summary["stages"] as? [[String: Any]])
        XCTAssertEqual(rows.compactMap { $0["id"] as? String }, stages.compactMap { $0["id"] as? String })
        for row in rows {
            let sid = row["id"] as! String
            let expected = perStage[sid] ?? Figures()
            XCTAssertEqual(row["count"] as? Int, expected.count, sid)
            XCTAssertEqual(nonZero(amounts(row["total"])), expected.total, sid)
            XCTAssertEqual(nonZero(amounts(row["weighted"])), nonZero(expected.weighted), sid)
        }
        let o = try XCTUnwrap(summary["open"] as? [String: Any])
        XCTAssertEqual(o["count"] as? Int, open.count)
        XCTAssertEqual(amounts(o["total"]), open.total)
        XCTAssertEqual(amounts(o["weighted"]), open.weighted)
        let w = try XCTUnwrap(summary["won"] as? [String: Any])
        XCTAssertEqual(w["count"] as? Int, won.count)
        XCTAssertEqual(amounts(w["total"]), won.total)
        let l = try XCTUnwrap(summary["lost"] as? [String: Any])
        XCTAssertEqual(l["count"] as? Int, lost.count)
        XCTAssertEqual(amounts(l["total"]), lost.total)

        // The figures the demo is built to have, as a check on the check.
        XCTAssertEqual(open.count, 20); XCTAssertEqual(won.count, 3); XCTAssertEqual(lost.count, 2)
        XCTAssertEqual(open.weighted["USD"], 12_000_000_000, "USD 20000 at 60%")
    }

    func testJSONAmountsAreWrittenExactly() {
        ok(["init", "--file", file])
        _ = add("Exact", ["--value", "10000.5"])
        _ = add("Odd", ["--value", "0.07", "--probability", "33.33"])
        let raw = ok(["summary", "--json", "--file", file]).stdout
        XCTAssertTrue(raw.contains("\"EUR\": 10000.57"), raw) // 10000.50 + 0.07
        XCTAssertTrue(raw.contains("\"EUR\": 1000.073331"), raw) // 1000.05 + 0.07 × 33.33%
        XCTAssertFalse(raw.contains("99999"), raw)
        let list = ok(["list", "--json", "--file", file]).stdout
        XCTAssertTrue(list.contains("\"value\": 10000.5,"), list)
        XCTAssertTrue(list.contains("\"weighted\": 0.023331,"), list)
    }

    func testSummaryText() {
        ok(["init", "--demo", "--file", file])
        let text = ok(["summary", "--file", file]).stdout
        for piece in [
            "Demo pipeline (EUR)", "STAGE", "DEALS", "WEIGHTED", "Lead generation", "Won · Follow-up",
            "20 deals", "3 deals", "2 deals", "$20,000", " + $", "€48,600",
        ] {
            XCTAssertTrue(text.contains(piece), "summary does not contain \(piece):\n\(text)")
        }
        let lead = text.split(separator: "\n").first { $0.hasPrefix("Lead generation") } ?? ""
        // 4800 + 18000 + 26500 + 7200 + 3200 = 59700, weighted 10% = 5970
        XCTAssertTrue(lead.contains(" 5 ") && lead.contains("€59,700") && lead.contains("€5,970"), String(lead))
    }
}
