import Foundation
import PipedeckCore

// The readers of a CSV file's cells. Amounts, percentages and dates go through the core's parsers
// (`AmountParser`, `DecimalParser`, `DateParser`), the same rules as the form and the command line;
// what is decided here is what only a whole file can tell: its decimal mark, whether its
// probabilities are fractions, the order of day and month in its dates.

// MARK: - Amounts

/// Reads a file's amounts with one decimal mark, decided from all of its valid amounts (or given).
public struct AmountReader: Sendable {
    /// The mark decided for the file; nil when the values do not agree (each is then read on its own
    /// and only unambiguous ones are accepted).
    public var mark: DecimalMark?
    /// True when `mark` was given rather than decided.
    public var given: Bool

    public typealias Failure = AmountProblem

    public init(values: [String], given: DecimalMark?) {
        if let given { mark = given; self.given = true; return }
        self.given = false
        // Only values that are amounts under some reading vote: one mistyped cell ("12,5,0") does
        // not change how the others are read.
        var comma = 0, point = 0, groupedComma = 0, groupedPoint = 0
        for v in values {
            switch AmountParser.evidence(v) {
            case .decimal(.comma)?: comma += 1
            case .decimal(.point)?: point += 1
            case .threeDigits(.comma)?: groupedComma += 1
            case .threeDigits(.point)?: groupedPoint += 1
            case .noSeparator?, nil: break
            }
        }
        if comma > 0 && point == 0 {
            mark = .comma
        } else if point > 0 && comma == 0 {
            mark = .point
        } else if comma > 0 && point > 0 {
            mark = nil
        }
        // Only "10,000"-like or only "10.000"-like values: they group thousands.
        else if groupedPoint > 0 && groupedComma == 0 {
            mark = .comma
        } else if groupedComma > 0 && groupedPoint == 0 {
            mark = .point
        } else if groupedComma > 0 && groupedPoint > 0 {
            mark = nil
        } else {
            mark = .point
        }
    }

    /// How the amounts are read: a given mark for sure; a decided one as likely (a lone mark of
    /// that kind before three digits is still ambiguous); none decided, each on its own.
    public var rule: DecimalMarkRule { mark.map { given ? .certain($0) : .likely($0) } ?? .either }

    /// An amount and the currency written with it ("$", "€", "USD"), if any.
    public func read(_ raw: String) -> Result<(Money, String?), Failure> {
        AmountParser.parse(raw, .written, mark: rule).map { ($0.amount, $0.currency) }
    }

    /// The currency symbol or ISO code written before or after an amount, as a code.
    public static func currency(in text: String) -> String? {
        AmountParser.currency(in: text)
    }
}

/// A currency column's value: a code in any case, or a symbol.
public func readCurrencyCode(_ raw: String) -> String? { CurrencyText.code(raw) }

// MARK: - Probabilities

public enum ProbabilityFailure: Error, Hashable, Sendable {
    case notAPercentage
    case outOfRange
    /// With `--probability-fraction`: a value above 1.
    case notAFraction
    /// Without it, in a file whose probabilities are all between 0 and 1.
    case looksLikeFraction
}

/// "50", "50 %", "65,5", "65.5%"; with `fraction`, "0.5" or "0,655" (at most four decimals).
public func readProbability(_ raw: String, fraction: Bool) -> Result<Percent, ProbabilityFailure> {
    if fraction {
        return DecimalParser.fraction(raw).mapError { $0 == .outOfRange ? .notAFraction : .notAPercentage }
    }
    return DecimalParser.percent(raw).mapError { $0 == .outOfRange ? .outOfRange : .notAPercentage }
}

// MARK: - Dates

/// Reads the dates of a file: ISO (2026-03-04, with or without a time), 2026/03/04, 04.03.2026,
/// and 04/03/2026 or 3/4/26 with the day/month order decided from all the file's dates (or given).
public struct DateReader: Sendable {
    public var order: DateOrder?
    public var given: Bool
    public var zone: TimeZone

