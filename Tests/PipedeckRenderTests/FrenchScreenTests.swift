import PipedeckCore
import PipedeckUI
import XCTest

@testable import PipedeckRender

/// The main screens in French, at the sizes people use: words from the French tables, amounts
/// and percentages the French way, and every row exactly as wide as the screen (accents, « »
/// and no-break spaces are one cell each).
final class FrenchScreenTests: XCTestCase {
    static let sizes = [(120, 40), (80, 24), (40, 12)]

    /// The demo made and drawn in French, with the French number format.
    func french(_ build: (inout AppState) -> Void = { _ in }, width: Int, height: Int) -> [String] {
        Language.with(.french) {
            var s = Fixture.state(Fixture.demo, width: width, height: height)
            build(&s)
            let rows = BoardRenderer.render(s, options: RenderOptions(glyphs: .unicode, locale: "fr_FR")).grid.rows()
            for (i, r) in rows.enumerated() {
                XCTAssertEqual(
                    TextWidth.width(r), width, "row \(i) at \(width)×\(height) is not the screen's width: \(r)")
            }
            XCTAssertEqual(rows.count, height)
            return rows
        }
    }

    func type(_ s: inout AppState, _ text: String) { for c in text { Fixture.press(&s, .char(c)) } }

    func testBoard() {
        for (w, h) in [(160, 45)] + Self.sizes {
            let rows = french(width: w, height: h)
            assertSnapshot(rows, named: "fr-board-\(w)x\(h)")
            XCTAssertTrue(rows[1].contains("Génération de p"), rows[1])
            XCTAssertTrue(rows.last!.contains("aide"), rows.last!)
        }
        let rows = french(width: 120, height: 40)
        // The footer: French words, a narrow no-break space between thousands, a decimal comma.
        XCTAssertTrue(rows[38].contains("Pondéré 257\u{202F}527,50 €"), rows[38])
        XCTAssertTrue(rows[1].contains("10\u{202F}%"), rows[1])
        XCTAssertTrue(rows.contains { $0.contains("en retard") || $0.contains("dans ") || $0.contains("demain") })
    }

    func testFormWithErrors() {
        for (w, h) in Self.sizes.prefix(2) {
            let rows = french(
                { s in
                    Fixture.press(&s, .char("a"), .tab)
                    self.type(&s, "12.500")
                    Fixture.press(&s, .tab, .tab, .tab) // currency, stage, probability
                    self.type(&s, "35,5")
                    for _ in 0..<9 { Fixture.press(&s, .tab) } // company … tags, close, next action
                    self.type(&s, "Relancer")
                    Fixture.press(&s, .tab)
                    self.type(&s, "la semaine prochaine")
                    Fixture.press(&s, .enter)
                }, width: w, height: h)
            assertSnapshot(rows, named: "fr-form-errors-\(w)x\(h)")
            let text = rows.joined(separator: "\n")
            XCTAssertTrue(text.contains("une affaire doit avoir un titre"), text)
            XCTAssertTrue(text.contains("35,5"), text)
        }
        // The value's problem, focused, spells out both readings the French way.
        let rows = french(
            { s in
                Fixture.press(&s, .char("a"), .tab)
                self.type(&s, "12.500")
            }, width: 120, height: 40)
        XCTAssertTrue(
            rows.contains {
                $0.contains("Valeur\u{A0}: ambigu\u{A0}: 12,50 ou 12\u{202F}500\u{202F}? tapez 12,50 ou 12500")
            },
            rows.joined(separator: "\n"))
    }

    func testDetails() {
        for (w, h) in Self.sizes.prefix(2) {
            let rows = french({ Fixture.press(&$0, .enter) }, width: w, height: h)
            assertSnapshot(rows, named: "fr-detail-\(w)x\(h)")
            XCTAssertTrue(rows.contains { $0.contains("Dans l'étape depuis") }, rows.joined(separator: "\n"))
        }
        let rows = french({ Fixture.press(&$0, .enter) }, width: 120, height: 40)
        XCTAssertTrue(rows.contains { $0.contains("créée dans Génération de prospects") })
        XCTAssertTrue(rows.contains { $0.contains("Conclusion prévue   ven. 29 janv. 2027") })
    }

    func testReports() {
        for (w, h) in Self.sizes.prefix(2) {
            let forecast = french({ Fixture.press(&$0, .char("r")) }, width: w, height: h)
            assertSnapshot(forecast, named: "fr-reports-forecast-\(w)x\(h)")
            let funnel = french({ Fixture.press(&$0, .char("r"), .char("2")) }, width: w, height: h)
            assertSnapshot(funnel, named: "fr-reports-funnel-\(w)x\(h)")
            XCTAssertTrue(funnel.contains { $0.contains("Entonnoir") }, funnel.joined(separator: "\n"))
            XCTAssertTrue(funnel.contains { $0.contains("goulot") }, funnel.joined(separator: "\n"))
        }
    }

    func testAgenda() {
        for (w, h) in Self.sizes.prefix(2) {
            let rows = french({ Fixture.press(&$0, .char("A")) }, width: w, height: h)
            assertSnapshot(rows, named: "fr-agenda-\(w)x\(h)")
            XCTAssertTrue(rows.contains { $0.contains("En retard") }, rows.joined(separator: "\n"))
            XCTAssertFalse(rows.contains { $0.contains("en retard…") }, "the French words fit at \(w)")
        }
    }

    func testHelp() {
        for (w, h) in Self.sizes {
            let rows = french({ Fixture.press(&$0, .char("?")) }, width: w, height: h)
            assertSnapshot(rows, named: "fr-help-\(w)x\(h)")
        }
        let rows = french({ Fixture.press(&$0, .char("?")) }, width: 120, height: 40)
        XCTAssertTrue(
            rows.contains { $0.contains("passer l'affaire à l'étape suivante") }, rows.joined(separator: "\n"))
        XCTAssertTrue(rows.contains { $0.contains("Échap ou\u{202F}? ferme cette aide") })
    }

    func testDeleteAsksOuiOuNon() {
        let rows = french({ Fixture.press(&$0, .char("d")) }, width: 80, height: 24)
        XCTAssertTrue(
            rows.contains { $0.contains("Supprimer «\u{A0}Refonte du site web\u{A0}»\u{202F}? o/n") },
            rows.joined(separator: "\n"))
        // "o" deletes in French, "y" does not.
        Language.with(.french) {
            var s = Fixture.state(width: 80, height: 24)
            Fixture.press(&s, .char("d"), .char("y"))
            XCTAssertEqual(s.board.deals.count, Fixture.demo.deals.count)
            Fixture.press(&s, .char("d"), .char("o"))
            XCTAssertEqual(s.board.deals.count, Fixture.demo.deals.count - 1)
        }
    }

    /// The key tables are made once; their words follow the language each time they are read.
    func testKeyTablesSayTheLanguageOfTheMoment() {
        _ = french({ Fixture.press(&$0, .char("r")) }, width: 120, height: 40)
        XCTAssertTrue(Screen.reports.hintLine.contains("scroll"), Screen.reports.hintLine)
        Language.with(.french) { XCTAssertTrue(Screen.reports.hintLine.contains("défiler"), Screen.reports.hintLine) }
        XCTAssertTrue(Bindings.reports.contains { $0.description == KeyText.scrollUp && $0.description == "scroll up" })
    }

    /// English is untouched: the same demo renders its English snapshot.
    func testEnglishStaysEnglish() {
        let rows = Language.with(.english) { Fixture.rows(Fixture.state(width: 80, height: 24)) }
        assertSnapshot(rows, named: "demo-80x24")
    }
}
