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
        try openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"))
    }

    /// After a member's value: true when another member follows, false at the object's end (passed).
    @inline(__always) mutating func nextMember() throws(JSONSyntaxError) -> Bool {
        try nextInContainer(closing: UInt8(ascii: "}"))
    }

    /// At a `[`: goes past it; false when the array is empty (its `]` passed too).
    @inline(__always) mutating func openArray() throws(JSONSyntaxError) -> Bool {
        try openContainer(UInt8(ascii: "["), UInt8(ascii: "]"))
    }

    /// After an element: true when another follows, false at the array's end (passed).
    @inline(__always) mutating func nextElement() throws(JSONSyntaxError) -> Bool {
        try nextInContainer(closing: UInt8(ascii: "]"))
    }

    @inline(__always) private mutating func openContainer(_ opening: UInt8, _ closing: UInt8) throws(JSONSyntaxError)
        -> Bool
    {
        guard peek() == opening else { throw Self.notSure }
        pos += 1
        skipLayout()
        if peek() == closing { pos += 1; return false }
        return true
    }

    @inline(__always) private mutating func nextInContainer(closing: UInt8) throws(JSONSyntaxError) -> Bool {
        var c = peek()
        if c != UInt8(ascii: ",") && c != closing {
            skipWhitespace()
            c = peek()
        }
        if c == UInt8(ascii: ",") { pos += 1; skipLayout(); return true }
        if c == closing { pos += 1; return false }
        throw Self.notSure
    }

    /// An array whose elements `element` reads.
    @inline(__always) mutating func list<T>(_ element: (inout JSONTapeParser) throws(JSONSyntaxError) -> T)
        throws(JSONSyntaxError) -> [T]
    {
        var out: [T] = []
        var more = try openArray()
        while more {
            out.append(try element(&self))
            more = try nextElement()
        }
        return out
    }

    /// Whitespace, Pipedeck's layout first: a line break and the next line's indentation,
    /// measured in one look at eight bytes.
    @inline(__always) mutating func skipLayout() {
        if pos + 9 <= bytes.count && bytes[pos] == 0x0A {
            let other = word(at: pos + 1) ^ 0x2020_2020_2020_2020
            if other != 0 {
                let p = pos + 1 + other.trailingZeroBitCount >> 3
                let c = bytes[p]
                if c != 0x20 && c != 0x0A && c != 0x0D && c != 0x09 {
                    pos = p
                    return
                }
            }
        }
        skipWhitespace()
    }

    /// The field of `table` that a member's key names, once only in the object (`seen`); `pos`
    /// goes to the member's value. An escaped key, an unknown one or one named twice: not sure.
    @inline(__always) mutating func key(_ table: KeyTable, _ seen: inout UInt64) throws(JSONSyntaxError) -> Int {
        guard peek() == UInt8(ascii: "\"") else { throw Self.notSure }
        let start = pos + 1
        var found: Int? = nil
        if start + 16 <= bytes.count {
            // The key's first 16 bytes, read once: a plain key of up to 15 bytes ends at the
            // first byte a string stops at, a quote.
            let w0 = word(at: start), w1 = word(at: start + 8)
            let s0 = JSONTapeParser.specialBytes(w0), s1 = JSONTapeParser.specialBytes(w1)
            let n = s0 != 0 ? s0.trailingZeroBitCount >> 3 : s1 != 0 ? 8 + s1.trailingZeroBitCount >> 3 : 16
            if n < 16 && bytes[start + n] == UInt8(ascii: "\"") {
                found = table.field(w0, w1, n)
                pos = start + n
            }
        }
        if pos < start {
            pos = start
            if try stringText() { throw Self.notSure }
            found = table.field(bytes.baseAddress! + start, pos - start, readable: bytes.count - start)
        }
        guard let f = found else { throw Self.notSure }
        let bit: UInt64 = 1 << UInt64(f)
        if seen & bit != 0 { throw Self.notSure }
        seen |= bit
        pos += 1
        // Pipedeck writes `": "`.
        if peek() != UInt8(ascii: ":") {
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw Self.notSure }
        }
        pos += 1
        if peek() == 0x20 { pos += 1 }
        let c = peek()
        if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { skipWhitespace() }
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

    /// A string value, found among the short strings already made when it is one.
    @inline(__always) mutating func stringValue(_ known: ShortStrings) throws(JSONSyntaxError) -> String {
        let t = try text()
        let n = t.end - t.start
        guard !t.escaped, n < 16, t.start + 16 <= bytes.count else { return decoded(t) }
        let (slot, a, b) = known.slot(word(at: t.start), word(at: t.start + 8), n)
        if slot.pointee.length == n && slot.pointee.w0 == a && slot.pointee.w1 == b { return slot.pointee.string }
        let s = decoded(t)
        slot.pointee = ShortStrings.Slot(w0: a, w1: b, length: n, string: s)
        return s
    }

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
        if let m = plainMoney() { return m }
        guard case .money(let m) = try decimal().amount else { throw Self.notSure }
        return m
    }

    /// The sign and whole part of a number at `pos` written in the usual form (up to 18 digits,
    /// no leading zero): its value and where the digits end; nil for anything else.
    @inline(__always) func plainUnits() -> (negative: Bool, units: Int64, end: Int)? {
        var i = pos
        let n = bytes.count
        let negative = i < n && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let start = i
        var units: Int64 = 0
        while i < n && isDigit(bytes[i]) && i - start < 18 {
            units = units * 10 + Int64(bytes[i] &- 0x30)
            i += 1
        }
        // No digit, a leading zero, or more digits than counted here.
        guard i > start, bytes[start] != 0x30 || i == start + 1, i == n || !isDigit(bytes[i]) else { return nil }
        return (negative, units, i)
    }

    /// An amount in its usual form — up to 18 digits, maybe a point and up to six more, no
    /// exponent — counted in micros directly: what `ExactDecimal.parse(…).amount` gives for it.
    /// Nil, with `pos` unchanged, for any other form or an amount that is not one (the exact
    /// readers decide).
    @inline(__always) mutating func plainMoney() -> Money? {
        guard case (let negative, let units, var i)? = plainUnits() else { return nil }
        let n = bytes.count
        var micros: Int64 = 0
        if i < n && bytes[i] == UInt8(ascii: ".") {
            i += 1
            let f = i
            var unit: Int64 = 100_000
            while i < n && isDigit(bytes[i]) && i - f < 6 {
                micros += Int64(bytes[i] &- 0x30) * unit
                unit /= 10
                i += 1
            }
            guard i > f, i == n || !isDigit(bytes[i]) else { return nil }
        }
        // An exponent, more than two decimals that are not zeros, or a negative amount.
        if i < n && bytes[i] | 0x20 == UInt8(ascii: "e") { return nil }
        if micros % 10_000 != 0 || negative && (units != 0 || micros != 0) { return nil }
        pos = i
        return Money(micros: Int128(units) * 1_000_000 + Int128(micros))
    }

    /// A whole number in its usual form (up to 18 digits, no point, no exponent): what
    /// `ExactDecimal.parse(…).whole` gives for it; nil, with `pos` unchanged, for any other form.
    @inline(__always) mutating func plainInteger() -> Int? {
        guard let (negative, units, i) = plainUnits() else { return nil }
        if i < bytes.count && (bytes[i] == UInt8(ascii: ".") || bytes[i] | 0x20 == UInt8(ascii: "e")) { return nil }
        pos = i
        return negative ? -Int(units) : Int(units)
    }

    @inline(__always) mutating func percent() throws(JSONSyntaxError) -> Percent {
        guard let p = try decimal().percent else { throw Self.notSure }
        return p
    }

    /// A whole number in `range`.
    @inline(__always) mutating func whole(in range: ClosedRange<Int> = Int.min...Int.max) throws(JSONSyntaxError)
        -> Int
    {
        var v = plainInteger()
        if v == nil { v = try decimal().whole }
        guard let v, range.contains(v) else { throw Self.notSure }
        return v
    }

    @inline(__always) mutating func timestamp(_ known: KnownDates) throws(JSONSyntaxError) -> Timestamp {
        let t = try text()
        if !t.escaped && t.end - t.start == 20, let v = utcTime(at: t.start, known) { return v }
        guard let v = t.escaped ? Timestamp.parse(decoded(t)) : Timestamp.parse(utf8: raw(t)) else {
            throw Self.notSure
        }
        return v
    }

    @inline(__always) mutating func day(_ known: KnownDates) throws(JSONSyntaxError) -> Day {
        let t = try text()
        if !t.escaped && t.end - t.start == 10, let d = date(at: t.start, known) { return d }
        guard let v = t.escaped ? Day.parse(decoded(t)) : Day.parse(utf8: raw(t)) else { throw Self.notSure }
        return v
    }

    /// The date "YYYY-MM-DD" at `s` as `Day.parse` reads it; one already read is found in
    /// `known` (a board's dates fall on a few hundred days).
    @inline(__always) func date(at s: Int, _ known: KnownDates) -> Day? {
        let p = UnsafeRawPointer(bytes.baseAddress! + s)
        let w = p.loadUnaligned(as: UInt64.self), w2 = p.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        let slot = known.slot(w, w2)
        if slot.pointee.w == w && slot.pointee.w2 == w2 { return slot.pointee.day }
        guard let d = Day.parse(utf8: UnsafeBufferPointer(rebasing: bytes[s..<s + 10])) else { return nil }
        slot.pointee = KnownDates.Slot(w: w, w2: w2, day: d)
        return d
    }

    /// The time "YYYY-MM-DDTHH:MM:SSZ" at `s` as `Timestamp.parse` reads it (nil for anything
    /// else: that parser decides).
    @inline(__always) func utcTime(at s: Int, _ known: KnownDates) -> Timestamp? {
        let b = bytes
        guard b[s + 10] == UInt8(ascii: "T"), b[s + 13] == 0x3A, b[s + 16] == 0x3A, b[s + 19] == UInt8(ascii: "Z"),
            let day = date(at: s, known)
        else { return nil }
        @inline(__always) func two(_ i: Int) -> Int? {
            let a = b[s + i] &- 0x30, c = b[s + i + 1] &- 0x30
            return a < 10 && c < 10 ? Int(a) * 10 + Int(c) : nil
        }
        guard let h = two(11), let m = two(14), let sec = two(17), h < 24, m < 60, sec < 61 else { return nil }
        return Timestamp(seconds: Int64(day.ordinal) * 86_400 + Int64(h * 3600 + m * 60 + sec))
    }

    /// An ISO 4217 code (three capital letters, as written: no escapes).
    @inline(__always) mutating func currency() throws(JSONSyntaxError) -> String {
        let t = try text()
        guard t.end - t.start == 3, raw(t).allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { throw Self.notSure }
        return decoded(t)
    }

    /// "HH:MM" (as `TimeOfDay.parse` reads it: the same bytes, without making a string).
    mutating func timeOfDay() throws(JSONSyntaxError) -> TimeOfDay {
        let t = try text()
        if t.escaped {
            guard let v = TimeOfDay.parse(decoded(t)) else { throw Self.notSure }
            return v
        }
        let b = bytes, s = t.start
        guard t.end - s == 5, b[s + 2] == 0x3A else { throw Self.notSure }
        let d = (b[s] &- 0x30, b[s + 1] &- 0x30, b[s + 3] &- 0x30, b[s + 4] &- 0x30)
        guard d.0 < 10, d.1 < 10, d.2 < 10, d.3 < 10,
            let v = TimeOfDay(hour: Int(d.0) * 10 + Int(d.1), minute: Int(d.2) * 10 + Int(d.3))
        else { throw Self.notSure }
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
    mutating func strings(_ known: ShortStrings) throws(JSONSyntaxError) -> [String] {
        try list { (p) throws(JSONSyntaxError) in try p.stringValue(known) }
    }
}
