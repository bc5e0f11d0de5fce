import PipedeckCore

extension BoardMerge {
    /// The board's settings changed on both sides, merged field by field: targets one by one
    /// (by period and owner) and rates one by one (by currency), so that a target set here and a
    /// rate or another target set elsewhere are both kept. The other fields as one value each.
    static func mergeSettings(base: BoardSettings, mine: BoardSettings, theirs: BoardSettings) -> BoardSettings {
        var ignored = false
        var out = theirs
        out.lostReasons = pick(base.lostReasons, mine.lostReasons, theirs.lostReasons, &ignored)
        out.locale = pick(base.locale, mine.locale, theirs.locale, &ignored)
        out.extra = pick(base.extra, mine.extra, theirs.extra, &ignored)
        out.targets = mergeKeyed(base.targets, mine.targets, theirs.targets) {
            "\($0.period)\u{0}\(SalesTarget.ownerKey($0.owner) ?? "")"
        }
        out.rates = mergeKeyed(base.rates, mine.rates, theirs.rates) { $0.currency }
        return out
    }

    /// A list of keyed items merged item by item: theirs, with every item this side added,
    /// changed or removed since `base` done again on it.
    static func mergeKeyed<T: Equatable>(_ base: [T], _ mine: [T], _ theirs: [T], key: (T) -> String) -> [T] {
        var out = theirs
        let baseByKey = Dictionary(base.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let mineKeys = Set(mine.map(key))
        for m in mine where baseByKey[key(m)] != m {
            if let i = out.firstIndex(where: { key($0) == key(m) }) { out[i] = m } else { out.append(m) }
        }
        for (k, _) in baseByKey where !mineKeys.contains(k) { out.removeAll { key($0) == k } }
        return out
    }
}
