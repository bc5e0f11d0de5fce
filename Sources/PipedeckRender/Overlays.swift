import PipedeckCore
import PipedeckUI

extension BoardRenderer {
    mutating func drawOverlay() { drawOverlay(state.mode) }

    mutating func drawOverlay(_ mode: Mode) {
        switch mode {
        case .board: return
        case .help(let view): drawHelp(view)
        case .detail(let id, let scroll):
            if let d = state.board.deal(id) { drawDetail(d, scroll: scroll) }
        case .form(let form): drawForm(form)
        case .confirmDelete(let id):
            let title = state.board.deal(id)?.title ?? id
            drawConfirmDelete(title)
        case .lostReason(_, let choice, let editor):
            drawLostReason(choice: choice, editor: editor)
        case .moveTo(let dialog):
            drawMoveTo(dialog)
        case .search: return
        case .filterMenu(let row): drawFilterMenu(row: row)
        case .activity(let form):
            switch form.origin {
            case .detail(let scroll): if let d = state.board.deal(form.dealID) { drawDetail(d, scroll: scroll) }
            case .agenda(let view): drawAgenda(view)
            case .board: break
            }
            drawActivityForm(form)
        case .agenda(let view): drawAgenda(view)
        case .stages(let selection): drawStages(selection: selection)
        case .stageForm(let form):
            drawStages(selection: form.stageID.flatMap { state.board.stageIndex($0) } ?? -1)
            drawStageForm(form)
        case .stageDelete(let sid, let target):
            drawStages(selection: state.board.stageIndex(sid) ?? -1)
            drawStageDelete(sid, target: target)
        case .reports(let tab, let scroll): drawReports(tab: tab, scroll: scroll)
        case .npsPrompt(let id, let editor, let error):
            if let d = state.board.deal(id) { drawDetail(d, scroll: 0) }
            drawNPSPrompt(editor, error: error)
        case .boards(let s): drawBoards(s)
        case .targets(let v): drawTargets(v)
        case .discard(let typing):
            drawOverlay(typing)
            cursor = nil
            drawDialog(
                title: RenderText.interruptTitle, lines: [(FormText.discardQuestion, .dialog)],
                hints: Screen.discard.hints)
        }
    }

    /// The stage list for `m`: number, letters and name of each stage, the chosen one
    /// highlighted, in several columns when there are many stages.
    mutating func drawMoveTo(_ dialog: MoveDialog) {
        let stages = state.board.stages
        let current = state.board.deal(dialog.dealID)?.stage
        let numberWidth = String(stages.count).count
        let keys = MoveDialog.shortcuts(stages)
        let keyWidth = keys.map(\.count).max() ?? 0
        let entries = stages.enumerated().map { i, s in
            String(repeating: " ", count: numberWidth - String(i + 1).count) + "\(i + 1)  "
                + keys[i].padding(toLength: keyWidth, withPad: " ", startingAt: 0) + "  "
                + BoardRenderer.oneLine(s.name) + (s.id == current ? "  " + RenderText.currentStage : "")
        }
        let widest = min(40, entries.map { TextWidth.width($0) }.max() ?? 0) + 2
        let rowsAvailable = max(1, layout.height - 6)
        let columns = max(
            1, min((layout.width - 4) / (widest + 2), (entries.count + rowsAvailable - 1) / rowsAvailable))
        let rows = (entries.count + columns - 1) / columns
        let typed = dialog.typed.isEmpty ? "" : "  " + dialog.typed + "_"
        let room = layout.width - 4
        let prompt =
            [Strings.moveToPrompt, Strings.moveToPromptShort].map { $0 + typed }
            .first { TextWidth.width($0) <= room } ?? Strings.moveToPromptShort + typed
        let footer = Screen.moveTo.hints
        let width = max(TextWidth.width(prompt), columns * (widest + 2) - 2, hintsWidth(footer)) + 4
        let r = box(width: width, height: rows + 3, title: RenderText.moveTitle, hints: footer)
        text(prompt, r.x, r.y, .formLabel, max: r.w)
        for (i, e) in entries.enumerated() {
            let col = i / rows, row = i % rows
            let y = r.y + 1 + row
            guard y < r.y + r.h else { continue }
            let chosen = i == dialog.choice
            let x = r.x + col * (widest + 2)
            if chosen { grid.fill(x: x, y: y, width: min(widest, r.x + r.w - x), height: 1, role: .formFieldFocused) }
            let role: StyleRole = chosen ? .formFieldFocused : stages[i].id == current ? .cardDim : .dialog
            text((chosen ? g.upcoming : " ") + " " + e, x, y, role, max: min(widest, r.x + r.w - x))
        }
    }

