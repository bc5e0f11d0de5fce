import PipedeckCore

// The fast path of reading a board's deals (docs/performance.md, "Reading the deals in one
// pass"): a deal object decoded straight from the file's bytes, without a tape, without the
// schema's closures, its keys found by `KeyTable` and its values read in place by the readers
// of FastValues.swift. It reads what the schema's reader reads, the same way, and gives the deal
// up — only that deal — at anything it is not sure of: a key it does not know (kept as an
// unknown field), an escaped key, a field named twice, a value of another type or that does not
// read, a field that keeps what it cannot read (`nps`, `importKey`), a merge note, a legacy
// next action, a missing required field. `DealStream` then reads that deal with the schema from
// the same place, so every message, every unknown field kept and every migration is the
// schema's.

/// What the fast path reads with: the decoder (its `now` stands in for the times a deal does not
/// have) and the key tables, taken once from where they are kept (reading a static costs a call
/// each time).
struct FastDealReader {
    let decoder: BoardDecoder
    let deal = KeyTable.deal, activity = KeyTable.activity, history = KeyTable.history
    let qualification = KeyTable.qualification, notesEdit = KeyTable.notesEdit
    /// The short strings made so far (one reader per thread).
    let known = ShortStrings()
    /// The dates read so far.
    let dates = KnownDates()

    /// The objects reading starts from, as the schemas' `blank` (made here: a copy of a stored
    /// one costs more than a new one).
    @inline(__always) static func blankDeal() -> Deal {
        Deal(id: "", title: "", value: .zero, stage: "", createdAt: Timestamp(seconds: 0), history: [])
    }
}

/// The bit of a field in a set of fields (`FieldSet`, the fast path's masks).
@inline(__always) func bit<F: RawRepresentable>(_ f: F) -> UInt64 where F.RawValue == Int { 1 << UInt64(f.rawValue) }

extension JSONTapeParser {
    /// The deal whose object starts at `pos`, read in one pass; `pos` goes past its `}`. Nil,
    /// with `pos` where it was, when the fast path gives the deal up.
    mutating func fastDeal(_ t: FastDealReader) -> Deal? {
        let start = pos
        do throws(JSONSyntaxError) {
            return try dealObject(t)
        } catch {
            pos = start
            return nil
        }
    }

    private mutating func dealObject(_ t: FastDealReader) throws(JSONSyntaxError) -> Deal {
        let required = bit(DealField.id) | bit(DealField.title) | bit(DealField.value) | bit(DealField.stage)
        // Null is the field absent, except where the schema's reader reads null as a problem or
        // keeps it as an unknown value.
        let nullRead = required | bit(DealField.nps) | bit(DealField.importKey) | bit(DealField.nextAction)
        var d = FastDealReader.blankDeal()
        var seen: UInt64 = 0
        var present = FieldSet()
        var more = try openObject()
        while more {
            let f = try key(t.deal, &seen)
            if null() {
                if nullRead & 1 << UInt64(f) != 0 { throw Self.notSure }
            } else {
                try dealField(DealField(rawValue: f)!, &d, t)
                present.insert(f)
            }
            more = try nextMember()
        }
        guard present.bits & required == required else { throw Self.notSure }
        DealSchema.fillMissingTimes(&d, t.decoder, present)
        return d
    }

    private mutating func dealField(_ f: DealField, _ d: inout Deal, _ t: FastDealReader) throws(JSONSyntaxError) {
        switch f {
        case .id: d.id = try nonEmptyString()
        case .title: d.title = try stringValue()
        case .company: d.company = try stringValue(t.known)
        case .contact: d.contact = try stringValue(t.known)
        case .phone: d.phone = try stringValue()
        case .email: d.email = try stringValue()
        case .value: d.value = try money()
        case .currency: d.currency = try currency()
        case .stage: d.stage = try stringValue(t.known)
        case .probability: d.probability = try percent()
        case .status: d.status = try status()
        case .lostReason: d.lostReason = try stringValue(t.known)
        case .owner: d.owner = try stringValue(t.known)
        case .source: d.source = try stringValue(t.known)
        case .tags: d.tags = try strings(t.known)
        case .expectedClose: d.expectedClose = try day(t.dates)
        case .activities: d.activities = try activities(t)
        case .qualification: d.qualification = try qualification(t)
        case .notes: d.notes = try stringValue()
        case .createdAt: d.createdAt = try timestamp(t.dates)
        case .updatedAt: d.updatedAt = try timestamp(t.dates)
        case .updatedBy: d.updatedBy = try stringValue(t.known)
        case .stageEnteredAt: d.stageEnteredAt = try timestamp(t.dates)
        case .history: d.history = try history(t)
        case .rank: d.rank = try whole()
        case .nps: d.npsScore = try whole(in: Deal.npsRange)
        case .importKey: d.importKey = try stringValue()
        case .nextAction: throw Self.notSure
        }
    }

