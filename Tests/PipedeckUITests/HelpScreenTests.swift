import PipedeckCore
import XCTest

@testable import PipedeckUI

/// `?` shows the keys of the screen it is pressed on, Tab shows every screen's, and closing the
/// help goes back to that screen as it was.
final class HelpScreenTests: XCTestCase {
    func testHelpShowsTheKeysOfItsScreenAndGoesBackToIt() throws {
        let cases: [(open: [Key], screen: Screen)] = [
            ([.down], .board), ([.char("A"), .down], .agenda), ([.char("S"), .down], .stages),
            ([.char("r"), .tab], .reports), ([.char("f"), .down], .filterMenu),
        ]
        for (open, screen) in cases {
            let d = try AppDriver()
            try d.press(open)
            let before = d.state
            XCTAssertEqual(before.mode.screen, screen)
            try d.press(.char("?"))
            guard case .help(let view) = d.state.mode else { return XCTFail("\(screen): ? opens the help") }
            XCTAssertEqual(view, HelpView(origin: before.mode))
            XCTAssertEqual(view.sheets, [screen.keySheet])
            try d.press(.pageDown, .tab)
            XCTAssertEqual(d.state.mode, .help(HelpView(origin: before.mode, showsAll: true)), "Tab: every screen")
            guard case .help(let all) = d.state.mode else { return XCTFail() }
            XCTAssertEqual(all.sheets, Bindings.sheets)
            try d.press(.tab, .char("j"))
            XCTAssertEqual(d.state.mode, .help(HelpView(origin: before.mode, scroll: 1)), "Tab again: this screen")
            try d.press(.escape)
            var expected = before
            expected.now = d.state.now
            assertSameState(d.state, expected, "\(screen): closing the help gives the screen back as it was")
        }
    }

    func testAnyOtherKeyOrAClickClosesTheHelp() throws {
        let d = try AppDriver()
        try d.press(.char("A"), .char("?"), .char("x"))
        XCTAssertEqual(d.state.mode, .agenda(AgendaView(selection: 0)))
        try d.press(.char("?"))
        try d.press(.mouse(MouseEvent(kind: .click, x: 3, y: 3)))
        XCTAssertEqual(d.state.mode, .agenda(AgendaView(selection: 0)))
        try d.press(.char("?"))
        XCTAssertEqual(try d.press(.ctrl("c")), [.quit])
    }

    /// Where `?` is text or already does something, it keeps doing that.
    func testQuestionMarkKeepsItsMeaningElsewhere() throws {
        let d = try AppDriver()
        try d.press(.enter, .char("?"))
        XCTAssertEqual(d.state.mode, .board, "? closes the details, as before")
        try d.press(.char("/"), .char("?"))
        XCTAssertEqual(d.state.mode, .search(LineEditor("?")))
        try d.press(.escape, .char("a"), .char("?"))
        guard case .form(let f) = d.state.mode else { return XCTFail("the form stays open") }
        XCTAssertEqual(f.value(.title), "?")
    }
}
