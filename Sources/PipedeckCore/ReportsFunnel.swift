import Foundation

/// Report 2: how far deals got, stage by stage, from their history.
///
/// A deal *reached* a stage when one of its history entries goes to it (the creation entry
/// counts). A move forward over several stages (i → j with j > i + 1) also counts as reaching
/// the stages in between, so a deal won straight from Negotiation has passed Closing too.
/// A deal that came back to a stage counts once for it. History entries naming stages that are
/// no longer on the board are ignored.
public struct FunnelReport: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var stage: Stage
        /// Deals that ever reached this stage.
        public var reached: Int
        /// Of those, the deals that also reached the next stage.
        public var advanced: Int
        /// Open deals in this stage now (they may still go on).
        public var openNow: Int
        /// Deals lost while in this stage.
        public var lostHere: Int
        /// advanced / reached; nil for the last stage and for won stages (there is no "next" to go to).
        public var conversion: Ratio?
        public var isBottleneck: Bool
    }

    public var rows: [Row]
    /// The index in `rows` of the bottleneck: the lowest conversion among the stages that
    /// have one and were reached by at least one deal; the earliest on a tie. Nil when none.
    public var bottleneck: Int?
    /// Every deal counted.
    public var dealCount: Int
    public var open: Int
    public var won: Int
    public var lost: Int
    /// The overall win rate: won / (won + lost), among the deals that are closed now.
    public var winRate: Ratio
    /// Won / all deals counted (open ones included).
    public var wonOfAll: Ratio

    public init<S: Sequence>(board: Board, deals: S) where S.Element == Deal {
        let stages = board.stages
        var index: [String: Int] = [:]
        for (i, s) in stages.enumerated() where index[s.id] == nil { index[s.id] = i }
        var reached = [Int](repeating: 0, count: stages.count)
        var advanced = reached, openNow = reached, lostHere = reached
        var n = 0, open = 0, won = 0, lost = 0
        var seen = [Bool](repeating: false, count: stages.count)

        for d in deals {
            n += 1
            switch d.status {
            case .open: open += 1
            case .won: won += 1
            case .lost: lost += 1
            }
            if let si = index[d.stage] {
                if d.status == .open { openNow[si] += 1 }
                if d.status == .lost { lostHere[si] += 1 }
            }
            for i in seen.indices { seen[i] = false }
            FunnelReport.markReached(d, index: index, into: &seen)
            for i in seen.indices where seen[i] {
                reached[i] += 1
                if i + 1 < seen.count && seen[i + 1] { advanced[i] += 1 }
            }
        }

        var rows: [Row] = []
        for (i, s) in stages.enumerated() {
            let hasNext = i + 1 < stages.count && s.kind == .open
            rows.append(
                Row(
                    stage: s, reached: reached[i], advanced: advanced[i], openNow: openNow[i], lostHere: lostHere[i],
                    conversion: hasNext ? Ratio(advanced[i], of: reached[i]) : nil, isBottleneck: false))
        }
        var worst: Int?
        for (i, r) in rows.enumerated() {
            guard let c = r.conversion, c.isDefined else { continue }
            if let w = worst, let wc = rows[w].conversion, !Ratio.isLess(c, wc) { continue }
            worst = i
        }
        if let w = worst { rows[w].isBottleneck = true }

        self.rows = rows; self.bottleneck = worst
        self.dealCount = n; self.open = open; self.won = won; self.lost = lost
        self.winRate = Ratio(won, of: won + lost)
        self.wonOfAll = Ratio(won, of: n)
    }

    /// Marks the stages a deal reached (by position on the board).
    static func markReached(_ d: Deal, index: [String: Int], into seen: inout [Bool]) {
        for h in d.history where h.isMove {
            guard let to = index[h.to] else { continue }
            seen[to] = true
            if let f = h.from.flatMap({ index[$0] }), f < to {
                for k in f...to { seen[k] = true }
            }
        }
        // A deal has reached the stage it is in, whatever its history says (files made by hand).
        if let si = index[d.stage] { seen[si] = true }
    }
}
