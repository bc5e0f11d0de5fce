import Foundation
import PipedeckCore

// The board file's fields are described once, in tables of `Field`s (BoardSchema.swift,
// DealSchema.swift). Each entry says where the value lives in the model (a key path), its name
// in the file, how it is read and written (`Codec`), whether the file must have it, and, for
// deals, how a three-way merge treats it and which CSV columns export it. The decoder, the
// encoder, `BoardMerge` and `DealCSV` all work from these tables.

/// A field's name in messages ("value", "nextAction.due", "history[2].at"), put together only
/// when a message needs it.
struct FieldName: Sendable {
    /// The object the field belongs to, when it is nested: "nextAction", "history", "settings".
    var parent = ""
    /// The parent's element, when the parent is an array.
    var index: Int? = nil
    var key: String

    var text: String {
        var s = parent
        if let index { s += "[\(index)]" }
        return s.isEmpty ? key : s + "." + key
    }
}

/// How one kind of value is read from the file and written to it.
struct Codec<Value>: Sendable {
    /// Reads value node `node`; throws a message that names the field and what was expected.
    let read: @Sendable (BoardDecoder, Int, FieldName) throws(LoadError) -> Value
    /// Writes the value (the member's key is already written).
    let write: @Sendable (ByteWriter, Value) -> Void
}

/// How a three-way merge (`BoardMerge`) treats one field of a deal.
enum MergeRule: Sendable, Equatable {
    /// The deal's identity: the sides being merged always agree on it.
    case identity
    /// On its own: a change made on this side wins, else the other side's value is kept; changed
    /// on both sides to different values, it is a conflict (this side's value is kept).
    case field
    /// Together with the other placement fields (stage, status, lost reason, time in stage, rank),
    /// as one value, so that a merged deal is never half moved.
    case placement
    /// A list of records with ids (history entries, activities), merged record by record by
    /// their ids and kept in time order (`RecordMerge`): records added on either side are all
    /// kept; a record changed on both sides is merged field by field.
    case records
    /// The later of the two sides (when the deal last changed).
    case latest
}

/// A CSV column of a deal and the text of its cell.
struct CSVColumn<Root>: Sendable {
    let field: ImportField
    let cell: @Sendable (Root, Board) -> String
}

/// Where CSV export puts a field.
enum CSVExport<Root>: Sendable {
    /// Not said: allowed for the objects inside a deal, refused for a deal's own fields by the
    /// schema tests, so that a new field of `Deal` cannot be forgotten in the export.
    case undeclared
    case columns([CSVColumn<Root>])
    /// Not exported, and why.
    case omitted(String)
}

/// A stored property of a struct, read and written at its place in the struct's memory.
///
/// The decoder and the encoder go through every field of every object; applying a key path at
/// run time made reading and writing a board about twice as slow, so the key paths of the
/// schemas are turned once into offsets (`MemoryLayout.offset(of:)`, which is meant for this).
struct StoredProperty<Root, Value>: Sendable {
    let offset: Int

    init(_ path: WritableKeyPath<Root, Value>) {
        guard let offset = MemoryLayout<Root>.offset(of: path) else {
            preconditionFailure("\(path) must be a stored property, without observers")
        }
        self.offset = offset
    }

    /// The value in the object at `root`.
    @inline(__always) func get(_ root: UnsafeRawPointer) -> Value {
        (root + offset).assumingMemoryBound(to: Value.self).pointee
    }

    @inline(__always) func set(_ root: inout Root, _ value: Value) {
        withUnsafeMutableBytes(of: &root) {
            ($0.baseAddress! + offset).assumingMemoryBound(to: Value.self).pointee = value
        }
    }
}

/// One field of an object of the board file. (A class: the decoder and the encoder go through
/// the fields of every object, and a reference is cheaper to hand around than the closures.)
final class Field<Root>: Sendable {
    enum Presence: Sendable {
        /// Read before all others, because it says how to read them (the board's `version`).
        case first
        /// The file must have it.
        case required
        /// It may be absent (or null): the model's default stays.
        case optional
    }

