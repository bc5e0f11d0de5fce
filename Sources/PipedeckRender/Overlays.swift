import PipedeckCore
import PipedeckUI

extension BoardRenderer {
    mutating func drawOverlay() {
        switch state.mode {
        case .board: return
        case .help(let view): drawHelp(view)
        case .detail(let id, let scroll):
            if let d = state.board.deal(id) { drawDetail(d, scroll: scroll) }
        case .form(let form): drawForm(form)
        case .confirmDelete(let id):
            let title = state.board.deal(id)?.title ?? id
            drawDialog(
                title: RenderText.deleteTitle,
                lines: [
                    (Strings.deleteConfirm(BoardRenderer.oneLine(title)), .dialog),
                    (Screen.confirmDelete.hintLine, .formLabel),
                ])
        case .lostReason(_, let choice, let editor):
            drawLostReason(choice: choice, editor: editor)
        case .moveTo(let id, let typed):
            drawMoveTo(id, typed: typed)
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
        }
    }

    /// The stage list for `m`: numbered, in several columns when there are many stages.
    mutating func drawMoveTo(_ id: String, typed: String) {
        let stages = state.board.stages
        let current = state.board.deal(id)?.stage
        let numberWidth = String(stages.count).count
        let entries = stages.enumerated().map { i, s in
            (
                String(repeating: " ", count: numberWidth - String(i + 1).count) + "\(i + 1)  "
                    + BoardRenderer.oneLine(s.name)
                    + (s.id == current ? " " + g.upcoming : ""), s.id == current
            )
        }
        let widest = min(32, entries.map { TextWidth.width($0.0) }.max() ?? 0)
        let rowsAvailable = max(1, layout.height - 5)
        let columns = max(
            1, min((layout.width - 4) / (widest + 2), (entries.count + rowsAvailable - 1) / rowsAvailable))
        let rows = (entries.count + columns - 1) / columns
        let prompt = Strings.moveToPrompt + (typed.isEmpty ? "" : "  " + typed + "_")
        let width = max(TextWidth.width(prompt), columns * (widest + 2)) + 4
        let r = box(width: width, height: rows + 3, title: RenderText.moveTitle)
        text(prompt, r.x, r.y, .formLabel, max: r.w)
        for (i, e) in entries.enumerated() {
            let col = i / rows, row = i % rows
            let y = r.y + 1 + row
            guard y < r.y + r.h else { continue }
            text(e.0, r.x + col * (widest + 2), y, e.1 ? .cardDim : .dialog, max: widest)
        }
    }

    /// A framed box centred on the screen; returns its inner rectangle.
    @discardableResult
    mutating func box(width bw: Int, height bh: Int, title: String, footer: String? = nil) -> (
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
        if let f = footer {
            let t = TextWidth.truncate(" " + f + " ", to: w - 4, ellipsis: g.ellipsis)
            text(t, x + w - 2 - TextWidth.width(t), y + h - 1, .formLabel)
        }
        return (x + 2, y + 1, max(0, w - 4), max(0, h - 2))
    }

