import Foundation
import XCTest

final class InitAndAddTests: CLITestCase {
    func testInitCreatesABoardAndRefusesToReplaceItWithoutForce() throws {
        let r = ok(["init", "--file", file])
        XCTAssertTrue(r.stdout.contains(file))
        var board = fileObject()
        XCTAssertEqual(board["currency"] as? String, "EUR")
        XCTAssertEqual(
            (board["stages"] as? [[String: Any]])?.map { $0["id"] as? String },
            ["lead", "qualification", "needs", "proposal", "negotiation", "closing", "won"])
        XCTAssertEqual((board["deals"] as? [Any])?.count ?? 0, 0)

        let message = fails(["init", "--file", file, "--template", "five-step"], mentioning: [file, "--force"])
        XCTAssertTrue(message.contains("already exists"), message)
        fails(["init", "--file", file, "--demo"], mentioning: [file, "--force"])

        ok(["init", "--file", file, "--template", "five-step", "--currency", "usd", "--name", "Acme", "--force"])
        board = fileObject()
        XCTAssertEqual(board["name"] as? String, "Acme")
        XCTAssertEqual(board["currency"] as? String, "USD")
        XCTAssertEqual((board["stages"] as? [[String: Any]])?.first?["id"] as? String, "prospecting")
        XCTAssertEqual((board["stages"] as? [[String: Any]])?.count, 6)
    }

