import Foundation
import PipedeckCore

/// Appends pretty JSON to a byte array: two-space indent, `"key": value`, one array element or
/// object member per line, keys in UTF-8 byte order.
///
/// With `oneLineFrom` (the board file: `BoardEncoder.oneLineFrom`), a container whose members or
/// elements would be indented that many levels or more is written on one line instead, with
/// `", "` between them: `{"at": "2026-11-28T09:00:00Z", "to": "lead"}`, `["smb", "vip"]`. An
/// array of objects that starts on a line of its own is the exception: each of its objects gets a
/// line (written on one line itself), so that a list of records reads and diffs record by record.
///
/// The properties skip the runtime's exclusivity checks: they cost a third of the writing time,
/// and a writer is only ever used by one function at a time on one thread.
final class ByteWriter {
    @exclusivity(unchecked) var bytes: [UInt8] = []
    /// Nesting level of the container being written.
    @exclusivity(unchecked) private var level = 0
    /// Whether the container being written has no member or element yet.
    @exclusivity(unchecked) private var empty = true
    /// Whether the container being written is on one line.
    @exclusivity(unchecked) private var oneLine = false
    /// The nesting level from which containers are written on one line (`Int.max`: never).
    let oneLineFrom: Int

    init(capacity: Int = 4096, oneLineFrom: Int = .max) {
        bytes.reserveCapacity(capacity)
        self.oneLineFrom = oneLineFrom
    }

    @inline(__always) func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always) func newline(indent: Int) {
        bytes.append(0x0A)
        for _ in 0..<indent { bytes.append(0x20); bytes.append(0x20) }
    }

    /// A JSON string: escapes `"`, `\` and control characters; everything else stays literal UTF-8.
    func string(_ s: String) {
        var s = s
        s.withUTF8 { u in
            bytes.append(0x22)
            var run = 0
            var i = 0
            let n = u.count
            while i < n {
                let c = u[i]
                if c >= 0x20 && c != 0x22 && c != 0x5C { i += 1; continue }
                if run < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i])) }
                bytes.append(0x5C)
                switch c {
                case 0x22: bytes.append(0x22)
                case 0x5C: bytes.append(0x5C)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    bytes.append(UInt8(ascii: "u")); bytes.append(0x30); bytes.append(0x30)
                    bytes.append(hex.utf8Start[Int(c >> 4)]); bytes.append(hex.utf8Start[Int(c & 15)])
                }
                i += 1
                run = i
            }
            if run < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<n])) }
            bytes.append(0x22)
        }
    }

    @inline(__always) func string(bytes key: [UInt8]) {
        bytes.append(0x22)
        key.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
    }

    // MARK: containers

    /// Writes an object; `body` writes its members with `member(_:)`.
    func object(_ body: () -> Void) {
        let (savedLevel, savedEmpty, savedOneLine) = (level, empty, oneLine)
        bytes.append(UInt8(ascii: "{"))
        level += 1; empty = true
        oneLine = oneLine || level >= oneLineFrom
        body()
        let wasEmpty = empty, wasOneLine = oneLine
        level = savedLevel; empty = savedEmpty; oneLine = savedOneLine
        if !wasEmpty && !wasOneLine { newline(indent: level) }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes an array; `body` calls `element()` before each element. `ofObjects`: its elements
    /// are all objects (then they keep a line each where the array is not on one line itself).
    func array(ofObjects: Bool = false, _ body: () -> Void) {
        let (savedLevel, savedEmpty, savedOneLine) = (level, empty, oneLine)
        bytes.append(UInt8(ascii: "["))
        level += 1; empty = true
        oneLine = oneLine || (level >= oneLineFrom && !ofObjects)
        body()
        let wasEmpty = empty, wasOneLine = oneLine
        level = savedLevel; empty = savedEmpty; oneLine = savedOneLine
        if !wasEmpty && !wasOneLine { newline(indent: level) }
        bytes.append(UInt8(ascii: "]"))
    }

    /// What comes before a member or an element: a comma after the one before, then a new line
    /// and the indent, or a space on one line.
    @inline(__always) private func separate() {
        if oneLine {
            if !empty { bytes.append(UInt8(ascii: ",")); bytes.append(0x20) }
        } else {
            if !empty { bytes.append(UInt8(ascii: ",")) }
            newline(indent: level)
        }
        empty = false
    }

    /// Starts an object member: separator, indent, `"key": `. The key must need no escaping
    /// (the model's own field names) or be pre-escaped.
    @inline(__always) func member(escapedKey key: [UInt8]) {
        separate()
        string(bytes: key)
        bytes.append(UInt8(ascii: ":")); bytes.append(0x20)
    }

    func member(_ key: String) {
        separate()
        string(key)
        bytes.append(UInt8(ascii: ":")); bytes.append(0x20)
    }

    /// Starts an array element: separator and indent.
    @inline(__always) func element() { separate() }

    // MARK: values

    func value(_ v: JSONValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): if b { raw("true") } else { raw("false") }
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let s): string(s)
        case .array(let a):
            array(ofObjects: ByteWriter.allObjects(a)) { for e in a { element(); value(e) } }
        case .object(let o):
            object {
                for (k, e) in ByteWriter.sorted(o) { member(k); value(e) }
            }
        }
    }

    /// Whether `a` has elements and they are all objects.
    static func allObjects(_ a: [JSONValue]) -> Bool {
        !a.isEmpty && a.allSatisfy { if case .object = $0 { true } else { false } }
    }

    /// Members in the byte order of their UTF-8 keys.
    static func sorted(_ o: [String: JSONValue]) -> [(key: String, value: JSONValue)] {
        o.sorted { utf8Less($0.key, $1.key) }
    }
}

@inline(__always) func utf8Less(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}

/// Writes a `JSONValue` as pretty JSON: two-space indent, `"key": value`, keys sorted in UTF-8
/// byte order, one array element per line, a final newline. Strings escape only `"`, `\` and
/// control characters; "/" and non-ASCII stay literal. Numbers are written with their exact text.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> Data {
        let w = ByteWriter()
        w.value(value)
        w.bytes.append(0x0A)
        return Data(w.bytes)
    }
}
