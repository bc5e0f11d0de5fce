import PipedeckCore

/// The render layer's words, beside the core's `Strings`, in one place for translation.
public enum RenderText {
    public static let appName = "Pipedeck"
    public static let sortRank = "manual order"
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
    public static let detailHint = "Esc close · e edit · ↑↓ scroll"
    public static let historyTitle = "History"
    public static let notesTitle = "Notes"
    public static let created = "created"
    public static func daysIn(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }
    public static let lostTitle = "Mark as lost"
    public static let moveTitle = "Move to stage"
    public static let deleteTitle = "Delete deal"
    public static let yesNo = "y delete · any other key cancels"
    public static let field: [String: String] = [
        "id": "Id", "stage": "Stage", "status": "Status", "value": "Value", "probability": "Probability",
        "weighted": "Weighted", "company": "Company", "contact": "Contact", "owner": "Owner", "source": "Source",
        "tags": "Tags", "close": "Expected close", "next": "Next action", "score": "Qualification",
        "lostReason": "Lost reason", "inStage": "In stage since", "updated": "Updated",
    ]
    public static let otherCurrencies = "also"
}
