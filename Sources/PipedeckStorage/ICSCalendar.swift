import Foundation
import PipedeckCore

/// One event of an iCalendar file: all day, or at a time of day (on the reader's clock, a
/// "floating" time) with an optional duration.
public struct ICSEvent: Hashable, Sendable {
    public var uid: String
    public var stamp: Timestamp
    public var day: Day
    public var time: TimeOfDay?
    /// Minutes; only with a time.
    public var duration: Int?
    public var summary: String
    public var description: String?
    public var categories: [String]

    public init(
        uid: String, stamp: Timestamp, day: Day, time: TimeOfDay? = nil, duration: Int? = nil, summary: String,
        description: String? = nil, categories: [String] = []
    ) {
        self.uid = uid; self.stamp = stamp; self.day = day; self.time = time; self.duration = duration
        self.summary = summary; self.description = description; self.categories = categories
    }
}

/// Writes an iCalendar (RFC 5545) file: CRLF line ends, content lines folded at 75 octets
/// (never inside a UTF-8 sequence), TEXT values escaped; never without a component.
public enum ICSWriter {
    public static let productID = "-//Pipedeck//Pipedeck//EN"

    public static func calendar(name: String?, events: [ICSEvent]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if let name { lines.append("X-WR-CALNAME:" + escape(name)) }
        for e in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + escape(e.uid))
            lines.append("DTSTAMP:" + dateTime(e.stamp))
            if let t = e.time {
                // A floating time: the same hour on whatever clock the calendar shows it; without a
                // duration the event is a moment (RFC 5545, 3.6.1).
                lines.append("DTSTART:" + date(e.day) + "T" + hourMinute(t) + "00")
                if let m = e.duration { lines.append("DURATION:PT\(m)M") }
            } else {
                lines.append("DTSTART;VALUE=DATE:" + date(e.day))
                lines.append("DTEND;VALUE=DATE:" + date(e.day.adding(days: 1)))
            }
            lines.append("SUMMARY:" + escape(e.summary))
            if let d = e.description { lines.append("DESCRIPTION:" + escape(d)) }
            if !e.categories.isEmpty { lines.append("CATEGORIES:" + e.categories.map(escape).joined(separator: ",")) }
            // A timed activity takes the time; an all-day reminder does not.
            lines.append(e.time == nil ? "TRANSP:TRANSPARENT" : "TRANSP:OPAQUE")
            lines.append("END:VEVENT")
        }
        // RFC 5545 wants at least one component in a calendar. With no event, the calendar gets
        // the description of UTC, which no event uses: a valid calendar that shows nothing, so a
        // subscribed calendar empties when the last next action is done.
        if events.isEmpty { lines += utcTimeZone }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    static let utcTimeZone = [
        "BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0000", "TZNAME:UTC", "END:STANDARD", "END:VTIMEZONE",
    ]

    /// 20260601
    public static func date(_ d: Day) -> String {
        let c = d.components
        return String(format: "%04d%02d%02d", c.year, c.month, c.day)
    }

    /// "1430"
    static func hourMinute(_ t: TimeOfDay) -> String { t.description.filter { $0 != ":" } }

    /// 20260601T091500Z
    public static func dateTime(_ t: Timestamp) -> String {
        let s = t.description // 2026-06-01T09:15:00Z
        return s.filter { $0 != "-" && $0 != ":" }
    }

    /// TEXT escaping: backslash, semicolon, comma and line breaks; other control characters are dropped.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var previousCR = false
        for u in s.unicodeScalars {
            defer { previousCR = u == "\r" }
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": if !previousCR { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out += " "
            default:
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// One content line with its CRLF, folded: at most 75 octets per physical line, each
    /// continuation starting with a space, cuts only between whole characters' UTF-8 sequences.
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        if bytes.count <= 75 { return line + "\r\n" }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 70 * 3 + 2)
        var i = 0
        var limit = 75
        while i < bytes.count {
            var end = min(i + limit, bytes.count)
            // Back off to the start of a UTF-8 sequence (never cut before a continuation byte).
            while end < bytes.count && end > i && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            out.append(contentsOf: bytes[i..<end])
            out.append(0x0D); out.append(0x0A)
            i = end
            if i < bytes.count { out.append(0x20) }
            limit = 74
        }
        return String(decoding: out, as: UTF8.self)
    }
}
