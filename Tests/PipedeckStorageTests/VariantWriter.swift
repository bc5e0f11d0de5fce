import Foundation
import PipedeckCore

@testable import PipedeckStorage

/// Writes a JSON value in one of several layouts: Pipedeck's (two spaces, a member a line), one
/// line without spaces, or odd whitespace (tabs, CR LF, none); keys in Pipedeck's order or
/// shuffled, sometimes one key given twice; characters of strings sometimes escaped (`\u00e9`,
/// surrogate pairs, `\/`).
struct VariantWriter: CustomStringConvertible {
    var r: SeededRandom
    let layout: Int
    let escapes: Int
    let shuffled: Bool
    var twice: Bool

    init(_ random: inout SeededRandom) {
        r = SeededRandom(seed: random.next())
        layout = random.below(3)
        escapes = random.chance(25) ? 1 + random.below(30) : 0
        shuffled = random.chance(25)
        twice = random.chance(5)
    }

    /// Pipedeck's layout (0) or one line (1), keys in order, no escapes but the needed ones.
    init(_ random: inout SeededRandom, layout: Int) {
        r = SeededRandom(seed: random.next())
        self.layout = layout
        escapes = 0
        shuffled = false
        twice = false
    }

    var description: String {
        "layout \(layout), escapes \(escapes)%\(shuffled ? ", shuffled" : "")\(twice ? ", a key twice" : "")"
    }

    mutating func write(_ v: JSONValue) -> [UInt8] {
        var s = ""
        value(v, 2, &s)
        return Array(s.utf8)
    }

    mutating func space(_ level: Int) -> String {
        switch layout {
        case 0: return "\n" + String(repeating: "  ", count: level)
        case 1: return ""
        default: return r.pick(["", " ", "\t", "\r\n", "\n    ", "  \t "])
        }
    }

    mutating func value(_ v: JSONValue, _ level: Int, _ s: inout String) {
        switch v {
        case .null: s += "null"
        case .bool(let b): s += b ? "true" : "false"
        case .number(let t): s += t
        case .string(let t): string(t, &s)
        case .array(let a):
            if a.isEmpty { s += "[]"; return }
            s += "["
            for (i, e) in a.enumerated() {
                if i > 0 { s += "," }
                s += space(level + 1)
                value(e, level + 1, &s)
            }
            s += space(level) + "]"
        case .object(let o):
            if o.isEmpty { s += "{}"; return }
            var members = o.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            if shuffled { members.shuffle(using: &r) }
            if twice, let m = members.randomElement(using: &r) {
                members.insert(r.chance(50) ? m : (m.key, .null), at: r.below(members.count + 1))
                twice = false
            }
            s += "{"
            for (i, m) in members.enumerated() {
                if i > 0 { s += "," }
                s += space(level + 1)
                string(m.key, &s)
                s += layout == 1 ? ":" : layout == 0 ? ": " : r.pick([":", " : ", ":\t"])
                value(m.value, level + 1, &s)
            }
            s += space(level) + "}"
        }
    }

    mutating func string(_ t: String, _ s: inout String) {
        s += "\""
        for u in t.unicodeScalars {
            switch u {
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            case "\n": s += r.chance(50) ? "\\n" : "\\u000A"
            case _ where u.value < 0x20: s += String(format: "\\u%04x", u.value)
            case "/" where r.chance(escapes): s += "\\/"
            case _ where r.chance(escapes):
                if u.value > 0xFFFF {
                    let v = u.value - 0x10000
                    s += String(format: "\\u%04X\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))
                } else {
                    s += String(format: r.chance(50) ? "\\u%04x" : "\\u%04X", u.value)
                }
            default: s.unicodeScalars.append(u)
            }
        }
        s += "\""
    }

    /// A byte flipped, removed, or something inserted.
    static func breakBytes(_ b: inout [UInt8], _ r: inout SeededRandom) {
        guard !b.isEmpty else { return }
        let i = r.below(b.count)
        switch r.below(4) {
        case 0: b[i] ^= UInt8(1 << r.below(8))
        case 1: b.remove(at: i)
        case 2: b.insert(contentsOf: r.pick([[0x22], [0x5C], [0xC3], [0x00], [0x2C], [0x7D], [0x5D]]), at: i)
        default: b.removeSubrange(i...)
        }
    }
}
