import PipedeckCore

/// What a merge did besides the obvious.
public struct MergeReport: Hashable, Sendable {
    /// Deals changed on both sides in the same field: the later change was kept and the value it
    /// replaced written into the deal's history (`notes`).
    public var conflicts: [String] = []
    /// Those of `conflicts` where the value replaced was this side's (`mine`).
    public var replacedHere: [String] = []
    /// Every note the merge wrote into a deal's history.
    public var notes: [DealNote] = []
    /// Nothing is dropped any more: a change to a deal deleted elsewhere keeps the deal
    /// (`restored`). Kept empty for the callers that still read it.
    public var dropped: [String] = []
    /// Deals deleted here that were changed elsewhere: kept, changed.
    public var keptEdited: [String] = []
    /// Deals changed here that were deleted elsewhere: kept, changed.
    public var restored: [String] = []
    /// Deals whose stage was deleted on the other side: put where that side put the stage's deals.
    public var rehomed: [String] = []
    /// Stages changed differently on both sides (their names): one side's change kept.
    public var stageConflicts: [String] = []
    public init() {}
    public var isClean: Bool {
        conflicts.isEmpty && dropped.isEmpty && keptEdited.isEmpty && restored.isEmpty && rehomed.isEmpty
            && stageConflicts.isEmpty
    }
}

/// A note a merge wrote into a deal's history.
public struct DealNote: Hashable, Sendable {
    public var dealID: String
    public var title: String
    public var note: MergeNote
}

/// The one three-way merge of boards (docs/team.md), used wherever two versions of a board meet:
/// two writers of one file (`BoardCommit`), an open board that reloads with unsaved changes, and
/// git (`pipedeck merge`, the merge driver of `pipedeck sync`). `base` is the version both sides
/// started from, `mine` and `theirs` the two versions; the result is the same whichever side is
/// called `mine` (apart from the report's point of view), so every clone of a team's board that
/// merges the same versions gets the same board.
///
/// - Deals, by id: changes to different deals or to different fields of one deal all survive;
///   deals added on either side are kept; a deal deleted on one side and changed on the other is
///   kept, changed, and its history says so. A field changed differently on both sides keeps the
///   value of the deal that changed last (`DealMerge`) and the other value is written into the
///   deal's history. History entries (and, later, activities) are merged by id in time order.
/// - Stages, by id: added, renamed or reordered on one side, kept; a deal whose stage was deleted
///   on the other side goes where that side put the stage's deals.
/// - The deals keep the base's order, with the added ones after it by creation time; ranks that
///   two sides gave twice in one column are made distinct without changing what the column shows.
/// - The board's name, currency and settings: a change on one side wins; lost reasons added on
///   either side are all kept.
public enum BoardMerge {
    public static func merge(base: Board, mine: Board, theirs: Board) -> (board: Board, report: MergeReport) {
        if mine == base || mine == theirs { return (theirs, MergeReport()) }
        if theirs == base { return (mine, MergeReport()) }
        var report = MergeReport()
        var out = theirs
        out.version = max(mine.version, theirs.version)
        out.name = pick(base.name, mine.name, theirs.name)
        out.currency = pick(base.currency, mine.currency, theirs.currency)
        out.settings = mergeSettings(base.settings, mine.settings, theirs.settings)
        out.extra =
            UnknownMerge.merge(
                base: base.extra, mine: mine.extra, theirs: theirs.extra,
                mineWins: firstInText(mine.extra, theirs.extra)
            ).0
        out.stages = StageMerge.merge(base: base.stages, mine: mine.stages, theirs: theirs.stages, report: &report)

        var deals = DealsMerge(base: base, mine: mine, theirs: theirs)
        deals.run(&report)
        deals.rehome(into: out.stages, &report)
        deals.repairRanks()
        out.deals = deals.result
        return (out, report)
    }

    /// One value of the board: a change on one side wins; changed on both, the one that sorts first.
    static func pick<T: Comparable>(_ b: T, _ m: T, _ t: T) -> T {
        if m == b || m == t { return t }
        if t == b { return m }
        return min(m, t)
    }