    func testInitRejectsBadOptionsWithoutWriting() {
        fails(["init", "--file", file, "--template", "seven-step"], mentioning: ["--template", "five-step"])
        fails(["init", "--file", file, "--currency", "euro"], mentioning: ["--currency"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        ok(["init", "--file", file])
        fails(["init", "--file", file, "--force", "--currency", "E1"], mentioning: ["--currency"])
    }

    func testInitDemoWritesTheDemoDeals() {
        let r = ok(["init", "--demo", "--file", file])
        XCTAssertTrue(r.stdout.contains(file))
        let deals = fileObject()["deals"] as? [[String: Any]] ?? []
        XCTAssertEqual(deals.count, 25)
        XCTAssertTrue(deals.contains { $0["id"] as? String == "d03lea" })
    }

    func testAddPrintsOnlyTheNewID() throws {
        ok(["init", "--file", file])
        let r = ok(["add", "Website redesign", "--value", "12500,50", "--file", file])
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(r.lines.count, 1, r.stdout)
        let id = r.stdout.trimmingCharacters(in: .newlines)
        XCTAssertNotNil(id.range(of: "^[a-z0-9]{6,}$", options: .regularExpression), id)

        let deal = show(id)
        XCTAssertEqual(deal["id"] as? String, id)
        XCTAssertEqual(deal["title"] as? String, "Website redesign")
        XCTAssertEqual(micros(deal["value"]), 12_500_500_000)
        XCTAssertEqual(deal["stage"] as? String, "lead", "the default stage is the first")
        XCTAssertEqual(deal["status"] as? String, "open")
        XCTAssertEqual(micros(deal["probability"]), 10_000_000, "the stage's probability")
        XCTAssertTrue(deal["ownProbability"] is NSNull)

        // The file holds it too.
        let stored = (fileObject()["deals"] as? [[String: Any]])?.first
        XCTAssertEqual(stored?["id"] as? String, id)
        XCTAssertEqual(micros(stored?["value"]), 12_500_500_000)
    }

    func testAddWithEveryOption() {
        ok(["init", "--file", file])
        let id = add(
            "Cloud backup",
            [
                "--value", "26500.5", "--stage", "Proposal", "--probability", "65.5",
                "--company", "日本商事株式会社", "--contact", "Sato Haruki", "--owner", "Sarah",
                "--source", "LinkedIn", "--tag", "export", "--tag", "cloud", "--tag", "export",
                "--close", "2026-06-30", "--next", "Intro call", "--due", "2026-06-01",
                "--currency", "usd", "--notes", "Three sites",
            ])
        let d = show(id)
        XCTAssertEqual(d["stage"] as? String, "proposal")
        XCTAssertEqual(micros(d["ownProbability"]), 65_500_000)
        XCTAssertEqual(micros(d["probability"]), 65_500_000)
        XCTAssertEqual(micros(d["weighted"]), 17_357_827_500, "26500.50 × 65.5% = 17357.8275")
        XCTAssertEqual(d["company"] as? String, "日本商事株式会社")
        XCTAssertEqual(d["contact"] as? String, "Sato Haruki")
        XCTAssertEqual(d["owner"] as? String, "Sarah")
        XCTAssertEqual(d["source"] as? String, "LinkedIn")
        XCTAssertEqual(d["tags"] as? [String], ["export", "cloud"])
        XCTAssertEqual(d["expectedClose"] as? String, "2026-06-30")
        let next = d["nextAction"] as? [String: Any]
        XCTAssertEqual(next?["text"] as? String, "Intro call")
        XCTAssertEqual(next?["due"] as? String, "2026-06-01")
        XCTAssertEqual(d["currency"] as? String, "USD")
        XCTAssertEqual(d["notes"] as? String, "Three sites")
        XCTAssertEqual((d["history"] as? [Any])?.count, 1)

        let text = ok(["show", id, "--file", file]).stdout
        for piece in [
            "Cloud backup", "日本商事株式会社", "$26,500.50", "65.5%", "Intro call", "due 2026-06-01",
            "export, cloud", "2026-06-30", "Three sites", "History", "created in Proposal",
        ] {
            XCTAssertTrue(text.contains(piece), "show does not contain \(piece):\n\(text)")
        }
    }

    func testEditChangesFieldsAndRmDeletes() {
        ok(["init", "--file", file])
        let id = add(
            "Old title",
            [
                "--value", "100", "--close", "2026-05-05", "--next", "Call", "--due", "2026-05-01",
                "--company", "Acme", "--tag", "a",
            ])
        ok([
            "edit", String(id.prefix(3)), "--file", file, "--title", "New title", "--value", "250.75",
            "--probability", "30", "--clear-close", "--company", "", "--tag", "b", "--stage", "3",
        ])
        var d = show(id)
        XCTAssertEqual(d["title"] as? String, "New title")
        XCTAssertEqual(micros(d["value"]), 250_750_000)
        XCTAssertEqual(micros(d["ownProbability"]), 30_000_000)
        XCTAssertTrue(d["expectedClose"] is NSNull)
        XCTAssertTrue(d["company"] is NSNull)
        XCTAssertEqual(d["tags"] as? [String], ["b"])
        XCTAssertEqual(d["stage"] as? String, "needs")
        XCTAssertEqual((d["history"] as? [Any])?.count, 2, "a stage change through edit is recorded")
        XCTAssertEqual((d["nextAction"] as? [String: Any])?["text"] as? String, "Call")

        ok(["edit", id, "--file", file, "--due", "2026-07-07"])
        d = show(id)
        XCTAssertEqual((d["nextAction"] as? [String: Any])?["due"] as? String, "2026-07-07")
        XCTAssertEqual((d["nextAction"] as? [String: Any])?["text"] as? String, "Call")

        ok(["edit", id, "--file", file, "--clear-next", "--probability", ""])
        d = show(id)
        XCTAssertTrue(d["nextAction"] is NSNull)
        XCTAssertTrue(d["ownProbability"] is NSNull)

        let before = fileBytes()
        let same = ok(["edit", id, "--file", file, "--title", "New title"])
        XCTAssertTrue(same.stdout.contains("Nothing changed"), same.stdout)
        XCTAssertEqual(fileBytes(), before)

        fails(
            ["edit", id, "--file", file, "--clear-close", "--close", "2026-01-01"],
            mentioning: ["--clear-close", "--close"])
        fails(["edit", id, "--file", file, "--due", "2026-01-01"], mentioning: ["--due", "--next"])

        ok(["rm", id, "--file", file])
        XCTAssertEqual(array(ok(["list", "--status", "all", "--json", "--file", file]).stdout).count, 0)
        fails(["rm", id, "--file", file], mentioning: [id])
    }
}

final class ListTests: CLITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        ok(["init", "--demo", "--file", file])
    }

