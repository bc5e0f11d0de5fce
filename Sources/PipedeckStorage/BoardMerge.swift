import PipedeckCore

/// What a merge did besides the obvious.
public struct MergeReport: Hashable, Sendable {
    /// Deals changed here and elsewhere in the same field: this side's value was kept.
    public var conflicts: [String] = []
    /// Changes made here to deals that were deleted elsewhere (or whose stage was): dropped.
    public var dropped: [String] = []
    /// Deals deleted here that were changed elsewhere: kept, with the other side's changes.
    public var keptEdited: [String] = []
    /// Deals added here whose stage no longer exists: put in the first stage.
    public var rehomed: [String] = []
    public init() {}
    public var isClean: Bool { conflicts.isEmpty && dropped.isEmpty && keptEdited.isEmpty && rehomed.isEmpty }
}

/// A three-way merge of boards at the level of deals and their fields: `base` is the version
/// both sides started from, `mine` the one with this program's unsaved changes, `theirs` what is
/// on disk now. Every change of `mine` is carried over onto `theirs` as if it had been made
/// there: added deals are added, deleted ones deleted, changed fields changed. When both sides
/// changed the same field of a deal, this side wins and the deal is named in the report.
public enum BoardMerge {
    public static func merge(base: Board, mine: Board, theirs: Board) -> (board: Board, report: MergeReport) {
        var report = MergeReport()
        var out = theirs
        var ignored = false
        out.version = pick(base.version, mine.version, theirs.version, &ignored)
        out.name = pick(base.name, mine.name, theirs.name, &ignored)
        out.currency = pick(base.currency, mine.currency, theirs.currency, &ignored)
        out.stages = pick(base.stages, mine.stages, theirs.stages, &ignored)
        out.settings = pick(base.settings, mine.settings, theirs.settings, &ignored)
        out.extra = pick(base.extra, mine.extra, theirs.extra, &ignored)
        let stageIDs = Set(out.stages.map(\.id))

        var baseIndex: [String: Int] = [:]
        for (i, d) in base.deals.enumerated() { baseIndex[d.id] = i }
        var theirIndex: [String: Int] = [:]
        for (i, d) in theirs.deals.enumerated() { theirIndex[d.id] = i }
        var mineIDs = Set<String>()
        mineIDs.reserveCapacity(mine.deals.count)

        var deals = theirs.deals
        var remove = Set<Int>()
        var added: [Deal] = []
        for m in mine.deals {
            mineIDs.insert(m.id)
            guard let bi = baseIndex[m.id] else {
                // Added here.
                if let ti = theirIndex[m.id] {
                    if theirs.deals[ti] != m { report.dropped.append(m.title) }
                    continue
                }
                var d = m
                if !stageIDs.contains(d.stage) {
                    guard let first = out.stages.first else { report.dropped.append(m.title); continue }
                    d.stage = first.id
                    d.status = first.kind == .won ? .won : (d.status == .lost ? .lost : .open)
                    report.rehomed.append(m.title)
                }
                added.append(d)
                continue
            }
            let b = base.deals[bi]
            if b == m { continue } // not changed here
            guard let ti = theirIndex[m.id] else {
                report.dropped.append(m.title) // deleted elsewhere
                continue
            }
            let t = theirs.deals[ti]
            var conflict = false
            var d = mergeDeal(base: b, mine: m, theirs: t, conflict: &conflict)
            if !stageIDs.contains(d.stage) {
                // This side's stage change points at a stage that is gone: keep theirs.
                d = t
                report.dropped.append(m.title)
            } else if conflict {
                report.conflicts.append(m.title)
            }
            deals[ti] = d
        }
        // Deleted here.
        for b in base.deals where !mineIDs.contains(b.id) {
            guard let ti = theirIndex[b.id] else { continue }
            if theirs.deals[ti] == b { remove.insert(ti) } else { report.keptEdited.append(theirs.deals[ti].title) }
        }
        if !remove.isEmpty {
            deals = deals.enumerated().filter { !remove.contains($0.offset) }.map(\.element)
        }
        deals.append(contentsOf: added)
        out.deals = deals
        return (out, report)
    }

