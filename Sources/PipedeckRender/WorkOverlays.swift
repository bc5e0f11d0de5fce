import PipedeckCore
import PipedeckUI

/// The overlays for working the pipeline: filter menu, next action, agenda, stages.
extension BoardRenderer {
    mutating func drawFilterMenu(row: Int) {
        let f = state.filter
        func value(_ r: FilterRow) -> String {
            switch r {
            case .owner: return f.owner ?? FilterText.any
            case .source: return f.source ?? FilterText.any
            case .tag: return f.tag.map { "#" + $0 } ?? FilterText.any
            case .overdue: return f.overdueOnly ? "[x]" : "[ ]"
            case .stale: return f.staleOnly ? "[x]" : "[ ]"
            case .score:
                return f.minScore.map {
                    String(repeating: g.scoreOn, count: $0) + String(repeating: g.scoreOff, count: 4 - $0)
                } ?? FilterText.any
            case .clear: return ""
            }
        }
        let r = box(
            width: 60, height: FilterRow.allCases.count + 4, title: FilterText.title, hints: Screen.filterMenu.hints
        )
        for (i, fr) in FilterRow.allCases.enumerated() where i < r.h {
            let y = r.y + i
            let focused = i == row
            if focused { grid.fill(x: r.x, y: y, width: r.w, height: 1, role: .formFieldFocused) }
            let role: StyleRole = focused ? .formFieldFocused : .dialog
            text(FilterText.label(fr), r.x + 1, y, role, max: 26)
            let v = value(fr)
            let shown = fr.rawValue <= FilterRow.tag.rawValue ? g.moreLeft + " " + v + " " + g.moreRight : v
            text(shown, r.x + 28, y, focused ? .formFieldFocused : .match, max: r.w - 29)
        }
        let counts = FilterText.filtered(state.shownCount, state.totalCount)
        text(counts, r.x + 1, r.y + r.h - 1, .cardDim, max: r.w - 1)
    }

    mutating func drawAgenda(selection: Int) {
        let agenda = state.agenda
        let r = box(
            width: min(layout.width, 100), height: layout.height - 2, title: RenderText.agendaTitle,
            hints: Screen.agenda.hints)
        guard !agenda.items.isEmpty else { text(RenderText.agendaEmpty, r.x, r.y, .cardDim, max: r.w); return }
        // Lines: a heading per bucket, then its items; remember which line shows the selection.
        var lines: [(item: Int?, pieces: [(String, StyleRole)])] = []
        var selectedLine = 0
        let whens = agenda.items.map { whenText($0, today: agenda.today) }
        // 22, or more for longer words (French) where the box has room.
        let whenWidth = max(22, min(whens.map(TextWidth.width).max() ?? 0, r.w / 3))
        var last: Agenda.Bucket? = nil
        for (i, item) in agenda.items.enumerated() {
            if item.bucket != last {
                if last != nil { lines.append((nil, [])) }
                last = item.bucket
                let n = agenda.items.filter { $0.bucket == item.bucket }.count
                let role: StyleRole =
                    item.bucket == .overdue
                    ? .overdue
                    : item.bucket == .today ? .dueToday : item.bucket == .nonePlanned ? .noAction : .helpTitle
                lines.append((nil, [(Strings.agendaBucket(item.bucket) + "  (\(n))", role)]))
            }
            if i == selection { selectedLine = lines.count }
            let when = whens[i]
            let whenRole: StyleRole = item.bucket == .overdue ? .overdue : item.bucket == .today ? .dueToday : .upcoming
            let deal =
                BoardRenderer.oneLine(item.title)
                + (item.company.map { " " + g.dot + " " + BoardRenderer.oneLine($0) } ?? "")
            let action = item.action.map(BoardRenderer.oneLine) ?? Strings.noNextAction
            lines.append(
                (
                    i,
                    [
                        (TextWidth.fit(when, to: whenWidth, ellipsis: g.ellipsis), whenRole), (" ", .help),
                        (
                            TextWidth.fit(action, to: max(10, r.w / 2 - 12), ellipsis: g.ellipsis),
                            item.action == nil ? .noAction : .help
                        ),
                        ("  " + deal, .cardDim),
                    ]
                ))
        }
        let top = max(0, min(selectedLine - r.h / 2, lines.count - r.h))
        for (n, line) in lines.dropFirst(top).prefix(r.h).enumerated() {
            let y = r.y + n
            if let i = line.item, i == selection {
                grid.fill(x: r.x - 1, y: y, width: r.w + 2, height: 1, role: .cardTitleSelected)
                text(
                    TextWidth.truncate(line.pieces.map(\.0).joined(), to: r.w, ellipsis: g.ellipsis), r.x, y,
                    .cardTitleSelected, max: r.w)
            } else {
                pieces(line.pieces, r.x, y, max: r.w)
            }
        }
        if top > 0 { text(g.moreAbove, r.x + r.w + 1, r.y, .scrollMarker) }
        if top + r.h < lines.count { text(g.moreBelow, r.x + r.w + 1, r.y + r.h - 1, .scrollMarker) }
    }

