import PipedeckCore
import PipedeckUI

/// The boxes where text is typed: the deal form, the next action, the stage form, the lost
/// reason and the recommendation score; and the small questions (delete, discard).
extension BoardRenderer {
    /// The deal form: a line per field, a short note beside a field when it fits (an error, the
    /// amount the value field saves), and under the fields the focused field's whole message.
    mutating func drawForm(_ form: DealForm) {
        let messageRows = 3 // a blank line, then two lines for the focused field's message
        let r = box(
            width: min(layout.width, 78), height: min(layout.height, form.fields.count + messageRows + 2),
            title: form.title, hints: Screen.dealForm.hints)
        // 16, or the longest label and a space where the box has room (French labels are longer).
        let longest = form.fields.map { TextWidth.width($0.label) }.max() ?? 15
        let labelW = max(16, min(longest + 1, r.w / 3))
        let fieldW = max(4, min(34, r.w - labelW - 1))
        let side = r.x + labelW + fieldW + 1
        let sideRoom = r.x + r.w - side
        // Keep the focused field visible when the screen is short.
        let visible = max(1, r.h - messageRows)
        let top = max(0, min(form.focus - visible + 1, form.fields.count - visible))
        var message: (text: String, role: StyleRole)? = nil
        for (n, i) in (top..<min(form.fields.count, top + visible)).enumerated() {
            let fd = form.fields[i]
            let y = r.y + n
            let focused = i == form.focus
            text(fd.label, r.x, y, fd.error != nil ? .error : .formLabel, max: labelW - 1)
            let fx = r.x + labelW
            if let labels = fd.optionLabels, !labels.isEmpty {
                grid.fill(x: fx, y: y, width: fieldW, height: 1, role: focused ? .formFieldFocused : .formField)
                let t = g.moreLeft + " " + labels[min(fd.choice, labels.count - 1)] + " " + g.moreRight
                text(t, fx, y, focused ? .formFieldFocused : .formField, max: fieldW)
                if focused && fd.error == nil { whole(FormText.choiceHint, side, y, .formLabel, room: sideRoom) }
            } else {
                let end = field(
                    fd.editor, x: fx, y: y, width: fieldW, focused: focused, placeholder: FormText.placeholder(fd.id))
                if focused, fd.error == nil, let s = form.suggestion {
                    // The rest of the suggestion, dimmed, after the cursor: → accepts it.
                    let typed =
                        fd.id == .tags
                        ? String(fd.editor.text.split(separator: ",", omittingEmptySubsequences: false).last ?? "")
                            .trimmingCharacters(in: .whitespaces) : fd.editor.text
                    text(String(s.dropFirst(typed.count)), end, y, .cardDim, max: max(0, fx + fieldW - end))
                    let count = form.completions.count
                    whole(FormText.acceptHint(count), side, y, .formLabel, room: sideRoom)
                    continue
                }
            }
            guard let note = self.note(for: fd, in: form) else { continue }
            if whole(note.text, side, y, note.role, room: sideRoom) { continue }
            if note.role == .error { whole(g.overdue, side, y, .error, room: sideRoom) }
            if focused { message = (note.long, note.role) }
        }
        if message == nil, let e = form.formError { message = (e, .error) }
        if let m = message, r.h > messageRows {
            for (k, l) in BoardRenderer.messageLines(m.text, width: r.w).prefix(messageRows - 1).enumerated() {
                text(l, r.x, r.y + r.h - (messageRows - 1) + k, m.role, max: r.w)
            }
        }
    }

