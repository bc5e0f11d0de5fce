import PipedeckCore
import PipedeckUI
import XCTest

@testable import PipedeckRender

final class BoardScreenTests: XCTestCase {
    func testDemoBoardSnapshots() {
        for (w, h) in [(120, 40), (80, 24), (40, 12)] {
            assertSnapshot(Fixture.rows(Fixture.state(width: w, height: h)), named: "demo-\(w)x\(h)")
        }
    }

    func testFooterShowsHandComputedFigures() {
        let board = Fixture.demo
        // Hand calculation, independent of PipelineSummary: value × probability / 100 over open EUR deals.
        var weightedCents = 0, openCents = 0, wonCents = 0, open = 0
        for d in board.deals where (d.currency ?? "EUR") == "EUR" {
            let cents = Int(d.value.micros / 10_000)
            let hundredths = (d.probability ?? board.stage(d.stage)!.probability).hundredths
            if d.status == .open {
                open += 1
                openCents += cents
                weightedCents += cents * hundredths / 10_000
            }
            if d.status == .won { wonCents += cents }
        }
        XCTAssertEqual(weightedCents, 25_752_750) // €257,527.50, checked once by hand from the demo rows
        let footer = Fixture.rows(Fixture.state(width: 120, height: 40))[38]
        XCTAssertTrue(footer.contains("Weighted €257,527.50"), footer)
        XCTAssertTrue(footer.contains("Value €504,600"), footer)
        // Won in the current month (Nov 2026 for the fixture), not of all time: the demo's €33,000 deal.
        XCTAssertTrue(footer.contains("Nov · won €33,000"), footer)
        XCTAssertEqual(openCents, 50_460_000)
        XCTAssertEqual(wonCents, 4_860_000)
        XCTAssertTrue(footer.contains("USD $20k ≈$12k"), "other currencies are totalled apart: \(footer)")
    }

    func testFooterFollowsAMove() {
        var s = Fixture.state(width: 120, height: 40)
        Fixture.press(&s, .char("L")) // Website redesign 4 800 € from 10 % to 20 %: +480 €
        let footer = Fixture.rows(s)[38]
        XCTAssertTrue(footer.contains("Weighted €258,007.50"), footer)
    }

    func testWideAndLongTextNeverPushesABorder() {
        var board = Template.standard.board(name: "日本 board ✨")
        let titles = [
            "日本語のとても長い案件名がここに入ります", "Émile & Zoé — Crêperie 🥞🥞🥞🥞🥞🥞🥞🥞",
            String(repeating: "x", count: 500), "e\u{301}e\u{301}e\u{301} combining", "flag 🇫🇷 family 👨‍👩‍👧",
        ]
        for (i, t) in titles.enumerated() {
            var d = Deal(
                id: "w\(i)", title: t, value: Money(units: 1_000_000_000_000_000),
                stage: i % 2 == 0 ? "lead" : "qualification",
                createdAt: Fixture.now, company: "株式会社テスト" + t, rank: i)
            d.owner = "Zoé Ünal"
            d.tags = (0..<200).map { "tag\($0)" }
            board.deals.append(d)
        }
        for (w, h) in [(120, 40), (80, 24), (40, 12), (57, 17)] {
            let s = Fixture.state(board, width: w, height: h)
            let frame = BoardRenderer.render(s, options: RenderOptions(glyphs: .unicode, locale: "C"))
            let frames = s.screen.columnFrames(count: s.visibleColumnRange.count)
            for f in frames.dropLast() {
                let sx = f.x + f.width
                for y in s.screen.headerTop..<s.screen.footerRow {
                    let t = frame.grid[sx, y].text
                    XCTAssertTrue(
                        t == "│" || t == "┼", "separator missing at x=\(sx) y=\(y) (\(w)x\(h)): \(frame.grid.rows()[y])"
                    )
                }
            }
            for row in frame.grid.rows() { XCTAssertEqual(TextWidth.width(row), w) }
        }
        let rows = Fixture.rows(Fixture.state(board, width: 80, height: 24))
        XCTAssertTrue(rows.contains { $0.contains("xxxxxxxx…") }, "a 500-character title is cut with an ellipsis")
        XCTAssertTrue(rows.contains { $0.contains("日本語の") }, rows.joined(separator: "\n"))
    }

