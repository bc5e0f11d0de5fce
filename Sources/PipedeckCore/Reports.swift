import Foundation

// Shared pieces of the reports (see docs/reports.md): the list of reports, calendar months,
// exact rates, day statistics, how timestamps become days, and the NPS score stored on a deal.
//
// Every report is a value type built from `(board, deals, today, zone)`: `deals` is whatever
// the caller wants counted (the whole board, or the deals that pass the active filter), so the
// screen and the command line compute the same figures from the same code.

/// The reports, in the order of the screen's tabs.
public enum ReportKind: String, CaseIterable, Sendable, Hashable {
    case forecast, funnel, velocity, sources, owners, lost, nps, activities
}

/// UTC: the zone in which reports turn timestamps into days unless told otherwise (the board's
/// stale markers count days in UTC too).
public enum ReportZone {
    public static let utc = TimeZone(secondsFromGMT: 0)!
}

// MARK: - Calendar months

/// A calendar month (year and month), e.g. 2026-11.
public struct CalendarMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    /// 1...12
    public var month: Int

    public init(year: Int, month: Int) {
        // Normalised: month 13 is January of the next year, month 0 December of the previous one.
        let serial = year * 12 + month - 1
        let y = serial >= 0 ? serial / 12 : (serial - 11) / 12
        self.year = y
        self.month = serial - y * 12 + 1
    }
    public init(_ day: Day) {
        let c = day.components
        self.year = c.year; self.month = c.month
    }

    /// Months since year 0, for arithmetic.
    var serial: Int { year * 12 + month - 1 }

    public func adding(months n: Int) -> CalendarMonth { CalendarMonth(year: year, month: month + n) }
    /// How many months from `self` to `other` (negative when `other` is earlier).
    public func months(until other: CalendarMonth) -> Int { other.serial - serial }

    public var firstDay: Day { Day(year: year, month: month, day: 1) ?? Day(ordinal: 0) }
    public var lastDay: Day {
        Day(year: year, month: month, day: Day.daysIn(month: month, year: year)) ?? Day(ordinal: 0)
    }
    public func contains(_ d: Day) -> Bool { CalendarMonth(d) == self }

    public static func < (a: CalendarMonth, b: CalendarMonth) -> Bool { a.serial < b.serial }
    /// "2026-11"
    public var description: String { String(format: "%04d-%02d", year, month) }
}

// MARK: - Rates

/// An exact ratio of two counts, such as 5 won out of 8 closed. Never rounded until shown.
public struct Ratio: Hashable, Sendable, CustomStringConvertible {
    public var part: Int
    public var whole: Int
    public init(_ part: Int, of whole: Int) { self.part = part; self.whole = whole }

    /// False when there is nothing to divide by (0 of 0): the rate is shown as "—".
    public var isDefined: Bool { whole > 0 }

    /// The percentage in tenths of a percent, rounded half up: 5 of 8 → 625 (62.5 %). Nil for 0 of 0.
    public var tenthsOfPercent: Int? {
        guard whole > 0 else { return nil }
        return (part * 2000 + whole) / (2 * whole)
    }

    /// "62.5" (one decimal, no sign); nil for 0 of 0.
    public var percentText: String? { tenthsOfPercent.map(ReportNumber.tenths) }

    /// Exact comparison of two defined ratios: a < b.
    public static func isLess(_ a: Ratio, _ b: Ratio) -> Bool {
        Int128(a.part) * Int128(b.whole) < Int128(b.part) * Int128(a.whole)
    }

    public var description: String { "\(part)/\(whole)" }
}

enum ReportNumber {
    /// 625 → "62.5", -15 → "-1.5", 0 → "0.0".
    static func tenths(_ t: Int) -> String {
        let neg = t < 0
        let a = neg ? -t : t
        return (neg ? "-" : "") + "\(a / 10).\(a % 10)"
    }

    /// Integer division rounded half up (away from zero for negative numerators); `d` > 0.
    static func roundedDivision(_ n: Int, _ d: Int) -> Int {
        n >= 0 ? (2 * n + d) / (2 * d) : -((2 * -n + d) / (2 * d))
    }
}

// MARK: - Days

/// Whole-day durations (e.g. the days each deal spent in a stage) with their average and median.
public struct DayStats: Hashable, Sendable {
    /// The durations, in days, smallest first.
    public private(set) var samples: [Int]

    public init<S: Sequence>(_ days: S) where S.Element == Int { samples = days.sorted() }

    public var count: Int { samples.count }
    public var isEmpty: Bool { samples.isEmpty }
    public var total: Int { samples.reduce(0, +) }

    /// The mean in tenths of a day, rounded half up: 2, 3 and 3 days → 27 (2.7 days). Nil without samples.
    public var averageTenths: Int? {
        guard !samples.isEmpty else { return nil }
        return ReportNumber.roundedDivision(total * 10, samples.count)
    }

    /// The median in tenths of a day: the middle value, or the mean of the two middle values. Nil without samples.
    public var medianTenths: Int? {
        guard !samples.isEmpty else { return nil }
        let n = samples.count
        if n % 2 == 1 { return samples[n / 2] * 10 }
        return (samples[n / 2 - 1] + samples[n / 2]) * 5
    }

    /// "12.5": tenths of a day as text.
    public static func text(tenths: Int) -> String { ReportNumber.tenths(tenths) }
}

extension Deal {
    /// When the deal was won: the last history entry that set the status to won; for a won deal
    /// without such an entry (a file made by hand), the time it entered its stage. Nil unless won.
    public var wonAt: Timestamp? {
        guard status == .won else { return nil }
        return history.last(where: { $0.status == .won })?.at ?? stageEnteredAt
    }

    /// The next action (the earliest planned activity) was due before `today`.
    public func hasOverdueNextAction(today: Day) -> Bool {
        guard let due = nextActivity?.due else { return false }
        return due < today
    }
}

// MARK: - Grouping names

/// Groups free-text names (owners, sources, lost reasons) the way people type them: surrounding
/// blanks do not matter, nor does letter case; an empty or missing name is "(none)".
/// The first spelling met is the one shown.
struct NameGroups<Value> {
    private(set) var keys: [String?] = []
    private(set) var labels: [String?] = []
    private(set) var values: [Value] = []
    private var index: [String: Int] = [:]
    private var noneIndex: Int?
    let make: () -> Value

    init(_ make: @escaping () -> Value) { self.make = make }

    static func key(_ name: String?) -> String? {
        guard let t = name?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t.lowercased()
    }

    mutating func update(_ name: String?, _ body: (inout Value) -> Void) {
        let k = NameGroups.key(name)
        let i: Int
        if let k {
            if let found = index[k] {
                i = found
            } else {
                i = values.count; index[k] = i
                keys.append(k); labels.append(name!.trimmingCharacters(in: .whitespacesAndNewlines));
                values.append(make())
            }
        } else {
            if let found = noneIndex {
                i = found
            } else {
                i = values.count; noneIndex = i
                keys.append(nil); labels.append(nil); values.append(make())
            }
        }
        body(&values[i])
    }

    /// (label, value) pairs; the label is nil for "(none)".
    var entries: [(label: String?, value: Value)] { Array(zip(labels, values)) }
}

// MARK: - The customer's recommendation score

extension Deal {
    /// The name of `npsScore` in the deal's object in the file.
    public static let npsKey = "nps"
    public static let npsRange = 0...10
}