    /// Whether `a` comes first in the file's text: the fixed order that settles a tie.
    static func firstInText(_ a: UnknownFields, _ b: UnknownFields) -> Bool {
        let w = ByteWriter(), v = ByteWriter()
        w.value(.object(a)); v.value(.object(b))
        return !v.bytes.lexicographicallyPrecedes(w.bytes)
    }

    static func mergeSettings(_ b: BoardSettings, _ m: BoardSettings, _ t: BoardSettings) -> BoardSettings {
        if m == b || m == t { return t }
        if t == b { return m }
        var out = t
        // Lost reasons: the base's, without those removed on either side, then those added on
        // either side.
        let kept = Set(m.lostReasons).intersection(t.lostReasons)
        out.lostReasons = b.lostReasons.filter { kept.contains($0) }
        let (first, second) = m.lostReasons.lexicographicallyPrecedes(t.lostReasons) ? (m, t) : (t, m)
        for r in first.lostReasons + second.lostReasons where !b.lostReasons.contains(r) && !out.lostReasons.contains(r)
        {
            out.lostReasons.append(r)
        }
        out.locale =
            m.locale == b.locale ? t.locale : (t.locale == b.locale ? m.locale : min(m.locale ?? "", t.locale ?? ""))
        out.extra =
            UnknownMerge.merge(base: b.extra, mine: m.extra, theirs: t.extra, mineWins: firstInText(m.extra, t.extra)).0
        mergeTargetsAndRates(b, m, t, into: &out)
        return out
    }
}

/// The deals part of `BoardMerge`.
struct DealsMerge {
    let base: Board, mine: Board, theirs: Board
    var mineIndex: [String: Int] = [:], theirIndex: [String: Int] = [:], baseIndex: [String: Int] = [:]
    var result: [Deal] = []
    /// Deals whose place (stage or rank) is not the base's: new, moved or reordered.
    var arrivals = Set<String>()

    init(base: Board, mine: Board, theirs: Board) {
        self.base = base; self.mine = mine; self.theirs = theirs
        baseIndex = DealsMerge.index(base.deals)
        mineIndex = DealsMerge.index(mine.deals)
        theirIndex = DealsMerge.index(theirs.deals)
    }

    static func index(_ deals: [Deal]) -> [String: Int] {
        var d: [String: Int] = [:]
        d.reserveCapacity(deals.count)
        for (i, x) in deals.enumerated() { d[x.id] = i }
        return d
    }

    mutating func run(_ report: inout MergeReport) {
        result.reserveCapacity(max(mine.deals.count, theirs.deals.count))
        for b in base.deals {
            let m = mineIndex[b.id].map { mine.deals[$0] }, t = theirIndex[b.id].map { theirs.deals[$0] }
            switch (m, t) {
            case (let x?, let y?):
                let (d, notes) = DealMerge.merge(base: b, mine: x, theirs: y)
                take(d, notes, mine: x, theirs: y, &report)
                if d.stage != b.stage || d.rank != b.rank { arrivals.insert(d.id) }
            case (let x?, nil):
                guard x != b else { continue } // deleted there
                take(DealMerge.keptAfterDelete(x), [], mine: x, theirs: x, &report)
                report.restored.append(x.title)
                arrivals.insert(x.id)
            case (nil, let y?):
                guard y != b else { continue } // deleted here
                take(DealMerge.keptAfterDelete(y), [], mine: y, theirs: y, &report)
                report.keptEdited.append(y.title)
                arrivals.insert(y.id)
            case (nil, nil): continue
            }
        }
        // Added on either side, after the others, by creation time.
        var added: [Deal] = []
        for m in mine.deals where baseIndex[m.id] == nil {
            if let ti = theirIndex[m.id] {
                let (d, notes) = DealMerge.merge(base: nil, mine: m, theirs: theirs.deals[ti])
                added.append(d)
                record(d, notes, mine: m, theirs: theirs.deals[ti], &report)
            } else {
                added.append(m)
            }
        }
        for t in theirs.deals where baseIndex[t.id] == nil && mineIndex[t.id] == nil { added.append(t) }
        added.sort { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.id < $1.id }
        for d in added { arrivals.insert(d.id) }
        result += added
    }

