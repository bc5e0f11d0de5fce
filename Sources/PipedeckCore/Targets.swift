import Foundation

// Targets: the won value a team or one salesperson aims for in a month or a quarter, kept in
// the board's settings. The figures measured against them are in TargetProgress.swift.

/// The length of the periods a person follows: months (the default) or quarters.
public enum PeriodKind: String, Sendable, Hashable, CaseIterable {
    case month, quarter
}

/// A calendar month or quarter: "2027-01", "2027-Q1".
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var kind: PeriodKind
    public var year: Int
    /// 1...12 for a month, 1...4 for a quarter.
    public var number: Int

    /// Normalised: month 13 is January of the next year, quarter 0 the last of the year before.
    public init(kind: PeriodKind, year: Int, number: Int) {
        let per = kind == .month ? 12 : 4
        let serial = year * per + number - 1
        let y = serial >= 0 ? serial / per : (serial - per + 1) / per
        self.kind = kind
        self.year = y
        self.number = serial - y * per + 1
    }

    /// The period of this kind that holds `day`.
    public init(_ day: Day, kind: PeriodKind) {
        self.init(CalendarMonth(day), kind: kind)
    }

    public init(_ month: CalendarMonth, kind: PeriodKind) {
        self.init(kind: kind, year: month.year, number: kind == .month ? month.month : (month.month - 1) / 3 + 1)
    }

    /// Its first month.
    public var firstMonth: CalendarMonth {
        CalendarMonth(year: year, month: kind == .month ? number : (number - 1) * 3 + 1)
    }
    /// Its months, in order (one for a month, three for a quarter).
    public var months: [CalendarMonth] {
        (0..<(kind == .month ? 1 : 3)).map { firstMonth.adding(months: $0) }
    }
    public var firstDay: Day { firstMonth.firstDay }
    public var lastDay: Day { months.last!.lastDay }
    public func contains(_ d: Day) -> Bool { d >= firstDay && d <= lastDay }

    /// The period `n` periods later (earlier when negative).
    public func adding(_ n: Int) -> Period { Period(kind: kind, year: year, number: number + n) }

    /// Periods that start earlier come first; a quarter before the first of its months.
    public static func < (a: Period, b: Period) -> Bool {
        if a.firstMonth != b.firstMonth { return a.firstMonth < b.firstMonth }
        return a.kind == .quarter && b.kind == .month
    }

    /// "2027-01" or "2027-Q1", as the file and the command line write it.
    public var description: String {
        kind == .month ? String(format: "%04d-%02d", year, number) : String(format: "%04d-Q%d", year, number)
    }

    /// Reads "2027-01", "2027-1", "2027-Q1", "2027q1" (blanks around are ignored); nil otherwise.
    public static func parse(_ text: String) -> Period? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        var year = Substring(""), rest = Substring("")
        if parts.count == 2 {
            year = parts[0]; rest = parts[1]
        } else if parts.count == 1, let q = t.firstIndex(of: "Q") {
            year = t[..<q]; rest = t[q...]
        } else {
            return nil
        }
        guard year.count == 4, year.allSatisfy(\.isASCII), let y = Int(year), y >= 1 else { return nil }
        if rest.hasPrefix("Q") {
            let n = rest.dropFirst()
            guard n.count == 1, let q = Int(n), (1...4).contains(q) else { return nil }
            return Period(kind: .quarter, year: y, number: q)
        }
        guard (1...2).contains(rest.count), rest.allSatisfy({ $0.isASCII && $0.isNumber }), let m = Int(rest),
            (1...12).contains(m)
        else { return nil }
        return Period(kind: .month, year: y, number: m)
    }
}

/// A target: the won value aimed for in a period, by the team (no owner) or by one owner.
public struct SalesTarget: Hashable, Sendable {
    public var period: Period
    /// The owner whose deals count, as written on deals (letter case and blanks around do not
    /// matter); nil for the team: every deal.
    public var owner: String?
    public var amount: Money
    public var extra: UnknownFields = [:]
    public init(period: Period, owner: String? = nil, amount: Money) {
        self.period = period; self.owner = owner; self.amount = amount
    }

