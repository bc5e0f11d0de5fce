import Foundation
import PipedeckRender
import XCTest

@testable import PipedeckCLI

/// The breakdowns by source, owner and lost reason, customer follow-up, and the forms every report is printed in.
extension ReportCommandTests {
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
