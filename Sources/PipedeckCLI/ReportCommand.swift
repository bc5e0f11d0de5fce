import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage

/// `pipedeck report KIND [--json|--csv] [--months N] [--owner O]`: the reports of the reports
/// screen, computed by the same core types, as text (tables with bars), JSON or CSV.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: Strings.Reports.reportAbstract, discussion: Strings.Reports.reportDiscussion)

    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.Reports.helpReport, valueName: "report"))
    var report: String
    @Flag(name: .customLong("json"), help: ArgumentHelp(Strings.CLI.helpJSON))
    var json = false
    @Flag(name: .customLong("csv"), help: ArgumentHelp(Strings.Reports.helpCSV))
    var csv = false
    @Option(
        name: .customLong("months"), parsing: .unconditional,
        help: ArgumentHelp(Strings.Reports.helpMonths, valueName: "n"))
    var months: String?
    @Option(name: .customLong("owner"), help: ArgumentHelp(Strings.Reports.helpOwner, valueName: "name"))
    var owner: String?
    @Option(name: .customLong("weeks"), help: ArgumentHelp(Strings.Reports.helpWeeks, valueName: "n")) var weeks:
        String?
    @Option(name: .customLong("period"), help: ArgumentHelp(Strings.Targets.helpPeriodKind, valueName: "month|quarter"))
    var period: String?

    func run() throws {
        let R = Strings.Reports.self
        guard let kind = ReportKind(rawValue: report.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw CLIFailure(R.badReport(report))
        }
        if json && csv { throw CLIFailure(R.jsonAndCSV) }
        var monthCount = ForecastReport.defaultMonths
        if let m = months {
            guard kind == .forecast else { throw CLIFailure(R.monthsOnlyForecast) }
            guard let n = Int(m.trimmingCharacters(in: .whitespaces)), ForecastReport.monthRange.contains(n) else {
                throw CLIFailure(R.badMonths(m))
            }
            monthCount = n
        }
        let weekCount = try ReportOutput.weeks(weeks, kind: kind)

        let board = try Store.load(file.path)
        var deals = board.deals
        var ownerLabel: String?
        if let o = owner { (deals, ownerLabel) = try OwnerFilter.deals(of: o, on: board) }

        let format: ReportOutput.Format = json ? .json : csv ? .csv : .text
        var out = ReportOutput(
            board: board, today: Day.today(), owner: ownerLabel,
            unicode: ReportOutput.isUTF8(CLIEnvironment.variables))
        out.periodKind = try PeriodSetting.kind(option: period, kind: kind)
        Console.out(out.render(kind, deals: deals, months: monthCount, weeks: weekCount, format: format))
    }
}

// MARK: - Output

/// Turns a report into text, JSON or CSV.
struct ReportOutput {
    enum Format { case text, json, csv }

    let board: Board
    let today: Day
    let owner: String?
    let unicode: Bool
    var fmt: AmountText
    /// The periods of the forecast against targets.
    var periodKind = PeriodKind.month
    static let barWidth = 20

    init(board: Board, today: Day, owner: String?, unicode: Bool) {
        self.board = board; self.today = today; self.owner = owner; self.unicode = unicode
        fmt = AmountText(board: board)
    }

    var primary: String { board.currency }
    let R = Strings.Reports.self

    /// Whether the environment's character set is UTF-8: LC_ALL, else LC_CTYPE, else LANG.
    static func isUTF8(_ env: [String: String]) -> Bool {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { env[$0] }.first { !$0.isEmpty } ?? ""
        let l = name.lowercased()
        return l.contains("utf-8") || l.contains("utf8")
    }

    /// The owners named on the board's deals, each once (any case), sorted.

    var textReport: ReportText {
        var t = ReportText(board: board, today: today, owner: owner, unicode: unicode, locale: fmt.locale)
        t.periodKind = periodKind
        return t
    }

