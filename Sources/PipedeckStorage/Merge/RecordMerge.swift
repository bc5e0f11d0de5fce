import PipedeckCore

/// A record of a list that a merge combines by id and keeps in time order: a deal's history
/// entries and its activities. Conforming a type and declaring its
/// list with `Field.records` in the schema is all a new list needs.
public protocol MergeRecord: Hashable, Sendable {
    associatedtype RecordID: Hashable
    /// What identifies the record across versions of the board. A history entry has no id of
    /// its own and never changes once written: it is its own id.
    var recordID: RecordID { get }
    /// When it happened: merged lists are in this order.
    var recordTime: Timestamp { get }
    /// Orders two records added on different sides with the same time, by a fixed rule, so that
    /// every clone that merges them orders them alike.
    static func sameTimeOrder(_ a: Self, _ b: Self) -> Bool
}

extension HistoryEntry: MergeRecord {
    public var recordID: HistoryEntry { self }
    public var recordTime: Timestamp { at }
    public static func sameTimeOrder(_ a: HistoryEntry, _ b: HistoryEntry) -> Bool {
        // Moves before a merge's notes; then by what they say.
        if (a.merge == nil) != (b.merge == nil) { return a.merge == nil }
        if a.from != b.from { return (a.from ?? "") < (b.from ?? "") }
        if a.to != b.to { return a.to < b.to }
        if a.status != b.status { return (a.status?.rawValue ?? "") < (b.status?.rawValue ?? "") }
        let w = ByteWriter(), v = ByteWriter()
        w.object(a, DealSchema.historyEntry); v.object(b, DealSchema.historyEntry)
        return w.bytes.lexicographicallyPrecedes(v.bytes)
    }
}

extension Activity: MergeRecord {
    public var recordID: String { id }
    /// Activities are listed in the order they were created.
    public var recordTime: Timestamp { createdAt }
    public static func sameTimeOrder(_ a: Activity, _ b: Activity) -> Bool { a.id < b.id }
}

/// A field changed on both sides to different values: the one kept and the one it replaced, as
/// the file writes them.
struct FieldConflict: Hashable, Sendable {
    /// The field's name in the file; "history.subject" for a field of a record in a list.
    var field: String
    var kept: JSONValue?
    var lost: JSONValue?
}

/// How a `.records` field merges its lists (made by `Field.records`, which knows the record type).
struct RecordListMerge<Root>: Sendable {
    let run:
        @Sendable (
            _ base: Root?, _ mine: Root, _ theirs: Root, _ out: inout Root, _ mineWins: Bool,
            _ conflicts: inout [FieldConflict]
        ) -> Void
}

/// A record's id and which occurrence of it in its list.
struct RecordKey<ID: Hashable>: Hashable {
    var id: ID
    var n: Int
}

/// The three-way merge of a list of records (`MergeRecord`).
///
/// - A record added on either side is kept; the same id added on both sides with different
///   contents is merged field by field as below.
/// - A record changed on one side takes that side's version; changed on both sides, it is merged
///   field by field (`FieldwiseMerge`): a field changed on one side takes that change, a field
///   changed on both sides takes the value of the side that wins (`mineWins`: the side whose deal
///   changed last) and the other value is reported in `conflicts`.
/// - A record deleted on one side and changed on the other is kept; deleted and unchanged, it goes.
/// - Order: the records of `base` stay in their order (changed ones in their place); the added
///   ones are put in by time (after records of the same time), those of the same time ordered by
///   `sameTimeOrder`. A list in time order stays in time order.
enum RecordMerge {
    static func merge<R: MergeRecord>(
        base: [R], mine: [R], theirs: [R], schema: Schema<R>, mineWins: Bool, listName: String,
        conflicts: inout [FieldConflict]
    ) -> [R] {
        if mine == base || theirs == mine { return theirs }
        if theirs == base { return mine }
        // Keys: the id and which occurrence of it (a history entry may appear twice, identical).
        typealias Key = RecordKey<R.RecordID>
        func keyed(_ list: [R]) -> (keys: [Key], index: [Key: Int]) {
            var seen: [R.RecordID: Int] = [:]
            var keys: [Key] = []
            var index: [Key: Int] = [:]
            keys.reserveCapacity(list.count)
            for (i, r) in list.enumerated() {
                let n = seen[r.recordID, default: 0]
                seen[r.recordID] = n + 1
                let k = Key(id: r.recordID, n: n)
                keys.append(k)
                index[k] = i
            }
            return (keys, index)
        }
        let b = keyed(base), m = keyed(mine), t = keyed(theirs)

        var kept: [R] = []
        kept.reserveCapacity(max(mine.count, theirs.count))
        for (i, k) in b.keys.enumerated() {
            let old = base[i]
            let mi = m.index[k], ti = t.index[k]
            switch (mi.map { mine[$0] }, ti.map { theirs[$0] }) {
            case (let x?, let y?):
                if x == old || x == y {
                    kept.append(y)
                } else if y == old {
                    kept.append(x)
                } else {
                    kept.append(
                        FieldwiseMerge.merge(
                            schema, base: old, mine: x, theirs: y, mineWins: mineWins, prefix: listName,
                            conflicts: &conflicts))
                }
            case (let x?, nil): if x != old { kept.append(x) } // deleted there, changed here: kept
            case (nil, let y?): if y != old { kept.append(y) }
            case (nil, nil): break
            }
        }

        var added: [R] = []
        for (i, k) in m.keys.enumerated() where b.index[k] == nil {
            guard let ti = t.index[k] else { added.append(mine[i]); continue }
            let x = mine[i], y = theirs[ti]
            added.append(
                x == y
                    ? x
                    : FieldwiseMerge.merge(
                        schema, base: nil, mine: x, theirs: y, mineWins: mineWins, prefix: listName,
                        conflicts: &conflicts))
        }
        for (i, k) in t.keys.enumerated() where b.index[k] == nil && m.index[k] == nil { added.append(theirs[i]) }
        if added.isEmpty { return kept }
        added.sort { x, y in x.recordTime != y.recordTime ? x.recordTime < y.recordTime : R.sameTimeOrder(x, y) }
        return interleave(kept, added)
    }