    func testControlCharactersAreShownAsPlaceholders() {
        var board = Template.standard.board()
        board.deals.append(
            Deal(
                id: "esc", title: "evil\u{1B}[2Jtitle\u{07}", value: Money(units: 5), stage: "lead",
                createdAt: Fixture.now, company: "bad\u{9B}31m"))
        let frame = BoardRenderer.render(Fixture.state(board, width: 80, height: 24))
        let text = frame.grid.rows().joined()
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        XCTAssertTrue(text.contains("evil␛[2Jtitle␇"), text)
    }

    func testEmptyBoardExplainsHowToStart() {
        let rows = Fixture.rows(Fixture.state(Template.standard.board(), width: 80, height: 24))
        XCTAssertTrue(rows.contains { $0.contains(Strings.emptyBoardTitle) })
        XCTAssertTrue(rows.contains { $0.contains("Press a to add your first deal") })
        assertSnapshot(rows, named: "empty-80x24")
    }

    func testScrollMarkersInALongColumn() {
        var board = Template.standard.board()
        for i in 0..<40 {
            board.deals.append(
                Deal(
                    id: String(format: "n%03d", i), title: "Deal \(i)", value: Money(units: 100 * (i + 1)),
                    stage: "lead", createdAt: Fixture.now, rank: i))
        }
        var s = Fixture.state(board, width: 80, height: 24)
        var rows = Fixture.rows(s)
        XCTAssertFalse(rows.contains { $0.contains("▲") })
        XCTAssertTrue(rows[s.screen.footerRow - 1].contains("▼ 36 more"), rows[s.screen.footerRow - 1])
        for _ in 0..<20 { Fixture.press(&s, .down) }
        rows = Fixture.rows(s)
        XCTAssertTrue(rows[s.screen.cardTop].contains("▲ "), rows[s.screen.cardTop])
        XCTAssertTrue(rows.contains { $0.contains("▌ Deal 20") }, "the selected card is on screen")
        assertSnapshot(rows, named: "long-column-80x24")
    }

    func testColumnsScrollSidewaysToTheFocus() {
        var s = Fixture.state(width: 80, height: 24)
        var rows = Fixture.rows(s)
        XCTAssertTrue(rows[3].hasSuffix("4 more ▶"), rows[3])
        for _ in 0..<6 { Fixture.press(&s, .right) }
        rows = Fixture.rows(s)
        XCTAssertTrue(rows[3].hasPrefix("◀ 4 more"), rows[3])
        XCTAssertTrue(rows[1].contains("Won · Follow-up"), rows[1])
    }

    func testTooSmallAndTinySizesNeverCrash() {
        let rows = Fixture.rows(Fixture.state(width: 39, height: 9))
        XCTAssertTrue(rows.contains { $0.contains("Terminal too small") })
        for (w, h) in [(1, 1), (0, 0), (2, 50), (300, 2), (40, 10), (41, 11)] {
            let g = BoardRenderer.render(Fixture.state(width: w, height: h)).grid
            XCTAssertEqual(g.width, w); XCTAssertEqual(g.height, h)
        }
        XCTAssertFalse(Fixture.rows(Fixture.state(width: 40, height: 10)).contains { $0.contains("too small") })
    }

    func testAsciiGlyphsWithoutUTF8() {
        let rows = Fixture.rows(Fixture.state(width: 80, height: 24), glyphs: .ascii)
        let chrome = rows[1...3].joined() + rows[22]
        XCTAssertTrue(chrome.contains("|") && chrome.contains("EUR"), chrome)
        XCTAssertFalse(rows[3].contains("─"))
        // The activity types have letters: Website redesign's next step is a call tomorrow, the
        // booking module's a meeting 6 days late ("!" says late without colours).
        let all = rows.joined(separator: "\n")
        XCTAssertTrue(all.contains("C1d"), all)
        XCTAssertTrue(all.contains("M!6d"), all)
        for glyph in ["☎", "◎", "✉", "☐", "⚑"] { XCTAssertFalse(all.contains(glyph), glyph) }
    }

