import PipedeckCore

/// The add / edit form for a deal. Values stay as typed text until the form is saved; saving
/// validates every field and, when one is wrong, keeps the form open with a message beside it.
public struct DealForm: Hashable, Sendable {
    public enum FieldID: String, CaseIterable, Sendable {
        case title, value, currency, stage, probability, company, contact, phone, email, owner, source, tags, close
        case next, due
    }
    public struct Field: Hashable, Sendable {
        public var id: FieldID
        public var label: String
        public var editor: LineEditor
        public var error: String?
        /// For choice fields: the options (stage ids) and the chosen index.
        public var options: [String]?
        public var optionLabels: [String]?
        public var choice: Int
    }

    /// nil when adding a new deal.
    public var dealID: String?
    public var fields: [Field]
    public var focus: Int
    public var formError: String?
    /// Values already used on the board, most used first, offered as completions.
    public var suggestions: [FieldID: [String]] = [:]
    /// Which suggestion Ctrl-N / Ctrl-P has reached for the focused field.
    public var suggestionIndex = 0
    /// The fields as the form opened with them: something was typed when they differ.
    private var opening: [String] = []

    public var isNew: Bool { dealID == nil }
    public var title: String { isNew ? FormText.addTitle : FormText.editTitle }

    /// `owner`: a new deal's owner (who is at the keyboard, when known).
    public init(board: Board, deal: Deal?, stageID: String?, owner: String? = nil) {
        dealID = deal?.id
        let stages = board.stages
        let stageID = deal?.stage ?? stageID ?? stages.first?.id ?? ""
        func text(_ id: FieldID, _ s: String?) -> Field {
            Field(
                id: id, label: FormText.label(id), editor: LineEditor(s ?? ""), error: nil, options: nil,
                optionLabels: nil, choice: 0)
        }
        var stageField = text(.stage, nil)
        stageField.options = stages.map(\.id)
        stageField.optionLabels = stages.map { "\($0.name) (\(Strings.percent($0.probability)))" }
        stageField.choice = stages.firstIndex { $0.id == stageID } ?? 0
        fields = [
            text(.title, deal?.title),
            text(.value, deal.map { $0.value.canonical }),
            text(.currency, deal?.currency),
            stageField,
            text(.probability, deal?.probability?.description),
            text(.company, deal?.company),
            text(.contact, deal?.contact),
            text(.phone, deal?.phone),
            text(.email, deal?.email),
            text(.owner, deal.map(\.owner) ?? owner),
            text(.source, deal?.source),
            text(.tags, deal?.tags.joined(separator: ", ")),
            text(.close, deal?.expectedClose?.description),
            text(.next, deal?.nextActivity?.subject),
            text(
                .due, deal?.nextActivity.flatMap { a in a.due.map { $0.description + (a.time.map { " \($0)" } ?? "") } }
            ),
        ]
        focus = 0
        opening = entries
        suggestions = [
            .owner: board.usedValues(\.owner), .source: board.usedValues(\.source), .tags: board.usedTags,
            .company: board.usedValues(\.company),
        ]
    }

    private var entries: [String] { fields.map { $0.editor.text + "\u{0}" + String($0.choice) } }
    /// Whether a field differs from what the form opened with (Ctrl-C then asks before closing).
    public var hasTyped: Bool { entries != opening }

    public func field(_ id: FieldID) -> Field { fields.first { $0.id == id }! }
    public func value(_ id: FieldID) -> String { field(id).editor.text.trimmingCharacters(in: .whitespaces) }

    public mutating func focusNext() { focus = (focus + 1) % fields.count; suggestionIndex = 0 }
    public mutating func focusPrevious() { focus = (focus + fields.count - 1) % fields.count; suggestionIndex = 0 }

    /// A key for the focused field: a choice field takes `Bindings.choiceField`; a text field
    /// takes `Bindings.suggestions` while values are suggested, then `Bindings.textField`.
    public mutating func edit(_ key: Key) {
        if let opts = fields[focus].options, !opts.isEmpty {
            choose(key, among: opts.count)
        } else if let completed = complete(key) {
            fields[focus].editor.set(completed)
            fields[focus].error = nil
        } else if fields[focus].editor.handle(key) {
            suggestionIndex = 0
            fields[focus].error = nil
        }
    }

    mutating func choose(_ key: Key, among count: Int) {
        guard let command = Bindings.choiceField.command(for: key) else { return }
        switch command {
        case .previous: fields[focus].choice = (fields[focus].choice + count - 1) % count
        case .next: fields[focus].choice = (fields[focus].choice + 1) % count
        case .chooseNumber:
            if case .char(let c) = key, let n = c.wholeNumberValue, n >= 1, n <= count { fields[focus].choice = n - 1 }
        }
    }