    private mutating func take(_ d: Deal, _ notes: [MergeNote], mine: Deal, theirs: Deal, _ report: inout MergeReport) {
        result.append(d)
        record(d, notes, mine: mine, theirs: theirs, &report)
    }

    private func record(_ d: Deal, _ notes: [MergeNote], mine: Deal, theirs: Deal, _ report: inout MergeReport) {
        guard !notes.isEmpty else { return }
        report.conflicts.append(d.title)
        if !DealMerge.mineWins(mine, theirs) { report.replacedHere.append(d.title) }
        report.notes += notes.map { DealNote(dealID: d.id, title: d.title, note: $0) }
    }

    /// Deals in a stage that is gone: to the stage where the side that deleted it put its deals
    /// (the most of them), else the stage before it, else the first.
    mutating func rehome(into stages: [Stage], _ report: inout MergeReport) {
        let kept = Set(stages.map(\.id))
        var target: [String: String] = [:]
        func destination(of gone: String) -> String? {
            if let t = target[gone] { return t }
            let (side, sideIndex) = mine.stages.contains { $0.id == gone } ? (theirs, theirIndex) : (mine, mineIndex)
            var count: [String: Int] = [:]
            for d in base.deals where d.stage == gone {
                if let i = sideIndex[d.id], kept.contains(side.deals[i].stage) {
                    count[side.deals[i].stage, default: 0] += 1
                }
            }
            let position = Dictionary(uniqueKeysWithValues: stages.enumerated().map { ($1.id, $0) })
            var best = count.max { a, b in a.value != b.value ? a.value < b.value : position[a.key]! > position[b.key]!
            }?.key
            if best == nil, let at = base.stages.firstIndex(where: { $0.id == gone }) {
                best = base.stages[..<at].last { kept.contains($0.id) }?.id
            }
            let t = best ?? stages.first?.id
            target[gone] = t
            return t
        }
        var next: [String: Int] = [:]
        for i in result.indices where !kept.contains(result[i].stage) {
            guard let to = destination(of: result[i].stage), let stage = stages.first(where: { $0.id == to }) else {
                continue
            }
            if next[to] == nil { next[to] = (result.filter { $0.stage == to }.map(\.rank).max() ?? -1) + 1 }
            var d = result[i]
            let from = d.stage
            d.stage = to
            d.rank = next[to]!
            next[to]! += 1
            d.stageEnteredAt = d.updatedAt
            var status: DealStatus? = nil
            if stage.kind == .won && d.status == .open { status = .won }
            if stage.kind == .open && d.status == .won { status = .open }
            if let s = status { d.status = s; d.lostReason = nil }
            d.history = RecordMerge.interleave(
                d.history, [HistoryEntry(at: d.updatedAt, from: from, to: to, status: status)])
            result[i] = d
            arrivals.insert(d.id)
            report.rehomed.append(d.title)
        }
    }

    /// Two sides that both put a deal at the end of a column give it the same rank: in each column
    /// where a deal arrived and shares its rank, ranks are raised just enough to be distinct, in
    /// the order the column shows (rank, then creation, then id), so the column looks the same and
    /// only the deals that must change do.
    mutating func repairRanks() {
        guard !arrivals.isEmpty else { return }
        var columns: [String: [Int]] = [:]
        let deals = result, arrived = arrivals
        let touched = Set(deals.lazy.filter { arrived.contains($0.id) }.map(\.stage))
        for (i, d) in deals.enumerated() where touched.contains(d.stage) { columns[d.stage, default: []].append(i) }
        for (_, var column) in columns {
            column.sort { Board.columnOrder(deals[$0], deals[$1]) }
            let clash = zip(column, column.dropFirst()).contains { a, b in
                deals[a].rank == deals[b].rank && (arrived.contains(deals[a].id) || arrived.contains(deals[b].id))
            }
            guard clash else { continue }
            var previous = Int.min
            for i in column {
                if result[i].rank <= previous { result[i].rank = previous + 1 }
                previous = result[i].rank
            }
        }
    }
}
