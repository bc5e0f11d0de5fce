import PipedeckCore
import XCTest

@testable import PipedeckRender
@testable import PipedeckUI

/// Values at the edges shown sensibly: amounts up to 10^15, zero, deals with nothing but a title,
/// 500-character titles, hundreds of tags, 50 stages — at several screen sizes.
final class ExtremeValuesTests: XCTestCase {
    static let sizes = [(160, 45), (120, 40), (100, 30), (80, 24), (60, 16), (40, 10)]

    func grid(_ s: AppState) -> Grid {
        BoardRenderer.render(s, options: RenderOptions(glyphs: .unicode, locale: "C")).grid
    }

    /// What every screen must be: rows of exactly the screen's width, column rules intact from
    /// the headers to the footer, and no amount cut in the middle ("€1,000,000,0…").
    func assertSane(_ s: AppState, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let g = grid(s)
        let rows = g.rows()
        XCTAssertEqual(rows.count, s.screen.height, what, file: file, line: line)
        for (y, row) in rows.enumerated() {
            XCTAssertEqual(
                TextWidth.width(row), s.screen.width, "\(what): row \(y) has the wrong width", file: file, line: line)
            if row.range(of: "[€$¥][0-9][0-9,.]*…", options: .regularExpression) != nil {
                XCTFail("\(what): an amount is cut in row \(y): \(row)", file: file, line: line)
            }
        }
        guard s.mode == .board, !s.screen.isTooSmall else { return }
        let frames = s.screen.columnFrames(count: s.visibleColumnRange.count)
        for f in frames.dropLast() {
            let x = f.x + f.width
            for y in s.screen.headerTop..<s.screen.footerRow {
                let t = g[x, y].text
                if t != "│" && t != "┼" {
                    XCTFail(
                        "\(what): the rule between columns is broken at (\(x), \(y)): \"\(t)\"", file: file, line: line);
                    return
                }
            }
        }
    }

    func deal(_ id: String, _ title: String, _ value: String, _ stage: String = "lead", rank: Int = -1) -> Deal {
        var d = Deal(id: id, title: title, value: Money.parse(value)!, stage: stage, createdAt: Fixture.now)
        d.rank = rank
        return d
    }

    // MARK: Amounts

    func testAmountsUpTo10To15() {
        var b = Fixture.demo
        b.deals.append(deal("huge01", "Planet-sized deal", "1000000000000000", rank: -2))
        b.deals.append(deal("huge02", "Almost as big", "999999999999999.99"))
        var usd = deal("huge03", "Dollars", "1000000000000000", "proposal", rank: -1)
        usd.currency = "USD"
        b.deals.append(usd)
        for (w, h) in ExtremeValuesTests.sizes {
            let s = Fixture.state(b, width: w, height: h)
            assertSane(s, "\(w)×\(h)")
            guard !s.screen.isTooSmall, h >= 16 else { continue }
            let rows = Fixture.rows(s)
            let text = rows.joined(separator: "\n")
            // The big cards say their amounts, in full or in short, never cut.
            XCTAssertTrue(text.contains("€1,000,000,000,000,000") || text.contains("€1000T"), "\(w)×\(h):\n\(text)")
            XCTAssertTrue(text.contains("€999,999,999,999,999.99") || text.contains("€1000T"), "\(w)×\(h)")
            // The footer's weighted value is exact: 10% of both plus the demo's own.
            let weighted = PipelineSummary(board: b).open.weighted["EUR"]
            XCTAssertEqual(weighted, s.summary.open.weighted["EUR"])
            let f = MoneyFormatter(currency: "EUR", locale: "C")
            let footer = rows[s.screen.footerRow]
            XCTAssertTrue(
                footer.contains(f.string(weighted)) || footer.contains(f.compact(weighted)), "\(w)×\(h): \(footer)")
        }
        // At 160 columns the footer shows every digit, exact to the cent.
        let wide = Fixture.rows(Fixture.state(b, width: 160, height: 45))[43]
        XCTAssertTrue(wide.contains("Value €2,000,000,000,504,599.99  Weighted €200,000,000,257,527.50"), wide)
        // The details always show the exact amount.
        var s = Fixture.state(b, width: 100, height: 30)
        Fixture.press(&s, .enter)
        XCTAssertEqual(s.selectedDeal?.id, "huge01")
        XCTAssertTrue(
            Fixture.rows(s).contains { $0.contains("€1,000,000,000,000,000") }, Fixture.rows(s).joined(separator: "\n"))
        assertSane(s, "details")
    }

    func testZeroAmounts() {
        var b = Fixture.demo
        for i in b.deals.indices { b.deals[i].value = .zero }
        for (w, h) in ExtremeValuesTests.sizes {
            let s = Fixture.state(b, width: w, height: h)
            assertSane(s, "\(w)×\(h)")
            guard !s.screen.isTooSmall else { continue }
            let rows = Fixture.rows(s)
            XCTAssertTrue(rows.contains { $0.contains("€0 · ") }, "cards say €0")
            XCTAssertTrue(rows[s.screen.footerRow].contains("€0"), rows[s.screen.footerRow])
            XCTAssertFalse(rows.joined().contains("-€0"), "no negative zero")
        }
        XCTAssertTrue(Fixture.rows(Fixture.state(b, width: 120, height: 40))[38].contains("Value €0  Weighted €0"))
    }