    mutating func render(_ kind: ReportKind, deals: [Deal], months: Int, weeks: Int, format: Format) -> String {
        if format == .text {
            var t = textReport
            return t.render(kind, deals: deals, months: months, weeks: weeks)
        }
        switch kind {
        case .forecast:
            let r = ForecastReport(board: board, deals: deals, today: today, months: months)
            let t = textReport.targetForecast(deals: deals, months: months)
            switch format {
            case .text: return "";
            case .json: return withTargets(json(r), t).rendered();
            case .csv: return csv(r, t)
            }
        case .funnel:
            let r = FunnelReport(board: board, deals: deals)
            switch format {
            case .text: return "";
            case .json: return json(r).rendered();
            case .csv: return csv(r)
            }
        case .velocity:
            let r = VelocityReport(board: board, deals: deals, today: today)
            switch format {
            case .text: return "";
            case .json: return json(r).rendered();
            case .csv: return csv(r)
            }
        case .sources, .owners:
            let r = BreakdownReport(kind == .sources ? .source : .owner, board: board, deals: deals, today: today)
            switch format {
            case .text: return "";
            case .json: return json(r).rendered();
            case .csv: return csv(r)
            }
        case .lost:
            let r = LostReasonsReport(board: board, deals: deals)
            switch format {
            case .text: return "";
            case .json: return json(r).rendered();
            case .csv: return csv(r)
            }
        case .nps:
            let r = NPSReport(board: board, deals: deals)
            switch format {
            case .text: return "";
            case .json: return json(r).rendered();
            case .csv: return csv(r)
            }
        case .activities:
            let r = ActivitiesReport(board: board, deals: deals, today: today, weeks: weeks)
            return format == .json ? json(r).rendered() : csv(r)
        }
    }

    // MARK: Shared pieces

    func header(_ k: ReportKind) -> [(String, JSONOut)] {
        [
            ("report", .string(k.rawValue)), ("board", .string(board.name)), ("currency", .string(primary)),
            ("today", .string(today.description)), ("owner", .text(owner)),
        ]
    }

    func amounts(_ a: Amounts) -> JSONOut { SummaryOutput.amounts(a, primary: primary) }

    /// With rates, the members of a row's `converted` object (each `{value, approximate, apart}`);
    /// without, nothing, so the output stays as it was.
    func converted(_ members: [(String, Converted)]) -> [(String, JSONOut)] {
        guard board.hasRates else { return [] }
        return [("converted", .object(members.map { ($0.0, TargetOutput.json($0.1, board: board)) }))]
    }

    /// With rates, the board's rates beside the report's header.
    var ratesMember: [(String, JSONOut)] { board.hasRates ? [("rates", TargetOutput.rates(board))] : [] }

    /// With rates, the CSV column of a converted total in the board's currency.
    func convertedColumns(_ names: [String]) -> [String] {
        board.hasRates ? names.map { "\($0)_converted_\(primary)" } : []
    }
    func convertedCells(_ values: [Converted]) -> [String] { board.hasRates ? values.map(\.value.canonical) : [] }

    func rate(_ r: Ratio?) -> JSONOut { r?.percentText.map { .number($0) } ?? .null }

    func days(_ tenths: Int?) -> JSONOut { tenths.map { .number(DayStats.text(tenths: $0)) } ?? .null }

    func currencies(_ all: [Amounts]) -> [String] { textReport.currencies(all) }

    // MARK: 2. Funnel

    func json(_ r: FunnelReport) -> JSONOut {
        let stages: [JSONOut] = r.rows.map { row in
            .object([
                ("id", .string(row.stage.id)), ("name", .string(row.stage.name)),
                ("kind", .string(row.stage.kind.rawValue)),
                ("reached", .int(row.reached)), ("advanced", row.conversion == nil ? .null : .int(row.advanced)),
                ("conversion", rate(row.conversion)), ("openNow", .int(row.openNow)), ("lostHere", .int(row.lostHere)),
                ("bottleneck", .bool(row.isBottleneck)),
            ])
        }
        return .object(
            header(.funnel) + [
                ("stages", .array(stages)),
                ("bottleneck", r.bottleneck.map { .string(r.rows[$0].stage.id) } ?? .null),
                ("deals", .int(r.dealCount)), ("open", .int(r.open)), ("won", .int(r.won)), ("lost", .int(r.lost)),
                ("winRate", rate(r.winRate)), ("wonOfAll", rate(r.wonOfAll)),
            ])
    }