    let key: String
    let keyBytes: [UInt8]
    let presence: Presence
    /// A value that cannot be read is kept unchanged with the unknown fields and written back as
    /// it was, instead of refusing the file (fields that older versions kept as unknown ones).
    let keepsUnreadable: Bool
    /// The model property, for the schema tests: "\Deal.npsScore". (Made only when asked: a key
    /// path's description is slow to make, and the program never needs it.)
    let property: @Sendable () -> String
    /// Reads the member's value node into the object.
    let read: @Sendable (inout Root, BoardDecoder, Int, FieldName) throws(LoadError) -> Void
    /// Writes `"key": value` of the object at the pointer, or nothing when the value is left out.
    let write: @Sendable (UnsafeRawPointer, ByteWriter, [UInt8]) -> Void
    /// Whether two objects have the same value in this field.
    let same: @Sendable (Root, Root) -> Bool
    /// Copies this field's value from another object.
    let take: @Sendable (inout Root, Root) -> Void
    let merge: MergeRule
    /// For a `.records` field: merges the lists of `base`, `mine` and `theirs` into `out`.
    let mergeRecords: RecordListMerge<Root>?
    let csv: CSVExport<Root>

    private init(
        key: String, presence: Presence, keepsUnreadable: Bool, property: @escaping @Sendable () -> String,
        read: @escaping @Sendable (inout Root, BoardDecoder, Int, FieldName) throws(LoadError) -> Void,
        write: @escaping @Sendable (UnsafeRawPointer, ByteWriter, [UInt8]) -> Void,
        same: @escaping @Sendable (Root, Root) -> Bool, take: @escaping @Sendable (inout Root, Root) -> Void,
        merge: MergeRule, mergeRecords: RecordListMerge<Root>?, csv: CSVExport<Root>
    ) {
        self.key = key
        keyBytes = Array(key.utf8)
        self.presence = presence
        self.keepsUnreadable = keepsUnreadable
        self.property = property
        self.read = read
        self.write = write
        self.same = same
        self.take = take
        self.merge = merge
        self.mergeRecords = mergeRecords
        self.csv = csv
    }

    /// A field of property `path` whose value `codec` reads and writes; `omitted` says when it is
    /// left out of the file.
    private convenience init<V: Equatable & Sendable>(
        _ key: String, _ path: WritableKeyPath<Root, V> & Sendable, _ codec: Codec<V>, _ presence: Presence,
        keepsUnreadable: Bool = false, omitted: (@Sendable (V) -> Bool)? = nil
    ) {
        let stored = StoredProperty(path)
        self.init(
            key: key, presence: presence, keepsUnreadable: keepsUnreadable, property: { String(describing: path) },
            read: { root, d, node, name throws(LoadError) in stored.set(&root, try codec.read(d, node, name)) },
            write: { root, w, k in
                let v = stored.get(root)
                if let omitted, omitted(v) { return }
                w.member(escapedKey: k); codec.write(w, v)
            },
            same: { $0[keyPath: path] == $1[keyPath: path] }, take: { $0[keyPath: path] = $1[keyPath: path] },
            merge: .field, mergeRecords: nil, csv: .undeclared)
    }

    /// The same field with another merge rule or export.
    private func with(
        merge: MergeRule? = nil, mergeRecords: RecordListMerge<Root>? = nil, csv: CSVExport<Root>? = nil
    ) -> Field {
        Field(
            key: key, presence: presence, keepsUnreadable: keepsUnreadable, property: property, read: read,
            write: write, same: same, take: take, merge: merge ?? self.merge,
            mergeRecords: mergeRecords ?? self.mergeRecords, csv: csv ?? self.csv)
    }

    /// This field's value in `root` as the file writes it (nil when the file leaves it out).
    /// For merge notes; not fast.
    func jsonValue(of root: Root) -> JSONValue? {
        let w = ByteWriter(capacity: 256)
        withUnsafePointer(to: root) { p in w.object { write(UnsafeRawPointer(p), w, keyBytes) } }
        guard case .object(let o)? = try? w.bytes.withUnsafeBufferPointer({ try JSONParser.parse(bytes: $0) }) else {
            return nil
        }
        return o[key]
    }

    /// The rule for one field: a change made here (`mine` differs from `base`) wins, else the
    /// value of `theirs` stays in `out`. Returns true for a conflict: both sides changed it, differently.
    func pick(base: Root, mine: Root, theirs: Root, into out: inout Root) -> Bool {
        if same(mine, base) { return false }
        take(&out, mine)
        return !same(theirs, base) && !same(theirs, mine)
    }
}

extension Field {
    /// A field the file must have; always written.
    static func required<V: Equatable & Sendable>(
        _ key: String, _ path: WritableKeyPath<Root, V> & Sendable, _ codec: Codec<V>
    ) -> Field {
        Field(key, path, codec, .required)
    }