    /// The completions for the focused field's text: used values that start with what is typed
    /// (case and accents ignored). For tags, the word after the last comma is completed.
    public var completions: [String] {
        let f = fields[focus]
        guard let all = suggestions[f.id], !all.isEmpty else { return [] }
        let typed = f.editor.text
        let prefix =
            f.id == .tags
            ? String(typed.split(separator: ",", omittingEmptySubsequences: false).last ?? "").trimmingCharacters(
                in: .whitespaces) : typed
        guard !prefix.isEmpty else { return [] }
        let folded = DealFilter.fold(prefix)
        return all.filter { DealFilter.fold($0).hasPrefix(folded) && $0 != prefix }
    }

    /// The suggestion shown after the cursor, if any.
    public var suggestion: String? {
        let c = completions
        guard !c.isEmpty, fields[focus].editor.cursor == fields[focus].editor.characters.count else { return nil }
        return c[suggestionIndex % c.count]
    }

    /// → at the end of the text accepts the suggestion; Ctrl-N / Ctrl-P step through them. The
    /// field's new text, or nil when the key is not for the suggestions.
    mutating func complete(_ key: Key) -> String? {
        let c = completions
        guard !c.isEmpty, let command = Bindings.suggestions.command(for: key) else { return nil }
        switch command {
        case .next: suggestionIndex = (suggestionIndex + 1) % c.count; return fields[focus].editor.text
        case .previous: suggestionIndex = (suggestionIndex + c.count - 1) % c.count; return fields[focus].editor.text
        case .accept:
            guard let s = suggestion else { return nil }
            suggestionIndex = 0
            if fields[focus].id == .tags {
                var parts = fields[focus].editor.text.split(separator: ",", omittingEmptySubsequences: false).map(
                    String.init)
                parts[parts.count - 1] = (parts.count > 1 ? " " : "") + s
                return parts.joined(separator: ",")
            }
            return s
        }
    }

    /// What the value field saves as it reads now: nil while it is empty, else the amount (with
    /// `Money.canonical`, the exact figure) or why it cannot be read; an ambiguous "12.500" gives
    /// both readings. The form shows it as the user types.
    public var valueReading: Result<ParsedAmount, AmountProblem>? {
        let v = value(.value)
        return v.isEmpty ? nil : AmountParser.parse(v, .written)
    }

    /// Validates every field. On success returns the deal to add or update; on failure sets the
    /// fields' errors, moves the focus to the first wrong field and returns nil.
    /// `today` reads typed due dates ("fri 14:30"); `now` dates a next step planned here.
    public mutating func build(board: Board, base: Deal, today: Day, now: Timestamp) -> Deal? {
        for i in fields.indices { fields[i].error = nil }
        formError = nil
        var d = base
        func fail(_ id: FieldID, _ message: String) {
            if let i = fields.firstIndex(where: { $0.id == id }) { fields[i].error = message }
        }

        let title = value(.title)
        if title.isEmpty { fail(.title, Strings.emptyTitle) }
        d.title = title
        switch valueReading {
        case nil: d.value = .zero
        case .success(let r)?: d.value = r.amount
        case .failure(let problem)?: fail(.value, Strings.amountProblem(problem))
        }
        let sf = field(.stage)
        if let opts = sf.options, sf.choice < opts.count { d.stage = opts[sf.choice] }
        let p = value(.probability)
        if p.isEmpty {
            d.probability = nil
        } else if case .success(let pc) = DecimalParser.percent(p) {
            d.probability = pc
        } else {
            fail(.probability, Strings.probabilityRange)
        }
        func opt(_ id: FieldID) -> String? { let t = value(id); return t.isEmpty ? nil : t }
        d.company = opt(.company); d.contact = opt(.contact); d.owner = opt(.owner); d.source = opt(.source)
        d.phone = opt(.phone); d.email = opt(.email)
        if let p = d.phone, !ContactCheck.isPhone(p) { fail(.phone, Strings.badPhone(p)) }
        if let e = d.email, !ContactCheck.isEmail(e) { fail(.email, Strings.badEmail(e)) }
        let cur = value(.currency).uppercased()
        if cur.isEmpty || cur == board.currency {
            d.currency = nil
        } else if ISO4217.contains(cur) {
            d.currency = cur
        } else {
            fail(.currency, Strings.badCurrency(value(.currency)))
        }
        var seen = Set<String>()
        d.tags = value(.tags).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        let c = value(.close)
        if c.isEmpty {
            d.expectedClose = nil
        } else if case .success(let day) = DateParser.parse(c, .typed(today: today)) {
            d.expectedClose = day
        } else {
            fail(.close, FormText.badDay)
        }
        buildNextStep(&d, board: board, base: base, today: today, now: now, fail: fail)
        if let first = fields.firstIndex(where: { $0.error != nil }) { focus = first; return nil }
        return d
    }
}