    /// Whether this target is the one of `period` for `owner` (nil: the team).
    public func isFor(_ period: Period, owner: String?) -> Bool {
        self.period == period && SalesTarget.sameOwner(self.owner, owner)
    }

    /// Owners compare ignoring letter case and blanks around; no owner is the team.
    public static func sameOwner(_ a: String?, _ b: String?) -> Bool {
        ownerKey(a) == ownerKey(b)
    }

    /// The key owners compare by: without blanks around, lowercased; nil for none.
    public static func ownerKey(_ o: String?) -> String? {
        guard let o, !o.isEmpty else { return nil }
        // Most names have no blanks around: only those are trimmed (this runs for every deal).
        if o.first!.isWhitespace || o.last!.isWhitespace {
            let t = o.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t.lowercased()
        }
        return o.lowercased()
    }
}

/// Where a target comes from.
public enum TargetSource: Hashable, Sendable {
    /// Set for that very period.
    case set
    /// A quarter without its own: the sum of its three months' targets (all three are set).
    case sumOfMonths
}

extension Board {
    /// The target of `period` for `owner` (nil: the team): the one set for it; for a quarter
    /// without one, the sum of its months' targets when all three are set. Nil when there is none.
    public func target(for period: Period, owner: String?) -> (amount: Money, source: TargetSource)? {
        let targets = settings.targets
        if let t = targets.first(where: { $0.isFor(period, owner: owner) }) { return (t.amount, .set) }
        guard period.kind == .quarter else { return nil }
        var sum = Money.zero
        for m in period.months {
            let month = Period(m, kind: .month)
            guard let t = targets.first(where: { $0.isFor(month, owner: owner) }) else { return nil }
            sum += t.amount
        }
        return (sum, .sumOfMonths)
    }

    /// Targets in the order lists show them: by period, the team's first, then owners by name.
    public var sortedTargets: [SalesTarget] {
        settings.targets.sorted {
            if $0.period != $1.period { return $0.period < $1.period }
            let a = SalesTarget.ownerKey($0.owner), b = SalesTarget.ownerKey($1.owner)
            if a == nil || b == nil { return a == nil && b != nil }
            return a! < b!
        }
    }

    /// Applies a change of targets or rates to `b`; returns the touched deals (none), nil when
    /// nothing changes.
    func changeTargets(_ action: Action, in b: inout Board) throws(PipelineError) -> [String]? {
        switch action {
        case .setTarget(var t):
            if t.amount.isNegative { throw .invalid(field: "amount", reason: Strings.negativeTarget) }
            if t.amount.decimalsNeeded > 2 { throw .invalid(field: "amount", reason: Strings.tooManyDecimals) }
            t.owner = t.owner?.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.owner?.isEmpty == true { t.owner = nil }
            if let i = settings.targets.firstIndex(where: { $0.isFor(t.period, owner: t.owner) }) {
                let old = settings.targets[i]
                if old.amount == t.amount && old.owner == t.owner { return nil }
                t.extra = old.extra
                b.settings.targets[i] = t
            } else {
                b.settings.targets.append(t)
                b.settings.targets = b.sortedTargets
            }
            return []
        case .removeTarget(let period, let owner):
            guard let i = settings.targets.firstIndex(where: { $0.isFor(period, owner: owner) }) else { return nil }
            b.settings.targets.remove(at: i)
            return []
        case .setRate(let r):
            try validate(r)
            if let i = settings.rates.firstIndex(where: { $0.currency == r.currency }) {
                if settings.rates[i].rate == r.rate && settings.rates[i].date == r.date { return nil }
                var kept = r
                kept.extra = settings.rates[i].extra
                b.settings.rates[i] = kept
            } else {
                b.settings.rates.append(r)
                b.settings.rates.sort { $0.currency < $1.currency }
            }
            return []
        case .removeRate(let currency):
            guard let i = settings.rates.firstIndex(where: { $0.currency == currency }) else { return nil }
            b.settings.rates.remove(at: i)
            return []
        default:
            return nil
        }
    }
}
