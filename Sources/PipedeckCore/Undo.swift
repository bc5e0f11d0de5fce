/// What one action changed, kept small: the touched deals before and after (with their
/// positions in `Board.deals`) and, only when they changed, the board's other parts.
/// Undo and redo replay it in either direction, so a 10 000-deal board does not keep
/// 100 copies of itself.
public struct Edit: Hashable, Sendable {
    public struct Meta: Hashable, Sendable {
        var name: String
        var currency: String
        var stages: [Stage]
        var settings: BoardSettings
        var extra: UnknownFields
        init(_ b: Board) {
            name = b.name; currency = b.currency; stages = b.stages; settings = b.settings; extra = b.extra
        }
        func write(to b: inout Board) {
            b.name = name; b.currency = currency; b.stages = stages; b.settings = settings; b.extra = extra
        }
    }
    var before: [Int: Deal]
    var after: [Int: Deal]
    var metaBefore: Meta?
    var metaAfter: Meta?
    /// The deal the edit is about (for putting the selection back on undo).
    public var focusDealID: String?
    /// A short description for "undone: …" messages, set by whoever applied the action.
    public var label: String = ""

    public init(from old: Board, to new: Board, touching ids: [String]) {
        before = Edit.positions(of: ids, in: old.deals)
        after = Edit.positions(of: ids, in: new.deals)
        let mo = Meta(old), mn = Meta(new)
        if mo != mn { metaBefore = mo; metaAfter = mn }
        focusDealID = ids.first
    }

    /// An edit of the deals given with their positions before and after; the board's other
    /// parts are kept only when they changed.
    init(before: [Int: Deal], after: [Int: Deal], metaBefore mo: Meta, metaAfter mn: Meta, focus: String?) {
        self.before = before
        self.after = after
        if mo != mn { metaBefore = mo; metaAfter = mn }
        focusDealID = focus
    }

    /// The deals the edit changed as they were, by their positions in `Board.deals` before it.
    public var dealsBefore: [Int: Deal] { before }
    /// The same deals as they are after it, by their positions then.
    public var dealsAfter: [Int: Deal] { after }
    /// Whether the edit changed the stages or the board's currency (what the figures of every
    /// deal depend on).
    public var changesStagesOrCurrency: Bool {
        guard let a = metaBefore, let b = metaAfter else { return false }
        return a.stages != b.stages || a.currency != b.currency
    }

    /// The deals with these ids and their positions. Reads the array in place (no copy of each
    /// deal) and, for the usual single deal, compares ids without hashing: this runs on every
    /// keystroke that changes a 10 000-deal board.
    static func positions(of ids: [String], in deals: [Deal]) -> [Int: Deal] {
        var out: [Int: Deal] = [:]
        guard !ids.isEmpty else { return out }
        deals.withUnsafeBufferPointer { buf in
            if ids.count == 1 {
                let id = ids[0]
                for i in buf.indices where buf[i].id == id { out[i] = buf[i] }
            } else {
                let set = Set(ids)
                for i in buf.indices where set.contains(buf[i].id) { out[i] = buf[i] }
            }
        }
        return out
    }

    /// Replays one direction of the edit: a deal in both `remove` and `insert` (changed in place)
    /// is replaced where it is now; the others are taken out, or put back at their position. So
    /// an edit still replays right on a board where other deals were added or removed since (a
    /// reload: `UndoHistory.adopt`), leaving those where they are.
    static func replay(_ board: inout Board, remove: [Int: Deal], insert: [Int: Deal], meta: Meta?) {
        var pending = insert
        if !remove.isEmpty {
            var key: [String: Int] = [:]
            for (k, d) in insert { key[d.id] = k }
            let found = positions(of: Array(Set(remove.values.map(\.id))), in: board.deals)
            var gone: [Int] = []
            for i in found.keys.sorted() {
                if let k = key[found[i]!.id], let d = pending.removeValue(forKey: k) {
                    board.deals[i] = d
                } else {
                    gone.append(i)
                }
            }
            for i in gone.reversed() { board.deals.remove(at: i) }
        }
        for (i, d) in pending.sorted(by: { $0.key < $1.key }) {
            board.deals.insert(d, at: min(i, board.deals.count))
        }
        meta?.write(to: &board)
    }
    public func undo(_ board: inout Board) { Edit.replay(&board, remove: after, insert: before, meta: metaBefore) }
    public func redo(_ board: inout Board) { Edit.replay(&board, remove: before, insert: after, meta: metaAfter) }
}

/// Undo and redo stacks. Recording a new edit clears the redo stack.
public struct UndoHistory: Equatable, Sendable {
    public internal(set) var undoStack: [Edit] = []
    public internal(set) var redoStack: [Edit] = []
    public var limit: Int
    public init(limit: Int = 1000) { self.limit = limit }

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    public mutating func record(_ edit: Edit) {
        undoStack.append(edit)
        if undoStack.count > limit { undoStack.removeFirst(undoStack.count - limit) }
        redoStack.removeAll()
    }
    /// Undoes the last edit on `board`; returns it, or nil when there is nothing to undo.
    public mutating func undo(_ board: inout Board) -> Edit? {
        guard let e = undoStack.popLast() else { return nil }
        e.undo(&board)
        redoStack.append(e)
        return e
    }
    public mutating func redo(_ board: inout Board) -> Edit? {
        guard let e = redoStack.popLast() else { return nil }
        e.redo(&board)
        undoStack.append(e)
        return e
    }
    public mutating func clear() { undoStack.removeAll(); redoStack.removeAll() }

    /// The rank a deal had in a stage when it last left it, if an edit still remembers it: a move
    /// back there restores the deal's place in the column (`Action.moveBack`).
    public func formerRank(of id: String, inStage stage: String) -> Int? {
        for e in undoStack.reversed() {
            guard let old = e.before.values.first(where: { $0.id == id }), old.stage == stage,
                let new = e.after.values.first(where: { $0.id == id }), new.stage != stage
            else { continue }
            return old.rank
        }
        return nil
    }
}
