/// Every sentence Pipedeck shows to a person lives here, so that a translation can replace
/// this file without touching any logic.
public enum Strings {
    // Validation
    public static let emptyTitle = "a deal needs a title"
    public static let emptyText = "the text cannot be empty"
    public static let negativeValue = "the value cannot be negative"
    public static let tooManyDecimals = "at most 2 decimals are allowed"
    public static let probabilityRange = "expected a percentage from 0 to 100 (up to 2 decimals)"
    public static let npsRange = "expected a whole number from 0 to 10"
    public static func duplicateID(_ id: String) -> String { "the id \"\(id)\" is already used by another deal" }
    public static func badCurrency(_ c: String) -> String {
        "expected an ISO 4217 currency code such as EUR, USD or GBP (got \"\(c)\")"
    }
    public static func duplicateStageID(_ id: String) -> String { "a stage with the id \"\(id)\" already exists" }
    /// Short enough for the stage form's message line; the command line adds what was given.
    public static func stageNameTaken(_ name: String, _ other: Stage) -> String {
        "already used by the stage “\(other.name)”, id \(other.id)"
    }
    public static let emptyStageName = "a stage needs a name"
    public static let moveToItself = "the deals cannot move to the stage being deleted; choose another stage"
    public static let rotDaysRange = "expected a whole number of days from 0 (off) to 3650"
    public static let rotDaysWhole = "stale days are whole days (no decimals), from 0 (off) to 3650"
    public static let stageKindWithDeals = "a stage's kind (open/won) can only change while it has no deals"
    public static func stageHasDeals(_ name: String, _ n: Int) -> String {
        "“\(name)” still has \(n == 1 ? "1 deal" : "\(n) deals"); move them to another stage first"
    }
    public static let badNumber = "expected a number such as 12500 or 12500.50"
    /// The two readings of "12.500": "12.50 or 12500".
    public static func amountReadings(_ a: AmbiguousAmount) -> String {
        "\(a.asDecimal.plain(decimals: max(2, a.asDecimal.decimalsNeeded))) or \(a.asThousands.canonical)"
    }
    /// Both readings of "12.500", and how to write the one meant.
    public static func ambiguousAmount(_ a: AmbiguousAmount) -> String {
        let fix =
            a.asDecimal.decimalsNeeded <= 2
            ? "type \(a.asDecimal.plain(decimals: 2)) or \(a.asThousands.canonical)"
            : "type \(a.asThousands.canonical) or 2 decimals"
        return "ambiguous: \(amountReadings(a))? \(fix)"
    }
    public static func otherDecimalMark(_ m: DecimalMark) -> String {
        "written with a decimal \(m == .comma ? "comma" : "point") where a decimal \(m == .comma ? "point" : "comma") is expected"
    }
    /// Why an amount was refused.
    public static func amountProblem(_ p: AmountProblem) -> String {
        switch p {
        case .notAnAmount: return badNumber
        case .ambiguous(let a): return ambiguousAmount(a)
        case .tooManyDecimals: return tooManyDecimals
        case .negative: return negativeValue
        case .otherMark(let m): return otherDecimalMark(m)
        }
    }
    public static let badDate = "expected a date as YYYY-MM-DD"
    public static func badEmail(_ e: String) -> String {
        "expected an email address such as ana@example.com (got \"\(e)\")"
    }
    public static func badPhone(_ p: String) -> String {
        "expected a phone number: digits with + ( ) - . / or spaces, such as +33 6 12 34 56 78 (got \"\(p)\")"
    }
    public static let emptySubject = "an activity needs a subject"
    public static let durationRange = "expected a duration from 1 minute to 24 hours, such as 30m, 1h or 1h30"
    public static let timeWithoutDay = "a time needs a day"
    public static func duplicateActivityID(_ id: String) -> String {
        "the id \"\(id)\" is already used by another activity"
    }
    /// A duration: "30 min", "1 h", "1 h 30".
    public static func duration(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        if h == 0 { return "\(m) min" }
        return m == 0 ? "\(h) h" : "\(h) h \(m < 10 ? "0" : "")\(m)"
    }
    /// The activity types in the plural: "calls".
    public static func activityTypes(_ t: ActivityType) -> String {
        switch t {
        case .call: return "calls"
        case .meeting: return "meetings"
        case .email: return "emails"
        case .task: return "tasks"
        case .deadline: return "deadlines"
        }
    }
    /// An activity type as a title, the subject of a logged activity given none: "Call".
    public static func activityTitle(_ t: ActivityType) -> String {
        switch t {
        case .call: return "Call"
        case .meeting: return "Meeting"
        case .email: return "Email"
        case .task: return "Task"
        case .deadline: return "Deadline"
        }
    }
    /// The activity types' names, on screen and on the command line.
    public static func activityType(_ t: ActivityType) -> String {
        switch t {
        case .call: return "call"
        case .meeting: return "meeting"
        case .email: return "email"
        case .task: return "task"
        case .deadline: return "deadline"
        }
    }

