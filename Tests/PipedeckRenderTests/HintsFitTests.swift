import PipedeckCore
import PipedeckUI
import XCTest

@testable import PipedeckRender

/// Issue 13, point 9: every screen at 80, 120 and 160 columns (and 40×12): a key hint is shown
/// whole or not at all, the way out of a box is always shown, and the messages under fields
/// (a date not understood, an amount refused) and on the status line read whole, wrapped if
/// need be.
final class HintsFitTests: XCTestCase {
    static let sizes = [(80, 24), (120, 40), (160, 45), (40, 12)]

    /// Keys that open each screen from the demo board.
    static let screens: [(Screen, [Key])] =
        [
            (.board, []),
            (.detail, [.enter]),
            (.moveTo, [.char("m")]),
            (.moveTo, [.char("m"), .char("n")]),
            (.lostReason, [.char("x")]),
            (.lostReason, [.char("x")] + "Their budget moved to next year".map { Key.char($0) }),
            (.confirmDelete, [.char("d")]),
            (.activity, [.char("n")]),
            (.activity, [.char("c")]),
            (.activity, [.char("i")]),
            (.activity, [.char("A"), .char("r")]),
            (.npsPrompt, [.char("l"), .char("l"), .char("l"), .char("l"), .char("l"), .char("l"), .enter, .char("p")]),
            (.dealForm, [.char("a")]),
            (.dealForm, [.char("e"), .tab, .tab, .tab]),
            (.search, [.char("/")]),
            (.search, [.char("/"), .char("c"), .char("a"), .char("f"), .char("e")]),
            (.filterMenu, [.char("f")]),
            (.agenda, [.char("A")]),
            (.agenda, [.char("A"), .char("t")]),
            (.stages, [.char("S")]),
            (.stageForm, [.char("S"), .char("a")]),
            (.stageDelete, [.char("S"), .char("d")]),
            (.discard, [.char("a"), .char("X"), .ctrl("c")]),
            (.help, [.char("?")]),
            (.help, [.char("?"), .tab]),
        ] + (1...ReportKind.allCases.count).map { (.reports, [.char("r"), .char(Character("\($0)"))]) }

    func state(_ keys: [Key], _ w: Int, _ h: Int) -> AppState {
        var s = Fixture.state(width: w, height: h)
        for k in keys { _ = s.handle(k) }
        return s
    }

    /// Every hint of the screen's table that shows starts whole where it starts.
    func assertHintsWhole(_ s: AppState, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let rows = Fixture.rows(s)
        let hints = s.mode.screen == .board ? Bindings.footerHints(for: s) : s.mode.screen.hints
        var wayOut = false
        for h in hints {
            let text = h.text
            let start = String(text.prefix(h.keys.isEmpty ? 8 : h.keys.count + 1 + min(5, h.hint.count)))
            for row in rows {
                var rest = Substring(row)
                while let r = rest.range(of: start) {
                    let from = rest[r.lowerBound...]
                    XCTAssertTrue(
                        from.hasPrefix(text), "\(name): “\(text)” is cut: \(row)", file: file, line: line)
                    rest = rest[r.upperBound...]
                }
            }
            if (h.keys.hasPrefix("Esc") || h.keys == "q" || h.keys == "y")
                && rows.contains(where: { $0.contains(text) })
            {
                wayOut = true
            }
        }
        if hints.contains(where: { $0.keys.hasPrefix("Esc") || $0.keys == "q" || $0.keys == "y" }) {
            XCTAssertTrue(
                wayOut, "\(name): the way out is shown:\n" + rows.joined(separator: "\n"), file: file, line: line)
        }
        for row in rows {
            guard let a = row.firstIndex(of: "╰"), let b = row[a...].firstIndex(of: "╯") else { continue }
            XCTAssertFalse(row[a...b].contains("…"), "\(name): a box's hints are cut: \(row)", file: file, line: line)
        }
        if s.message == nil && s.mode.screen == .board {
            XCTAssertFalse(rows.last!.contains("…"), "\(name): \(rows.last!)", file: file, line: line)
        }
    }