    /// A field that may be absent (the model's default stays); written unless `omitted` says the
    /// value is left out (`[]` for tags).
    static func defaulted<V: Equatable & Sendable>(
        _ key: String, _ path: WritableKeyPath<Root, V> & Sendable, _ codec: Codec<V>, first: Bool = false,
        omitted: (@Sendable (V) -> Bool)? = nil
    ) -> Field {
        Field(key, path, codec, first ? .first : .optional, omitted: omitted)
    }

    /// An optional field: absent or null is nil, and nil is not written.
    static func optional<V: Equatable & Sendable>(
        _ key: String, _ path: WritableKeyPath<Root, V?> & Sendable, _ codec: Codec<V>, keepsUnreadable: Bool = false
    ) -> Field {
        Field(key, path, codec.optional, .optional, keepsUnreadable: keepsUnreadable, omitted: { $0 == nil })
    }

    /// A list of records with ids (`MergeRecord`), merged by id in time order (`RecordMerge`);
    /// written even when empty. A record changed on both sides is merged by `schema`'s fields.
    static func records<R: MergeRecord>(
        _ key: String, _ path: WritableKeyPath<Root, [R]> & Sendable, _ schema: Schema<R>,
        omittedWhenEmpty: Bool = false
    ) -> Field {
        let merge = RecordListMerge<Root> {
            (base: Root?, mine: Root, theirs: Root, out: inout Root, mineWins: Bool, conflicts: inout [FieldConflict])
            in
            let b: [R] = base.map { $0[keyPath: path] } ?? []
            out[keyPath: path] = RecordMerge.merge(
                base: b, mine: mine[keyPath: path], theirs: theirs[keyPath: path], schema: schema,
                mineWins: mineWins, listName: key, conflicts: &conflicts)
        }
        var omitted: (@Sendable ([R]) -> Bool)? = nil
        if omittedWhenEmpty { omitted = { (v: [R]) -> Bool in v.isEmpty } }
        let codec: Codec<[R]> = .array(of: schema)
        return Field(key, path, codec, .optional, omitted: omitted).with(merge: .records, mergeRecords: merge)
    }

    func merged(_ rule: MergeRule) -> Field { with(merge: rule) }

    /// Exported to CSV as one column.
    func exported(_ column: ImportField, _ cell: @escaping @Sendable (Root, Board) -> String) -> Field {
        exported([CSVColumn(field: column, cell: cell)])
    }

    func exported(_ columns: [CSVColumn<Root>]) -> Field { with(csv: .columns(columns)) }

    /// Left out of CSV export, for the given reason.
    func notExported(_ reason: String) -> Field { with(csv: .omitted(reason)) }
}

extension Codec {
    /// The same values, or nil: written only when there is one (the field is then left out).
    var optional: Codec<Value?> {
        Codec<Value?>(
            read: { d, i, name throws(LoadError) in try read(d, i, name) },
            write: { w, v in if let v { write(w, v) } })
    }
}

/// A field that older versions of the file had and this one only reads: its value is turned
/// into today's shape (a migration) and it is never written back. Read after every other field
/// and after the schema's `finish`, so the object is complete when it is migrated; its reader
/// also gets a null value, and decides.
final class LegacyField<Root>: Sendable {
    let key: String
    let keyBytes: [UInt8]
    let read: @Sendable (inout Root, BoardDecoder, Int, FieldName) throws(LoadError) -> Void

    init(_ key: String, read: @escaping @Sendable (inout Root, BoardDecoder, Int, FieldName) throws(LoadError) -> Void)
    {
        self.key = key
        keyBytes = Array(key.utf8)
        self.read = read
    }
}

/// The fields of one kind of object, with the lookup tables the decoder and the encoder use.
final class Schema<Root: Sendable>: Sendable {
    let fields: [Field<Root>]
    /// Where the object keeps the fields it does not know, written back unchanged.
    let unknown: StoredProperty<Root, UnknownFields>
    /// The same, for the schema tests: "\Deal.extra".
    let unknownProperty: @Sendable () -> String
    /// The object that reading starts from: every optional field at its default.
    let blank: Root
    /// Fills what can only be decided once every field is read (a deal's missing times).
    let finish: (@Sendable (inout Root, BoardDecoder, FieldSet) -> Void)?
    /// Fields only read, for migrations; their positions follow `fields`'.
    let legacy: [LegacyField<Root>]
    /// In the byte order of the keys: the order they are written in.
    let sorted: [Field<Root>]
    /// Field positions by key length, for reading (legacy fields after the others).
    let byLength: [[Int]]
    let keyBytes: [[UInt8]]
    /// Each key's first 16 bytes as two little-endian words (zeros after the key), and its
    /// length (a key longer than 16 bytes never matches here: it is looked up by `lookup(_:)`).
    let keyWords: ContiguousArray<(UInt64, UInt64, Int)>
    let first: [Int], required: [Int], optional: [Int]

