import Foundation
import PipedeckCore

/// One JSON value of a parsed document, in document order ("tape"). Scalars point at their text
/// in the source bytes; containers know where their contents end, so a reader can skip them.
struct JSONNode {
    enum Kind: UInt8 { case null, `false`, `true`, number, string, array, object }
    var kind: Kind
    /// Strings only: the text contains at least one backslash escape.
    var escaped: Bool
    /// Scalars: first byte of the text (for strings, just after the opening quote).
    /// Containers: offset of the opening bracket.
    var start: UInt32
    /// Scalars: the byte after the text (for strings, the closing quote).
    /// Containers: index of the first node after the container.
    var end: UInt32
    /// Containers: number of elements (arrays) or members (objects).
    var count: UInt32
}

/// The parsed form of a JSON text: a flat array of nodes over the source bytes. An object's
/// members are stored as key (a string node) then value.
struct JSONTape {
    var nodes: [JSONNode]
    /// 3 when the text started with a UTF-8 byte order mark, else 0.
    var bomLength: Int
}

/// A byte-level RFC 8259 parser that produces a `JSONTape`. It checks everything (grammar,
/// escapes, UTF-8) up front, so later reads of the tape cannot fail.
struct JSONTapeParser {
    static let maxDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    var depth = 0
    var nodes: [JSONNode] = []
    var bomLength = 0
    /// Given, the elements of the top-level object's "deals" array are handed to it one by one
    /// as they are parsed, and their nodes dropped: the tape of a board then holds one deal at a
    /// time, not a hundred thousand (docs/performance.md).
    let sink: (any TapeElementSink)?

    init(_ bytes: UnsafeBufferPointer<UInt8>, sink: (any TapeElementSink)? = nil) {
        self.bytes = bytes
        self.sink = sink
        // A rough guess that avoids most regrowth: one node per 8 bytes (streamed: the largest
        // deal's nodes and the board's own).
        nodes.reserveCapacity(sink == nil ? max(16, bytes.count / 8) : min(max(16, bytes.count / 8), 1 << 14))
    }

