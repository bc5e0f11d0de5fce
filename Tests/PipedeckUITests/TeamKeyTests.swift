import PipedeckCore
import XCTest

@testable import PipedeckUI

/// The board's team keys and events: `Y` asks for a sync (once at a time), `M` shows only my
/// deals, what a sync brings is marked until the person looks at it, new deals are mine.
final class TeamKeyTests: XCTestCase {
    func fresh() -> AppState {
        let board = Demo.board(now: AppDriver.now, today: AppDriver.today)
        return AppState(
            board: board, fileName: "pipeline.json", now: AppDriver.now, today: AppDriver.today, width: 120, height: 40)
    }

    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { state.handle(Event.key($0)) }
    }

    func testMyDealsNeedsToKnowWhoIAmThenTogglesTheOwnerFilter() {
        var s = fresh()
        XCTAssertEqual(press(&s, .char("M")), [])
        XCTAssertTrue(s.message?.isError ?? false)
        XCTAssertTrue(s.message?.text.contains("me = Your Name") ?? false, "\(String(describing: s.message))")
        XCTAssertFalse(s.filter.isActive)

        _ = s.handle(.team(.identity("camille martin")))
        _ = press(&s, .char("M"))
        let mine = s.board.deals.filter { $0.owner == "Camille Martin" && $0.status != .lost }
        XCTAssertGreaterThan(mine.count, 0)
        XCTAssertEqual(s.filter.owner, "camille martin")
        XCTAssertEqual(Set(s.columns.flatMap { $0 }.map { s.board.deals[$0].id }), Set(mine.map(\.id)))
        XCTAssertTrue(s.message?.text.hasPrefix("only your deals (owner camille martin)") ?? false)
        // The footer's figures follow the filter, as with the other filters.
        XCTAssertEqual(
            s.summary, PipelineSummary(board: s.board, deals: s.board.deals.filter { $0.owner == "Camille Martin" }))
        _ = press(&s, .char("M"))
        XCTAssertFalse(s.filter.isActive)
        XCTAssertEqual(s.message?.text, UIText.everyOwner)
    }

    func testSyncIsAskedOnceAtATimeAndItsStepsShow() {
        var s = fresh()
        XCTAssertEqual(press(&s, .char("Y")), [.sync])
        XCTAssertEqual(s.team.syncing, UIText.syncStarting)
        XCTAssertEqual(press(&s, .char("Y")), [], "a second Y while a sync runs starts nothing")
        XCTAssertEqual(s.message?.text, UIText.syncRunning)
        _ = s.handle(.team(.syncing("sync: fetching the team's…")))
        XCTAssertEqual(s.team.syncing, "sync: fetching the team's…")
        _ = s.handle(.team(.syncFailed(StatusMessage("cannot sync: not a repository", isError: true))))
        XCTAssertNil(s.team.syncing)
        XCTAssertEqual(s.message?.text, "cannot sync: not a repository")
        XCTAssertEqual(press(&s, .char("Y")), [.sync], "a new sync may start once the last one ended")
    }

    /// The deals a sync brought are marked until the selection comes to them or they are opened;
    /// a clash stays marked on the selected deal.
    func testDealsTheTeamChangedStayMarkedUntilSeen() {
        var s = fresh()
        let selected = s.selectedDeal!.id
        let column = s.columns[s.focusedStage].map { s.board.deals[$0].id }
        XCTAssertGreaterThan(column.count, 2)
        let other = s.board.deals.first { $0.stage != s.selectedDeal!.stage && $0.status == .open }!.id
        _ = s.handle(
            .team(
                .synced(
                    note: StatusMessage("synced with origin/main · 3 changes from the team"),
                    changed: [selected, column[1], other], conflicts: [column[2]])))
        XCTAssertEqual(s.message?.text, "synced with origin/main · 3 changes from the team")
        XCTAssertNil(s.team.marks[selected], "the deal under the selection is seen already")
        XCTAssertEqual(s.team.marks[column[1]], .changed)
        XCTAssertEqual(s.team.marks[column[2]], .conflict)
        XCTAssertEqual(s.team.marks[other], .changed)
        _ = press(&s, .down)
        XCTAssertNil(s.team.marks[column[1]], "the selection came to it")
        XCTAssertEqual(s.team.marks[column[2]], .conflict)
        _ = press(&s, .down, .up)
        XCTAssertNil(s.team.marks[column[2]])
        // Opening a deal's details is looking at it.
        s.select(dealID: other)
        _ = press(&s, .enter)
        XCTAssertNil(s.team.marks[other])
        XCTAssertEqual(s.team.marks, [:])
    }

    /// Marks kept from earlier syncs (`marked`, when the board opens) show like a sync's, the
    /// one on the selected deal too (nothing was looked at yet), and leave the same way; the
    /// message stays.
    func testKeptMarksShowUntilSeenWithoutAMessage() {
        var s = fresh()
        let selected = s.selectedDeal!.id
        let column = s.columns[s.focusedStage].map { s.board.deals[$0].id }
        _ = s.handle(.team(.marked(changed: [selected, column[2]], conflicts: [column[1], column[2]])))
        XCTAssertNil(s.message)
        XCTAssertEqual(s.team.marks, [selected: .changed, column[1]: .conflict, column[2]: .conflict])
        _ = s.handle(.team(.marked(changed: [column[1]], conflicts: [])))
        XCTAssertEqual(s.team.marks[column[1]], .conflict, "a change does not hide a clash")
        _ = press(&s, .down)
        XCTAssertEqual(s.team.marks, [selected: .changed, column[2]: .conflict])
        _ = press(&s, .up)
        XCTAssertEqual(s.team.marks, [column[2]: .conflict], "the selection came back to it")
    }

    func testANewDealIsMine() throws {
        var s = fresh()
        _ = s.handle(.team(.identity("Julien Dubois")))
        _ = press(&s, .char("a"))
        guard case .form(let form) = s.mode else { return XCTFail("the add form opens") }
        XCTAssertEqual(form.fields.first { $0.id == .owner }?.editor.text, "Julien Dubois")
        // Editing keeps the deal's own owner.
        _ = press(&s, .escape)
        let deal = s.selectedDeal!
        _ = press(&s, .char("e"))
        guard case .form(let edit) = s.mode else { return XCTFail("the edit form opens") }
        XCTAssertEqual(edit.fields.first { $0.id == .owner }?.editor.text, deal.owner ?? "")
    }
}
