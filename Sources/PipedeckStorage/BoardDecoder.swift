import Foundation
import PipedeckCore

/// Where a value sits, for error messages: `stages[2]`, `deal "k7q2mx"`, `deals[4]` (a deal whose
/// id could not be read) or the board itself.
enum Place {
    case board
    case stage(Int)
    case deal(index: Int, id: String?)

    var text: String {
        switch self {
        case .board: return ""
        case .stage(let i): return "stages[\(i)]"
        case .deal(_, let id?): return "deal \(StorageStrings.quoted(id))"
        case .deal(let i, nil): return "deals[\(i)]"
        }
    }
}

/// Maps a parsed tape to a `Board` as the schemas (BoardSchema.swift, DealSchema.swift) describe
/// it, checking every field. Known fields go to the model, unknown ones to the `extra`
/// dictionaries. The typed readers are in BoardDecoder+Values.swift.
final class BoardDecoder {
    /// The tape read (for the deals of a streamed board, the current deal's).
    var r: TapeReader
    /// The deals, when the parser streamed them (`DealStream`).
    var streamed: DealStream?
    let path: String
    let now: Timestamp
    /// The object being read, for messages.
    var place = Place.board
    /// The board's stage ids, once its stages are read: a deal must be in one of them.
    var stageIDs = Set<String>()
    /// The same ids, looked up without hashing (a deal's stage is checked in a pass over them all).
    var stageLookup = StageLookup([])
    /// The file's format version (a file without one is version 1): the migrations read it.
    var fileVersion = 1
    /// Value node of each known field of the objects being read (-1: absent): a stack, as a
    /// deal is read while the board's fields are still needed.
    private let slots: UnsafeMutablePointer<Int32>
    private var top = 0
    private static let capacity = 256

    init(reader: TapeReader, path: String, now: Timestamp) {
        r = reader; self.path = path; self.now = now
        slots = .allocate(capacity: BoardDecoder.capacity)
    }

    deinit { slots.deallocate() }

    // MARK: errors

    func error(_ place: Place, _ detail: String, node: Int?) -> LoadError {
        var e = LoadError(path: path, message: StorageStrings.shape(path, place.text, detail))
        if let node { (e.line, e.column) = r.location(node) }
        return e
    }

    /// A field of the object being read does not hold what it should.
    func fieldError(_ field: String, _ what: String, found: String, node: Int) -> LoadError {
        error(place, StorageStrings.field(field, StorageStrings.expected(what, found: found)), node: node)
    }

    /// An error at a place, pointing at `node` (for the duplicate ids of stages and deals).
    func error(at node: Int, _ message: String) -> LoadError {
        var e = LoadError(path: path, message: message)
        (e.line, e.column) = r.location(node)
        return e
    }

    /// An error pointing at byte `offset` of the file.
    func error(atOffset offset: Int, _ message: String) -> LoadError {
        var e = LoadError(path: path, message: message)
        (e.line, e.column) = JSONTapeParser.location(of: offset, in: r.bytes, bomLength: r.bomLength)
        return e
    }

