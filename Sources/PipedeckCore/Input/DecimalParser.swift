import Foundation

/// Why a text is not the percentage or decimal number expected.
public enum NumberProblem: Error, Hashable, Sendable {
    /// Not a number: letters, a sign, several separators.
    case notANumber
    /// More decimals than allowed.
    case tooManyDecimals
    /// A number, but outside the allowed range (a percentage above 100).
    case outOfRange
}

/// Reads decimal numbers that are not amounts: probabilities and other percentages, fractions.
/// Either mark is a decimal mark ("35,5" and "35.5" are both 35.5): these numbers never group
/// thousands, so a separator cannot be misread.
public enum DecimalParser {
    /// A plain decimal number: digits with at most one "." or ","; no sign, no grouping. Trailing
    /// zeros do not count as decimals ("35.50" has one).
    public static func number(_ text: String, maxDecimals: Int) -> Result<Money, NumberProblem> {
        let t = text.trimmingCharacters(in: .whitespaces)
        var units: [Character] = [], decimals: [Character] = []
        var seenMark = false
        for ch in t {
            if ch.isASCII && ch.isNumber {
                if seenMark { decimals.append(ch) } else { units.append(ch) }
            } else if (ch == "." || ch == ",") && !seenMark {
                seenMark = true
            } else {
                return .failure(.notANumber)
            }
        }
        guard !units.isEmpty || !decimals.isEmpty, !seenMark || !decimals.isEmpty else { return .failure(.notANumber) }
        guard let m = AmountParser.money(units, decimals) else {
            return .failure(decimals.count > 6 ? .tooManyDecimals : .notANumber)
        }
        return m.decimalsNeeded > maxDecimals ? .failure(.tooManyDecimals) : .success(m)
    }

    /// A percentage from 0 to 100 with at most two decimals: "50", "35,5", "35.5 %", "12.25%"
    /// (the "%" may be left out, with or without a space before it).
    public static func percent(_ text: String) -> Result<Percent, NumberProblem> {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
        switch number(t, maxDecimals: 2) {
        case .failure(let f): return .failure(f)
        case .success(let m):
            guard m <= Money(units: 100) else { return .failure(.outOfRange) }
            return .success(Percent(hundredths: Int(m.micros / 10_000)))
        }
    }

    /// A whole number in `range`, typed with either mark when it has no decimals ("12", "12,0",
    /// "12.00"); "12,5" is `.tooManyDecimals`, so the caller can say that decimals make no sense.
    public static func whole(_ text: String, in range: ClosedRange<Int>) -> Result<Int, NumberProblem> {
        switch number(text, maxDecimals: 0) {
        case .failure(let f): return .failure(f)
        case .success(let m):
            guard m <= Money(units: range.upperBound), let n = Int(exactly: m.micros / Money.scale),
                range.contains(n)
            else { return .failure(.outOfRange) }
            return .success(n)
        }
    }

    /// A probability written as a fraction of 1 ("0.5", "0,655"): at most four decimals, no "%".
    public static func fraction(_ text: String) -> Result<Percent, NumberProblem> {
        if text.contains("%") { return .failure(.outOfRange) }
        switch number(text, maxDecimals: 4) {
        case .failure(let f): return .failure(f)
        case .success(let m):
            guard m <= Money(units: 1) else { return .failure(.outOfRange) }
            return .success(Percent(hundredths: Int(m.micros / 100)))
        }
    }
}
