import PipedeckCore
import PipedeckUI

/// A column's two header rows. The parts have a priority, highest first, and a narrow column
/// drops the lowest whole, never a part of one:
///
/// 1. the deal count, the stale badge (◷n) and the stage's probability: always shown (the badge
///    and the probability on the first row, right of the name, which is shortened for them);
/// 2. the total value of the deals counted, in every currency among them ("€92.3k + $20k"):
///    shown whole or not at all, so a deal is never counted without its value;
/// 3. the weighted value (≈), likewise in every currency.
///
/// Amounts come in as variants, longest first ("€92.3k + $20k", "€92.3k+$20k"): a converted
/// total (issue 17: "≈€112k") is one more kind of variant, and the rest does not change.
struct ColumnHeader {
    var count: Int
    var stale: Int
    /// The total's variants, longest first; empty when the deals are worth nothing.
    var total: [String]
    /// The weighted value's variants, "≈" included; empty for a won stage.
    var weighted: [String]

    /// Row 1's right side: the stale badge, then the probability.
    func badge(_ g: Glyphs, probability: String) -> String {
        (stale > 0 ? g.stale + "\(stale) " : "") + probability
    }

    /// Row 2: the left pieces and the weighted value for the right edge (nil when dropped), the
    /// first arrangement that fits in `room` cells.
    func figures(room: Int, dot: String) -> (left: [(String, StyleRole)], right: String?) {
        let long = RenderText.columnCount(count), short = "\(count)"
        var candidates: [(String, String, String?, String?)] = []
        if let t0 = total.first {
            let t1 = total.last!
            if let w0 = weighted.first {
                let w1 = weighted.last!
                candidates += [
                    (long, "  ", t0, w0), (long, " ", t0, w0), (long, " ", t1, w1), (short + " " + dot, " ", t1, w1),
                ]
            }
            candidates += [(long, "  ", t0, nil), (long, " ", t1, nil), (short + " " + dot, " ", t1, nil)]
        } else if let w1 = weighted.last {
            candidates += [(long, "", nil, w1)]
        }
        candidates += [(long, "", nil, nil), (short, "", nil, nil)]
        for (count, gap, total, weighted) in candidates {
            var left: [(String, StyleRole)] = [(count, .columnFigures)]
            if let total { left.append((gap + total, .money)) }
            let need = BoardRenderer.width(left) + (weighted.map { 1 + TextWidth.width($0) } ?? 0)
            if need <= room { return (left, weighted) }
        }
        return ([(short, .columnFigures)], nil)
    }
}

extension BoardRenderer {
    /// Amounts in every currency among them, the board's first, as the header writes them:
    /// spaced, then tight. Empty when they are all zero.
    func headerAmounts(_ a: Amounts, prefix: String = "") -> [String] {
        let cur = state.board.currency
        var parts = a.currencies(primary: cur).filter { !a[$0].isZero }.map { compact(a[$0], $0) }
        if state.board.hasRates {
            // Converted at the board's rates ("≈€110.7k"), then what has no rate.
            let c = state.board.converted(a)
            let main =
                c.value.isZero ? [] : [(c.isApproximate && prefix.isEmpty ? g.approx : "") + compact(c.value, cur)]
            parts = main + c.apart.currencies(primary: cur).filter { $0 != cur }.map { compact(c.apart[$0], $0) }
        }
        guard !parts.isEmpty else { return [] }
        return [prefix + parts.joined(separator: " + "), prefix + parts.joined(separator: "+")]
    }

    /// The two header rows of column `c`, `w` cells wide at `x`.
    mutating func drawColumnHeader(_ c: Int, x: Int, w: Int, focused: Bool) {
        let lost = state.isLostColumn(c)
        let stage = lost ? BoardRenderer.lostStage : state.board.stages[c]
        let figures = lost ? state.summary.lost : state.summary.stages[c].figures
        let header = ColumnHeader(
            count: figures.count, stale: stage.rotDays > 0 ? staleCount(c, stage) : 0,
            total: headerAmounts(figures.total),
            weighted: stage.kind == .won || lost ? [] : headerAmounts(figures.weighted, prefix: g.approx))
        // Row 1: the name, then the stale badge and the probability at the right edge.
        let badge = lost ? "" : header.badge(g, probability: RenderText.prob(stage.probability))
        let bw = TextWidth.width(badge)
        let nameRole: StyleRole = focused ? .columnHeaderFocused : .columnHeader
        text(BoardRenderer.oneLine(stage.name), x + 1, layout.headerTop, nameRole, max: w - bw - 3)
        let bx = x + w - 1 - bw
        if header.stale > 0 {
            let s = g.stale + "\(header.stale)"
            let after = text(s, bx, layout.headerTop, .stale)
            text(" " + RenderText.prob(stage.probability), after, layout.headerTop, .columnFigures)
        } else if !lost {
            text(badge, bx, layout.headerTop, .columnFigures)
        }
        // Row 2: count, total and weighted value.
        let line = header.figures(room: max(0, w - 2), dot: g.dot)
        pieces(line.left, x + 1, layout.headerTop + 1, max: max(0, w - 2))
        if let right = line.right {
            text(right, x + w - 1 - TextWidth.width(right), layout.headerTop + 1, .weightedMoney)
        }
    }
}
