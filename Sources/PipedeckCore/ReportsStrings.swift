/// The reports' wording: titles, table headings, labels and the one-line explanations, shared by
/// the reports screen and `pipedeck report` / `pipedeck nps`.
extension Strings {
    public enum Reports {
        // MARK: Titles (the screen's tabs, the headings of the command's output)

        public static func title(_ k: ReportKind) -> String {
            switch k {
            case .forecast: return "Forecast"
            case .funnel: return "Funnel"
            case .velocity: return "Velocity"
            case .sources: return "Sources"
            case .owners: return "Owners"
            case .lost: return "Lost reasons"
            case .nps: return "Customer follow-up"
            case .activities: return "Activities"
            }
        }

        /// The tab's name where the full one does not fit.
        public static func shortTitle(_ k: ReportKind) -> String {
            switch k {
            case .lost: return "Lost"
            case .nps: return "Follow-up"
            default: return title(k)
            }
        }

        /// "Forecast — Demo pipeline (EUR), 2026-11-30" plus the filter, if any.
        public static func heading(_ k: ReportKind, board: String, currency: String, today: Day, owner: String?)
            -> String
        {
            "\(title(k)) — \(board) (\(currency)), \(today)" + (owner.map { ", owner: \($0)" } ?? "")
        }

        // MARK: Common

        public static let none = "(none)"
        public static let total = "Total"
        public static let undefined = "—"
        public static func percent(_ r: Ratio) -> String { r.percentText.map { $0 + "%" } ?? undefined }
        /// "62.5% (5/8)"
        public static func rate(_ r: Ratio) -> String {
            r.isDefined ? "\(percent(r)) (\(r.part)/\(r.whole))" : undefined
        }
        public static func days(tenths: Int?) -> String { tenths.map { DayStats.text(tenths: $0) } ?? undefined }
        public static let monthNames = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]
        /// "Nov 2026"
        public static func month(_ m: CalendarMonth) -> String { "\(monthNames[m.month - 1]) \(m.year)" }
        public static func name(_ n: String?) -> String { n ?? none }
        public static func barsIn(_ currency: String) -> String {
            "Amounts in other currencies are shown apart, never converted; the bars show \(currency) only."
        }
        /// Under a report whose totals hold converted amounts: "≈: … at 1 USD = 0.92 EUR".
        public static func convertedNote(_ approx: String, _ rates: [String]) -> String {
            "\(approx): amounts in other currencies converted at the board's rates ("
                + rates.joined(separator: ", ") + "); the deals keep their own."
        }
        public static let apartNote =
            "Currencies without a rate are shown apart, never converted, and left out of the bars."

        // MARK: 1. Forecast

        public static func bucket(_ b: ForecastReport.Bucket) -> String {
            switch b {
            case .passed: return "Close date passed"
            case .month(let m): return month(m)
            case .later: return "Later"
            case .noDate: return "No date"
            }
        }
        public static let colExpectedClose = "EXPECTED CLOSE"
        public static let colWonIn = "WON IN"
        public static let colDeals = "DEALS"
        public static let colValue = "VALUE"
        public static let colWeighted = "WEIGHTED"
        public static let forecastOpenTitle = "Open deals by expected close month"
        public static func forecastWonTitle(_ months: Int) -> String {
            months == 1 ? "Won this month" : "Won in the last \(months) months (this one included)"
        }
        public static let forecastExplained = """
            Weighted = value × probability (the deal's own, else its stage's).
            "Close date passed": open deals whose expected close is before today.
            Won deals count in the month of their last win (UTC).
            """

        // MARK: 2. Funnel