    /// Ids in stage order, then rank, computed from the file.
    func expectedOrder(status: String) -> [String] {
        let board = fileObject()
        let stages = (board["stages"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let deals = (board["deals"] as? [[String: Any]] ?? []).filter { $0["status"] as? String == status }
        return deals.sorted { a, b in
            let sa = stages.firstIndex(of: a["stage"] as! String)!, sb = stages.firstIndex(of: b["stage"] as! String)!
            if sa != sb { return sa < sb }
            return (a["rank"] as! Int) < (b["rank"] as! Int)
        }.map { $0["id"] as! String }
    }

    func testListShowsOpenDealsInStageThenRankOrderAsAnAlignedTable() throws {
        _ = add("Long company", ["--value", "5000", "--company", "株式会社日本ロングネームコーポレーションホールディングス"])
        let r = ok(["list", "--file", file])
        let lines = r.lines
        let header = try XCTUnwrap(lines.first)
        for h in ["ID", "STAGE", "TITLE", "COMPANY", "VALUE", "PROB", "WEIGHTED", "NEXT DUE"] {
            XCTAssertTrue(header.contains(h), header)
        }
        let rows = Array(lines.dropFirst())
        XCTAssertEqual(rows.map { String($0.prefix { $0 != " " }) }, expectedOrder(status: "open"))
        XCTAssertFalse(
            rows.contains { $0.hasPrefix("d20won") || $0.hasPrefix("d23los") },
            "won and lost deals are not listed by default")

        func end(of title: String) -> Int { displayWidth(String(header[..<header.range(of: title)!.upperBound])) }
        func start(of title: String) -> Int { displayWidth(String(header[..<header.range(of: title)!.lowerBound])) }
        let valueEnd = end(of: "VALUE"), probEnd = end(of: "PROB"), weightedEnd = end(of: "WEIGHTED")
        let companyStart = start(of: "COMPANY"), titleStart = start(of: "TITLE")
        for row in rows {
            // Right-aligned amounts end under their headings, counted in display cells.
            XCTAssertTrue(
                cells(row, from: valueEnd - 1, count: 1).first?.isNumber == true, "VALUE misaligned:\n\(header)\n\(row)"
            )
            XCTAssertEqual(cells(row, from: valueEnd, count: 1), " ", row)
            XCTAssertEqual(cells(row, from: probEnd - 1, count: 1), "%", "PROB misaligned:\n\(header)\n\(row)")
            XCTAssertTrue(
                cells(row, from: weightedEnd - 1, count: 1).first?.isNumber == true,
                "WEIGHTED misaligned:\n\(header)\n\(row)")
            XCTAssertNotEqual(cells(row, from: titleStart, count: 1), " ", row)
        }
        let japanese = try XCTUnwrap(rows.first { $0.hasPrefix("d03lea") })
        XCTAssertEqual(cells(japanese, from: companyStart, count: 16), "日本商事株式会社")
        XCTAssertTrue(japanese.contains("€26,500"), japanese)
        XCTAssertTrue(japanese.contains("€2,650"), japanese)

        // A company wider than its column is cut by display width, ending with "…".
        let long = try XCTUnwrap(rows.first { $0.contains("Long company") })
        XCTAssertTrue(long.contains("株式会社日本ロングネー…"), long)
        XCTAssertFalse(long.contains("ホールディングス"), long)
        let longTitle = try XCTUnwrap(rows.first { $0.hasPrefix("d08nee") })
        XCTAssertTrue(longTitle.contains("Data warehouse assessment") && longTitle.contains("…"), longTitle)
        XCTAssertFalse(longTitle.contains("subsidiaries"), longTitle)
        XCTAssertTrue(
            rows.first { $0.hasPrefix("d14pro") }?.contains("$20,000") == true, "a USD deal is shown in dollars")
    }

    func testStatusStageOwnerSourceAndTagFilters() {
        let won = ok(["list", "--status", "won", "--file", file])
        XCTAssertTrue(won.lines.first?.contains("STATUS") == true)
        XCTAssertEqual(won.lines.dropFirst().map { String($0.prefix(6)) }, expectedOrder(status: "won"))

        let all = array(ok(["list", "--status", "all", "--json", "--file", file]).stdout)
        XCTAssertEqual(all.count, 25)
        let lost = array(ok(["list", "--status", "lost", "--json", "--file", file]).stdout)
        XCTAssertEqual(Set(lost.compactMap { $0["id"] as? String }), ["d23los", "d24los"])

        for ref in ["proposal", "PROPOSAL", "4"] {
            let p = array(ok(["list", "--stage", ref, "--json", "--file", file]).stdout)
            XCTAssertEqual(p.compactMap { $0["id"] as? String }, ["d11pro", "d12pro", "d13pro", "d14pro"], ref)
        }
        let camille = array(ok(["list", "--owner", "camille martin", "--json", "--file", file]).stdout)
        XCTAssertFalse(camille.isEmpty)
        XCTAssertTrue(
            camille.allSatisfy { $0["owner"] as? String == "Camille Martin" && $0["status"] as? String == "open" })
        let web = array(ok(["list", "--source", "Website", "--status", "all", "--json", "--file", file]).stdout)
        XCTAssertEqual(Set(web.compactMap { $0["id"] as? String }), ["d01lea", "d09nee", "d13pro", "d20won", "d24los"])
        let export = array(ok(["list", "--tag", "export", "--json", "--file", file]).stdout)
        XCTAssertEqual(export.compactMap { $0["id"] as? String }, ["d03lea", "d14pro"])

        let none = ok(["list", "--tag", "nothing-has-this", "--file", file])
        XCTAssertTrue(none.stdout.contains("No open deals"), none.stdout)
        fails(["list", "--status", "closed", "--file", file], mentioning: ["--status", "open, won, lost, all"])
        fails(["list", "--sort", "size", "--file", file], mentioning: ["--sort", "weighted"])
        fails(["list", "--stage", "later", "--file", file], mentioning: ["--stage", "later", "proposal"])
    }

    func testSortOrders() {
        func list(_ sort: String) -> [[String: Any]] {
            array(ok(["list", "--sort", sort, "--json", "--file", file]).stdout)
        }
        let byValue = list("value").map { micros($0["value"])! }
        XCTAssertEqual(byValue, byValue.sorted(by: >))
        XCTAssertEqual(list("value").first?["id"] as? String, "d15neg")
        XCTAssertEqual(
            ok(["list", "--sort", "value", "--file", file]).lines.dropFirst().first?.hasPrefix("d15neg"), true)

        let byWeighted = list("weighted").map { micros($0["weighted"])! }
        XCTAssertEqual(byWeighted, byWeighted.sorted(by: >))
        let byProbability = list("probability").map { micros($0["probability"])! }
        XCTAssertEqual(byProbability, byProbability.sorted(by: >))
        XCTAssertEqual(list("probability").first?["stage"] as? String, "closing")

        _ = add("No close date", ["--value", "1"])
        let byClose = list("close")
        XCTAssertEqual(byClose.last?["title"] as? String, "No close date", "deals without a date come last")
        let dates = byClose.dropLast().compactMap { $0["expectedClose"] as? String }
        XCTAssertEqual(dates.count, byClose.count - 1)
        XCTAssertEqual(dates, dates.sorted())

        let byAge = list("age").map { $0["daysInStage"] as! Int }
        XCTAssertEqual(byAge, byAge.sorted(by: >))
        XCTAssertEqual(list("age").first?["id"] as? String, "d02lea", "30 days in stage is the oldest open deal")
    }
}
