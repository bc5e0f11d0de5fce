import PipedeckCore

extension BoardMerge {
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
