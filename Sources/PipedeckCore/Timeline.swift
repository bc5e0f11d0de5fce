import Foundation

/// One line of a deal's timeline: an activity (done or planned) or a history entry (created,
/// moved, won, lost, reopened), placed on the user's clock.
public struct TimelineEntry: Hashable, Sendable {
    public enum Event: Hashable, Sendable {
        case activity(Activity)
        case history(HistoryEntry)
    }
    public var event: Event
    /// The day it happened or is planned for; nil for a planned activity without a date.
    public var day: Day?
    /// The time of day, when known.
    public var time: TimeOfDay?

    public var isPlanned: Bool {
        if case .activity(let a) = event { return !a.done }
        return false
    }
}

extension Timestamp {
    /// The day and time of day this instant is on the clocks of `zone`.
    public func local(in zone: TimeZone) -> (day: Day, time: TimeOfDay) {
        let s = seconds + Int64(zone.secondsFromGMT(for: date))
        let r = floorMod(s, 86_400)
        let day = Day(ordinal: Int((s - r) / 86_400))
        return (day, TimeOfDay(hour: Int(r / 3600), minute: Int(r / 60 % 60))!)
    }
}

extension Deal {
    /// What happened to the deal and what is planned, newest first: planned activities without
    /// a date on top, then everything by day and time (the day's untimed entries after its timed
    /// ones). A done activity is placed when it was marked done (else on its due day, else when
    /// it was created); a planned one on its due day and time.
    public func timeline(in zone: TimeZone) -> [TimelineEntry] {
        var entries: [(entry: TimelineEntry, undated: Bool, seq: Int)] = []
        for (i, a) in activities.enumerated() {
            var e = TimelineEntry(event: .activity(a), day: nil, time: nil)
            if a.done, let at = a.doneAt {
                (e.day, e.time) = at.local(in: zone)
            } else if let due = a.due {
                e.day = due
                e.time = a.time
            } else if a.done {
                (e.day, e.time) = a.createdAt.local(in: zone)
            }
            entries.append((e, e.day == nil, i))
        }
        for (i, h) in history.enumerated() {
            let (day, time) = h.at.local(in: zone)
            entries.append((TimelineEntry(event: .history(h), day: day, time: time), false, activities.count + i))
        }
        entries.sort { a, b in
            if a.undated != b.undated { return a.undated }
            if let x = a.entry.day, let y = b.entry.day, x != y { return x > y }
            let ta = a.entry.time?.minutes ?? -1, tb = b.entry.time?.minutes ?? -1
            if ta != tb { return ta > tb }
            return a.seq > b.seq
        }
        return entries.map(\.entry)
    }
}
