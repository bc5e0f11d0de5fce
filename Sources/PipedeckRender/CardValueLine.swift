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
        let m = cardMarker(d)
        let prob = d.status == .open ? " " + g.dot + " " + RenderText.prob(state.board.probability(of: d)) : nil
        let pw = prob.map(TextWidth.width) ?? 0
        var markers: [(text: String, width: Int)] = []
        for t in [m.long, m.short, m.role == .noAction ? g.none : m.short]
        where !markers.contains(where: { $0.text == t }) {
            markers.append((t, TextWidth.width(t)))
        }
        func line(_ amount: String, _ p: String?, _ mk: String?) -> ([(String, StyleRole)], (String, StyleRole)?) {
            var left: [(String, StyleRole)] = [(amount, amountRole)]
            if let p { left.append((p, .cardDim)) }
            return (left, mk.map { ($0, m.role) })
        }
        // The whole amount with the probability, the marker shorter and shorter.
        let full = money(d.value, cur)
        let fw = TextWidth.width(full)
        for mk in markers where fw + pw + 1 + mk.width <= room { return line(full, prob, mk.text) }
        // Then the amount compact, then no probability, then no marker.
        let short = compact(d.value, cur)
        let sw = TextWidth.width(short)
        for mk in markers.dropFirst() where sw + pw + 1 + mk.width <= room { return line(short, prob, mk.text) }
        if prob != nil, let tiny = markers.last, sw + 1 + tiny.width <= room { return line(short, nil, tiny.text) }
        return line(short, nil, nil)
    }
}
