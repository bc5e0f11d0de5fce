import Foundation
import PipedeckCore

/// A deal field a CSV column can fill. The raw value is the plain column name, as `export` writes it.
public enum ImportField: String, CaseIterable, Hashable, Sendable {
    case id, title, value, currency, stage, probability, status
    case lostReason = "lost_reason"
    case company, contact, owner, source, tags
    case expectedClose = "expected_close"
    case nextAction = "next_action"
    case nextActionDue = "next_action_due"
    case nextActionDone = "next_action_done"
    case notes
    case createdAt = "created_at"
    case updatedAt = "updated_at"

    /// Looks a field up by its plain name (any case, `_` or space, or the board file's camelCase name).
    public static func named(_ name: String) -> ImportField? {
        let key = ColumnMapping.normalize(name)
        return allCases.first { ColumnMapping.normalize($0.rawValue) == key || $0.camelName.lowercased() == key }
    }

    /// The name of the field in the board file ("expectedClose").
    var camelName: String {
        let parts = rawValue.split(separator: "_")
        return parts.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
    }
}

/// Which program wrote the file, guessed from its column names. It prefixes the import keys of
/// files that carry record ids ("pipedrive:1234").
public enum ImportSource: String, CaseIterable, Sendable {
    case pipedrive, hubspot, odoo, salesforce
    /// Plain column names (`title`, `value`, …), such as `pipedeck export` writes.
    case plain
}

/// Which column fills which field.
public struct ColumnMapping: Sendable {
    public var headers: [String]
    /// The field of each column, nil for an ignored column.
    public var fields: [ImportField?]
    public var source: ImportSource
    /// Columns that name a field an earlier column already fills; they are ignored.
    public var duplicates: [Int]

    public func column(_ f: ImportField) -> Int? { fields.firstIndex(of: f) }
    public var ignored: [Int] { fields.indices.filter { fields[$0] == nil } }

    /// Column names as compared: lower case, `_` as a space, runs of blanks as one space, trimmed.
    public static func normalize(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in s.lowercased() {
            if ch.isWhitespace || ch == "_" || ch == "\u{FEFF}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(ch)
        }
        return out
    }

    /// Column names of the CRMs' exports and the plain names, normalized.
    static let known: [String: ImportField] = {
        var t: [String: ImportField] = [:]
        func add(_ f: ImportField, _ names: String...) { for n in names { t[normalize(n)] = f } }
        // Plain names and the board file's own names.
        for f in ImportField.allCases { t[normalize(f.rawValue)] = f; t[f.camelName.lowercased()] = f }
        // Pipedrive ("Deal - …").
        add(.id, "Deal - ID")
        add(.title, "Deal - Title")
        add(.value, "Deal - Value")
        add(.currency, "Deal - Currency")
        add(.stage, "Deal - Stage")
        add(.status, "Deal - Status")
        add(.probability, "Deal - Probability")
        add(.expectedClose, "Deal - Expected close date")
        add(.company, "Deal - Organization")
        add(.contact, "Deal - Contact person")
        add(.owner, "Deal - Owner")
        add(.lostReason, "Deal - Lost reason")
        add(.tags, "Deal - Label")
        add(.createdAt, "Deal - Deal created", "Deal - Add time")
        add(.updatedAt, "Deal - Update time", "Deal - Last updated")
        add(.source, "Deal - Source channel", "Deal - Source origin")
        // HubSpot.
        add(.id, "Record ID", "Deal ID")
        add(.title, "Deal Name")
        add(.value, "Amount")
        add(.stage, "Deal Stage")
        add(.expectedClose, "Close Date")
        add(.owner, "Deal owner")
        add(.createdAt, "Create Date")
        add(.updatedAt, "Last Modified Date")
        add(.notes, "Deal Description")
        add(.lostReason, "Closed Lost Reason")
        add(.probability, "Deal probability")
        add(.company, "Associated Company")
        add(.contact, "Associated Contact")
        add(.nextAction, "Next step")
        // Odoo.
        add(.title, "Opportunity")
        add(.value, "Expected Revenue")
        add(.company, "Customer")
        add(.contact, "Contact Name")
        add(.owner, "Salesperson")
        add(.expectedClose, "Expected Closing")
        add(.createdAt, "Created on")
        add(.updatedAt, "Last Updated on")
        add(.lostReason, "Lost Reason")
        add(.notes, "Internal Notes")
        // Salesforce.
        add(.id, "Opportunity ID")
        add(.title, "Opportunity Name")
        add(.probability, "Probability (%)")
        add(.company, "Account Name")
        add(.owner, "Opportunity Owner")
        add(.source, "Lead Source")
        add(.currency, "Opportunity Currency", "Amount Currency")
        add(.createdAt, "Created Date")
        add(.notes, "Description")
        // Common variants.
        add(.title, "Name", "Deal")
        add(.value, "Deal value")
        add(.company, "Organization", "Organisation", "Company name", "Account")
        add(.contact, "Contact person")
        add(.expectedClose, "Expected close date", "Closing date")
        add(.nextAction, "Next action")
        add(.notes, "Deal - Notes", "Deal - Note")
        add(.nextActionDue, "Next action due", "Next action date")
        add(.notes, "Note")
        add(.tags, "Tag", "Labels")
        return t
    }()

