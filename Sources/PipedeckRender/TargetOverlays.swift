import PipedeckCore
import PipedeckUI

// The board switcher and the targets screen (issue 17).
extension BoardRenderer {
    /// The boards: a filter line, then one line per board (name, open deals, weighted value,
    /// last opened), the one on show marked ▸.
    mutating func drawBoards(_ s: BoardSwitcher) {
        let shown = s.shown
        let r = box(
            width: min(layout.width, 96), height: min(layout.height - 2, shown.count + 5),
            title: RenderText.boardsTitle,
            hints: Screen.boards.hints)
        let x = text(RenderText.boardsFilter, r.x, r.y, .formLabel, max: r.w)
        _ = field(s.filter, x: x, y: r.y, width: max(1, r.w - (x - r.x)), focused: true)
        guard !shown.isEmpty else {
            text(RenderText.noBoardsMatch, r.x, r.y + 2, .cardDim, max: r.w)
            return
        }
        let rows = max(1, r.h - 2)
        let top = max(0, min(s.selection - rows / 2, shown.count - rows))
        // Boards of the same name are told apart by their folder and file ("team/board.json").
        var names: [String: Int] = [:]
        for e in shown { if let n = e.name { names[n, default: 0] += 1 } }
        for (n, e) in shown.dropFirst(top).prefix(rows).enumerated() {
            let i = top + n, y = r.y + 2 + n
            let selected = i == s.selection
            if selected { grid.fill(x: r.x - 1, y: y, width: r.w + 2, height: 1, role: .cardTitleSelected) }
            let role: StyleRole = selected ? .cardTitleSelected : .help
            let mark = e.path == s.current ? g.moreRight + " " : "  "
            let parts = e.path.split(separator: "/").suffix(2).joined(separator: "/")
            var name = BoardRenderer.oneLine(e.name ?? (e.path.split(separator: "/").last.map(String.init) ?? e.path))
            // The name keeps at least 12 cells (30 when its file tells it apart from another).
            var keep = 12
            if let n = e.name, names[n, default: 0] > 1 {
                name += " · " + BoardRenderer.oneLine(parts)
                keep = 30
            }
            // The figures that leave the name its room: the date goes first, then the value.
            var variants = [RenderText.boardUnreadable]
            if e.name != nil {
                let f = formatter(e.currency.isEmpty ? state.board.currency : e.currency)
                // Weighted values are marked ≈ anyway; a converted one is no less so. A board with
                // nothing weighted says only how many deals are open ("≈€0" would be noise).
                let open = RenderText.boardOpen(e.openCount)
                let line =
                    e.weighted.value.isZero
                    ? open : RenderText.boardLine(e.openCount, g.approx + f.compact(e.weighted.value))
                variants = line == open ? [open] : [line, open]
                if let t = e.lastOpened { variants.insert(line + "  " + t.day(in: state.zone).description, at: 0) }
            }
            let room = r.w - 2 - min(keep, TextWidth.width(name)) - 1
            let right = variants.first { TextWidth.width($0) <= room } ?? ""
            let rw = TextWidth.width(right)
            text(mark + name, r.x, y, role, max: max(0, r.w - rw - 1))
            if rw > 0 { text(right, r.x + r.w - rw, y, selected ? role : .cardDim) }
        }
        if top > 0 { text(g.moreAbove, r.x + r.w + 1, r.y + 2, .scrollMarker) }
        if top + rows < shown.count { text(g.moreBelow, r.x + r.w + 1, r.y + r.h - 1, .scrollMarker) }
    }