        public static let colStage = "STAGE"
        public static let colReached = "REACHED"
        public static let colWentOn = "WENT ON"
        public static let colConversion = "CONVERSION"
        public static let colOpenNow = "OPEN NOW"
        public static let colLostHere = "LOST HERE"
        public static let bottleneckMark = "◀ bottleneck"
        public static let bottleneckMarkASCII = "< bottleneck"
        public static func winRate(_ f: FunnelReport) -> String {
            guard f.winRate.isDefined else { return "Win rate: no deal closed yet (\(Strings.deals(f.open)) open)." }
            return "Win rate: \(percent(f.winRate)) of closed deals (\(f.won) won, \(f.lost) lost); "
                + "\(percent(f.wonOfAll)) of all \(f.dealCount) deals (\(f.open) still open)."
        }
        public static func bottleneck(_ from: String, _ to: String, _ r: Ratio) -> String {
            "Bottleneck: \(from) → \(to), only \(percent(r)) of the deals that reached \(from) went on."
        }
        public static let noBottleneck = "Bottleneck: none yet (no stage with deals and a next stage)."
        public static let funnelExplained = """
            Reached: deals whose history entered the stage (stages skipped forward count as passed).
            Conversion = went on to the next stage / reached; the deals open in a stage may still go on.
            """

        // MARK: 3. Velocity

        public static let colAverageDays = "AVG DAYS"
        public static let colMedianDays = "MEDIAN DAYS"
        public static let colStale = "STALE"
        public static func salesCycle(_ s: DayStats) -> String {
            s.isEmpty
                ? "Sales cycle of won deals: no won deals."
                : "Sales cycle of won deals (creation to win): average \(days(tenths: s.averageTenths)) days, "
                    + "median \(days(tenths: s.medianTenths)) days, over \(Strings.deals(s.count))."
        }
        public static func staleTotal(_ stale: Int, _ open: Int) -> String {
            "Stale deals (unchanged for longer than their stage allows): \(stale) of \(open) open."
        }
        public static let velocityExplained = """
            Days in a stage: calendar days (UTC) from entering it to leaving it, all stays added up,
            until today for the open deals; one sample per deal that entered the stage.
            """

        // MARK: 4–5. Sources and owners

        public static let colSource = "SOURCE"
        public static let colOwner = "OWNER"
        public static let colOpenDeals = "OPEN DEALS"
        public static let colOpenValue = "OPEN VALUE"
        public static let colWonValue = "WON VALUE"
        public static let colWinRate = "WIN RATE"
        public static let colOverdue = "OVERDUE"
        public static let sourcesExplained =
            "Win rate = won / (won + lost). Open value and weighted value count open deals only."
        public static let winRateBars = "The (WIN RATE) bars draw the win rate: a full bar is 100%."
        public static let ownersExplained = """
            Weighted = Σ value × probability of the owner's open deals. Win rate = won / (won + lost).
            Overdue: open deals whose next action was due before today.
            """

        // MARK: 6. Lost reasons

        public static let colReason = "REASON"
        public static let colShare = "SHARE"
        public static let lostExplained =
            "Share = deals lost for the reason / all lost deals. Value: the lost deals' values."

        // MARK: 7. Customer follow-up

        public static let colCategory = "ANSWER"
        public static let colAnswers = "CUSTOMERS"
        public static let colScore = "SCORE"
        public static let colID = "ID"
        public static let colTitle = "TITLE"
        public static let colCompany = "COMPANY"
        public static func category(_ c: NPSReport.Category) -> String {
            switch c {
            case .promoter: return "Promoters (9–10)"
            case .passive: return "Passives (7–8)"
            case .detractor: return "Detractors (0–6)"
            }
        }
        public static let question = "How likely are you to recommend us? (0–10)"
        public static func answered(_ n: NPSReport) -> String {
            "\"\(question)\": answers from \(n.answers) of the \(n.wonDeals) won deals."
        }
        public static func npsLine(_ n: NPSReport) -> String {
            guard let s = n.score else { return "NPS: no answers yet." }
            return "NPS = \(percent(n.rows[0].share)) promoters − \(percent(n.rows[2].share)) detractors = \(s)"
        }
        public static let promotersTitle = "Promoters — candidates for referrals and further sales"
        public static let noPromoters = "No promoters yet."
        public static let unansweredTitle = "No answer yet — customers to ask"
        public static let npsExplained = "Record an answer with: pipedeck nps ID SCORE (0–10)."

