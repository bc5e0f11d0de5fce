import XCTest

@testable import PipedeckCore

/// The templates and the demo in French: the seed's stage names, the same stage ids, and a French
/// text for every word of the demo (a demo row added without one fails here).
final class FrenchDemoTests: XCTestCase {
    let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    let today = Day.parse("2026-11-30")!

    func testTemplatesInFrenchKeepTheirIDs() {
        for t in Template.allCases {
            let en = Language.with(.english) { t.stages }
            let fr = Language.with(.french) { t.stages }
            XCTAssertEqual(en.map(\.id), fr.map(\.id))
            XCTAssertEqual(en.map(\.probability), fr.map(\.probability))
        }
        XCTAssertEqual(
            Language.with(.french) { Template.standard.stages.map(\.name) },
            [
                "Génération de prospects", "Qualification", "Analyse des besoins", "Proposition", "Négociation",
                "Conclusion", "Suivi après-vente",
            ])
        XCTAssertEqual(
            Language.with(.french) { Template.fiveStep.stages.map(\.name) },
            ["Prospection", "Qualification", "Présentation", "Proposition", "Conclusion", "Gagnée"])
        XCTAssertEqual(
            Language.with(.french) { BoardSettings.defaultLostReasons },
            ["Prix", "Calendrier", "Concurrent", "Pas de budget", "Pas de décision", "Plus de nouvelles"])
    }

    func testEveryWordOfTheDemoHasFrench() {
        var words = Set<String>()
        for r in Demo.rows {
            words.insert(r.title)
            words.insert(r.source)
            if let n = r.next { words.insert(n.0) }
            if let n = r.notes { words.insert(n) }
            if let l = r.lostReason { words.insert(l) }
        }
        for l in Demo.logged.values.joined() {
            words.insert(l.subject)
            if let o = l.outcome { words.insert(o) }
        }
        let missing = words.filter { Demo.french[$0] == nil }.sorted()
        XCTAssertEqual(missing, [], "demo texts with no French in DemoFrench.swift")
    }

    func testTheFrenchDemoIsTheSamePipelineInFrench() {
        let en = Language.with(.english) { Demo.board(now: now, today: today) }
        let fr = Language.with(.french) { Demo.board(now: now, today: today) }
        XCTAssertEqual(fr.name, "Pipeline de démonstration")
        XCTAssertEqual(en.deals.map(\.id), fr.deals.map(\.id))
        XCTAssertEqual(en.deals.map(\.value), fr.deals.map(\.value))
        XCTAssertEqual(en.deals.map(\.stage), fr.deals.map(\.stage))
        XCTAssertEqual(fr.deals.first?.title, "Refonte du site web")
        XCTAssertEqual(fr.deals.first { $0.id == "d23los" }?.lostReason, "Prix")
        XCTAssertTrue(fr.settings.lostReasons.contains("Prix"))
        XCTAssertEqual(en.deals.first?.title, "Website redesign")
    }
}