    /// The keys of the screen the help was opened from, or of every screen, from the key tables.
    /// Each line is the keys, then what they do; a description longer than the room left wraps
    /// under itself, and keys too long for their column go on a line of their own.
    mutating func drawHelp(_ view: HelpView) {
        let r = box(width: 88, height: layout.height - 2, title: Strings.helpTitle, hints: Screen.help.hints)
        var lines: [[(String, StyleRole)]] = []
        let keyWidth = r.w >= 60 ? 22 : 12
        let pad = String(repeating: " ", count: keyWidth)
        let sheets = view.sheets
        for sheet in sheets {
            var group: String? = nil
            for l in sheet.lines {
                if l.group != group {
                    // A heading per sheet, or per group of the board's; with several sheets, the
                    // board's groups are named "Board · Navigate".
                    if !lines.isEmpty { lines.append([]) }
                    group = l.group
                    let heading =
                        l.group.isEmpty ? sheet.title : sheets.count > 1 ? sheet.title + " · " + l.group : l.group
                    lines.append([(heading, .helpTitle)])
                }
                let keys = l.allKeys.joined(separator: "  ")
                var first: (String, StyleRole) = (pad, .helpKey)
                if TextWidth.width(keys) < keyWidth {
                    first.0 = TextWidth.fit(keys, to: keyWidth)
                } else {
                    lines.append([(keys, .helpKey)])
                }
                for (i, d) in BoardRenderer.wrap(l.description, width: max(8, r.w - keyWidth)).enumerated() {
                    lines.append([i == 0 ? first : (pad, .helpKey), (d, .help)])
                }
            }
        }
        scrolled(lines, in: r, scroll: view.scroll)
    }

    func stageName(_ id: String?) -> String {
        guard let id else { return "" }
        return state.board.stage(id).map { BoardRenderer.oneLine($0.name) } ?? id
    }

    /// `s` in lines of at most `width` cells: broken at spaces, a word longer than a line cut
    /// where the line is full, each "\n" starting a new line. One pass over the text, each
    /// character measured once; with `limit` it stops after that many lines, so a screen only
    /// measures the text it shows (a 200 MB note opens as fast as a short one).
    static func wrap(_ s: String, width: Int, limit: Int = .max) -> [String] {
        guard width > 0, limit > 0 else { return [] }
        var out: [String] = []
        var line = "", lw = 0 // the words placed on the current line, and its width
        var word = "", ww = 0 // the word being read (or the current piece of a cut one)
        var cut = false // the word is longer than a line and is being cut
        func emit(_ t: String) -> Bool {
            out.append(t)
            return out.count >= limit
        }
        // The word ended: it goes on the current line when it fits, else on the next one.
        func place() -> Bool {
            defer { word = ""; ww = 0; cut = false }
            if cut { line = word; lw = ww; return false }
            if lw > 0 && lw + 1 + ww > width {
                if emit(line) { return true }
                line = ""; lw = 0
            }
            if lw > 0 { line += " "; lw += 1 }
            line += word; lw += ww
            return false
        }
        var it = GraphemeScanner(s)
        while let g = it.next() {
            let ch = s[g.start..<g.end]
            if ch == " " {
                if place() { return out }
            } else if ch == "\n" {
                if place() || emit(line) { return out }
                line = ""; lw = 0
            } else {
                if ww + g.width > width && !word.isEmpty {
                    // A word that does not fit on a line of its own: the line before it ends, and
                    // the word is cut into full lines.
                    if !cut, lw > 0 {
                        if emit(line) { return out }
                        line = ""; lw = 0
                    }
                    cut = true
                    if emit(word) { return out }
                    word = ""; ww = 0
                }
                word += ch; ww += g.width
            }
        }
        if place() { return out }
        _ = emit(line)
        return out
    }

