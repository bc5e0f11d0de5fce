import Foundation

/// One terminal cell: a grapheme and the role it is drawn with.
///
/// A wide (2-cell) grapheme occupies a lead cell (`width == 2`, holding the
/// text) followed by a continuation cell (`width == 0`, text "").
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: UInt8
    public var role: StyleRole

    public init(text: String, width: UInt8, role: StyleRole) {
        self.text = text
        self.width = width
        self.role = role
    }

    /// A space drawn with `.normal`.
    public static let blank = Cell(text: " ", width: 1, role: .normal)

    /// A space drawn with `role`.
    @inlinable
    public static func space(_ role: StyleRole) -> Cell {
        Cell(text: " ", width: 1, role: role)
    }

    /// True for the right half of a wide grapheme.
    @inlinable
    public var isContinuation: Bool { width == 0 }
}

/// A fixed-size, row-major grid of styled cells: the render layer's output.
///
/// Invariant kept by every mutating method: each cell with `width == 2` is
/// immediately followed, in the same row, by a cell with `width == 0`, and
/// every `width == 0` cell is immediately preceded by a `width == 2` cell.
/// Hence each row's text always has a display width of exactly `width`.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    /// A grid filled with spaces drawn with `role`. Negative sizes count as 0.
    public init(width: Int, height: Int, role: StyleRole = .normal) {
        let w = max(0, width)
        let h = max(0, height)
        self.width = w
        self.height = h
        self.cells = Array(repeating: Cell.space(role), count: w * h)
    }

    /// The cell at column `x`, row `y`; `.blank` outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    // MARK: Writing text

    /// Writes `text` starting at column `x` of row `y`.
    ///
    /// The text is sanitised: each control character (see
    /// `TextWidth.sanitize`) becomes a placeholder cell drawn with
    /// `.placeholder`. Output is clipped to the grid and to `maxWidth` cells
    /// counted from `x` (a negative `x` clips on the left). A wide grapheme
    /// that does not fit entirely becomes a single space, and writing over
    /// half of an existing wide grapheme turns its other half into a space,
    /// so the grid stays consistent. Graphemes of width 0 that stand alone
    /// (e.g. a combining mark at the very start of `text`) are dropped.
    ///
    /// Returns the column after the last cell written, i.e. where the next
    /// piece of text should go. Nothing is written when `y` is outside the
    /// grid, `x >= width` or `maxWidth <= 0`; `x` is then returned.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        var limit = width
        if let m = maxWidth {
            if m <= 0 { return x }
            if m < width - x { limit = x + m }
        }
        if limit <= 0 { return x }
        let rowStart = y * width

        // Fast path: printable ASCII only (every byte is one grapheme, one cell).
        var asciiOnly = true
        for b in text.utf8 where b < 0x20 || b >= 0x7F {
            asciiOnly = false
            break
        }
        if asciiOnly {
            let count = text.utf8.count
            if count == 0 { return x }
            let first = max(x, 0)
            let end = min(limit, x + count)
            if first >= end { return end }
            let strings = TextWidth.asciiStrings
            detachLeft(rowStart: rowStart, col: first)
            var col = first
            var skip = first - x
            for b in text.utf8 {
                if skip > 0 { skip -= 1; continue }
                if col >= end { break }
                cells[rowStart + col] = Cell(text: strings[Int(b)], width: 1, role: role)
                col += 1
            }
            detachRight(rowStart: rowStart, col: end)
            return end
        }

        // General path: one grapheme at a time, with printable ASCII (not
        // followed by a combining mark or the like) taken byte by byte.
        var col = x
        var wrote = false
        let strings = TextWidth.asciiStrings
        let utf8 = text.utf8
        let textEnd = text.endIndex
        var i = text.startIndex
        scanning: while col < limit && i < textEnd {
            let b = utf8[i]
            if b >= 0x20 && b < 0x7F {
                let n = utf8.index(after: i)
                if n == textEnd || utf8[n] < 0x80 {
                    if col >= 0 {
                        if !wrote { detachLeft(rowStart: rowStart, col: col); wrote = true }
                        cells[rowStart + col] = Cell(text: strings[Int(b)], width: 1, role: role)
                    }
                    col += 1
                    i = n
                    continue
                }
            }
            let ch = text[i]
            let start = i
            i = utf8.index(i, offsetBy: ch.utf8.count)
            // Only these lead bytes can start a scalar that needs sanitising:
            // C0, DEL, C1 (C2 80…C2 9F), U+2028…U+2069 (E2 80/81 xx).
            if (b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2)
                && TextWidth.needsSanitizing(text.unicodeScalars[start].value)
            {
                // Control characters (a CR LF pair is one grapheme).
                for u in ch.unicodeScalars {
                    if col >= limit { break scanning }
                    if col >= 0 {
                        if !wrote { detachLeft(rowStart: rowStart, col: col); wrote = true }
                        let p = Character(TextWidth.placeholder(for: u.value))
                        cells[rowStart + col] = Cell(text: String(p), width: 1, role: .placeholder)
                    }
                    col += 1
                }
                continue
            }
            var cellWidth = TextWidth.width(ch)
            var cell: Cell
            if cellWidth == 0 {
                continue // a stray mark with no base: dropped
            } else if cellWidth == 2 && (col + 2 > limit || col == -1) {
                // A wide grapheme cut by the right edge becomes a space (and
                // ends the text); cut by the left edge, a space in column 0.
                if col == -1 { col = 0 }
                cell = Cell.space(role)
                cellWidth = 1
            } else {
                cell = Cell(text: Self.cellText(ch), width: UInt8(cellWidth), role: role)
            }
            if col >= 0 {
                if !wrote { detachLeft(rowStart: rowStart, col: col); wrote = true }
                cells[rowStart + col] = cell
                if cellWidth == 2 {
                    cells[rowStart + col + 1] = Cell(text: "", width: 0, role: role)
                }
            }
            col += cellWidth
        }
        if wrote { detachRight(rowStart: rowStart, col: col) }
        return col
    }

    /// The text stored for a grapheme. A trailing zero-width joiner is
    /// dropped: it joins nothing here, and left in place it could fuse with
    /// a neighbouring cell's emoji when a row is read back as a string.
    @inline(__always)
    private static func cellText(_ ch: Character) -> String {
        // U+200D is E2 80 8D in UTF-8: look at the last byte first.
        let s = String(ch)
        let u = s.utf8
        guard u.count >= 4, u[u.index(before: u.endIndex)] == 0x8D,
            s.unicodeScalars.last == "\u{200D}"
        else { return s }
        var scalars = s.unicodeScalars
        while scalars.count > 1 && scalars.last == "\u{200D}" { scalars.removeLast() }
        return String(scalars)
    }

    /// Before cell `col` is overwritten: if it is the right half of a wide
    /// grapheme, blank the left half.
    @inline(__always)
    private mutating func detachLeft(rowStart: Int, col: Int) {
        if col > 0 && cells[rowStart + col].width == 0 {
            cells[rowStart + col - 1].text = " "
            cells[rowStart + col - 1].width = 1
        }
    }

    /// After the cells before `col` were overwritten: if `col` is an
    /// orphaned right half, blank it.
    @inline(__always)
    private mutating func detachRight(rowStart: Int, col: Int) {
        if col >= 0 && col < width && cells[rowStart + col].width == 0 {
            cells[rowStart + col].text = " "
            cells[rowStart + col].width = 1
        }
    }

    // MARK: Filling and styling

    /// Fills a rectangle (clipped to the grid) with the first grapheme of
    /// `text` (sanitised; a space if `text` has no visible grapheme). A wide
    /// fill grapheme is repeated in pairs of cells; a leftover odd cell at the
    /// right gets a space. Wide graphemes cut by the rectangle's edges are
    /// blanked as in `put`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: StyleRole, text: String = " ") {
        let x0 = max(x, 0)
        let y0 = max(y, 0)
        let x1 = Self.clampedEnd(x, w, width)
        let y1 = Self.clampedEnd(y, h, height)
        guard x0 < x1, y0 < y1 else { return }

        var cell = Cell.space(role)
        var cellWidth = 1
        if text != " " {
            for ch in TextWidth.sanitize(text) {
                let cw = TextWidth.width(ch)
                if cw == 0 { continue }
                cell = Cell(text: String(ch), width: UInt8(cw), role: role)
                cellWidth = cw
                break
            }
        }
        let cont = Cell(text: "", width: 0, role: role)
        let blankCell = Cell.space(role)
        for row in y0..<y1 {
            let rs = row * width
            detachLeft(rowStart: rs, col: x0)
            var col = x0
            if cellWidth == 1 {
                while col < x1 { cells[rs + col] = cell; col += 1 }
            } else {
                while col + 2 <= x1 {
                    cells[rs + col] = cell
                    cells[rs + col + 1] = cont
                    col += 2
                }
                if col < x1 { cells[rs + col] = blankCell; col += 1 }
            }
            detachRight(rowStart: rs, col: x1)
        }
    }

    /// Changes the role of the cells in columns `x ..< x + width` of row `y`
    /// (clipped) without changing their text. A wide grapheme partly inside
    /// the span is restyled whole, so both of its cells keep the same role.
    public mutating func setRole(x: Int, y: Int, width w: Int, role: StyleRole) {
        guard y >= 0, y < height, w > 0, x < width else { return }
        var x0 = max(x, 0)
        var x1 = Self.clampedEnd(x, w, width)
        guard x0 < x1 else { return }
        let rs = y * width
        if cells[rs + x0].width == 0 && x0 > 0 { x0 -= 1 }
        if cells[rs + x1 - 1].width == 2 && x1 < width { x1 += 1 }
        for i in (rs + x0)..<(rs + x1) { cells[i].role = role }
    }

    /// min(start + length, limit) without overflow; start if length <= 0.
    private static func clampedEnd(_ start: Int, _ length: Int, _ limit: Int) -> Int {
        if length <= 0 { return min(start, limit) }
        return length >= limit - start ? limit : start + length
    }

    // MARK: Reading back

    /// Rows as plain text, trailing spaces kept; continuation cells
    /// contribute nothing, so every row has a display width of `width`.
    public func rows() -> [String] {
        var out: [String] = []
        out.reserveCapacity(height)
        for y in 0..<height {
            var s = ""
            s.reserveCapacity(width)
            let rs = y * width
            for x in 0..<width { s += cells[rs + x].text }
            out.append(s)
        }
        return out
    }

    /// One character per cell of row `row` (continuation cells included),
    /// from `letter(role)`; "" for a row outside the grid.
    public func roles(row: Int, _ letter: (StyleRole) -> Character) -> String {
        guard row >= 0, row < height else { return "" }
        var s = ""
        s.reserveCapacity(width)
        let rs = row * width
        for x in 0..<width { s.append(letter(cells[rs + x].role)) }
        return s
    }
}

extension TextWidth {
    /// One-character strings for each ASCII code, so writing ASCII text into
    /// a grid does not build a new String per cell.
    @usableFromInline
    static let asciiStrings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
}
