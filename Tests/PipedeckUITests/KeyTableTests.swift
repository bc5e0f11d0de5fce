import PipedeckCore
import XCTest

@testable import PipedeckUI

/// Every screen's key table: each key names one command, the lookup is the table's, and the hint
/// lines the screens draw are generated from the tables with the words they always had.
final class KeyTableTests: XCTestCase {
    /// No table binds a key twice, and the lookup returns the binding's command for each key.
    func assertOneCommandPerKey<C>(
        _ table: KeyTable<C>, _ name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        var seen: Set<Key> = []
        var classes: Set<KeyClass> = []
        for b in table {
            for k in b.keys {
                XCTAssertTrue(seen.insert(k).inserted, "\(name): \(k.label) is bound twice", file: file, line: line)
                XCTAssertEqual(table.command(for: k), b.command, "\(name): \(k.label)", file: file, line: line)
            }
            if let c = b.keyClass {
                XCTAssertTrue(classes.insert(c).inserted, "\(name): \(c) is bound twice", file: file, line: line)
            }
            XCTAssertFalse(b.description.isEmpty, file: file, line: line)
            // The help box gives a description 62 columns beside the keys.
            XCTAssertLessThanOrEqual(b.description.count, 60, "\(name): \(b.description)", file: file, line: line)
        }
    }

    func testNoTableBindsAKeyTwice() {
        assertOneCommandPerKey(Bindings.board, "board")
        assertOneCommandPerKey(Bindings.help, "help")
        assertOneCommandPerKey(Bindings.detail, "detail")
        assertOneCommandPerKey(Bindings.dealForm, "dealForm")
        assertOneCommandPerKey(Bindings.stageForm, "stageForm")
        assertOneCommandPerKey(Bindings.activityForm, "activityForm")
        assertOneCommandPerKey(Bindings.activityType, "activityType")
        assertOneCommandPerKey(Bindings.npsPrompt, "npsPrompt")
        assertOneCommandPerKey(Bindings.confirmDelete, "confirmDelete")
        assertOneCommandPerKey(Bindings.lostReason, "lostReason")
        assertOneCommandPerKey(Bindings.moveTo, "moveTo")
        assertOneCommandPerKey(Bindings.search, "search")
        assertOneCommandPerKey(Bindings.filterMenu, "filterMenu")
        assertOneCommandPerKey(Bindings.agenda, "agenda")
        assertOneCommandPerKey(Bindings.reports, "reports")
        assertOneCommandPerKey(Bindings.stages, "stages")
        assertOneCommandPerKey(Bindings.stageDelete, "stageDelete")
        assertOneCommandPerKey(Bindings.choiceField, "choiceField")
        assertOneCommandPerKey(Bindings.suggestions, "suggestions")
        assertOneCommandPerKey(Bindings.textField, "textField")
    }

    /// The lines under the dialogs and boxes, generated from the tables, are the words the
    /// screens showed when they were written by hand.
    func testHintLinesAreTheOnesTheScreensShowed() {
        let expected: [Screen: String] = [
            .detail:
                "Esc close · e edit · n plan · c done · i log · y/Y copy · N notes · 1-4 score · p NPS · ↑↓ scroll",
            .dealForm: "Tab next field · Enter save · Esc cancel",
            .stageForm: "Tab next field · Enter save · Esc cancel",
            .lostReason: "Enter ok · Esc cancel",
            .confirmDelete: "y delete · any other key cancels",
            .search: "Enter keeps the search · Esc clears it",
            .filterMenu: "↑↓ choose · ←→ change · Space toggle · Enter/Esc close",
            .activity: "Tab next field · Enter save · Esc cancel",
            .agenda: "Enter show · c done · r reschedule · n change · t type · Esc close",
            .stages: "a add · e edit · d delete · K/J move · +/- probability · [/] rot days · Esc close",
            .stageDelete: "↑↓ choose · Enter delete and move · Esc cancel",
            .reports: "Tab/1–8 switch · ↑↓ scroll · Esc close",
            .npsPrompt: "0–10 · empty clears · Enter save · Esc cancel",
            .help: "Esc or ? closes this help · Tab all screens / this one",
            .moveTo: "1–9/a–z/↑↓ choose · Enter move · Esc cancel",
            .discard: "y discard · any other key keeps editing",
        ]
        for (screen, line) in expected { XCTAssertEqual(screen.hintLine, line, "\(screen)") }
    }

    /// Keys taken by kind: a named key wins over a class, and classes are tried from the
    /// narrowest (digits) to the widest (any key).
    func testClassesOfKeys() {
        let moveTo = Bindings.moveTo
        XCTAssertEqual(moveTo.command(for: .char("7")), .digit)
        XCTAssertEqual(moveTo.command(for: .char("④")), .letter, "only 0–9 are stage numbers")
        XCTAssertEqual(moveTo.command(for: .char("N")), .letter)
        XCTAssertEqual(moveTo.command(for: .enter), .confirm)
        XCTAssertEqual(moveTo.command(for: .ctrl("c")), .cancel)
        XCTAssertEqual(moveTo.command(for: .function(3)), .cancel)
        let lost = Bindings.lostReason
        XCTAssertEqual(lost.command(for: .char("④")), .chooseNumber)
        XCTAssertEqual(lost.command(for: .char("x")), .type)
        XCTAssertEqual(lost.command(for: .up), .list(.up))
        XCTAssertNil(Bindings.agenda.command(for: .char("x")), "a key no binding takes does nothing")
        XCTAssertEqual(Bindings.textField.command(for: .char("日")), .insert)
        XCTAssertNil(Bindings.textField.command(for: .tab))
    }

    /// Every screen has a table with at least one line, and the fields' tables go with the
    /// screens that hold such fields.
    func testEveryScreenHasItsSheet() {
        for screen in Screen.allCases {
            XCTAssertFalse(screen.keySheet.lines.isEmpty, "\(screen)")
            XCTAssertEqual(Bindings.sheets(for: screen).first, screen.keySheet)
        }
        XCTAssertEqual(
            Bindings.sheets(for: .dealForm).map(\.title),
            [KeyText.dealFormTitle, KeyText.choiceTitle, KeyText.suggestionTitle, KeyText.textFieldTitle])
        XCTAssertEqual(Bindings.sheets(for: .search).map(\.title), [KeyText.searchTitle, KeyText.textFieldTitle])
        XCTAssertEqual(Bindings.sheets(for: .agenda).map(\.title), [KeyText.agendaTitle])
        XCTAssertEqual(
            Bindings.sheets(for: .targets).map(\.title),
            [KeyText.targetsTitle, KeyText.targetEditTitle, KeyText.textFieldTitle])
        XCTAssertEqual(
            Bindings.sheets(for: .activity).map(\.title),
            [KeyText.activityTitle, KeyText.activityTypeTitle, KeyText.textFieldTitle])
        XCTAssertEqual(Bindings.sheets.count, Screen.allCases.count + 5)
    }
}
