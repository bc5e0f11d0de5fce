import Foundation

/// Reads times of day, "when" (a day with an optional time) and durations as people type them.
public enum TimeParser {
    /// A time of day: "14:30", "9:05", "14h30", "9h", "2pm", "2:30 pm", "12am" (midnight).
    public static func time(_ text: String) -> TimeOfDay? {
        var t = text.trimmingCharacters(in: .whitespaces).lowercased()
        var meridiem: Int? = nil // 0 am, 12 pm
        for (suffix, add) in [("am", 0), ("pm", 12), ("a.m.", 0), ("p.m.", 12)] where t.hasSuffix(suffix) {
            t = String(t.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            meridiem = add
            break
        }
        let separator: Character? = t.contains(":") ? ":" : t.contains("h") ? "h" : nil
        var hourText = t, minuteText = ""
        if let separator {
            let parts = t.split(separator: separator, maxSplits: 1, omittingEmptySubsequences: false)
            hourText = String(parts[0])
            minuteText = parts.count > 1 ? String(parts[1]) : ""
            // "14:" is not a time; "14h" is.
            if separator == ":" && minuteText.count != 2 { return nil }
            if separator == "h" && !(minuteText.isEmpty || minuteText.count == 2) { return nil }
        } else if meridiem == nil {
            return nil // a bare number is not a time
        }
        guard (1...2).contains(hourText.count), hourText.allSatisfy({ $0.isASCII && $0.isNumber }),
            minuteText.allSatisfy({ $0.isASCII && $0.isNumber }), var hour = Int(hourText)
        else { return nil }
        let minute = minuteText.isEmpty ? 0 : Int(minuteText)!
        if let m = meridiem {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + m
        }
        return TimeOfDay(hour: hour, minute: minute)
    }

    /// A day and an optional time, as typed for an activity: "tomorrow 14:30", "+3", "fri 9h",
    /// "2026-12-03 at 10:00", or a time alone ("16:00": today). The day is read by
    /// `DateParser`'s typed dates.
    public static func when(_ text: String, today: Day, language: Language = .current)
        -> Result<(day: Day, time: TimeOfDay?), DateFailure>
    {
        let t = text.trimmingCharacters(in: .whitespaces)
        if case .success(let d) = DateParser.parse(t, .typed(today: today), language: language) {
            return .success((d, nil))
        }
        var words = t.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return .failure(.notADate) }
        // The time is the last word, or the last two ("2 pm").
        var time: TimeOfDay? = nil
        if words.count >= 2, let tm = TimeParser.time(words.suffix(2).joined(separator: " ")),
            ["am", "pm", "a.m.", "p.m."].contains(words.last!.lowercased())
        {
            time = tm
            words.removeLast(2)
        } else if let tm = TimeParser.time(words.last!) {
            time = tm
            words.removeLast()
        } else {
            return .failure(.notADate)
        }
        if let last = words.last?.lowercased(), ["at", "à", "a", "@"].contains(last) { words.removeLast() }
        if words.isEmpty { return .success((today, time)) }
        switch DateParser.parse(words.joined(separator: " "), .typed(today: today), language: language) {
        case .success(let d): return .success((d, time))
        case .failure(let f): return .failure(f)
        }
    }

    /// A duration in minutes: "30" (minutes), "30m", "45 min", "1h", "1h30", "1:30", "2 h";
    /// nil when it is not one or is outside `Activity.durationRange`.
    public static func duration(_ text: String) -> Int? {
        var t = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "")
        for suffix in ["minutes", "minute", "mins", "min", "mn", "m"] where t.hasSuffix(suffix) {
            t = String(t.dropLast(suffix.count))
            return digitsValue(t).flatMap(inRange)
        }
        let separator: Character? = t.contains(":") ? ":" : t.contains("h") ? "h" : nil
        guard let separator else { return digitsValue(t).flatMap(inRange) }
        let parts = t.split(separator: separator, maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let h = digitsValue(parts[0]) else { return nil }
        var rest = parts.count > 1 ? parts[1] : ""
        if separator == "h", rest.hasSuffix("min") { rest = String(rest.dropLast(3)) }
        if rest.isEmpty { return separator == "h" ? inRange(h * 60) : nil }
        guard rest.count <= 2, let m = digitsValue(rest), m < 60 else { return nil }
        return inRange(h * 60 + m)
    }

    static func digitsValue(_ s: String) -> Int? {
        guard !s.isEmpty, s.count <= 5, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    static func inRange(_ n: Int) -> Int? { Activity.durationRange.contains(n) ? n : nil }

    /// A duration as it is typed back into a field: "45m", "1h", "1h30".
    public static func durationInput(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        if h == 0 { return "\(m)m" }
        return m == 0 ? "\(h)h" : "\(h)h" + (m < 10 ? "0" : "") + "\(m)"
    }
}
