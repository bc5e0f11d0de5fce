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
        // Where each period starts, as an instant in `zone`, and where the last one ends.
        let starts = rows.map { $0.period.firstDay.midnight(in: zone).seconds }
        let end = rows.last!.period.lastDay.adding(days: 1).midnight(in: zone).seconds
        let lastClose = rows.last!.period.lastDay
        func wonIndex(_ at: Timestamp) -> Int? {
            guard at.seconds >= starts[0], at.seconds < end else { return nil }
            var i = starts.count - 1
            while starts[i] > at.seconds { i -= 1 }
            return i
        }
        var passedCount = 0
        func tally(_ d: Deal) {
            let cur = d.currency ?? board.currency
            switch d.status {
            case .won:
                guard let at = d.wonAt, let i = wonIndex(at) else { return }
                rows[i].wonCount += 1
                won[i].add(d.value, cur)
            case .open:
                guard let close = d.expectedClose else { return }
                if close < today {
                    passedCount += 1
                    passed.add(d.value.weighted(by: d.probability ?? probability[d.stage] ?? .zero), cur)
                } else if close <= lastClose, let i = fastIndex(close) {
                    rows[i].openCount += 1
                    weighted[i].add(d.value.weighted(by: d.probability ?? probability[d.stage] ?? .zero), cur)
                }
            case .lost:
                return
            }
        }
        // The board's own array is read in place: no deal is copied.
        if let array = deals as? [Deal] {
            array.withUnsafeBufferPointer { for i in $0.indices { tally($0[i]) } }
        } else {
            for d in deals { tally(d) }
        }
        self.passedCount = passedCount
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
