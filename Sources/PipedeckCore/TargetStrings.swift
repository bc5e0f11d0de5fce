/// The sentences about targets, periods and exchange rates (issue 17), kept apart so that a
/// translation replaces them with the other tables.
extension Strings {
    public static let negativeTarget = "a target cannot be negative"
    public static let badRate =
        "expected a rate such as 0.92 (the value of one unit of the currency in the board's currency, more than 0, up to 6 decimals)"
    public static func rateOfBoardCurrency(_ c: String) -> String {
        "\(c) is the board's own currency: it needs no rate"
    }

    /// "Dec", "Q4": the period as the footer names it.
    public static func periodShort(_ p: Period) -> String {
        switch p.kind {
        case .month: return monthShort[p.number - 1]
        case .quarter: return "Q\(p.number)"
        }
    }
    /// "Dec 2026", "Q4 2026".
    public static func periodLong(_ p: Period) -> String { periodShort(p) + " \(p.year)" }
    public static let monthShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Footer words.
    public static let footerWonInPeriod = "won"
    public static let footerOf = "of"
    public static func footerClosing(_ kind: PeriodKind) -> String {
        kind == .month ? "weighted closing this month" : "weighted closing this quarter"
    }
    public static let footerClosingShort = "closing"
    public static func periodKindName(_ k: PeriodKind) -> String { k == .month ? "month" : "quarter" }
    public static let team = "team"
}

extension Strings {
    /// The command line's and the screens' words about targets and rates.
    public enum Targets {
        public static let abstract = "List, set and remove won-value targets per month or quarter."
        public static let discussion = """
            A target is the won value aimed for in a month (2027-01) or a quarter (2027-Q1), for the \
            team or, with --owner, for one salesperson. A quarter without a target of its own uses the \
            sum of its three months' targets when all three are set. The footer of the board shows the \
            current period against its target; `period = quarter` in the settings file \
            (~/.config/pipedeck/config) makes it a quarter.
            """
        public static let setAbstract = "Set the target of a month or quarter (replaces the one there)."
        public static let rmAbstract = "Remove the target of a month or quarter."
        public static let listAbstract = "List the targets with what was won against each."
        public static let helpPeriod = "A month as YYYY-MM (2027-01) or a quarter as YYYY-Q1…Q4 (2027-Q1)."
        public static let helpAmount = "The won value aimed for, in the board's currency (80000 or 80000.50)."
        public static let helpOwner = "The owner the target is for (as written on deals); the team's without it."
        public static let none = "No targets yet. Set one with: pipedeck targets set 2027-01 80000 [--owner NAME]"
        public static func who(_ owner: String?) -> String { owner ?? "team" }
        public static func set(_ p: Period, _ owner: String?, _ amount: String) -> String {
            "Target for \(p) (\(who(owner))): \(amount)"
        }
        public static func removed(_ p: Period, _ owner: String?) -> String {
            "Removed the target for \(p) (\(who(owner)))"
        }
        public static func noSuchTarget(_ p: Period, _ owner: String?) -> String {
            "there is no target for \(p) (\(who(owner))); see them with: pipedeck targets list"
        }
        public static let colPeriod = "Period"
        public static let colOwner = "Owner"
        public static let colTarget = "Target"
        public static let colWon = "Won"
        public static let colPercent = "%"
        public static let colClosing = "Weighted closing"
        public static let colStillToWin = "Still to win"
        public static let colWeighted = "Weighted open"
        public static let colGap = "Gap"
        public static let summed = " (Σ months)"
        public static let approxNote =
            "≈: amounts in other currencies converted at the board's rates (pipedeck rates); the deals keep their own."

        public static let ratesAbstract = "List, set and remove exchange rates into the board's currency."
        public static let ratesDiscussion = """
            A rate is the value of one unit of another currency in the board's currency: \
            `pipedeck rates set USD 0.92` on a board in EUR. With a rate, deals in that currency count in \
            every total, converted and marked ≈; without one they stay apart. Deal values never change.
            """
        public static let rateSetAbstract = "Set the rate of a currency (replaces the one there)."
        public static let rateRmAbstract = "Remove the rate of a currency."
        public static let rateListAbstract = "List the exchange rates."
        public static let helpCurrency = "An ISO 4217 code such as USD."
        public static let helpRate = "The value of one unit of that currency in the board's currency, e.g. 0.92."
        public static let helpRateDate = "The day the rate is from (default: today)."
        public static func rateSet(_ c: String, _ r: Rate, _ board: String, _ day: Day) -> String {
            "1 \(c) = \(r) \(board) (as of \(day))"
        }
        public static func rateRemoved(_ c: String) -> String { "Removed the rate of \(c): its deals stay apart again" }
        public static func noSuchRate(_ c: String) -> String {
            "there is no rate for \(c); see them with: pipedeck rates list"
        }
        public static func noRates(_ board: String) -> String {
            "No exchange rates: deals in other currencies than \(board) stay apart. Set one with: pipedeck rates set USD 0.92"
        }
        public static func rateLine(_ r: ExchangeRate, _ board: String) -> String {
            "\(r.currency)  1 \(r.currency) = \(r.rate) \(board)  (as of \(r.date))"
        }

        // The forecast against targets (report forecast, the reports screen).
        public static func forecastTitle(_ kind: PeriodKind, _ owner: String?) -> String {
            (kind == .month ? "Against target, per month" : "Against target, per quarter")
                + (owner.map { " (\($0)'s target)" } ?? " (team target)")
        }
        public static let forecastExplained =
            "Won: won in the period. Weighted open: open deals expected to close in it (from today on). "
            + "Gap = target − won − weighted open: what is missing; “covered” when the weighted pipeline reaches the target, “met” when the won value did. Chart: █ won, ▒ weighted, │ target."
        public static func passedNote(_ n: Int, _ amount: String) -> String {
            "\(n) open deal\(n == 1 ? "" : "s") with a close date passed (\(amount) weighted) count in no period: update their dates."
        }
        public static let noTarget = "—"
        /// A past period whose target was reached.
        public static let met = "met"
        /// A period to come whose won and weighted values reach its target.
        public static let covered = "covered"
    }
}

extension Strings.Targets {
    public static func convertedLine(_ open: String, _ weighted: String, _ won: String) -> String {
        "Converted: open \(open), weighted \(weighted), won \(won)"
    }
    public static func atRates(_ rates: [String]) -> String { "at the board's rates: " + rates.joined(separator: ", ") }
}

extension Strings.Targets {
    public static let helpPeriodKind =
        "The periods of the forecast against targets: month or quarter (default: `period` in the settings file, else month)."
    public static let periodOnlyForecast = "--period is only for the forecast report"
}

extension Strings {
    /// `pipedeck boards`, `init --name` and the board switcher.
    public enum Boards {
        public static let abstract = "List the pipelines: the boards in the data folder and those opened before."
        public static let discussion = """
            Boards are the *.json files of $XDG_DATA_HOME/pipedeck (else ~/.local/share/pipedeck), and \
            any board opened elsewhere before. `pipedeck init --name "Partners"` creates one there. \
            Without --file, the interactive board opens the last board used (▸); in it, b opens the \
            board switcher.
            """
        public static let colName = "Board"
        public static let colOpen = "Open"
        public static let colValue = "Value"
        public static let colWeighted = "Weighted"
        public static let colLastOpened = "Last opened"
        public static let colFile = "File"
        public static let unreadable = "(cannot be read)"
        public static let problems = "Boards that cannot be read:"
        public static func none(_ folder: String) -> String {
            "No boards in \(folder) yet. Create one with: pipedeck init --name \"Partners\""
        }
    }
}
