import Foundation

public enum StageKind: String, Sendable, Hashable, CaseIterable { case open, won }
public enum DealStatus: String, Sendable, Hashable, CaseIterable { case open, won, lost }

public struct Stage: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var probability: Percent
    public var kind: StageKind
    public var rotDays: Int
    public var extra: UnknownFields = [:]
    public init(id: String, name: String, probability: Percent, kind: StageKind = .open, rotDays: Int = 0) {
        self.id = id; self.name = name; self.probability = probability; self.kind = kind; self.rotDays = rotDays
    }
}

public struct Qualification: Hashable, Sendable {
    public var budget = false
    public var authority = false
    public var need = false
    public var timeline = false
    public var extra: UnknownFields = [:]
    public init(budget: Bool = false, authority: Bool = false, need: Bool = false, timeline: Bool = false) {
        self.budget = budget; self.authority = authority; self.need = need; self.timeline = timeline
    }
    /// BANT score, 0...4.
    public var score: Int { [budget, authority, need, timeline].filter { $0 }.count }
}

/// One entry of a deal's history: a stage change, a win, a loss or a reopening.
/// `from` is absent for the entry that records the deal's creation. `status` is present when
/// the deal's status changed with this entry.
///
/// An entry with a `merge` note is not a move: it records what a merge of two versions of the
/// board decided about the deal (a value that replaced another, a deal kept although it was
/// deleted on one side). An entry with a `notes` edit is not a move either: the deal's notes
/// changed then. For both, `from` and `to` are the stage the deal was in; `isMove` is false.
public struct HistoryEntry: Hashable, Sendable {
    public var at: Timestamp
    public var from: String?
    public var to: String
    public var status: DealStatus?
    /// `merge`, stored out of line: few entries have one, and a board holds hundreds of thousands.
    public var mergeNote: Boxed<MergeNote>? = nil
    /// `notes`, stored out of line like `merge`.
    public var notesEdit: Boxed<NotesEdit>? = nil
    public var extra: UnknownFields = [:]

    public var merge: MergeNote? {
        get { mergeNote?.value }
        set { mergeNote = newValue.map(Boxed.init) }
    }

    public var notes: NotesEdit? {
        get { notesEdit?.value }
        set { notesEdit = newValue.map(Boxed.init) }
    }

    @inlinable // made for every entry of every board read (PipedeckStorage's fast path)
    public init(at: Timestamp, from: String?, to: String, status: DealStatus? = nil) {
        self.at = at; self.from = from; self.to = to; self.status = status
    }

    /// An entry that records a merge's decision, at the deal's stage `stage`.
    public init(at: Timestamp, stage: String, merge: MergeNote) {
        self.at = at; self.from = stage; self.to = stage; self.merge = merge
    }

    /// An entry that records an edit of the deal's notes, at the deal's stage `stage`.
    public init(at: Timestamp, stage: String, notes: NotesEdit) {
        self.at = at; self.from = stage; self.to = stage; self.notes = notes
    }

    /// A stage change, win, loss, reopening or creation (not a merge's note, not a notes edit).
    public var isMove: Bool { mergeNote == nil && notesEdit == nil }
}

/// An edit of a deal's notes, in its history: when is the entry's time; the text itself is only
/// in the deal's `notes`. Edits made a few minutes apart share one entry
/// (`Deal.recordNotesEdit`).
public struct NotesEdit: Hashable, Sendable {
    /// The notes' length after the edit, in characters; 0 when they were emptied.
    public var length: Int
    public var extra: UnknownFields = [:]
    public init(length: Int) { self.length = length }
}

/// A value kept out of line: 8 bytes where it is stored, for the rare parts of records that a
/// board holds by the hundred thousand. Compared and hashed by its value.
public struct Boxed<Value: Hashable & Sendable>: Hashable, Sendable {
    private final class Storage: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
    private let storage: Storage
    public var value: Value { storage.value }
    public init(_ value: Value) { storage = Storage(value) }
    public static func == (a: Boxed, b: Boxed) -> Bool { a.storage === b.storage || a.value == b.value }
    public func hash(into h: inout Hasher) { h.combine(value) }
}

