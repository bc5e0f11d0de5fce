import PipedeckCore
import PipedeckUI
import XCTest

@testable import PipedeckRender

/// What the board shows of the team: the sync's step on the top line, and a mark in the margin of
/// the cards the team changed (✦) or changed on both sides (!), at every size.
final class TeamScreenTests: XCTestCase {
    func testTheSyncStepIsOnTheTopLine() {
        for (w, h) in [(120, 40), (80, 24), (40, 12)] {
            var s = Fixture.state(width: w, height: h)
            _ = s.handle(.team(.syncing("sync: merging…")))
            let top = Fixture.rows(s)[0]
            XCTAssertTrue(top.contains("sync: merging…"), "\(w)×\(h): \(top)")
            XCTAssertTrue(top.hasPrefix(" Demo pipeline"), "the board's name keeps its place: \(top)")
            _ = s.handle(.team(.synced(note: StatusMessage("synced"), changed: [], conflicts: [])))
            XCTAssertFalse(Fixture.rows(s)[0].contains("sync:"), "\(w)×\(h): gone once the sync ended")
        }
    }

    func testTheFooterOffersSyncOnlyOnABoardSharedThroughGit() {
        var s = Fixture.state(width: 160, height: 45)
        let hints = { (s: AppState) in Fixture.rows(s)[44] }
        XCTAssertFalse(hints(s).contains("Y sync"), "not shared: \(hints(s))")
        XCTAssertTrue(hints(s).contains("r reports  u undo"), "the next hint takes its place: \(hints(s))")
        _ = s.handle(.team(.shared(true)))
        XCTAssertTrue(hints(s).contains("r reports  Y sync  u undo"), "shared: \(hints(s))")
        _ = s.handle(.team(.shared(false)))
        XCTAssertFalse(hints(s).contains("Y sync"))
        // The key itself still answers (it explains how to share the board), and help lists it.
        XCTAssertEqual(s.handle(.key(.char("Y"))), [.sync])
        // The footer leaves out the sync binding by its command (not by its words), in English
        // and in French alike; every other hint of the table stays.
        for language in [Language.english, .french] {
            Language.with(language) {
                let sync = Bindings.binding(for: .board(.sync))?.hint
                XCTAssertEqual(
                    Bindings.footerHints(for: s), Bindings.footerHints().filter { $0.hint != sync }, "\(language)")
                var shared = s
                _ = shared.handle(.team(.shared(true)))
                XCTAssertEqual(Bindings.footerHints(for: shared), Bindings.footerHints(), "\(language)")
            }
        }
    }

    func testCardsTheTeamChangedAreMarkedInTheirMargin() {
        for (w, h) in [(120, 40), (80, 24), (40, 12)] {
            var s = Fixture.state(width: w, height: h)
            let column = s.columns[s.focusedStage].map { s.board.deals[$0] }
            _ = s.handle(
                .team(.synced(note: StatusMessage("synced"), changed: [column[1].id], conflicts: [column[0].id])))
            for glyphs in [Glyphs.unicode, .ascii] {
                let rows = Fixture.rows(s, glyphs: glyphs)
                let title = String(column[1].title.prefix(8))
                XCTAssertTrue(
                    rows.contains { $0.hasPrefix(glyphs.teamChanged + " " + title) },
                    "\(w)×\(h): \(rows.joined(separator: "\n"))")
                // The selected deal clashed: its mark replaces the selection bar on the title row.
                XCTAssertTrue(
                    rows.contains { $0.hasPrefix(glyphs.teamConflict + " " + String(column[0].title.prefix(8))) },
                    "\(w)×\(h): \(rows.joined(separator: "\n"))")
            }
            // Once seen, no mark.
            _ = s.handle(.key(.down))
            _ = s.handle(.key(.up))
            let rows = Fixture.rows(s)
            XCTAssertFalse(rows.contains { $0.hasPrefix("✦") || $0.hasPrefix("!") }, rows.joined(separator: "\n"))
        }
    }
}
