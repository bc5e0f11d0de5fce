/// The activities report's wording (screen and command line).
extension Strings.Reports {
    public static func doneTitle(_ weeks: Int) -> String {
        "Done per week and owner (the last \(weeks == 1 ? "week" : "\(weeks) weeks"))"
    }
    public static let colWeekOf = "WEEK OF"
    public static let colTotal = "TOTAL"
    /// The column of one type: "CALLS".
    public static func colType(_ t: ActivityType) -> String {
        switch t {
        case .call: return "CALLS"
        case .meeting: return "MEETINGS"
        case .email: return "EMAILS"
        case .task: return "TASKS"
        case .deadline: return "DEADLINES"
        }
    }
    public static let nothingDone = "Nothing was logged as done in these weeks."
    public static func undatedDone(_ n: Int) -> String {
        n == 1
            ? "1 activity done before Pipedeck kept the time is not counted."
            : "\(n) activities done before Pipedeck kept the time are not counted."
    }
    public static let idleTitle = "Open deals with nothing planned, per stage"
    public static let colNothingPlanned = "NOTHING PLANNED"
    public static let colLastDone = "LAST DONE"
    public static let neverDone = "never"
    public static func idleLine(_ idle: Int, _ open: Int) -> String {
        idle == 0
            ? "Every open deal has something planned."
            : "\(idle) of \(open) open deals have nothing planned: plan their next step (n on the board)."
    }
    public static let activitiesExplained =
        "A done activity counts in the week it was marked done; its owner is the activity's, else the deal's."
    public static let helpWeeks = "Activities only: how many weeks back, 1 to 52 (default 8)."
    public static func badWeeks(_ got: String) -> String {
        "--weeks: expected a whole number from 1 to 52 (got \"\(got)\")"
    }
    public static let weeksOnlyActivities = "--weeks only applies to the activities report"
}
