import PipedeckCore

/// A form's complaint about a field, shown beside it.
public struct FormProblem: Error, Hashable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The next-action dialog: what to do and when.
public struct NextActionForm: Hashable, Sendable {
    public var dealID: String
    public var text: LineEditor
    public var due: LineEditor
    /// 0: text, 1: due date.
    public var focus = 0
    public var error: String?
    /// True when the dialog follows a completed action ("what next?").
    public var followUp: Bool

    public init(deal: Deal, followUp: Bool) {
        dealID = deal.id
        self.followUp = followUp
        let current = followUp ? nil : deal.nextAction.flatMap { $0.done ? nil : $0 }
        text = LineEditor(current?.text ?? "")
        due = LineEditor(current?.due?.description ?? "")
        opening = [text.text, due.text]
    }

    private var opening: [String] = []
    /// Whether a field differs from what the dialog opened with.
    public var hasTyped: Bool { [text.text, due.text] != opening }

    /// Two fields: next and previous are the other one.
    public mutating func focusNext() { focus = 1 - focus }
    public mutating func focusPrevious() { focus = 1 - focus }

    public mutating func edit(_ key: Key) {
        if focus == 0 { _ = text.handle(key) } else { _ = due.handle(key) }
        error = nil
    }

    /// The action to save, nil to clear it, or an error message.
    public func build(today: Day) -> Result<NextAction?, FormProblem> {
        let t = text.text.trimmingCharacters(in: .whitespaces)
        let d = due.text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty {
            return d.isEmpty ? .success(Optional<NextAction>.none) : .failure(FormProblem(FormText.dueWithoutAction))
        }
        if d.isEmpty { return .success(NextAction(text: t)) }
        guard case .success(let day) = DateParser.parse(d, .typed(today: today)) else {
            return .failure(FormProblem(FormText.badDue))
        }
        return .success(NextAction(text: t, due: day))
    }
}

/// The add / edit form for a stage.
public struct StageForm: Hashable, Sendable {
    /// nil when adding.
    public var stageID: String?
    public var name: LineEditor
    public var probability: LineEditor
    public var rotDays: LineEditor
    public var focus = 0
    public var error: String?

    public init(stage: Stage?) {
        stageID = stage?.id
        name = LineEditor(stage?.name ?? "")
        probability = LineEditor(stage?.probability.description ?? "")
        rotDays = LineEditor(stage.map { String($0.rotDays) } ?? "14")
        opening = [name.text, probability.text, rotDays.text]
    }

    private var opening: [String] = []
    /// Whether a field differs from what the form opened with.
    public var hasTyped: Bool { [name.text, probability.text, rotDays.text] != opening }

    public mutating func focusNext() { focus = (focus + 1) % 3 }
    public mutating func focusPrevious() { focus = (focus + 2) % 3 }

    public mutating func edit(_ key: Key) {
        switch focus {
        case 0: _ = name.handle(key)
        case 1: _ = probability.handle(key)
        default: _ = rotDays.handle(key)
        }
        error = nil
    }

    public func build(base: Stage?) -> Result<Stage, FormProblem> {
        let n = name.text.trimmingCharacters(in: .whitespaces)
        if n.isEmpty { return .failure(FormProblem(Strings.emptyStageName)) }
        guard case .success(let p) = DecimalParser.percent(probability.text) else {
            return .failure(FormProblem(Strings.probabilityRange))
        }
        let r: Int
        switch DecimalParser.whole(rotDays.text, in: 0...3650) {
        case .success(let n): r = n
        case .failure(.tooManyDecimals): return .failure(FormProblem(Strings.rotDaysWhole))
        case .failure: return .failure(FormProblem(Strings.rotDaysRange))
        }
        var s = base ?? Stage(id: "", name: n, probability: p)
        s.name = n; s.probability = p; s.rotDays = r
        return .success(s)
    }
}
