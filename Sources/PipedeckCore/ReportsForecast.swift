import Foundation

/// Report 1: the open pipeline by expected-close month, and what was won in the recent months.
///
/// Open deals fall in exactly one bucket: "close date passed" (expected close before today),
/// one of the `months` calendar months starting with the current one (from today on), "later"
/// (after the last of those months) or "no date". Won deals are counted in the month they were
/// won (`Deal.wonAt`, as a day in `zone`), for the current month and the `months - 1` before it.
public struct ForecastReport: Hashable, Sendable {
    public enum Bucket: Hashable, Sendable {
        /// Expected close before today (still open: the date needs updating).
        case passed
        case month(CalendarMonth)
        /// Expected close after the last month shown.
        case later
        case noDate
    }

    public struct Row: Hashable, Sendable {
        public var bucket: Bucket
        /// Open deals in the bucket: count, total value and weighted value (value × probability).
        public var figures: Figures
        /// The same in the board's currency at its rates (what has no rate stays apart).
        public var converted = ConvertedFigures()
    }

    public struct WonRow: Hashable, Sendable {
        public var month: CalendarMonth
        public var count: Int
        public var value: Amounts
        /// `value` in the board's currency at its rates.
        public var converted = Converted()
    }

    public static let defaultMonths = 6
    public static let monthRange = 1...24

    public var currency: String
    public var today: Day
    /// The number of months ahead (and back, for won deals), current month included.
    public var months: Int
    /// Always every bucket, in this order, even when empty: passed, the months, later, no date.
    public var rows: [Row]
    /// All open deals: the sum of `rows`.
    public var open: Figures
    /// `open` in the board's currency at its rates.
    public var openConverted = ConvertedFigures()
    /// Won per month, oldest first, ending with the current month; always `months` rows.
    public var won: [WonRow]
    /// The sum of `won`.
    public var wonTotal: WonRow

    /// `months` is clamped to `monthRange`.
    public init<S: Sequence>(
        board: Board, deals: S, today: Day, months: Int = ForecastReport.defaultMonths,
        zone: TimeZone = ReportZone.utc
    ) where S.Element == Deal {
        let n = min(ForecastReport.monthRange.upperBound, max(ForecastReport.monthRange.lowerBound, months))
        let current = CalendarMonth(today)
        currency = board.currency
        self.today = today
        self.months = n

        // Row layout: 0 passed, 1...n the months, n+1 later, n+2 no date.
        var rows = [Row(bucket: .passed, figures: Figures())]
        for k in 0..<n { rows.append(Row(bucket: .month(current.adding(months: k)), figures: Figures())) }
        rows.append(Row(bucket: .later, figures: Figures()))
        rows.append(Row(bucket: .noDate, figures: Figures()))
        let firstWon = current.adding(months: -(n - 1))
        var won = (0..<n).map { WonRow(month: firstWon.adding(months: $0), count: 0, value: Amounts()) }
        var open = Figures()
        var wonTotal = WonRow(month: firstWon, count: 0, value: Amounts())

        for d in deals {
            let cur = board.currency(of: d)
            switch d.status {
            case .open:
                let w = board.weightedValue(of: d)
                let i: Int
                if let close = d.expectedClose {
                    if close < today {
                        i = 0
                    } else {
                        let k = current.months(until: CalendarMonth(close))
                        i = k < n ? 1 + k : n + 1
                    }
                } else {
                    i = n + 2
                }
                rows[i].figures.count += 1; rows[i].figures.total.add(d.value, cur);
                rows[i].figures.weighted.add(w, cur)
                open.count += 1; open.total.add(d.value, cur); open.weighted.add(w, cur)
            case .won:
                guard let at = d.wonAt else { continue }
                let k = firstWon.months(until: CalendarMonth(at.day(in: zone)))
                guard k >= 0, k < n else { continue }
                won[k].count += 1; won[k].value.add(d.value, cur)
                wonTotal.count += 1; wonTotal.value.add(d.value, cur)
            case .lost:
                continue
            }
        }
        self.rows = rows; self.open = open; self.won = won; self.wonTotal = wonTotal
        convert(board)
    }

    /// The row of a bucket.
    public func row(_ bucket: Bucket) -> Row? { rows.first { $0.bucket == bucket } }
}
