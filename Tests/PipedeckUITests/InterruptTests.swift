import PipedeckCore
import XCTest

@testable import PipedeckUI

/// Issue 13, point 3: Ctrl-C in a box where text is typed never throws the text away silently.
/// With nothing typed it closes the box as Esc does; with something typed it asks first, and only
/// `y` discards. On the board Ctrl-C still quits.
final class InterruptTests: XCTestCase {
    /// Each box where text is typed: the keys that open it from the board and type into it, and
    /// the screen Esc goes back to.
    let boxes: [(name: String, open: [Key], type: [Key], back: Screen)] = [
        ("deal form", [.char("a")], [.char("X")], .board),
        ("edit form", [.char("e")], [.char("X")], .board),
        ("stage form", [.char("S"), .char("e")], [.char("X")], .stages),
        ("next action", [.char("n")], [.char("X")], .board),
        ("lost reason", [.char("x")], [.char("X")], .board),
        (
            "recommendation",
            [.char("G"), .char("l"), .char("l"), .char("l"), .char("l"), .char("l"), .char("l"), .enter, .char("p")],
            [.char("7")], .detail
        ),
    ]

    func testCtrlCWithNothingTypedClosesTheBox() throws {
        for b in boxes {
            let d = try AppDriver()
            try d.press(b.open)
            let before = d.state
            XCTAssertNotEqual(d.state.mode.screen, b.back, b.name)
            XCTAssertEqual(try d.press(.ctrl("c")), [], "\(b.name): Ctrl-C never quits from here")
            XCTAssertEqual(d.state.mode.screen, b.back, b.name)
            XCTAssertEqual(d.state.board, before.board, b.name)
            XCTAssertEqual(d.saves, 0)
        }
    }

    func testCtrlCAfterTypingAsksAndOnlyYDiscards() throws {
        for b in boxes {
            let d = try AppDriver()
            try d.press(b.open)
            try d.press(b.type)
            let typing = d.state.mode
            XCTAssertEqual(try d.press(.ctrl("c")), [], b.name)
            XCTAssertEqual(d.state.mode, .discard(typing), "\(b.name): asks before discarding")
            // n, Esc, Ctrl-C again or any other key: back to the text, as it was.
            for key: Key in [.char("n"), .escape, .ctrl("c"), .enter, .char("q")] {
                XCTAssertEqual(try d.press(key), [], "\(b.name): \(key.label)")
                XCTAssertEqual(d.state.mode, typing, "\(b.name): \(key.label) keeps what was typed")
                try d.press(.ctrl("c"))
            }
            XCTAssertEqual(try d.press(.char("y")), [], b.name)
            XCTAssertEqual(d.state.mode.screen, b.back, "\(b.name): y discards and closes")
            XCTAssertEqual(d.saves, 0, b.name)
        }
    }

    func testTheFormComesBackWithItsFocusAndText() throws {
        let d = try AppDriver()
        try d.press(.char("a"))
        try d.type("Half typed")
        try d.press(.tab)
        try d.type("12 500")
        guard case .form(let form) = d.state.mode else { return XCTFail() }
        try d.press(.ctrl("c"), .char("n"))
        XCTAssertEqual(d.state.mode, .form(form))
        try d.press(.enter)
        XCTAssertEqual(d.state.board.deals.last?.title, "Half typed")
        XCTAssertEqual(d.state.board.deals.last?.value, Money(units: 12_500))
    }

    func testTypingBackWhatWasThereCountsAsNothingTyped() throws {
        let d = try AppDriver()
        try d.press(.char("e"), .char("X"), .backspace, .ctrl("c"))
        XCTAssertEqual(d.state.mode, .board)
    }

    func testOnTheBoardAndScreensWithoutTypingCtrlCQuits() throws {
        for open: [Key] in [[], [.enter], [.char("A")], [.char("r")], [.char("S")], [.char("?")], [.char("/")]] {
            let d = try AppDriver()
            try d.press(open)
            XCTAssertEqual(try d.press(.ctrl("c")), [.quit], "\(open)")
        }
    }
}
