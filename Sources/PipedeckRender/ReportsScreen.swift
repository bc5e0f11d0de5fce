import PipedeckCore
import PipedeckUI

/// The reports screen: one tab per report, the same text as `pipedeck report`, following the
/// board's filter, with the bars and headings styled.
extension BoardRenderer {
    mutating func drawReports(tab: Int, scroll: Int) {
        let kinds = ReportKind.allCases
        let kind = kinds[min(max(0, tab), kinds.count - 1)]
        let r = box(
            width: min(layout.width, 140), height: layout.height, title: RenderText.reportsTitle,
            hints: Screen.reports.hints)
        drawTabs(kinds, chosen: kind, x: r.x, y: r.y, width: r.w)
        var top = r.y + 1
        if state.filter.isActive {
            text(RenderText.reportsFiltered(state.filter.summary), r.x, top, .match, max: r.w)
            top += 1
        }
        let deals =
            state.filter.isActive
            ? state.board.deals.filter { state.filter.matches($0, board: state.board, today: state.today) }
            : state.board.deals
        var report = ReportText(
            board: state.board, today: state.today, owner: state.filter.owner, unicode: g == .unicode,
            locale: options.locale)
        report.periodKind = state.periodKind
        report.zone = state.zone
        let lines = report.render(kind, deals: deals, months: ForecastReport.defaultMonths, width: r.w).split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        let height = max(0, r.y + r.h - top - 1)
        let first = min(scroll, max(0, lines.count - height))
        for (n, line) in lines.dropFirst(first).prefix(height).enumerated() {
            let y = top + 1 + n
            let role: StyleRole = first + n == 0 ? .helpTitle : BoardRenderer.isTableHeader(line) ? .formLabel : .help
            text(line, r.x, y, role, max: r.w)
            restyleReportLine(y: y, from: r.x, width: r.w)
        }
        if first > 0 { text(g.moreAbove, r.x + r.w + 1, top + 1, .scrollMarker) }
        if first + height < lines.count { text(g.moreBelow, r.x + r.w + 1, r.y + r.h - 1, .scrollMarker) }
    }

    /// The tab bar: every report's number and name; where they do not fit, shorter names, then
    /// numbers alone but for the report shown.
    mutating func drawTabs(_ kinds: [ReportKind], chosen: ReportKind, x: Int, y: Int, width: Int) {
        let R = Strings.Reports.self
        let styles: [(ReportKind) -> String] = [
            { " \(kinds.firstIndex(of: $0)! + 1) " + R.title($0) + " " },
            { " \(kinds.firstIndex(of: $0)! + 1) " + R.shortTitle($0) + " " },
            { k in " \(kinds.firstIndex(of: k)! + 1) " + (k == chosen ? R.shortTitle(k) + " " : "") },
            { k in " \(kinds.firstIndex(of: k)! + 1)" + (k == chosen ? " " : "") },
        ]
        var labels = kinds.map(styles.last!)
        for style in styles {
            let l = kinds.map(style)
            if l.map(TextWidth.width).reduce(0, +) <= width { labels = l; break }
        }
        var cx = x
        for (k, label) in zip(kinds, labels) {
            cx = text(label, cx, y, k == chosen ? .formFieldFocused : .formLabel, max: x + width - cx)
        }
    }

    /// A table's heading row: capital letters, digits and spaces only.
    static func isTableHeader(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.count > 3
            && t.unicodeScalars.allSatisfy {
                ($0.value >= 65 && $0.value <= 90) || $0 == " " || $0 == "%" || $0 == "(" || $0 == ")"
                    || $0 == "–"
            }
    }

    /// Bars in the weighted-money colour; the bottleneck mark in the overdue colour.
    mutating func restyleReportLine(y: Int, from x0: Int, width: Int) {
        let bars: Set<String> = ["█", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var x = x0
        while x < x0 + width {
            let cell = grid[x, y]
            if bars.contains(cell.text) { grid.setRole(x: x, y: y, width: 1, role: .weightedMoney) }
            if cell.text == "◀" || (cell.text == "<" && grid[x + 2, y].text == "b") {
                grid.setRole(x: x, y: y, width: min(14, x0 + width - x), role: .overdue)
                break
            }
            x += 1
        }
    }
}
