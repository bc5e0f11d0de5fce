import PipedeckCore

// Targets as text: the list of targets (`pipedeck targets list`) and the forecast against
// targets (`pipedeck report forecast` and the reports screen's forecast tab).

extension AmountText {
    /// One amount in the board's currency.
    public static func one(_ m: Money, _ board: Board) -> String {
        var t = AmountText(board: board, locale: nil)
        return t.string(m, board.currency)
    }

    /// A converted total: "≈€18,400" when other currencies were converted in, then the
    /// currencies without a rate: "€12,000 + ¥500,000".
    public mutating func string(_ c: Converted, board: Board, approx: String = "≈") -> String {
        let main = (c.isApproximate ? approx : "") + string(c.value, board.currency)
        let apart = c.apart.currencies(primary: board.currency).filter { $0 != board.currency }
        return ([main] + apart.map { string(c.apart[$0], $0) }).joined(separator: " + ")
    }
}

public enum TargetText {
    /// The targets with what was won against each, one row per target.
    public static func table(_ rows: [(SalesTarget, PeriodProgress)], board: Board, locale: String?) -> String {
        let T = Strings.Targets.self
        var fmt = AmountText(board: board, locale: locale)
        var table = TextTable([
            .init(title: T.colPeriod), .init(title: T.colOwner, maxWidth: 24),
            .init(title: T.colTarget, align: .right), .init(title: T.colWon, align: .right),
            .init(title: T.colPercent, align: .right), .init(title: T.colClosing, align: .right),
            .init(title: T.colStillToWin, align: .right),
        ])
        var approx = false
        for (t, p) in rows {
            approx = approx || p.won.isApproximate || p.closing.isApproximate
            table.add([
                t.period.description, T.who(t.owner), fmt.string(t.amount, board.currency),
                fmt.string(p.won, board: board), p.percent.map { "\($0) %" } ?? T.noTarget,
                fmt.string(p.closing, board: board), p.remaining.map { fmt.string($0, board.currency) } ?? "",
            ])
        }
        return table.rendered() + (approx ? "\n\n" + T.approxNote : "")
    }

    /// The forecast against targets: a table per period and a chart with the target marked.
    public static func forecast(
        _ f: TargetForecast, board: Board, locale: String?, unicode: Bool, width: Int?
    ) -> String {
        let T = Strings.Targets.self
        var fmt = AmountText(board: board, locale: locale)
        var table = TextTable([
            .init(title: T.colPeriod), .init(title: T.colWon, align: .right),
            .init(title: T.colWeighted, align: .right, drop: 2), .init(title: T.colTarget, align: .right),
            .init(title: T.colGap, align: .right, drop: 3), .init(title: "", drop: 1),
        ])
        let scale = f.rows.map { max($0.expected, $0.target ?? .zero) }.max() ?? .zero
        var approx = false
        for r in f.rows {
            approx = approx || r.won.isApproximate || r.weighted.isApproximate
            let label = r.period.description + (r.when == .current ? " ◂" : "")
            let target = r.target.map { fmt.string($0, board.currency) + (r.targetSource == .sumOfMonths ? "Σ" : "") }
            var gap = T.noTarget
            if let g = r.gap {
                gap = g.micros <= 0 ? (r.when == .past ? T.met : T.covered) : fmt.string(g, board.currency)
            }
            table.add([
                unicode ? label : label.replacingOccurrences(of: "◂", with: "<"),
                r.when == .future ? "" : fmt.string(r.won, board: board),
                r.when == .past ? "" : fmt.string(r.weighted, board: board),
                target ?? T.noTarget, gap, chart(r, scale: scale, unicode: unicode),
            ])
        }
        var notes = [T.forecastExplained]
        if f.passedCount > 0 { notes.append(T.passedNote(f.passedCount, fmt.string(f.passed, board: board))) }
        if approx { notes.append(T.approxNote) }
        return T.forecastTitle(f.kind, f.owner) + "\n" + table.rendered(width: width) + "\n"
            + notes.joined(separator: "\n")
    }

    public static let chartWidth = 24

    /// "████▒▒▒   │": won, then weighted, on a scale where the largest figure fills the width,
    /// with the target's place marked.
    static func chart(_ r: TargetForecast.Row, scale: Money, unicode: Bool) -> String {
        let w = chartWidth
        guard scale.micros > 0 else { return "" }
        func cells(_ m: Money) -> Int { Int(min(Int128(w), (m.micros * Int128(w) + scale.micros / 2) / scale.micros)) }
        let won = cells(r.won.value)
        let both = min(w, cells(r.expected))
        var line = Array(repeating: " ", count: w + 1)
        for i in 0..<won { line[i] = unicode ? "█" : "#" }
        for i in won..<max(won, both) { line[i] = unicode ? "▒" : "=" }
        if let t = r.target {
            let k = min(w, cells(t))
            line[k] = unicode ? "│" : "|"
        }
        var s = line.joined()
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}

extension ReportText {
    /// The forecast against targets that goes with the forecast of `months` months: as many
    /// months, or the quarters that cover them.
    public func targetForecast(deals: [Deal], months: Int) -> TargetForecast {
        TargetForecast(
            board: board, deals: deals, today: today, kind: periodKind,
            count: periodKind == .month ? months : max(1, (months + 2) / 3), owner: owner, zone: zone)
    }
}
