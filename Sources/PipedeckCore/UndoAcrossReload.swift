/// What became of the undo history when the board was replaced by a version written elsewhere
/// (another Pipedeck, a command, a merge).
public enum KeptHistory: Hashable, Sendable {
    /// There was nothing to undo.
    case nothingToKeep
    /// Every step can still be undone.
    case kept(Int)
    /// The newest `kept` steps can still be undone; the `dropped` older ones were forgotten,
    /// because undoing them would have overwritten what changed elsewhere.
    case cut(kept: Int, dropped: Int)
}

extension UndoHistory {
    /// The board `mine` was replaced by `theirs`. Keeps the newest steps whose undo (and redo) only
    /// touches deals that are the same on both sides and stages that still exist, and, for a
    /// step that changed stages or settings, only when those are the same on both sides; stops
    /// at the first step that touches something changed elsewhere, so that an undo never
    /// overwrites another writer's change. The steps kept are moved to the places their deals
    /// have in `theirs`, so that an undo leaves every other deal where the other writer put it.
    public mutating func adopt(from mine: Board, to theirs: Board) -> KeptHistory {
        let total = undoStack.count
        let changed = ChangedElsewhere(mine: mine, theirs: theirs)
        let undo = UndoHistory.keep(undoStack, undoing: true, changed, mine, theirs)
        redoStack = UndoHistory.keep(redoStack, undoing: false, changed, mine, theirs)
        undoStack = undo
        if total == 0 { return .nothingToKeep }
        return undo.count == total ? .kept(total) : .cut(kept: undo.count, dropped: total - undo.count)
    }

    /// The newest edits of a stack (its end) that may be replayed on the other side's board,
    /// moved to the places of their deals there; the first that may not and all older ones go.
    private static func keep(
        _ stack: [Edit], undoing: Bool, _ changed: ChangedElsewhere, _ mine: Board, _ theirs: Board
    ) -> [Edit] {
        var kept: [Edit] = []
        var theirDeals = theirs.deals, myDeals = mine.deals
        for e in stack.reversed() {
            let (from, to) = undoing ? (e.after, e.before) : (e.before, e.after)
            guard changed.allows(e, writing: to) else { break }
            let r = Rebase(from: from, to: to, theirs: theirDeals, mine: myDeals)
            var moved = e
            if undoing {
                (moved.after, moved.before) = (r.from, r.to)
            } else {
                (moved.before, moved.after) = (r.from, r.to)
            }
            kept.append(moved)
            theirDeals = r.theirsAfter
            myDeals = r.mineAfter
        }
        return kept.reversed()
    }
}

/// What differs between the board replaced and the one that replaced it.
private struct ChangedElsewhere {
    let mine: [String: Deal]
    let theirs: [String: Deal]
    let stages: Set<String>
    let metaChanged: Bool

    init(mine m: Board, theirs t: Board) {
        mine = Dictionary(m.deals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        theirs = Dictionary(t.deals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        stages = Set(t.stages.map(\.id))
        metaChanged = Edit.Meta(m) != Edit.Meta(t)
    }

    /// Whether replaying `e` may happen on the other side's board: its deals are the same on both
    /// sides, the deals it writes go to stages that exist there, and it changes stages or settings
    /// only when nobody else did.
    func allows(_ e: Edit, writing written: [Int: Deal]) -> Bool {
        if e.metaBefore != nil && metaChanged { return false }
        for d in e.before.values where mine[d.id] != theirs[d.id] { return false }
        for d in e.after.values where mine[d.id] != theirs[d.id] { return false }
        if e.metaBefore == nil, written.values.contains(where: { !stages.contains($0.stage) }) { return false }
        return true
    }
}

/// One edit's replay from `from` to `to`, moved onto another array of deals that holds the same
/// `from` deals, maybe at other places and among other deals.
private struct Rebase {
    /// The positions of the edit's deals in `theirs` before and after the replay.
    var from: [Int: Deal] = [:]
    var to: [Int: Deal] = [:]
    /// Both arrays once the edit is replayed.
    var theirsAfter: [Deal] = []
    var mineAfter: [Deal]

    init(from: [Int: Deal], to: [Int: Deal], theirs: [Deal], mine: [Deal]) {
        var m = Board(name: "", stages: [], deals: mine)
        Edit.replay(&m, remove: from, insert: to, meta: nil)
        mineAfter = m.deals
        let fromIDs = Set(from.values.map(\.id))
        var replacing = Dictionary(to.values.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [Deal] = []
        result.reserveCapacity(theirs.count + to.count)
        for (i, d) in theirs.enumerated() {
            guard fromIDs.contains(d.id) else { result.append(d); continue }
            self.from[i] = d
            // Changed in place: it keeps its place; removed: it goes.
            if let t = replacing.removeValue(forKey: d.id) { result.append(t) }
        }
        // Deals the replay brings back go before the deal that follows them on this side.
        for (k, d) in to.sorted(by: { $0.key < $1.key }) where replacing[d.id] != nil {
            var place: [String: Int] = [:]
            for (i, r) in result.enumerated() { place[r.id] = i }
            var at = result.count
            if k + 1 < mineAfter.count {
                for next in mineAfter[(k + 1)...] {
                    if let i = place[next.id] { at = i; break }
                }
            }
            result.insert(d, at: at)
        }
        let toIDs = Set(to.values.map(\.id))
        for (i, d) in result.enumerated() where toIDs.contains(d.id) { self.to[i] = d }
        theirsAfter = result
    }
}