    /// Column names that only one program writes, to tell where a file comes from.
    static let signatures: [ImportSource: Set<String>] = [
        .hubspot: Set([
            "deal name", "deal stage", "deal owner", "record id", "create date", "deal description",
            "closed lost reason", "deal probability", "associated company", "associated contact",
        ]),
        .odoo: Set([
            "opportunity", "expected revenue", "customer", "contact name", "salesperson", "expected closing",
            "created on", "last updated on", "internal notes",
        ]),
        .salesforce: Set([
            "opportunity name", "probability (%)", "account name", "opportunity owner", "lead source",
            "opportunity id", "opportunity currency", "created date",
        ]),
    ]

    /// The mapping for a header record. `overrides` come from `--map`: a column name (compared
    /// like the others) and the field it fills, nil to ignore the column.
    public static func recognise(headers: [String], overrides: [(column: String, field: ImportField?)] = [])
        throws(ImportSetupError) -> ColumnMapping
    {
        let names = headers.map(normalize)
        var fields: [ImportField?] = names.map { known[$0] }
        var forced = Set<Int>()
        for o in overrides {
            let key = normalize(o.column)
            let matches = names.indices.filter { names[$0] == key }
            if matches.isEmpty { throw .unknownMapColumn(o.column, headers: headers) }
            for i in matches { fields[i] = o.field; forced.insert(i) }
        }
        // A field filled by two columns: the one named by --map wins, else the first.
        var duplicates: [Int] = []
        var taken: [ImportField: Int] = [:]
        for i in fields.indices {
            guard let f = fields[i] else { continue }
            if let j = taken[f] {
                if forced.contains(i) && !forced.contains(j) {
                    fields[j] = nil; duplicates.append(j); taken[f] = i
                } else {
                    fields[i] = nil; duplicates.append(i)
                }
            } else {
                taken[f] = i
            }
        }
        guard fields.contains(.title) else { throw .noTitleColumn(headers: headers) }
        return ColumnMapping(
            headers: headers, fields: fields, source: source(of: names), duplicates: duplicates.sorted())
    }

    static func source(of names: [String]) -> ImportSource {
        if names.contains(where: { $0.hasPrefix("deal - ") }) { return .pipedrive }
        var best = ImportSource.plain, bestScore = 0
        for s in [ImportSource.hubspot, .odoo, .salesforce] {
            let score = names.filter { signatures[s]!.contains($0) }.count
            if score > bestScore { best = s; bestScore = score }
        }
        return best
    }
}

