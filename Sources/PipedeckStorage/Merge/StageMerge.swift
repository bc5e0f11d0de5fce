import PipedeckCore

/// The stages part of `BoardMerge`: by id, field by field; a stage added, renamed or reordered
/// on one side is kept; deleted on one side and changed on the other, it is kept.
enum StageMerge {
    static func merge(base: [Stage], mine: [Stage], theirs: [Stage], report: inout MergeReport) -> [Stage] {
        if mine == base || mine == theirs { return theirs }
        if theirs == base { return mine }
        let b = Dictionary(base.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let m = Dictionary(mine.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let t = Dictionary(theirs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var merged: [String: Stage] = [:]
        for id in Set(b.keys).union(m.keys).union(t.keys) {
            switch (b[id], m[id], t[id]) {
            case (let o?, let x?, let y?):
                if x == o || x == y {
                    merged[id] = y
                } else if y == o {
                    merged[id] = x
                } else {
                    merged[id] = both(base: o, x, y, &report)
                }
            case (let o?, let x?, nil): if x != o { merged[id] = x }
            case (let o?, nil, let y?): if y != o { merged[id] = y }
            case (nil, let x?, let y?): merged[id] = x == y ? x : both(base: nil, x, y, &report)
            case (nil, let x?, nil): merged[id] = x
            case (nil, nil, let y?): merged[id] = y
            default: continue
            }
        }
        return order(base: base, mine: mine, theirs: theirs, kept: Set(merged.keys)).compactMap { merged[$0] }
    }

    static func both(base: Stage?, _ x: Stage, _ y: Stage, _ report: inout MergeReport) -> Stage {
        var conflicts: [FieldConflict] = []
        let s = FieldwiseMerge.merge(
            BoardSchema.stage, base: base, mine: x, theirs: y, mineWins: firstInText(x, y), prefix: "",
            conflicts: &conflicts)
        if !conflicts.isEmpty { report.stageConflicts.append(s.name) }
        return s
    }

    /// Whether `a` comes first in the file's text (settles a stage changed on both sides).
    static func firstInText(_ a: Stage, _ b: Stage) -> Bool {
        let w = ByteWriter(), v = ByteWriter()
        w.object(a, BoardSchema.stage); v.object(b, BoardSchema.stage)
        return !v.bytes.lexicographicallyPrecedes(w.bytes)
    }

    /// The stages' order: the base's, or the one side's that reordered it (both did: the one
    /// whose order comes first), with the stages each side added after the stage they follow there.
    static func order(base: [Stage], mine: [Stage], theirs: [Stage], kept: Set<String>) -> [String] {
        let inBase = Set(base.map(\.id))
        let common = kept.intersection(inBase).intersection(mine.map(\.id)).intersection(theirs.map(\.id))
        func relative(_ list: [Stage]) -> [String] { list.map(\.id).filter { common.contains($0) } }
        let bo = relative(base), mo = relative(mine), to = relative(theirs)
        var order: [String]
        if mo == bo {
            order = to
        } else if to == bo {
            order = mo
        } else {
            order = mo.lexicographicallyPrecedes(to) ? mo : to
        }
        // Then the stages kept from the base that one side deleted (changed on the other), then
        // those added, each after the stage it follows in its own list.
        var placed = Set(order)
        func insert(from list: [String]) {
            var previous: String? = nil
            for id in list {
                if placed.contains(id) { previous = id; continue }
                guard kept.contains(id) else { continue }
                let at = previous.flatMap { p in order.firstIndex(of: p).map { $0 + 1 } } ?? 0
                order.insert(id, at: at)
                placed.insert(id)
                previous = id
            }
        }
        insert(from: base.map(\.id))
        let (first, second) =
            mine.map(\.id).lexicographicallyPrecedes(theirs.map(\.id)) ? (mine, theirs) : (theirs, mine)
        insert(from: first.map(\.id))
        insert(from: second.map(\.id))
        return order
    }
}
