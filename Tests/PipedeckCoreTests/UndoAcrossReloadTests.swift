import XCTest

@testable import PipedeckCore

/// Issue 13, point 13: the undo history kept when another writer's version replaces the board.
final class UndoAcrossReloadTests: XCTestCase {
    let now = Timestamp.parse("2026-11-30T09:00:00Z")!

    func board() -> Board {
        var b = Template.standard.board()
        for i in 0..<12 {
            b.deals.append(
                Deal(
                    id: "d\(i)", title: "Deal \(i)", value: Money(units: 100 * i), stage: "lead", createdAt: now,
                    rank: i))
        }
        return b
    }

    func apply(_ b: inout Board, _ h: inout UndoHistory, _ a: Action) throws {
        let o = try b.apply(a, at: now)
        h.record(try XCTUnwrap(o.edit))
        b = o.board
    }

    /// Deals removed and added elsewhere change every position: an undo still replaces the
    /// user's deal where it now is and leaves every other deal as the other writer left it.
    func testUndoAfterDealsWereRemovedAndAddedElsewhere() throws {
        var mine = board(), h = UndoHistory()
        try apply(&mine, &h, .move(id: "d8", toStage: "proposal"))
        try apply(&mine, &h, .delete(id: "d10"))
        var theirs = mine
        theirs.deals.removeAll { $0.id == "d2" || $0.id == "d5" }
        theirs.deals.insert(Deal(id: "x1", title: "New", value: .zero, stage: "won", createdAt: now), at: 1)
        theirs.deals[theirs.dealIndex("d9")!].title = "Renamed elsewhere"
        XCTAssertEqual(h.adopt(from: mine, to: theirs), .kept(2))
        var b = theirs
        XCTAssertNotNil(h.undo(&b))
        XCTAssertEqual(b.deal("d10"), board().deal("d10"), "the deleted deal is back")
        XCTAssertNotNil(h.undo(&b))
        XCTAssertEqual(b.deal("d8")?.stage, "lead", "the move is undone")
        var expected = theirs.deals
        expected[expected.firstIndex { $0.id == "d8" }!] = board().deal("d8")!
        XCTAssertEqual(b.deals.filter { $0.id != "d10" }, expected, "nothing else moved or changed")
        XCTAssertNil(b.deal("d2"), "a deal deleted elsewhere stays deleted")
        // Redo goes forward again on the same board.
        XCTAssertNotNil(h.redo(&b))
        XCTAssertNotNil(h.redo(&b))
        XCTAssertEqual(Set(b.deals.map(\.id)), Set(theirs.deals.map(\.id)))
        XCTAssertEqual(b.deal("d8")?.stage, "proposal")
    }

    func testAStepIntoAStageDeletedElsewhereIsNotKept() throws {
        var mine = board(), h = UndoHistory()
        try apply(&mine, &h, .move(id: "d1", toStage: "qualification"))
        try apply(&mine, &h, .move(id: "d3", toStage: "closing"))
        var theirs = mine
        theirs.stages.removeAll { $0.id == "lead" }
        // d3's undo would put it back in "lead", a stage that no longer exists.
        XCTAssertEqual(h.adopt(from: mine, to: theirs), .cut(kept: 0, dropped: 2))
        XCTAssertFalse(h.canUndo)
    }

    func testAStageEditIsKeptWhenStagesAndSettingsAreTheSame() throws {
        var mine = board(), h = UndoHistory()
        var s = mine.stages[1]
        s.name = "Qualified"
        try apply(&mine, &h, .updateStage(s))
        var theirs = mine
        theirs.deals[0].title = "Changed elsewhere"
        XCTAssertEqual(h.adopt(from: mine, to: theirs), .kept(1))
        var b = theirs
        _ = h.undo(&b)
        XCTAssertEqual(b.stages[1].name, "Qualification")
        XCTAssertEqual(b.deals, theirs.deals)
        var h2 = UndoHistory()
        var m2 = board()
        try apply(&m2, &h2, .updateStage(s))
        var t2 = m2
        t2.settings.lostReasons.append("Elsewhere")
        XCTAssertEqual(h2.adopt(from: m2, to: t2), .cut(kept: 0, dropped: 1), "settings changed elsewhere")
    }
}