    // MARK: Text

    func testDealWithOnlyTheRequiredFields() {
        var b = Fixture.demo
        b.deals.append(deal("bare01", "Bare", "0"))
        var s = Fixture.state(b, width: 120, height: 40)
        XCTAssertEqual(s.selectedDeal?.id, "bare01")
        assertSane(s, "board")
        let card = Fixture.rows(s)[4...7].joined(separator: "\n")
        XCTAssertTrue(card.contains("Bare") && card.contains("€0 · 10%") && card.contains("no next step"), card)
        Fixture.press(&s, .enter)
        let detail = Fixture.rows(s).joined(separator: "\n")
        for label in ["Company", "Contact", "Owner", "Source", "Tags", "Expected close"] {
            XCTAssertTrue(
                Fixture.rows(s).contains { $0.contains(label) && $0.contains("—") }, "\(label) shows a dash:\n\(detail)"
            )
        }
        XCTAssertFalse(detail.contains("nil") || detail.contains("Optional"), detail)
        assertSane(s, "details")
        // Editing it shows empty fields, and saving the form unchanged changes nothing.
        Fixture.press(&s, .char("e"))
        guard case .form = s.mode else { return XCTFail("e opens the form") }
        assertSane(s, "form")
    }

    func testFiveHundredCharacterTitle() {
        var b = Fixture.demo
        let title = String(repeating: "Long title ", count: 45) + "and its end"
        XCTAssertGreaterThanOrEqual(title.count, 500)
        b.deals.append(deal("long01", title, "1200"))
        for (w, h) in ExtremeValuesTests.sizes {
            var s = Fixture.state(b, width: w, height: h)
            assertSane(s, "\(w)×\(h)")
            guard !s.screen.isTooSmall else { continue }
            XCTAssertTrue(
                Fixture.rows(s).contains { $0.contains("Long title") && $0.contains("…") }, "cut with an ellipsis")
            Fixture.press(&s, .enter)
            assertSane(s, "\(w)×\(h) details")
            // The details wrap the whole title when there is room for it.
            if h >= 24 {
                let text = Fixture.rows(s).joined(separator: " ")
                XCTAssertTrue(
                    text.contains("and its end"),
                    "\(w)×\(h): the end of the title is shown\n" + Fixture.rows(s).joined(separator: "\n"))
            }
        }
    }

    func testHundredsOfTags() {
        var b = Fixture.demo
        var d = deal("tags01", "Tagged", "500")
        d.tags = (0..<400).map { "tag\($0)" }
        b.deals.append(d)
        for (w, h) in ExtremeValuesTests.sizes {
            var s = Fixture.state(b, width: w, height: h)
            assertSane(s, "\(w)×\(h)")
            guard !s.screen.isTooSmall else { continue }
            if s.screen.cardLines == 4 {
                XCTAssertTrue(
                    Fixture.rows(s).contains { $0.contains("#tag0 #tag1") && $0.contains("…") },
                    "the card's tag line ends with …")
            }
            Fixture.press(&s, .enter)
            assertSane(s, "\(w)×\(h) details")
        }
    }

    // MARK: Stages

    func testFiftyStages() {
        var b = Board(
            name: "Fifty stages", currency: "EUR",
            stages: (1...50).map { Stage(id: "s\($0)", name: "Stage \($0)", probability: Percent($0 * 2)) })
        b.deals = [deal("mover1", "Mover", "1000", "s1")]
        for (w, h) in ExtremeValuesTests.sizes {
            var s = Fixture.state(b, width: w, height: h)
            assertSane(s, "\(w)×\(h)")
            guard !s.screen.isTooSmall else { continue }
            XCTAssertTrue(Fixture.rows(s)[s.screen.ruleRow].contains("more ▶"), "says that stages are off screen")
            // The deal walks through all fifty stages; the screen follows it.
            for k in 2...50 {
                Fixture.press(&s, .char("L"))
                XCTAssertEqual(s.selectedDeal?.stage, "s\(k)")
                XCTAssertTrue(s.visibleColumnRange.contains(k - 1), "stage \(k) is on screen")
                if k % 7 == 0 || k == 50 { assertSane(s, "\(w)×\(h) at stage \(k)") }
            }
            XCTAssertTrue(
                Fixture.rows(s)[s.screen.ruleRow].contains("◀"), "says that stages are off screen on the left")
            XCTAssertTrue(Fixture.rows(s)[s.screen.headerTop].contains("Stage 50"))
        }
    }

    /// One picture of it all, to be looked at.
    func testSnapshotOfExtremes() {
        var b = Fixture.demo
        b.deals.append(
            deal("huge01", "Planet-sized deal with a title much longer than any card", "1000000000000000", rank: -2))
        var t = deal("tags01", "Tagged", "0", rank: -1)
        t.tags = (0..<300).map { "t\($0)" }
        b.deals.append(t)
        assertSnapshot(Fixture.rows(Fixture.state(b, width: 100, height: 30)), named: "extremes-100x30")
    }
}
