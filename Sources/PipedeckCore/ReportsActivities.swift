import Foundation

/// Report 8: the work done and the work not planned.
///
/// - Done activities per week (Monday to Sunday) and owner, by type, over the last `weeks` weeks
///   up to the current one. An activity counts in the week it was marked done (`doneAt`, in
///   UTC like the other reports); one done before Pipedeck kept that time counts on its due day,
///   and one with neither is left out (`undated`). Its owner is the activity's, else the deal's.
/// - Per stage, the open deals with no planned activity at all: the deals nobody is working on.
public struct ActivitiesReport: Hashable, Sendable {
    public static let defaultWeeks = 8
    public static let weekRange = 1...52

    /// One week and owner: how many activities of each type were done.
    public struct Row: Hashable, Sendable {
        /// The week's Monday.
        public var week: Day
        /// nil for "(none)" (and for the totals).
        public var owner: String?
        /// Per type, in `ActivityType.allCases` order.
        public var counts: [Int]
        public var total: Int { counts.reduce(0, +) }

        public func count(_ t: ActivityType) -> Int { counts[ActivityType.allCases.firstIndex(of: t)!] }
    }

    /// An open deal with nothing planned.
    public struct Idle: Hashable, Sendable {
        public var id: String
        public var title: String
        public var company: String?
        public var owner: String?
        /// When something was last done on it, nil when nothing ever was.
        public var lastDone: Day?
    }

    /// One stage's open deals and those of them with nothing planned.
    public struct StageRow: Hashable, Sendable {
        public var stage: Stage
        public var open: Int
        public var idle: [Idle]
        public var share: Ratio { Ratio(idle.count, of: open) }
    }

    public var weeks: Int
    /// The Mondays of the weeks counted, oldest first.
    public var mondays: [Day]
    /// Weeks oldest first; within a week, owners by name (any case), "(none)" last.
    public var rows: [Row]
    /// The whole period, per type.
    public var totals: Row
    /// Done activities with no day to count them on.
    public var undated: Int
    /// The open stages, in pipeline order.
    public var stages: [StageRow]
    /// Open deals, and those with nothing planned.
    public var openDeals: Int
    public var idleDeals: Int

    public init<S: Sequence>(
        board: Board, deals: S, today: Day, weeks: Int = ActivitiesReport.defaultWeeks,
        zone: TimeZone = ReportZone.utc
    ) where S.Element == Deal {
        self.weeks = weeks
        let thisMonday = today.adding(days: -today.weekday)
        let first = thisMonday.adding(days: -7 * (weeks - 1))
        mondays = (0..<weeks).map { first.adding(days: 7 * $0) }
        let types = ActivityType.allCases
        var perWeek: [Int: NameGroups<[Int]>] = [:]
        var totalCounts = [Int](repeating: 0, count: types.count)
        var undated = 0
        var idleByStage: [String: [Idle]] = [:]
        var openByStage: [String: Int] = [:]
        for d in deals {
            for a in d.activities where a.done {
                guard let day = a.doneAt.map({ $0.local(in: zone).day }) ?? a.due else { undated += 1; continue }
                guard day >= first, day <= today else { continue }
                let w = (day.ordinal - first.ordinal) / 7
                let t = types.firstIndex(of: a.type)!
                perWeek[w, default: NameGroups { [Int](repeating: 0, count: types.count) }].update(a.owner ?? d.owner) {
                    $0[t] += 1
                }
                totalCounts[t] += 1
            }
            guard d.status == .open else { continue }
            openByStage[d.stage, default: 0] += 1
            if d.activities.contains(where: { !$0.done }) { continue }
            let last = d.activities.compactMap { a -> Day? in a.doneAt.map { $0.local(in: zone).day } ?? a.due }.max()
            idleByStage[d.stage, default: []].append(
                Idle(id: d.id, title: d.title, company: d.company, owner: d.owner, lastDone: last))
        }
        var rows: [Row] = []
        for w in 0..<weeks {
            guard let groups = perWeek[w] else { continue }
            let entries = groups.entries.sorted { a, b in
                switch (a.label, b.label) {
                case (nil, _): return false
                case (_, nil): return true
                case (let x?, let y?): return x.lowercased() != y.lowercased() ? x.lowercased() < y.lowercased() : x < y
                }
            }
            for e in entries { rows.append(Row(week: mondays[w], owner: e.label, counts: e.value)) }
        }
        self.rows = rows
        totals = Row(week: first, owner: nil, counts: totalCounts)
        self.undated = undated
        stages = board.stages.filter { $0.kind == .open }.map { s in
            // Longest without anything done first; never-worked deals before them all.
            let idle = (idleByStage[s.id] ?? []).sorted { a, b in
                if a.lastDone != b.lastDone {
                    return (a.lastDone?.ordinal ?? Int.min) < (b.lastDone?.ordinal ?? Int.min)
                }
                return a.id < b.id
            }
            return StageRow(stage: s, open: openByStage[s.id] ?? 0, idle: idle)
        }
        openDeals = stages.reduce(0) { $0 + $1.open }
        idleDeals = stages.reduce(0) { $0 + $1.idle.count }
    }
}
