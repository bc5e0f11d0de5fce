import PipedeckCore
import PipedeckUI

/// The footer's figures row: the open deals, their value and weighted value (converted at the
/// board's rates, marked ≈, when it has some), then the current period against its target
/// ("Dec · won €48,600 of €80,000 ▰▰▰▱▱ 61 % · weighted closing this month €32,100"), then the
/// currencies without a rate. Narrower rows drop words, then parts, never cut an amount.
struct FooterFigures {
    /// From the most detailed to the shortest.
    enum Detail: CaseIterable {
        case full, shortClosing, compact, compactShortClosing, noLabels, narrow, noClosing, tiny

        var labels: Bool { [.full, .shortClosing, .compact, .compactShortClosing].contains(self) }
        /// Exact amounts are kept longest: the closing words go first.
        var compactAmounts: Bool { self != .full && self != .shortClosing }
        var longClosing: Bool { self == .full || self == .compact }
        var closing: Bool { self != .noClosing && self != .tiny }
        var others: Bool { labels || self == .noLabels }
    }

    let summary: PipelineSummary
    let progress: PeriodProgress
    let board: Board
    let g: Glyphs
    let formatters: [String: MoneyFormatter]

    init(renderer r: BoardRenderer) {
        summary = r.state.summary
        progress = r.state.progress
        board = r.state.board
        g = r.g
        var f: [String: MoneyFormatter] = [board.currency: r.formatter(board.currency)]
        for c in [summary.open.total, progress.won.apart, progress.closing.apart].flatMap({ $0.byCurrency.keys })
        where f[c] == nil {
            f[c] = r.formatter(c)
        }
        formatters = f
    }

    func amount(_ m: Money, _ currency: String, compact: Bool) -> String {
        let f = formatters[currency] ?? formatters[board.currency]!
        return compact ? f.compact(m) : f.string(m)
    }

    /// A converted total: "≈€523,000" when a rate was used.
    func amount(_ c: Converted, compact: Bool) -> String {
        (c.isApproximate ? g.approx : "") + amount(c.value, board.currency, compact: compact)
    }

    func pieces(_ d: Detail) -> [(String, StyleRole)] {
        let s = summary
        let value = board.converted(s.open.total), weighted = board.converted(s.open.weighted)
        let c = d.compactAmounts
        var p: [(String, StyleRole)] = []
        p.append((" " + (d.labels ? Strings.footerOpen + " " : ""), .footer))
        p.append((Strings.deals(s.open.count), .footerFigure))
        if d != .tiny {
            p.append(("  " + (d.labels ? Strings.footerValue + " " : ""), .footer))
            p.append((amount(value, compact: c), .money))
        }
        p.append(("  " + (d.labels ? Strings.footerWeighted + " " : (weighted.isApproximate ? "" : g.approx)), .footer))
        p.append((amount(weighted, compact: c), .weightedMoney))
        p += period(d)
        if d.others {
            for o in value.apart.currencies(primary: board.currency) where o != board.currency {
                p.append(("  " + o + " ", .footer))
                p.append((amount(value.apart[o], o, compact: true), .money))
                p.append((" " + g.approx, .footer))
                p.append((amount(s.open.weighted[o], o, compact: true), .weightedMoney))
            }
        }
        return p
    }

    /// "  Dec · won €48,600 of €80,000 ▰▰▰▱▱ 61 % · weighted closing this month €32,100".
    func period(_ d: Detail) -> [(String, StyleRole)] {
        let pr = progress, c = d.compactAmounts
        var p: [(String, StyleRole)] = [("  " + Strings.periodShort(pr.period) + " " + g.dot + " ", .footer)]
        if d != .tiny { p.append((Strings.footerWonInPeriod + " ", .footer)) }
        p.append((amount(pr.won, compact: c), .won))
        for o in pr.won.apart.currencies(primary: board.currency) where o != board.currency {
            p.append((" + " + amount(pr.won.apart[o], o, compact: true), .won))
        }
        if let t = pr.target, let percent = pr.percent ?? (t.isZero ? 100 : nil) {
            // The narrowest footer keeps the percentage and leaves the target's amount to the
            // targets screen (`T`): "Dec · €20.2k 16 %".
            if d != .tiny {
                p.append((" " + Strings.footerOf + " ", .footer))
                p.append((amount(t, board.currency, compact: c), .money))
                let filled = min(5, percent / 20)
                let on = g == .unicode ? "▰" : "#", off = g == .unicode ? "▱" : "-"
                p.append((" " + String(repeating: on, count: filled), .won))
                p.append((String(repeating: off, count: 5 - filled), .footer))
            }
            p.append((" \(percent) %", .footerFigure))
        }
        if d.closing {
            let label = d.longClosing ? Strings.footerClosing(pr.period.kind) : Strings.footerClosingShort
            p.append((" " + g.dot + " " + label + " ", .footer))
            p.append((amount(pr.closing, compact: c), .weightedMoney))
        }
        return p
    }
}
