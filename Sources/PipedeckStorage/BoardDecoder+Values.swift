import Foundation
import PipedeckCore

// The typed readers of `BoardDecoder`: each reads one JSON value as a kind of model value, or
// throws a message that names the place, the field, what was expected and what was found.

extension BoardDecoder {

    func string(_ i: Int, _ name: FieldName) throws(LoadError) -> String {
        guard r[i].kind == .string else {
            throw fieldError(name.text, StorageStrings.aString, found: typeName(i), node: i)
        }
        return r.string(i)
    }

    func nonEmptyString(_ i: Int, _ name: FieldName) throws(LoadError) -> String {
        guard r[i].kind == .string, r[i].end > r[i].start else {
            throw fieldError(
                name.text, StorageStrings.aNonEmptyString, found: r[i].kind == .string ? "\"\"" : typeName(i),
                node: i)
        }
        return r.string(i)
    }

    func bool(_ i: Int, _ name: FieldName) throws(LoadError) -> Bool {
        switch r[i].kind {
        case .true: return true
        case .false: return false
        default: throw fieldError(name.text, StorageStrings.aBoolean, found: typeName(i), node: i)
        }
    }

    func number(_ i: Int, _ name: FieldName) throws(LoadError) -> ExactDecimal {
        guard r[i].kind == .number else {
            throw fieldError(name.text, StorageStrings.aNumber, found: typeName(i), node: i)
        }
        return ExactDecimal.parse(r.raw(i))
    }

    func money(_ i: Int, _ name: FieldName) throws(LoadError) -> Money {
        switch try number(i, name).amount {
        case .money(let m): return m
        case .negative: throw fieldError(name.text, StorageStrings.amount, found: shown(i), node: i)
        case .tooPrecise: throw fieldError(name.text, StorageStrings.twoDecimals, found: shown(i), node: i)
        case .tooLarge: throw fieldError(name.text, StorageStrings.amountSize, found: shown(i), node: i)
        }
    }

    func percent(_ i: Int, _ name: FieldName) throws(LoadError) -> Percent {
        if let p = try number(i, name).percent { return p }
        throw fieldError(name.text, StorageStrings.percentage, found: shown(i), node: i)
    }

    func integer(
        _ i: Int, _ name: FieldName, minimum: Int? = nil,
        what: String = StorageStrings.wholeNumber
    ) throws(LoadError) -> Int {
        if let v = try number(i, name).whole, minimum == nil || v >= minimum! { return v }
        throw fieldError(name.text, what, found: shown(i), node: i)
    }

    func day(_ i: Int, _ name: FieldName) throws(LoadError) -> Day {
        if r[i].kind == .string, let d = r[i].escaped ? Day.parse(r.string(i)) : Day.parse(utf8: r.raw(i)) { return d }
        throw fieldError(
            name.text, StorageStrings.date, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    func timestamp(_ i: Int, _ name: FieldName) throws(LoadError) -> Timestamp {
        if r[i].kind == .string, let t = r[i].escaped ? Timestamp.parse(r.string(i)) : Timestamp.parse(utf8: r.raw(i)) {
            return t
        }
        throw fieldError(
            name.text, StorageStrings.timestamp, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    func currency(_ i: Int, _ name: FieldName) throws(LoadError) -> String {
        if r[i].kind == .string {
            let raw = r.raw(i)
            if raw.count == 3 && raw.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { return r.string(i) }
        }
        throw fieldError(
            name.text, StorageStrings.currencyCode, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    func stageKind(_ i: Int, _ name: FieldName) throws(LoadError) -> StageKind {
        if r[i].kind == .string {
            if r.stringEquals(i, "open") { return .open }
            if r.stringEquals(i, "won") { return .won }
        }
        throw fieldError(
            name.text, StorageStrings.stageKind, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    func status(_ i: Int, _ name: FieldName) throws(LoadError) -> DealStatus {
        if r[i].kind == .string {
            if r.stringEquals(i, "open") { return .open }
            if r.stringEquals(i, "won") { return .won }
            if r.stringEquals(i, "lost") { return .lost }
        }
        throw fieldError(
            name.text, StorageStrings.dealStatus, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    func mergeKind(_ i: Int, _ name: FieldName) throws(LoadError) -> MergeNote.Kind {
        if r[i].kind == .string, let k = MergeNote.Kind(rawValue: r.string(i)) { return k }
        throw fieldError(
            name.text, StorageStrings.mergeKind, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    /// Any JSON value, kept as it is (the values a merge note records).
    func anyValue(_ i: Int, _ name: FieldName) throws(LoadError) -> JSONValue {
        do throws(DuplicateKey) { return try r.value(i) } catch { throw duplicate(error.node) }
    }

    func activityType(_ i: Int, _ name: FieldName) throws(LoadError) -> ActivityType {
        if r[i].kind == .string, let t = ActivityType(rawValue: r.string(i)) { return t }
        throw fieldError(
            name.text, StorageStrings.activityType, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    func timeOfDay(_ i: Int, _ name: FieldName) throws(LoadError) -> TimeOfDay {
        if r[i].kind == .string, let t = TimeOfDay.parse(r.string(i)) { return t }
        throw fieldError(
            name.text, StorageStrings.timeOfDay, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    func strings(_ i: Int, _ name: FieldName) throws(LoadError) -> [String] {
        guard r[i].kind == .array else {
            throw fieldError(name.text, StorageStrings.anArray, found: typeName(i), node: i)
        }
        var out: [String] = []
        out.reserveCapacity(Int(r[i].count))
        var k = i + 1, n = 0
        while k < Int(r[i].end) {
            guard r[k].kind == .string else {
                throw fieldError(name.text + "[\(n)]", StorageStrings.aString, found: typeName(k), node: k)
            }
            out.append(r.string(k))
            k = r.next(k); n += 1
        }
        return out
    }

    /// The board's schema version: 1 up to this version's; a newer one is refused.
    func version(_ i: Int, _ name: FieldName) throws(LoadError) -> Int {
        switch try number(i, name) {
        case .value(false, let c, 0) where c >= 1:
            if c > Int128(Board.schemaVersion) {
                throw LoadError(path: path, message: StorageStrings.newerVersion(path, r.numberText(i)))
            }
            fileVersion = Int(c)
            return Int(c)
        case .tooLarge:
            throw LoadError(path: path, message: StorageStrings.newerVersion(path, r.numberText(i)))
        default:
            throw fieldError(name.text, StorageStrings.schemaVersion, found: shown(i), node: i)
        }
    }

    /// A whole number in `range`.
    func integer(_ i: Int, _ name: FieldName, in range: ClosedRange<Int>) throws(LoadError) -> Int {
        let v = try integer(i, name, minimum: range.lowerBound)
        guard range.contains(v) else {
            throw fieldError(name.text, StorageStrings.wholeNumber, found: shown(i), node: i)
        }
        return v
    }
}
