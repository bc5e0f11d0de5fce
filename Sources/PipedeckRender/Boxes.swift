import PipedeckCore
import PipedeckUI

/// What every box and dialog shares: the frame with its key hints, text fields, and messages
/// that wrap instead of being cut.
extension BoardRenderer {
    /// The hints that fit in `width` cells, joined with " · ": all of them, else fewer, dropped
    /// whole from the last; the way on ("Enter …") and the way out ("Esc …") go last. Never a
    /// hint cut in two.
    static func fitting(_ hints: [KeyHint], width: Int) -> [KeyHint] {
        var shown = hints
        let (escape, enter) = (Key.escape.label, Key.enter.label)
        func rank(_ h: KeyHint) -> Int { h.keys.hasPrefix(escape) ? 2 : h.keys.hasPrefix(enter) ? 1 : 0 }
        while !shown.isEmpty && hintsWidth(shown) > width {
            let lowest = shown.map(rank).min()!
            shown.remove(at: shown.lastIndex { rank($0) == lowest }!)
        }
        return shown
    }

    static func hintsWidth(_ hints: [KeyHint]) -> Int { TextWidth.width(hintText(hints)) }
    static func hintText(_ hints: [KeyHint]) -> String { hints.map(\.text).joined(separator: " · ") }

    /// The room a box needs for all of its hints on its bottom border.
    func hintsWidth(_ hints: [KeyHint]) -> Int { hints.isEmpty ? 0 : BoardRenderer.hintsWidth(hints) + 2 }

    /// A framed box centred on the screen, its key hints on the bottom border (as many whole
    /// hints as fit); returns its inner rectangle.
    @discardableResult
    mutating func box(width bw: Int, height bh: Int, title: String, hints: [KeyHint] = []) -> (
        x: Int, y: Int, w: Int, h: Int
    ) {
        let w = min(bw, layout.width), h = min(bh, layout.height)
        let x = (layout.width - w) / 2, y = max(0, (layout.height - h) / 2)
        grid.fill(x: x, y: y, width: w, height: h, role: .dialog)
        let hr = String(repeating: g.horizontal, count: max(0, w - 2))
        text(g.boxTopLeft + hr + g.boxTopRight, x, y, .columnBorder)
        text(g.boxBottomLeft + hr + g.boxBottomRight, x, y + h - 1, .columnBorder)
        for yy in (y + 1)..<max(y + 1, y + h - 1) {
            text(g.vertical, x, yy, .columnBorder)
            text(g.vertical, x + w - 1, yy, .columnBorder)
        }
        text(" " + title + " ", x + 2, y, .helpTitle, max: w - 4)
        let shown = BoardRenderer.fitting(hints, width: w - 6)
        if !shown.isEmpty {
            let t = " " + BoardRenderer.hintText(shown) + " "
            text(t, x + w - 2 - TextWidth.width(t), y + h - 1, .formLabel)
        }
        return (x + 2, y + 1, max(0, w - 4), max(0, h - 2))
    }

    /// A small box of lines, as wide as its widest line (and its hints) allow.
    mutating func drawDialog(title: String, lines: [(String, StyleRole)], hints: [KeyHint] = []) {
        let inner = max(lines.map { TextWidth.width($0.0) }.max() ?? 0, hintsWidth(hints))
        let r = box(
            width: min(layout.width, max(inner, TextWidth.width(title) + 2) + 4), height: lines.count + 2,
            title: title, hints: hints)
        for (i, (s, role)) in lines.prefix(r.h).enumerated() { text(s, r.x, r.y + i, role, max: r.w) }
    }

    /// Draws scrollable lines inside a box, with "▲"/"▼" markers when more lies above or below.
    mutating func scrolled(_ lines: [[(String, StyleRole)]], in r: (x: Int, y: Int, w: Int, h: Int), scroll: Int) {
        let maxTop = max(0, lines.count - r.h)
        let top = min(scroll, maxTop)
        for (i, l) in lines.dropFirst(top).prefix(r.h).enumerated() { pieces(l, r.x, r.y + i, max: r.w) }
        if top > 0 { text(g.moreAbove, r.x + r.w + 1, r.y, .scrollMarker) }
        if top < maxTop { text(g.moreBelow, r.x + r.w + 1, r.y + r.h - 1, .scrollMarker) }
    }

    /// Writes `s` only when it fits whole in `room` cells; returns whether it did.
    @discardableResult
    mutating func whole(_ s: String, _ x: Int, _ y: Int, _ role: StyleRole, room: Int) -> Bool {
        guard room > 0, TextWidth.width(s) <= room else { return false }
        text(s, x, y, role)
        return true
    }

    /// A message in lines of at most `width` cells (an error under a field, a date read back).
    static func messageLines(_ s: String, width: Int) -> [String] {
        wrap(oneLine(s), width: max(1, width))
    }

    /// A one-line text field. Focused, the text scrolls so the cursor stays in view, with "…"
    /// on the side where text is hidden, and the cursor goes on the screen; not focused, it shows
    /// the start of the text with "…" where it is cut (or the placeholder, dimmed, when empty).
    /// Returns the column after the text shown.
    @discardableResult
    mutating func field(
        _ editor: LineEditor, x: Int, y: Int, width: Int, focused: Bool, placeholder: String = ""
    ) -> Int {
        guard width > 0 else { return x }
        let role: StyleRole = focused ? .formFieldFocused : .formField
        grid.fill(x: x, y: y, width: width, height: 1, role: role)
        if !focused {
            if editor.isEmpty {
                text(placeholder, x, y, .cardDim, max: width)
                return x
            }
            return text(editor.text, x, y, role, max: width)
        }
        let chars = editor.characters
        let widths = chars.map { TextWidth.width($0) }
        func w(_ a: Int, _ b: Int) -> Int { widths[a..<b].reduce(0, +) }
        let total = w(0, chars.count)
        var start = 0
        if total + 1 > width {
            // Keep the cursor in view, with room for a "…" on each side where text is hidden.
            while start < editor.cursor && (start > 0 ? 1 : 0) + w(start, editor.cursor) > width - 2 { start += 1 }
        }
        var cx = x
        if start > 0 { cx = text(g.ellipsis, x, y, role) }
        let end = text(String(chars[start...]), cx, y, role, max: x + width - cx)
        cursor = (cx + w(start, editor.cursor), y)
        return end
    }
}
