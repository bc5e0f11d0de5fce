import PipedeckCore
import PipedeckUI

extension BoardRenderer {
    /// A card's figures row: the amount and the probability on the left, the next-action marker
    /// at the right edge, fitted into `room` cells. What gives way, in order: the marker's words
    /// ("⚠ 3d late" → "⚠3d", "○ no step" → "○"), then the amount's cents (written compact:
    /// €12.5k), then the probability, then the marker. An amount or a probability is never cut.
    func valueLine(_ d: Deal, room: Int) -> (left: [(String, StyleRole)], marker: (text: String, role: StyleRole)?) {
        let cur = state.board.currency(of: d)
        let amountRole: StyleRole = d.status == .lost ? .lost : .money
        let amounts = [money(d.value, cur), compact(d.value, cur)]
        let prob = d.status == .open ? " " + g.dot + " " + RenderText.prob(state.board.probability(of: d)) : nil
        let m = actionMarker(d)
        let tiny = m.role == .noAction ? g.none : m.short
        var markers: [String] = []
        for t in [m.long, m.short, tiny] where !markers.contains(t) { markers.append(t) }
        var tries: [(amount: String, prob: String?, marker: String?)] = []
        for t in markers { tries.append((amounts[0], prob, t)) }
        for t in markers.dropFirst() { tries.append((amounts[1], prob, t)) }
        if prob != nil { tries.append((amounts[1], nil, tiny)) }
        tries.append((amounts[1], nil, nil))
        for t in tries {
            let need =
                TextWidth.width(t.amount) + (t.prob.map(TextWidth.width) ?? 0)
                + (t.marker.map { 1 + TextWidth.width($0) } ?? 0)
            guard need <= room || t.marker == nil else { continue }
            var left: [(String, StyleRole)] = [(t.amount, amountRole)]
            if let p = t.prob { left.append((p, .cardDim)) }
            return (left, t.marker.map { ($0, m.role) })
        }
        return ([(amounts[1], amountRole)], nil)
    }
}
