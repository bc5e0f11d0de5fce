import Foundation

/// Reports 4 and 5: the deals per lead source or per owner.
///
/// Names are grouped without regard to case or surrounding blanks ("LinkedIn" and "linkedin "
/// are one source; the first spelling met is shown); deals without one are grouped as "(none)".
/// Rows are ordered by number of deals (most first), then by name; "(none)" comes last.
public struct BreakdownReport: Hashable, Sendable {
    public enum Dimension: String, Hashable, Sendable { case source, owner }

    public struct Row: Hashable, Sendable {
        /// The source or owner as written on the first deal met; nil for "(none)" (and for the totals).
        public var name: String?
        public var deals = 0
        public var open = 0
        public var won = 0
        public var lost = 0
        /// Open deals: total value and weighted value (value × probability).
        public var openValue = Amounts()
        public var weighted = Amounts()
        public var wonValue = Amounts()
        /// The three values in the board's currency at its rates (what has no rate stays apart).
        public var openConverted = Converted()
        public var weightedConverted = Converted()
        public var wonConverted = Converted()
        /// Open deals whose next action is not done and was due before today.
        public var overdueNextActions = 0
        /// won / (won + lost).
        public var winRate: Ratio { Ratio(won, of: won + lost) }

        public init(name: String?) { self.name = name }

        mutating func count(_ d: Deal, board: Board, today: Day) {
            let cur = board.currency(of: d)
            deals += 1
            switch d.status {
            case .open:
                open += 1
                openValue.add(d.value, cur)
                weighted.add(board.weightedValue(of: d), cur)
                if d.hasOverdueNextAction(today: today) { overdueNextActions += 1 }
            case .won:
                won += 1
                wonValue.add(d.value, cur)
            case .lost:
                lost += 1
            }
        }
    }

    public var dimension: Dimension
    public var currency: String
    public var rows: [Row]
    public var totals: Row

    public init<S: Sequence>(_ dimension: Dimension, board: Board, deals: S, today: Day) where S.Element == Deal {
        self.dimension = dimension
        currency = board.currency
        var groups = NameGroups<Row> { Row(name: nil) }
        var totals = Row(name: nil)
        for d in deals {
            groups.update(dimension == .source ? d.source : d.owner) { $0.count(d, board: board, today: today) }
            totals.count(d, board: board, today: today)
        }
        rows = groups.entries.map { e in
            var r = e.value
            r.name = e.label
            r.convert(board)
            return r
        }.sorted(by: BreakdownReport.order)
        totals.convert(board)
        self.totals = totals
    }

    static func order(_ a: Row, _ b: Row) -> Bool {
        switch (a.name, b.name) {
        case (nil, .some): return false
        case (.some, nil): return true
        default: break
        }
        if a.deals != b.deals { return a.deals > b.deals }
        let x = a.name ?? "", y = b.name ?? ""
        let lx = x.lowercased(), ly = y.lowercased()
        return lx != ly ? lx < ly : x < y
    }
}

/// Report 6: lost deals per reason.
///
/// Reasons are grouped like sources (case and blanks do not matter; none → "(none)"). Rows are
/// ordered by count (most first), then by value in the board's currency (highest first), then
/// by name; "(none)" comes last.
public struct LostReasonsReport: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        /// The reason; nil for "(none)".
        public var reason: String?
        public var count: Int
        public var value: Amounts
        /// `value` in the board's currency at its rates.
        public var converted: Converted
        /// count / all lost deals.
        public var share: Ratio
    }

    public var currency: String
    public var rows: [Row]
    public var count: Int
    public var value: Amounts
    /// `value` in the board's currency at its rates.
    public var converted: Converted

    public init<S: Sequence>(board: Board, deals: S) where S.Element == Deal {
        currency = board.currency
        var groups = NameGroups<(Int, Amounts)> { (0, Amounts()) }
        var count = 0
        var value = Amounts()
        for d in deals where d.status == .lost {
            let cur = board.currency(of: d)
            groups.update(d.lostReason) {
                $0.0 += 1; $0.1.add(d.value, cur)
            }
            count += 1
            value.add(d.value, cur)
        }
        let primary = board.currency
        rows = groups.entries.map { e in
            Row(
                reason: e.label, count: e.value.0, value: e.value.1, converted: board.converted(e.value.1),
                share: Ratio(e.value.0, of: count))
        }.sorted { a, b in
            switch (a.reason, b.reason) {
            case (nil, .some): return false
            case (.some, nil): return true
            default: break
            }
            if a.count != b.count { return a.count > b.count }
            if a.value[primary] != b.value[primary] { return a.value[primary] > b.value[primary] }
            return (a.reason ?? "").lowercased() < (b.reason ?? "").lowercased()
        }
        self.count = count
        self.value = value
        self.converted = board.converted(value)
    }
}