    /// The targets of a period: the team's line, then one per owner, with won against target.
    mutating func drawTargets(_ v: TargetsView) {
        let lines = state.targetLines(v.period)
        let r = box(
            width: min(layout.width, 100), height: min(layout.height - 2, lines.count + 6),
            title: RenderText.targetsTitle(Strings.periodLong(v.period), state.periodKind), hints: Screen.targets.hints)
        let rows = max(1, r.h - 3)
        let sel = min(v.selection, max(0, lines.count - 1))
        let top = max(0, min(sel - rows / 2, lines.count - rows))
        let cur = state.board.currency
        for (n, line) in lines.dropFirst(top).prefix(rows).enumerated() {
            let i = top + n, y = r.y + n
            let selected = i == sel
            if selected { grid.fill(x: r.x - 1, y: y, width: r.w + 2, height: 1, role: .cardTitleSelected) }
            let name = line.owner.map(BoardRenderer.oneLine) ?? RenderText.teamLine
            // The widest figures that leave the name at least 12 cells (or all it needs).
            let room = r.w - min(12, TextWidth.width(name)) - 1
            var right = targetFigures(line.progress, bar: true, closing: true)
            for (bar, closing) in [(false, true), (false, false)] where BoardRenderer.width(right) > room {
                right = targetFigures(line.progress, bar: bar, closing: closing)
            }
            if selected { right = right.map { ($0.0, .cardTitleSelected) } }
            let rw = BoardRenderer.width(right)
            text(name, r.x, y, selected ? .cardTitleSelected : .help, max: max(0, r.w - rw - 1))
            if rw <= room { pieces(right, r.x + r.w - rw, y, max: rw) }
        }
        let y = r.y + r.h - 2
        if let editor = v.editor {
            let who = lines.indices.contains(sel) ? lines[sel].owner : nil
            let x = text(RenderText.targetPrompt(who ?? RenderText.teamLine, cur), r.x, y, .formLabel, max: r.w)
            _ = field(editor, x: x, y: y, width: max(1, min(20, r.w - (x - r.x))), focused: true)
            if let e = v.error { text(e, r.x, y + 1, .error, max: r.w) }
        } else {
            text(RenderText.targetsLegend, r.x, y + 1, .cardDim, max: r.w)
        }
    }

    /// A targets line's figures: won / target, the bar, the percentage, the weighted closing.
    func targetFigures(_ p: PeriodProgress, bar: Bool, closing: Bool) -> [(String, StyleRole)] {
        let cur = state.board.currency
        var right: [(String, StyleRole)] = []
        right.append(((p.won.isApproximate ? g.approx : "") + compact(p.won.value, cur), .won))
        if let t = p.target {
            right.append((" / " + compact(t, cur), .money))
            if bar {
                let filled = min(10, (p.percent ?? 0) / 10)
                let on = g == .unicode ? "▰" : "#", off = g == .unicode ? "▱" : "-"
                right.append((" " + String(repeating: on, count: filled), .won))
                right.append((String(repeating: off, count: 10 - filled), .help))
            }
            right.append((" " + TextWidth.fit("\(p.percent ?? 100) %", to: 5, align: .right), .footerFigure))
        } else {
            right.append(("  " + RenderText.noTargetSet, .cardDim))
        }
        if closing { right.append(("  " + g.approx + compact(p.closing.value, cur), .weightedMoney)) }
        return right
    }
}

extension RenderText {
    public static var boardsTitle: String { tr("Boards", "Tableaux") }
    public static var boardsFilter: String { tr("Filter: ", "Filtre : ") }
    public static var noBoardsMatch: String { tr("No board matches.", "Aucun tableau ne correspond.") }
    public static var boardUnreadable: String { tr("cannot be read", "illisible") }
    public static func boardLine(_ open: Int, _ weighted: String) -> String {
        tr("\(open) open  \(weighted)", "\(open) ouvertes  \(weighted)")
    }
    public static func boardOpen(_ open: Int) -> String { tr("\(open) open", "\(open) ouvertes") }
    public static func targetsTitle(_ period: String, _ kind: PeriodKind) -> String {
        tr("Targets · " + period, "Objectifs · " + period)
    }
    public static var teamLine: String { tr("Team", "Équipe") }
    public static var noTargetSet: String { tr("no target", "sans objectif") }
    public static func targetPrompt(_ who: String, _ currency: String) -> String {
        tr("Target for \(who) (\(currency)): ", "Objectif de \(who) (\(currency)) : ")
    }
    public static var targetsLegend: String {
        tr(
            "won / target, then ≈ weighted closing in the period",
            "gagné / objectif, puis ≈ pondéré à conclure dans la période")
    }
}