    public init(values: [String], given: DateOrder?, zone: TimeZone = .current) {
        self.zone = zone
        if let given { order = given; self.given = true; return }
        self.given = false
        var dayFirst = false, monthFirst = false
        for v in values {
            guard let p = DateParser.slashParts(v) else { continue }
            if p.0 > 12 && p.1 <= 12 { dayFirst = true }
            if p.1 > 12 && p.0 <= 12 { monthFirst = true }
        }
        order = dayFirst == monthFirst ? nil : (dayFirst ? .dayMonth : .monthDay)
    }

    public func day(_ raw: String) -> Result<Day, DateFailure> {
        DateParser.parse(raw, .numeric(order: order))
    }

    /// A time: an ISO timestamp with a zone, or a date with an optional local "HH:MM[:SS]".
    public func timestamp(_ raw: String) -> Result<Timestamp, DateFailure> {
        let t = raw.trimmingCharacters(in: .whitespaces)
        if let ts = Timestamp.parse(t) { return .success(ts) }
        let day: Day
        switch self.day(t) {
        case .success(let d): day = d
        case .failure(let f): return .failure(f)
        }
        var seconds = 0
        let pieces = t.split(whereSeparator: { $0 == " " || $0 == "T" })
        if pieces.count >= 2 {
            let clock = pieces[1].split(separator: ":")
            if clock.count >= 2, let h = Int(clock[0]), let m = Int(clock[1].prefix(2)), h < 24, m < 60 {
                let s = clock.count > 2 ? Int(clock[2].prefix(2)) ?? 0 : 0
                seconds = h * 3600 + m * 60 + s
                if pieces.count >= 3 {
                    let ampm = pieces[2].uppercased()
                    if ampm == "PM" && h < 12 { seconds += 12 * 3600 }
                    if ampm == "AM" && h == 12 { seconds -= 12 * 3600 }
                }
            }
        }
        let local = Int64(day.ordinal) * 86_400 + Int64(seconds)
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local))))
        return .success(Timestamp(seconds: local - offset))
    }
}

// MARK: - Other cells

/// Tags: split on ";" when the cell has one (HubSpot, Pipedeck), else on ","; trimmed, empty
/// ones and repeats (any case) dropped.
public func readTags(_ cell: String) -> [String] {
    let raw = CSVWriter.unguardFormula(cell.trimmingCharacters(in: .whitespaces))
    let sep: Character = raw.contains(";") ? ";" : ","
    var seen = Set<String>()
    var out: [String] = []
    for part in raw.split(separator: sep) {
        let t = part.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty || !seen.insert(t.lowercased()).inserted { continue }
        out.append(t)
    }
    return out
}

/// Yes/no cells: true, yes, y, 1, x, done / false, no, n, 0, empty.
/// A time of day as the CRMs write it: "14:30", "14:30:00", "2:30 PM".
public func readTime(_ raw: String) -> TimeOfDay? {
    var t = raw.trimmingCharacters(in: .whitespaces)
    // "14:30:00": the seconds go.
    let parts = t.split(separator: ":", omittingEmptySubsequences: false)
    if parts.count == 3, parts[2].prefix(2).allSatisfy(\.isNumber) {
        t = parts[0] + ":" + parts[1] + parts[2].dropFirst(2)
    }
    return TimeParser.time(t)
}

public func readFlag(_ raw: String) -> Bool? {
    switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
    case "true", "yes", "y", "1", "x", "done", "✓": return true
    case "false", "no", "n", "0", "": return false
    default: return nil
    }
}

/// One-line text cells (title, company…): line breaks, with the blanks around them, become one
/// space; trimmed; empty is nil. Other spaces are kept as they are.
public func readSingleLine(_ raw: String) -> String? {
    guard raw.contains(where: \.isNewline) else { return readText(raw) }
    let pieces = raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
        !$0.isEmpty
    }
    return readText(pieces.joined(separator: " "))
}

/// Text cells: CRLF line breaks as LF, trimmed, a formula guard removed (`CSVWriter`); empty is nil.
public func readText(_ raw: String) -> String? {
    var t = raw
    if t.contains("\r") {
        t = t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
    t = CSVWriter.unguardFormula(t.trimmingCharacters(in: .whitespacesAndNewlines))
    return t.isEmpty ? nil : t
}

/// 64-bit FNV-1a of the UTF-8 bytes, as 16 hex digits: stable across runs and machines.
public func stableHash(_ s: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01B3 }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
