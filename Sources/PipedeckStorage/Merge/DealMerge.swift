import PipedeckCore

/// The merge of one deal changed on both sides, field by field as the deal schema says
/// (`DealSchema`, each field's `MergeRule`). When both sides changed a field differently, the
/// side whose deal changed last (`updatedAt`; the same second: a fixed order, `mineWins`) keeps
/// its value, and the value it replaced is written into the deal's history as a merge note.
enum DealMerge {
    /// Whether this side's deal wins the fields changed differently on both sides: the later
    /// `updatedAt`; in the same second, the deal whose file text comes first (any fixed rule does:
    /// every clone must decide alike, whichever side it is on).
    static func mineWins(_ m: Deal, _ t: Deal) -> Bool {
        if m.updatedAt != t.updatedAt { return m.updatedAt > t.updatedAt }
        let a = text(m), b = text(t)
        return a.lexicographicallyPrecedes(b) || a == b
    }

    /// The deal as pretty JSON with every member of every object on its own line, as files were
    /// written before their layout put what is inside a deal's members on one line: kept, so that
    /// every version of Pipedeck in a team breaks a tie alike.
    static func text(_ d: Deal) -> [UInt8] {
        let w = ByteWriter(capacity: 1024)
        w.object(d, DealSchema.deal)
        return w.bytes
    }

    /// `base` nil: both sides added a deal with this id.
    static func merge(base b: Deal?, mine m: Deal, theirs t: Deal) -> (deal: Deal, notes: [MergeNote]) {
        if let b, t == b { return (m, []) }
        if t == m { return (m, []) }
        if let b, m == b { return (t, []) }
        let mineWins = mineWins(m, t)
        var d = t
        var conflicts: [FieldConflict] = []
        for f in DealSchema.deal.fields where f.merge == .field {
            if let b, f.same(m, b) { continue }
            if f.same(t, m) { continue }
            if let b, f.same(t, b) { f.take(&d, m); continue }
            if mineWins { f.take(&d, m) }
            let (w, l) = mineWins ? (m, t) : (t, m)
            conflicts.append(FieldConflict(field: f.key, kept: f.jsonValue(of: w), lost: f.jsonValue(of: l)))
        }
        let (extra, extraConflicts) = UnknownMerge.merge(
            base: b?.extra ?? [:], mine: m.extra, theirs: t.extra, bothAdded: b == nil, mineWins: mineWins)
        d.extra = extra
        conflicts += extraConflicts
        mergePlacement(base: b, mine: m, theirs: t, mineWins: mineWins, into: &d, conflicts: &conflicts)
        for f in DealSchema.deal.fields {
            f.mergeRecords?.run(b, m, t, &d, mineWins, &conflicts)
        }
        // When the deal last changed, and by whom: the later side's.
        d.updatedAt = max(m.updatedAt, t.updatedAt)
        if m.updatedAt != t.updatedAt || m.updatedBy == t.updatedBy {
            d.updatedBy = mineWins ? m.updatedBy : t.updatedBy
        } else if let b, m.updatedBy == b.updatedBy {
            d.updatedBy = t.updatedBy
        } else if let b, t.updatedBy == b.updatedBy {
            d.updatedBy = m.updatedBy
        } else {
            d.updatedBy = mineWins ? m.updatedBy : t.updatedBy
        }

        let notes = conflicts.map { c in
            MergeNote(
                kind: .conflict, field: c.field, kept: c.kept, lost: c.lost,
                keptBy: mineWins ? m.updatedBy : t.updatedBy, lostBy: mineWins ? t.updatedBy : m.updatedBy)
        }
        if !notes.isEmpty { record(notes, on: &d) }
        return (d, notes)
    }

    /// Where the deal is (stage, status, lost reason, time in stage, rank) is merged as one value,
    /// so that a merged deal is never half moved.
    static func mergePlacement(
        base b: Deal?, mine m: Deal, theirs t: Deal, mineWins: Bool, into d: inout Deal,
        conflicts: inout [FieldConflict]
    ) {
        let placement = DealSchema.placement
        func same(_ x: Deal, _ y: Deal) -> Bool { placement.allSatisfy { $0.same(x, y) } }
        if same(m, t) { return }
        if let b, same(m, b) { return } // theirs (already in d)
        if let b, same(t, b) {
            for f in placement { f.take(&d, m) }
            return
        }
        if mineWins { for f in placement { f.take(&d, m) } }
        // Said in the history when it is more than the order inside a column.
        for key in ["stage", "status", "lostReason"] {
            guard let f = placement.first(where: { $0.key == key }), !f.same(m, t) else { continue }
            let (w, l) = mineWins ? (m, t) : (t, m)
            conflicts.append(FieldConflict(field: key, kept: f.jsonValue(of: w), lost: f.jsonValue(of: l)))
            break
        }
    }

    /// Writes merge notes into the deal's history, at the time of its last change.
    static func record(_ notes: [MergeNote], on d: inout Deal) {
        let entries = notes.map { HistoryEntry(at: d.updatedAt, stage: d.stage, merge: $0) }
        // The same notes made by another merge of the same changes are not written twice.
        let fresh = entries.filter { !d.history.contains($0) }
        d.history = RecordMerge.interleave(d.history, fresh)
    }

    /// A deal deleted on one side and changed on the other (`edited`): kept, and its history says so.
    static func keptAfterDelete(_ edited: Deal) -> Deal {
        var d = edited
        record([MergeNote(kind: .keptEdited, keptBy: edited.updatedBy)], on: &d)
        return d
    }
}
