import PipedeckCore
import PipedeckUI
import XCTest

@testable import PipedeckRender

/// Issue 13, point 10: the reports screen at every width keeps the columns that matter, drops
/// whole columns in a stated order rather than cutting words, shows every tab, and draws each bar
/// from the figure beside it, labelled.
final class ReportsFitTests: XCTestCase {
    func reports(_ tab: Int, _ w: Int, _ h: Int) -> [String] {
        var s = Fixture.state(width: w, height: h)
        Fixture.press(&s, .char("r"), .char(Character("\(tab)")))
        return ScreenText.box(ScreenText.render(s))
    }

    func testNarrowScreensKeepWonValueWinRateAndOverdue() {
        for (w, h) in [(80, 24), (120, 40), (160, 45)] {
            let sources = reports(4, w, h)
            let title = sources.first { $0.hasPrefix("SOURCE") } ?? ""
            XCTAssertTrue(title.contains("WON VALUE") && title.contains("WIN RATE"), "\(w): \(title)")
            let owners = reports(5, w, h)
            let ownersTitle = owners.first { $0.hasPrefix("OWNER") } ?? ""
            for col in ["WON VALUE", "WIN RATE", "OVERDUE"] {
                XCTAssertTrue(ownersTitle.contains(col), "\(w): \(col) in \(ownersTitle)")
            }
            let website = sources.first { $0.hasPrefix("website") } ?? ""
            XCTAssertTrue(website.contains("€33,000") && website.contains("50.0% (1/2)"), "\(w): \(website)")
            let julien = owners.first { $0.hasPrefix("Julien Dubois") } ?? ""
            XCTAssertTrue(julien.contains("€33,000") && julien.contains("50.0% (1/2)"), "\(w): \(julien)")
        }
    }

    func testEveryTabIsInTheTabBar() {
        for (w, h) in [(40, 12), (80, 24), (120, 40), (160, 45)] {
            for tab in 1...ReportKind.allCases.count {
                let bar = reports(tab, w, h)[1]
                for n in 1...ReportKind.allCases.count {
                    XCTAssertTrue(bar.contains("\(n)"), "\(w)×\(h) tab \(tab): \(n) in “\(bar)”")
                }
                let kind = ReportKind.allCases[tab - 1]
                XCTAssertTrue(
                    bar.contains(Strings.Reports.title(kind)) || bar.contains(Strings.Reports.shortTitle(kind)),
                    "\(w)×\(h): the tab shown is named: \(bar)")
                XCTAssertFalse(bar.contains("…"), "\(w)×\(h): \(bar)")
            }
        }
    }

    /// A bar stands right after the figure it draws and has that figure's name over it; in
    /// Sources it draws the win rate, a full bar at 100 %.
    func testSourcesBarsDrawTheWinRateBesideIt() {
        var text = ReportText(board: Fixture.demo, today: Fixture.today, owner: nil, unicode: true, locale: "C")
        let lines = text.render(.sources, deals: Fixture.demo.deals).split(separator: "\n").map(String.init)
        let title = lines.first { $0.hasPrefix("SOURCE") }!
        XCTAssertTrue(title.hasSuffix("WIN RATE  (WIN RATE)"), title)
        func bar(_ source: String) -> Int { lines.first { $0.hasPrefix(source) }!.filter { $0 == "█" }.count }
        XCTAssertEqual(bar("trade show"), ReportText.barWidth, "100 %: a full bar")
        XCTAssertEqual(bar("cold call"), ReportText.barWidth)
        XCTAssertEqual(bar("website"), ReportText.barWidth / 2, "50 %: half a bar")
        XCTAssertEqual(bar("campaign"), 0, "0 %: none")
        XCTAssertEqual(bar("referral"), 0, "no closed deal: no rate, no bar")
        let website = lines.first { $0.hasPrefix("website") }!
        XCTAssertTrue(website.hasSuffix("50.0% (1/2)  " + String(repeating: "█", count: 10)), website)
        XCTAssertTrue(lines.contains { $0.contains(Strings.Reports.winRateBars) })
    }

