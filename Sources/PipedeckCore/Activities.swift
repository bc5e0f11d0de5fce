import Foundation

/// What kind of thing an activity is. A fixed set: each has a glyph on the board, a letter that
/// picks it in the forms, and a name in the file and on the command line.
public enum ActivityType: String, CaseIterable, Sendable, Hashable {
    case call, meeting, email, task, deadline

    /// The letter that picks it in the forms (c, m, e, t, d).
    public var letter: Character {
        switch self {
        case .call: return "c"
        case .meeting: return "m"
        case .email: return "e"
        case .task: return "t"
        case .deadline: return "d"
        }
    }

    /// The type of a letter typed in a form (either case).
    public static func from(letter: Character) -> ActivityType? {
        let l = Character(letter.lowercased())
        return allCases.first { $0.letter == l }
    }

    /// A type named on the command line or in an imported file: its name or its letter, in any
    /// case, and the words CRMs use for them ("Phone call", "Mail", "To-do", "Lunch"…).
    public static func named(_ text: String) -> ActivityType? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let exact = ActivityType(rawValue: t) { return exact }
        if t.count == 1, let c = t.first { return from(letter: c) }
        for (type, words) in synonyms where words.contains(where: { t.contains($0) }) { return type }
        return nil
    }

    /// Words in other programs' activity types, in the order they are tried.
    static let synonyms: [(ActivityType, [String])] = [
        (.email, ["mail", "courriel"]),
        (.call, ["call", "phone", "appel", "téléphone"]),
        (.meeting, ["meeting", "lunch", "demo", "visit", "rendez", "réunion", "rdv"]),
        (.deadline, ["deadline", "échéance", "due"]),
        (.task, ["task", "to-do", "todo", "to do", "tâche", "follow", "upload", "document"]),
    ]
}

/// A time of day on the user's clock (no time zone), minutes after midnight; written "14:30".
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }

    /// "09:05"
    public var description: String {
        let h = hour, m = minute
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    /// Strict "HH:MM" (the file's form).
    public static func parse(_ s: String) -> TimeOfDay? {
        let u = Array(s.utf8)
        guard u.count == 5, u[2] == 58 else { return nil }
        func digit(_ b: UInt8) -> Int? { b >= 48 && b <= 57 ? Int(b - 48) : nil }
        guard let h1 = digit(u[0]), let h2 = digit(u[1]), let m1 = digit(u[3]), let m2 = digit(u[4]) else { return nil }
        return TimeOfDay(hour: h1 * 10 + h2, minute: m1 * 10 + m2)
    }
}

/// Something done or to do on a deal: a call, a meeting, an email, a task or a deadline. Planned
/// ones (not done) have a due date when they are scheduled; logged ones are done, with the time
/// they were marked done and what came of them. The earliest planned one is the deal's next
/// action (`Deal.nextActivity`).
public struct Activity: Hashable, Sendable, Identifiable {
    /// Unique on the board; an activity keeps it for life, so that two copies of a board merge
    /// their activities by it.
    public var id: String
    public var type: ActivityType
    public var subject: String
    /// The day it is planned for (the user's calendar day).
    public var due: Day?
    /// The time it is planned at, on that day; nil: at some time during the day.
    public var time: TimeOfDay?
    /// How long it lasts, in minutes.
    public var duration: Int?
    public var done: Bool
    /// When it was marked done; nil for a planned one, and for one done before Pipedeck kept the time.
    public var doneAt: Timestamp?
    /// What came of it ("wants a discount").
    public var outcome: String?
    /// The salesperson doing it.
    public var owner: String?
    public var createdAt: Timestamp
    /// Fields of the file that this version does not know, written back unchanged.
    public var extra: UnknownFields = [:]

    @inlinable // made for every activity of every board read (PipedeckStorage's fast path)
    public init(
        id: String, type: ActivityType, subject: String, due: Day? = nil, time: TimeOfDay? = nil,
        duration: Int? = nil, done: Bool = false, doneAt: Timestamp? = nil, outcome: String? = nil,
        owner: String? = nil, createdAt: Timestamp
    ) {
        self.id = id; self.type = type; self.subject = subject; self.due = due; self.time = time
        self.duration = duration; self.done = done; self.doneAt = doneAt; self.outcome = outcome
        self.owner = owner; self.createdAt = createdAt
    }