    func testOverlays() {
        var s = Fixture.state(width: 100, height: 40)
        Fixture.press(&s, .char("?"))
        var help = Fixture.rows(s).joined(separator: "\n")
        for _ in 0..<4 {
            Fixture.press(&s, .pageDown)
            help += Fixture.rows(s).joined(separator: "\n")
        }
        for b in Bindings.board { XCTAssertTrue(help.contains(b.description), "help lists \(b.description)") }
        Fixture.press(&s, .escape, .enter)
        let detail = Fixture.rows(s)
        XCTAssertTrue(detail.contains { $0.contains("Timeline") })
        XCTAssertTrue(detail.contains { $0.contains("created in Lead generation") })
        assertSnapshot(detail, named: "detail-100x40")
        Fixture.press(&s, .escape, .char("a"), .tab)
        for c in "abc" { Fixture.press(&s, .char(c)) }
        Fixture.press(&s, .enter)
        let form = Fixture.rows(s)
        XCTAssertTrue(form.contains { $0.contains("⚠ a deal needs a title") }, form.joined(separator: "\n"))
        XCTAssertTrue(form.contains { $0.contains("Value") && $0.contains("abc") && $0.contains("⚠") })
        assertSnapshot(form, named: "form-errors-100x40")
        // The value's error is too long to stand beside the field: focused, it reads under the fields.
        Fixture.press(&s, .tab)
        XCTAssertTrue(
            Fixture.rows(s).contains { $0.contains("Value: " + Strings.badNumber) },
            Fixture.rows(s).joined(separator: "\n"))
    }

    func testFormCursorSitsInTheFocusedField() {
        var s = Fixture.state(width: 100, height: 40)
        Fixture.press(&s, .char("a"))
        for c in "日本" { Fixture.press(&s, .char(c)) }
        let frame = BoardRenderer.render(s)
        let c = try! XCTUnwrap(frame.cursor)
        XCTAssertEqual(frame.grid[c.x - 2, c.y].text, "本")
    }

    func testFrenchLocaleAmounts() {
        let rows = BoardRenderer.render(
            Fixture.state(width: 120, height: 40), options: RenderOptions(locale: "fr_FR.UTF-8")
        ).grid.rows()
        XCTAssertTrue(rows[38].contains("257\u{202F}527,50 €"), rows[38])
    }
}

final class ReportsScreenRenderTests: XCTestCase {
    func testReportsScreenShowsTheSameFiguresAsTheCommandLine() {
        var s = Fixture.state(width: 120, height: 40)
        Fixture.press(&s, .char("r"), .char("2"))
        let rows = Fixture.rows(s)
        XCTAssertTrue(rows[1].contains("1 Forecast") && rows[1].contains("7 Customer follow-up"), rows[1])
        XCTAssertTrue(rows.contains { $0.contains("Funnel — Demo pipeline (EUR), 2026-11-30") })
        XCTAssertTrue(
            rows.contains { $0.contains("Closing") && $0.contains("◀ bottleneck") }, rows.joined(separator: "\n"))
        var text = ReportText(board: s.board, today: Fixture.today, owner: nil, unicode: true, locale: "C")
        let cli = text.render(.funnel, deals: s.board.deals)
        for line in cli.split(separator: "\n").prefix(8) where !line.isEmpty {
            XCTAssertTrue(rows.contains { $0.contains(line.prefix(60)) }, "screen shows: \(line)")
        }
        assertSnapshot(rows, named: "reports-funnel-120x40")
    }

    func testReportsFollowTheFilter() {
        var s = Fixture.state(width: 120, height: 40)
        Fixture.press(&s, .char("/"))
        for c in "enterprise" { Fixture.press(&s, .char(c)) }
        Fixture.press(&s, .enter, .char("r"))
        let rows = Fixture.rows(s)
        XCTAssertTrue(rows.contains { $0.contains("following the filter: “enterprise”") })
        XCTAssertTrue(rows.contains { $0.hasPrefix("│ Total") && $0.contains(" 2 ") }, rows.joined(separator: "\n"))
    }
}
