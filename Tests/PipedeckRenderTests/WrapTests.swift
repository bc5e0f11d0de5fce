import PipedeckCore
import XCTest

@testable import PipedeckRender
@testable import PipedeckUI

/// Wrapping text into the details box: the same lines as the simple rule, in one pass, and only
/// as many lines as the screen shows.
final class WrapTests: XCTestCase {
    /// The rule, written the simple (quadratic) way: words at spaces; a word that does not fit
    /// goes to the next line; a word longer than a line is cut where the line is full.
    func reference(_ s: String, width: Int) -> [String] {
        var out: [String] = []
        for para in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lw = 0
            for word in para.split(separator: " ", omittingEmptySubsequences: false) {
                let ww = TextWidth.width(String(word))
                if lw > 0 && lw + 1 + ww > width { out.append(line); line = ""; lw = 0 }
                if lw > 0 { line += " "; lw += 1 }
                line += word; lw += ww
                while lw > width {
                    let head = TextWidth.truncate(line, to: width, ellipsis: "")
                    out.append(head)
                    line = String(line.dropFirst(head.count)); lw = TextWidth.width(line)
                }
            }
            out.append(line)
        }
        return out
    }

    func testWrapFollowsTheRuleOnThousandsOfTexts() {
        var rng = SeededRandom(seed: 11)
        let pieces = [
            "a", "deal", "Société", "日本語", "e\u{301}", "👍🏽", "x", "  ", " ", "\n", "\n\n", "averyveryverylongword",
            String(repeating: "z", count: 45), "\t", "\u{1B}[2J",
        ]
        for n in 0..<3_000 {
            let text = (0..<Int.random(in: 0...25, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                .joined(separator: Bool.random(using: &rng) ? " " : "")
            let width = Int.random(in: 2...24, using: &rng)
            let expected = reference(text, width: width)
            XCTAssertEqual(
                BoardRenderer.wrap(text, width: width), expected, "text \(n): \(text.debugDescription) at \(width)")
            let limit = Int.random(in: 1...6, using: &rng)
            XCTAssertEqual(BoardRenderer.wrap(text, width: width, limit: limit), Array(expected.prefix(limit)))
        }
        XCTAssertEqual(BoardRenderer.wrap("anything", width: 0), [])
        XCTAssertEqual(BoardRenderer.wrap("", width: 10), [""])
    }

    func testALimitStopsTheWorkEarly() {
        let word = String(repeating: "x", count: 5_000_000)
        let lines = BoardRenderer.wrap("Notes: " + word + " end", width: 80, limit: 3)
        XCTAssertEqual(lines, ["Notes:", String(repeating: "x", count: 80), String(repeating: "x", count: 80)])
    }

    /// The details of a deal whose notes are one word of 20 million characters: the box shows its
    /// first lines (and further ones when scrolled), without measuring the rest.
    func testTheDetailsOfAHugeNoteShowWhatFits() {
        let now = Timestamp.parse("2026-11-30T09:00:00Z")!
        var board = Demo.board(now: now, today: now.utcDay)
        board.deals[0].notes = "Start " + String(repeating: "y", count: 20_000_000)
        var state = AppState(board: board, fileName: "f.json", now: now, today: now.utcDay, width: 100, height: 40)
        for scroll in [0, 25, 10_000] {
            state.mode = .detail(dealID: board.deals[0].id, scroll: scroll)
            let rows = BoardRenderer.render(state, options: RenderOptions()).grid.rows()
            XCTAssertEqual(rows.count, 40)
            let full = rows.filter { $0.contains(String(repeating: "y", count: 76)) }
            XCTAssertGreaterThan(full.count, scroll == 0 ? 1 : 20, rows.joined(separator: "\n"))
            XCTAssertTrue(rows.contains { $0.contains("▼") }, "more below")
            if scroll > 0 { XCTAssertTrue(rows.contains { $0.contains("▲") }, "more above") }
        }
    }
}
