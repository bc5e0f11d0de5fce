/// A table of text cells, aligned by display width (a CJK character or an emoji takes two cells).
/// Cells wider than their column's limit are cut with "…". Given a width, the table drops whole
/// columns, those with the lowest `drop` first, until it fits, then narrows the columns that may
/// shrink (names): a figure or a heading is never cut.
public struct TextTable {
    public struct Column {
        public var title: String
        public var align: Alignment = .left
        public var maxWidth: Int = .max
        /// When the table is too wide, the order in which the column goes (lowest first); nil for
        /// a column that always stays.
        public var drop: Int?
        /// How narrow the column may become when the table is too wide (its cells cut with "…");
        /// nil for a column that is never narrowed.
        public var minWidth: Int?
        public init(
            title: String, align: Alignment = .left, maxWidth: Int = .max, drop: Int? = nil, minWidth: Int? = nil
        ) {
            self.title = title; self.align = align; self.maxWidth = maxWidth; self.drop = drop
            self.minWidth = minWidth
        }
    }
    public var columns: [Column]
    public var rows: [[String]] = []

    public init(_ columns: [Column]) { self.columns = columns }

    public mutating func add(_ cells: [String]) { rows.append(cells.map(TextWidth.sanitize)) }

    /// The table's lines; with `width`, at most that many cells wide whenever its columns that
    /// stay and their narrowest widths allow it.
    public func rendered(gap: String = "  ", width: Int? = nil) -> String {
        var widths = columns.map { TextWidth.width($0.title) }
        for r in rows {
            for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], TextWidth.width(c)) }
        }
        for i in widths.indices {
            widths[i] = min(widths[i], max(columns[i].maxWidth, TextWidth.width(columns[i].title)))
        }
        var shown = Array(columns.indices)
        if let width {
            let g = TextWidth.width(gap)
            func total() -> Int { shown.map { widths[$0] }.reduce(0, +) + g * max(0, shown.count - 1) }
            let order = columns.indices.filter { columns[$0].drop != nil }.sorted {
                columns[$0].drop! < columns[$1].drop!
            }
            for i in order where total() > width { shown.removeAll { $0 == i } }
            for i in shown where total() > width {
                guard let m = columns[i].minWidth else { continue }
                widths[i] = max(m, widths[i] - (total() - width))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in shown {
                parts.append(TextWidth.fit(i < cells.count ? cells[i] : "", to: widths[i], align: columns[i].align))
            }
            var s = parts.joined(separator: gap)
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var lines = [line(columns.map(\.title))]
        for r in rows { lines.append(line(r)) }
        return lines.joined(separator: "\n")
    }
}
