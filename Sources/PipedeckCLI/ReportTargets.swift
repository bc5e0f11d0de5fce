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

    /// Lines after the forecast's CSV: `target` rows (won and weighted in the board's currency,
    /// converted where rates allow, then the target and the gap).
    func csv(_ t: TargetForecast) -> String {
        var lines = [
            CSV.line([
                "kind", "period", "when", "won_count", "won_\(primary)", "won_approximate", "open_count",
                "weighted_\(primary)", "weighted_approximate", "target_\(primary)", "gap_\(primary)",
            ])
        ]
        for r in t.rows {
            lines.append(
                CSV.line([
                    "target", r.period.description, ReportOutput.when(r.when), String(r.wonCount),
                    r.won.value.canonical,
                    r.won.isApproximate ? "1" : "0", String(r.openCount), r.weighted.value.canonical,
                    r.weighted.isApproximate ? "1" : "0", r.target?.canonical ?? "", r.gap?.canonical ?? "",
                ]))
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
