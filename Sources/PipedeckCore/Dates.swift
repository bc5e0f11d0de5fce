import Foundation

/// A calendar day (YYYY-MM-DD) without time or zone, stored as days since 1970-01-01.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var ordinal: Int
    public init(ordinal: Int) { self.ordinal = ordinal }
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.ordinal = Day.daysFromCivil(year, month, day)
    }
    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
    // Howard Hinnant's civil calendar algorithms (public domain formulas).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
    public var year: Int { components.year }
    public var month: Int { components.month }
    /// The day of the month, 1–31.
    public var dayOfMonth: Int { components.day }
    /// 0 = Monday … 6 = Sunday
    public var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    public var description: String {
        let c = components
        return String(format: "%04d-%02d-%02d", c.year, c.month, c.day)
    }

    /// Strict YYYY-MM-DD.
    public static func parse(_ s: String) -> Day? {
        var s = s
        return s.withUTF8 { parse(utf8: $0) }
    }

    /// Strict YYYY-MM-DD from UTF-8 bytes (the board file's dates, read in place).
    public static func parse(utf8 u: UnsafeBufferPointer<UInt8>) -> Day? {
        guard u.count == 10, u[4] == 45, u[7] == 45, let y = digits(u, 0, 4), let m = digits(u, 5, 7),
            let d = digits(u, 8, 10)
        else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// The number written with the ASCII digits u[a..<b], nil when one is not a digit.
    @inline(__always) static func digits(_ u: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Int? {
        var v = 0
        for i in a..<b {
            let c = u[i] &- 48
            guard c < 10 else { return nil }
            v = v * 10 + Int(c)
        }
        return v
    }

    /// Today in the given time zone (the user's by default).
    public static func today(at now: Timestamp = .now(), in zone: TimeZone = .current) -> Day {
        now.day(in: zone)
    }
}

/// An instant in UTC with whole-second precision; written as "2026-11-30T09:15:00Z".
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64
    public init(seconds: Int64) { self.seconds = seconds }
    public static func now() -> Timestamp { Timestamp(seconds: Int64(Date().timeIntervalSince1970.rounded(.down))) }
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
    public func adding(seconds s: Int64) -> Timestamp { Timestamp(seconds: seconds + s) }
    public func adding(days d: Int) -> Timestamp { Timestamp(seconds: seconds + Int64(d) * 86_400) }

    public var utcDay: Day { Day(ordinal: Int((seconds - floorMod(seconds, 86_400)) / 86_400)) }
    public func day(in zone: TimeZone) -> Day {
        let off = Int64(zone.secondsFromGMT(for: date))
        let s = seconds + off
        return Day(ordinal: Int((s - floorMod(s, 86_400)) / 86_400))
    }

    public var description: String {
        let d = utcDay.components
        let r = floorMod(seconds, 86_400)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
            Int(r / 3600), Int(r / 60 % 60), Int(r % 60))
    }

    /// Parses "YYYY-MM-DDTHH:MM:SSZ" and also accepts an explicit offset ("+02:00") or fractional seconds
    /// (which are dropped), so files edited by hand or by other tools still load.
    public static func parse(_ s: String) -> Timestamp? {
        var s = s
        return s.withUTF8 { parse(utf8: $0) }
    }

    /// `parse` from UTF-8 bytes (the board file's times, read in place).
    public static func parse(utf8 u: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard u.count >= 20, u[10] == 84 || u[10] == 116, u[13] == 58, u[16] == 58,
            let day = Day.parse(utf8: UnsafeBufferPointer(rebasing: u[0..<10]))
        else { return nil }
        guard let h = Day.digits(u, 11, 13), let m = Day.digits(u, 14, 16), let sec = Day.digits(u, 17, 19), h < 24,
            m < 60, sec < 61
        else {
            return nil
        }
        var i = 19
        if i < u.count && u[i] == 46 {
            i += 1
            let start = i
            while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1 }
            if i == start { return nil }
        }
        guard i < u.count else { return nil }
        var offset = 0
        if u[i] == 90 || u[i] == 122 {
            i += 1
        } else if u[i] == 43 || u[i] == 45 {
            guard u.count == i + 6, u[i + 3] == 58, let oh = Day.digits(u, i + 1, i + 3),
                let om = Day.digits(u, i + 4, i + 6)
            else {
                return nil
            }
            offset = (oh * 3600 + om * 60) * (u[i] == 45 ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == u.count else { return nil }
        let secs = Int64(day.ordinal) * 86_400 + Int64(h * 3600 + m * 60 + sec) - Int64(offset)
        return Timestamp(seconds: secs)
    }
}

@inline(__always) func floorMod(_ a: Int64, _ b: Int64) -> Int64 { let r = a % b; return r < 0 ? r + b : r }
