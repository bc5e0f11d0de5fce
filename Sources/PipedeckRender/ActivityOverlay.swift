import PipedeckCore
import PipedeckUI

/// The activity dialog: log, plan, change, follow up.
extension BoardRenderer {
    mutating func drawActivityForm(_ form: ActivityForm) {
        let deal = state.board.deal(form.dealID)
        let fields = form.fields
        let width = min(layout.width, 72)
        let labelW = 10
        // Under the fields: the problem (wrapped), or what the when or duration will save, or the type letters.
        var message: (String, StyleRole, Int)? = nil
        if let e = form.error {
            message = (g.overdue + " " + e, .error, 0)
        } else if let preview = whenPreview(form) {
            message = (preview, .cardDim, labelW)
        } else if form.focus == .type {
            message = (RenderText.typeLetters, .formLabel, labelW)
        }
        let lines = message.map { BoardRenderer.messageLines($0.0, width: max(4, width - 4 - $0.2)) } ?? []
        let r = box(
            width: width, height: fields.count + 4 + max(1, lines.count), title: activityTitle(form),
            hints: Screen.activity.hints)
        text(BoardRenderer.oneLine(deal?.title ?? ""), r.x, r.y, .cardDim, max: r.w)
        let fieldW = max(4, r.w - labelW)
        for (i, id) in fields.enumerated() {
            let y = r.y + 2 + i
            guard y < r.y + r.h - 1 else { break }
            let focused = id == form.focus
            text(
                RenderText.activityLabel(id, purpose: form.purpose), r.x, y,
                form.errorField == id ? .error : .formLabel,
                max: labelW - 1)
            let x = r.x + labelW
            if id == .type {
                drawTypeChoice(form.type, x: x, y: y, width: fieldW, focused: focused)
                continue
            }
            field(
                form.editor(id) ?? LineEditor(), x: x, y: y, width: fieldW, focused: focused,
                placeholder: RenderText.activityPlaceholder(id))
        }
        if let message {
            let top = r.y + 2 + fields.count
            for (k, l) in lines.enumerated() where top + k < r.y + r.h {
                text(l, r.x + message.2, top + k, message.1, max: r.w - message.2)
            }
        }
    }

    func activityTitle(_ form: ActivityForm) -> String {
        switch form.purpose {
        case .log: return RenderText.logTitle
        case .plan: return form.activityID == nil ? RenderText.planTitle : RenderText.changeTitle
        case .followUp(_, let subject): return RenderText.followUpTitle(BoardRenderer.oneLine(subject))
        }
    }

    /// Every type with the chosen one marked, or only the chosen one between arrows when they do
    /// not fit.
    mutating func drawTypeChoice(_ chosen: ActivityType, x: Int, y: Int, width: Int, focused: Bool) {
        let items = ActivityType.allCases.map { g.activity($0) + " " + Strings.activityType($0) }
        let all = items.joined(separator: "  ")
        if TextWidth.width(all) <= width {
            var cx = x
            for (t, label) in zip(ActivityType.allCases, items) {
                let role: StyleRole = t == chosen ? (focused ? .formFieldFocused : .match) : .cardDim
                text(label, cx, y, role)
                cx += TextWidth.width(label) + 2
            }
        } else {
            let label = g.moreLeft + " " + items[ActivityType.allCases.firstIndex(of: chosen)!] + " " + g.moreRight
            text(label, x, y, focused ? .formFieldFocused : .match, max: width)
        }
        if focused { cursor = nil }
    }

    /// What the when or duration field will save, as it is typed: "= Thursday 2026-12-03 14:30".
    func whenPreview(_ form: ActivityForm) -> String? {
        switch form.focus {
        case .when:
            guard !form.when.isEmpty,
                case .success(let (day, time)) = TimeParser.when(form.when.text, today: state.today)
            else { return nil }
            return "= " + RenderText.weekday(day) + " " + day.description + (time.map { " " + $0.description } ?? "")
        case .duration:
            guard !form.duration.isEmpty, let m = TimeParser.duration(form.duration.text) else { return nil }
            return "= " + Strings.duration(m)
        default: return nil
        }
    }
}

extension RenderText {
    public static var logTitle: String { tr("Log an activity", "Noter une activité") }
    public static var typeLetters: String {
        tr(
            "c m e t d: call, meeting, email, task, deadline; ← → too",
            "c m e t d : appel (call), rendez-vous (meeting), e-mail, tâche (task), échéance (deadline) ; ← → aussi")
    }
    public static var planTitle: String { tr("Plan the next step", "Prévoir la prochaine étape") }
    public static var changeTitle: String { tr("Change the planned activity", "Changer l'activité prévue") }
    public static func followUpTitle(_ subject: String) -> String {
        tr("Done: \(subject) — what next?", "Fait : \(subject) — et ensuite ?")
    }
    public static func activityLabel(_ id: ActivityForm.FieldID, purpose: ActivityForm.Purpose) -> String {
        switch id {
        case .type: return tr("Type", "Type")
        case .subject: return purpose == .log ? tr("What", "Quoi") : tr("Next", "Ensuite")
        case .when: return tr("When", "Quand")
        case .duration: return tr("Duration", "Durée")
        case .outcome: return tr("Outcome", "Résultat")
        }
    }
    public static func activityPlaceholder(_ id: ActivityForm.FieldID) -> String {
        switch id {
        case .subject: return tr("Discussed pricing, Send the quote…", "Discuté des prix, Envoyer le devis…")
        case .when: return tr("tomorrow 14:30, +3, fri 9h", "demain 14:30, +3, ven 9h")
        case .duration: return tr("30m, 1h, 1h30 (optional)", "30m, 1h, 1h30 (facultatif)")
        case .outcome: return tr("what came of it (optional)", "ce qui en est sorti (facultatif)")
        case .type: return ""
        }
    }
}
