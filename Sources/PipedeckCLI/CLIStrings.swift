import PipedeckCore

/// The command line's sentences: messages, table headings and the help text of every option.
extension Strings {
    enum CLI {
        // MARK: Command abstracts

        static let rootAbstract = "A sales pipeline as a kanban board in your terminal."
        static let rootDiscussion = """
            Without a subcommand, opens the interactive board on the pipeline file.
            The file is --file PATH, else $PIPEDECK_FILE, else $XDG_DATA_HOME/pipedeck/pipeline.json, \
            else ~/.local/share/pipedeck/pipeline.json.
            """
        static let demoAbstract = "Write a demo pipeline to a temporary file and open it."
        static let demoDiscussion = """
            The demo goes to a new file in $TMPDIR (or /tmp), never to your pipeline file: \
            $PIPEDECK_FILE and the default file are ignored. Give --file to write it somewhere else.
            """
        static let initAbstract = "Create a new pipeline file."
        static let addAbstract = "Add a deal; prints only the new deal's id."
        static let listAbstract = "List deals as a table or as JSON."
        static let showAbstract = "Show every field of a deal and its history."
        static let editAbstract = "Change the fields of a deal."
        static let editDiscussion = """
            An empty text (e.g. --company "") removes that field; an empty --probability goes back to the \
            stage's, an empty --currency to the board's. --tag replaces all tags. --next replaces the next \
            action (dated with --due, or undated); --due alone changes the date of the current one.
            """
        static let rmAbstract = "Delete a deal."
        static let moveAbstract = "Move a deal to another stage."
        static let wonAbstract = "Mark a deal as won."
        static let lostAbstract = "Mark a deal as lost."
        static let reopenAbstract = "Reopen a won or lost deal."
        static let summaryAbstract = "Show the pipeline's figures per stage and in total."

        // MARK: Option help

        static let helpFile =
            "The pipeline file (default: $PIPEDECK_FILE, then $XDG_DATA_HOME/pipedeck/pipeline.json; "
            + "for demo: a new file in $TMPDIR, never $PIPEDECK_FILE)."
        static let helpTheme = "A theme name or the path of a theme file."
        static let helpNoColor = "Draw without colours."
        static let helpNoMouse = "Do not capture the mouse."
        static let helpDemoPrint = "Only write the demo file and print its path; do not open it."
        static let helpDemoForce = "Replace the file given with --file if it exists."
        static let helpTemplate = "The stages to start with: standard or five-step."
        static let helpInitDemo = "Fill the new file with the demo pipeline."
        static let helpCurrency = "The board's currency as an ISO 4217 code (default EUR)."
        static let helpName = "The board's name."
        static let helpForce = "Replace the file if it already exists."
        static let helpTitleArg = "The deal's title."
        static let helpValue = "The deal's value: a plain number such as 12500, 12500.50 or 12500,50."
        static let helpStage = "A stage id, name or 1-based position (add: default the first stage)."
        static let helpProbability = "The deal's own win probability in percent, 0 to 100 (default: its stage's)."
        static let helpCompany = "The customer's company."
        static let helpContact = "The contact person."
        static let helpOwner = "Who owns the deal."
        static let helpSource = "Where the deal came from."
        static let helpTag = "A tag; repeat the option for several tags."
        static let helpClose = "Expected close date, YYYY-MM-DD."
        static let helpNext = "The next action's text."
        static let helpDue = "The next action's due date, YYYY-MM-DD."
        static let helpDealCurrency = "The deal's currency when it differs from the board's, e.g. USD."
        static let helpNotes = "Free-form notes."
        static let helpEditTitle = "A new title."
        static let helpEditValue = "A new value (same forms as for add)."
        static let helpClearTags = "Remove all tags."
        static let helpClearNext = "Remove the next action."
        static let helpClearClose = "Remove the expected close date."
        static let helpID = "A deal id or any unique beginning of one."
        static let helpMoveStage = "A stage id, name (any case), 1-based position, next or prev."
        static let helpReason = "Why the deal was lost."
        static let helpListStage = "Only deals in this stage (id, name or position)."
        static let helpListOwner = "Only deals of this owner (any case)."
        static let helpListSource = "Only deals from this source (any case)."
        static let helpListTag = "Only deals with this tag (any case)."
        static let helpStatus = "Which deals: open, won, lost or all."
        static let helpSort =
            "Order: rank (stage then column order), value, weighted, probability, close (soonest first), age (longest in its stage first), due (next action, soonest first) or score (qualification, best first)."
        static let helpJSON = "Write JSON instead of text."

        // MARK: Errors

