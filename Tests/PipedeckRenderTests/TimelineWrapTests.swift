import PipedeckCore
import PipedeckUI
import XCTest

@testable import PipedeckRender

/// Long timeline entries and the next action go on over several lines in the deal's details
/// instead of being cut, at every width; the last change shows as a local date and time.
final class TimelineWrapTests: XCTestCase {
    func testPiecesBreakAtSpacesAndKeepTheirStyles() {
        let line: BoardRenderer.Pieces = [
            ("✓ ", .cardDim), ("2026-12-06 17:59  ", .cardDim), ("☎ call · ", .formLabel),
            ("First contact call with the whole board", .help), ("  planned · tomorrow", .upcoming),
        ]
        let wide = BoardRenderer.wrapPieces(line, head: 2, width: 200)
        XCTAssertEqual(wide.map { $0.map(\.0) }, [line.map(\.0)], "a line that fits is left alone")

        let lines = BoardRenderer.wrapPieces(line, head: 2, width: 44)
        let texts = lines.map { $0.map(\.0).joined() }
        XCTAssertEqual(
            texts,
            [
                "✓ 2026-12-06 17:59  ☎ call · First contact",
                "                    call with the whole",
                "                    board  planned ·",
                "                    tomorrow",
            ])
        XCTAssertTrue(texts.allSatisfy { TextWidth.width($0) <= 44 })
        // Each word keeps the style of the piece it came from.
        XCTAssertTrue(lines[2].contains { $0.0 == "board" && $0.1 == .help })
        XCTAssertTrue(lines[3].contains { $0.0 == "tomorrow" && $0.1 == .upcoming })

        // Narrow: the head takes more than half the width, later lines start 4 cells in; a word
        // wider than a line is cut with "…".
        let narrow = BoardRenderer.wrapPieces(
            [("✓ ", .cardDim), ("2026-12-06 17:59  ", .cardDim), ("Überweisungsbestätigungsformular ok", .help)],
            head: 2, width: 30
        ).map { $0.map(\.0).joined() }
        XCTAssertEqual(narrow, ["✓ 2026-12-06 17:59  ", "    Überweisungsbestätigungsf…", "    ok"])
        XCTAssertTrue(narrow.allSatisfy { TextWidth.width($0) <= 30 })
        // Wide characters count two cells.
        let japanese = BoardRenderer.wrapPieces([("• ", .help), ("日本商事 株式会社 取引", .help)], head: 1, width: 12)
            .map { $0.map(\.0).joined() }
        XCTAssertEqual(japanese, ["• 日本商事", "  株式会社", "  取引"])
    }

    func testEveryWordOfTheTimelineShowsAtFortyColumns() {
        var s = Fixture.state(width: 40, height: 12)
        let deal = s.selectedDeal!
        Fixture.press(&s, .enter)
        var seen: [String] = []
        for _ in 0..<30 {
            seen += Fixture.rows(s)
            Fixture.press(&s, .down)
        }
        let text = seen.joined(separator: "\n")
        XCTAssertFalse(
            seen.contains { $0.contains("Timeline") == false && $0.contains("call ·") && $0.contains("…") },
            "no timeline entry is cut:\n\(text)")
        for a in deal.activities {
            for word in a.subject.split(separator: " ") {
                XCTAssertTrue(text.contains(word), "\(word) of \(a.subject):\n\(text)")
            }
        }
        let (day, time) = deal.updatedAt.local(in: s.zone)
        XCTAssertTrue(text.contains("Updated         \(day) \(time)"), text)
        XCTAssertFalse(text.contains("T08:00:00Z"), "no raw timestamp:\n\(text)")
    }
}