    mutating func drawDialog(title: String, lines: [(String, StyleRole)]) {
        let inner = lines.map { TextWidth.width($0.0) }.max() ?? 0
        let r = box(
            width: min(layout.width, max(inner, TextWidth.width(title) + 2) + 4), height: lines.count + 2, title: title)
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

    /// The keys of the screen the help was opened from, or of every screen, from the key tables.
    mutating func drawHelp(_ view: HelpView) {
        var lines: [[(String, StyleRole)]] = []
        let keyWidth = 22
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
                lines.append([
                    (TextWidth.fit(keys, to: keyWidth, ellipsis: g.ellipsis), .helpKey), (l.description, .help),
                ])
            }
        }
        let r = box(width: 88, height: layout.height - 2, title: Strings.helpTitle, footer: Screen.help.hintLine)
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
        let r = box(width: bw, height: layout.height - 2, title: RenderText.detailTitle, footer: Screen.detail.hintLine)
        let cur = state.board.currency(of: d)
        let f = RenderText.field
        var lines: [[(String, StyleRole)]] = []
        for l in BoardRenderer.wrap(BoardRenderer.oneLine(d.title), width: r.w) { lines.append([(l, .cardTitle)]) }
        lines.append([])
        func row(_ key: String, _ value: String, _ role: StyleRole = .help) {
            lines.append([(TextWidth.fit(f[key] ?? key, to: 16), .formLabel), (BoardRenderer.oneLine(value), role)])
        }
        lines += contactLines(d)
        lines.append([])
        let statusRole: StyleRole = d.status == .won ? .won : d.status == .lost ? .lost : .help
        row("stage", stageName(d.stage))
        row("status", Strings.status(d.status), statusRole)
        if d.status == .lost { row("lostReason", d.lostReason ?? "—", .lost) }
        row("value", money(d.value, cur), .money)
        let p = state.board.probability(of: d)
        row("probability", RenderText.prob(p) + (d.probability == nil ? "  (stage default)" : ""))
        row("weighted", money(d.value.weighted(by: p), cur), .weightedMoney)
        row("company", d.company ?? "—")
        row("owner", d.owner ?? "—"); row("source", d.source ?? "—")
        row("tags", d.tags.isEmpty ? "—" : d.tags.map { g.tag + $0 }.joined(separator: " "), .tag)
        row("close", d.expectedClose?.description ?? "—")
        let m = actionMarker(d)
        if let a = d.nextActivity {
            lines.append([
                (TextWidth.fit(f["next"]!, to: 16), .formLabel), (g.activity(a.type) + " ", m.role),
                (BoardRenderer.oneLine(a.subject), .help),
                ("  " + whenText(a) + (a.due == nil ? "" : " " + g.dot + " " + relativeText(a)), m.role),
            ])
        } else if d.status == .open {
            row("next", m.long, m.role)
        }
        if let q = d.qualification {
            let marks = [("Budget", q.budget), ("Authority", q.authority), ("Need", q.need), ("Timeline", q.timeline)]
                .map { ($0.1 ? g.scoreOn : g.scoreOff) + " " + $0.0 }.joined(separator: "  ")
            row("score", "\(q.score)/4  " + marks, .score)
        } else if d.status == .open {
            row("score", "0/4  " + RenderText.qualificationHint, .cardDim)
        }
        if d.status == .won {
            row("nps", d.npsScore.map { "\($0)/10" } ?? RenderText.npsAsk, d.npsScore == nil ? .cardDim : .score)
        }
        row(
            "inStage",
            d.stageEnteredAt.utcDay.description + "  ("
                + RenderText.daysIn(d.stageEnteredAt.utcDay.days(until: state.today)) + ")")
        row("updated", d.updatedAt.description)
        row("id", d.id, .cardDim)
        lines.append([])
        lines += timelineLines(d)
        if let n = d.notes, !n.isEmpty {
            lines.append([])
            lines.append([(RenderText.notesTitle, .helpTitle)])
            // Only the lines up to the bottom of the box (and one more, for the ▼ marker).
            let room = max(1, scroll + r.h + 1 - lines.count)
            for l in BoardRenderer.wrap(n, width: r.w, limit: room) { lines.append([(l, .help)]) }
        }
        scrolled(lines, in: r, scroll: scroll)
    }

    mutating func drawForm(_ form: DealForm) {
        let labelW = 16
        let bw = min(layout.width, 78)
        let rows = form.fields.count + (form.formError == nil ? 0 : 2)
        let r = box(
            width: bw, height: min(layout.height, rows + 2), title: form.title, footer: Screen.dealForm.hintLine)
        let fieldW = max(4, min(34, r.w - labelW - 1))
        // Keep the focused field visible when the screen is short.
        let visible = max(1, r.h - (form.formError == nil ? 0 : 2))
        let top = max(0, min(form.focus - visible + 1, form.fields.count - visible))
        for (n, i) in (top..<min(form.fields.count, top + visible)).enumerated() {
            let fd = form.fields[i]
            let y = r.y + n
            let focused = i == form.focus
            text(fd.label, r.x, y, fd.error != nil ? .error : (focused ? .formLabel : .formLabel), max: labelW - 1)
            let fx = r.x + labelW
            grid.fill(x: fx, y: y, width: fieldW, height: 1, role: focused ? .formFieldFocused : .formField)
            if let labels = fd.optionLabels, !labels.isEmpty {
                let t = g.moreLeft + " " + labels[min(fd.choice, labels.count - 1)] + " " + g.moreRight
                text(t, fx, y, focused ? .formFieldFocused : .formField, max: fieldW)
            } else if fd.editor.isEmpty && !focused {
                text(FormText.placeholder(fd.id), fx, y, .cardDim, max: fieldW)
            } else {
                // Scroll the text so the cursor stays inside the field.
                let chars = fd.editor.characters
                var start = 0
                func w(_ a: Int, _ b: Int) -> Int { chars[a..<b].reduce(0) { $0 + TextWidth.width($1) } }
                while start < fd.editor.cursor && w(start, fd.editor.cursor) > fieldW - 1 { start += 1 }
                let shown = String(chars[start...])
                let end = text(shown, fx, y, focused ? .formFieldFocused : .formField, max: fieldW)
                if focused { cursor = (fx + w(start, fd.editor.cursor), y) }
                if focused, let s = form.suggestion {
                    // The rest of the suggestion, dimmed, after the cursor: → accepts it.
                    let typed =
                        fd.id == .tags
                        ? String(fd.editor.text.split(separator: ",", omittingEmptySubsequences: false).last ?? "")
                            .trimmingCharacters(in: .whitespaces) : fd.editor.text
                    let rest = String(s.dropFirst(typed.count))
                    text(rest, end, y, .cardDim, max: max(0, fx + fieldW - end))
                    let n = form.completions.count
                    let hint = "→ " + FormText.accept + (n > 1 ? " · Ctrl-N \(n)" : "")
                    if fd.error == nil {
                        text(hint, fx + fieldW + 1, y, .formLabel, max: r.x + r.w - (fx + fieldW + 1))
                    }
                }
            }
            if let e = fd.error {
                text(g.overdue + " " + e, fx + fieldW + 1, y, .error, max: r.x + r.w - (fx + fieldW + 1))
            } else if focused && fd.options != nil {
                text(FormText.choiceHint, fx + fieldW + 1, y, .formLabel, max: r.x + r.w - (fx + fieldW + 1))
            }
        }
        if let e = form.formError, r.h >= 3 {
            let fe = form.fields[form.focus].error.map { form.fields[form.focus].label + ": " + $0 } ?? e
            text(fe, r.x, r.y + r.h - 1, .error, max: r.w)
        }
    }

    mutating func drawLostReason(choice: Int, editor: LineEditor) {
        let reasons = state.board.settings.lostReasons
        let r = box(
            width: 56, height: reasons.count + 5, title: RenderText.lostTitle, footer: Screen.lostReason.hintLine)
        text(Strings.lostReasonPrompt, r.x, r.y, .formLabel, max: r.w)
        for (i, reason) in reasons.enumerated() where i + 1 < r.h - 1 {
            let chosen = i == choice && editor.isEmpty
            text(
                (chosen ? g.upcoming : " ") + " \(i + 1)  " + BoardRenderer.oneLine(reason), r.x, r.y + 1 + i,
                chosen ? .formFieldFocused : .dialog, max: r.w)
        }
        let y = r.y + r.h - 1
        let lw = TextWidth.width(UIText.otherReason) + 1
        text(UIText.otherReason, r.x, y, .formLabel)
        grid.fill(x: r.x + lw, y: y, width: max(0, r.w - lw), height: 1, role: .formFieldFocused)
        text(editor.text, r.x + lw, y, .formFieldFocused, max: r.w - lw)
        let cx = r.x + lw + editor.characters.prefix(editor.cursor).reduce(0) { $0 + TextWidth.width($1) }
        cursor = (min(cx, r.x + r.w - 1), y)
    }
}
