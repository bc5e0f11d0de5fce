import PipedeckCore

/// A form's complaint about a field, shown beside it.
public struct FormProblem: Error, Hashable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
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
