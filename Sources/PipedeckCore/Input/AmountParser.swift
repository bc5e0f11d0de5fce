import Foundation

/// An amount read from text, with the currency written next to it.
public struct ParsedAmount: Hashable, Sendable {
    public var amount: Money
    /// The currency written with the amount as an ISO 4217 code ("€" gives "EUR"); nil when none
    /// was written or when the symbol names no single currency ("kr").
    public var currency: String?
    public init(amount: Money, currency: String? = nil) { self.amount = amount; self.currency = currency }
}

/// The two readings of an amount such as "12.500".
public struct AmbiguousAmount: Hashable, Sendable {
    /// The separator that was written.
    public var mark: DecimalMark
    /// The separator read as a decimal mark: 12.5.
    public var asDecimal: Money
    /// The separator read as a thousands separator: 12 500.
    public var asThousands: Money
}

/// Why a text is not an amount.
public enum AmountProblem: Error, Hashable, Sendable {
    /// Not a number at all: empty, letters, misplaced separators ("1,2,3"), an unknown unit ("12k").
    case notAnAmount
    /// One separator followed by exactly three digits, and nothing says which mark it is.
    case ambiguous(AmbiguousAmount)
    /// More decimals than allowed (two for deal values).
    case tooManyDecimals
    case negative
    /// Written with the other decimal mark than the one the rule expects ("10.5" in a file whose
    /// amounts are written "10,5").
    case otherMark(DecimalMark)
}

/// Reads amounts of money, for every place that takes one: the deal form, the command line and
/// the CSV import. The rules are the same everywhere; the caller chooses how much punctuation is
/// allowed (`Strictness`) and what it already knows of the decimal mark (`DecimalMarkRule`).
///
/// A text with a single separator followed by exactly three digits ("12.500", "12,500") could be
/// twelve and a half or twelve thousand five hundred: unless the rule settles it, it is refused
/// with both readings (`AmountProblem.ambiguous`). With both marks ("12,500.00", "12.500,00") the
/// last one is the decimal mark.
public enum AmountParser {
    public enum Strictness: Sendable {
        /// Digits with at most one decimal mark and nothing else: "12500", "12500.50", "12500,5"
        /// (the command line's `--value`).
        case plain
        /// As people write amounts: grouped thousands ("12 500", "12,500.50", "1.234.567",
        /// "12'500"), and a currency symbol or ISO code before or after ("€1,200", "12 500,50 EUR").
        case written
    }

    public static func parse(
        _ text: String, _ strictness: Strictness, mark rule: DecimalMarkRule = .either, maxDecimals: Int = 2
    ) -> Result<ParsedAmount, AmountProblem> {
        read(text, strictness, rule, maxDecimals: maxDecimals).map(\.parsed)
    }

    /// What a text's punctuation says about the decimal mark of the file it comes from.
    public enum MarkEvidence: Hashable, Sendable {
        /// No separator at all.
        case noSeparator
        /// This mark for sure: "10,5", "10.000,50", "1.000.000" (points group, so the comma is the decimal mark).
        case decimal(DecimalMark)
        /// One separator before exactly three digits: a decimal mark or a thousands separator.
        case threeDigits(DecimalMark)
    }

    /// The evidence a valid amount gives; nil when the text is not a valid amount however its
    /// separators are read (so a typing error in one cell does not sway how the others are read).
    public static func evidence(_ text: String, maxDecimals: Int = 2) -> MarkEvidence? {
        switch read(text, .written, .either, maxDecimals: maxDecimals) {
        case .success(let r):
            if let d = r.decimal { return .decimal(d) }
            if let g = r.grouping { return .decimal(g.other) }
            return .noSeparator
        case .failure(.ambiguous(let a)):
            return .threeDigits(a.mark)
        case .failure:
            return nil
        }
    }

    /// The currency written before or after an amount ("10 000,50 €" gives "EUR"), as a code.
    public static func currency(in text: String) -> String? {
        CurrencyText.written(split(text.trimmingCharacters(in: .whitespacesAndNewlines)).affix)?.code
    }

    // MARK: - Reading

    struct Reading {
        var parsed: ParsedAmount
        var decimal: DecimalMark?
        var grouping: DecimalMark?
    }