    /// `kept` in its order with `added` (in time order) put in after the records of `kept` up
    /// to their time.
    static func interleave<R: MergeRecord>(_ kept: [R], _ added: [R]) -> [R] {
        var out: [R] = []
        out.reserveCapacity(kept.count + added.count)
        var i = 0
        for a in added {
            while i < kept.count && kept[i].recordTime <= a.recordTime {
                out.append(kept[i]); i += 1
            }
            out.append(a)
        }
        out.append(contentsOf: kept[i...])
        return out
    }
}

/// Field-by-field merge of one object that `schema` describes (a stage, a record of a list).
enum FieldwiseMerge {
    /// `base` nil: both sides added the object; every field that differs is then a conflict.
    static func merge<R>(
        _ schema: Schema<R>, base: R?, mine: R, theirs: R, mineWins: Bool, prefix: String,
        conflicts: inout [FieldConflict]
    ) -> R {
        var out = theirs
        for f in schema.fields {
            if let b = base, f.same(mine, b) { continue }
            if f.same(theirs, mine) { continue }
            if let rec = f.mergeRecords {
                rec.run(base, mine, theirs, &out, mineWins, &conflicts)
                continue
            }
            if let b = base, f.same(theirs, b) { f.take(&out, mine); continue }
            if f.merge == .identity { continue }
            let (winner, loser) = mineWins ? (mine, theirs) : (theirs, mine)
            if mineWins { f.take(&out, mine) }
            conflicts.append(
                FieldConflict(
                    field: prefix.isEmpty ? f.key : prefix + "." + f.key, kept: f.jsonValue(of: winner),
                    lost: f.jsonValue(of: loser)))
        }
        let unknown = schema.unknown
        let (e, extraConflicts) = withUnsafePointer(to: mine) { pm in
            withUnsafePointer(to: theirs) { pt in
                let b: UnknownFields? = base.map { v in withUnsafePointer(to: v) { unknown.get(UnsafeRawPointer($0)) } }
                return UnknownMerge.merge(
                    base: b ?? [:], mine: unknown.get(UnsafeRawPointer(pm)), theirs: unknown.get(UnsafeRawPointer(pt)),
                    bothAdded: base == nil, mineWins: mineWins, prefix: prefix)
            }
        }
        unknown.set(&out, e)
        conflicts += extraConflicts
        return out
    }
}

/// The fields a version of Pipedeck does not know, merged name by name like known ones.
enum UnknownMerge {
    static func merge(
        base: UnknownFields, mine: UnknownFields, theirs: UnknownFields, bothAdded: Bool = false, mineWins: Bool,
        prefix: String = ""
    ) -> (UnknownFields, [FieldConflict]) {
        if mine == theirs || (!bothAdded && mine == base) { return (theirs, []) }
        if !bothAdded && theirs == base { return (mine, []) }
        var out = theirs
        var conflicts: [FieldConflict] = []
        for key in Set(mine.keys).union(theirs.keys).union(base.keys) {
            let b = base[key], m = mine[key], t = theirs[key]
            if m == t || (!bothAdded && m == b) { continue }
            if !bothAdded && t == b { out[key] = m; continue }
            if mineWins { out[key] = m }
            conflicts.append(
                FieldConflict(
                    field: prefix.isEmpty ? key : prefix + "." + key, kept: mineWins ? m : t, lost: mineWins ? t : m))
        }
        return (out, conflicts.sorted { $0.field < $1.field })
    }
}