    init(
        _ fields: [Field<Root>], unknown: WritableKeyPath<Root, UnknownFields> & Sendable, blank: Root,
        finish: (@Sendable (inout Root, BoardDecoder, FieldSet) -> Void)? = nil, legacy: [LegacyField<Root>] = []
    ) {
        let keys = fields.map(\.key) + legacy.map(\.key)
        precondition(keys.count <= 64 && Set(keys).count == keys.count)
        self.fields = fields
        self.legacy = legacy
        self.unknown = StoredProperty(unknown)
        unknownProperty = { String(describing: unknown) }
        self.blank = blank
        self.finish = finish
        sorted = fields.sorted { $0.keyBytes.lexicographicallyPrecedes($1.keyBytes) }
        keyBytes = fields.map(\.keyBytes) + legacy.map(\.keyBytes)
        keyWords = ContiguousArray(
            keyBytes.map { k in
                var w: (UInt64, UInt64) = (0, 0)
                for (j, b) in k.prefix(16).enumerated() {
                    if j < 8 { w.0 |= UInt64(b) << UInt64(8 * j) } else { w.1 |= UInt64(b) << UInt64(8 * (j - 8)) }
                }
                return (w.0, w.1, k.count > 16 ? -1 : k.count)
            })
        var by = [[Int]](repeating: [], count: (keyBytes.map(\.count).max() ?? 0) + 1)
        for (i, k) in keyBytes.enumerated() { by[k.count].append(i) }
        byLength = by
        first = fields.indices.filter { fields[$0].presence == .first }
        required = fields.indices.filter { fields[$0].presence == .required }
        optional = fields.indices.filter { fields[$0].presence == .optional }
    }

    /// The position of the field `key`.
    func index(_ key: String) -> Int {
        guard let i = fields.firstIndex(where: { $0.key == key }) else { preconditionFailure("no field \(key)") }
        return i
    }

    /// The number of fields read: the fields, then the legacy ones.
    var readCount: Int { keyBytes.count }

    /// The field whose name is exactly these (unescaped) bytes (a position past `fields` is a
    /// legacy field).
    /// `readable` is how many bytes may be read from the key's start (at least 16: they are read
    /// as two words and compared with `keyWords`).
    @inline(__always) func lookup(_ key: UnsafeBufferPointer<UInt8>, readable: Int) -> Int? {
        let n = key.count
        guard n <= 16, readable >= 16 else { return lookup(key) }
        let raw = UnsafeRawPointer(key.baseAddress!)
        let m0: UInt64 = n >= 8 ? ~0 : (1 << UInt64(8 * n)) &- 1
        let m1: UInt64 = n >= 16 ? ~0 : n <= 8 ? 0 : (1 << UInt64(8 * (n - 8))) &- 1
        let w0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & m0
        let w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & m1
        return keyWords.withUnsafeBufferPointer { words in
            for i in words.indices where words[i].0 == w0 && words[i].1 == w1 && words[i].2 == n { return i }
            return nil
        }
    }

    @inline(__always) func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = key.count
        guard n < byLength.count else { return nil }
        for i in byLength[n] {
            let same = keyBytes[i].withUnsafeBufferPointer { memcmp($0.baseAddress!, key.baseAddress!, n) == 0 }
            if same { return i }
        }
        return nil
    }

    func lookup(name: String) -> Int? {
        let bytes = Array(name.utf8)
        return keyBytes.firstIndex { $0 == bytes }
    }
}

/// Which fields of an object the file has (not null), by position in the schema.
struct FieldSet: Sendable {
    var bits: UInt64 = 0
    func contains(_ i: Int) -> Bool { bits & (1 << UInt64(i)) != 0 }
    mutating func insert(_ i: Int) { bits |= 1 << UInt64(i) }
}
