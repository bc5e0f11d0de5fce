import PipedeckCore

extension BoardMerge {
    /// Targets one by one (by period and owner) and rates one by one (by currency), so that a
    /// target set on one side and a rate or another target set on the other are both kept. The
    /// result is the same whichever side is "mine" (git merges it in every clone): the same
    /// target changed differently on both sides keeps the smaller amount, the same rate the
    /// later date (then the smaller rate); the lists come out in one fixed order.
    static func mergeTargetsAndRates(
        _ b: BoardSettings, _ m: BoardSettings, _ t: BoardSettings, into out: inout BoardSettings
    ) {
        out.targets = mergeKeyed(
            b.targets, m.targets, t.targets, key: { "\($0.period)\u{0}\(SalesTarget.ownerKey($0.owner) ?? "")" },
            tie: { $0.amount != $1.amount ? $0.amount < $1.amount : ($0.owner ?? "") < ($1.owner ?? "") }
        ).sorted { a, c in
            a.period != c.period
                ? a.period < c.period : (SalesTarget.ownerKey(a.owner) ?? "") < (SalesTarget.ownerKey(c.owner) ?? "")
        }
        out.rates = mergeKeyed(
            b.rates, m.rates, t.rates, key: { $0.currency },
            tie: { $0.date != $1.date ? $0.date > $1.date : $0.rate < $1.rate }
        ).sorted { $0.currency < $1.currency }
    }

    /// A list of keyed items merged item by item: an item changed, added or removed on one side
    /// takes that side's; changed differently on both, `tie` says which stays (the first
    /// argument when it returns true).
    static func mergeKeyed<T: Equatable>(
        _ base: [T], _ mine: [T], _ theirs: [T], key: (T) -> String, tie: (T, T) -> Bool
    ) -> [T] {
        func byKey(_ list: [T]) -> [String: T] {
            Dictionary(list.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        }
        let b = byKey(base), m = byKey(mine), t = byKey(theirs)
        var out: [T] = []
        for k in Set(m.keys).union(t.keys).union(b.keys) {
            let (bv, mv, tv) = (b[k], m[k], t[k])
            let kept: T?
            if mv == bv {
                kept = tv
            } else if tv == bv || mv == tv {
                kept = mv
            } else if let mv, let tv {
                kept = tie(mv, tv) ? mv : tv
            } else {
                kept = mv ?? tv // removed on one side, changed on the other: the change stays
            }
            if let kept { out.append(kept) }
        }
        return out
    }
}
