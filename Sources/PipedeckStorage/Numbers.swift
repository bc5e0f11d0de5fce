import Foundation
import PipedeckCore

/// The exact value of a JSON number's text: ±coefficient / 10^scale, with trailing zeros removed
/// (so `scale` is the number of decimals the value really has; "10.50" and "1.05e1" have 1).
enum ExactDecimal: Equatable {
    case value(negative: Bool, coefficient: Int128, scale: Int)
    /// More than 6 decimals.
    case tooPrecise
    /// More than 36 significant digits once written out.
    case tooLarge

    static let maxDigits = 36

    /// `text` must be a valid JSON number (the parser checked it).
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> ExactDecimal {
        let n = text.count
        var i = 0
        var negative = false
        if i < n && text[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        let intStart = i
        while i < n && text[i] &- 0x30 < 10 { i += 1 }
        let intEnd = i
        var fracStart = i, fracEnd = i
        if i < n && text[i] == UInt8(ascii: ".") {
            i += 1
            fracStart = i
            while i < n && text[i] &- 0x30 < 10 { i += 1 }
            fracEnd = i
        }
        var exponent = 0
        if i < n && (text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E")) {
            i += 1
            var expNegative = false
            if i < n && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) {
                expNegative = text[i] == UInt8(ascii: "-"); i += 1
            }
            while i < n && text[i] &- 0x30 < 10 {
                if exponent < 1_000_000 { exponent = exponent * 10 + Int(text[i] - 0x30) }
                i += 1
            }
            if expNegative { exponent = -exponent }
        }
        // The digits as one sequence: integer part then fraction.
        let intLen = intEnd - intStart, fracLen = fracEnd - fracStart
        let total = intLen + fracLen
        @inline(__always) func digit(_ k: Int) -> UInt8 {
            k < intLen ? text[intStart + k] - 0x30 : text[fracStart + k - intLen] - 0x30
        }
        var first = 0
        while first < total && digit(first) == 0 { first += 1 }
        if first == total { return .value(negative: negative, coefficient: 0, scale: 0) }
        var last = total - 1
        while digit(last) == 0 { last -= 1 }
        let significant = last - first + 1
        let trailingZeros = total - 1 - last
        // value = digits[first...last] × 10^power
        let power = exponent - fracLen + trailingZeros
        if power < -6 { return .tooPrecise }
        if significant + max(0, power) > maxDigits { return .tooLarge }
        var c: Int128 = 0
        for k in first...last { c = c * 10 + Int128(digit(k)) }
        if power >= 0 {
            for _ in 0..<power { c *= 10 }
            return .value(negative: negative, coefficient: c, scale: 0)
        }
        return .value(negative: negative, coefficient: c, scale: -power)
    }
}

extension ExactDecimal {
    /// What a number is as an amount of money: 0 or more, at most two decimals, under 10^24.
    enum Amount {
        case money(Money)
        case negative, tooPrecise, tooLarge
    }

    var amount: Amount {
        switch self {
        case .value(let negative, let c, let scale):
            if negative && c != 0 { return .negative }
            if scale > 2 { return .tooPrecise }
            if c >= pow10(24 + scale) { return .tooLarge }
            return .money(Money(micros: c * pow10(6 - scale)))
        case .tooPrecise: return .tooPrecise
        case .tooLarge: return .tooLarge
        }
    }

    /// As a percentage: from 0 to 100, at most two decimals.
    var percent: Percent? {
        if case .value(let negative, let c, let scale) = self, scale <= 2, !(negative && c != 0) {
            let h = c * pow10(2 - scale)
            if h <= 10_000 { return Percent(hundredths: Int(h)) }
        }
        return nil
    }

    /// As a whole number that an `Int` holds.
    var whole: Int? {
        guard case .value(let negative, let c, 0) = self, c <= Int128(Int.max) else { return nil }
        return negative ? -Int(c) : Int(c)
    }
}

@inline(__always) func pow10(_ n: Int) -> Int128 {
    var p: Int128 = 1
    for _ in 0..<n { p *= 10 }
    return p
}

// MARK: - Fast, exact text for the model's scalar types

extension ByteWriter {
    func digits(_ value: UInt64, minWidth: Int = 1) {
        var buf: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes of scratch
        withUnsafeMutableBytes(of: &buf) { raw in
            var v = value
            var i = raw.count
            repeat {
                i -= 1
                raw[i] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                v /= 10
            } while v > 0
            while raw.count - i < minWidth { i -= 1; raw[i] = 0x30 }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[i...]))
        }
    }

    func int(_ v: Int) {
        if v < 0 { bytes.append(UInt8(ascii: "-")); digits(v.magnitude.toUInt64) } else { digits(UInt64(v)) }
    }

    /// Same text as `Money.canonical`.
    func money(_ m: Money) {
        guard m.micros >= 0, m.micros <= Int128(UInt64.max) else { ascii(m.canonical); return }
        let micros = UInt64(m.micros)
        digits(micros / 1_000_000)
        var frac = micros % 1_000_000
        if frac == 0 { return }
        bytes.append(UInt8(ascii: "."))
        var width = 6
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        digits(frac, minWidth: width)
    }

    /// Same text as `Percent.description`.
    func percent(_ p: Percent) {
        guard p.hundredths >= 0 else { ascii(p.description); return }
        let w = p.hundredths / 100, f = p.hundredths % 100
        digits(UInt64(w))
        if f == 0 { return }
        bytes.append(UInt8(ascii: "."))
        if f % 10 == 0 { digits(UInt64(f / 10)) } else { digits(UInt64(f), minWidth: 2) }
    }

    /// Same text as `Day.description`, between quotes.
    func day(_ d: Day) {
        let c = d.components
        guard (0...9999).contains(c.year) else { string(d.description); return }
        bytes.append(0x22)
        digits(UInt64(c.year), minWidth: 4); bytes.append(UInt8(ascii: "-"))
        digits(UInt64(c.month), minWidth: 2); bytes.append(UInt8(ascii: "-"))
        digits(UInt64(c.day), minWidth: 2)
        bytes.append(0x22)
    }

    /// Same text as `Timestamp.description`, between quotes.
    func timestamp(_ t: Timestamp) {
        let r = Int(floorMod(t.seconds, 86_400))
        let day = Day(ordinal: Int((t.seconds - Int64(r)) / 86_400))
        let c = day.components
        guard (0...9999).contains(c.year) else { string(t.description); return }
        bytes.append(0x22)
        digits(UInt64(c.year), minWidth: 4); bytes.append(UInt8(ascii: "-"))
        digits(UInt64(c.month), minWidth: 2); bytes.append(UInt8(ascii: "-"))
        digits(UInt64(c.day), minWidth: 2); bytes.append(UInt8(ascii: "T"))
        digits(UInt64(r / 3600), minWidth: 2); bytes.append(UInt8(ascii: ":"))
        digits(UInt64(r / 60 % 60), minWidth: 2); bytes.append(UInt8(ascii: ":"))
        digits(UInt64(r % 60), minWidth: 2); bytes.append(UInt8(ascii: "Z"))
        bytes.append(0x22)
    }

    private func ascii(_ s: String) { bytes.append(contentsOf: s.utf8) }
}

private func floorMod(_ a: Int64, _ b: Int64) -> Int64 { let r = a % b; return r < 0 ? r + b : r }

extension UInt {
    fileprivate var toUInt64: UInt64 { UInt64(self) }
}
