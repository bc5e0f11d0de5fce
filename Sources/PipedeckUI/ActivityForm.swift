import PipedeckCore

/// Where a form opened from a screen goes back to when it is saved or closed.
public enum FormOrigin: Hashable, Sendable {
    case board
    case detail(scroll: Int)
    case agenda(AgendaView)
}

/// The agenda screen's state: the selected line and the type it is narrowed to.
public struct AgendaView: Hashable, Sendable {
    public var selection: Int
    /// Only the activities of this type (and no line for the deals with nothing planned).
    public var type: ActivityType?
    public init(selection: Int = 0, type: ActivityType? = nil) { self.selection = selection; self.type = type }
}

/// The dialog for one activity of a deal: log one just done (type, subject, outcome), plan one
/// (type, subject, when, duration), change or reschedule a planned one, or — after one was
/// marked done — say what came of it and plan the next.
public struct ActivityForm: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        /// Something just done, recorded as done now.
        case log
        /// A new planned activity, or (`activityID`) a change to one.
        case plan
        /// After `doneID` was marked done: its outcome, and the next step.
        case followUp(doneID: String, doneSubject: String)
    }

    public enum FieldID: String, Hashable, Sendable, CaseIterable {
        case outcome, type, subject, when, duration
    }

    public var dealID: String
    /// The planned activity being changed; nil for a new one.
    public var activityID: String?
    public var purpose: Purpose
    public var type: ActivityType
    public var subject: LineEditor
    /// A day and an optional time: "tomorrow 14:30", "+3", "fri 9h".
    public var when: LineEditor
    public var duration: LineEditor
    /// What came of the activity (logged), or of the one just done (follow-up).
    public var outcome: LineEditor
    public var focus: FieldID
    public var error: String?
    /// The field the error is about.
    public var errorField: FieldID?
    public var origin: FormOrigin

    /// Logging something just done on `deal`.
    public static func log(_ deal: Deal, origin: FormOrigin) -> ActivityForm {
        ActivityForm(deal: deal, purpose: .log, activity: nil, origin: origin)
    }

    /// Planning on `deal`: `activity` is the planned one to change, nil for a new one.
    public static func plan(_ deal: Deal, activity: Activity?, origin: FormOrigin, focus: FieldID? = nil)
        -> ActivityForm
    {
        var f = ActivityForm(deal: deal, purpose: .plan, activity: activity, origin: origin)
        if let focus { f.focus = focus }
        return f
    }

    /// After `done` was marked done on `deal`: what came of it, and what is next.
    public static func followUp(_ deal: Deal, done: Activity, origin: FormOrigin) -> ActivityForm {
        ActivityForm(
            deal: deal, purpose: .followUp(doneID: done.id, doneSubject: done.subject), activity: nil, origin: origin)
    }

    init(deal: Deal, purpose: Purpose, activity: Activity?, origin: FormOrigin) {
        dealID = deal.id
        activityID = activity?.id
        self.purpose = purpose
        self.origin = origin
        type = activity?.type ?? (purpose == .log ? .call : .task)
        subject = LineEditor(activity?.subject ?? "")
        var whenText = activity?.due?.description ?? ""
        if let t = activity?.time { whenText += " " + t.description }
        when = LineEditor(whenText)
        duration = LineEditor(activity?.duration.map { TimeParser.durationInput($0) } ?? "")
        outcome = LineEditor("")
        focus = .type
        if case .followUp = purpose { focus = .outcome }
        if activity != nil { focus = .subject }
        opening = typed
    }

    private var opening: [String] = []
    private var typed: [String] { [type.rawValue, subject.text, when.text, duration.text, outcome.text] }
    /// Whether a field differs from what the dialog opened with (Ctrl-C then asks before closing).
    public var hasTyped: Bool { typed != opening }

    public var isLog: Bool { purpose == .log }

    /// The fields shown, in order.
    public var fields: [FieldID] {
        switch purpose {
        case .log: return [.type, .subject, .outcome]
        case .plan: return [.type, .subject, .when, .duration]
        case .followUp: return [.outcome, .type, .subject, .when, .duration]
        }
    }

    public mutating func focusNext() { step(1) }
    public mutating func focusPrevious() { step(-1) }

    mutating func step(_ by: Int) {
        let f = fields
        let i = f.firstIndex(of: focus) ?? 0
        focus = f[(i + by + f.count) % f.count]
    }

    public func editor(_ id: FieldID) -> LineEditor? {
        switch id {
        case .outcome: return outcome
        case .type: return nil
        case .subject: return subject
        case .when: return when
        case .duration: return duration
        }
    }

    /// A key for the focused field: the type field takes `Bindings.activityType` (a letter picks
    /// a type and moves on), the others are text fields.
    public mutating func edit(_ key: Key) {
        error = nil
        errorField = nil
        switch focus {
        case .type:
            guard let command = Bindings.activityType.command(for: key) else { return }
            let all = ActivityType.allCases
            let i = all.firstIndex(of: type)!
            switch command {
            case .previous: type = all[(i + all.count - 1) % all.count]
            case .next: type = all[(i + 1) % all.count]
            case .letter:
                guard case .char(let c) = key, let t = ActivityType.from(letter: c) else { return }
                type = t
                focusNext()
            }
        case .outcome: _ = outcome.handle(key)
        case .subject: _ = subject.handle(key)
        case .when: _ = when.handle(key)
        case .duration: _ = duration.handle(key)
        }
    }

    /// What the form says to do, once its fields are read.
    public struct Draft: Hashable, Sendable {
        public var type: ActivityType
        /// nil: clear the planned activity (or plan nothing).
        public var subject: String?
        public var due: Day?
        public var time: TimeOfDay?
        public var duration: Int?
        public var outcome: String?
    }

    /// Reads the fields; a wrong one gives its message and the field.
    public func build(today: Day) -> Result<Draft, FieldProblem> {
        func text(_ e: LineEditor) -> String? {
            let t = e.text.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : t
        }
        var d = Draft(type: type, subject: text(subject), outcome: text(outcome))
        if isLog {
            if d.subject == nil { d.subject = Strings.activityTitle(type) }
            return .success(d)
        }
        if let w = text(when) {
            guard case .success(let (day, time)) = TimeParser.when(w, today: today) else {
                return .failure(FieldProblem(field: .when, message: FormText.badWhen))
            }
            d.due = day
            d.time = time
        }
        if let m = text(duration) {
            guard let minutes = TimeParser.duration(m) else {
                return .failure(FieldProblem(field: .duration, message: Strings.durationRange))
            }
            d.duration = minutes
        }
        if d.subject == nil && (d.due != nil || d.duration != nil) {
            return .failure(FieldProblem(field: .subject, message: FormText.whenWithoutSubject))
        }
        return .success(d)
    }

    /// A field's complaint.
    public struct FieldProblem: Error, Hashable, Sendable {
        public var field: FieldID
        public var message: String
    }
}

extension FormOrigin {
    /// The screen to show again, for the deal the form was about.
    public func mode(dealID: String) -> Mode {
        switch self {
        case .board: return .board
        case .detail(let scroll): return .detail(dealID: dealID, scroll: scroll)
        case .agenda(let view): return .agenda(view)
        }
    }
}
