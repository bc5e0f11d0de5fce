import PipedeckCore

// The tables of the fast path (FastDeal.swift): the field names it knows, one enumeration per
// kind of object, each in the order of its schema's fields (legacy fields last), so that a
// case's raw value is the field's position in the schema (`FieldSet`, `Schema.fields`); the
// keys found by their bytes (`KeyTable`); the short strings and the dates already read.

enum DealField: Int, CaseIterable {
    case id, title, company, contact, phone, email, value, currency, stage, probability, status, lostReason
    case owner, source, tags, expectedClose, activities, qualification, notes, createdAt, updatedAt, updatedBy
    case stageEnteredAt, history, rank, nps, importKey
    /// Version 1's next action (a legacy field): always left to the schema's reader.
    case nextAction
}

enum ActivityField: Int, CaseIterable {
    case id, type, subject, due, time, duration, done, doneAt, outcome, owner, createdAt
}

enum HistoryField: Int, CaseIterable {
    case at, from, to, status, merge, notes
}

enum QualificationField: Int, CaseIterable {
    case budget, authority, need, timeline
}

enum NotesEditField: Int, CaseIterable {
    case length
}

/// The keys of one schema, found from a key's bytes with one multiplication: a hash without
/// collisions among the schema's keys, searched for when the table is made. A key of more than
/// 16 bytes is no key of these schemas.
struct KeyTable: @unchecked Sendable {
    struct Slot {
        var w0: UInt64 = 0, w1: UInt64 = 0
        var length = -1
        var field = -1
    }

    static let size = 128
    /// `size` slots, for the life of the program (the tables are static).
    private let slots: UnsafeMutablePointer<Slot>
    private let multiplier: UInt64

    /// The table of `schema`'s keys, whose positions must be the raw values of `F`'s cases, in
    /// the same order and with the same names (`FastDealTests` checks the names; here only the
    /// count, as a name is made from a case only by reflection, which is slow).
    init<Root, F: CaseIterable & RawRepresentable>(_ schema: Schema<Root>, _ names: F.Type) where F.RawValue == Int {
        let keys = schema.keyBytes
        precondition(F.allCases.map(\.rawValue) == Array(keys.indices), "the fast path's fields of \(Root.self)")
        precondition(keys.allSatisfy { $0.count <= 16 })
        let words = keys.map { k in k.withUnsafeBufferPointer { KeyTable.words($0.baseAddress!, $0.count) } }
        /// Whether `m` gives every key a slot of its own.
        func distinct(_ m: UInt64) -> Bool {
            var used: (UInt64, UInt64) = (0, 0)
            for (i, k) in keys.enumerated() {
                let s = KeyTable.slot(words[i].0, words[i].1, k.count, m)
                let bit: UInt64 = 1 << UInt64(s & 63)
                if s < 64 {
                    if used.0 & bit != 0 { return false }
                    used.0 |= bit
                } else {
                    if used.1 & bit != 0 { return false }
                    used.1 |= bit
                }
            }
            return true
        }
        var m: UInt64 = 0x9E37_79B9_7F4A_7C15
        var tries = 0
        while !distinct(m) {
            m = (m &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407) | 1
            tries += 1
            precondition(tries < 1_000_000)
        }
        multiplier = m
        slots = .allocate(capacity: KeyTable.size)
        slots.initialize(repeating: Slot(), count: KeyTable.size)
        for (i, k) in keys.enumerated() {
            slots[KeyTable.slot(words[i].0, words[i].1, k.count, multiplier)] = Slot(
                w0: words[i].0, w1: words[i].1, length: k.count, field: i)
        }
    }

    /// The first 16 bytes from `p` as two little-endian words, zeros after the first `n`.
    @inline(__always) static func words(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UInt64, UInt64) {
        var w0: UInt64 = 0, w1: UInt64 = 0
        for j in 0..<min(n, 16) {
            if j < 8 { w0 |= UInt64(p[j]) << UInt64(8 * j) } else { w1 |= UInt64(p[j]) << UInt64(8 * (j - 8)) }
        }
        return (w0, w1)
    }

    @inline(__always) static func slot(_ w0: UInt64, _ w1: UInt64, _ n: Int, _ m: UInt64) -> Int {
        Int(truncatingIfNeeded: ((w0 ^ (w1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: n)) &* m) >> 57)
    }

    /// The field named by the `n` bytes at `p`, of which at least `readable` may be read; nil for
    /// a key that is none of the schema's.
    @inline(__always) func field(_ p: UnsafePointer<UInt8>, _ n: Int, readable: Int) -> Int? {
        guard n <= 16 else { return nil }
        var w0: UInt64, w1: UInt64
        if readable >= 16 {
            let raw = UnsafeRawPointer(p)
            let m0: UInt64 = n >= 8 ? ~0 : (1 << UInt64(8 * n)) &- 1
            let m1: UInt64 = n >= 16 ? ~0 : n <= 8 ? 0 : (1 << UInt64(8 * (n - 8))) &- 1
            w0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & m0
            w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & m1
        } else {
            (w0, w1) = KeyTable.words(p, n)
        }
        let s = slots[KeyTable.slot(w0, w1, n, multiplier)]
        return s.w0 == w0 && s.w1 == w1 && s.length == n ? s.field : nil
    }

    /// The field named by a key of `n` bytes (fewer than 16) whose first 16 bytes are `w0`, `w1`
    /// (little-endian; the bytes after the key are ignored).
    @inline(__always) func field(_ w0: UInt64, _ w1: UInt64, _ n: Int) -> Int? {
        let m0: UInt64 = n >= 8 ? ~0 : (1 << UInt64(8 * n)) &- 1
        let m1: UInt64 = n <= 8 ? 0 : (1 << UInt64(8 * (n - 8))) &- 1
        let a = w0 & m0, b = w1 & m1
        let s = slots[KeyTable.slot(a, b, n, multiplier)]
        return s.w0 == a && s.w1 == b && s.length == n ? s.field : nil
    }

    static let deal = KeyTable(DealSchema.deal, DealField.self)
    static let activity = KeyTable(DealSchema.activity, ActivityField.self)
    static let history = KeyTable(DealSchema.historyEntry, HistoryField.self)
    static let qualification = KeyTable(DealSchema.qualification, QualificationField.self)
    static let notesEdit = KeyTable(DealSchema.notesEdit, NotesEditField.self)
}
