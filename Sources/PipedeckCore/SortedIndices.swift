import Foundation

extension Board {
    /// The positions `indices` (into `deals`) in the order `sorted(_:by:today:)` puts those deals
    /// in: each deal's key is found once and no deal is copied. A column of 100 000 deals sorted
    /// by value, title or next action is made on every change; comparing whole deals, with the key
    /// found (and a title folded) at each comparison, took seconds.
    public func sortedIndices(_ indices: [Int], by key: SortKey, today: Day) -> [Int] {
        deals.withUnsafeBufferPointer { d in
            var base = indices
            base.sort { a, b in
                if d[a].rank != d[b].rank { return d[a].rank < d[b].rank }
                if d[a].createdAt != d[b].createdAt { return d[a].createdAt < d[b].createdAt }
                return d[a].id < d[b].id
            }
            func more<K: Comparable>(_ k: (Int) -> K) -> [Int] {
                Board.ordered(base, base.map(k)) { $0 == $1 ? nil : $0 > $1 }
            }
            func earlier(_ k: (Int) -> Day?) -> [Int] { Board.ordered(base, base.map(k), Board.optionalDayLess) }
            func alphabetical(_ k: (Int) -> String?) -> [Int] {
                Board.ordered(base, base.map { k($0).map { ($0, Collation.fold($0)) } }) { a, b in
                    switch (a, b) {
                    case (nil, nil): return nil
                    case (nil, _): return false
                    case (_, nil): return true
                    case let (x?, y?): return Board.collated(x, y)
                    }
                }
            }
            switch key {
            case .rank: return base
            case .value: return more { d[$0].value }
            case .weighted: return more { countedWeight(of: d[$0]) }
            case .probability: return more { probability(of: d[$0]) }
            case .close: return earlier { d[$0].expectedClose }
            case .age: return more { daysInStage(d[$0], today: today) }
            case .due: return earlier { d[$0].nextActivity?.due }
            case .score: return more { d[$0].qualification?.score ?? -1 }
            case .title: return alphabetical { d[$0].title }
            case .company: return alphabetical { d[$0].company }
            }
        }
    }

    /// `base` sorted by `keys` (one for each of its positions): `less` of two keys, and when it
    /// says neither comes first (nil), their order in `base`.
    private static func ordered<K>(_ base: [Int], _ keys: [K], _ less: (K, K) -> Bool?) -> [Int] {
        var positions = Array(base.indices)
        positions.sort { less(keys[$0], keys[$1]) ?? ($0 < $1) }
        return positions.map { base[$0] }
    }

    /// `Collation.less` both ways, of texts given with their folded forms: nil when neither
    /// comes first.
    private static func collated(_ a: (text: String, folded: String), _ b: (text: String, folded: String)) -> Bool? {
        if a.folded != b.folded { return a.folded.unicodeScalars.lexicographicallyPrecedes(b.folded.unicodeScalars) }
        if a.text.unicodeScalars.lexicographicallyPrecedes(b.text.unicodeScalars) { return true }
        if b.text.unicodeScalars.lexicographicallyPrecedes(a.text.unicodeScalars) { return false }
        return nil
    }
}
