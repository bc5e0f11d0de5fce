import PipedeckCore
import PipedeckRender
import PipedeckUI
import XCTest

/// The agenda as drawn: every line says when, what kind of activity, what it is about and on
/// which deal, at every size; narrowed by type, only that type's glyph is left.
final class AgendaScreenTests: XCTestCase {
    func testEveryLineNamesTheActivityAndItsDealAtEverySize() throws {
        for (w, h) in [(120, 40), (80, 24), (40, 12)] {
            var s = Fixture.state(width: w, height: h)
            Fixture.press(&s, .char("A"))
            let item = try XCTUnwrap(s.agenda().items.first)
            let subject = try XCTUnwrap(item.action)
            let rows = Fixture.rows(s)
            let line = try XCTUnwrap(
                rows.first { $0.contains(Glyphs.unicode.activity(try! XCTUnwrap(item.type))) }, "\(w)×\(h)")
            XCTAssertTrue(line.contains(String(subject.prefix(5))), "\(w)×\(h): the subject: \(line)")
            XCTAssertTrue(line.contains(String(item.title.prefix(5))), "\(w)×\(h): the deal: \(line)")
            XCTAssertTrue(line.contains("late"), "\(w)×\(h): when: \(line)")
        }
    }

    func testNarrowedByTypeShowsOnlyThatType() {
        var s = Fixture.state(width: 80, height: 24)
        Fixture.press(&s, .char("A"), .char("t"))
        let rows = Fixture.rows(s)
        XCTAssertTrue(rows[1].contains("calls only"), rows[1])
        let g = Glyphs.unicode
        let others = [ActivityType.meeting, .email, .task, .deadline].map { g.activity($0) }
        XCTAssertTrue(rows.contains { $0.contains(g.activity(.call)) })
        XCTAssertFalse(
            rows.dropFirst(2).contains { r in others.contains { r.contains($0) } }, rows.joined(separator: "\n"))
    }
}
