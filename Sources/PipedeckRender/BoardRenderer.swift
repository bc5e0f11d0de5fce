import PipedeckCore
import PipedeckUI

public struct RenderOptions: Sendable {
    public var glyphs: Glyphs
    /// Locale name for amounts when the board does not set one ("fr_FR.UTF-8", "C"…).
    public var locale: String?
    public init(glyphs: Glyphs = .unicode, locale: String? = nil) { self.glyphs = glyphs; self.locale = locale }
}

/// A rendered screen: the cells and where the text cursor goes (in forms), if anywhere.
public struct Frame: Sendable, Equatable {
    public var grid: Grid
    public var cursorX: Int?
    public var cursorY: Int?
    public var cursor: (x: Int, y: Int)? { cursorX.flatMap { x in cursorY.map { (x, $0) } } }
}

/// Turns the app state and a screen size into a grid of styled cells. Pure: no terminal, no clock.
public struct BoardRenderer {
    public let state: AppState
    public let options: RenderOptions
    let g: Glyphs
    let layout: BoardLayout
    var grid: Grid
    var cursor: (x: Int, y: Int)?
    /// The amount formatters of this frame, by currency: making one reads the locale's rules,
    /// which cost more than writing the amount (every card shows one or two).
    private let formatters = FormatterCache()

    public static func render(_ state: AppState, options: RenderOptions = RenderOptions()) -> Frame {
        var r = BoardRenderer(state: state, options: options)
        r.draw()
        return Frame(grid: r.grid, cursorX: r.cursor?.x, cursorY: r.cursor?.y)
    }

    init(state: AppState, options: RenderOptions) {
        self.state = state
        self.options = options
        self.g = options.glyphs
        self.layout = state.screen
        self.grid = Grid(width: state.screen.width, height: state.screen.height)
    }

    // MARK: Money

    func formatter(_ currency: String) -> MoneyFormatter {
        if let f = formatters.byCurrency[currency] { return f }
        let f = makeFormatter(currency)
        formatters.byCurrency[currency] = f
        return f
    }

    private func makeFormatter(_ currency: String) -> MoneyFormatter {
        var f = MoneyFormatter(currency: currency, locale: state.board.settings.locale ?? options.locale)
        if g == .ascii {
            if !f.symbol.allSatisfy(\.isASCII) { f.symbol = currency; f.symbolSpace = true }
            if !f.group.allSatisfy(\.isASCII) { f.group = " " }
        }
        return f
    }
    func money(_ m: Money, _ currency: String) -> String { formatter(currency).string(m) }
    func compact(_ m: Money, _ currency: String) -> String { formatter(currency).compact(m) }

    // MARK: Drawing helpers

    @discardableResult
    mutating func text(_ s: String, _ x: Int, _ y: Int, _ role: StyleRole, max w: Int? = nil) -> Int {
        guard let w else { return grid.put(s, x: x, y: y, role: role) }
        guard w > 0 else { return x }
        return grid.put(TextWidth.truncate(s, to: w, ellipsis: g.ellipsis), x: x, y: y, role: role, maxWidth: w)
    }

    /// Writes pieces left to right, cutting the last one that does not fit.
    @discardableResult
    mutating func pieces(_ ps: [(String, StyleRole)], _ x: Int, _ y: Int, max w: Int) -> Int {
        var cx = x
        for (s, role) in ps {
            let room = x + w - cx
            if room <= 0 { break }
            cx = text(s, cx, y, role, max: room)
        }
        return cx
    }

    static func width(_ ps: [(String, StyleRole)]) -> Int { ps.reduce(0) { $0 + TextWidth.width($1.0) } }