    mutating func drawDetail(_ d: Deal, scroll: Int) {
        let bw = min(layout.width, 84)
        let r = box(width: bw, height: layout.height - 2, title: RenderText.detailTitle, hints: Screen.detail.hints)
        let cur = state.board.currency(of: d)
        let f = RenderText.field
        var lines: [[(String, StyleRole)]] = []
        for l in BoardRenderer.wrap(BoardRenderer.oneLine(d.title), width: r.w) { lines.append([(l, .cardTitle)]) }
        lines.append([])
        // The longest label and a space (16 in English); longer ones are cut where the box is narrow.
        let labels = min(f.values.map(TextWidth.width).max() ?? 15, max(15, r.w / 4)) + 1
        func row(_ key: String, _ value: String, _ role: StyleRole = .help) {
            lines.append([(TextWidth.fit(f[key] ?? key, to: labels), .formLabel), (BoardRenderer.oneLine(value), role)])
        }
        lines += contactLines(d, labelWidth: labels)
        lines.append([])
        let statusRole: StyleRole = d.status == .won ? .won : d.status == .lost ? .lost : .help
        row("stage", stageName(d.stage))
        row("status", Strings.status(d.status), statusRole)
        if d.status == .lost { row("lostReason", d.lostReason ?? "—", .lost) }
        row("value", money(d.value, cur), .money)
        let p = state.board.probability(of: d)
        row("probability", RenderText.prob(p) + (d.probability == nil ? RenderText.stageDefault : ""))
        row("weighted", money(d.value.weighted(by: p), cur), .weightedMoney)
        row("company", d.company ?? "—")
        row("owner", d.owner ?? "—"); row("source", d.source ?? "—")
        row("tags", d.tags.isEmpty ? "—" : d.tags.map { g.tag + $0 }.joined(separator: " "), .tag)
        row("close", d.expectedClose.map(RenderText.day) ?? "—")
        let m = actionMarker(d)
        if let a = d.nextActivity {
            let next: Pieces = [
                (TextWidth.fit(f["next"]!, to: labels), .formLabel), (g.activity(a.type) + " ", m.role),
                (BoardRenderer.oneLine(a.subject), .help),
                ("  " + whenText(a) + (a.due == nil ? "" : " " + g.dot + " " + relativeText(a)), m.role),
            ]
            lines += BoardRenderer.wrapPieces(next, head: 1, width: r.w)
        } else if d.status == .open {
            row("next", m.long, m.role)
        }
        if let q = d.qualification {
            let marks = zip(RenderText.qualificationParts, [q.budget, q.authority, q.need, q.timeline]).map { ($1, $0) }
                .map { ($0.0 ? g.scoreOn : g.scoreOff) + " " + $0.1 }.joined(separator: "  ")
            row("score", "\(q.score)/4  " + marks, .score)
        } else if d.status == .open {
            row("score", "0/4  " + RenderText.qualificationHint, .cardDim)
        }
        if d.status == .won {
            row("nps", d.npsScore.map { "\($0)/10" } ?? RenderText.npsAsk, d.npsScore == nil ? .cardDim : .score)
        }
        row(
            "inStage",
            RenderText.day(d.stageEnteredAt.utcDay) + "  ("
                + RenderText.daysIn(d.stageEnteredAt.utcDay.days(until: state.today)) + ")")
        let (updatedDay, updatedTime) = d.updatedAt.local(in: state.zone)
        row(
            "updated",
            RenderText.day(updatedDay) + " " + updatedTime.description
                + (d.updatedBy.map { "  " + g.dot + " " + $0 } ?? ""))
        row("id", d.id, .cardDim)
        lines.append([])
        lines += timelineLines(d, width: r.w)
        if let n = d.notes, !n.isEmpty {
            lines.append([])
            lines.append([(RenderText.notesTitle, .helpTitle)])
            // Only the lines up to the bottom of the box (and one more, for the ▼ marker).
            let room = max(1, scroll + r.h + 1 - lines.count)
            for l in BoardRenderer.wrap(n, width: r.w, limit: room) { lines.append([(l, .help)]) }
        }
        scrolled(lines, in: r, scroll: scroll)
    }
}