    /// The stages: number, name, probability, stale days, kind, the deals counted as the board's
    /// headers count them and the lost ones apart. A narrow box drops whole columns: kind first,
    /// then stale days, then probability.
    mutating func drawStages(selection: Int) {
        let b = state.board
        let legend = BoardRenderer.messageLines(RenderText.stagesCountsExplained, width: min(layout.width, 96) - 4)
        let fits = b.stages.count + 3 + legend.count <= layout.height - 4
        let r = box(
            width: min(layout.width, 96),
            height: min(layout.height - 2, b.stages.count + 4 + (fits ? legend.count + 1 : 0)),
            title: RenderText.stagesTitle, hints: Screen.stages.hints)
        // Column widths; nil for a column dropped. The name takes what is left.
        var widths: [Int?] = [3, 0, 7, 11, 4, 5, 4]
        for drop in [4, 3, 2]
        where widths.compactMap({ $0 }).reduce(0, +) + widths.compactMap({ $0 }).count - 1 + 10 > r.w {
            widths[drop] = nil
        }
        let used = widths.compactMap { $0 }.reduce(0, +) + widths.compactMap { $0 }.count - 1
        widths[1] = max(4, min(40, r.w - used))
        func row(_ cells: [String], _ y: Int, _ role: StyleRole) {
            var x = r.x
            for (i, c) in cells.enumerated() {
                guard let w = widths[i] else { continue }
                let align: Alignment = i >= 2 && i != 4 ? .right : .left
                text(TextWidth.fit(c, to: w, align: align, ellipsis: g.ellipsis), x, y, role, max: w)
                x += w + 1
            }
        }
        row(RenderText.columnsHeader, r.y, .helpTitle)
        var counted = Array(repeating: 0, count: b.stages.count), lost = counted
        var index: [String: Int] = [:]
        for (i, s) in b.stages.enumerated() { index[s.id] = i }
        for d in b.deals {
            guard let si = index[d.stage] else { continue }
            if d.status == .lost { lost[si] += 1 }
            if b.contribution(of: d, stageIndex: si).stageIndex != nil { counted[si] += 1 }
        }
        let visible = max(1, r.h - 2 - (fits ? legend.count + 1 : 0))
        let top = max(0, min(selection - visible + 1, b.stages.count - visible))
        for (n, i) in (top..<min(b.stages.count, top + visible)).enumerated() {
            let s = b.stages[i]
            let y = r.y + 2 + n
            let focused = i == selection
            if focused { grid.fill(x: r.x - 1, y: y, width: r.w + 2, height: 1, role: .cardTitleSelected) }
            row(
                [
                    "\(i + 1)", BoardRenderer.oneLine(s.name), RenderText.prob(s.probability),
                    s.rotDays == 0 ? RenderText.off : RenderText.daysIn(s.rotDays), s.kind.rawValue,
                    "\(counted[i])", "\(lost[i])",
                ],
                y, focused ? .cardTitleSelected : .help)
        }
        if top > 0 { text(g.moreAbove, r.x + r.w + 1, r.y + 2, .scrollMarker) }
        if top + visible < b.stages.count { text(g.moreBelow, r.x + r.w + 1, r.y + 1 + visible, .scrollMarker) }
        if fits {
            for (k, l) in legend.enumerated() { text(l, r.x, r.y + r.h - legend.count + k, .cardDim, max: r.w) }
        }
    }
}

extension BoardRenderer {
    /// When an agenda item is due: "2026-12-01  6d late"; in French "01/12  en retard de 6 j"
    /// (the year only when it is not this one).
    func whenText(_ item: Agenda.Item, today: Day) -> String {
        guard let due = item.due else { return item.action == nil ? "" : RenderText.noDate }
        let days = item.days ?? 0
        let c = due.components
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let short = two(c.day) + "/" + two(c.month) + (c.year == today.year ? "" : "/\(c.year)")
        return tr(due.description, short) + "  "
            + (days < 0 ? RenderText.lateBy(-days) : days == 0 ? RenderText.dueToday : RenderText.dueIn(days))
    }
}

extension RenderText {
    /// A day as people read it: the ISO day in English ("2026-12-03"), "jeu. 3 déc. 2026" in French.
    public static func day(_ d: Day) -> String {
        tr(
            d.description,
            "\(shortWeekdays[d.weekday]) \(d.dayOfMonth) \(Strings.Reports.monthNames[d.month - 1]) \(d.year)")
    }
    /// Monday first.
    static var shortWeekdays: [String] {
        [
            tr("Mon", "lun."), tr("Tue", "mar."), tr("Wed", "mer."), tr("Thu", "jeu."), tr("Fri", "ven."),
            tr("Sat", "sam."), tr("Sun", "dim."),
        ]
    }
    public static func weekday(_ d: Day) -> String {
        [
            tr("Monday", "lundi"), tr("Tuesday", "mardi"), tr("Wednesday", "mercredi"), tr("Thursday", "jeudi"),
            tr("Friday", "vendredi"), tr("Saturday", "samedi"), tr("Sunday", "dimanche"),
        ][d.weekday]
    }
}