        static func noFile(_ path: String) -> String {
            "no pipeline file at \(path); create one with `pipedeck init` (add --demo for sample deals), "
                + "or try `pipedeck demo` to explore a demo board"
        }
        static func alreadyExists(_ path: String) -> String {
            "\(path) already exists; nothing was written. Add --force to replace it, or choose another file with --file."
        }
        static func optionError(_ option: String, _ got: String, _ expected: String) -> String {
            "\(option): \(expected) (got \"\(got)\")"
        }
        static func optionProblem(_ option: String, _ problem: String) -> String { "\(option): \(problem)" }
        static let noSign = "expected a plain number such as 12500 or 12500.50, without a sign"
        static let notTwoDecimalsComma =
            "expected a number such as 12500, 12500.50 or 12500,50 (no thousands separators)"
        static let dueWithoutNext =
            "--due needs --next: give the next action's text too, e.g. --next \"Call back\" --due 2026-06-01"
        static let dueWithoutAction = "--due: the deal has no next action; give its text with --next"
        static func conflicting(_ a: String, _ b: String) -> String { "\(a) and \(b) cannot be used together" }
        static func unknownStage(_ ref: String, _ stages: [Stage]) -> String {
            let list = stages.enumerated().map { "\($0.offset + 1) \($0.element.id) (\($0.element.name))" }
            return "no stage is called \"\(ref)\"; use a stage id, name or position: \(list.joined(separator: ", "))"
        }
        static func unknownMoveTarget(_ ref: String, _ stages: [Stage]) -> String {
            unknownStage(ref, stages) + ", or next / prev"
        }
        static func unknownDeal(_ ref: String) -> String {
            "no deal has an id starting with \"\(ref)\"; run `pipedeck list --status all` to see the ids"
        }
        /// One line: the first candidates (id and title), then how many more.
        static func ambiguousDeal(_ ref: String, _ candidates: [String]) -> String {
            let shown = candidates.prefix(10).joined(separator: ", ")
            let more = candidates.count > 10 ? " and \(candidates.count - 10) more" : ""
            return "\"\(ref)\" matches \(candidates.count) deals (\(shown)\(more)); type more characters of the id"
        }
        static let noStagesOnBoard = "the board has no stages; add stages to the file, or run: pipedeck init --force"
        static func badTemplate(_ t: String) -> String {
            optionError(
                "--template", t, "expected one of: " + Template.allCases.map(\.rawValue).joined(separator: ", "))
        }
        static let demoIsStandard =
            "--demo always uses the standard template in EUR; leave out --template and --currency"
        static func badChoice(_ option: String, _ got: String, _ choices: [String]) -> String {
            optionError(option, got, "expected one of: " + choices.joined(separator: ", "))
        }
        static func emptyName(_ option: String) -> String { "\(option): the name cannot be empty" }

        // MARK: Usage errors (the argument parser's, reworded)

        static func usageHint(_ usage: String, _ command: String) -> String {
            "usage: \(usage) (more: \(command) --help)"
        }
        /// "The deal's value: a plain number such as 12500." → "the deal's value: a plain number such as 12500"
        static func expectedFromHelp(_ help: String) -> String {
            var t = help.trimmingCharacters(in: .whitespaces)
            while t.hasSuffix(".") { t.removeLast() }
            // Lower-case the first word unless it is written in capitals ("ID", "CSV").
            let word = t.prefix { $0.isLetter }
            if word.count == 1 || word.contains(where: \.isLowercase) {
                return t.prefix(1).lowercased() + t.dropFirst()
            }
            return t
        }
        static func missingArgument(_ expected: String?) -> String {
            expected.map { "missing; expected \($0)" } ?? "missing"
        }
        static func missingValue(_ expected: String?) -> String {
            expected.map { "missing its value; expected \($0)" } ?? "missing its value"
        }
        static func unknownOption(suggestion: String?) -> String {
            suggestion.map { "no such option; did you mean \($0)?" } ?? "no such option"
        }
        static func unknownCommand(_ got: String, _ commands: [String]) -> String {
            "no command is called \"\(got)\"; the commands are: \(commands.joined(separator: ", "))"
        }
        static func unexpectedArguments(_ args: [String]) -> String {
            let list = args.map { "\"\($0)\"" }.joined(separator: ", ")
            return args.count == 1 ? "unexpected argument \(list)" : "unexpected arguments \(list)"
        }
        static let aValidValue = "expected a valid value"
        static let noValueTaken = "takes no value"
        static let givenTwice = "given more than once"
        static let missingCommand = "a command is missing"
        static func noTempFile(_ dir: String) -> String { "could not find a free file name for the demo in \(dir)" }

        // MARK: Results

