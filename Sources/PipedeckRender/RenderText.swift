import PipedeckCore
import PipedeckUI

/// The render layer's words, beside the core's `Strings`, in one place for translation.
public enum RenderText {
    public static func prob(_ p: Percent) -> String { "\(p)%" }
    public static func lateBy(_ d: Int) -> String { "\(d)d late" }
    public static let dueToday = "today"
    public static func dueIn(_ d: Int) -> String { d == 1 ? "tomorrow" : "in \(d)d" }
    public static let noDate = "no date"
    public static let noStep = "no step"
    public static func staleFor(_ d: Int) -> String { "\(d)d" }
    public static let wonMarker = "won"
    public static let lostMarker = "lost"
    public static func columnCount(_ n: Int) -> String { n == 1 ? "1 deal" : "\(n) deals" }
    public static func staleCount(_ n: Int) -> String { "\(n) stale" }
    public static let detailTitle = "Deal"
    public static let historyTitle = "History"
    public static let timelineTitle = "Timeline"
    public static let planned = "planned"
    public static let copyPhoneHint = "y copies"
    public static let copyEmailHint = "Y copies"
    public static let notesTitle = "Notes"
    public static let created = "created"
    public static func daysIn(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }
    public static let lostTitle = "Mark as lost"
    public static let moveTitle = "Move to stage"
    public static let deleteTitle = "Delete deal"
    public static let field: [String: String] = [
        "id": "Id", "stage": "Stage", "status": "Status", "value": "Value", "probability": "Probability",
        "weighted": "Weighted", "company": "Company", "contact": "Contact", "owner": "Owner", "source": "Source",
        "tags": "Tags", "close": "Expected close", "next": "Next action", "score": "Qualification",
        "lostReason": "Lost reason", "inStage": "In stage since", "updated": "Updated", "nps": "Would recommend",
        "phone": "Phone", "email": "Email",
    ]
    public static func sortLabel(_ k: SortKey) -> String { "sorted by " + UIText.sortName(k) }
    public static let agendaTitle = "Agenda"
    public static let agendaEmpty = "No open deals."
    public static let agendaNoneOfType = "Nothing of this type is planned (t shows another type)."
    public static func agendaOnly(_ t: ActivityType) -> String { Strings.activityTypes(t) + " only" }

    public static let stagesTitle = "Stages"
    public static let stageAddTitle = "New stage"
    public static let stageEditTitle = "Edit stage"
    public static let stageName = "Name"
    public static let stageProbability = "Probability %"
    public static let stageRot = "Stale after (days, 0 = off)"
    public static let stageRotShort = "Stale (days)"
    /// The title of the question Ctrl-C asks in a box where something was typed.
    public static let interruptTitle = "Ctrl-C"
    /// Beside the deal's present stage in the move dialog.
    public static let currentStage = "(now)"
    public static let stageDeleteTitle = "Delete stage"
    public static func stageDeleteMove(_ name: String, _ n: Int) -> String {
        "“\(name)” has \(n == 1 ? "1 deal" : "\(n) deals"). Move them to:"
    }
    public static let columnsHeader = ["#", "stage", "prob.", "stale after", "kind", "deals", "lost"]
    public static let stagesCountsExplained =
        "deals: those the board's column counts (open deals; won ones in a won stage). lost: the lost deals, apart."
    public static let off = "off"
    public static let qualificationHint = "1 budget · 2 authority · 3 need · 4 timeline (toggle)"
    public static let npsAsk = "not asked yet — press p to record the answer (0–10)"
    public static let npsTitle = "How likely are they to recommend us?"
    public static let reportsTitle = "Reports"
    public static func reportsFiltered(_ f: String) -> String { "following the filter: " + f }
}