    private mutating func activities(_ t: FastDealReader) throws(JSONSyntaxError) -> [Activity] {
        var out: [Activity] = []
        var more = try openArray()
        while more {
            out.append(try activity(t))
            more = try nextElement()
        }
        return out
    }

    /// An activity, made from its fields as the schema's `blank` is (`Activity.init`).
    private mutating func activity(_ t: FastDealReader) throws(JSONSyntaxError) -> Activity {
        let required =
            bit(ActivityField.id) | bit(ActivityField.type) | bit(ActivityField.subject) | bit(ActivityField.createdAt)
        var id = "", type = ActivityType.task, subject = "", due: Day? = nil, time: TimeOfDay? = nil
        var duration: Int? = nil, done = false, doneAt: Timestamp? = nil, outcome: String? = nil
        var owner: String? = nil, createdAt = Timestamp(seconds: 0)
        var seen: UInt64 = 0, present: UInt64 = 0
        var more = try openObject()
        while more {
            let f = try key(t.activity, &seen)
            if null() {
                if required & 1 << UInt64(f) != 0 { throw Self.notSure }
            } else {
                switch ActivityField(rawValue: f)! {
                case .id: id = try nonEmptyString()
                case .type: type = try activityType()
                case .subject: subject = try stringValue()
                case .due: due = try day(t.dates)
                case .time: time = try timeOfDay()
                // The schema's reader: a whole number of at least 1, then the range.
                case .duration: duration = try whole(in: Activity.durationRange)
                case .done: done = try bool()
                case .doneAt: doneAt = try timestamp(t.dates)
                case .outcome: outcome = try stringValue()
                case .owner: owner = try stringValue(t.known)
                case .createdAt: createdAt = try timestamp(t.dates)
                }
                present |= 1 << UInt64(f)
            }
            more = try nextMember()
        }
        guard present & required == required else { throw Self.notSure }
        return Activity(
            id: id, type: type, subject: subject, due: due, time: time, duration: duration, done: done, doneAt: doneAt,
            outcome: outcome, owner: owner, createdAt: createdAt)
    }

    private mutating func history(_ t: FastDealReader) throws(JSONSyntaxError) -> [HistoryEntry] {
        var out: [HistoryEntry] = []
        var more = try openArray()
        while more {
            out.append(try historyEntry(t))
            more = try nextElement()
        }
        return out
    }

    /// A history entry, made from its fields as the schema's `blank` is (`HistoryEntry.init`).
    private mutating func historyEntry(_ t: FastDealReader) throws(JSONSyntaxError) -> HistoryEntry {
        let required = bit(HistoryField.at) | bit(HistoryField.to)
        var at = Timestamp(seconds: 0), from: String? = nil, to = "", status: DealStatus? = nil
        var notes: NotesEdit? = nil
        var seen: UInt64 = 0, present: UInt64 = 0
        var more = try openObject()
        while more {
            let f = try key(t.history, &seen)
            if null() {
                if required & 1 << UInt64(f) != 0 { throw Self.notSure }
            } else {
                switch HistoryField(rawValue: f)! {
                case .at: at = try timestamp(t.dates)
                case .from: from = try stringValue(t.known)
                case .to: to = try stringValue(t.known)
                case .status: status = try self.status()
                // A merge's note keeps any JSON value: left to the schema's reader.
                case .merge: throw Self.notSure
                case .notes: notes = try notesEdit(t)
                }
                present |= 1 << UInt64(f)
            }
            more = try nextMember()
        }
        guard present & required == required else { throw Self.notSure }
        guard let notes else { return HistoryEntry(at: at, from: from, to: to, status: status) }
        var e = HistoryEntry(at: at, from: from, to: to, status: status)
        e.notesEdit = Boxed(notes)
        return e
    }

    private mutating func notesEdit(_ t: FastDealReader) throws(JSONSyntaxError) -> NotesEdit {
        var seen: UInt64 = 0
        var more = try openObject()
        var length: Int? = nil
        while more {
            _ = try key(t.notesEdit, &seen)
            length = try whole(in: 0...Int.max)
            more = try nextMember()
        }
        guard let length else { throw Self.notSure }
        return NotesEdit(length: length)
    }

    private mutating func qualification(_ t: FastDealReader) throws(JSONSyntaxError) -> Qualification {
        var q = Qualification()
        var seen: UInt64 = 0
        var more = try openObject()
        while more {
            let f = try key(t.qualification, &seen)
            if !null() {
                switch QualificationField(rawValue: f)! {
                case .budget: q.budget = try bool()
                case .authority: q.authority = try bool()
                case .need: q.need = try bool()
                case .timeline: q.timeline = try bool()
                }
            }
            more = try nextMember()
        }
        return q
    }
}
