import Foundation

/// An exact amount of money in fixed point: an integer number of millionths of a currency unit.
///
/// Deal values carry at most two decimals and probabilities at most two decimals of a percent,
/// so a weighted value (value × percent / 100) needs at most six decimals: every figure
/// Pipedeck computes is exact in this representation. 128 bits hold amounts far beyond 10^15.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var micros: Int128
    public static let scale: Int128 = 1_000_000
    public static let zero = Money(micros: 0)

    public init(micros: Int128) { self.micros = micros }
    public init(units: Int) { self.micros = Int128(units) * Money.scale }
    public init(cents: Int) { self.micros = Int128(cents) * 10_000 }

    public static func < (a: Money, b: Money) -> Bool { a.micros < b.micros }
    public static func + (a: Money, b: Money) -> Money { Money(micros: a.micros + b.micros) }
    public static func - (a: Money, b: Money) -> Money { Money(micros: a.micros - b.micros) }
    public static func += (a: inout Money, b: Money) { a.micros += b.micros }
    public static prefix func - (a: Money) -> Money { Money(micros: -a.micros) }
    public var isNegative: Bool { micros < 0 }
    public var isZero: Bool { micros == 0 }

    /// value × percent / 100, exact.
    public func weighted(by p: Percent) -> Money {
        Money(micros: micros * Int128(p.hundredths) / 10_000)
    }

    /// The number of decimals needed to write this amount exactly (0...6).
    public var decimalsNeeded: Int {
        var r = micros % Money.scale
        if r == 0 { return 0 }
        var d = 6
        while r % 10 == 0 { r /= 10; d -= 1 }
        return d
    }

    /// Rounded to `decimals` places, half away from zero.
    public func rounded(toDecimals decimals: Int) -> Money {
        let d = max(0, min(6, decimals))
        var unit: Int128 = 1
        for _ in 0..<(6 - d) { unit *= 10 }
        if unit == 1 { return self }
        let q = micros / unit, r = micros % unit
        var n = q
        if abs(r) * 2 >= unit { n += micros < 0 ? -1 : 1 }
        return Money(micros: n * unit)
    }

    /// Plain decimal text with exactly `decimals` decimals after rounding: "-1234.50". No grouping.
    public func plain(decimals: Int) -> String {
        let r = rounded(toDecimals: decimals)
        let neg = r.micros < 0
        let a = neg ? -r.micros : r.micros
        let whole = a / Money.scale
        var s = (neg ? "-" : "") + String(whole)
        if decimals > 0 {
            let frac = a % Money.scale
            var f = String(frac)
            while f.count < 6 { f = "0" + f }
            s += "." + f.prefix(min(6, decimals))
        }
        return s
    }

    /// The shortest exact decimal text: "10000", "10000.5", "0.000001". Used in files and JSON output.
    public var canonical: String { plain(decimals: decimalsNeeded) }
    public var description: String { canonical }

    /// Parses a plain decimal number: optional "-", digits, optional "." and up to `maxDecimals` digits.
    /// No grouping, no exponent. Returns nil for anything else.
    public static func parse(_ text: String, maxDecimals: Int = 2) -> Money? {
        var s = Substring(text)
        var neg = false
        if s.hasPrefix("-") { neg = true; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let intPart = parts.first, !intPart.isEmpty || parts.count == 2 else { return nil }
        let fracPart = parts.count == 2 ? parts[1] : ""
        if parts.count == 2 && fracPart.isEmpty && intPart.isEmpty { return nil }
        guard intPart.allSatisfy({ $0.isASCII && $0.isNumber }), fracPart.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        if parts.count == 2 && fracPart.isEmpty { return nil }
        guard fracPart.count <= min(6, maxDecimals), intPart.count <= 24 else { return nil }
        var whole: Int128 = 0
        for ch in intPart { whole = whole * 10 + Int128(ch.wholeNumberValue!) }
        var frac: Int128 = 0
        var digits = 0
        for ch in fracPart { frac = frac * 10 + Int128(ch.wholeNumberValue!); digits += 1 }
        while digits < 6 { frac *= 10; digits += 1 }
        let v = whole * Money.scale + frac
        return Money(micros: neg ? -v : v)
    }
}

/// A percentage from 0 to 100 with up to two decimals, kept exactly (hundredths of a percent).
public struct Percent: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var hundredths: Int
    public init(hundredths: Int) { self.hundredths = hundredths }
    public init(_ whole: Int) { self.hundredths = whole * 100 }
    public static func < (a: Percent, b: Percent) -> Bool { a.hundredths < b.hundredths }
    public static let zero = Percent(0)
    public static let hundred = Percent(100)
    public var isValid: Bool { hundredths >= 0 && hundredths <= 10_000 }

    /// "50", "65.5", "12.25"
    public var description: String {
        let w = hundredths / 100, f = hundredths % 100
        if f == 0 { return String(w) }
        if f % 10 == 0 { return "\(w).\(f / 10)" }
        return "\(w).\(f < 10 ? "0" : "")\(f)"
    }

    /// Parses "50", "65.5", "35,5", "12.25 %" (see `DecimalParser.percent`); nil for anything
    /// else, including a percentage above 100.
    public static func parse(_ text: String) -> Percent? {
        try? DecimalParser.percent(text).get()
    }
}
