import Foundation
import PipedeckCore

/// Reading values back out of a tape.
struct TapeReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let nodes: UnsafeBufferPointer<JSONNode>
    let bomLength: Int

    @inline(__always) subscript(_ i: Int) -> JSONNode { nodes[i] }

    /// The index of the node after value `i` (skipping a container's contents).
    @inline(__always) func next(_ i: Int) -> Int {
        let n = nodes[i]
        return n.kind.rawValue >= JSONNode.Kind.array.rawValue ? Int(n.end) : i + 1
    }

    func location(_ i: Int) -> (line: Int, column: Int) {
        let n = nodes[i]
        // For strings, point at the opening quote.
        let offset = n.kind == .string ? Int(n.start) - 1 : Int(n.start)
        return JSONTapeParser.location(of: offset, in: bytes, bomLength: bomLength)
    }

    /// The raw bytes of a scalar's text.
    @inline(__always) func raw(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let n = nodes[i]
        return UnsafeBufferPointer(rebasing: bytes[Int(n.start)..<Int(n.end)])
    }

    func numberText(_ i: Int) -> String { String(decoding: raw(i), as: UTF8.self) }

    /// The decoded value of a string node.
    func string(_ i: Int) -> String {
        let n = nodes[i]
        let text = raw(i)
        if !n.escaped { return String(decoding: text, as: UTF8.self) }
        return TapeReader.unescape(text)
    }

    static func unescape(_ text: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        let n = text.count
        func hex(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in 0..<4 { v = v << 4 | (hexValue(text[at + k]) ?? 0) }
            return v
        }
        while i < n {
            let c = text[i]
            if c != 0x5C { out.append(c); i += 1; continue }
            let e = text[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var u = hex(i)
                i += 4
                if u >= 0xD800 && u <= 0xDBFF {
                    let low = hex(i + 2)
                    i += 6
                    u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                }
                let scalar = Unicode.Scalar(u) ?? "\u{FFFD}"
                out.append(contentsOf: UTF8.encode(scalar)!)
            default: out.append(e) // " \ /
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a string node's text equals `key` (compared after unescaping).
    func stringEquals(_ i: Int, _ key: StaticString) -> Bool {
        let n = nodes[i]
        if n.escaped { return string(i) == key.description }
        let len = Int(n.end - n.start)
        guard len == key.utf8CodeUnitCount else { return false }
        let p = key.utf8Start
        for k in 0..<len where bytes[Int(n.start) + k] != p[k] { return false }
        return true
    }

    /// Converts a node to a `JSONValue`. Throws the index of a key that appears twice in an object.
    func value(_ i: Int) throws(DuplicateKey) -> JSONValue {
        let n = nodes[i]
        switch n.kind {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .number: return .number(numberText(i))
        case .string: return .string(string(i))
        case .array:
            var a: [JSONValue] = []
            a.reserveCapacity(Int(n.count))
            var k = i + 1
            while k < Int(n.end) { a.append(try value(k)); k = next(k) }
            return .array(a)
        case .object:
            var o: [String: JSONValue] = [:]
            o.reserveCapacity(Int(n.count))
            var k = i + 1
            while k < Int(n.end) {
                let key = string(k)
                let v = try value(k + 1)
                if o.updateValue(v, forKey: key) != nil { throw DuplicateKey(node: k, key: key) }
                k = next(k + 1)
            }
            return .object(o)
        }
    }

    func syntaxError(node: Int, reason: String) -> JSONSyntaxError {
        let (l, c) = location(node)
        let n = nodes[node]
        return JSONSyntaxError(
            offset: Int(n.kind == .string ? n.start - 1 : n.start), line: l, column: c, reason: reason)
    }
}

struct DuplicateKey: Error {
    var node: Int
    var key: String
}

/// Parses JSON text into a `JSONValue`, keeping every number's exact text.
///
/// Strict RFC 8259: no comments, no trailing commas, no single quotes, no trailing garbage; an
/// initial UTF-8 byte order mark is skipped; strings must be valid UTF-8. A field name that appears
/// twice in one object is refused. Errors carry the 1-based line and column.
public enum JSONParser {
    public static func parse(_ data: Data) throws -> JSONValue {
        try parseTyped(data)
    }

    public static func parseTyped(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        let r: Result<JSONValue, JSONSyntaxError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return Result { () throws(JSONSyntaxError) -> JSONValue in try parse(bytes: bytes) }
        }
        return try r.get()
    }

    public static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        let tape = try JSONTapeParser.parse(bytes)
        return try tape.nodes.withUnsafeBufferPointer { (nodes) throws(JSONSyntaxError) -> JSONValue in
            let reader = TapeReader(bytes: bytes, nodes: nodes, bomLength: tape.bomLength)
            do throws(DuplicateKey) {
                return try reader.value(0)
            } catch {
                throw reader.syntaxError(node: error.node, reason: StorageStrings.duplicateKey(error.key))
            }
        }
    }
}
