import Foundation
import PipedeckCore

// How each kind of value is read from the board file and written to it. Reading checks the
// value and names the field on failure (the readers are in BoardDecoder+Values.swift); writing
// gives the one text Pipedeck writes for a value, so that a file read and written again is the
// same bytes.

extension Codec where Value == String {
    static let string = Codec(read: { d, i, name throws(LoadError) in try d.string(i, name) }, write: { $0.string($1) })
    static let nonEmptyString = Codec(
        read: { d, i, name throws(LoadError) in try d.nonEmptyString(i, name) }, write: { $0.string($1) })
    /// An ISO 4217 code: three capital letters.
    static let currency = Codec(
        read: { d, i, name throws(LoadError) in try d.currency(i, name) }, write: { $0.string($1) })
    /// A deal's id, which then names the deal in the messages about its other fields.
    static let dealID = Codec(
        read: { d, i, name throws(LoadError) in
            let id = try d.nonEmptyString(i, name)
            if case .deal(let index, _) = d.place { d.place = .deal(index: index, id: id) }
            return id
        }, write: { $0.string($1) })
}

extension Codec where Value == Int {
    static let int = Codec(read: { d, i, name throws(LoadError) in try d.integer(i, name) }, write: { $0.int($1) })
    /// A number of days, 0 or more.
    static let days = Codec(
        read: { d, i, name throws(LoadError) in
            try d.integer(i, name, minimum: 0, what: StorageStrings.dayCount)
        }, write: { $0.int($1) })
    /// A number of characters, 0 or more.
    static let characters = Codec(
        read: { d, i, name throws(LoadError) in
            try d.integer(i, name, minimum: 0, what: StorageStrings.characterCount)
        }, write: { $0.int($1) })
    /// An answer from 0 to 10 ("how likely are you to recommend us?"); 9.0 is read as 9.
    static let score = Codec(
        read: { d, i, name throws(LoadError) in try d.integer(i, name, in: Deal.npsRange) }, write: { $0.int($1) })
    /// A duration in minutes (`Activity.durationRange`).
    static let minutes = Codec(
        read: { d, i, name throws(LoadError) in
            let v = try d.integer(i, name, minimum: 1, what: StorageStrings.minutes)
            guard Activity.durationRange.contains(v) else {
                throw d.fieldError(name.text, StorageStrings.minutes, found: d.shown(i), node: i)
            }
            return v
        }, write: { $0.int($1) })
    /// The board's schema version.
    static let version = Codec(read: { d, i, name throws(LoadError) in try d.version(i, name) }, write: { $0.int($1) })
}

extension Codec where Value == Bool {
    static let bool = Codec(
        read: { d, i, name throws(LoadError) in try d.bool(i, name) },
        write: { w, b in if b { w.raw("true") } else { w.raw("false") } })
}

extension Codec where Value == Money {
    /// 0 or more, at most two decimals, written in the shortest exact form.
    static let money = Codec(read: { d, i, name throws(LoadError) in try d.money(i, name) }, write: { $0.money($1) })
}

extension Codec where Value == Percent {
    static let percent = Codec(
        read: { d, i, name throws(LoadError) in try d.percent(i, name) }, write: { $0.percent($1) })
}

extension Codec where Value == Day {
    /// "YYYY-MM-DD".
    static let day = Codec(read: { d, i, name throws(LoadError) in try d.day(i, name) }, write: { $0.day($1) })
}

extension Codec where Value == Timestamp {
    /// "YYYY-MM-DDTHH:MM:SSZ" (offsets and fractions of a second are read too).
    static let timestamp = Codec(
        read: { d, i, name throws(LoadError) in try d.timestamp(i, name) }, write: { $0.timestamp($1) })
}

extension Codec where Value == ActivityType {
    static let activityType = Codec(
        read: { d, i, name throws(LoadError) in try d.activityType(i, name) }, write: { $0.string($1.rawValue) })
}

extension Codec where Value == TimeOfDay {
    /// "HH:MM", on the user's clock.
    static let timeOfDay = Codec(
        read: { d, i, name throws(LoadError) in try d.timeOfDay(i, name) }, write: { $0.string($1.description) })
}

extension Codec where Value == StageKind {
    static let stageKind = Codec(
        read: { d, i, name throws(LoadError) in try d.stageKind(i, name) }, write: { $0.string($1.rawValue) })
}

extension Codec where Value == DealStatus {
    static let status = Codec(
        read: { d, i, name throws(LoadError) in try d.status(i, name) }, write: { $0.string($1.rawValue) })
}

extension Codec where Value == MergeNote.Kind {
    static let mergeKind = Codec(
        read: { d, i, name throws(LoadError) in try d.mergeKind(i, name) }, write: { $0.string($1.rawValue) })
}

extension Codec where Value == JSONValue {
    /// Any JSON value, written back as it was read.
    static let json = Codec(read: { d, i, name throws(LoadError) in try d.anyValue(i, name) }, write: { $0.value($1) })
}

extension Codec where Value == [String] {
    static let strings = Codec(
        read: { d, i, name throws(LoadError) in try d.strings(i, name) }, write: { w, a in w.strings(a) })
}

extension Codec where Value == [Stage] {
    /// The board's stages, each with an id of its own.
    static let stages = Codec(
        read: { d, i, name throws(LoadError) in try d.stages(i, name) },
        write: { w, stages in
            w.array(ofObjects: true) { for s in stages { w.element(); w.object(s, BoardSchema.stage) } }
        })
}

extension Codec where Value == [Deal] {
    /// The board's deals, each with an id of its own and in one of the stages.
    static let deals = Codec(
        read: { d, i, name throws(LoadError) in try d.deals(i, name) },
        write: { w, deals in
            w.array(ofObjects: true) { for deal in deals { w.element(); w.object(deal, DealSchema.deal) } }
        })
}

extension Codec where Value == Boxed<MergeNote> {
    /// A merge's note on a history entry, kept out of line.
    static let boxedNote = Codec(
        read: { d, i, name throws(LoadError) in Boxed(try d.object(i, DealSchema.mergeNote, name)) },
        write: { w, b in w.object(b.value, DealSchema.mergeNote) })
}

extension Codec where Value == Boxed<NotesEdit> {
    /// An edit of the deal's notes on a history entry, kept out of line.
    static let boxedNotesEdit = Codec(
        read: { d, i, name throws(LoadError) in Boxed(try d.object(i, DealSchema.notesEdit, name)) },
        write: { w, b in w.object(b.value, DealSchema.notesEdit) })
}

extension Codec where Value: Sendable {
    /// An object that `schema` describes.
    static func object(_ schema: Schema<Value>) -> Codec {
        Codec(
            read: { d, i, name throws(LoadError) in try d.object(i, schema, name) },
            write: { w, v in w.object(v, schema) })
    }

    /// An array of objects that `schema` describes.
    static func array<Element: Sendable>(of schema: Schema<Element>) -> Codec where Value == [Element] {
        Codec(
            read: { d, i, name throws(LoadError) in try d.array(i, schema, name) },
            write: { w, a in w.array(ofObjects: true) { for e in a { w.element(); w.object(e, schema) } } })
    }
}
