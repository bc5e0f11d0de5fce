import PipedeckCore

/// The words of the activity commands (`pipedeck activity`, `pipedeck log`) and of the contact
/// options.
extension Strings {
    enum Activity {
        static let activityAbstract =
            "Plan, complete and list the calls, meetings, emails, tasks and deadlines of deals."
        static let addAbstract = "Plan an activity on a deal (or log one done with --done); prints only its id."
        static let doneAbstract = "Mark an activity done now, with what came of it."
        static let listAbstract = "List activities, planned and done, as a table or as JSON."
        static let logAbstract = "Log something just done on a deal: pipedeck log ID --call \"Discussed pricing\"."
        static let logDiscussion = """
            Give exactly one of --call, --meeting, --email, --task or --deadline with what was done. \
            It is recorded as done now; --outcome says what came of it.
            """

        static let helpPhone = "The contact's phone number (an empty one removes it)."
        static let helpEmail = "The contact's email address (an empty one removes it)."
        static let helpDeal = "A deal id or any unique beginning of one."
        static let helpActivityID = "An activity id or any unique beginning of one (see `pipedeck activity list`)."
        static let helpType = "call, meeting, email, task or deadline."
        static let helpSubject = "What is to be done (or was done)."
        static let helpDue =
            "The day: YYYY-MM-DD, today, tomorrow, +3, +2w, fri — with a time if you like: \"fri 14:30\"."
        static let helpTime = "The time of day: 14:30, 9h, 2pm."
        static let helpDuration = "How long: 30m, 1h, 1h30 (up to 24h)."
        static let helpOwner = "Who does it (default: the deal's owner)."
        static let helpDone = "Record it as done now instead of planning it."
        static let helpOutcome = "What came of it."
        static let helpListDeal = "Only the activities of this deal."
        static let helpListOwner = "Only the activities of this owner (the activity's, else the deal's; any case)."
        static let helpListType = "Only activities of this type: call, meeting, email, task or deadline."
        static let helpListStatus = "Which activities: planned, done or all."
        static func helpLog(_ t: ActivityType) -> String {
            "Log \(t == .email ? "an" : "a") \(Strings.activityType(t)): what it was about."
        }

        static func badType(_ got: String) -> String {
            "--type: expected call, meeting, email, task or deadline (got \"\(got)\")"
        }
        static func badDue(_ got: String) -> String {
            "--due: expected a day such as 2026-12-03, today, tomorrow, +3, +2w or fri, maybe with a time (got \"\(got)\")"
        }
        static func badTime(_ got: String) -> String {
            "--time: expected a time of day such as 14:30, 9h or 2pm (got \"\(got)\")"
        }
        static func badDuration(_ got: String) -> String {
            "--duration: expected a duration such as 30m, 1h or 1h30, up to 24h (got \"\(got)\")"
        }
        static let timeWithoutDue = "--time needs --due: give the day too, e.g. --due tomorrow --time 14:30"
        static let emptySubject = "--subject: an activity needs a subject"
        static let oneLogType = "give one of --call, --meeting, --email, --task or --deadline with what was done"
        static func severalLogTypes(_ options: [String]) -> String {
            "give only one of \(options.joined(separator: ", ")): a log records one activity"
        }
        static func unknownActivity(_ ref: String) -> String {
            "no activity has an id starting with \"\(ref)\"; run `pipedeck activity list` to see the ids"
        }
        static func ambiguousActivity(_ ref: String, _ ids: [String]) -> String {
            "\"\(ref)\" matches several activities: \(ids.joined(separator: ", ")); type more characters of the id"
        }
        static func done(_ type: ActivityType, _ subject: String, _ deal: String) -> String {
            "Done: \(Strings.activityType(type)) “\(subject)” on \(deal)."
        }
        static func outcomeNoted(_ subject: String, _ deal: String) -> String {
            "Noted what came of “\(subject)” on \(deal)."
        }
        static func alreadyDone(_ subject: String, _ deal: String) -> String {
            "Nothing changed: “\(subject)” on \(deal) is already done (add --outcome to note what came of it)."
        }
        static func logged(_ type: ActivityType, _ subject: String, _ deal: String, _ id: String) -> String {
            "Logged \(Strings.activityType(type)) “\(subject)” on \(deal) (activity \(id))."
        }
        static let noActivities = "No activities match."
        static let colID = "ID", colDeal = "DEAL", colType = "TYPE", colSubject = "SUBJECT", colWhen = "WHEN",
            colStatus = "STATUS", colOwner = "OWNER", colOutcome = "OUTCOME"
        static let planned = "planned", doneWord = "done", overdue = "overdue"
        static let labelPhone = "Phone", labelEmail = "Email", labelActivities = "Activities"
    }
}