extension DealForm {
    /// The Next action and Due fields: the deal's next step (its earliest planned activity). A new
    /// subject plans a task; an empty one removes the planned step; the due field takes a day
    /// and an optional time ("fri 14:30").
    func buildNextStep(
        _ d: inout Deal, board: Board, base: Deal, today: Day, now: Timestamp, fail: (FieldID, String) -> Void
    ) {
        let nextText = value(.next), dueText = value(.due)
        var due: Day? = nil, time: TimeOfDay? = nil
        if !dueText.isEmpty {
            if case .success(let (day, t)) = TimeParser.when(dueText, today: today) {
                (due, time) = (day, t)
            } else {
                fail(.due, FormText.badWhen)
            }
        }
        let current = base.nextActivity
        let k = current.flatMap { base.activityIndex($0.id) }
        if nextText.isEmpty {
            if !dueText.isEmpty { fail(.next, FormText.dueWithoutAction) }
            if let k { d.activities.remove(at: k) }
            return
        }
        if let k, var a = current {
            if a.subject == nextText && a.due == due && a.time == time { return }
            a.subject = nextText; a.due = due; a.time = time
            d.activities[k] = a
        } else {
            var a = board.newActivity(on: base, type: .task, subject: nextText, at: now)
            a.due = due; a.time = time
            d.activities.append(a)
        }
    }
}

public enum FormText {
    /// The expected close, typed like a due date (`demain`, `03/12/2026`, `+3`, `fri`).
    public static var badDay: String {
        tr(
            "expected a date: YYYY-MM-DD, tomorrow, +3 or fri",
            "attendu : une date : 03/12/2026, demain, +3 ou ven")
    }
    public static var addTitle: String { tr("New deal", "Nouvelle affaire") }
    public static var editTitle: String { tr("Edit deal", "Modifier l'affaire") }
    public static var dueWithoutAction: String {
        tr("a due date needs a next action", "une échéance demande une prochaine action")
    }
    public static var badWhen: String {
        tr(
            "expected a day and maybe a time: tomorrow 14:30, +3, fri 9h, 2026-12-03 10:00",
            "attendu : un jour et peut-être une heure : demain 14:30, +3, ven 9h, 03/12/2026 10:00")
    }
    public static var whenWithoutSubject: String {
        tr("a date needs a subject: what is to be done?", "une date demande un objet : que faut-il faire ?")
    }
    public static var choiceHint: String { tr("← → choose", "← → choisir") }
    public static var accept: String { tr("accept", "accepter") }
    /// Beside a field that suggests values: "→ accept · Ctrl-N 3".
    public static func acceptHint(_ count: Int) -> String {
        "→ " + accept + (count > 1 ? tr(" · Ctrl-N \(count)", " · Ctrl-N \(count)") : "")
    }
    public static var fixFields: String {
        tr(
            "Fix the fields marked in red, then press Enter.",
            "Corrigez les champs marqués en rouge, puis appuyez sur Entrée.")
    }
    public static var discardQuestion: String {
        tr("Throw away what you typed here?", "Abandonner ce que vous avez tapé ici ?")
    }
    public static func label(_ id: DealForm.FieldID) -> String {
        switch id {
        case .title: return tr("Title", "Titre")
        case .value: return tr("Value", "Valeur")
        case .currency: return tr("Currency", "Devise")
        case .phone: return tr("Phone", "Téléphone")
        case .email: return tr("Email", "E-mail")
        case .stage: return tr("Stage", "Étape")
        case .probability: return tr("Probability %", "Probabilité %")
        case .company: return tr("Company", "Entreprise")
        case .contact: return tr("Contact", "Contact")
        case .owner: return tr("Owner", "Commercial")
        case .source: return tr("Lead source", "Source du prospect")
        case .tags: return tr("Tags", "Étiquettes")
        case .close: return tr("Expected close", "Conclusion prévue")
        case .next: return tr("Next action", "Prochaine action")
        case .due: return tr("Due", "Échéance")
        }
    }
    public static func placeholder(_ id: DealForm.FieldID) -> String {
        switch id {
        case .value: return tr("12500 or 12 500,50", "12500 ou 12 500,50")
        case .probability: return tr("blank = the stage's", "vide = celle de l'étape")
        case .currency: return tr("blank = the board's", "vide = celle du tableau")
        case .phone: return tr("e.g. +33 6 12 34 56 78", "p. ex. 06 12 34 56 78")
        case .email: return tr("e.g. ana@company.com", "p. ex. ana@entreprise.fr")
        case .tags: return tr("comma, separated", "séparées, par des virgules")
        case .close: return tr("YYYY-MM-DD", "JJ/MM/AAAA, demain, +3, ven")
        case .due: return tr("YYYY-MM-DD [HH:MM]", "JJ/MM/AAAA [HH:MM], demain 14:30")
        case .source: return tr("website, referral, trade show…", "site web, recommandation, salon…")
        default: return ""
        }
    }
}
