import Foundation

/// How deals are ordered inside a column. `rank` is the manual order (the deal's priority);
/// the others only change the view — the ranks are never touched by looking at another order.
public enum SortKey: String, CaseIterable, Sendable {
    case rank, value, weighted, probability, close, age, due, score
    /// By title or company name, in French (and English) alphabetical order (`Collation`).
    case title, company

    /// The next order when cycling with the sort key.
    public var next: SortKey {
        let all = SortKey.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

extension Board {
    /// Whole days since the deal was last changed (UTC calendar days).
    public func staleDays(_ d: Deal, today: Day) -> Int { d.updatedAt.utcDay.days(until: today) }

    /// An open deal in a stage with `rotDays` above 0 that has not changed for longer than that.
    public func isStale(_ d: Deal, today: Day) -> Bool {
        guard d.status == .open, let s = stage(d.stage), s.rotDays > 0 else { return false }
        return staleDays(d, today: today) > s.rotDays
    }
    public func isStale(_ d: Deal, stage s: Stage, today: Day) -> Bool {
        d.status == .open && s.rotDays > 0 && staleDays(d, today: today) > s.rotDays
    }

    /// Whole days since the deal entered its stage (UTC calendar days, never negative).
    public func daysInStage(_ d: Deal, today: Day) -> Int { max(0, d.stageEnteredAt.utcDay.days(until: today)) }

    /// An open deal whose next action (its earliest planned activity) was due before today.
    public func isOverdue(_ d: Deal, today: Day) -> Bool {
        guard d.status == .open, let due = d.nextActivity?.due else { return false }
        return due < today
    }

    /// Orders deals by `key`. Big amounts, high probabilities, long stays and good scores come
    /// first; dates come soonest first, deals without a date last. Equal deals, and `.rank`,
    /// follow `base` — the manual column order unless the caller gives another (the command
    /// line lists stage by stage).
    public func sorted(
        _ deals: [Deal], by key: SortKey, today: Day,
        base order: (Deal, Deal) -> Bool = Board.columnOrder
    ) -> [Deal] {
        let base = deals.sorted(by: order)
        if key == .rank { return base }
        return base.withUnsafeBufferPointer { b in ordered(b, Array(b.indices), by: key, today: today).map { b[$0] } }
    }

    static func optionalDayLess(_ a: Day?, _ b: Day?) -> Bool? {
        switch (a, b) {
        case (nil, nil): return nil
        case (nil, _): return false
        case (_, nil): return true
        case let (x?, y?): return x == y ? nil : x < y
        }
    }

    /// Owners, sources or tags already used on the board, most used first (for completion).
    public func usedValues(_ field: KeyPath<Deal, String?>) -> [String] {
        var count: [String: Int] = [:]
        for d in deals { if let v = d[keyPath: field], !v.isEmpty { count[v, default: 0] += 1 } }
        return count.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
    public var usedTags: [String] {
        var count: [String: Int] = [:]
        for d in deals { for t in d.tags { count[t, default: 0] += 1 } }
        return count.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
}

/// The planned activities of open deals, by when they are due: overdue first, then today, the
/// rest of this week (up to Sunday), later (or with no date), and the open deals with nothing
/// planned at all. `type` narrows it to one kind of activity (and leaves out the deals with
/// nothing planned).
public struct Agenda: Sendable, Equatable {
    public enum Bucket: String, CaseIterable, Sendable {
        case overdue, today
        case thisWeek = "this-week"
        case later
        case nonePlanned = "none-planned"
    }
    public struct Item: Sendable, Equatable {
        public var dealID: String
        public var title: String
        public var company: String?
        /// The activity's owner, else the deal's.
        public var owner: String?
        public var stage: String
        /// The activity, nil for a deal with nothing planned.
        public var activityID: String?
        public var type: ActivityType?
        public var action: String?
        public var due: Day?
        public var time: TimeOfDay?
        public var duration: Int?
        public var bucket: Bucket
        /// Days from today to the due date (negative when late).
        public var days: Int?
    }
    public var today: Day
    public var type: ActivityType?
    public var items: [Item]

    public init<S: Sequence>(board: Board, deals: S, today: Day, type: ActivityType? = nil)
    where S.Element == Deal {
        self.today = today
        self.type = type
        // Monday = 0 … Sunday = 6: the week ends on Sunday.
        let endOfWeek = today.adding(days: 6 - today.weekday)
        var list: [Item] = []
        for d in deals where d.status == .open {
            var planned = false
            for a in d.activities where !a.done {
                planned = true
                if let type, a.type != type { continue }
                var bucket = Bucket.later
                var days: Int? = nil
                if let due = a.due {
                    days = today.days(until: due)
                    bucket = due < today ? .overdue : due == today ? .today : due <= endOfWeek ? .thisWeek : .later
                }
                list.append(
                    Item(
                        dealID: d.id, title: d.title, company: d.company, owner: a.owner ?? d.owner, stage: d.stage,
                        activityID: a.id, type: a.type, action: a.subject, due: a.due, time: a.time,
                        duration: a.duration, bucket: bucket, days: days))
            }
            if !planned && type == nil {
                list.append(
                    Item(
                        dealID: d.id, title: d.title, company: d.company, owner: d.owner, stage: d.stage,
                        activityID: nil, type: nil, action: nil, due: nil, time: nil, duration: nil,
                        bucket: .nonePlanned, days: nil))
            }
        }
        // One key per item, compared as plain numbers and strings (the title folded as `Collation`
        // sorts it, so é sorts with e): a
        // board of 10 000 deals has thousands of ties on a day, and comparing titles the
        // locale's way at each of them took a quarter of a second.
        let order = Dictionary(uniqueKeysWithValues: Bucket.allCases.enumerated().map { ($1, $0) })
        let keyed = list.map { item -> (Int, Int, Int, String, String, Item) in
            (
                order[item.bucket]!, item.due?.ordinal ?? Int.max, item.time?.minutes ?? -1,
                Collation.fold(item.title),
                item.activityID ?? item.dealID, item
            )
        }
        items = keyed.sorted { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            if a.2 != b.2 { return a.2 < b.2 }
            if a.3 != b.3 { return a.3 < b.3 }
            return a.4 < b.4
        }.map(\.5)
    }

    public func items(in bucket: Bucket) -> [Item] { items.filter { $0.bucket == bucket } }

    /// How many lines `Agenda(board:deals:today:type:)` would have, without building them.
    public static func count<S: Sequence>(deals: S, type: ActivityType? = nil) -> Int where S.Element == Deal {
        var n = 0
        for d in deals where d.status == .open {
            var planned = false
            for a in d.activities where !a.done {
                planned = true
                if type == nil || a.type == type { n += 1 }
            }
            if !planned && type == nil { n += 1 }
        }
        return n
    }
}