    /// Blanks and marks that group thousands in written amounts ("12 500", "12'500", "12_500").
    static let groupingBlanks: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "'", "’", "_"]

    static func read(_ text: String, _ strictness: Strictness, _ rule: DecimalMarkRule, maxDecimals: Int)
        -> Result<Reading, AmountProblem>
    {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let (number, affix) = strictness == .written ? split(trimmed) : (trimmed, "")
        var currency: String? = nil
        if !affix.isEmpty {
            guard let c = CurrencyText.written(affix) else { return .failure(.notAnAmount) }
            currency = c.code
        }
        // Digits and marks, without the sign and the grouping blanks.
        var s: [Character] = []
        var negative = false
        for ch in number {
            if ch.isASCII && ch.isNumber || ch == "," || ch == "." {
                s.append(ch)
            } else if ch == "-" && s.isEmpty && !negative {
                negative = true
            } else if strictness == .written && groupingBlanks.contains(ch) && !s.isEmpty {
                continue
            } else {
                return .failure(.notAnAmount)
            }
        }
        guard s.contains(where: { $0.isNumber }) else { return .failure(.notAnAmount) }
        let marks = s.filter { $0 == "," || $0 == "." }
        if strictness == .plain && marks.count > 1 { return .failure(.notAnAmount) }

        let decimal: DecimalMark?, grouping: DecimalMark?
        switch decide(s, marks, rule) {
        case .marks(let d, let g): (decimal, grouping) = (d, g)
        case .problem(.ambiguous(var a)) where negative:
            a.asDecimal = -a.asDecimal; a.asThousands = -a.asThousands
            return .failure(.ambiguous(a))
        case .problem(.otherMark(let m)):
            // Only an amount with the other mark is "written with the other mark"; "12,5,0" is no amount.
            if case .failure(.notAnAmount) = read(text, strictness, .certain(m), maxDecimals: maxDecimals) {
                return .failure(.notAnAmount)
            }
            return .failure(.otherMark(m))
        case .problem(let p): return .failure(p)
        }
        // Units and decimals; grouping marks must stand every three digits ("1,234,567", not "1,2,3").
        var units = s, decimals: [Character] = []
        if let d = decimal, let at = s.lastIndex(of: d.character) {
            units = Array(s[..<at]); decimals = Array(s[(at + 1)...])
            if decimals.isEmpty || decimals.contains(where: { !$0.isNumber }) { return .failure(.notAnAmount) }
        }
        if let g = grouping {
            let groups = units.split(separator: g.character, omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return .failure(.notAnAmount) }
            units.removeAll { $0 == g.character }
        }
        guard units.allSatisfy({ $0.isNumber }) else { return .failure(.notAnAmount) }
        guard let m = money(units, decimals) else {
            return .failure(decimals.count > 6 ? .tooManyDecimals : .notAnAmount)
        }
        if negative && !m.isZero { return .failure(.negative) }
        if m.decimalsNeeded > maxDecimals { return .failure(.tooManyDecimals) }
        return .success(
            Reading(parsed: ParsedAmount(amount: m, currency: currency), decimal: decimal, grouping: grouping))
    }

    private enum Decision {
        case marks(decimal: DecimalMark?, grouping: DecimalMark?)
        case problem(AmountProblem)
    }

    /// Which mark is the decimal mark and which groups thousands, or why that cannot be told.
    private static func decide(_ s: [Character], _ marks: [Character], _ rule: DecimalMarkRule) -> Decision {
        guard let lastMark = marks.last else { return .marks(decimal: nil, grouping: nil) }
        let last: DecimalMark = lastMark == "," ? .comma : .point
        if marks.contains(last.other.character) {
            // Both marks: the last one is the decimal mark, and appears once.
            if let m = rule.mark, m != last { return .problem(.otherMark(last)) }
            if marks.filter({ $0 == lastMark }).count > 1 { return .problem(.notAnAmount) }
            return .marks(decimal: last, grouping: last.other)
        }
        if marks.count > 1 {
            // The same mark several times: it groups thousands ("1,234,567").
            if rule.mark == last { return .problem(.otherMark(last.other)) }
            return .marks(decimal: nil, grouping: last)
        }
        // One separator. Before exactly three digits it may group thousands, unless nothing but
        // zeros stands before it ("0,500" and ",500" are decimals).
        let at = s.firstIndex(of: lastMark)!
        let units = Array(s[..<at]), decimals = Array(s[(at + 1)...])
        let couldBeThousands = decimals.count == 3 && units.contains { $0 != "0" }
        let couldGroup = couldBeThousands && units.count <= 3
        let ambiguous = AmbiguousAmount(
            mark: last, asDecimal: money(units, decimals) ?? .zero, asThousands: money(units + decimals, []) ?? .zero)
        switch rule.mark {
        case last where rule == .certain(last):
            return .marks(decimal: last, grouping: nil)
        case last, nil:
            return couldBeThousands ? .problem(.ambiguous(ambiguous)) : .marks(decimal: last, grouping: nil)
        default:
            // The other mark than the expected one: it can only group thousands.
            return couldGroup ? .marks(decimal: nil, grouping: last) : .problem(.otherMark(last))
        }
    }

    /// units.decimals as money, nil when it has more than 24 digits of units or 6 of decimals.
    static func money(_ units: [Character], _ decimals: [Character]) -> Money? {
        var decimals = decimals
        while decimals.count > 6, decimals.last == "0" { decimals.removeLast() }
        guard units.count <= 24, decimals.count <= 6 else { return nil }
        var whole: Int128 = 0
        for ch in units { whole = whole * 10 + Int128(ch.wholeNumberValue!) }
        var fraction: Int128 = 0
        for k in 0..<6 { fraction = fraction * 10 + (k < decimals.count ? Int128(decimals[k].wholeNumberValue!) : 0) }
        return Money(micros: whole * Money.scale + fraction)
    }

    /// The number (from its first digit, or the sign or mark just before it, to its last digit)
    /// and the text around it without blanks: "Fr. 1 250" gives ("1 250", "Fr."), "10 000,50 €"
    /// gives ("10 000,50", "€").
    static func split(_ text: String) -> (number: String, affix: String) {
        let chars = Array(text)
        guard let first = chars.firstIndex(where: { $0.isASCII && $0.isNumber }),
            let last = chars.lastIndex(where: { $0.isASCII && $0.isNumber })
        else { return (text, "") }
        var start = first
        if start > 0 && (chars[start - 1] == "." || chars[start - 1] == ",")
            && (start < 2 || !chars[start - 2].isLetter)
        {
            start -= 1
        }
        if start > 0 && chars[start - 1] == "-" { start -= 1 }
        let affix = String(chars[..<start] + chars[(last + 1)...]).filter { !$0.isWhitespace }
        return (String(chars[start...last]), affix)
    }
}

