import PipedeckCore

/// The activities report as text.
extension ReportText {
    func text(_ r: ActivitiesReport) -> String {
        let types = ActivityType.allCases
        var done = TextTable(
            [.init(title: R.colWeekOf), .init(title: R.colOwner, maxWidth: 24, minWidth: 8)]
                + types.enumerated().map { .init(title: R.colType($1), align: .right, drop: 5 - $0) } + [
                    .init(title: R.colTotal, align: .right), barColumn(R.colTotal),
                ])
        let maxTotal = r.rows.map(\.total).max() ?? 0
        var lastWeek: Day? = nil
        for row in r.rows {
            done.add(
                [row.week == lastWeek ? "" : row.week.description, row.owner ?? R.none] + row.counts.map(String.init)
                    + [String(row.total), bar(row.total, max: maxTotal)])
            lastWeek = row.week
        }
        done.add([R.total, ""] + r.totals.counts.map(String.init) + [String(r.totals.total), ""])
        var doneBlock = R.doneTitle(r.weeks) + "\n" + (r.rows.isEmpty ? R.nothingDone : rendered(done))
        if r.undated > 0 { doneBlock += "\n" + R.undatedDone(r.undated) }

        var idle = TextTable([
            .init(title: R.colStage, maxWidth: 28, minWidth: 10), .init(title: R.colOpenDeals, align: .right, drop: 1),
            .init(title: R.colNothingPlanned, align: .right), .init(title: R.colShare, align: .right, drop: 2),
            barColumn(R.colNothingPlanned),
        ])
        let maxIdle = r.stages.map(\.idle.count).max() ?? 0
        for s in r.stages {
            idle.add([
                s.stage.name, String(s.open), String(s.idle.count), R.percent(s.share), bar(s.idle.count, max: maxIdle),
            ])
        }
        var deals = TextTable([
            .init(title: R.colStage, maxWidth: 24, drop: 3), .init(title: R.colTitle, maxWidth: 34, minWidth: 10),
            .init(title: R.colCompany, maxWidth: 24, drop: 1), .init(title: R.colOwner, maxWidth: 18, drop: 2),
            .init(title: R.colLastDone), .init(title: R.colID, drop: 4),
        ])
        for s in r.stages {
            for d in s.idle {
                deals.add([
                    s.stage.name, d.title, d.company ?? "", d.owner ?? "", d.lastDone?.description ?? R.neverDone, d.id,
                ])
            }
        }
        var idleBlock = R.idleTitle + "\n" + rendered(idle) + "\n\n" + R.idleLine(r.idleDeals, r.openDeals)
        if r.idleDeals > 0 { idleBlock += "\n" + rendered(deals) }
        return ReportText.joinBlocks([heading(.activities), doneBlock, idleBlock, R.activitiesExplained])
    }
}
