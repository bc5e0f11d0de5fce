import Foundation
import PipedeckCore
import PipedeckRender

/// The forecast against targets in `report forecast --json` and `--csv`.
extension ReportOutput {
    /// The forecast's JSON with the forecast against targets added as `targets`.
    func withTargets(_ report: JSONOut, _ t: TargetForecast) -> JSONOut {
        guard case .object(var members) = report else { return report }
        let rows: [JSONOut] = t.rows.map { r in
            .object([
                ("period", .string(r.period.description)), ("when", .string(ReportOutput.when(r.when))),
                ("wonCount", .int(r.wonCount)), ("won", TargetOutput.json(r.won, board: board)),
                ("openCount", .int(r.openCount)), ("weighted", TargetOutput.json(r.weighted, board: board)),
                ("target", r.target.map { .money($0) } ?? .null),
                ("targetFromMonths", .bool(r.targetSource == .sumOfMonths)),
                ("gap", r.gap.map { .money($0) } ?? .null),
            ])
        }
        members.append(
            (
                "targets",
                .object([
                    ("period", .string(t.kind.rawValue)), ("owner", .text(t.owner)), ("rows", .array(rows)),
                    ("passedCount", .int(t.passedCount)), ("passed", TargetOutput.json(t.passed, board: board)),
                    ("rates", TargetOutput.rates(board)),
                ])
            ))
        return .object(members)
    }

    static func when(_ w: TargetForecast.When) -> String {
        switch w {
        case .past: return "past"
        case .current: return "current"
        case .future: return "future"
        }
    }
}

extension ReportOutput {
    // MARK: 1. Forecast

    static func bucketKey(_ b: ForecastReport.Bucket) -> String {
        switch b {
        case .passed: return "passed"
        case .month(let m): return m.description
        case .later: return "later"
        case .noDate: return "none"
        }
    }

    func json(_ r: ForecastReport) -> JSONOut {
        func figures(_ f: Figures) -> [(String, JSONOut)] {
            [("count", .int(f.count)), ("value", amounts(f.total)), ("weighted", amounts(f.weighted))]
        }
        let open: [JSONOut] = r.rows.map { row in
            .object(
                [("bucket", .string(ReportOutput.bucketKey(row.bucket))), ("label", .string(R.bucket(row.bucket)))]
                    + figures(row.figures))
        }
        let won: [JSONOut] = r.won.map {
            .object([
                ("month", .string($0.month.description)), ("count", .int($0.count)),
                ("value", amounts($0.value)),
            ])
        }
        return .object(
            header(.forecast) + [
                ("months", .int(r.months)),
                ("open", .array(open)),
                ("openTotal", .object(figures(r.open))),
                ("won", .array(won)),
                ("wonTotal", .object([("count", .int(r.wonTotal.count)), ("value", amounts(r.wonTotal.value))])),
            ])
    }

    /// One table: the `open` and `won` lines, then a `target` line per period of the forecast
    /// against targets, whose board-currency columns hold the won and weighted values converted
    /// at the board's rates (the currencies without a rate in their own columns); the last two
    /// columns, the target and the gap, are empty on the other lines.
    func csv(_ r: ForecastReport, _ t: TargetForecast) -> String {
        let cur = currencies(
            r.rows.flatMap { [$0.figures.total, $0.figures.weighted] } + r.won.map(\.value)
                + t.rows.flatMap { [$0.won.apart, $0.weighted.apart] })
        var lines = [
            CSV.line(
                ["kind", "period", "deals"] + cur.map { "value_\($0)" } + cur.map { "weighted_\($0)" }
                    + ["target_\(primary)", "gap_\(primary)"])
        ]
        for row in r.rows {
            lines.append(
                CSV.line(
                    ["open", ReportOutput.bucketKey(row.bucket), String(row.figures.count)]
                        + cur.map { row.figures.total[$0].canonical } + cur.map { row.figures.weighted[$0].canonical }
                        + ["", ""]))
        }
        for row in r.won {
            lines.append(
                CSV.line(
                    ["won", row.month.description, String(row.count)]
                        + cur.map { row.value[$0].canonical } + cur.map { _ in "" } + ["", ""]))
        }
        func cells(_ c: Converted) -> [String] {
            cur.map { $0 == primary ? c.value.canonical : c.apart[$0].canonical }
        }
        for row in t.rows {
            lines.append(
                CSV.line(
                    ["target", row.period.description, String(row.wonCount + row.openCount)] + cells(row.won)
                        + cells(row.weighted) + [row.target?.canonical ?? "", row.gap?.canonical ?? ""]))
        }
        return lines.joined(separator: "\n")
    }
}

/// The length of the periods targets are followed by: `--period`, else `period = …` in the
/// settings file (~/.config/pipedeck/config), else months.
enum PeriodSetting {
    static let key = "period"

    static func kind(option: String?, kind: ReportKind? = nil) throws -> PeriodKind {
        if let option {
            if let kind, kind != .forecast { throw CLIFailure(Strings.Targets.periodOnlyForecast) }
            guard let k = PeriodKind(rawValue: option.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw CLIFailure(Strings.CLI.badChoice("--period", option, PeriodKind.allCases.map(\.rawValue)))
            }
            return k
        }
        return configured(CLIEnvironment.variables)
    }

    /// The settings file's choice; months when it says nothing or something else.
    static func configured(_ environment: [String: String]) -> PeriodKind {
        let places = ThemePlaces(environment: environment)
        guard let text = ThemeConfig.read(places) else { return .month }
        for line in text.split(whereSeparator: \.isNewline) {
            if let (k, v) = ThemeConfig.setting(line), k == key, let kind = PeriodKind(rawValue: v.lowercased()) {
                return kind
            }
        }
        return .month
    }
}