    /// What a field says beside it: its error, or for the value the amount it will save (or
    /// both readings of an ambiguous one). `long` is the message under the fields.
    func note(for fd: DealForm.Field, in form: DealForm) -> (text: String, long: String, role: StyleRole)? {
        if let e = fd.error { return (g.overdue + " " + e, RenderText.labelled(fd.label, e), .error) }
        guard fd.id == .value, let reading = form.valueReading else { return nil }
        switch reading {
        case .success(let r):
            let cur =
                form.dealID.flatMap { state.board.deal($0) }.map { state.board.currency(of: $0) }
                ?? state.board.currency
            let f = formatter(cur)
            let t = "= " + f.string(r.amount, decimals: f.minorDigits)
            return (t, fd.label + " " + t, .cardDim)
        case .failure(.ambiguous(let a)):
            let m = Strings.ambiguousAmount(a)
            return (g.overdue + " " + m, RenderText.labelled(fd.label, m), .error)
        case .failure: return nil
        }
    }

    mutating func drawLostReason(choice: Int, editor: LineEditor) {
        let reasons = state.board.settings.lostReasons
        let r = box(
            width: 56, height: reasons.count + 5, title: RenderText.lostTitle, hints: Screen.lostReason.hints)
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
        field(editor, x: r.x + lw, y: y, width: max(0, r.w - lw), focused: true)
    }

    mutating func drawStageForm(_ form: StageForm) {
        let width = min(layout.width, 64)
        let lines = form.error.map { BoardRenderer.messageLines(g.overdue + " " + $0, width: width - 4) } ?? []
        let r = box(
            width: width, height: 6 + max(1, lines.count),
            title: form.stageID == nil ? RenderText.stageAddTitle : RenderText.stageEditTitle,
            hints: Screen.stageForm.hints)
        let labelW = r.w >= 44 ? 30 : 16
        let fields = [
            (RenderText.stageName, form.name), (RenderText.stageProbability, form.probability),
            (r.w >= 44 ? RenderText.stageRot : RenderText.stageRotShort, form.rotDays),
        ]
        for (i, (label, editor)) in fields.enumerated() {
            text(label, r.x, r.y + i, .formLabel, max: labelW - 1)
            field(editor, x: r.x + labelW, y: r.y + i, width: max(4, r.w - labelW), focused: i == form.focus)
        }
        for (k, l) in lines.enumerated() { text(l, r.x, r.y + 4 + k, .error, max: r.w) }
    }

    mutating func drawNPSPrompt(_ editor: LineEditor, error: String?) {
        let width = min(layout.width, 56)
        let lines = error.map { BoardRenderer.messageLines(g.overdue + " " + $0, width: width - 4) } ?? []
        let r = box(
            width: width, height: 4 + max(1, lines.count), title: RenderText.npsTitle, hints: Screen.npsPrompt.hints)
        field(editor, x: r.x, y: r.y + 1, width: 6, focused: true)
        for (k, l) in lines.enumerated() { text(l, r.x, r.y + 2 + k, .error, max: r.w) }
    }

    /// "Delete “title”? y/n": the title is shortened so that the question stays whole.
    mutating func drawConfirmDelete(_ title: String) {
        let room = min(layout.width, 72) - 4
        let ask = Strings.deleteConfirm("")
        let t = TextWidth.truncate(
            BoardRenderer.oneLine(title), to: max(1, room - TextWidth.width(ask)), ellipsis: g.ellipsis)
        drawDialog(
            title: RenderText.deleteTitle, lines: [(Strings.deleteConfirm(t), .dialog)],
            hints: Screen.confirmDelete.hints)
    }

    mutating func drawStageDelete(_ sid: String, target: Int) {
        guard let stage = state.board.stage(sid) else { return }
        let others = state.board.stages.filter { $0.id != sid }
        let n = state.board.deals.filter { $0.stage == sid }.count
        var lines: [(String, StyleRole)] = [(RenderText.stageDeleteMove(BoardRenderer.oneLine(stage.name), n), .dialog)]
        for (i, s) in others.enumerated() {
            lines.append(
                (
                    (i == target ? g.upcoming + " " : "  ") + BoardRenderer.oneLine(s.name),
                    i == target ? .formFieldFocused : .dialog
                ))
        }
        drawDialog(title: RenderText.stageDeleteTitle, lines: lines, hints: Screen.stageDelete.hints)
    }
}