    func csv(_ r: FunnelReport) -> String {
        var lines = [
            CSV.line([
                "stage_id", "stage", "reached", "advanced", "conversion_percent", "open_now", "lost_here", "bottleneck",
            ])
        ]
        for row in r.rows {
            lines.append(
                CSV.line([
                    row.stage.id, row.stage.name, String(row.reached),
                    row.conversion == nil ? "" : String(row.advanced),
                    row.conversion?.percentText ?? "", String(row.openNow), String(row.lostHere),
                    row.isBottleneck ? "yes" : "",
                ]))
        }
        return lines.joined(separator: "\n")
    }

    // MARK: 3. Velocity

    func json(_ r: VelocityReport) -> JSONOut {
        let stages: [JSONOut] = r.rows.map { row in
            .object([
                ("id", .string(row.stage.id)), ("name", .string(row.stage.name)), ("deals", .int(row.days.count)),
                ("averageDays", days(row.days.averageTenths)), ("medianDays", days(row.days.medianTenths)),
                ("openNow", .int(row.openNow)), ("rotDays", .int(row.stage.rotDays)), ("stale", .int(row.stale)),
            ])
        }
        return .object(
            header(.velocity) + [
                ("stages", .array(stages)),
                (
                    "salesCycle",
                    .object([
                        ("deals", .int(r.salesCycle.count)), ("averageDays", days(r.salesCycle.averageTenths)),
                        ("medianDays", days(r.salesCycle.medianTenths)),
                    ])
                ),
                ("openNow", .int(r.openNow)), ("stale", .int(r.stale)),
            ])
    }

    func csv(_ r: VelocityReport) -> String {
        var lines = [CSV.line(["stage_id", "stage", "deals", "average_days", "median_days", "open_now", "stale"])]
        for row in r.rows {
            lines.append(
                CSV.line([
                    row.stage.id, row.stage.name, String(row.days.count),
                    row.days.averageTenths.map { DayStats.text(tenths: $0) } ?? "",
                    row.days.medianTenths.map { DayStats.text(tenths: $0) } ?? "",
                    String(row.openNow), String(row.stale),
                ]))
        }
        let c = r.salesCycle
        lines.append(
            CSV.line([
                "", tr("sales cycle (won deals)", "cycle de vente (affaires gagnées)"), String(c.count),
                c.averageTenths.map { DayStats.text(tenths: $0) } ?? "",
                c.medianTenths.map { DayStats.text(tenths: $0) } ?? "", "", "",
            ]))
        return lines.joined(separator: "\n")
    }

    // MARK: 4–5. Sources and owners

    func json(_ r: BreakdownReport) -> JSONOut {
        func fields(_ row: BreakdownReport.Row) -> [(String, JSONOut)] {
            [
                ("deals", .int(row.deals)), ("open", .int(row.open)), ("won", .int(row.won)), ("lost", .int(row.lost)),
                ("openValue", amounts(row.openValue)), ("weighted", amounts(row.weighted)),
                ("wonValue", amounts(row.wonValue)),
                ("winRate", rate(row.winRate)), ("overdueNextActions", .int(row.overdueNextActions)),
            ]
                + converted([
                    ("openValue", row.openConverted), ("weighted", row.weightedConverted),
                    ("wonValue", row.wonConverted),
                ])
        }
        let rows: [JSONOut] = r.rows.map { .object([("name", .text($0.name))] + fields($0)) }
        return .object(
            header(r.dimension == .source ? .sources : .owners) + ratesMember + [
                ("rows", .array(rows)), ("totals", .object(fields(r.totals))),
            ])
    }