    public static func describe(_ e: PipelineError) -> String {
        switch e {
        case .unknownDeal(let id): return "no deal has the id \"\(id)\""
        case .ambiguousDeal(let id, let c):
            return "\"\(id)\" matches several deals: \(c.joined(separator: ", ")); type more characters of the id"
        case .unknownStage(let s): return "no stage is called \"\(s)\""
        case .unknownActivity(let id): return "no activity has the id \"\(id)\""
        case .ambiguousActivity(let id, let c):
            return "\"\(id)\" matches several activities: \(c.joined(separator: ", ")); type more characters of the id"
        case .invalid(let f, let r): return "\(f): \(r)"
        case .noWonStage: return "the board has no stage of kind \"won\""
        }
    }

    /// The agenda's groups, on screen and on the command line.
    public static func agendaBucket(_ b: Agenda.Bucket) -> String {
        switch b {
        case .overdue: return "Overdue"
        case .today: return "Today"
        case .thisWeek: return "This week"
        case .later: return "Later"
        case .nonePlanned: return "No next step planned"
        }
    }

    // Stage and status names
    public static func status(_ s: DealStatus) -> String {
        switch s {
        case .open: return "open";
        case .won: return "won";
        case .lost: return "lost"
        }
    }

    /// An edit of a deal's notes in its history, on screen and on the command line.
    public static func notesEdited(length: Int) -> String {
        switch length {
        case 0: return "notes cleared"
        case 1: return "notes edited (1 character)"
        default: return "notes edited (\(length) characters)"
        }
    }

    // Board screen
    public static let emptyBoardTitle = "This pipeline has no deals yet."
    public static let emptyBoardHint = "Press a to add your first deal, or ? for all keys."
    public static let emptyColumn = "no deals"
    public static let noStages = "This board has no stages. Add stages to the file, or run: pipedeck init --force"
    public static func more(_ n: Int) -> String { "\(n) more" }
    public static let saved = "saved"
    public static let unsaved = "unsaved"
    public static let saving = "saving…"
    public static let readOnly = "read-only"
    public static func saveFailed(_ why: String) -> String {
        "NOT SAVED: \(why) — your changes are kept in memory; retrying on the next change"
    }
    public static let tooSmall = "Terminal too small"
    public static func tooSmallHint(_ w: Int, _ h: Int) -> String { "need at least \(w)×\(h)" }
    public static let footerOpen = "Open"
    public static let footerValue = "Value"
    public static let footerWeighted = "Weighted"
    public static let footerWon = "Won"
    public static func deals(_ n: Int) -> String { n == 1 ? "1 deal" : "\(n) deals" }
    public static let lostShown = "lost shown"
    public static let noNextAction = "no next step"
    public static func deleteConfirm(_ title: String) -> String { "Delete “\(title)”? y/n" }
    public static let lostReasonPrompt = "Why was it lost?"
    public static let moveToPrompt = "Its number, letters or ↑↓, then Enter:"
    public static let moveToPromptShort = "Choose, then Enter:"
    public static let nothingToUndo = "nothing to undo"
    public static let nothingToRedo = "nothing to redo"
    public static func undone(_ what: String) -> String { "undone: \(what)" }
    public static func redone(_ what: String) -> String { "redone: \(what)" }
    public static let noDealSelected = "no deal selected"
    public static let helpTitle = "Keys"
}