        static func created(_ path: String, template: String, stages: Int) -> String {
            "Created \(path) with the \(template) template (\(stages) stages)."
        }
        static func createdDemo(_ path: String, deals: Int) -> String {
            "Created \(path) with the demo pipeline (\(deals) deals)."
        }
        static func demoWritten(_ path: String) -> String {
            "Demo pipeline written to \(path) (your own pipeline file is not touched)."
        }
        static let nothingChanged = "Nothing changed."
        static func alreadyFirst(_ deal: String, _ stage: String) -> String {
            "Nothing changed: \(deal) is already in the first stage (\(stage))."
        }
        static func alreadyLast(_ deal: String, _ stage: String) -> String {
            "Nothing changed: \(deal) is already in the last stage (\(stage))."
        }
        static func alreadyIn(_ deal: String, _ stage: String) -> String {
            "Nothing changed: \(deal) is already in \(stage)."
        }
        static func alreadyStatus(_ deal: String, _ status: String) -> String {
            "Nothing changed: \(deal) is already \(status)."
        }
        static func dealLabel(_ id: String, _ title: String) -> String { "\(id) “\(title)”" }
        static func moved(_ deal: String, _ from: String, _ to: String) -> String { "Moved \(deal): \(from) → \(to)." }
        static func movedWithStatus(_ deal: String, _ from: String, _ to: String, _ status: String) -> String {
            "Moved \(deal): \(from) → \(to) (now \(status))."
        }
        static func markedWon(_ deal: String, _ stage: String) -> String { "\(deal) is won (\(stage))." }
        static func markedLost(_ deal: String, _ reason: String?) -> String {
            reason.map { "\(deal) is lost (reason: \($0))." } ?? "\(deal) is lost."
        }
        static func alreadyLost(_ deal: String, _ reason: String?, reasonGiven: Bool) -> String {
            guard let reason else { return "Nothing changed: \(deal) is already lost; give --reason to record why." }
            if reasonGiven { return "Nothing changed: \(deal) is already lost for that reason (\(reason))." }
            return "Nothing changed: \(deal) is already lost (reason: \(reason)); give --reason to change it."
        }
        static func reasonChanged(_ deal: String, from old: String?, to new: String?) -> String {
            "\(deal) was already lost; its reason is now “\(new ?? "")” (was “\(old ?? "none")”)."
        }
        static func reopened(_ deal: String, _ stage: String) -> String { "\(deal) is open again, in \(stage)." }
        static func deleted(_ deal: String) -> String { "Deleted \(deal)." }
        static func updated(_ deal: String) -> String { "Updated \(deal)." }
        static func noDealsMatch(_ status: String) -> String {
            status == "all" ? "No deals match." : "No \(status) deals match."
        }

        // MARK: Tables and labels

        static let colID = "ID"
        static let colStage = "STAGE"
        static let colTitle = "TITLE"
        static let colCompany = "COMPANY"
        static let colValue = "VALUE"
        static let colProb = "PROB"
        static let colWeighted = "WEIGHTED"
        static let colNextDue = "NEXT DUE"
        static let colStatus = "STATUS"
        static let colDeals = "DEALS"
        static let noDue = "no date"

        static let summaryOpen = "Open"
        static let summaryWon = "Won"
        static let summaryLost = "Lost"
        static let summaryTotal = "total"
        static let summaryWeighted = "weighted"
        static func summaryHeading(_ name: String, _ currency: String) -> String { "\(name) (\(currency))" }

        static let labelCompany = "Company"
        static let labelContact = "Contact"
        static let labelStage = "Stage"
        static let labelStatus = "Status"
        static let labelLostReason = "Lost reason"
        static let labelValue = "Value"
        static let labelProbability = "Probability"
        static let labelWeighted = "Weighted"
        static let labelOwner = "Owner"
        static let labelSource = "Source"
        static let labelTags = "Tags"
        static let labelClose = "Expected close"
        static let labelNext = "Next action"
        static let labelQualification = "Qualification"
        static let labelNotes = "Notes"
        static let labelCreated = "Created"
        static let labelUpdated = "Updated"
        static let labelHistory = "History"
        static let none = "—"
        static func daysInStage(_ n: Int) -> String { n == 1 ? "1 day in stage" : "\(n) days in stage" }
        static func ownProbability(_ p: String, stage: String) -> String { "\(p)% (set on the deal; stage: \(stage)%)" }
        static func stageProbability(_ p: String) -> String { "\(p)% (from the stage)" }
        static func due(_ d: String) -> String { "due \(d)" }
        static let overdue = "overdue"
        static let done = "done"
        static func bant(_ score: Int, _ parts: [String]) -> String {
            "BANT \(score)/4" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
        }
        static let bantBudget = "budget"
        static let bantAuthority = "authority"
        static let bantNeed = "need"
        static let bantTimeline = "timeline"

        static func historyCreated(_ stage: String) -> String { "created in \(stage)" }
        static func historyCreatedWon(_ stage: String) -> String { "created as won in \(stage)" }
        static func historyMoved(_ from: String, _ to: String) -> String { "moved \(from) → \(to)" }
        static func historyWon(_ from: String, _ to: String) -> String {
            from == to ? "won in \(to)" : "won: \(from) → \(to)"
        }
        static func historyLost(_ stage: String) -> String { "lost in \(stage)" }
        static func historyReopened(_ from: String, _ to: String) -> String {
            from == to ? "reopened in \(to)" : "reopened: \(from) → \(to)"
        }
    }
}
