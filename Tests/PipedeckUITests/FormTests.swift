import PipedeckCore
import PipedeckStorage
import XCTest

@testable import PipedeckUI

final class FormTests: XCTestCase {
    func form(_ d: AppDriver) -> DealForm? {
        if case .form(let f) = d.state.mode { return f }
        return nil
    }

    func testAddDealInFocusedStage() throws {
        let d = try AppDriver()
        try d.press(.right, .right, .char("a"))
        XCTAssertEqual(form(d)?.isNew, true)
        try d.type("Contrat café ☕ 日本")
        try d.press(.tab)
        try d.type("12 500,50")
        try d.press(.tab, .tab, .tab, .tab) // currency, stage, probability, company
        try d.type("Société Générale")
        try d.press(.enter)
        XCTAssertEqual(d.state.mode, .board)
        let added = try XCTUnwrap(d.state.board.deals.first { $0.title == "Contrat café ☕ 日本" })
        XCTAssertEqual(added.stage, "needs")
        XCTAssertEqual(added.value, Money.parse("12500.5"))
        XCTAssertEqual(added.company, "Société Générale")
        XCTAssertEqual(d.selected?.id, added.id, "the new deal is selected")
        XCTAssertEqual(try d.saved.deal(added.id)?.title, "Contrat café ☕ 日本")
    }

    func testInvalidFieldsKeepTheFormOpenAndSaveNothing() throws {
        let d = try AppDriver()
        try d.press(.char("a"))
        try d.press(.tab)
        try d.type("12k")
        try d.press(.tab, .tab, .tab) // currency, stage, probability
        try d.type("120")
        try d.press(.tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab) // → expected close
        try d.type("2026-13-45")
        let fx = try d.press(.enter)
        XCTAssertEqual(fx, [])
        let f = try XCTUnwrap(form(d))
        XCTAssertEqual(f.field(.title).error, Strings.emptyTitle)
        XCTAssertEqual(f.field(.value).error, Strings.badNumber)
        XCTAssertEqual(f.field(.probability).error, Strings.probabilityRange)
        XCTAssertEqual(f.field(.close).error, FormText.badDay)
        XCTAssertEqual(f.fields[f.focus].id, .title, "the focus goes to the first wrong field")
        XCTAssertEqual(d.saves, 0)
        // Fix everything, then it saves.
        try d.type("Fixed")
        for (field, text) in [(DealForm.FieldID.value, "1200"), (.probability, "65.5"), (.close, "2027-01-15")] {
            while form(d)!.fields[form(d)!.focus].id != field { try d.press(.tab) }
            try d.press(.ctrl("u"))
            try d.type(text)
        }
        try d.press(.enter)
        XCTAssertEqual(d.state.mode, .board)
        let added = try XCTUnwrap(d.state.board.deals.first { $0.title == "Fixed" })
        XCTAssertEqual(added.probability, Percent(hundredths: 6550))
        XCTAssertEqual(added.expectedClose, Day.parse("2027-01-15"))
        XCTAssertEqual(d.saves, 1)
    }

    func testEscCancelsWithoutChanges() throws {
        let d = try AppDriver()
        let before = d.state.board
        try d.press(.char("e"))
        try d.type("changed")
        try d.press(.escape)
        XCTAssertEqual(d.state.mode, .board)
        XCTAssertEqual(d.state.board, before)
        XCTAssertEqual(d.saves, 0)
    }

    func testEditChangesFieldsAndStage() throws {
        let d = try AppDriver()
        try d.press(.char("e"))
        XCTAssertEqual(form(d)?.value(.title), "Website redesign")
        try d.press(
            .end, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        try d.type("refresh")
        try d.press(.tab, .ctrl("u"))
        try d.type("5000")
        try d.press(.tab, .tab, .right, .right) // currency, then the stage: lead → needs
        try d.press(.enter)
        let deal = try XCTUnwrap(d.state.board.deal("d01lea"))
        XCTAssertEqual(deal.title, "Website refresh")
        XCTAssertEqual(deal.value, Money(units: 5000))
        XCTAssertEqual(deal.stage, "needs")
        XCTAssertEqual(deal.history.last?.to, "needs")
        XCTAssertEqual(try d.saved.deal("d01lea")?.title, "Website refresh")
        try d.press(.char("u"))
        XCTAssertEqual(d.state.board.deal("d01lea")?.title, "Website redesign")
    }

    func testLineEditorHandlesWideTextAndCursorKeys() {
        var e = LineEditor("")
        for c in "日本é€" { _ = e.handle(.char(c)) }
        XCTAssertEqual(e.text, "日本é€")
        _ = e.handle(.left); _ = e.handle(.left)
        _ = e.handle(.backspace)
        XCTAssertEqual(e.text, "日é€")
        _ = e.handle(.home); _ = e.handle(.char("→"))
        XCTAssertEqual(e.text, "→日é€")
        _ = e.handle(.end); _ = e.handle(.backspace)
        XCTAssertEqual(e.text, "→日é")
        _ = e.handle(.home); _ = e.handle(.delete)
        XCTAssertEqual(e.text, "日é")
        _ = e.handle(.ctrl("u"))
        XCTAssertEqual(e.text, "日é", "Ctrl-U erases before the cursor; at the start nothing")
        _ = e.handle(.end); _ = e.handle(.ctrl("u"))
        XCTAssertEqual(e.text, "")
    }
}

final class CompletionTests: XCTestCase {
    func testOwnerAndSourceCompleteFromValuesOnTheBoard() throws {
        let d = try AppDriver()
        try d.press(.char("a"))
        try d.type("Completion test")
        for _ in 0..<9 { try d.press(.tab) } // owner
        guard case .form(let f0) = d.state.mode else { return XCTFail() }
        XCTAssertEqual(f0.fields[f0.focus].id, .owner)
        try d.type("sa")
        guard case .form(let f1) = d.state.mode else { return XCTFail() }
        XCTAssertEqual(f1.suggestion, "Sarah Lefèvre", "case-insensitive prefix of a used owner")
        try d.press(.right)
        try d.press(.tab)
        try d.type("lin")
        guard case .form(let f2) = d.state.mode else { return XCTFail() }
        XCTAssertEqual(f2.suggestion, "LinkedIn")
        try d.press(.right, .tab)
        try d.type("smb, exp")
        try d.press(.right)
        try d.press(.enter)
        let deal = try XCTUnwrap(d.state.board.deals.first { $0.title == "Completion test" })
        XCTAssertEqual(deal.owner, "Sarah Lefèvre")
        XCTAssertEqual(deal.source, "LinkedIn")
        XCTAssertEqual(deal.tags, ["smb", "export"])
    }

    func testCtrlNCyclesAndNoSuggestionForUnknownText() throws {
        let d = try AppDriver()
        try d.press(.char("a"))
        for _ in 0..<10 { try d.press(.tab) } // source
        try d.type("c")
        guard case .form(let f) = d.state.mode else { return XCTFail() }
        XCTAssertEqual(Set(f.completions), ["campaign", "cold call"])
        let first = f.suggestion
        try d.press(.ctrl("n"))
        guard case .form(let g) = d.state.mode else { return XCTFail() }
        XCTAssertNotEqual(g.suggestion, first)
        try d.type("zz")
        guard case .form(let h) = d.state.mode else { return XCTFail() }
        XCTAssertNil(h.suggestion)
        try d.press(.right)
        guard case .form(let k) = d.state.mode else { return XCTFail() }
        XCTAssertEqual(k.value(.source), "czz", "→ without a suggestion only moves the cursor")
    }
}