    /// A parser of the values that start at `offset`, `depth` levels down (reading elements of
    /// an array ahead of the main parser).
    init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, depth: Int) {
        self.bytes = bytes
        sink = nil
        pos = offset
        self.depth = depth
        nodes.reserveCapacity(1 << 12)
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, sink: (any TapeElementSink)? = nil) throws(JSONSyntaxError)
        -> JSONTape
    {
        var p = JSONTapeParser(bytes, sink: sink)
        try p.document()
        return JSONTape(nodes: p.nodes, bomLength: p.bomLength)
    }

    // MARK: errors

    /// Line and column (both 1-based) of a byte offset; columns count Unicode scalars.
    static func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, bomLength: Int) -> (
        line: Int, column: Int
    ) {
        let end = min(offset, bytes.count)
        var line = 1
        var lineStart = bomLength
        var i = 0
        while i < end {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        var column = 1
        i = max(lineStart, min(bomLength, end))
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    func fail(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
        let o = offset ?? pos
        let (l, c) = JSONTapeParser.location(of: o, in: bytes, bomLength: bomLength)
        let r = o >= bytes.count ? reason + StorageStrings.foundEnd : reason
        return JSONSyntaxError(offset: o, line: l, column: c, reason: r)
    }

    // MARK: grammar

    @inline(__always) func peek() -> UInt8 { pos < bytes.count ? bytes[pos] : 0 }

    @inline(__always) mutating func skipWhitespace() {
        // A pretty file's indentation: a run of spaces measured eight bytes at a time.
        while pos + 8 <= bytes.count {
            let other = word(at: pos) ^ 0x2020_2020_2020_2020
            if other == 0 { pos += 8; continue }
            pos += other.trailingZeroBitCount >> 3
            let c = bytes[pos]
            if c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { return }
        }
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { return }
        }
    }

    mutating func document() throws(JSONSyntaxError) {
        if bytes.count > Int(UInt32.max) - 1 { throw fail(StorageStrings.tooLarge, at: 0) }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3; bomLength = 3 }
        skipWhitespace()
        try value()
        skipWhitespace()
        if pos < bytes.count { throw fail(StorageStrings.expectedEndOfFile) }
    }

    mutating func value() throws(JSONSyntaxError) {
        switch peek() {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"): try literal("true", .true)
        case UInt8(ascii: "f"): try literal("false", .false)
        case UInt8(ascii: "n"): try literal("null", .null)
        default: throw fail(StorageStrings.expectedValue)
        }
    }

    mutating func literal(_ word: StaticString, _ kind: JSONNode.Kind) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard isAt(word) else { throw fail(StorageStrings.expectedValue) }
        nodes.append(JSONNode(kind: kind, escaped: false, start: UInt32(pos), end: UInt32(pos + n), count: 0))
        pos += n
    }

    /// Whether the bytes at `pos` are `word`.
    @inline(__always) func isAt(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        guard pos + n <= bytes.count else { return false }
        for k in 0..<n where bytes[pos + k] != w[k] { return false }
        return true
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONTapeParser.maxDepth { throw fail(StorageStrings.tooDeep(JSONTapeParser.maxDepth)) }
    }

    mutating func object() throws(JSONSyntaxError) {
        try enter()
        let index = nodes.count
        nodes.append(JSONNode(kind: .object, escaped: false, start: UInt32(pos), end: 0, count: 0))
        pos += 1
        skipWhitespace()
        var count: UInt32 = 0
        if peek() == UInt8(ascii: "}") {
            pos += 1
        } else {
            while true {
                guard peek() == UInt8(ascii: "\"") else {
                    throw fail(count == 0 ? StorageStrings.expectedFieldNameOrEnd : StorageStrings.expectedFieldName)
                }
                try string()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw fail(StorageStrings.expectedColon) }
                pos += 1
                skipWhitespace()
                if let sink, depth == 1, peek() == UInt8(ascii: "["), isDealsKey(nodes.count - 1) {
                    try streamedArray(sink)
                } else {
                    try value()
                }
                count += 1
                skipWhitespace()
                let c = peek()
                if c == UInt8(ascii: ",") { pos += 1; skipWhitespace(); continue }
                if c == UInt8(ascii: "}") { pos += 1; break }
                throw fail(StorageStrings.expectedCommaOrBrace)
            }
        }
        depth -= 1
        nodes[index].end = UInt32(nodes.count)
        nodes[index].count = count
    }

    mutating func array() throws(JSONSyntaxError) {
        try enter()
        let index = nodes.count
        nodes.append(JSONNode(kind: .array, escaped: false, start: UInt32(pos), end: 0, count: 0))
        pos += 1
        skipWhitespace()
        var count: UInt32 = 0
        if peek() == UInt8(ascii: "]") {
            pos += 1
        } else {
            while true {
                if !startsValue(peek()) {
                    throw fail(
                        count == 0 ? StorageStrings.expectedValueOrEndOfArray : StorageStrings.expectedValueAfterComma)
                }
                try value()
                count += 1
                skipWhitespace()
                let c = peek()
                if c == UInt8(ascii: ",") { pos += 1; skipWhitespace(); continue }
                if c == UInt8(ascii: "]") { pos += 1; break }
                throw fail(StorageStrings.expectedCommaOrBracket)
            }
        }
        depth -= 1
        nodes[index].end = UInt32(nodes.count)
        nodes[index].count = count
    }

    @inline(__always) func startsValue(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return true
        default:
            return false
        }
    }

    mutating func number() throws(JSONSyntaxError) {
        let start = pos
        try numberText()
        nodes.append(JSONNode(kind: .number, escaped: false, start: UInt32(start), end: UInt32(pos), count: 0))
    }

    /// Goes past the number at `pos`, checking its grammar.
    @inline(__always) mutating func numberText() throws(JSONSyntaxError) {
        if peek() == UInt8(ascii: "-") {
            pos += 1
            guard isDigit(peek()) else { throw fail(StorageStrings.expectedDigitAfterMinus) }
        }
        if peek() == UInt8(ascii: "0") {
            pos += 1
            if isDigit(peek()) { throw fail(StorageStrings.leadingZero) }
        } else {
            while isDigit(peek()) { pos += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            pos += 1
            guard isDigit(peek()) else { throw fail(StorageStrings.expectedDigitAfterPoint) }
            while isDigit(peek()) { pos += 1 }
        }
        let e = peek()
        if e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            pos += 1
            let s = peek()
            if s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { pos += 1 }
            guard isDigit(peek()) else { throw fail(StorageStrings.expectedExponentDigit) }
            while isDigit(peek()) { pos += 1 }
        }
    }

    @inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    mutating func string() throws(JSONSyntaxError) {
        pos += 1 // the opening quote
        let start = pos
        let escaped = try stringText()
        nodes.append(JSONNode(kind: .string, escaped: escaped, start: UInt32(start), end: UInt32(pos), count: 0))
        pos += 1 // the closing quote
    }

    /// Goes from just after a string's opening quote to its closing quote, checking its escapes
    /// and UTF-8; whether it holds an escape.
    @inline(__always) mutating func stringText() throws(JSONSyntaxError) -> Bool {
        var escaped = false
        let n = bytes.count
        while true {
            // Fast path: plain printable ASCII, eight bytes at a time, then one at a time.
            while pos + 8 <= n {
                let stop = JSONTapeParser.specialBytes(word(at: pos))
                if stop != 0 { pos += stop.trailingZeroBitCount >> 3; break }
                pos += 8
            }
            while pos < n {
                let c = bytes[pos]
                if c == 0x22 || c == 0x5C || c < 0x20 || c >= 0x80 { break }
                pos += 1
            }
            guard pos < n else { throw fail(StorageStrings.expectedClosingQuote) }
            let c = bytes[pos]
            if c == 0x22 { break }
            if c == 0x5C {
                escaped = true
                try escape()
            } else if c < 0x20 {
                throw fail(
                    c == 0x0A || c == 0x0D
                        ? StorageStrings.expectedClosingQuoteOnLine : StorageStrings.controlCharacterInString)
            } else {
                try utf8Sequence()
            }
        }
        return escaped
    }

    /// The eight bytes at `offset`, the first in the lowest bits.
    @inline(__always) func word(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of each byte of `w` that ends a plain run of a string (`"`, `\`, a control
    /// character or a non-ASCII byte) is set; bits above the lowest such byte may be set too, so
    /// only the lowest one counts.
    @inline(__always) static func specialBytes(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & high }
        return zero(w ^ (ones &* 0x22)) | zero(w ^ (ones &* 0x5C)) | ((w &- ones &* 0x20) & ~w & high) | (w & high)
    }

    mutating func escape() throws(JSONSyntaxError) {
        let at = pos
        pos += 1
        switch peek() {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            pos += 1
        case UInt8(ascii: "u"):
            pos += 1
            let u = try hex4()
            if u >= 0xD800 && u <= 0xDBFF {
                guard pos + 1 < bytes.count, bytes[pos] == 0x5C, bytes[pos + 1] == UInt8(ascii: "u") else {
                    throw fail(StorageStrings.expectedLowSurrogate)
                }
                let second = pos
                pos += 2
                let v = try hex4()
                if v < 0xDC00 || v > 0xDFFF { throw fail(StorageStrings.expectedLowSurrogate, at: second) }
            } else if u >= 0xDC00 && u <= 0xDFFF {
                throw fail(StorageStrings.loneLowSurrogate, at: at)
            }
        default:
            throw fail(StorageStrings.expectedEscape, at: at)
        }
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let d = hexValue(peek()) else { throw fail(StorageStrings.expectedHexDigits) }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    /// Checks one multi-byte UTF-8 sequence starting at `pos` (RFC 3629: no overlongs, no surrogates).
    mutating func utf8Sequence() throws(JSONSyntaxError) {
        let c = bytes[pos]
        var need = 0
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: throw fail(StorageStrings.invalidUTF8)
        }
        guard pos + need < bytes.count else { throw fail(StorageStrings.invalidUTF8) }
        let b1 = bytes[pos + 1]
        guard b1 >= lo && b1 <= hi else { throw fail(StorageStrings.invalidUTF8) }
        var k = 2
        while k <= need {
            guard bytes[pos + k] & 0xC0 == 0x80 else { throw fail(StorageStrings.invalidUTF8) }
            k += 1
        }
        pos += need + 1
    }
}

@inline(__always) func hexValue(_ c: UInt8) -> UInt32? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - 0x30)
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - 0x61 + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - 0x41 + 10)
    default: return nil
    }
}
