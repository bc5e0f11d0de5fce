import Foundation
import PipedeckCore

// The fast path's readers of single values, straight from the bytes at the parser's position
// (FastDeal.swift). Each checks the value's text exactly as the tape parser does (the same
// scanning code) and reads it with the same parser the schema's reader uses; anything else
// throws `notSure`, and the deal is read the usual way.

extension JSONTapeParser {
    /// Thrown when the fast path gives a deal up (never shown to anyone).
    static var notSure: JSONSyntaxError { JSONSyntaxError(offset: -1, line: 0, column: 0, reason: "") }

    /// A string's text in the bytes, between its quotes.
    struct Text {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    /// At a `{`: goes past it; false when the object is empty (its `}` passed too).
    @inline(__always) mutating func openObject() throws(JSONSyntaxError) -> Bool {
        guard peek() == UInt8(ascii: "{") else { throw Self.notSure }
        pos += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { pos += 1; return false }
        return true
    }

    /// After a member's value: true when another member follows, false at the object's end (passed).
    @inline(__always) mutating func nextMember() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        let c = peek()
        if c == UInt8(ascii: ",") { pos += 1; skipWhitespace(); return true }
        if c == UInt8(ascii: "}") { pos += 1; return false }
        throw Self.notSure
    }

    /// At a `[`: goes past it; false when the array is empty (its `]` passed too).
    @inline(__always) mutating func openArray() throws(JSONSyntaxError) -> Bool {
        guard peek() == UInt8(ascii: "[") else { throw Self.notSure }
        pos += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { pos += 1; return false }
        return true
    }

    /// After an element: true when another follows, false at the array's end (passed).
    @inline(__always) mutating func nextElement() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        let c = peek()
        if c == UInt8(ascii: ",") { pos += 1; skipWhitespace(); return true }
        if c == UInt8(ascii: "]") { pos += 1; return false }
        throw Self.notSure
    }

    /// The field of `table` that a member's key names, once only in the object (`seen`); `pos`
    /// goes to the member's value. An escaped key, an unknown one or one named twice: not sure.
    @inline(__always) mutating func key(_ table: KeyTable, _ seen: inout UInt64) throws(JSONSyntaxError) -> Int {
        guard peek() == UInt8(ascii: "\"") else { throw Self.notSure }
        pos += 1
        let start = pos
        if try stringText() { throw Self.notSure }
        guard let f = table.field(bytes.baseAddress! + start, pos - start, readable: bytes.count - start) else {
            throw Self.notSure
        }
        let bit: UInt64 = 1 << UInt64(f)
        if seen & bit != 0 { throw Self.notSure }
        seen |= bit
        pos += 1
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { throw Self.notSure }
        pos += 1
        skipWhitespace()
        return f
    }

    /// Goes past a `null`: whether the value is one.
    @inline(__always) mutating func null() -> Bool {
        guard peek() == UInt8(ascii: "n"), isAt("null") else { return false }
        pos += 4
        return true
    }

    /// A string value's text; `pos` goes past its closing quote.
    @inline(__always) mutating func text() throws(JSONSyntaxError) -> Text {
        guard peek() == UInt8(ascii: "\"") else { throw Self.notSure }
        pos += 1
        let start = pos
        let escaped = try stringText()
        pos += 1
        return Text(start: start, end: pos - 1, escaped: escaped)
    }

    @inline(__always) func raw(_ t: Text) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[t.start..<t.end])
    }

    /// The string a text stands for (as `TapeReader.string` makes it).
    @inline(__always) func decoded(_ t: Text) -> String {
        t.escaped ? TapeReader.unescape(raw(t)) : String(decoding: raw(t), as: UTF8.self)
    }

    /// Whether a text is exactly `word`'s bytes, without escapes.
    @inline(__always) func text(_ t: Text, is word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard !t.escaped, t.end - t.start == n else { return false }
        return memcmp(bytes.baseAddress! + t.start, word.utf8Start, n) == 0
    }

    @inline(__always) mutating func stringValue() throws(JSONSyntaxError) -> String { decoded(try text()) }

    @inline(__always) mutating func nonEmptyString() throws(JSONSyntaxError) -> String {
        let t = try text()
        guard t.end > t.start else { throw Self.notSure }
        return decoded(t)
    }

    @inline(__always) mutating func bool() throws(JSONSyntaxError) -> Bool {
        if peek() == UInt8(ascii: "t"), isAt("true") { pos += 4; return true }
        if peek() == UInt8(ascii: "f"), isAt("false") { pos += 5; return false }
        throw Self.notSure
    }

    /// A number's exact value.
    @inline(__always) mutating func decimal() throws(JSONSyntaxError) -> ExactDecimal {
        let c = peek()
        guard c == UInt8(ascii: "-") || isDigit(c) else { throw Self.notSure }
        let start = pos
        try numberText()
        return ExactDecimal.parse(UnsafeBufferPointer(rebasing: bytes[start..<pos]))
    }

    @inline(__always) mutating func money() throws(JSONSyntaxError) -> Money {
        guard case .money(let m) = try decimal().amount else { throw Self.notSure }
        return m
    }

    @inline(__always) mutating func percent() throws(JSONSyntaxError) -> Percent {
        guard let p = try decimal().percent else { throw Self.notSure }
        return p
    }

    /// A whole number in `range`.
    @inline(__always) mutating func whole(in range: ClosedRange<Int> = Int.min...Int.max) throws(JSONSyntaxError)
        -> Int
    {
        guard let v = try decimal().whole, range.contains(v) else { throw Self.notSure }
        return v
    }

    @inline(__always) mutating func timestamp() throws(JSONSyntaxError) -> Timestamp {
        let t = try text()
        guard let v = t.escaped ? Timestamp.parse(decoded(t)) : Timestamp.parse(utf8: raw(t)) else {
            throw Self.notSure
        }
        return v
    }

    @inline(__always) mutating func day() throws(JSONSyntaxError) -> Day {
        let t = try text()
        guard let v = t.escaped ? Day.parse(decoded(t)) : Day.parse(utf8: raw(t)) else { throw Self.notSure }
        return v
    }

    /// An ISO 4217 code (three capital letters, as written: no escapes).
    @inline(__always) mutating func currency() throws(JSONSyntaxError) -> String {
        let t = try text()
        guard t.end - t.start == 3, raw(t).allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { throw Self.notSure }
        return decoded(t)
    }

    mutating func timeOfDay() throws(JSONSyntaxError) -> TimeOfDay {
        guard let v = TimeOfDay.parse(decoded(try text())) else { throw Self.notSure }
        return v
    }

    /// A deal's or an entry's status, written as Pipedeck writes it.
    @inline(__always) mutating func status() throws(JSONSyntaxError) -> DealStatus {
        let t = try text()
        if text(t, is: "open") { return .open }
        if text(t, is: "won") { return .won }
        if text(t, is: "lost") { return .lost }
        throw Self.notSure
    }

    @inline(__always) mutating func activityType() throws(JSONSyntaxError) -> ActivityType {
        let t = try text()
        if text(t, is: "call") { return .call }
        if text(t, is: "meeting") { return .meeting }
        if text(t, is: "email") { return .email }
        if text(t, is: "task") { return .task }
        if text(t, is: "deadline") { return .deadline }
        throw Self.notSure
    }

    /// An array of strings.
    mutating func strings() throws(JSONSyntaxError) -> [String] {
        var out: [String] = []
        var more = try openArray()
        while more {
            out.append(try stringValue())
            more = try nextElement()
        }
        return out
    }
}
