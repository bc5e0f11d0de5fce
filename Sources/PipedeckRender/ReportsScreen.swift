import PipedeckCore
import PipedeckUI

/// The reports screen: one tab per report, the same text as `pipedeck report`, following the
/// board's filter, with the bars and headings styled.
extension BoardRenderer {
    mutating func drawReports(tab: Int, scroll: Int) {
        let kinds = ReportKind.allCases
        let kind = kinds[min(max(0, tab), kinds.count - 1)]
        let r = box(
            width: min(layout.width, 120), height: layout.height, title: RenderText.reportsTitle,
            footer: Screen.reports.hintLine)
        // Tab bar.
        var x = r.x
        for (i, k) in kinds.enumerated() {
            let label = " \(i + 1) " + Strings.Reports.title(k) + " "
            let w = TextWidth.width(label)
            if x + w > r.x + r.w { break }
            text(label, x, r.y, k == kind ? .formFieldFocused : .formLabel)
            x += w + 1
        }
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
        let lines = report.render(kind, deals: deals, months: ForecastReport.defaultMonths).split(
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

    /// A table's heading row: capital letters, digits and spaces only.
    static func isTableHeader(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.count > 3
            && t.unicodeScalars.allSatisfy {
                ($0.value >= 65 && $0.value <= 90) || $0 == " " || $0 == "%" || $0 == "(" || $0 == ")"
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

    mutating func drawNPSPrompt(_ editor: LineEditor, error: String?) {
        let r = box(width: 56, height: 5, title: RenderText.npsTitle, footer: Screen.npsPrompt.hintLine)
        grid.fill(x: r.x, y: r.y + 1, width: 6, height: 1, role: .formFieldFocused)
        text(editor.text, r.x, r.y + 1, .formFieldFocused, max: 6)
        cursor = (r.x + min(5, TextWidth.width(editor.text)), r.y + 1)
        if let e = error { text(g.overdue + " " + e, r.x + 8, r.y + 1, .error, max: r.w - 8) }
    }
}
