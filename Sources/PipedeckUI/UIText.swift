import PipedeckCore

/// The status line's words and the undo labels of the interactive board.
public enum UIText {
    public static let noChange = "no change"
    public static let labelMove = "move"
    public static let labelReorder = "reorder"
    public static let labelAdd = "add"
    public static let labelEdit = "edit"
    public static let labelDelete = "delete"
    public static let labelWon = "won"
    public static let labelLost = "lost"
    public static let labelReopen = "reopen"
    public static func added(_ t: String) -> String { "added “\(t)”" }
    public static func deleted(_ t: String) -> String { "deleted “\(t)” — u brings it back" }
    public static func movedTo(_ s: String) -> String { "moved to \(s)" }
    public static func wonDeal(_ t: String) -> String { "won: “\(t)” 🎉" }
    public static func lostDeal(_ t: String) -> String { "lost: “\(t)”" }
    public static func reopened(_ t: String) -> String { "reopened “\(t)”" }
    public static let lostHidden = "lost deals hidden"
    public static let lostShownNow = "lost deals shown"
    public static let notLost = "the deal is already open"
    public static let otherReason = "Other reason:"
    public static let readOnlyRefused = "the file is read-only: changes are not possible"
    public static let labelQualification = "qualification"
    public static let labelNextAction = "next step"
    public static let labelDone = "done"
    public static let labelLog = "log"
    public static let labelStage = "stages"
    public static let labelNotes = "notes"
    public static func planned(_ t: String) -> String { "next step: \(t)" }
    public static let noStepPlanned = "no next step planned"
    public static let nothingToComplete = "this deal has no planned activity (n plans one)"
    public static func markedDone(_ t: String) -> String { "done: \(t)" }
    public static let closedDeal = "next steps are planned on open deals (i logs what was done)"
    public static func logged(_ type: ActivityType, _ subject: String) -> String {
        "logged: \(Strings.activityType(type)) · \(subject)"
    }
    public static func rescheduled(_ t: String) -> String { "rescheduled: \(t)" }
    public static let noPhone = "no phone number for this deal's contact (e adds one)"
    public static let noEmail = "no email address for this deal's contact (e adds one)"
    public static func copied(_ t: String) -> String { "copied to the clipboard: \(t)" }
    public static func agendaOnly(_ t: ActivityType?) -> String {
        t.map { "agenda: \(Strings.activityTypes($0)) only" } ?? "agenda: every activity"
    }
    public static let filterCleared = "search and filters cleared"
    public static let reorderNeedsManual = "reordering works in manual order: press s until it says “manual order”"
    public static func sortedBy(_ k: SortKey) -> String { "sorted by \(sortName(k))" }
    public static func sortName(_ k: SortKey) -> String {
        switch k {
        case .rank: return "manual order"
        case .value: return "value"
        case .weighted: return "weighted value"
        case .probability: return "probability"
        case .close: return "expected close"
        case .age: return "days in stage"
        case .due: return "next action due"
        case .score: return "qualification score"
        }
    }
    public static let labelNPS = "recommendation score"
    public static let npsOnlyWon = "the recommendation score is asked of won customers"
    public static let npsRange = "expected a whole number from 0 to 10 (empty clears it)"
    public static let npsWhole = "the score is a whole number from 0 to 10, without decimals"
    public static func npsSaved(_ n: Int?) -> String {
        n.map { "recommendation score: \($0)/10" } ?? "recommendation score cleared"
    }
    /// Added to the message that reports a reload: what became of the undo history.
    public static func undoAfterReload(_ k: KeptHistory) -> String {
        switch k {
        case .nothingToKeep, .kept: return ""
        case .cut(0, _): return "; undo history cleared: it touched what changed elsewhere"
        case .cut(let kept, _):
            return
                "; undo keeps your last \(kept == 1 ? "change" : "\(kept) changes"), older ones touched what changed elsewhere"
        }
    }
    public static let notesSaved = "notes saved"
    public static let notesUnchanged = "notes unchanged"
    public static func editorFailed(_ why: String) -> String { "could not run the editor: \(why)" }
}
