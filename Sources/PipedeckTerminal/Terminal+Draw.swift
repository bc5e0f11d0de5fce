import CNcursesw
import PipedeckRender

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A foreground/background pair of terminal colour numbers (-1 = default).
struct PairKey: Hashable {
    let foreground: Int32
    let background: Int32
}

/// A `TextStyle` translated for this terminal.
struct ResolvedStyle {
    let attributes: attr_t
    let pair: Int32
}

/// Largest number of wide characters in one cchar_t (curses' CCHARW_MAX).
private let maxCharsPerCell = 5

extension Terminal {

    /// Copies `grid` to the screen. Only cells that differ from the previous
    /// frame are sent, unless the size changed or a full redraw was asked
    /// for. Cells outside the screen are clipped. The hardware cursor is
    /// shown at `cursor` when given, hidden otherwise.
    public func draw(_ grid: Grid, style: (StyleRole) -> TextStyle, cursor: (x: Int, y: Int)? = nil) {
        noteDrawing()
        let win = window
        let screen = size
        let previousCells: [Cell]?
        if let previous, !fullRedrawPending, previous.width == grid.width, previous.height == grid.height {
            previousCells = previous.cells
        } else {
            previousCells = nil
            _ = werase(win)
        }
        if clearPending { _ = clearok(pd_curscr(), true) }

        let visibleWidth = min(grid.width, screen.width)
        let visibleHeight = min(grid.height, screen.height)
        let cells = grid.cells
        var styles: [StyleRole: ResolvedStyle] = [:]
        var lastRole: StyleRole? = nil
        var lastStyle = ResolvedStyle(attributes: PD_A_NORMAL, pair: 0)

        for y in 0..<visibleHeight {
            let row = y * grid.width
            for x in 0..<visibleWidth {
                let cell = cells[row + x]
                if let previousCells, Terminal.sameCell(previousCells[row + x], cell) { continue }
                if cell.role != lastRole {
                    if let known = styles[cell.role] {
                        lastStyle = known
                    } else {
                        lastStyle = resolve(style(cell.role))
                        styles[cell.role] = lastStyle
                    }
                    lastRole = cell.role
                }
                if cell.width == 0 {
                    // The right half of a wide character is drawn with its
                    // left half; a stray continuation becomes a blank.
                    if x > 0 && cells[row + x - 1].width == 2 { continue }
                    putText(" ", cellWidth: 1, x: x, y: y, style: lastStyle, window: win)
                } else if cell.width >= 2 && x + 1 >= visibleWidth {
                    // A wide character cut by the screen edge.
                    putText(" ", cellWidth: 1, x: x, y: y, style: lastStyle, window: win)
                } else {
                    putText(cell.text, cellWidth: cell.width >= 2 ? 2 : 1, x: x, y: y, style: lastStyle, window: win)
                }
            }
        }

        previous = grid
        fullRedrawPending = false
        clearPending = false

        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < screen.width, cursor.y < screen.height {
            _ = wmove(win, Int32(cursor.y), Int32(cursor.x))
            _ = wnoutrefresh(win)
            _ = doupdate()
            syncCursorVisibility(wanted: true)
        } else {
            syncCursorVisibility(wanted: false)
            _ = wnoutrefresh(win)
            _ = doupdate()
        }
    }

    /// Cell equality for the diff. `Cell ==` compares text by canonical
    /// equivalence ("é" == "e\u{301}"); the screen should get the exact
    /// scalars of the frame, so compare the bytes.
    @inline(__always)
    static func sameCell(_ a: Cell, _ b: Cell) -> Bool {
        return a.width == b.width && a.role == b.role && a.text.utf8.elementsEqual(b.text.utf8)
    }

    func syncCursorVisibility(wanted: Bool) {
        if cursorShown != wanted {
            _ = curs_set(wanted ? 1 : 0)
            cursorShown = wanted
        }
    }

    // MARK: Cells

    /// True for scalars that must never reach the terminal raw.
    @inline(__always)
    static func isControl(_ v: UInt32) -> Bool {
        return v < 0x20 || (v >= 0x7F && v <= 0x9F)
    }

