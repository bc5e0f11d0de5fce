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

/// Maps a parsed tape to a `Board`, checking every field. Known fields go to the model, unknown
/// ones to the `extra` dictionaries.
final class BoardDecoder {
    let r: TapeReader
    let path: String
    let now: Timestamp
    /// Value node of each known field of the objects being read (-1: absent). Each kind of object
    /// has its own region, as a deal is read while the board's fields are still needed.
    private let slots: UnsafeMutablePointer<Int32>

    private enum Region {
        static let board = 0, stage = 8, deal = 16, nextAction = 40, qualification = 44, history = 48, settings = 56
        static let size = 64
    }

    init(reader: TapeReader, path: String, now: Timestamp) {
        r = reader; self.path = path; self.now = now
        slots = .allocate(capacity: Region.size)
        slots.initialize(repeating: -1, count: Region.size)
    }

    deinit { slots.deallocate() }

    // MARK: errors

    func error(_ place: Place, _ detail: String, node: Int?) -> LoadError {
        var e = LoadError(path: path, message: StorageStrings.shape(path, place.text, detail))
        if let node { (e.line, e.column) = r.location(node) }
        return e
    }

    func fieldError(_ place: Place, _ field: String, _ what: String, found: String, node: Int) -> LoadError {
        error(place, StorageStrings.field(field, StorageStrings.expected(what, found: found)), node: node)
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

    // MARK: objects

    /// Reads the members of object node `obj`: known fields into their slots, others into `extra`.
    func collect<F: FieldKey>(_ obj: Int, _ type: F.Type, region: Int, extra: inout UnknownFields) throws(LoadError) {
        let table = F.table
        assert(region + table.count <= Region.size)
        let s = slots + region
        for k in 0..<table.count { s[k] = -1 }
        let n = r[obj]
        var k = obj + 1
        let end = Int(n.end)
        while k < end {
            let key = r[k]
            let entry = key.escaped ? table.lookup(name: r.string(k)) : table.lookup(r.raw(k))
            if let entry {
                if s[entry.bit] >= 0 { throw duplicate(k) }
                s[entry.bit] = Int32(k + 1)
            } else {
                let name = r.string(k)
                let v: JSONValue
                do throws(DuplicateKey) { v = try r.value(k + 1) } catch { throw duplicate(error.node) }
                if extra.updateValue(v, forKey: name) != nil { throw duplicate(k) }
            }
            k = r.next(k + 1)
        }
    }

    func duplicate(_ keyNode: Int) -> LoadError {
        let e = r.syntaxError(node: keyNode, reason: StorageStrings.duplicateKey(r.string(keyNode)))
        return LoadError(path: path, line: e.line, column: e.column, message: StorageStrings.syntax(path, e))
    }

    /// The value node of a required field (null included: the typed reader then says what
    /// was expected); throws when the field is absent.
    @inline(__always) func required<F: FieldKey>(
        _ f: F, _ region: Int, _ place: Place, in obj: Int, _ name: @autoclosure () -> String
    ) throws(LoadError) -> Int {
        let i = Int(slots[region + f.rawValue])
        if i < 0 { throw missing(place, name(), in: obj) }
        return i
    }

    /// The value node of a field, nil when absent or null.
    @inline(__always) func slot<F: FieldKey>(_ f: F, _ region: Int) -> Int? {
        let i = Int(slots[region + f.rawValue])
        if i < 0 || r[i].kind == .null { return nil }
        return i
    }

    // MARK: typed readers (each names the place and field on failure)

    func string(_ i: Int, _ place: Place, _ field: @autoclosure () -> String) throws(LoadError) -> String {
        guard r[i].kind == .string else {
            throw fieldError(place, field(), StorageStrings.aString, found: typeName(i), node: i)
        }
        return r.string(i)
    }

    func nonEmptyString(_ i: Int, _ place: Place, _ field: @autoclosure () -> String) throws(LoadError) -> String {
        guard r[i].kind == .string, r[i].end > r[i].start else {
            throw fieldError(
                place, field(), StorageStrings.aNonEmptyString, found: r[i].kind == .string ? "\"\"" : typeName(i),
                node: i)
        }
        return r.string(i)
    }

    func bool(_ i: Int, _ place: Place, _ field: @autoclosure () -> String) throws(LoadError) -> Bool {
        switch r[i].kind {
        case .true: return true
        case .false: return false
        default: throw fieldError(place, field(), StorageStrings.aBoolean, found: typeName(i), node: i)
        }
    }

    func number(_ i: Int, _ place: Place, _ field: @autoclosure () -> String) throws(LoadError) -> ExactDecimal {
        guard r[i].kind == .number else {
            throw fieldError(place, field(), StorageStrings.aNumber, found: typeName(i), node: i)
        }
        return ExactDecimal.parse(r.raw(i))
    }

    func money(_ i: Int, _ place: Place, _ field: @autoclosure () -> String) throws(LoadError) -> Money {
        let d = try number(i, place, field())
        switch d {
        case .value(let negative, let c, let scale):
            if negative && c != 0 { throw fieldError(place, field(), StorageStrings.amount, found: shown(i), node: i) }
            if scale > 2 { throw fieldError(place, field(), StorageStrings.twoDecimals, found: shown(i), node: i) }
            if c >= pow10(24 + scale) {
                throw fieldError(place, field(), StorageStrings.amountSize, found: shown(i), node: i)
            }
            return Money(micros: c * pow10(6 - scale))
        case .tooPrecise:
            throw fieldError(place, field(), StorageStrings.twoDecimals, found: shown(i), node: i)
        case .tooLarge:
            throw fieldError(place, field(), StorageStrings.amountSize, found: shown(i), node: i)
        }
    }

    func percent(_ i: Int, _ place: Place, _ field: @autoclosure () -> String) throws(LoadError) -> Percent {
        let d = try number(i, place, field())
        if case .value(let negative, let c, let scale) = d, scale <= 2, !(negative && c != 0) {
            let h = c * pow10(2 - scale)
            if h <= 10_000 { return Percent(hundredths: Int(h)) }
        }
        throw fieldError(place, field(), StorageStrings.percentage, found: shown(i), node: i)
    }

    func integer(
        _ i: Int, _ place: Place, _ field: @autoclosure () -> String, minimum: Int? = nil,
        what: String = StorageStrings.wholeNumber
    ) throws(LoadError) -> Int {
        let d = try number(i, place, field())
        if case .value(let negative, let c, 0) = d, c <= Int128(Int.max) {
            let v = negative ? -Int(c) : Int(c)
            if minimum == nil || v >= minimum! { return v }
        }
        throw fieldError(place, field(), what, found: shown(i), node: i)
    }

    func day(_ i: Int, _ place: Place, _ field: @autoclosure () -> String) throws(LoadError) -> Day {
        if r[i].kind == .string, let d = r[i].escaped ? Day.parse(r.string(i)) : DateText.day(r.raw(i)) { return d }
        throw fieldError(
            place, field(), StorageStrings.date, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    func timestamp(_ i: Int, _ place: Place, _ field: @autoclosure () -> String) throws(LoadError) -> Timestamp {
        if r[i].kind == .string, let t = r[i].escaped ? Timestamp.parse(r.string(i)) : DateText.timestamp(r.raw(i)) {
            return t
        }
        throw fieldError(
            place, field(), StorageStrings.timestamp, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    func currency(_ i: Int, _ place: Place, _ field: @autoclosure () -> String) throws(LoadError) -> String {
        if r[i].kind == .string {
            let raw = r.raw(i)
            if raw.count == 3 && raw.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { return r.string(i) }
        }
        throw fieldError(
            place, field(), StorageStrings.currencyCode, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    func stageKind(_ i: Int, _ place: Place, _ field: @autoclosure () -> String) throws(LoadError) -> StageKind {
        if r[i].kind == .string {
            if r.stringEquals(i, "open") { return .open }
            if r.stringEquals(i, "won") { return .won }
        }
        throw fieldError(
            place, field(), StorageStrings.stageKind, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    func status(_ i: Int, _ place: Place, _ field: @autoclosure () -> String) throws(LoadError) -> DealStatus {
        if r[i].kind == .string {
            if r.stringEquals(i, "open") { return .open }
            if r.stringEquals(i, "won") { return .won }
            if r.stringEquals(i, "lost") { return .lost }
        }
        throw fieldError(
            place, field(), StorageStrings.dealStatus, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    func strings(_ i: Int, _ place: Place, _ field: @autoclosure () -> String) throws(LoadError) -> [String] {
        guard r[i].kind == .array else {
            throw fieldError(place, field(), StorageStrings.anArray, found: typeName(i), node: i)
        }
        var out: [String] = []
        out.reserveCapacity(Int(r[i].count))
        var k = i + 1, n = 0
        while k < Int(r[i].end) {
            guard r[k].kind == .string else {
                throw fieldError(place, "\(field())[\(n)]", StorageStrings.aString, found: typeName(k), node: k)
            }
            out.append(r.string(k))
            k = r.next(k); n += 1
        }
        return out
    }

    func missing(_ place: Place, _ field: String, in obj: Int) -> LoadError {
        error(place, StorageStrings.missing(field), node: obj)
    }

    func object(_ i: Int, _ place: Place, _ field: @autoclosure () -> String) throws(LoadError) {
        guard r[i].kind == .object else {
            throw fieldError(place, field(), StorageStrings.anObject, found: typeName(i), node: i)
        }
    }

    // MARK: the board

    func board() throws(LoadError) -> Board {
        let root = 0
        guard r[root].kind == .object else {
            var e = LoadError(path: path, message: StorageStrings.notAnObject(path, found: typeName(root)))
            (e.line, e.column) = r.location(root)
            throw e
        }
        var extra: UnknownFields = [:]
        try collect(root, BoardField.self, region: Region.board, extra: &extra)
        let R = Region.board
        let place = Place.board

        var version = Board.schemaVersion
        if let v = slot(BoardField.version, R) {
            let d = try number(v, place, "version")
            switch d {
            case .value(false, let c, 0) where c >= 1:
                if c > Int128(Board.schemaVersion) {
                    throw LoadError(path: path, message: StorageStrings.newerVersion(path, r.numberText(v)))
                }
                version = Int(c)
            case .tooLarge:
                throw LoadError(path: path, message: StorageStrings.newerVersion(path, r.numberText(v)))
            default:
                throw fieldError(place, "version", StorageStrings.schemaVersion, found: shown(v), node: v)
            }
        } else {
            // No version: read it as version 1 only if it clearly is a board.
            let s = slot(BoardField.stages, R), d = slot(BoardField.deals, R)
            guard let s, let d, r[s].kind == .array, r[d].kind == .array else {
                throw LoadError(path: path, message: StorageStrings.notABoard(path))
            }
        }

        let nameNode = try required(BoardField.name, R, place, in: root, "name")
        let name = try string(nameNode, place, "name")
        var currency = "EUR"
        if let c = slot(BoardField.currency, R) { currency = try self.currency(c, place, "currency") }
        let stagesNode = try required(BoardField.stages, R, place, in: root, "stages")
        let dealsNode = try required(BoardField.deals, R, place, in: root, "deals")
        let settingsNode = slot(BoardField.settings, R)

        let stages = try self.stages(stagesNode)
        var stageIDs = Set<String>()
        stageIDs.reserveCapacity(stages.count)
        for s in stages { stageIDs.insert(s.id) }
        let deals = try self.deals(dealsNode, stageIDs: stageIDs)
        let settings =
            try settingsNode.map { (n) throws(LoadError) -> BoardSettings in try self.settings(n) } ?? BoardSettings()

        var board = Board(name: name, currency: currency, stages: stages, deals: deals, settings: settings)
        board.version = version
        board.extra = extra
        return board
    }

    func stages(_ node: Int) throws(LoadError) -> [Stage] {
        guard r[node].kind == .array else {
            throw fieldError(.board, "stages", StorageStrings.anArray, found: typeName(node), node: node)
        }
        var out: [Stage] = []
        out.reserveCapacity(Int(r[node].count))
        var seen: [String: Int] = [:]
        var k = node + 1, index = 0
        let R = Region.stage
        while k < Int(r[node].end) {
            let place = Place.stage(index)
            guard r[k].kind == .object else {
                throw error(place, StorageStrings.expected(StorageStrings.anObject, found: typeName(k)), node: k)
            }
            var extra: UnknownFields = [:]
            try collect(k, StageField.self, region: R, extra: &extra)
            let idNode = try required(StageField.id, R, place, in: k, "id")
            let id = try nonEmptyString(idNode, place, "id")
            let nameNode = try required(StageField.name, R, place, in: k, "name")
            let name = try string(nameNode, place, "name")
            let pNode = try required(StageField.probability, R, place, in: k, "probability")
            let p = try percent(pNode, place, "probability")
            var kind = StageKind.open
            if let n = slot(StageField.kind, R) { kind = try stageKind(n, place, "kind") }
            var rot = 0
            if let n = slot(StageField.rotDays, R) {
                rot = try integer(n, place, "rotDays", minimum: 0, what: StorageStrings.dayCount)
            }
            if let first = seen[id] {
                var e = LoadError(path: path, message: StorageStrings.duplicateStageID(path, id, first, index))
                (e.line, e.column) = r.location(idNode)
                throw e
            }
            seen[id] = index
            var stage = Stage(id: id, name: name, probability: p, kind: kind, rotDays: rot)
            stage.extra = extra
            out.append(stage)
            k = r.next(k); index += 1
        }
        return out
    }

    func settings(_ node: Int) throws(LoadError) -> BoardSettings {
        try object(node, .board, "settings")
        var extra: UnknownFields = [:]
        let R = Region.settings
        try collect(node, SettingsField.self, region: R, extra: &extra)
        var s = BoardSettings()
        if let n = slot(SettingsField.lostReasons, R) { s.lostReasons = try strings(n, .board, "settings.lostReasons") }
        if let n = slot(SettingsField.locale, R) { s.locale = try string(n, .board, "settings.locale") }
        s.extra = extra
        return s
    }

    func deals(_ node: Int, stageIDs: Set<String>) throws(LoadError) -> [Deal] {
        guard r[node].kind == .array else {
            throw fieldError(.board, "deals", StorageStrings.anArray, found: typeName(node), node: node)
        }
        var out: [Deal] = []
        out.reserveCapacity(Int(r[node].count))
        var seen: [String: Int] = [:]
        seen.reserveCapacity(Int(r[node].count))
        var k = node + 1, index = 0
        while k < Int(r[node].end) {
            let (deal, idNode) = try self.deal(k, index: index)
            if let first = seen.updateValue(index, forKey: deal.id) {
                var e = LoadError(path: path, message: StorageStrings.duplicateDealID(path, deal.id, first, index))
                (e.line, e.column) = r.location(idNode)
                throw e
            }
            if !stageIDs.contains(deal.stage) {
                var e = LoadError(
                    path: path, message: StorageStrings.unknownStage(path, deal: deal.id, stage: deal.stage))
                (e.line, e.column) = r.location(k)
                throw e
            }
            out.append(deal)
            k = r.next(k); index += 1
        }
        return out
    }

    func deal(_ node: Int, index: Int) throws(LoadError) -> (Deal, Int) {
        let R = Region.deal
        var place = Place.deal(index: index, id: nil)
        guard r[node].kind == .object else {
            throw error(place, StorageStrings.expected(StorageStrings.anObject, found: typeName(node)), node: node)
        }
        var extra: UnknownFields = [:]
        try collect(node, DealField.self, region: R, extra: &extra)
        let idNode = try required(DealField.id, R, place, in: node, "id")
        let id = try nonEmptyString(idNode, place, "id")
        place = .deal(index: index, id: id)

        let titleNode = try required(DealField.title, R, place, in: node, "title")
        let title = try string(titleNode, place, "title")
        let valueNode = try required(DealField.value, R, place, in: node, "value")
        let value = try money(valueNode, place, "value")
        let stageNode = try required(DealField.stage, R, place, in: node, "stage")
        let stage = try string(stageNode, place, "stage")

        func optString(_ f: DealField) throws(LoadError) -> String? {
            guard let n = slot(f, R) else { return nil }
            return try string(n, place, f.name)
        }
        func optTimestamp(_ f: DealField) throws(LoadError) -> Timestamp? {
            guard let n = slot(f, R) else { return nil }
            return try timestamp(n, place, f.name)
        }

        let company = try optString(.company)
        let contact = try optString(.contact)
        var currency: String? = nil
        if let n = slot(DealField.currency, R) { currency = try self.currency(n, place, "currency") }
        var probability: Percent? = nil
        if let n = slot(DealField.probability, R) { probability = try percent(n, place, "probability") }
        var status = DealStatus.open
        if let n = slot(DealField.status, R) { status = try self.status(n, place, "status") }
        let lostReason = try optString(.lostReason)
        let owner = try optString(.owner)
        let source = try optString(.source)
        var tags: [String] = []
        if let n = slot(DealField.tags, R) { tags = try strings(n, place, "tags") }
        var expectedClose: Day? = nil
        if let n = slot(DealField.expectedClose, R) { expectedClose = try day(n, place, "expectedClose") }
        var nextAction: NextAction? = nil
        if let n = slot(DealField.nextAction, R) { nextAction = try self.nextAction(n, place) }
        var qualification: Qualification? = nil
        if let n = slot(DealField.qualification, R) { qualification = try self.qualification(n, place) }
        let notes = try optString(.notes)
        let createdAt = try optTimestamp(.createdAt)
        let updatedAt = try optTimestamp(.updatedAt)
        let stageEnteredAt = try optTimestamp(.stageEnteredAt)
        var history: [HistoryEntry] = []
        if let n = slot(DealField.history, R) { history = try self.history(n, place) }
        var rank = 0
        if let n = slot(DealField.rank, R) { rank = try integer(n, place, "rank") }

        // Missing times: fall back on the others and on the history; "now" as a last resort.
        let created = createdAt ?? history.first?.at ?? stageEnteredAt ?? updatedAt ?? now
        var deal = Deal(
            id: id, title: title, value: value, stage: stage, createdAt: created,
            company: company, contact: contact, currency: currency, probability: probability,
            status: status, lostReason: lostReason, owner: owner, source: source, tags: tags,
            expectedClose: expectedClose, nextAction: nextAction, qualification: qualification,
            notes: notes, history: history, rank: rank)
        deal.stageEnteredAt =
            stageEnteredAt
            ?? history.last(where: { $0.to == stage && $0.from != $0.to })?.at
            ?? created
        deal.updatedAt = updatedAt ?? max(created, deal.stageEnteredAt, history.last?.at ?? created)
        deal.extra = extra
        return (deal, idNode)
    }

    func nextAction(_ node: Int, _ place: Place) throws(LoadError) -> NextAction {
        try object(node, place, "nextAction")
        let R = Region.nextAction
        var extra: UnknownFields = [:]
        try collect(node, NextActionField.self, region: R, extra: &extra)
        let t = try required(NextActionField.text, R, place, in: node, "nextAction.text")
        var a = NextAction(text: try string(t, place, "nextAction.text"))
        if let n = slot(NextActionField.due, R) { a.due = try day(n, place, "nextAction.due") }
        if let n = slot(NextActionField.done, R) { a.done = try bool(n, place, "nextAction.done") }
        a.extra = extra
        return a
    }

    func qualification(_ node: Int, _ place: Place) throws(LoadError) -> Qualification {
        try object(node, place, "qualification")
        let R = Region.qualification
        var extra: UnknownFields = [:]
        try collect(node, QualificationField.self, region: R, extra: &extra)
        var q = Qualification()
        if let n = slot(QualificationField.budget, R) { q.budget = try bool(n, place, "qualification.budget") }
        if let n = slot(QualificationField.authority, R) { q.authority = try bool(n, place, "qualification.authority") }
        if let n = slot(QualificationField.need, R) { q.need = try bool(n, place, "qualification.need") }
        if let n = slot(QualificationField.timeline, R) { q.timeline = try bool(n, place, "qualification.timeline") }
        q.extra = extra
        return q
    }

    func history(_ node: Int, _ place: Place) throws(LoadError) -> [HistoryEntry] {
        guard r[node].kind == .array else {
            throw fieldError(place, "history", StorageStrings.anArray, found: typeName(node), node: node)
        }
        let R = Region.history
        var out: [HistoryEntry] = []
        out.reserveCapacity(Int(r[node].count))
        var k = node + 1, n = 0
        while k < Int(r[node].end) {
            try object(k, place, "history[\(n)]")
            var extra: UnknownFields = [:]
            try collect(k, HistoryField.self, region: R, extra: &extra)
            let atNode = try required(HistoryField.at, R, place, in: k, "history[\(n)].at")
            let at = try timestamp(atNode, place, "history[\(n)].at")
            let toNode = try required(HistoryField.to, R, place, in: k, "history[\(n)].to")
            let to = try string(toNode, place, "history[\(n)].to")
            var from: String? = nil
            if let f = slot(HistoryField.from, R) { from = try string(f, place, "history[\(n)].from") }
            var status: DealStatus? = nil
            if let s = slot(HistoryField.status, R) { status = try self.status(s, place, "history[\(n)].status") }
            var h = HistoryEntry(at: at, from: from, to: to, status: status)
            h.extra = extra
            out.append(h)
            k = r.next(k); n += 1
        }
        return out
    }
}
