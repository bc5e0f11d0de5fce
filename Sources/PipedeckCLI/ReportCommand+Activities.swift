import PipedeckCore

/// The activities report as JSON and CSV, and its `--weeks` option.
extension ReportOutput {
    /// `--weeks`: only for the activities report, 1 to 52 (default 8).
    static func weeks(_ raw: String?, kind: ReportKind) throws -> Int {
        guard let raw else { return ActivitiesReport.defaultWeeks }
        guard kind == .activities else { throw CLIFailure(Strings.Reports.weeksOnlyActivities) }
        guard let n = Int(raw.trimmingCharacters(in: .whitespaces)), ActivitiesReport.weekRange.contains(n) else {
            throw CLIFailure(Strings.Reports.badWeeks(raw))
        }
        return n
    }

    func json(_ r: ActivitiesReport) -> JSONOut {
        func counts(_ row: ActivitiesReport.Row) -> [(String, JSONOut)] {
            ActivityType.allCases.map { ($0.rawValue, .int(row.count($0))) } + [("total", .int(row.total))]
        }
        let done: [JSONOut] = r.rows.map {
            .object([("week", .string($0.week.description)), ("owner", .text($0.owner))] + counts($0))
        }
        let stages: [JSONOut] = r.stages.map { s in
            let idle: [JSONOut] = s.idle.map {
                .object([
                    ("id", .string($0.id)), ("title", .string($0.title)), ("company", .text($0.company)),
                    ("owner", .text($0.owner)), ("lastDone", .text($0.lastDone?.description)),
                ])
            }
            return .object([
                ("stage", .string(s.stage.id)), ("name", .string(s.stage.name)), ("open", .int(s.open)),
                ("nothingPlanned", .int(s.idle.count)), ("share", rate(s.share)), ("deals", .array(idle)),
            ])
        }
        return .object(
            header(.activities) + [
                ("weeks", .int(r.weeks)), ("from", .string(r.mondays.first?.description ?? "")),
                ("done", .array(done)), ("doneTotal", .object(counts(r.totals))), ("undated", .int(r.undated)),
                ("stages", .array(stages)), ("openDeals", .int(r.openDeals)), ("nothingPlanned", .int(r.idleDeals)),
            ])
    }

    /// One table: `kind` says what a line is — `done` (a week and owner), `stage` (a stage's open
    /// deals and those with nothing planned) or `idle` (one of those deals).
    func csv(_ r: ActivitiesReport) -> String {
        let types = ActivityType.allCases
        var lines = [
            CSV.line(
                ["kind", "week", "owner", "stage", "open", "nothing_planned"] + types.map(\.rawValue)
                    + ["total", "deal", "title", "last_done"])
        ]
        let noTypes = [String](repeating: "", count: types.count + 1)
        for row in r.rows {
            lines.append(
                CSV.line(
                    ["done", row.week.description, row.owner ?? "", "", "", ""] + row.counts.map(String.init)
                        + [String(row.total), "", "", ""]))
        }
        for s in r.stages {
            lines.append(
                CSV.line(["stage", "", "", s.stage.id, String(s.open), String(s.idle.count)] + noTypes + ["", "", ""]))
            for d in s.idle {
                lines.append(
                    CSV.line(
                        ["idle", "", d.owner ?? "", s.stage.id, "", ""] + noTypes
                            + [d.id, d.title, d.lastDone?.description ?? ""]))
            }
        }
        return lines.joined(separator: "\n")
    }
}