        // MARK: Command line

        public static let reportAbstract =
            "Print a report: forecast, funnel, velocity, sources, owners, lost, nps or activities."
        public static let reportDiscussion = """
            forecast  open deals by expected-close month (weighted and not), won per past month
            funnel    deals that reached each stage, conversion to the next, the bottleneck, win rate
            velocity  days spent in each stage, sales cycle of won deals, stale deals
            sources   per lead source: deals, open, weighted and won value, win rate
            owners    per owner: open deals, weighted pipeline, won value, win rate, overdue next actions
            lost      lost deals per reason: count, share, value
            nps       the customers' recommendation scores (0-10) on won deals, NPS, promoters
            activities  calls, meetings, emails, tasks done per week and owner; deals with nothing planned
            Every formula is explained in docs/reports.md.
            """
        public static let helpReport =
            "Which report: forecast, funnel, velocity, sources, owners, lost, nps or activities."
        public static let helpCSV = "Write CSV (comma-separated, plain amounts) instead of text."
        public static let helpMonths = "Forecast only: how many months ahead and back, 1 to 24 (default 6)."
        public static let helpOwner = "Only the deals of this owner (any case)."
        public static func badReport(_ got: String) -> String {
            "REPORT: expected one of: \(ReportKind.allCases.map(\.rawValue).joined(separator: ", ")) (got \"\(got)\")"
        }
        public static func badMonths(_ got: String) -> String {
            "--months: expected a whole number from 1 to 24 (got \"\(got)\")"
        }
        public static let monthsOnlyForecast = "--months only applies to the forecast report"
        public static let jsonAndCSV = "--json and --csv cannot be used together"
        public static func unknownOwner(_ owner: String, _ owners: [String]) -> String {
            "--owner: no deal has the owner \"\(owner)\"; "
                + (owners.isEmpty ? "no deal has an owner" : "the owners are: " + owners.joined(separator: ", "))
        }

        public static let npsAbstract =
            "Record a won deal's customer answer (0–10) to \"how likely are you to recommend us?\"."
        public static let npsDiscussion = """
            Without SCORE, prints the answer recorded. 9-10 is a promoter, 7-8 a passive, 0-6 a detractor; \
            `pipedeck report nps` shows the NPS and the promoters.
            """
        public static let helpScore = "The customer's answer, a whole number from 0 to 10."
        public static let helpClear = "Remove the recorded answer."
        public static func badScore(_ got: String) -> String {
            "SCORE: expected a whole number from 0 to 10 (got \"\(got)\")"
        }
        public static let scoreAndClear = "give either a SCORE or --clear, not both"
        public static func notWon(_ deal: String, _ status: String) -> String {
            "\(deal) is \(status); the follow-up answer is recorded on won deals (mark it won first)"
        }
        public static func scoreRecorded(_ deal: String, _ score: Int) -> String {
            "Recorded \(score)/10 for \(deal) (\(categoryName(NPSReport.Category(score: score))))."
        }
        public static func scoreUnchanged(_ deal: String, _ score: Int) -> String {
            "Nothing changed: \(deal) already has \(score)/10."
        }
        public static func scoreShown(_ deal: String, _ score: Int) -> String {
            "\(deal): \(score)/10 (\(categoryName(NPSReport.Category(score: score))))."
        }
        public static func noScore(_ deal: String) -> String { "\(deal): no answer recorded." }
        public static func scoreCleared(_ deal: String) -> String { "Removed the answer of \(deal)." }
        public static func nothingToClear(_ deal: String) -> String {
            "Nothing changed: \(deal) has no answer recorded."
        }
        public static func categoryName(_ c: NPSReport.Category) -> String {
            switch c {
            case .promoter: return "promoter";
            case .passive: return "passive";
            case .detractor: return "detractor"
            }
        }
    }
}