/// What a merge of two versions of a board decided about a deal, kept in the deal's history so
/// that nothing changes silently (docs/team.md).
public struct MergeNote: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Both sides changed `field` differently: `kept` won (the later change), `lost` is the
        /// value it replaced.
        case conflict
        /// The deal was deleted on one side and changed on the other: it was kept, changed.
        case keptEdited
    }
    public var kind: Kind
    /// The field's name in the board file ("value", "stage", "nextAction"…); nil for `keptEdited`.
    public var field: String?
    /// The value kept and the value replaced, as the file writes them (nil: the field was empty).
    public var kept: JSONValue?
    public var lost: JSONValue?
    /// Who made each change, when known (`Deal.updatedBy` of each side).
    public var keptBy: String?
    public var lostBy: String?
    public var extra: UnknownFields = [:]

    public init(
        kind: Kind, field: String? = nil, kept: JSONValue? = nil, lost: JSONValue? = nil,
        keptBy: String? = nil, lostBy: String? = nil
    ) {
        self.kind = kind; self.field = field; self.kept = kept; self.lost = lost
        self.keptBy = keptBy; self.lostBy = lostBy
    }
}

public struct Deal: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var company: String?
    public var contact: String?
    /// The contact's phone number and email address.
    public var phone: String? = nil
    public var email: String? = nil
    public var value: Money
    public var currency: String?
    public var stage: String
    public var probability: Percent?
    public var status: DealStatus
    public var lostReason: String?
    public var owner: String?
    public var source: String?
    public var tags: [String]
    public var expectedClose: Day?
    /// Calls, meetings, emails, tasks and deadlines, done and planned, in the order they were
    /// added; the earliest planned one is the next action (`nextActivity`).
    public var activities: [Activity]
    public var qualification: Qualification?
    public var notes: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    /// Who made the last change, when known: the team sync writes its user's name (`me`) on the
    /// deals changed since the last sync, and a merge uses it to say whose value won.
    public var updatedBy: String? = nil
    public var stageEnteredAt: Timestamp
    public var history: [HistoryEntry]
    public var rank: Int
    /// For a won deal in follow-up: the customer's answer (0–10) to "how likely are you to
    /// recommend us?", nil when there is none. (An answer in the file that is no whole number from
    /// 0 to 10 is not read: it stays in `extra`, unchanged, while there is no answer.)
    public var npsScore: Int? = nil
    /// Written by the CSV import: the key of the record in the file the deal came from
    /// ("pipedrive:101", or one made from the title), so that importing the file again updates
    /// the deal instead of adding it twice.
    public var importKey: String? = nil
    /// Fields of the file that this version does not know, written back unchanged.
    public var extra: UnknownFields = [:]

    @inlinable // made for every deal of every board read (PipedeckStorage's fast path)
    public init(
        id: String, title: String, value: Money, stage: String, createdAt: Timestamp,
        company: String? = nil, contact: String? = nil, currency: String? = nil,
        probability: Percent? = nil, status: DealStatus = .open, lostReason: String? = nil,
        owner: String? = nil, source: String? = nil, tags: [String] = [], expectedClose: Day? = nil,
        activities: [Activity] = [], qualification: Qualification? = nil, notes: String? = nil,
        history: [HistoryEntry]? = nil, rank: Int = 0, phone: String? = nil, email: String? = nil
    ) {
        self.id = id; self.title = title; self.value = value; self.stage = stage
        self.company = company; self.contact = contact; self.currency = currency
        self.probability = probability; self.status = status; self.lostReason = lostReason
        self.owner = owner; self.source = source; self.tags = tags; self.expectedClose = expectedClose
        self.activities = activities; self.qualification = qualification; self.notes = notes
        self.phone = phone; self.email = email
        self.createdAt = createdAt; self.updatedAt = createdAt; self.stageEnteredAt = createdAt
        self.history = history ?? [HistoryEntry(at: createdAt, from: nil, to: stage)]
        self.rank = rank
    }
}

