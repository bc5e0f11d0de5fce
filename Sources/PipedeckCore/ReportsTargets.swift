import Foundation

/// The forecast against targets, per period (month or quarter): what was won, what the open
/// deals expected to close in it weigh, the target and the gap (docs/reports.md).
///
/// Rows run from `count − 1` periods before the current one to `count − 1` after it. A past
/// period has only its won value; the current one has what was won so far and the weighted
/// value of the deals expected to close from today to its end; a later one only the weighted
/// value. Open deals whose expected close has passed are in none of the rows (`passed`): their
/// date needs updating before they say anything about a period.
public struct TargetForecast: Hashable, Sendable {
    public enum When: Hashable, Sendable { case past, current, future }

    public struct Row: Hashable, Sendable {
        public var period: Period
        public var when: When
        public var wonCount = 0
        public var won = Converted()
        public var openCount = 0
        /// Weighted value of the open deals expected to close in the period (from today on).
        public var weighted = Converted()
        public var target: Money?
        public var targetSource: TargetSource?

        /// Won plus weighted, in the board's currency (what can be compared with the target).
        public var expected: Money { won.value + weighted.value }

        /// Target − (won + weighted): above zero, what is missing; zero or below, the target is
        /// expected to be met (by that much). Nil without a target.
        public var gap: Money? { target.map { $0 - expected } }
    }

    public var kind: PeriodKind
    public var owner: String?
    public var today: Day
    public var rows: [Row]
    public var passedCount = 0
    /// Weighted value of the open deals whose expected close has passed.
    public var passed = Converted()

    public static let countRange = 1...24

    public init<S: Sequence>(
        board: Board, deals: S, today: Day, kind: PeriodKind, count: Int, owner: String?, zone: TimeZone
    ) where S.Element == Deal {
        let n = min(TargetForecast.countRange.upperBound, max(TargetForecast.countRange.lowerBound, count))
        let current = Period(today, kind: kind)
        self.kind = kind; self.owner = owner; self.today = today
        let first = current.adding(-(n - 1))
        var rows = (0..<(2 * n - 1)).map { k -> Row in
            let p = first.adding(k)
            return Row(period: p, when: p == current ? .current : (p < current ? .past : .future))
        }
        var won = Array(repeating: Amounts(), count: rows.count)
        var weighted = won
        var passed = Amounts()
        var probability: [String: Percent] = [:]
        for s in board.stages { probability[s.id] = s.probability }
        let stride = kind == .month ? 1 : 3
        func fastIndex(_ day: Day) -> Int? {
            let k = first.firstMonth.months(until: Period(day, kind: kind).firstMonth)
            guard k >= 0, k % stride == 0, k / stride < rows.count else { return nil }
            return k / stride
        }
        for d in deals {
            let cur = d.currency ?? board.currency
            switch d.status {
            case .won:
                guard let at = d.wonAt, let i = fastIndex(at.day(in: zone)) else { continue }
                rows[i].wonCount += 1
                won[i].add(d.value, cur)
            case .open:
                guard let close = d.expectedClose else { continue }
                let w = d.value.weighted(by: d.probability ?? probability[d.stage] ?? .zero)
                if close < today {
                    passedCount += 1
                    passed.add(w, cur)
                } else if let i = fastIndex(close) {
                    rows[i].openCount += 1
                    weighted[i].add(w, cur)
                }
            case .lost:
                continue
            }
        }
        for i in rows.indices {
            rows[i].won = board.converted(won[i])
            rows[i].weighted = board.converted(weighted[i])
            if let t = board.target(for: rows[i].period, owner: owner) {
                rows[i].target = t.amount; rows[i].targetSource = t.source
            }
        }
        self.rows = rows
        self.passed = board.converted(passed)
    }

    public var current: Row? { rows.first { $0.when == .current } }
}
