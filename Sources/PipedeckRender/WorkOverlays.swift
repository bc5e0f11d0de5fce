import PipedeckCore
import PipedeckUI

/// The overlays for working the pipeline: filter menu, agenda, stages.
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

    mutating func drawAgenda(_ view: AgendaView) {
        let agenda = state.agenda(type: view.type)
        let title = RenderText.agendaTitle + (view.type.map { " " + g.dot + " " + RenderText.agendaOnly($0) } ?? "")
        let r = box(
            width: min(layout.width, 100), height: layout.height - 2, title: title, hints: Screen.agenda.hints)
        guard !agenda.items.isEmpty else {
            text(view.type == nil ? RenderText.agendaEmpty : RenderText.agendaNoneOfType, r.x, r.y, .cardDim, max: r.w)
            return
        }
        // Lines: a heading per bucket, then its items; remember which line shows the selection.
        // Only the lines on screen are written out (an agenda can hold thousands).
        var counts: [Agenda.Bucket: Int] = [:]
        for item in agenda.items { counts[item.bucket, default: 0] += 1 }
        var rows: [(item: Int?, heading: Agenda.Bucket?)] = []
        var selectedLine = 0
        var last: Agenda.Bucket? = nil
        for (i, item) in agenda.items.enumerated() {
            if item.bucket != last {
                if last != nil { rows.append((nil, nil)) }
                last = item.bucket
                rows.append((nil, item.bucket))
            }
            if i == view.selection { selectedLine = rows.count }
            rows.append((i, nil))
        }
        let whenWidth = r.w >= 90 ? 28 : 15
        // The subject gets half of what is left; on a narrow screen the deal keeps a few letters too.
        let actionWidth = r.w >= 70 ? max(10, (r.w - whenWidth - 3) / 2) : max(8, (r.w - whenWidth - 5) / 2)
        let top = max(0, min(selectedLine - r.h / 2, rows.count - r.h))
        let lines = rows.dropFirst(top).prefix(r.h).map { row -> (item: Int?, pieces: [(String, StyleRole)]) in
            if let b = row.heading {
                let role: StyleRole =
                    b == .overdue ? .overdue : b == .today ? .dueToday : b == .nonePlanned ? .noAction : .helpTitle
                return (nil, [(Strings.agendaBucket(b) + "  (\(counts[b] ?? 0))", role)])
            }
            guard let i = row.item else { return (nil, []) }
            return (i, agendaPieces(agenda.items[i], whenWidth: whenWidth, actionWidth: actionWidth))
        }
        for (n, line) in lines.enumerated() {
            let y = r.y + n
            if let i = line.item, i == view.selection {
                grid.fill(x: r.x - 1, y: y, width: r.w + 2, height: 1, role: .cardTitleSelected)
                text(
                    TextWidth.truncate(line.pieces.map(\.0).joined(), to: r.w, ellipsis: g.ellipsis), r.x, y,
                    .cardTitleSelected, max: r.w)
            } else {
                pieces(line.pieces, r.x, y, max: r.w)
            }
        }
        if top > 0 { text(g.moreAbove, r.x + r.w + 1, r.y, .scrollMarker) }
        if top + r.h < rows.count { text(g.moreBelow, r.x + r.w + 1, r.y + r.h - 1, .scrollMarker) }
    }

    /// One line of the agenda: when, the type, the subject, the deal.
    func agendaPieces(_ item: Agenda.Item, whenWidth: Int, actionWidth: Int) -> [(String, StyleRole)] {
        let whenRole: StyleRole = item.bucket == .overdue ? .overdue : item.bucket == .today ? .dueToday : .upcoming
        let deal =
            BoardRenderer.oneLine(item.title)
            + (item.company.map { " " + g.dot + " " + BoardRenderer.oneLine($0) } ?? "")
        let action = item.action.map(BoardRenderer.oneLine) ?? Strings.noNextAction
        return [
            (TextWidth.fit(agendaWhen(item, wide: whenWidth > 15), to: whenWidth, ellipsis: g.ellipsis), whenRole),
            (" " + (item.type.map { g.activity($0) } ?? g.none) + " ", item.type == nil ? .noAction : .formLabel),
            (TextWidth.fit(action, to: actionWidth, ellipsis: g.ellipsis), item.action == nil ? .noAction : .help),
            ("  " + deal, .cardDim),
        ]
    }

    /// "2026-12-03 14:30 · in 3d" (wide) or "in 3d 14:30" (narrow: the group says the rest).
    func agendaWhen(_ item: Agenda.Item, wide: Bool) -> String {
        guard let due = item.due else { return item.action == nil ? "" : RenderText.noDate }
        let days = item.days ?? 0
        let relative =
            days < 0
            ? RenderText.agendaLate(-days, wide: wide)
            : days == 0 ? (wide ? RenderText.dueToday : RenderText.dueTodayShort) : RenderText.dueIn(days)
        let time = item.time.map { " " + $0.description } ?? ""
        // Wide, the times stand in a column: a day without one keeps its place blank.
        return wide
            ? RenderText.agendaDay(due, today: state.today) + (item.time == nil ? "      " : time) + " " + g.dot + " "
                + relative : relative + time
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

extension RenderText {
    /// The agenda's day: "2026-12-03"; in French "03/12" (with the year when it is not this one),
    /// leaving room for the longer French words.
    static func agendaDay(_ d: Day, today: Day) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let french = two(d.dayOfMonth) + "/" + two(d.month) + (d.year == today.year ? "" : "/\(d.year)")
        return tr(d.description, french)
    }
    /// "6d late"; in French "retard de 6 j", or "−6 j" where the agenda is narrow (its heading
    /// says "En retard").
    static func agendaLate(_ d: Int, wide: Bool) -> String { tr("\(d)d late", wide ? "retard de \(d) j" : "−\(d) j") }
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