    /// The longest duration, in minutes (a day).
    public static let durationRange = 1...1440

    /// Planned order: dated ones by day, a day's untimed ones before its timed ones, then by
    /// time; undated ones last; ties by creation, then id.
    public static func plannedBefore(_ a: Activity, _ b: Activity) -> Bool {
        switch (a.due, b.due) {
        case (let x?, let y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        switch (a.time, b.time) {
        case (let x?, let y?) where x != y: return x < y
        case (nil, .some): return true
        case (.some, nil): return false
        default: break
        }
        if a.createdAt != b.createdAt { return a.createdAt < b.createdAt }
        return a.id < b.id
    }
}

extension Deal {
    /// The next action: the earliest activity not done (see `Activity.plannedBefore`), nil when
    /// nothing is planned.
    public var nextActivity: Activity? {
        var best: Activity? = nil
        for a in activities where !a.done {
            if let b = best, !Activity.plannedBefore(a, b) { continue }
            best = a
        }
        return best
    }

    /// The activities not done yet, earliest first.
    public var plannedActivities: [Activity] {
        activities.filter { !$0.done }.sorted(by: Activity.plannedBefore)
    }

    /// The position of activity `id` in `activities`.
    public func activityIndex(_ id: String) -> Int? { activities.firstIndex { $0.id == id } }
}

extension Board {
    /// A fresh activity id: eight characters of the deal ids' alphabet, used by no activity of
    /// the board (deal ids have six, so the two never meet).
    public func makeActivityID(random: inout some RandomNumberGenerator) -> String {
        let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")
        var existing = Set<String>()
        for d in deals { for a in d.activities { existing.insert(a.id) } }
        while true {
            let id = String((0..<8).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            if !existing.contains(id) { return id }
        }
    }

    public func makeActivityID() -> String {
        var g = SystemRandomNumberGenerator()
        return makeActivityID(random: &g)
    }

    /// A new activity on a deal, with a fresh id; its owner is the deal's.
    public func newActivity(
        on deal: Deal, type: ActivityType, subject: String, at now: Timestamp
    ) -> Activity {
        Activity(id: makeActivityID(), type: type, subject: subject, owner: deal.owner, createdAt: now)
    }

    /// Finds an activity by its id or a unique prefix of one: the deal holding it and its index.
    public func resolveActivity(_ ref: String) -> Result<(deal: Deal, index: Int), PipelineError> {
        let t = ref.trimmingCharacters(in: .whitespaces)
        var matches: [(Deal, Int)] = []
        for d in deals {
            for (i, a) in d.activities.enumerated() where a.id.hasPrefix(t) {
                if a.id == t { return .success((d, i)) }
                matches.append((d, i))
            }
        }
        if t.isEmpty || matches.isEmpty { return .failure(.unknownActivity(t)) }
        if matches.count == 1 { return .success((matches[0].0, matches[0].1)) }
        return .failure(.ambiguousActivity(t, candidates: matches.map { $0.0.activities[$0.1].id }.sorted()))
    }
}

/// A contact's phone number and email address, as checked wherever they are typed.
public enum ContactCheck {
    /// An address such as `ana@example.com`: one @, something before it, a domain with a dot
    /// after it, no spaces, no angle brackets or commas (a list or a display name is refused).
    public static func isEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, s.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else {
            return false
        }
        return !s.contains { $0.isWhitespace || "<>,;:()[]\\\"".contains($0) }
    }

    /// A phone number: digits, with the signs people write around them (+ ( ) - . / spaces) and
    /// an extension ("x12", "ext. 12"); at least three digits.
    public static func isPhone(_ s: String) -> Bool {
        let digits = s.filter { $0.isASCII && $0.isNumber }.count
        guard digits >= 3, s.count <= 40 else { return false }
        var rest = s.lowercased()
        for word in ["extension", "ext.", "ext", "x"] { rest = rest.replacingOccurrences(of: word, with: "") }
        return rest.allSatisfy { ($0.isASCII && $0.isNumber) || " +()-./".contains($0) }
    }
}
