import Foundation

extension Board {
    /// The positions `indices` (into `deals`) in the order `sorted(_:by:today:)` puts those deals
    /// in, no deal copied. A column of 100 000 deals sorted by value, title or next action is made
    /// on every change; copying the deals and placing them again by id took seconds.
    public func sortedIndices(_ indices: [Int], by key: SortKey, today: Day) -> [Int] {
        deals.withUnsafeBufferPointer { d in
            var base = indices
            base.sort { Board.columnOrder(d, $0, $1) }
            return key == .rank ? base : ordered(d, base, by: key, today: today)
        }
    }

    /// The positions `base` (into `d`, already in their base order) ordered by `key`, each deal's
    /// key found once (a title folded once, not at every comparison); deals equal by the key keep
    /// their order in `base`.
    func ordered(_ d: UnsafeBufferPointer<Deal>, _ base: [Int], by key: SortKey, today: Day) -> [Int] {
        func more<K: Comparable>(_ k: (Int) -> K) -> [Int] {
            Board.ordered(base, base.map(k)) { $0 == $1 ? nil : $0 > $1 }
        }
        func earlier(_ k: (Int) -> Day?) -> [Int] { Board.ordered(base, base.map(k), Board.optionalDayLess) }
        func alphabetical(_ k: (Int) -> String?) -> [Int] {
            // Deals without the text last.
            Board.ordered(base, base.map { k($0).map { ($0, Collation.fold($0)) } }) { a, b in
                switch (a, b) {
                case (nil, nil): return nil
                case (nil, _): return false
                case (_, nil): return true
                case let (x?, y?): return Collation.order(x.0, x.1, y.0, y.1)
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

    /// `base` sorted by `keys` (one for each of its positions): `less` of two keys, and when it
    /// says neither comes first (nil), their order in `base`.
    private static func ordered<K>(_ base: [Int], _ keys: [K], _ less: (K, K) -> Bool?) -> [Int] {
        var positions = Array(base.indices)
        positions.sort { less(keys[$0], keys[$1]) ?? ($0 < $1) }
        return positions.map { base[$0] }
    }
}