    func csv(_ r: BreakdownReport) -> String {
        let cur = currencies(r.rows.flatMap { [$0.openValue, $0.weighted, $0.wonValue] })
        var lines = [
            CSV.line(
                [r.dimension.rawValue, "deals", "open", "won", "lost"] + cur.map { "open_value_\($0)" }
                    + cur.map { "weighted_\($0)" } + cur.map { "won_value_\($0)" }
                    + ["win_rate_percent", "overdue_next_actions"]
                    + convertedColumns(["open_value", "weighted", "won_value"]))
        ]
        for row in r.rows {
            lines.append(
                CSV.line(
                    [row.name ?? "", String(row.deals), String(row.open), String(row.won), String(row.lost)]
                        + cur.map { row.openValue[$0].canonical } + cur.map { row.weighted[$0].canonical }
                        + cur.map { row.wonValue[$0].canonical }
                        + [row.winRate.percentText ?? "", String(row.overdueNextActions)]
                        + convertedCells([row.openConverted, row.weightedConverted, row.wonConverted])))
        }
        return lines.joined(separator: "\n")
    }

    // MARK: 6. Lost reasons

    func json(_ r: LostReasonsReport) -> JSONOut {
        let rows: [JSONOut] = r.rows.map {
            .object(
                [
                    ("reason", .text($0.reason)), ("count", .int($0.count)), ("share", rate($0.share)),
                    ("value", amounts($0.value)),
                ] + converted([("value", $0.converted)]))
        }
        return .object(
            header(.lost) + ratesMember + [
                ("reasons", .array(rows)), ("count", .int(r.count)), ("value", amounts(r.value)),
            ] + converted([("value", r.converted)]))
    }

    func csv(_ r: LostReasonsReport) -> String {
        let cur = currencies(r.rows.map(\.value))
        var lines = [
            CSV.line(["reason", "deals", "share_percent"] + cur.map { "value_\($0)" } + convertedColumns(["value"]))
        ]
        for row in r.rows {
            lines.append(
                CSV.line(
                    [row.reason ?? "", String(row.count), row.share.percentText ?? ""]
                        + cur.map { row.value[$0].canonical } + convertedCells([row.converted])))
        }
        return lines.joined(separator: "\n")
    }

    // MARK: 7. Customer follow-up

    func json(_ r: NPSReport) -> JSONOut {
        func entry(_ e: NPSReport.Entry) -> JSONOut {
            .object([
                ("id", .string(e.id)), ("title", .string(e.title)), ("company", .text(e.company)),
                ("owner", .text(e.owner)),
                ("value", .money(e.value)), ("currency", .string(e.currency)),
                ("score", e.score.map(JSONOut.int) ?? .null),
            ])
        }
        return .object(
            header(.nps) + [
                ("wonDeals", .int(r.wonDeals)), ("answers", .int(r.answers)),
                ("promoters", .int(r.count(.promoter))), ("passives", .int(r.count(.passive))),
                ("detractors", .int(r.count(.detractor))),
                ("nps", r.score.map(JSONOut.int) ?? .null),
                ("promoterDeals", .array(r.promoters.map(entry))),
                ("unanswered", .array(r.unanswered.map(entry))),
            ])
    }

    /// One line per won deal: its answer and category (both empty when there is none).
    func csv(_ r: NPSReport) -> String {
        var lines = [CSV.line(["id", "title", "company", "owner", "score", "category"])]
        for e in r.entries {
            lines.append(
                CSV.line([
                    e.id, e.title, e.company ?? "", e.owner ?? "", e.score.map(String.init) ?? "",
                    e.score.map { NPSReport.Category(score: $0).rawValue } ?? "",
                ]))
        }
        return lines.joined(separator: "\n")
    }
}
