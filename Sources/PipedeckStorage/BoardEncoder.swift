import Foundation
import PipedeckCore

/// Writes a board straight from the model to bytes, in the same layout `JSONWriter` gives:
/// keys in byte order (known fields and kept unknown fields merged), nil optionals left out.
enum BoardEncoder {
    static func encode(_ board: Board) -> [UInt8] {
        let w = ByteWriter(capacity: 2048 + board.deals.count * 1_200)
        board.write(to: w)
        w.bytes.append(0x0A)
        return w.bytes
    }
}

extension ByteWriter {
    /// Writes an object whose known fields are `F`, merging in `extra` (unknown fields, written
    /// back unchanged) at their sorted places. `field` writes one known field with `member(_:)`
    /// when it has a value, and nothing when it is to be left out.
    func fields<F: FieldKey>(_ type: F.Type, extra: UnknownFields, _ field: (F, [UInt8]) -> Void) {
        object {
            let table = F.table
            if extra.isEmpty {
                for e in table.sorted { field(e.field, e.key) }
                return
            }
            let extras = ByteWriter.sorted(extra.filter { !table.names.contains($0.key) })
            var k = 0
            for e in table.sorted {
                while k < extras.count && extras[k].key.utf8.lexicographicallyPrecedes(e.key) {
                    member(extras[k].key); value(extras[k].value); k += 1
                }
                field(e.field, e.key)
            }
            while k < extras.count { member(extras[k].key); value(extras[k].value); k += 1 }
        }
    }

    func strings(_ a: [String]) {
        array { for s in a { element(); string(s) } }
    }
}

extension Board {
    func write(to w: ByteWriter) {
        w.fields(BoardField.self, extra: extra) { f, key in
            w.member(escapedKey: key)
            switch f {
            case .version: w.int(version)
            case .name: w.string(name)
            case .currency: w.string(currency)
            case .stages: w.array { for s in stages { w.element(); s.write(to: w) } }
            case .deals: w.array { for d in deals { w.element(); d.write(to: w) } }
            case .settings: settings.write(to: w)
            }
        }
    }
}

extension Stage {
    func write(to w: ByteWriter) {
        w.fields(StageField.self, extra: extra) { f, key in
            w.member(escapedKey: key)
            switch f {
            case .id: w.string(id)
            case .name: w.string(name)
            case .probability: w.percent(probability)
            case .kind: w.string(kind.rawValue)
            case .rotDays: w.int(rotDays)
            }
        }
    }
}

extension BoardSettings {
    func write(to w: ByteWriter) {
        w.fields(SettingsField.self, extra: extra) { f, key in
            switch f {
            case .lostReasons: w.member(escapedKey: key); w.strings(lostReasons)
            case .locale: if let locale { w.member(escapedKey: key); w.string(locale) }
            }
        }
    }
}

extension Deal {
    func write(to w: ByteWriter) {
        w.fields(DealField.self, extra: extra) { f, key in
            @inline(__always) func optional(_ s: String?) {
                if let s { w.member(escapedKey: key); w.string(s) }
            }
            switch f {
            case .id: w.member(escapedKey: key); w.string(id)
            case .title: w.member(escapedKey: key); w.string(title)
            case .company: optional(company)
            case .contact: optional(contact)
            case .value: w.member(escapedKey: key); w.money(value)
            case .currency: optional(currency)
            case .stage: w.member(escapedKey: key); w.string(stage)
            case .probability: if let probability { w.member(escapedKey: key); w.percent(probability) }
            case .status: w.member(escapedKey: key); w.string(status.rawValue)
            case .lostReason: optional(lostReason)
            case .owner: optional(owner)
            case .source: optional(source)
            case .tags: if !tags.isEmpty { w.member(escapedKey: key); w.strings(tags) }
            case .expectedClose: if let expectedClose { w.member(escapedKey: key); w.day(expectedClose) }
            case .nextAction: if let nextAction { w.member(escapedKey: key); nextAction.write(to: w) }
            case .qualification: if let qualification { w.member(escapedKey: key); qualification.write(to: w) }
            case .notes: optional(notes)
            case .createdAt: w.member(escapedKey: key); w.timestamp(createdAt)
            case .updatedAt: w.member(escapedKey: key); w.timestamp(updatedAt)
            case .stageEnteredAt: w.member(escapedKey: key); w.timestamp(stageEnteredAt)
            case .history: w.member(escapedKey: key); w.array { for h in history { w.element(); h.write(to: w) } }
            case .rank: w.member(escapedKey: key); w.int(rank)
            }
        }
    }
}

extension NextAction {
    func write(to w: ByteWriter) {
        w.fields(NextActionField.self, extra: extra) { f, key in
            switch f {
            case .text: w.member(escapedKey: key); w.string(text)
            case .due: if let due { w.member(escapedKey: key); w.day(due) }
            case .done: w.member(escapedKey: key); if done { w.raw("true") } else { w.raw("false") }
            }
        }
    }
}

extension Qualification {
    func write(to w: ByteWriter) {
        w.fields(QualificationField.self, extra: extra) { f, key in
            w.member(escapedKey: key)
            let b: Bool
            switch f {
            case .budget: b = budget
            case .authority: b = authority
            case .need: b = need
            case .timeline: b = timeline
            }
            if b { w.raw("true") } else { w.raw("false") }
        }
    }
}

extension HistoryEntry {
    func write(to w: ByteWriter) {
        w.fields(HistoryField.self, extra: extra) { f, key in
            switch f {
            case .at: w.member(escapedKey: key); w.timestamp(at)
            case .from: if let from { w.member(escapedKey: key); w.string(from) }
            case .to: w.member(escapedKey: key); w.string(to)
            case .status: if let status { w.member(escapedKey: key); w.string(status.rawValue) }
            }
        }
    }
}