public struct BoardSettings: Hashable, Sendable {
    /// Reasons offered when a deal is marked lost.
    public var lostReasons: [String]
    /// Optional locale for amounts ("fr", "en_US", "de"…); the environment's when absent.
    public var locale: String?
    /// Won-value targets per month or quarter, for the team or one owner (Targets.swift).
    public var targets: [SalesTarget] = []
    /// Exchange rates into the board's currency (ExchangeRates.swift); deal values never change.
    public var rates: [ExchangeRate] = []
    public var extra: UnknownFields = [:]
    /// The reasons a new board offers, in the language of the moment.
    public static var defaultLostReasons: [String] {
        [
            tr("Price", "Prix"), tr("Timing", "Calendrier"), tr("Competitor", "Concurrent"),
            tr("No budget", "Pas de budget"), tr("No decision", "Pas de décision"),
            tr("Went silent", "Plus de nouvelles"),
        ]
    }
    public init(lostReasons: [String] = BoardSettings.defaultLostReasons, locale: String? = nil) {
        self.lostReasons = lostReasons; self.locale = locale
    }
}

public struct Board: Hashable, Sendable {
    /// The file format's version: 2 since deals hold activities (version 1 had one `nextAction`).
    public static let schemaVersion = 2
    public var version: Int = Board.schemaVersion
    public var name: String
    public var currency: String
    public var stages: [Stage]
    public var deals: [Deal]
    public var settings: BoardSettings
    public var extra: UnknownFields = [:]

    public init(
        name: String, currency: String = "EUR", stages: [Stage], deals: [Deal] = [],
        settings: BoardSettings = BoardSettings()
    ) {
        self.name = name; self.currency = currency; self.stages = stages; self.deals = deals; self.settings = settings
    }

    public func stageIndex(_ id: String) -> Int? { stages.firstIndex { $0.id == id } }
    public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }
    public func dealIndex(_ id: String) -> Int? { deals.firstIndex { $0.id == id } }
    public func deal(_ id: String) -> Deal? { deals.first { $0.id == id } }
    public var firstWonStage: Stage? { stages.first { $0.kind == .won } }

    /// Effective probability: the deal's own if set, else its stage's (0 if the stage is missing).
    public func probability(of deal: Deal) -> Percent {
        deal.probability ?? stage(deal.stage)?.probability ?? .zero
    }
    public func weightedValue(of deal: Deal) -> Money { deal.value.weighted(by: probability(of: deal)) }
    public func currency(of deal: Deal) -> String { deal.currency ?? currency }

    /// Deals of a stage in column order (rank, then creation, then id), optionally with lost deals.
    public func deals(inStage id: String, includeLost: Bool = false) -> [Deal] {
        deals.filter { $0.stage == id && (includeLost || $0.status != .lost) }.sorted(by: Board.columnOrder)
    }
    public static func columnOrder(_ a: Deal, _ b: Deal) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        if a.createdAt != b.createdAt { return a.createdAt < b.createdAt }
        return a.id < b.id
    }

    /// `columnOrder` between the deals at `a` and `b` of `deals`, read in place (no deal copied:
    /// the columns of a large board are sorted this way on every rebuild).
    @inline(__always)
    public static func columnOrder(_ deals: UnsafeBufferPointer<Deal>, _ a: Int, _ b: Int) -> Bool {
        let ra = deals[a].rank, rb = deals[b].rank
        if ra != rb { return ra < rb }
        let ca = deals[a].createdAt, cb = deals[b].createdAt
        if ca != cb { return ca < cb }
        return deals[a].id < deals[b].id
    }

    /// Resolves a stage reference: an id, a name (case-insensitive), or a 1-based position.
    public func resolveStage(_ ref: String) -> Stage? {
        let t = ref.trimmingCharacters(in: .whitespaces)
        if let s = stage(t) { return s }
        if let s = stages.first(where: {
            $0.id.lowercased() == t.lowercased() || $0.name.lowercased() == t.lowercased()
        }) {
            return s
        }
        if let n = Int(t), n >= 1, n <= stages.count { return stages[n - 1] }
        return nil
    }

    /// Resolves a deal id or a unique prefix of one.
    public func resolveDeal(_ ref: String) -> Result<Deal, PipelineError> {
        if let d = deal(ref) { return .success(d) }
        let matches = deals.filter { $0.id.hasPrefix(ref) }
        if ref.isEmpty || matches.isEmpty { return .failure(.unknownDeal(ref)) }
        if matches.count == 1 { return .success(matches[0]) }
        return .failure(.ambiguousDeal(ref, candidates: matches.map(\.id).sorted()))
    }
}
