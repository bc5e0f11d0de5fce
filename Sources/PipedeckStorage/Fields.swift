import Foundation

/// The fields of one kind of object in a board file. The raw value is the field's position
/// (0, 1, 2… in declaration order); `names` holds the names in the file, in the same order.
protocol FieldKey: CaseIterable, RawRepresentable, Hashable, Sendable where RawValue == Int, AllCases == [Self] {
    static var names: [String] { get }
    static var table: FieldTable<Self> { get }
}

extension FieldKey {
    var name: String { Self.names[rawValue] }
}

/// Lookup tables for a `FieldKey`: by raw key bytes (decoding), and in byte order (encoding).
struct FieldTable<F: FieldKey>: Sendable {
    struct Entry: Sendable {
        var field: F
        var key: [UInt8]
        /// Position of the field in `F.allCases`.
        var bit: Int
    }
    /// In the byte order of the keys, for writing.
    let sorted: [Entry]
    /// Entries by key length, for reading.
    let byLength: [[Entry]]
    let names: Set<String>
    let count: Int

    init() {
        precondition(
            F.names.count == F.allCases.count && F.allCases.enumerated().allSatisfy { $0.offset == $0.element.rawValue }
        )
        let all = F.allCases.map { Entry(field: $0, key: Array($0.name.utf8), bit: $0.rawValue) }
        sorted = all.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        let maxLength = all.map(\.key.count).max() ?? 0
        var by = [[Entry]](repeating: [], count: maxLength + 1)
        for e in all { by[e.key.count].append(e) }
        byLength = by
        names = Set(F.names)
        count = all.count
    }

    /// The field whose name is exactly these (unescaped) bytes.
    @inline(__always) func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Entry? {
        let n = key.count
        guard n < byLength.count else { return nil }
        for e in byLength[n] {
            let same = e.key.withUnsafeBufferPointer { memcmp($0.baseAddress!, key.baseAddress!, n) == 0 }
            if same { return e }
        }
        return nil
    }

    func lookup(name: String) -> Entry? {
        sorted.first { $0.field.name == name }
    }
}

enum BoardField: Int, FieldKey {
    case version, name, currency, stages, deals, settings
    static let names = ["version", "name", "currency", "stages", "deals", "settings"]
    static let table = FieldTable<BoardField>()
}

enum StageField: Int, FieldKey {
    case id, name, probability, kind, rotDays
    static let names = ["id", "name", "probability", "kind", "rotDays"]
    static let table = FieldTable<StageField>()
}

enum DealField: Int, FieldKey {
    case id, title, company, contact, value, currency, stage, probability, status, lostReason, owner, source,
        tags, expectedClose, nextAction, qualification, notes, createdAt, updatedAt, stageEnteredAt, history, rank
    static let names = [
        "id", "title", "company", "contact", "value", "currency", "stage", "probability", "status", "lostReason",
        "owner", "source", "tags", "expectedClose", "nextAction", "qualification", "notes", "createdAt", "updatedAt",
        "stageEnteredAt", "history", "rank",
    ]
    static let table = FieldTable<DealField>()
}

enum NextActionField: Int, FieldKey {
    case text, due, done
    static let names = ["text", "due", "done"]
    static let table = FieldTable<NextActionField>()
}

enum QualificationField: Int, FieldKey {
    case budget, authority, need, timeline
    static let names = ["budget", "authority", "need", "timeline"]
    static let table = FieldTable<QualificationField>()
}

enum HistoryField: Int, FieldKey {
    case at, from, to, status
    static let names = ["at", "from", "to", "status"]
    static let table = FieldTable<HistoryField>()
}

enum SettingsField: Int, FieldKey {
    case lostReasons, locale
    static let names = ["lostReasons", "locale"]
    static let table = FieldTable<SettingsField>()
}
