import Foundation
import XCTest

/// The real binary in French, in tmux: a deal added with a French amount and a French date,
/// moved, and the file checked.
final class FrenchEndToEndTests: EndToEndTestCase {
    let french = ["PIPEDECK_LANG": "fr"]

    /// The next Friday after today (UTC), as "vendredi" means in the due field.
    func nextFriday() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let now = Date()
        var ahead = (6 - calendar.component(.weekday, from: now) + 7) % 7 // Friday is 6
        if ahead == 0 { ahead = 7 }
        let day = calendar.date(byAdding: .day, value: ahead, to: now)!
        let c = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    func testAddAFrenchDealMoveItAndCheckTheFile() throws {
        try XCTSkipUnless(TmuxSession.isTmuxAvailable, "tmux is not installed")
        XCTAssertEqual(try run(["init", "--demo", "--file", file], env: french).status, 0)
        let s = TmuxSession(
            arguments: [TmuxSession.pipedeckBinary.path, "--file", file], width: 120, height: 40, environment: french)
        XCTAssertTrue(s.waitFor("Pipeline de démonstration"), s.capture())
        XCTAssertTrue(s.waitFor("Pondéré "), s.capture())
        s.send("a")
        XCTAssertTrue(s.waitFor("Nouvelle affaire"), s.capture())
        s.type("Contrat Œuvray")
        s.send("Tab")
        s.type("12.500")
        XCTAssertTrue(s.waitFor("ambigu"), "12.500 is refused as ambiguous while typed: \(s.capture())")
        s.send("C-u")
        s.type("12 500,50")
        XCTAssertTrue(s.waitFor("= 12\u{202F}500,50 €"), "the form shows the amount it will save: \(s.capture())")
        s.send("Tab", "Tab", "Tab") // currency, stage, probability
        s.type("35,5")
        for _ in 0..<9 { s.send("Tab") } // company … tags, close, next action
        s.type("Relancer le client")
        s.send("Tab")
        s.type("vendredi")
        s.send("Enter")
        XCTAssertTrue(s.waitFor("«\u{A0}Contrat Œuvray\u{A0}» ajoutée"), s.capture())
        XCTAssertTrue(waitForFile { fileText().contains("Contrat Œuvray") }, fileText())
        let deals = try XCTUnwrap(json()?["deals"] as? [[String: Any]])
        let added = try XCTUnwrap(deals.first { $0["title"] as? String == "Contrat Œuvray" })
        XCTAssertTrue(fileText().contains("\"value\": 12500.5"), fileText())
        XCTAssertTrue(fileText().contains("\"probability\": 35.5"), fileText())
        // The next step is the deal's planned activity, due next Friday.
        let planned = try XCTUnwrap((added["activities"] as? [[String: Any]])?.first { $0["done"] as? Bool != true })
        XCTAssertEqual(planned["subject"] as? String, "Relancer le client")
        XCTAssertEqual(planned["due"] as? String, nextFriday())
        let id = try XCTUnwrap(added["id"] as? String)
        XCTAssertEqual(added["stage"] as? String, "lead")
        // The new deal is selected: move it one stage on.
        s.send("L")
        XCTAssertTrue(s.waitFor("déplacée vers Qualification"), s.capture())
        XCTAssertTrue(waitForFile { savedStage(id) == "qualification" })
        // The search finds it without the ligature; the help speaks French.
        s.send("/")
        s.type("oeuvray")
        XCTAssertTrue(s.waitFor("filtré\u{A0}: 1 sur 26 affaires"), s.capture())
        s.send("Enter", "?")
        XCTAssertTrue(s.waitFor("passer l'affaire à l'étape suivante"), s.capture())
        s.send("Escape")
        s.resize(width: 40, height: 12)
        XCTAssertTrue(s.waitFor("Qualification"), s.capture())
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }
}
