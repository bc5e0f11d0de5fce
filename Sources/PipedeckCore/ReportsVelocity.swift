import Foundation

/// Report 3: how long deals stay in each stage, how long won deals took, and the stale deals.
///
/// Durations are whole calendar days in `zone` (UTC unless told otherwise): a deal that entered a
/// stage on the 3rd and left it on the 5th spent 2 days there; the same day is 0 days.
/// The clock of a stage runs while the deal is open in it: it starts at the history entry that
/// brings the deal into the stage (or reopens it there) and stops at the next entry (a move, a
/// win or a loss); for an open deal, the current stage's clock runs until today. A deal that came
/// back to a stage adds up all its stays there and counts as one deal for that stage. Stages a
/// deal skipped are not counted (it spent no time there).
public struct VelocityReport: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var stage: Stage
        /// One sample per deal that spent time (0 days included) in this stage.
        public var days: DayStats
        /// Open deals in this stage now.
        public var openNow: Int
        /// Of those, the stale ones: the stage has a rot limit (rotDays > 0) and the deal has not
        /// changed for more than that many days (days from `updatedAt` to today).
        public var stale: Int
    }

    /// The board's open stages, in order (won stages have no time limit and no "next").
    public var rows: [Row]
    /// Won deals: days from creation to the win (`Deal.wonAt`).
    public var salesCycle: DayStats
    public var openNow: Int
    public var stale: Int

    public init<S: Sequence>(board: Board, deals: S, today: Day, zone: TimeZone = ReportZone.utc)
    where S.Element == Deal {
        var samples: [String: [Int]] = [:]
        var openNow: [String: Int] = [:]
        var stale: [String: Int] = [:]
        var cycle: [Int] = []
        var rot: [String: Int] = [:]
        for s in board.stages where rot[s.id] == nil { rot[s.id] = s.rotDays }

        for d in deals {
            for (stage, days) in VelocityReport.daysPerStage(d, today: today, zone: zone) {
                samples[stage, default: []].append(days)
            }
            switch d.status {
            case .open:
                openNow[d.stage, default: 0] += 1
                if let limit = rot[d.stage], limit > 0, d.updatedAt.day(in: zone).days(until: today) > limit {
                    stale[d.stage, default: 0] += 1
                }
            case .won:
                if let at = d.wonAt {
                    cycle.append(max(0, d.createdAt.day(in: zone).days(until: at.day(in: zone))))
                }
            case .lost:
                break
            }
        }

        var seen = Set<String>()
        rows = board.stages.filter { $0.kind == .open && seen.insert($0.id).inserted }.map { s in
            Row(stage: s, days: DayStats(samples[s.id] ?? []), openNow: openNow[s.id] ?? 0, stale: stale[s.id] ?? 0)
        }
        salesCycle = DayStats(cycle)
        self.openNow = rows.reduce(0) { $0 + $1.openNow }
        self.stale = rows.reduce(0) { $0 + $1.stale }
    }

    /// The days a deal spent (while open) in each stage it entered, from its history.
    public static func daysPerStage(_ d: Deal, today: Day, zone: TimeZone = ReportZone.utc) -> [String: Int] {
        var out: [String: Int] = [:]
        if d.history.isEmpty {
            // A file made by hand without history: only the current stay is known.
            if d.status == .open { out[d.stage] = max(0, d.stageEnteredAt.day(in: zone).days(until: today)) }
            return out
        }
        // Oldest first; entries at the same instant keep their order.
        let entries = d.history.enumerated().filter { $0.element.isMove }.sorted { a, b in
            a.element.at != b.element.at ? a.element.at < b.element.at : a.offset < b.offset
        }.map(\.element)
        var stage: String?
        var running = false
        var since = today
        for h in entries {
            let day = h.at.day(in: zone)
            if running, let s = stage { out[s, default: 0] += max(0, since.days(until: day)) }
            let open: Bool
            if let st = h.status { open = st == .open } else { open = h.from == nil ? true : running }
            stage = h.to
            running = open
            since = day
            if running { out[h.to, default: 0] += 0 }
        }
        if running, d.status == .open, let s = stage { out[s, default: 0] += max(0, since.days(until: today)) }
        return out
    }
}
