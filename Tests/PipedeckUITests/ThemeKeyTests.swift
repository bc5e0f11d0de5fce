import XCTest

@testable import PipedeckUI

/// `t` asks the event loop for the next theme; the key is in the table the help screen reads.
final class ThemeKeyTests: XCTestCase {
    func testTAsksForTheNextTheme() throws {
        let app = try AppDriver()
        let before = app.state.board
        XCTAssertEqual(try app.press(.char("t")), [.cycleTheme])
        XCTAssertEqual(app.state.board, before)
        XCTAssertEqual(app.saves, 0)
    }

    func testTheKeyIsDocumentedInTheTable() throws {
        let b = try XCTUnwrap(Bindings.binding(for: .board(.cycleTheme)))
        XCTAssertEqual(b.keys, [.char("t")])
        XCTAssertEqual(b.group, "View")
        XCTAssertNil(b.hint, "not in the footer")
        XCTAssertEqual(Bindings.command(for: .char("t")), .board(.cycleTheme))
    }

    func testTInsideAFormIsText() throws {
        let app = try AppDriver()
        try app.press(.char("a"))
        XCTAssertEqual(try app.press(.char("t")), [])
    }
}
