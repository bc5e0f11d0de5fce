import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage
import PipedeckUI

// Extra measurements behind flags (see main.swift): where a move's time goes, and the JSON
// options compared.

/// `--profile N`: the parts of one move on a board of N deals, each the median of 30 runs.
func profileBreakdown(deals n: Int) {
    let board = generateBoard(deals: n)
    let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    var state = AppState(board: board, fileName: "x", now: now, today: now.utcDay, width: 120, height: 40)
    let id = state.selectedDeal!.id
    func t(_ label: String, _ body: () -> Void) {
        var xs: [Double] = []
        for _ in 0..<30 { let a = nowNanos(); body(); xs.append(ms(a, nowNanos())) }
        print(label.padding(toLength: 52, withPad: " ", startingAt: 0), String(format: "%8.3f ms", median(xs)))
    }
    let out = try! board.apply(.shift(id: id, by: 1), at: now)
    t("Board.apply(.shift) (Core)") { _ = try! board.apply(.shift(id: id, by: 1), at: now) }
    t("  of which Edit(from:to:touching:) (Core)") { _ = Edit(from: board, to: out.board, touching: [id]) }
    t("  of which copying the deals array") {
        var b = board; b.deals[0].rank += 1; _ = b
    }
    t("PipelineSummary(board:) (the old per-move sum)") { _ = PipelineSummary(board: board) }
    t("BoardRenderer.render 120×40") {
        _ = BoardRenderer.render(state, options: RenderOptions(glyphs: .unicode, locale: "en_US"))
    }
    t("AppState.handle L + H (two moves, no frame)") {
        _ = state.handle(.char("L")); _ = state.handle(.char("H"))
    }
}

/// `--profile-moves N [DEALS]`: the first frame, then N moves and frames, on 10 000 deals (or
/// DEALS), for valgrind --tool=callgrind: run it with two values of N and subtract to get the
/// instructions of one move and frame.
func profileMoves(deals n: Int, count: Int) {
    let board = generateBoard(deals: n)
    let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    var state = AppState(board: board, fileName: "x", now: now, today: now.utcDay, width: 120, height: 40)
    for k in 0..<count {
        _ = state.handle(.char(k % 2 == 0 ? "L" : "H"))
        _ = BoardRenderer.render(state, options: RenderOptions(glyphs: .unicode, locale: "en_US"))
    }
}

/// `--json N`: Pipedeck's own byte-level JSON reader and writer against Foundation's, on the
/// same file of N deals. Foundation's numbers are a lower bound: they only parse into or write
/// from Any, without turning the result into a Board (which Pipedeck's figures include).
func compareJSON(deals n: Int) {
    let board = generateBoard(deals: n)
    let bytes = BoardDocument.encodeBytes(board)
    let data = Data(bytes)
    func t(_ label: String, _ body: () -> Void) {
        var xs: [Double] = []
        for _ in 0..<5 { let a = nowNanos(); body(); xs.append(ms(a, nowNanos())) }
        print("| " + label + " | " + String(format: "%.1f", median(xs)) + " |")
    }
    print("| \(n) deals, \(String(format: "%.1f", Double(bytes.count) / 1_048_576)) MB | ms (median of 5) |")
    print("|---|---:|")
    t("Pipedeck: bytes → Board (parse + map + validate)") {
        _ = try! bytes.withUnsafeBufferPointer { b in try BoardDocument.decode(bytes: b, path: "x", now: .now()) }
    }
    t("Foundation JSONSerialization: bytes → Any (parse only)") { _ = try! JSONSerialization.jsonObject(with: data) }
    let object = try! JSONSerialization.jsonObject(with: data)
    t("Pipedeck: Board → bytes (sorted keys, pretty, exact amounts)") { _ = BoardDocument.encodeBytes(board) }
    t("Foundation JSONSerialization: Any → bytes (sorted keys, pretty)") {
        _ = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
    }
}
