import PipedeckCore
import PipedeckUI
import XCTest

@testable import PipedeckRender

/// The help screen draws the key tables: the one of the screen it was opened from, or, after
/// Tab, every screen's; its footer is the help table's hint line.
final class HelpScreenTests: XCTestCase {
    /// Every line the help shows, paging down to the end.
    func helpText(_ s: inout AppState) -> String {
        var text = Fixture.rows(s).joined(separator: "\n")
        for _ in 0..<40 {
            Fixture.press(&s, .pageDown)
            text += Fixture.rows(s).joined(separator: "\n")
        }
        return text
    }

    func testHelpShowsTheTableOfItsScreen() {
        var s = Fixture.state(width: 100, height: 30)
        Fixture.press(&s, .char("A"), .char("?"))
        let rows = Fixture.rows(s)
        XCTAssertTrue(rows.contains { $0.contains(" Keys ") }, "the help box")
        XCTAssertTrue(rows.contains { $0.contains(Screen.help.hintLine) }, "its footer comes from its table")
        let agenda = helpText(&s)
        for line in Screen.agenda.keySheet.lines { XCTAssertTrue(agenda.contains(line.description), line.description) }
        XCTAssertFalse(agenda.contains(Bindings.board[0].description), "only the agenda's keys")
        Fixture.press(&s, .escape)
        XCTAssertEqual(s.mode, .agenda(AgendaView(selection: 0)))
    }

    func testTabListsEveryScreensTable() {
        var s = Fixture.state(width: 120, height: 40)
        Fixture.press(&s, .char("?"), .tab)
        let all = helpText(&s)
        for sheet in Bindings.sheets {
            for line in sheet.lines {
                XCTAssertTrue(all.contains(line.description), "\(sheet.title): \(line.description)")
            }
        }
        XCTAssertTrue(all.contains("Board · Navigate"), "the board's groups are named after it")
        XCTAssertTrue(all.contains(KeyText.textFieldTitle))
    }

    /// From the board, the help lists the board's groups as before.
    func testBoardHelpKeepsItsGroups() {
        var s = Fixture.state(width: 100, height: 40)
        Fixture.press(&s, .char("?"))
        let rows = Fixture.rows(s)
        let firstLine = rows.firstIndex { $0.contains("Navigate") }
        XCTAssertNotNil(firstLine)
        XCTAssertTrue(rows.contains { $0.contains("←  h") && $0.contains("previous stage (column)") })
    }
}