    func testEveryScreenShowsItsHintsWholeAtEverySize() {
        for (w, h) in HintsFitTests.sizes {
            for (screen, keys) in HintsFitTests.screens {
                let s = state(keys, w, h)
                XCTAssertEqual(s.mode.screen, screen, "\(screen) at \(w)×\(h) is reached")
                assertHintsWhole(s, "\(screen) \(keys.map(\.label).joined()) at \(w)×\(h)")
            }
        }
    }

    /// The text of the box on top, read as one line: messages wrapped over several lines read
    /// whole again.
    func boxText(_ s: AppState) -> String { ScreenText.joined(ScreenText.box(ScreenText.render(s))) }

    func testMessagesUnderFieldsReadWhole() {
        for (w, h) in HintsFitTests.sizes {
            let size = "\(w)×\(h)"
            // The next step's day and time, with its own list of what it understands.
            var s = state([.char("n"), .tab, .ctrl("u")] + "next friday".map { Key.char($0) } + [.enter], w, h)
            XCTAssertTrue(boxText(s).contains(FormText.badWhen), "\(size): \(boxText(s))")
            // Every field of the deal form that can be refused, each focused in turn.
            s = state([.char("a"), .tab] + "abc".map { Key.char($0) }, w, h)
            while case .form(let f) = s.mode, f.fields[f.focus].label != "Expected close" { _ = s.handle(.tab) }
            for c in "2026-13-45" { _ = s.handle(.char(c)) }
            _ = s.handle(.enter)
            for (field, message) in [
                ("Title", Strings.emptyTitle), ("Value", Strings.badNumber), ("Expected close", FormText.badDay),
            ] {
                while case .form(let f) = s.mode, f.fields[f.focus].label != field { _ = s.handle(.tab) }
                XCTAssertTrue(boxText(s).contains(message), "\(size) \(field): \(boxText(s))")
            }
            // The stage form.
            s = state([.char("S"), .char("a"), .char("X"), .tab] + "150".map { Key.char($0) } + [.enter], w, h)
            XCTAssertTrue(boxText(s).contains(Strings.probabilityRange), "\(size): \(boxText(s))")
            s = state(
                [.char("S"), .char("a"), .char("X"), .tab, .char("5"), .tab, .ctrl("u")] + "2,5".map { Key.char($0) }
                    + [.enter], w, h)
            XCTAssertTrue(boxText(s).contains(Strings.rotDaysWhole), "\(size): \(boxText(s))")
            // The recommendation score.
            s = state(
                HintsFitTests.screens.first { $0.0 == .npsPrompt }!.1 + [.ctrl("u"), .char("4"), .char("2"), .enter], w,
                h)
            XCTAssertTrue(boxText(s).contains(UIText.npsRange), "\(size): \(boxText(s))")
            // The questions and prompts.
            s = state([.char("x")], w, h)
            XCTAssertTrue(boxText(s).contains(Strings.lostReasonPrompt), "\(size): \(boxText(s))")
            s = state([.char("d")], w, h)
            XCTAssertTrue(boxText(s).contains("? y/n"), "\(size): \(boxText(s))")
            s = state([.char("m")], w, h)
            let move = boxText(s)
            XCTAssertTrue(
                move.contains(Strings.moveToPrompt) || move.contains(Strings.moveToPromptShort), "\(size): \(move)")
        }
    }

    func testStatusMessagesWrapInsteadOfBeingCut() {
        for (w, h) in HintsFitTests.sizes {
            for (keys, message) in [
                ([Key.char("s"), .char("J")], UIText.reorderNeedsManual),
                ([.char("d"), .char("y")], UIText.deleted("Website redesign")),
            ] {
                let s = state(keys, w, h)
                XCTAssertEqual(s.message?.text, message)
                let rows = Fixture.rows(s).suffix(4).map { $0.trimmingCharacters(in: .whitespaces) }
                XCTAssertTrue(
                    ScreenText.joined(rows).contains(message), "\(w)×\(h):\n" + rows.joined(separator: "\n"))
            }
        }
    }
}
