import Foundation
import XCTest

final class MoveAndStatusTests: CLITestCase {
    func stage(_ id: String) -> String? { show(id)["stage"] as? String }

    func testMoveByIDNamePositionNextAndPrev() {
        ok(["init", "--file", file])
        let id = add("Deal", ["--value", "1000"])
        ok(["move", id, "qualification", "--file", file]); XCTAssertEqual(stage(id), "qualification")
        ok(["move", id, "needs ANALYSIS", "--file", file]); XCTAssertEqual(stage(id), "needs")
        ok(["move", id, "4", "--file", file]); XCTAssertEqual(stage(id), "proposal")
        let r = ok(["move", id, "next", "--file", file]); XCTAssertEqual(stage(id), "negotiation")
        XCTAssertTrue(r.stdout.contains("Proposal → Negotiation"), r.stdout)
        ok(["move", id, "prev", "--file", file]); XCTAssertEqual(stage(id), "proposal")
        ok(["move", id, "1", "--file", file]); XCTAssertEqual(stage(id), "lead")

        // Past the first stage: nothing changes, and that is not an error.
        var before = fileBytes()
        let first = ok(["move", id, "prev", "--file", file])
        XCTAssertTrue(first.stdout.contains("Nothing changed"), first.stdout)
        XCTAssertEqual(fileBytes(), before)
        let same = ok(["move", id, "lead", "--file", file])
        XCTAssertTrue(same.stdout.contains("Nothing changed"), same.stdout)
        XCTAssertEqual(fileBytes(), before)

        // Into the won stage: won; past the last stage: nothing changes.
        ok(["move", id, "7", "--file", file])
        XCTAssertEqual(show(id)["status"] as? String, "won")
        before = fileBytes()
        let last = ok(["move", id, "next", "--file", file])
        XCTAssertTrue(last.stdout.contains("Nothing changed"), last.stdout)
        XCTAssertEqual(fileBytes(), before)

        let history = show(id)["history"] as? [[String: Any]] ?? []
        XCTAssertEqual(history.count, 8)
        XCTAssertEqual(history.last?["to"] as? String, "won")
        XCTAssertEqual(history.last?["status"] as? String, "won")

        fails(["move", id, "nowhere", "--file", file], mentioning: ["nowhere", "lead", "next"])
        fails(["move", id, "0", "--file", file], mentioning: ["\"0\""])
        fails(["move", id, "8", "--file", file], mentioning: ["\"8\""])
    }

    func testWonLostAndReopen() {
        ok(["init", "--file", file])
        let id = add("Deal", ["--value", "1000", "--stage", "proposal"])
        var r = ok(["won", id, "--file", file])
        XCTAssertTrue(r.stdout.contains("won"), r.stdout)
        var d = show(id)
        XCTAssertEqual(d["status"] as? String, "won")
        XCTAssertEqual(d["stage"] as? String, "won")

        let before = fileBytes()
        r = ok(["won", id, "--file", file])
        XCTAssertTrue(r.stdout.contains("Nothing changed"), r.stdout)
        XCTAssertEqual(fileBytes(), before)

        ok(["reopen", id, "--file", file])
        d = show(id)
        XCTAssertEqual(d["status"] as? String, "open")
        XCTAssertEqual(d["stage"] as? String, "proposal", "back to the stage it was won from")

        ok(["lost", id, "--reason", "Price", "--file", file])
        d = show(id)
        XCTAssertEqual(d["status"] as? String, "lost")
        XCTAssertEqual(d["lostReason"] as? String, "Price")
        XCTAssertEqual(d["stage"] as? String, "proposal")
        XCTAssertEqual(micros(d["weighted"]), 0)
        XCTAssertTrue(array(ok(["list", "--json", "--file", file]).stdout).isEmpty, "a lost deal is not open")

        ok(["reopen", id, "--file", file])
        d = show(id)
        XCTAssertEqual(d["status"] as? String, "open")
        XCTAssertTrue(d["lostReason"] is NSNull)
        let statuses = (d["history"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String }
        XCTAssertEqual(statuses, ["won", "open", "lost", "open"])

        let text = ok(["show", id, "--file", file]).stdout
        XCTAssertTrue(text.contains("won: Proposal → Won · Follow-up"), text)
        XCTAssertTrue(text.contains("lost in Proposal"), text)
        XCTAssertTrue(text.contains("reopened in Proposal"), text)
    }

    func testPrefixIDsAndAmbiguity() {
        ok(["init", "--demo", "--file", file])
        XCTAssertEqual(show("d13")["id"] as? String, "d13pro")
        ok(["won", "d19", "--file", file])
        XCTAssertEqual(show("d19clo")["status"] as? String, "won")

        let message = fails(["show", "d1", "--file", file], mentioning: ["\"d1\"", "type more characters"])
        for id in ["d10nee", "d11pro", "d15neg", "d19clo"] { XCTAssertTrue(message.contains(id), message) }
        XCTAssertTrue(message.contains("Expansion pack"), "candidates come with their titles: \(message)")
        XCTAssertFalse(message.contains("d20won"), message)
        fails(["move", "d0", "next", "--file", file], mentioning: ["d01lea", "d09nee"])
        fails(["won", "zz", "--file", file], mentioning: ["\"zz\"", "pipedeck list"])
        fails(["rm", "", "--file", file])
    }
}
