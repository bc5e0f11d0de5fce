import PipedeckCore

/// What changed from one version of a board to another, deal by deal and field by field, as the
/// file writes the values: what `pipedeck sync` commits and reports, and what `team log` shows.
/// (The words are the command line's: `Strings.Team`.)
public struct BoardChanges: Hashable, Sendable {
    public var deals: [DealChange] = []
    public var stages: [StageChange] = []
    /// The board's new name, when it changed.
    public var renamedTo: String?
    /// The currency or the settings changed.
    public var settingsChanged = false
    public var isEmpty: Bool { deals.isEmpty && stages.isEmpty && renamedTo == nil && !settingsChanged }

    public init() {}

    /// The changes from `old` to `new`. Deals are listed in `new`'s order, deleted ones after.
    public init(from old: Board, to new: Board) {
        if old.name != new.name { renamedTo = new.name }
        settingsChanged = old.currency != new.currency || old.settings != new.settings || old.extra != new.extra
        stages = StageChange.between(old.stages, new.stages)
        if old.deals == new.deals { return }
        var before: [String: Int] = [:]
        before.reserveCapacity(old.deals.count)
        for (i, d) in old.deals.enumerated() { before[d.id] = i }
        var seen = Set<String>()
        for d in new.deals {
            seen.insert(d.id)
            guard let i = before[d.id] else {
                deals.append(DealChange(deal: d, kind: .added))
                continue
            }
            let o = old.deals[i]
            if o == d { continue }
            if let c = DealChange(from: o, to: d) { deals.append(c) }
        }
        for d in old.deals where !seen.contains(d.id) { deals.append(DealChange(deal: d, kind: .deleted)) }
    }
}

/// One deal's change.
public struct DealChange: Hashable, Sendable {
    public enum Kind: String, Sendable { case added, deleted, changed }
    /// The deal as it is now (as it was, for a deleted one).
    public var deal: Deal
    public var kind: Kind
    /// For a changed deal: each field that changed, in the schema's order. The times, who
    /// changed it last and the history are not listed (a move shows as its stage and status).
    public var fields: [FieldChange] = []
    /// The stage it was in before, for a changed deal.
    public var previousStage: String?
    /// Notes that a merge wrote into its history meanwhile.
    public var notes: [MergeNote] = []

    public var id: String { deal.id }
    public var title: String { deal.title }

    init(deal: Deal, kind: Kind) {
        self.deal = deal; self.kind = kind
    }

    /// nil when nothing a person would call a change differs (only times or who).
    init?(from old: Deal, to new: Deal) {
        deal = new
        kind = .changed
        previousStage = old.stage
        for f in DealSchema.deal.fields where !DealChange.unlisted.contains(f.key) && !f.same(old, new) {
            fields.append(FieldChange(field: f.key, before: f.jsonValue(of: old), after: f.jsonValue(of: new)))
        }
        if old.extra != new.extra {
            for key in Set(old.extra.keys).union(new.extra.keys).sorted() where old.extra[key] != new.extra[key] {
                fields.append(FieldChange(field: key, before: old.extra[key], after: new.extra[key]))
            }
        }
        if new.history != old.history {
            let known = Set(old.history.compactMap(\.merge))
            notes = new.history.compactMap(\.merge).filter { !known.contains($0) }
        }
        if fields.isEmpty && notes.isEmpty { return nil }
    }

    static let unlisted: Set<String> = ["id", "createdAt", "updatedAt", "updatedBy", "stageEnteredAt", "history"]

    /// The change of field `key`, if it changed.
    public func field(_ key: String) -> FieldChange? { fields.first { $0.field == key } }
}

/// One field's values before and after, as the file writes them (nil: empty).
public struct FieldChange: Hashable, Sendable {
    public var field: String
    public var before: JSONValue?
    public var after: JSONValue?
}

/// A stage added, removed, renamed or otherwise changed, or the stages reordered.
public struct StageChange: Hashable, Sendable {
    public enum Kind: String, Sendable { case added, removed, renamed, changed, reordered }
    public var kind: Kind
    public var name: String
    /// For `renamed`: the name it had.
    public var oldName: String?

    static func between(_ old: [Stage], _ new: [Stage]) -> [StageChange] {
        if old == new { return [] }
        var out: [StageChange] = []
        let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Set(new.map(\.id))
        for s in new {
            guard let o = before[s.id] else {
                out.append(StageChange(kind: .added, name: s.name))
                continue
            }
            if o.name != s.name {
                out.append(StageChange(kind: .renamed, name: s.name, oldName: o.name))
            } else if o != s {
                out.append(StageChange(kind: .changed, name: s.name))
            }
        }
        for s in old where !after.contains(s.id) { out.append(StageChange(kind: .removed, name: s.name)) }
        let common = Set(before.keys).intersection(after)
        if old.map(\.id).filter(common.contains) != new.map(\.id).filter(common.contains) {
            out.append(StageChange(kind: .reordered, name: ""))
        }
        return out
    }
}