/// Problems with the file or the options as a whole; nothing is imported.
public enum ImportSetupError: Error, Hashable, Sendable {
    case noTitleColumn(headers: [String])
    case unknownMapColumn(String, headers: [String])
    case unknownMapField(String)
    case badMapOption(String)
    case badStageMapOption(String)
    case unknownStageMapTarget(String, stages: [Stage])
    case csv(CSVError)
    case noDataRows
}

/// Parses the `--map "Column=field"` option. An empty field, `-` or `ignore` ignores the column.
public func parseMapOption(_ raw: String) throws(ImportSetupError) -> (column: String, field: ImportField?) {
    guard let eq = raw.lastIndex(of: "=") else { throw .badMapOption(raw) }
    let column = raw[..<eq].trimmingCharacters(in: .whitespaces)
    let target = raw[raw.index(after: eq)...].trimmingCharacters(in: .whitespaces)
    guard !column.isEmpty else { throw .badMapOption(raw) }
    if target.isEmpty || target == "-" || target.lowercased() == "ignore" { return (column, nil) }
    guard let f = ImportField.named(target) else { throw .unknownMapField(target) }
    return (column, f)
}

// MARK: - Amounts

/// The decimal mark of a file's amounts.
public enum DecimalMark: String, Sendable, Hashable {
    case point = "."
    case comma = ","
}

/// What one amount's punctuation says about the file's decimal mark.
enum AmountShape: Equatable {
    /// No separator: "10000".
    case plain
    /// Written with a decimal comma for sure: "10,5", "10.000,50", "1.000.000".
    case comma
    /// Written with a decimal point for sure: "10.5", "10,000.50", "1,000,000".
    case point
    /// "10,000": one comma and three digits (grouping with a point, three decimals with a comma).
    case groupedComma
    /// "10.000": one point and three digits.
    case groupedPoint
    /// Something else (letters, misplaced separators): left to the parser to refuse.
    case other

    init(_ text: String) {
        var commas = 0, dots = 0, after = 0
        var last: Character? = nil
        for ch in text {
            if ch == "," || ch == "." {
                if ch == "," { commas += 1 } else { dots += 1 }
                last = ch; after = 0
            } else if ch.isASCII && ch.isNumber {
                after += 1
            }
        }
        switch (commas, dots) {
        case (0, 0): self = .plain
        case (_, _) where commas > 0 && dots > 0: self = last == "," ? .comma : .point
        case (1, 0): self = after == 3 ? .groupedComma : (1...2).contains(after) ? .comma : .other
        case (0, 1): self = after == 3 ? .groupedPoint : (1...2).contains(after) ? .point : .other
        case (_, 0): self = .point // "1,000,000"
        default: self = .comma // "1.000.000"
        }
    }
}

/// Reads a file's amounts with one decimal mark, decided from all of them (or given).
public struct AmountReader: Sendable {
    /// The mark decided for the file; nil when the values do not agree (each is then read on its own
    /// and only unambiguous ones are accepted).
    public var mark: DecimalMark?
    /// True when `mark` was given rather than decided.
    public var given: Bool