/// Currencies as they are written next to amounts: symbols and ISO 4217 codes.
public enum CurrencyText {
    /// What a currency written next to an amount names.
    public enum Written: Hashable, Sendable {
        case code(String)
        /// A currency symbol that names no single currency ("kr", "₫" when not listed).
        case unnamed

        public var code: String? {
            if case .code(let c) = self { return c }
            return nil
        }
    }

    public static let symbols: [String: String] = [
        "€": "EUR", "$": "USD", "US$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW",
        "R$": "BRL", "CA$": "CAD", "C$": "CAD", "A$": "AUD", "CN¥": "CNY", "zł": "PLN",
        "₽": "RUB", "₺": "TRY", "₪": "ILS", "Fr.": "CHF", "Fr": "CHF",
    ]

    /// ISO 4217 codes (the core's list).
    public static let isoCodes: Set<String> = ISO4217.codes

    static let unnamedSymbols: Set<String> = ["kr", "kr."]

    /// The currency of a symbol or code written before or after an amount; nil when the text is
    /// no currency ("k", "abc").
    public static func written(_ affix: String) -> Written? {
        if let code = symbols[affix] { return .code(code) }
        let upper = affix.uppercased()
        if upper.count == 3, Board.isCurrencyCode(upper), isoCodes.contains(upper) { return .code(upper) }
        if unnamedSymbols.contains(affix.lowercased()) { return .unnamed }
        if !affix.isEmpty && affix.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .currencySymbol }) {
            return .unnamed
        }
        return nil
    }

    /// A currency cell or option: a code in any case, or a symbol; nil when it is neither.
    public static func code(_ raw: String) -> String? {
        let t = raw.trimmingCharacters(in: .whitespaces)
        if let code = symbols[t] { return code }
        let upper = t.uppercased()
        return Board.isCurrencyCode(upper) && isoCodes.contains(upper) ? upper : nil
    }
}
