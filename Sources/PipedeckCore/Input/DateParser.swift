import Foundation

/// Why a text is not a date.
public enum DateFailure: Error, Hashable, Sendable {
    case notADate
    /// 03/04/2026 where nothing tells whether the day or the month comes first.
    case ambiguous
}

/// Reads dates, for every place that takes one: the board file and the command line (ISO days),
/// the forms (a date as a person types it, in their language) and the CSV import (numeric dates
/// whose day/month order is decided for the whole file).
public enum DateParser {
    public enum Strictness: Sendable {
        /// "YYYY-MM-DD" and nothing else.
        case iso
        /// As a person types a due date, relative to `today`: an ISO day; "today", "tomorrow";
        /// "+3" or "+3d" (days), "+2w" (weeks); a weekday ("mon", "friday": the next such day).
        /// In French: "aujourd'hui", "demain", "après-demain", "+3j", "+2s", "lundi", "ven.", and
        /// numeric days with the day first ("03/12/2026", "3/12": the next 3 December).
        case typed(today: Day)
        /// Numeric dates as files write them: ISO (a time after it is ignored), 2026/03/04,
        /// 04.03.2026 (day first), and 04/03/2026 or 4/3/26 in the given order; with no order,
        /// such a date is read only when one of its numbers is above 12.
        case numeric(order: DateOrder?)
    }

    /// `language` is the language of the moment unless said (`Language.current`).
    public static func parse(_ text: String, _ strictness: Strictness, language: Language = .current)
        -> Result<Day, DateFailure>
    {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch strictness {
        case .iso: return Day.parse(t).map { .success($0) } ?? .failure(.notADate)
        case .typed(let today): return typed(t, today: today, language: language)
        case .numeric(let order): return numeric(t, order: order)
        }
    }

    // MARK: - Typed

    struct Words {
        var today: Set<String>
        var tomorrow: Set<String>
        var afterTomorrow: Set<String>
        /// Monday first.
        var weekdays: [String]
        var dayUnits: Set<String>
        var weekUnits: Set<String>
        /// Whether "3/12" is read day first.
        var numericDays: Bool
    }

    static func words(_ language: Language) -> Words {
        switch language {
        case .english:
            return Words(
                today: ["today", "tod"], tomorrow: ["tomorrow", "tom", "tmr"], afterTomorrow: [],
                weekdays: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
                dayUnits: ["", "d"], weekUnits: ["w"], numericDays: false)
        case .french:
            return Words(
                today: ["aujourd'hui", "aujourd’hui", "auj", "auj."], tomorrow: ["demain", "dem", "dem."],
                afterTomorrow: ["après-demain", "apres-demain", "après demain", "apres demain"],
                weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
                dayUnits: ["", "j"], weekUnits: ["s", "sem"], numericDays: true)
        }
    }

    /// The largest number in "+N" (days or weeks).
    static let maxOffset = 3650

    static func typed(_ text: String, today: Day, language: Language) -> Result<Day, DateFailure> {
        let t = text.lowercased()
        if let d = Day.parse(t) { return .success(d) }
        let w = words(language)
        if w.today.contains(t) { return .success(today) }
        if w.tomorrow.contains(t) { return .success(today.adding(days: 1)) }
        if w.afterTomorrow.contains(t) { return .success(today.adding(days: 2)) }
        if t.hasPrefix("+") {
            let body = t.dropFirst()
            let digits = body.prefix { $0.isASCII && $0.isNumber }
            let unit = String(body.dropFirst(digits.count)).trimmingCharacters(in: .whitespaces)
            guard !digits.isEmpty, digits.count <= 5, let n = Int(digits), n <= maxOffset,
                let days = w.dayUnits.contains(unit) ? n : w.weekUnits.contains(unit) ? n * 7 : nil
            else { return .failure(.notADate) }
            return .success(today.adding(days: days))
        }
        let name = t.hasSuffix(".") ? String(t.dropLast()) : t
        if name.count >= 3, let k = w.weekdays.firstIndex(where: { $0.hasPrefix(name) }) {
            var ahead = (k - today.weekday + 7) % 7
            if ahead == 0 { ahead = 7 }
            return .success(today.adding(days: ahead))
        }
        if w.numericDays, let d = dayFirst(t, today: today) { return .success(d) }
        return .failure(.notADate)
    }

    /// "03/12/2026", "3/12/26", or "3/12": the next 3 December from today (today included).
    static func dayFirst(_ t: String, today: Day) -> Day? {
        let parts = t.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            let d = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        if parts.count == 3 {
            guard parts[2].count == 4 || parts[2].count == 2, var y = Int(parts[2]) else { return nil }
            if parts[2].count == 2 { y += 2000 }
            return Day(year: y, month: m, day: d)
        }
        guard let thisYear = Day(year: today.year, month: m, day: d) ?? Day(year: today.year + 1, month: m, day: d)
        else { return nil }
        return thisYear >= today ? thisYear : Day(year: today.year + 1, month: m, day: d)
    }

    // MARK: - Numeric

    static func numeric(_ t: String, order: DateOrder?) -> Result<Day, DateFailure> {
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
        if let (d, m, y) = threeNumbers(datePart, separator: ".") {
            return Day(year: y, month: m, day: d).map { .success($0) } ?? .failure(.notADate)
        }
        guard let (a, b, y) = slashParts(t) else { return .failure(.notADate) }
        let o: DateOrder
        if let order {
            o = order
        } else if a == b || a > 12 {
            o = .dayMonth
        } else if b > 12 {
            o = .monthDay
        } else {
            return .failure(.ambiguous)
        }
        let (d, m) = o == .dayMonth ? (a, b) : (b, a)
        return Day(year: y, month: m, day: d).map { .success($0) } ?? .failure(.notADate)
    }

    /// "A/B/YYYY", "A-B-YYYY" or "A/B/YY" (A and B of one or two digits), with an optional time
    /// after a space: (A, B, year).
    public static func slashParts(_ raw: String) -> (Int, Int, Int)? {
        let datePart =
            raw.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        return threeNumbers(datePart, separator: datePart.contains("/") ? "/" : "-")
    }

    /// "A?B?YYYY" or "A?B?YY" with one or two digits for A and B; a two-digit year is in 2000–2099.
    static func threeNumbers(_ text: String, separator: Character) -> (Int, Int, Int)? {
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4 || parts[2].count == 2,
            let a = Int(parts[0]), let b = Int(parts[1]), var y = Int(parts[2])
        else { return nil }
        if parts[2].count == 2 { y += 2000 }
        return (a, b, y)
    }
}
