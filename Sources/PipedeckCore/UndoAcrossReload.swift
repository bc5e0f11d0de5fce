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
    /// overwrites another writer's change. A kept step leaves every other deal where the other
    /// writer put it; a deal that an undo brings back (a delete undone) goes back at its old
    /// position in the file's list, or at its end.
    public mutating func adopt(from mine: Board, to theirs: Board) -> KeptHistory {
        let total = undoStack.count
        let changed = ChangedElsewhere(mine: mine, theirs: theirs)
        let undo = UndoHistory.keep(undoStack, undoing: true, changed)
        redoStack = UndoHistory.keep(redoStack, undoing: false, changed)
        undoStack = undo
        if total == 0 { return .nothingToKeep }
        return undo.count == total ? .kept(total) : .cut(kept: undo.count, dropped: total - undo.count)
    }

    /// The newest edits of a stack (its end) that may be replayed on the other side's board; the
    /// first that may not and all older ones go. A kept edit needs no change: its deals changed
    /// in place are replaced where they now are (`Edit.replay`).
    private static func keep(_ stack: [Edit], undoing: Bool, _ changed: ChangedElsewhere) -> [Edit] {
        var kept: [Edit] = []
        for e in stack.reversed() {
            guard changed.allows(e, writing: undoing ? e.before : e.after) else { break }
            kept.append(e)
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