    /// Flattens text for one line: newlines and tabs become spaces.
    static func oneLine(_ s: String) -> String {
        // Most texts have no line break or tab: looking at their bytes is much cheaper than
        // copying them character by character (this runs for every field of every card shown).
        if !s.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 9 }) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s { out.append(ch == "\n" || ch == "\r\n" || ch == "\t" || ch == "\r" ? " " : ch) }
        return out
    }

    // MARK: The screen

    mutating func draw() {
        if layout.isTooSmall { drawTooSmall(); return }
        drawTopBar()
        drawColumns()
        drawFooter()
        drawOverlay()
    }

    mutating func drawTooSmall() {
        let lines = [
            Strings.tooSmall, Strings.tooSmallHint(BoardLayout.minimumSize.width, BoardLayout.minimumSize.height),
            "\(layout.width)×\(layout.height)",
        ]
        let top = max(0, (layout.height - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            let t = TextWidth.truncate(l, to: layout.width, ellipsis: "")
            text(t, max(0, (layout.width - TextWidth.width(t)) / 2), top + i, i == 0 ? .error : .status)
        }
    }

    mutating func drawTopBar() {
        let w = layout.width
        var right: [(String, StyleRole)] = []
        if state.filter.isActive {
            right.append((g.upcoming + " " + BoardRenderer.oneLine(state.filter.summary) + "  ", .match))
        }
        if state.sort != .rank { right.append((RenderText.sortLabel(state.sort) + "  ", .headerDim)) }
        if state.showLost { right.append((Strings.lostShown + "  ", .headerDim)) }
        switch state.saveState {
        case .saved: right.append((g.saved + " " + Strings.saved, .won))
        case .pending: right.append((g.unsaved + " " + Strings.saving, .dueToday))
        case .failed: right.append((g.overdue + " " + Strings.unsaved, .error))
        case .readOnly: right.append((g.overdue + " " + Strings.readOnly, .dueToday))
        }
        // A sync under way says its step last, so that it stays when the line is narrow (a save
        // that fails says so in the footer too).
        if let step = state.team.syncing { right.append(("  " + BoardRenderer.oneLine(step), .dueToday)) }
        // The name and file keep at least 20 cells; the filter text gives way first.
        while BoardRenderer.width(right) > max(10, w - 22) && right.count > 1 { right.removeFirst() }
        let rw = min(BoardRenderer.width(right), max(0, w - 2))
        let leftRoom = max(0, w - rw - 2)
        let name = BoardRenderer.oneLine(state.board.name)
        let x = text(" " + name, 0, 0, .header, max: leftRoom)
        text("  " + state.fileName, x, 0, .headerDim, max: leftRoom - (x - 0))
        pieces(right, max(0, w - rw - 1), 0, max: rw)
    }

    mutating func drawColumns() {
        let stages = state.board.stages
        guard !stages.isEmpty else {
            text(Strings.noStages, 1, layout.cardTop, .error, max: layout.width - 2)
            return
        }
        let range = state.visibleColumnRange
        let frames = layout.columnFrames(count: range.count)
        for (k, c) in range.enumerated() {
            let f = frames[k]
            drawColumn(c, x: f.x, w: f.width)
            if k < frames.count - 1 {
                let sx = f.x + f.width
                for y in layout.headerTop..<layout.footerRow {
                    text(y == layout.ruleRow ? g.cross : g.vertical, sx, y, .columnBorder)
                }
            }
        }
        // More stages off screen: said on the rule under the headers.
        if range.lowerBound > 0 {
            text(g.moreLeft + " " + Strings.more(range.lowerBound) + " ", 0, layout.ruleRow, .scrollMarker)
        }
        let hiddenRight = state.columnCount - range.upperBound
        if hiddenRight > 0 {
            let s = " " + Strings.more(hiddenRight) + " " + g.moreRight
            text(s, layout.width - TextWidth.width(s), layout.ruleRow, .scrollMarker)
        }
        if state.board.deals.isEmpty { drawEmptyBoard() }
    }

    mutating func drawEmptyBoard() {
        let lines = [(Strings.emptyBoardTitle, StyleRole.header), (Strings.emptyBoardHint, StyleRole.status)]
        let y0 = layout.cardTop + max(0, layout.cardAreaHeight / 2 - 2)
        for (i, (s, role)) in lines.enumerated() {
            let t = TextWidth.truncate(s, to: layout.width - 4, ellipsis: g.ellipsis)
            let tw = TextWidth.width(t) + 4
            let x = max(0, (layout.width - tw) / 2)
            grid.fill(x: x, y: y0 + i, width: tw, height: 1, role: .dialog)
            text(t, x + 2, y0 + i, role)
        }
    }

    mutating func drawColumn(_ c: Int, x: Int, w: Int) {
        let stage = state.isLostColumn(c) ? BoardRenderer.lostStage : state.board.stages[c]
        let focused = c == state.focusedStage
        drawColumnHeader(c, x: x, w: w, focused: focused)
        // Row 3: the rule; the focused column's is highlighted.
        text(
            String(repeating: g.horizontal, count: max(0, w)), x, layout.ruleRow,
            focused ? .scrollMarker : .columnBorder)

        let ids = state.columns[c]
        let win = state.window(forColumn: c)
        if ids.isEmpty && !state.board.deals.isEmpty {
            let t = Strings.emptyColumn
            text(t, x + max(1, (w - TextWidth.width(t)) / 2), layout.cardTop + 1, .cardDim, max: w - 2)
            return
        }
        if win.moreAbove > 0 {
            let t = g.moreAbove + " " + Strings.more(win.moreAbove)
            text(t, x + max(1, (w - TextWidth.width(t)) / 2), layout.cardTop, .scrollMarker, max: w - 1)
        }
        let selected = state.selectedIndex(inColumn: c)
        for n in 0..<win.count {
            let i = win.top + n
            drawCard(
                state.board.deals[ids[i]], stage: stage, x: x, y: layout.cardY(n, window: win), w: w,
                selected: focused && selected == i)
        }
        if win.moreBelow > 0 {
            let t = g.moreBelow + " " + Strings.more(win.moreBelow)
            text(t, x + max(1, (w - TextWidth.width(t)) / 2), layout.footerRow - 1, .scrollMarker, max: w - 1)
        }
    }

    func isStale(_ d: Deal, _ stage: Stage) -> Bool { state.board.isStale(d, stage: stage, today: state.today) }
    /// How many deals of column `c` are stale: `isStale` with the fields read in place, so that
    /// a column of thousands of deals costs no copies on every frame.
    func staleCount(_ c: Int, _ stage: Stage) -> Int {
        let limit = stage.rotDays, today = state.today
        return state.board.deals.withUnsafeBufferPointer { deals in
            var n = 0
            for i in state.columns[c]
            where deals[i].status == .open && deals[i].updatedAt.utcDay.days(until: today) > limit {
                n += 1
            }
            return n
        }
    }
    func staleDays(_ d: Deal) -> Int { state.board.staleDays(d, today: state.today) }

    /// Writes text and underlines the parts that match the active search.
    @discardableResult
    mutating func highlighted(_ s: String, _ x: Int, _ y: Int, _ role: StyleRole, max w: Int) -> Int {
        let shown = TextWidth.truncate(s, to: w, ellipsis: g.ellipsis)
        let end = text(shown, x, y, role, max: w)
        let ranges = state.filter.highlights(in: shown)
        guard !ranges.isEmpty else { return end }
        let chars = Array(shown)
        for r in ranges {
            let start = x + chars[0..<r.lowerBound].reduce(0) { $0 + TextWidth.width($1) }
            let width = chars[r].reduce(0) { $0 + TextWidth.width($1) }
            grid.setRole(x: start, y: y, width: min(width, x + w - start), role: .match)
        }
        return end
    }

    /// The next-action marker: the type glyph of the deal's next activity and when it is due,
    /// with the role of its urgency, in a long and a short form ("☎ 2d late", "☎2d").
    func actionMarker(_ d: Deal) -> (long: String, short: String, role: StyleRole) {
        switch d.status {
        case .won: return (g.won + " " + RenderText.wonMarker, g.won, .won)
        case .lost:
            let r = d.lostReason.map { BoardRenderer.oneLine($0) } ?? RenderText.lostMarker
            return (g.lost + " " + r, g.lost, .lost)
        case .open: break
        }
        guard let a = d.nextActivity else {
            return (g.none + " " + Strings.noNextAction, g.none + " " + RenderText.noStep, .noAction)
        }
        let glyph = g.activity(a.type)
        guard let due = a.due else { return (glyph + " " + RenderText.noDate, glyph, .upcoming) }
        let days = state.today.days(until: due)
        // The short forms keep the urgency readable without colour: "☎⚠6d" late, "☎◆" today.
        if days < 0 {
            return (glyph + " " + RenderText.lateBy(-days), glyph + g.overdue + RenderText.daysShort(-days), .overdue)
        }
        if days == 0 {
            let at = a.time.map { " " + $0.description }
            return (glyph + " " + RenderText.dueToday + (at ?? ""), glyph + (at ?? g.today), .dueToday)
        }
        return (glyph + " " + RenderText.dueIn(days), glyph + RenderText.daysShort(days), .upcoming)
    }

    static func initials(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." }).filter { !$0.isEmpty }
        return String(words.prefix(3).compactMap { $0.first }).uppercased()
    }

    /// A card: title; company; value, probability and next action; score, owner, staleness and tags.
    /// Three-line cards put the score and owner beside the company; two-line cards keep title and value.
    mutating func drawCard(_ d: Deal, stage: Stage, x: Int, y: Int, w: Int, selected: Bool) {
        let tx = x + 2, tw = max(0, w - 3)
        let lines = layout.cardLines
        if selected {
            for dy in 0..<lines { text(g.selectionBar, x, y + dy, .scrollMarker) }
            grid.fill(x: x + 1, y: y, width: w - 1, height: 1, role: .cardTitleSelected)
        }
        // Changed by the team since the person last looked: a mark in the card's margin.
        switch state.team.marks[d.id] {
        case .changed: text(g.teamChanged, x, y, .match)
        case .conflict: text(g.teamConflict, x, y, .error)
        case nil: break
        }
        let titleRole: StyleRole = selected ? .cardTitleSelected : (d.status == .lost ? .cardDim : .cardTitle)
        highlighted(BoardRenderer.oneLine(d.title), tx, y, titleRole, max: tw)

        let valueRow = y + lines - (lines == 4 ? 2 : 1)
        let line = valueLine(d, room: tw)
        pieces(line.left, tx, valueRow, max: tw)
        if let mk = line.marker { text(mk.text, tx + tw - TextWidth.width(mk.text), valueRow, mk.role) }
        guard lines >= 3 else { return }

        var meta: [(String, StyleRole)] = []
        if let q = d.qualification {
            meta.append(
                (
                    String(repeating: g.scoreOn, count: q.score) + String(repeating: g.scoreOff, count: 4 - q.score),
                    .score
                ))
        }
        if let o = d.owner, !o.isEmpty { meta.append((BoardRenderer.initials(BoardRenderer.oneLine(o)), .cardDim)) }
        if isStale(d, stage) { meta.append((g.stale + " " + RenderText.staleFor(staleDays(d)), .stale)) }
        var spaced: [(String, StyleRole)] = []
        for (i, p) in meta.enumerated() { spaced.append(((i == 0 ? "" : " ") + p.0, p.1)) }
        let sub = [d.company, d.contact].compactMap { $0 }.map(BoardRenderer.oneLine).joined(
            separator: " " + g.dot + " ")
        if lines == 3 {
            // Company on the left, score / owner / staleness on the right.
            let metaWidth = BoardRenderer.width(spaced)
            let room = metaWidth > 0 && metaWidth < tw - 6 ? tw - metaWidth - 1 : tw
            highlighted(d.company.map(BoardRenderer.oneLine) ?? sub, tx, y + 1, .cardDim, max: room)
            if room < tw { pieces(spaced, tx + tw - metaWidth, y + 1, max: metaWidth) }
            return
        }
        highlighted(sub, tx, y + 1, .cardDim, max: tw)
        for t in d.tags { spaced.append(((spaced.isEmpty ? "" : " ") + g.tag + BoardRenderer.oneLine(t), .tag)) }
        pieces(spaced, tx, y + 3, max: tw)
    }
}

/// A frame's amount formatters (`BoardRenderer.formatter`): one renderer draws one frame on one
/// thread, and is dropped with its cache.
private final class FormatterCache {
    var byCurrency: [String: MoneyFormatter] = [:]
}
