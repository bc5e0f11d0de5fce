import Foundation

// Exchange rates: what one unit of another currency is worth in the board's currency, set by
// the person (`pipedeck rates set USD 0.92`). Deals keep their own amounts; only totals are
// converted, and a converted total is marked "≈" wherever it is shown.

/// An exact positive decimal with up to 6 decimals (0.92, 1.0834, 0.006123), kept as an
/// integer count of millionths: no binary floating point.
public struct Rate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var units: Int128
    public static let scale: Int128 = 1_000_000
    public static let maxDecimals = 6
    public init(units: Int128) { self.units = units }
    public static func < (a: Rate, b: Rate) -> Bool { a.units < b.units }

    /// Reads "0.92", "0,92", "160", "1.0834" (a plain number, up to 6 decimals, more than 0 and
    /// at most 1 000 000); nil otherwise.
    public static func parse(_ text: String) -> Rate? {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let parts = t.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole.count <= 7 else { return nil }
        let frac = parts.count == 2 ? parts[1] : ""
        if parts.count == 2 && frac.isEmpty { return nil }
        guard !(whole.isEmpty && frac.isEmpty), frac.count <= maxDecimals,
            whole.allSatisfy({ $0.isASCII && $0.isNumber }), frac.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        var u: Int128 = 0
        for c in whole { u = u * 10 + Int128(c.wholeNumberValue!) }
        var f: Int128 = 0
        for c in frac { f = f * 10 + Int128(c.wholeNumberValue!) }
        for _ in frac.count..<maxDecimals { f *= 10 }
        let r = Rate(units: u * scale + f)
        guard r.units > 0, r.units <= 1_000_000 * scale else { return nil }
        return r
    }

    /// The shortest exact text: "0.92", "160", "0.006123".
    public var description: String {
        let w = units / Rate.scale
        var f = units % Rate.scale
        if f == 0 { return String(w) }
        var digits = Rate.maxDecimals
        while f % 10 == 0 { f /= 10; digits -= 1 }
        let s = String(f)
        return "\(w)." + String(repeating: "0", count: digits - s.count) + s
    }

    /// `m` converted: m × rate, rounded to the millionth (half away from zero). Exact whenever
    /// the product needs no more than six decimals (any amount in cents at a rate of up to four
    /// decimals).
    public func convert(_ m: Money) -> Money {
        let p = m.micros * units
        var q = p / Rate.scale
        let r = p % Rate.scale
        if (r < 0 ? -r : r) * 2 >= Rate.scale { q += p < 0 ? -1 : 1 }
        return Money(micros: q)
    }
}

/// The value of one unit of `currency` in the board's currency, and the day it was set.
public struct ExchangeRate: Hashable, Sendable {
    public var currency: String
    public var rate: Rate
    public var date: Day
    public var extra: UnknownFields = [:]
    public init(currency: String, rate: Rate, date: Day) {
        self.currency = currency; self.rate = rate; self.date = date
    }
}

/// Amounts of several currencies brought to the board's: what has a rate is converted and
/// added; what has none stays apart.
public struct Converted: Hashable, Sendable {
    /// The board's currency plus every other currency that has a rate, converted.
    public var value: Money = .zero
    /// Whether an amount of another currency was converted into `value` (shown "≈").
    public var isApproximate = false
    /// The currencies without a rate, never converted (zero amounts left out).
    public var apart = Amounts()
    public init() {}
}

extension Board {
    /// The rate of `currency`; nil for the board's own or one without a rate.
    public func rate(for currency: String) -> ExchangeRate? {
        guard currency != self.currency else { return nil }
        return settings.rates.first { $0.currency == currency }
    }

    /// Whether the board has any rate: when it has none, totals stay per currency as before.
    public var hasRates: Bool { !settings.rates.isEmpty }

    /// `a` in the board's currency, as far as rates allow.
    public func converted(_ a: Amounts) -> Converted {
        var c = Converted()
        for (cur, m) in a.byCurrency {
            if cur == currency {
                c.value += m
            } else if let r = rate(for: cur) {
                c.value += r.rate.convert(m)
                if !m.isZero { c.isApproximate = true }
            } else if !m.isZero {
                c.apart.add(m, cur)
            }
        }
        return c
    }

    func validate(_ r: ExchangeRate) throws(PipelineError) {
        guard ISO4217.contains(r.currency) else {
            throw .invalid(field: "currency", reason: Strings.badCurrency(r.currency))
        }
        if r.currency == currency { throw .invalid(field: "currency", reason: Strings.rateOfBoardCurrency(currency)) }
        guard r.rate.units > 0 else { throw .invalid(field: "rate", reason: Strings.badRate) }
    }
}