    /// "a string", "a number", … for type mismatches.
    func typeName(_ i: Int) -> String {
        switch r[i].kind {
        case .null: return "null"
        case .true, .false: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value itself for scalars ("maybe" in quotes, 150, true), the type for containers.
    func shown(_ i: Int) -> String {
        switch r[i].kind {
        case .null: return "null"
        case .true: return "true"
        case .false: return "false"
        case .number:
            let t = r.numberText(i)
            return t.count > 40 ? String(t.prefix(40)) + "…" : t
        case .string: return StorageStrings.quoted(r.string(i))
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    func duplicate(_ keyNode: Int) -> LoadError {
        let e = r.syntaxError(node: keyNode, reason: StorageStrings.duplicateKey(r.string(keyNode)))
        return LoadError(path: path, line: e.line, column: e.column, message: StorageStrings.syntax(path, e))
    }

    // MARK: objects

    /// The members of one object: the value node of each known field, and the unknown fields.
    struct Members {
        let node: Int
        let slots: UnsafeMutablePointer<Int32>
        var unknown: UnknownFields = [:]
        var present = FieldSet()
        /// The value node of field `i`, nil when absent.
        func value(_ i: Int) -> Int? { slots[i] >= 0 ? Int(slots[i]) : nil }
    }

    /// Sorts the members of object node `node` into the schema's fields and the unknown ones
    /// (a field named twice is refused), then runs `body` on them.
    @inline(__always) func withMembers<Root, R>(
        _ node: Int, _ schema: Schema<Root>, _ body: (inout Members) throws(LoadError) -> R
    ) throws(LoadError) -> R {
        let n = schema.readCount
        precondition(top + n <= BoardDecoder.capacity)
        let s = slots + top
        top += n
        defer { top -= n }
        for k in 0..<n { s[k] = -1 }
        var m = Members(node: node, slots: s)
        var k = node + 1
        let end = Int(r[node].end)
        while k < end {
            let key = r[k]
            let readable = r.bytes.count - Int(key.start)
            if let i = key.escaped ? schema.lookup(name: r.string(k)) : schema.lookup(r.raw(k), readable: readable) {
                if s[i] >= 0 { throw duplicate(k) }
                s[i] = Int32(k + 1)
            } else {
                let name = r.string(k)
                let v: JSONValue
                do throws(DuplicateKey) { v = try r.value(k + 1) } catch { throw duplicate(error.node) }
                if m.unknown.updateValue(v, forKey: name) != nil { throw duplicate(k) }
            }
            k = r.next(k + 1)
        }
        return try body(&m)
    }

    /// Reads the fields of an object into `root`: the first ones, then the required ones (one that
    /// is absent is refused), then the others; unknown fields are kept in the object.
    /// `parent` and `index` name a nested object in messages ("history[2].at").
    func fields<Root>(
        _ m: inout Members, _ schema: Schema<Root>, into root: inout Root, parent: String = "", index: Int? = nil
    ) throws(LoadError) {
        for i in schema.first { try optionalField(i, &m, schema, &root, parent, index) }
        for i in schema.required {
            let f = schema.fields[i]
            let name = FieldName(parent: parent, index: index, key: f.key)
            guard let v = m.value(i) else { throw error(place, StorageStrings.missing(name.text), node: m.node) }
            try f.read(&root, self, v, name)
            m.present.insert(i)
        }
        for i in schema.optional { try optionalField(i, &m, schema, &root, parent, index) }
        schema.unknown.set(&root, m.unknown)
        schema.finish?(&root, self, m.present)
        for (k, f) in schema.legacy.enumerated() {
            guard let v = m.value(schema.fields.count + k) else { continue }
            try f.read(&root, self, v, FieldName(parent: parent, index: index, key: f.key))
        }
    }

    @inline(__always) private func optionalField<Root>(
        _ i: Int, _ m: inout Members, _ schema: Schema<Root>, _ root: inout Root, _ parent: String, _ index: Int?
    ) throws(LoadError) {
        guard let v = m.value(i) else { return }
        let f = schema.fields[i]
        let name = FieldName(parent: parent, index: index, key: f.key)
        if f.keepsUnreadable {
            do throws(LoadError) {
                try f.read(&root, self, v, name)
                m.present.insert(i)
            } catch {
                do throws(DuplicateKey) { m.unknown[f.key] = try r.value(v) } catch { throw duplicate(error.node) }
            }
            return
        }
        if r[v].kind == .null { return }
        try f.read(&root, self, v, name)
        m.present.insert(i)
    }

    /// Reads object node `node` as `schema` describes it; `name` names it in messages.
    func object<Root>(_ node: Int, _ schema: Schema<Root>, _ name: FieldName, index: Int? = nil) throws(LoadError)
        -> Root
    {
        guard r[node].kind == .object else {
            throw fieldError(
                index.map { name.text + "[\($0)]" } ?? name.text, StorageStrings.anObject, found: typeName(node),
                node: node)
        }
        var root = schema.blank
        try withMembers(node, schema) { (m) throws(LoadError) in
            try fields(&m, schema, into: &root, parent: name.text, index: index)
        }
        return root
    }

    /// Reads array node `node` of objects as `schema` describes them.
    func array<Root>(_ node: Int, _ schema: Schema<Root>, _ name: FieldName) throws(LoadError) -> [Root] {
        guard r[node].kind == .array else {
            throw fieldError(name.text, StorageStrings.anArray, found: typeName(node), node: node)
        }
        var out: [Root] = []
        out.reserveCapacity(Int(r[node].count))
        var k = node + 1, n = 0
        while k < Int(r[node].end) {
            out.append(try object(k, schema, name, index: n))
            k = r.next(k); n += 1
        }
        return out
    }

    /// The value of node `node` as an unknown field keeps it.
    func keptValue(_ node: Int) throws(LoadError) -> JSONValue {
        do throws(DuplicateKey) { return try r.value(node) } catch { throw duplicate(error.node) }
    }

    /// The value node of the member `key` of object node `node`.
    func member(_ node: Int, _ key: StaticString) -> Int? {
        var k = node + 1
        while k < Int(r[node].end) {
            if r.stringEquals(k, key) { return k + 1 }
            k = r.next(k + 1)
        }
        return nil
    }

    // MARK: the board

    func board() throws(LoadError) -> Board {
        guard r[0].kind == .object else {
            var e = LoadError(path: path, message: StorageStrings.notAnObject(path, found: typeName(0)))
            (e.line, e.column) = r.location(0)
            throw e
        }
        let schema = BoardSchema.board
        return try withMembers(0, schema) { (m) throws(LoadError) -> Board in
            func present(_ i: Int) -> Int? { m.value(i).flatMap { r[$0].kind == .null ? nil : $0 } }
            if present(BoardSchema.version) == nil {
                // No version: read it as version 1 only if it clearly is a board.
                guard let s = present(BoardSchema.stages), let d = present(BoardSchema.deals),
                    r[s].kind == .array, r[d].kind == .array
                else { throw LoadError(path: path, message: StorageStrings.notABoard(path)) }
            }
            var board = schema.blank
            try fields(&m, schema, into: &board)
            // Read, an older version's board has this version's shape (its deals' next actions
            // became activities): it is written as this version.
            board.version = Board.schemaVersion
            return board
        }
    }

    /// The board's stages, each with an id of its own.
    func stages(_ node: Int, _ name: FieldName) throws(LoadError) -> [Stage] {
        guard r[node].kind == .array else {
            throw fieldError(name.text, StorageStrings.anArray, found: typeName(node), node: node)
        }
        var out: [Stage] = []
        out.reserveCapacity(Int(r[node].count))
        var seen: [String: Int] = [:]
        var k = node + 1, index = 0
        while k < Int(r[node].end) {
            place = .stage(index)
            let stage = try element(k, BoardSchema.stage)
            if let first = seen.updateValue(index, forKey: stage.id) {
                throw error(
                    at: member(k, "id") ?? k, StorageStrings.duplicateStageID(path, stage.id, first, index))
            }
            out.append(stage)
            k = r.next(k); index += 1
        }
        place = .board
        stageIDs = Set(out.map(\.id))
        stageLookup = StageLookup(out)
        return out
    }

    /// The board's deals, each with an id of its own and in one of the board's stages.
    func deals(_ node: Int, _ name: FieldName) throws(LoadError) -> [Deal] {
        if let s = streamed, s.arrayNode == node {
            // Decoded while the file was parsed, before the stages were known: their stages are
            // checked now, up to the first deal that could not be read (the same error as when
            // deals are read in order after the stages).
            let unknown = s.deals.withUnsafeBufferPointer { deals in
                (0..<min(s.failure?.index ?? deals.count, deals.count)).first {
                    stageLookup.index(of: deals[$0].stage) == nil
                }
            }
            if let i = unknown {
                let d = s.deals[i]
                throw error(atOffset: Int(s.offsets[i]), StorageStrings.unknownStage(path, deal: d.id, stage: d.stage))
            }
            if let f = s.failure { throw f.error }
            return s.deals
        }
        guard r[node].kind == .array else {
            throw fieldError(name.text, StorageStrings.anArray, found: typeName(node), node: node)
        }
        var out: [Deal] = []
        out.reserveCapacity(Int(r[node].count))
        var seen: [String: Int] = [:]
        seen.reserveCapacity(Int(r[node].count))
        var k = node + 1, index = 0
        while k < Int(r[node].end) {
            place = .deal(index: index, id: nil)
            let deal = try element(k, DealSchema.deal)
            if let first = seen.updateValue(index, forKey: deal.id) {
                throw error(at: member(k, "id") ?? k, StorageStrings.duplicateDealID(path, deal.id, first, index))
            }
            if !stageIDs.contains(deal.stage) {
                throw error(at: k, StorageStrings.unknownStage(path, deal: deal.id, stage: deal.stage))
            }
            out.append(deal)
            k = r.next(k); index += 1
        }
        place = .board
        return out
    }

    /// An element of the board's stages or deals: an object.
    func element<Root>(_ node: Int, _ schema: Schema<Root>) throws(LoadError) -> Root {
        guard r[node].kind == .object else {
            throw error(place, StorageStrings.expected(StorageStrings.anObject, found: typeName(node)), node: node)
        }
        var root = schema.blank
        try withMembers(node, schema) { (m) throws(LoadError) in try fields(&m, schema, into: &root) }
        return root
    }
}