    /// Writes one grapheme at (x, y) through the wide-character API.
    /// `cellWidth` is the room the grid gave it (1 or 2). The text sent is
    /// the base character plus the zero-width characters that follow it (as
    /// many as a cchar_t holds); if curses measures it differently from the
    /// grid, the grid wins: a narrower glyph is padded with a blank, a wider
    /// one is replaced by "?". Control characters become "?".
    func putText(
        _ text: String, cellWidth: Int, x: Int, y: Int, style: ResolvedStyle, window: UnsafeMutablePointer<WINDOW>
    ) {
        var drawnWidth = 1
        let count: Int = wideBuffer.withUnsafeMutableBufferPointer { buffer -> Int in
            let utf8 = text.utf8
            if utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F {
                buffer[0] = wchar_t(byte) // plain ASCII: the common case
                return 1
            }
            let scalars = text.unicodeScalars
            guard let first = scalars.first,
                !scalars.contains(where: { Terminal.isControl($0.value) })
            else {
                buffer[0] = wchar_t(UInt8(ascii: "?"))
                return 1
            }
            var n = 0
            let firstWidth = pd_wcwidth(first.value)
            if firstWidth < 0 {
                buffer[0] = wchar_t(UInt8(ascii: "?")) // not printable in this locale
                return 1
            }
            if firstWidth == 0 {
                buffer[0] = wchar_t(UInt8(ascii: " ")) // a lone combining mark: give it a base
                n = 1
            } else {
                drawnWidth = Int(firstWidth)
            }
            for scalar in scalars {
                if n >= maxCharsPerCell { break }
                if n > 0 && pd_wcwidth(scalar.value) != 0 { break } // next spacing char: stop
                buffer[n] = wchar_t(bitPattern: scalar.value)
                n += 1
            }
            while n > 1 && buffer[n - 1] == 0x200D { n -= 1 } // no dangling zero-width joiner
            if drawnWidth > cellWidth {
                buffer[0] = wchar_t(UInt8(ascii: "?"))
                drawnWidth = 1
                return 1
            }
            return n
        }
        wideBuffer[count] = 0
        var cchar = cchar_t()
        _ = pd_setcchar(&cchar, wideBuffer, style.attributes, style.pair)
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cchar) // ERR in the bottom-right cell is normal
        if cellWidth == 2 && drawnWidth == 1 {
            putText(" ", cellWidth: 1, x: x + 1, y: y, style: style, window: window)
        }
    }

    // MARK: Styles and colours

    func resolve(_ textStyle: TextStyle) -> ResolvedStyle {
        var attributes = PD_A_NORMAL
        let a = textStyle.attributes
        if a.contains(.bold) { attributes |= PD_A_BOLD }
        if a.contains(.dim) { attributes |= PD_A_DIM }
        if a.contains(.underline) { attributes |= PD_A_UNDERLINE }
        if a.contains(.reverse) { attributes |= PD_A_REVERSE }
        if a.contains(.italic) { attributes |= PD_A_ITALIC }
        guard hasColor else { return ResolvedStyle(attributes: attributes, pair: 0) }

        // Degrading (and keeping the text readable when two theme colours fall onto
        // the same or too similar terminal colours) is ColorMapping's job; without
        // default colours (-1) it assumes the classic white on black.
        let mapped = ColorMapping.pair(
            foreground: textStyle.foreground, background: textStyle.background,
            colors: colorCount, defaultColors: defaultColors)
        if mapped.dim { attributes |= PD_A_DIM }
        let fg = Int32(clamping: mapped.foreground)
        let bg = Int32(clamping: mapped.background)
        if fg == -1 && bg == -1 { return ResolvedStyle(attributes: attributes, pair: 0) }
        return ResolvedStyle(attributes: attributes, pair: pair(foreground: fg, background: bg))
    }

    /// Call after switching themes: forgets the colour pairs (so a long run of theme
    /// changes cannot exhaust them; 8-colour terminals have only 64) and repaints
    /// every cell on the next `draw`, since the diff only compares roles and text.
    public func themeChanged() {
        pairs.removeAll()
        nextPair = 1
        forceRedraw()
    }

    /// The colour pair for (fg, bg), allocated on first use and cached.
    /// Pair 0 (the terminal default) when pairs run out.
    func pair(foreground: Int32, background: Int32) -> Int32 {
        let key = PairKey(foreground: foreground, background: background)
        if let known = pairs[key] { return known }
        guard nextPair < pd_color_pairs() else { return 0 }
        let number = nextPair
        guard pd_init_pair(number, foreground, background) == OK else {
            pairs[key] = 0
            return 0
        }
        nextPair += 1
        pairs[key] = number
        return number
    }
}
