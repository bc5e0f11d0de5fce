import PipedeckCore
import PipedeckUI

/// The two footer rows: the pipeline's figures, and the key hints (or the search line, or a
/// message) under them.
extension BoardRenderer {
    mutating func drawFooter() {
        let w = layout.width
        let line = FooterFigures(renderer: self)
        var chosen = line.pieces(.full)
        for detail in FooterFigures.Detail.allCases {
            chosen = line.pieces(detail)
            if BoardRenderer.width(chosen) <= w { break }
        }
        if state.filter.isActive {
            // Say that the figures are those of the filtered deals.
            chosen.insert((" " + FilterText.filtered(state.shownCount, state.totalCount) + " " + g.dot, .match), at: 0)
            if BoardRenderer.width(chosen) > w { chosen = [chosen[0]] + line.pieces(.narrow) }
            if BoardRenderer.width(chosen) > w {
                // Narrow: "1/25 ·", so that no amount is cut.
                let short = " " + FilterText.filteredShort(state.shownCount, state.totalCount) + " " + g.dot
                chosen = [(short, .match)] + line.pieces(.tiny)
            }
        }
        grid.fill(x: 0, y: layout.footerRow, width: w, height: 1, role: .footer)
        pieces(chosen, 0, layout.footerRow, max: w)
        drawHintRow()
    }

    /// The last row: the search line while searching, else the status message or a failed
    /// save, else the board's key hints from its key table.
    mutating func drawHintRow() {
        let w = layout.width
        if case .search(let editor) = state.mode {
            // The hints that fit whole after the prompt and a field of at least 10 cells.
            let x = text(" " + FilterText.searchPrompt, 0, layout.hintRow, .footerKey)
            let hints = BoardRenderer.fitting(Screen.search.hints, width: w - x - 10 - 4)
            let hw = hints.isEmpty ? 0 : BoardRenderer.hintsWidth(hints) + 3
            let fieldW = max(1, w - x - hw - 1)
            let end = field(
                editor, x: x, y: layout.hintRow, width: min(fieldW, TextWidth.width(editor.text) + 1), focused: true)
            if !hints.isEmpty {
                text(
                    "   " + BoardRenderer.hintText(hints), max(end, x + 1), layout.hintRow, .footer,
                    max: max(0, w - max(end, x + 1)))
            }
            return
        }
        if case .failed(let why) = state.saveState, !(state.message?.isError ?? false) {
            drawSaveFailure(why, after: state.message, width: w)
        } else if let m = state.message {
            // A message longer than the row takes the rows above it (the figures' row first).
            let lines = BoardRenderer.messageLines(m.text, width: w - 2).prefix(max(1, layout.height - layout.cardTop))
            let top = layout.hintRow - lines.count + 1
            if lines.count > 1 { grid.fill(x: 0, y: top, width: w, height: lines.count - 1, role: .footer) }
            for (k, l) in lines.enumerated() { text(" " + l, 0, top + k, m.isError ? .error : .status, max: w) }
        } else {
            // "? help" and "q quit" always show; the other hints fill the room left, in table order.
            let all = Bindings.footerHints(for: state)
            func need(_ h: KeyHint) -> Int {
                TextWidth.width(h.keys) + 1 + TextWidth.width(h.hint) + 2
            }
            let kept = Set([Command.board(.help), .board(.quit)].compactMap { Bindings.binding(for: $0)?.hint })
            var room = w - 1 - all.filter { kept.contains($0.hint) }.reduce(0) { $0 + need($1) }
            var shown: [KeyHint] = []
            var full = false
            for h in all {
                if kept.contains(h.hint) { shown.append(h); continue }
                if full || need(h) > room { full = true; continue }
                room -= need(h)
                shown.append(h)
            }
            var x = 1
            for h in shown {
                x = text(h.keys, x, layout.hintRow, .footerKey)
                x = text(" " + h.hint + "  ", x, layout.hintRow, .footer, max: max(0, w - x))
            }
        }
    }
}