    /// At 160 columns nothing in any report is cut: no bar, no word.
    func testNothingIsCutAtWideSizes() {
        for (w, h) in [(160, 45), (120, 40)] {
            for tab in 1...ReportKind.allCases.count {
                var s = Fixture.state(width: w, height: h)
                Fixture.press(&s, .char("r"), .char(Character("\(tab)")))
                var text = ReportText(board: s.board, today: s.today, owner: nil, unicode: true, locale: "C")
                let full = text.render(ReportKind.allCases[tab - 1], deals: s.board.deals)
                let box = ScreenText.box(ScreenText.render(s))
                for line in full.split(separator: "\n").prefix(h - 8) where !line.isEmpty {
                    XCTAssertTrue(
                        box.contains { $0.contains(line.trimmingCharacters(in: .whitespaces)) } || w < 160,
                        "\(w) tab \(tab): “\(line)” whole on screen")
                }
                for l in box { XCTAssertFalse(l.hasSuffix("…"), "\(w) tab \(tab): \(l)") }
            }
        }
    }

    /// Larger amounts in three currencies (euros, dollars and pounds) make the sources table wider than the old box: at 160
    /// columns every bar shown is whole, and none is cut by the edge of the box.
    func testBarsAreNeverCutAtWideSizes() {
        var board = Fixture.demo
        for i in board.deals.indices { board.deals[i].value = Money(micros: board.deals[i].value.micros * 10) }
        board.deals[0].currency = "GBP"
        var text = ReportText(board: board, today: Fixture.today, owner: nil, unicode: true, locale: "C")
        let cli = text.render(.sources, deals: board.deals).split(separator: "\n").map(String.init)
        let widest = cli.map { TextWidth.width($0) }.max()!
        XCTAssertGreaterThan(widest, 116, "wider than the old box:\n" + cli.joined(separator: "\n"))
        XCTAssertLessThanOrEqual(widest, 136, "but not than the box at 160 columns")
        for (w, h) in [(160, 45), (120, 40)] {
            var s = Fixture.state(board, width: w, height: h)
            Fixture.press(&s, .char("r"), .char("4"))
            let box = ScreenText.box(ScreenText.render(s))
            let barsShown = box.contains { $0.hasPrefix("SOURCE") && $0.contains("(WIN RATE)") }
            if w == 160 {
                XCTAssertTrue(barsShown, "at 160 columns the bars have room:\n" + box.joined(separator: "\n"))
            }
            for line in cli where line.contains("█") {
                let name = String(line.prefix(10))
                let row = box.first { $0.hasPrefix(name) } ?? ""
                let bar = String(line.drop { $0 != "█" })
                if barsShown {
                    XCTAssertTrue(row.hasSuffix(bar), "\(w): a whole bar: \(row)")
                } else {
                    XCTAssertFalse(row.contains("█"), "\(w): no bar, or a whole one: \(row)")
                }
            }
        }
    }

    /// Narrow widths drop whole columns, lowest priority first, and wrap the sentences.
    func testNarrowWidthsDropWholeColumnsAndWrapSentences() {
        for width in [36, 60, 76, 96] {
            for kind in ReportKind.allCases {
                var text = ReportText(board: Fixture.demo, today: Fixture.today, owner: nil, unicode: true, locale: "C")
                let out = text.render(kind, deals: Fixture.demo.deals, width: width)
                for line in out.split(separator: "\n") {
                    XCTAssertLessThanOrEqual(TextWidth.width(String(line)), width, "\(kind) at \(width): \(line)")
                }
                let titles = out.split(separator: "\n").map(String.init).filter { BoardRenderer.isTableHeader($0) }
                for t in titles {
                    for word in t.split(separator: " ") {
                        XCTAssertTrue(
                            word.allSatisfy {
                                $0.isUppercase || $0 == "%" || $0 == "(" || $0 == ")" || $0.isNumber || $0 == "–"
                            }, "\(kind) \(width): \(t)")
                    }
                }
            }
        }
        var text = ReportText(board: Fixture.demo, today: Fixture.today, owner: nil, unicode: true, locale: "C")
        let owners = text.render(.owners, deals: Fixture.demo.deals, width: 76)
        let title = String(owners.split(separator: "\n").first { $0.hasPrefix("OWNER") }!)
        XCTAssertFalse(title.contains("OPEN DEALS"), "dropped first after the bar: \(title)")
        XCTAssertTrue(title.contains("WEIGHTED"), title)
    }
}