    public init(values: [String], given: DecimalMark?) {
        if let given { mark = given; self.given = true; return }
        self.given = false
        var comma = 0, point = 0, groupedComma = 0, groupedPoint = 0
        for v in values {
            switch AmountShape(AmountReader.split(v).number) {
            case .comma: comma += 1
            case .point: point += 1
            case .groupedComma: groupedComma += 1
            case .groupedPoint: groupedPoint += 1
            case .plain, .other: break
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

    public enum Failure: Error, Hashable, Sendable {
        case notAnAmount
        case ambiguous
        case tooManyDecimals
        case negative
        case otherMark(DecimalMark)
    }

    /// An amount and the currency written with it ("$", "€", "USD"), if any.
    public func read(_ raw: String) -> Result<(Money, String?), Failure> {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let shape = AmountShape(AmountReader.split(text).number)
        var comma = false
        if let mark {
            switch (mark, shape) {
            case (.point, .comma): return .failure(.otherMark(.comma))
            case (.comma, .point): return .failure(.otherMark(.point))
            // "10.000" in a file that writes "10.50": three decimals, or a grouping it never uses elsewhere.
            case (.point, .groupedPoint) where !given, (.comma, .groupedComma) where !given: return .failure(.ambiguous)
            default: comma = mark == .comma
            }
        } else {
            switch shape {
            case .groupedComma, .groupedPoint: return .failure(.ambiguous)
            case .comma: comma = true
            default: comma = false
            }
        }
        // The currency written with the amount: a symbol or an ISO code; other letters ("12abc")
        // make it no amount. "kr" is a currency whose country the amount does not say.
        let (number, affix) = AmountReader.split(text)
        let currency = AmountReader.currency(affix: affix)
        if !affix.isEmpty && currency == nil && !AmountReader.unnamedSymbols.contains(affix.lowercased()) {
            return .failure(.notAnAmount)
        }
        guard let m = Money.parseLenient(number, maxDecimals: 6, decimalComma: comma) else {
            return .failure(.notAnAmount)
        }
        if m.isNegative { return .failure(.negative) }
        if m.decimalsNeeded > 2 { return .failure(.tooManyDecimals) }
        return .success((m, currency))
    }

    static let unnamedSymbols: Set<String> = ["kr", "kr."]

    /// ISO 4217 codes (the core's list).
    static let isoCodes: Set<String> = ISO4217.codes

    /// The number (from its first digit, or the minus sign before it, to its last digit) and the
    /// text around it without blanks: "Fr. 1 250" → ("1 250", "Fr."), "10 000,50 €" → ("10 000,50", "€").
    static func split(_ text: String) -> (number: String, affix: String) {
        let chars = Array(text)
        guard let first = chars.firstIndex(where: { $0.isASCII && $0.isNumber }),
            let last = chars.lastIndex(where: { $0.isASCII && $0.isNumber })
        else { return (text, "") }
        var start = first
        if start > 0 && chars[start - 1] == "-" { start -= 1 }
        if start > 0 && (chars[start - 1] == "." || chars[start - 1] == ",")
            && (start < 2 || !chars[start - 2].isLetter)
        {
            start -= 1
        }
        let affix = String(chars[..<start] + chars[(last + 1)...]).filter { !$0.isWhitespace }
        return (String(chars[start...last]), affix)
    }

    static let symbols: [String: String] = [
        "€": "EUR", "$": "USD", "US$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW",
        "R$": "BRL", "CA$": "CAD", "C$": "CAD", "A$": "AUD", "CN¥": "CNY", "zł": "PLN",
        "₽": "RUB", "₺": "TRY", "₪": "ILS", "Fr.": "CHF", "Fr": "CHF",
    ]

    /// The currency symbol or ISO code written before or after an amount, as a code.
    public static func currency(in text: String) -> String? { currency(affix: split(text).affix) }

    static func currency(affix: String) -> String? {
        guard !affix.isEmpty else { return nil }
        if let code = symbols[affix] { return code }
        let upper = affix.uppercased()
        if upper.count == 3, Board.isCurrencyCode(upper), isoCodes.contains(upper) { return upper }
        return nil
    }
}

/// A currency column's value: a code in any case, or a symbol.
public func readCurrencyCode(_ raw: String) -> String? {
    let t = raw.trimmingCharacters(in: .whitespaces)
    if let code = AmountReader.symbols[t] { return code }
    let upper = t.uppercased()
    return Board.isCurrencyCode(upper) && AmountReader.isoCodes.contains(upper) ? upper : nil
}

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
    var t = raw.trimmingCharacters(in: .whitespaces)
    if t.hasSuffix("%") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
    if t.filter({ $0 == "," }).count == 1 && !t.contains(".") { t = t.replacingOccurrences(of: ",", with: ".") }
    guard !t.hasPrefix("-"), let m = Money.parse(t, maxDecimals: 6) else { return .failure(.notAPercentage) }
    if fraction {
        if raw.contains("%") { return .failure(.notAFraction) }
        guard m <= Money(units: 1) else { return .failure(.notAFraction) }
        // A fraction with four decimals is a percentage with two.
        guard m.micros % 100 == 0 else { return .failure(.notAPercentage) }
        return .success(Percent(hundredths: Int(m.micros / 100)))
    }
    guard m.micros % 10_000 == 0 else { return .failure(.notAPercentage) }
    let p = Percent(hundredths: Int(m.micros / 10_000))
    return p.isValid ? .success(p) : .failure(.outOfRange)
}

// MARK: - Dates

/// The order of day and month in dates such as 03/04/2026.
public enum DateOrder: String, CaseIterable, Sendable {
    case dayMonth = "dmy"
    case monthDay = "mdy"
}

public enum DateFailure: Error, Hashable, Sendable {
    case notADate
    /// 03/04/2026 in a file where nothing tells whether day or month comes first.
    case ambiguous
}

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
            guard let p = DateReader.slashParts(v) else { continue }
            if p.0 > 12 && p.1 <= 12 { dayFirst = true }
            if p.1 > 12 && p.0 <= 12 { monthFirst = true }
        }
        order = dayFirst == monthFirst ? nil : (dayFirst ? .dayMonth : .monthDay)
    }

    /// "A/B/YYYY", "A-B-YYYY" or "A/B/YY" (1–2 digit A and B), with an optional time after a space.
    static func slashParts(_ raw: String) -> (Int, Int, Int)? {
        let datePart =
            raw.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        let sep: Character = datePart.contains("/") ? "/" : "-"
        let parts = datePart.split(separator: sep, omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4 || parts[2].count == 2,
            let a = Int(parts[0]), let b = Int(parts[1]), var y = Int(parts[2])
        else { return nil }
        if parts[2].count == 2 { y += 2000 }
        return (a, b, y)
    }

    public func day(_ raw: String) -> Result<Day, DateFailure> {
        let t = raw.trimmingCharacters(in: .whitespaces)
        // ISO day, possibly followed by a time.
        if t.count >= 10, let d = Day.parse(String(t.prefix(10))) {
            if t.count == 10 { return .success(d) }
            let rest = t.dropFirst(10)
            if rest.first == " " || rest.first == "T" || rest.first == "t" { return .success(d) }
            return .failure(.notADate)
        }
        let datePart = t.split(separator: " ", maxSplits: 1).first.map(String.init) ?? t
        // 2026/03/04
        let slash = datePart.split(separator: "/", omittingEmptySubsequences: false)
        if slash.count == 3, slash[0].count == 4, let y = Int(slash[0]), let m = Int(slash[1]), let d = Int(slash[2]) {
            return Day(year: y, month: m, day: d).map { .success($0) } ?? .failure(.notADate)
        }
        // 04.03.2026: always day first.
        let dots = datePart.split(separator: ".", omittingEmptySubsequences: false)
        if dots.count == 3, (1...2).contains(dots[0].count), (1...2).contains(dots[1].count),
            dots[2].count == 4 || dots[2].count == 2,
            let d = Int(dots[0]), let m = Int(dots[1]), var y = Int(dots[2])
        {
            if dots[2].count == 2 { y += 2000 }
            return Day(year: y, month: m, day: d).map { .success($0) } ?? .failure(.notADate)
        }
        guard let (a, b, y) = DateReader.slashParts(t) else { return .failure(.notADate) }
        let o: DateOrder
        if let order {
            o = order
        } else if a == b {
            o = .dayMonth
        } else if a > 12 {
            o = .dayMonth
        } else if b > 12 {
            o = .monthDay
        } else {
            return .failure(.ambiguous)
        }
        let (d, m) = o == .dayMonth ? (a, b) : (b, a)
        return Day(year: y, month: m, day: d).map { .success($0) } ?? .failure(.notADate)
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