    /// The three-way rule for one value: this side's change wins, else theirs.
    static func pick<T: Equatable>(_ base: T, _ mine: T, _ theirs: T, _ conflict: inout Bool) -> T {
        if mine == base { return theirs }
        if theirs != base && theirs != mine { conflict = true }
        return mine
    }

    /// One deal changed on both sides, merged field by field as the deal schema says
    /// (`DealSchema`, each field's `MergeRule`).
    static func mergeDeal(base b: Deal, mine m: Deal, theirs t: Deal, conflict c: inout Bool) -> Deal {
        if t == b { return m }
        if t == m { return m }
        var d = t
        for f in DealSchema.deal.fields where f.merge == .field {
            if f.pick(base: b, mine: m, theirs: t, into: &d) { c = true }
        }
        // The fields this version does not know: as one value.
        d.extra = pick(b.extra, m.extra, t.extra, &c)
        // Activities: by id.
        d.activities = mergeByID(b.activities, m.activities, t.activities, &c)
        // Where the deal is (stage, status, lost reason, time in stage, rank): merged as one, so
        // that a merged deal is never half moved.
        let placement = DealSchema.placement
        let mineMoved = !placement.allSatisfy({ $0.same(m, b) })
        if mineMoved {
            for f in placement { f.take(&d, m) }
            if !placement.allSatisfy({ $0.same(t, b) }) && !placement.allSatisfy({ $0.same(t, m) }) { c = true }
        }
        // History: entries added on both sides are all kept. Those of the side whose placement
        // won come last (they lead to where the deal now is) and the first of them starts where
        // the other side's last one ended, so the history reads in order.
        if m.history != b.history && t.history != b.history && m.history != t.history
            && m.history.starts(with: b.history) && t.history.starts(with: b.history)
        {
            let (earlier, later) = mineMoved ? (t.history, m.history) : (m.history, t.history)
            var added = Array(later.dropFirst(b.history.count))
            if let end = earlier.last?.to, added[0].from != nil { added[0].from = end }
            d.history = earlier + added
        } else {
            var ignored = false
            d.history = pick(b.history, m.history, t.history, &ignored)
        }
        d.updatedAt = max(m.updatedAt, t.updatedAt)
        return d
    }

    /// The three-way merge of a deal's activities, by id: activities added on either side are
    /// all kept (theirs in their order, then this side's); one changed on one side takes the
    /// change; one changed on both sides is merged field by field (this side's change wins a
    /// field both changed, a conflict); one deleted on one side and changed on the other is
    /// kept, changed; one deleted and not changed elsewhere goes.
    static func mergeByID(_ b: [Activity], _ m: [Activity], _ t: [Activity], _ c: inout Bool) -> [Activity] {
        if m == b || t == m { return t }
        if t == b { return m }
        var base: [String: Activity] = [:], mine: [String: Activity] = [:]
        for a in b { base[a.id] = a }
        for a in m { mine[a.id] = a }
        var out: [Activity] = []
        var theirIDs = Set<String>()
        for ta in t {
            theirIDs.insert(ta.id)
            switch (base[ta.id], mine[ta.id]) {
            case (nil, nil): out.append(ta) // added elsewhere
            case (nil, let ma?): // added on both sides with one id
                if ma != ta { c = true }
                out.append(ma)
            case (let ba?, nil): if ta != ba { out.append(ta) } // deleted here
            case (let ba?, let ma?): out.append(mergeActivity(base: ba, mine: ma, theirs: ta, conflict: &c))
            }
        }
        for ma in m where !theirIDs.contains(ma.id) {
            // Added here, or deleted elsewhere and changed here.
            if let ba = base[ma.id], ba == ma { continue }
            out.append(ma)
        }
        return out
    }

    /// One activity changed on both sides, field by field (`DealSchema.activity`).
    static func mergeActivity(base b: Activity, mine m: Activity, theirs t: Activity, conflict c: inout Bool)
        -> Activity
    {
        if t == b || t == m { return m }
        if m == b { return t }
        var a = t
        for f in DealSchema.activity.fields where f.pick(base: b, mine: m, theirs: t, into: &a) { c = true }
        a.extra = pick(b.extra, m.extra, t.extra, &c)
        return a
    }
}
