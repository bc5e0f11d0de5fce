import Foundation
import PipedeckCore

/// A board file's deals found by their bytes, without decoding them: where each element of the
/// top-level `"deals"` array starts and ends, and its `"id"` as written. A sync compares two
/// versions of a 10 000-deal board this way and decodes only the few deals whose bytes differ
/// (`BoardDelta`), instead of decoding both boards whole.
///
/// The scan follows JSON's structure (strings, escapes, nesting), not the layout, so it holds for
/// any file; what it cannot be sure of (no `"deals"` array, an element that is not an object or
/// has no string id, two `"deals"` or two `"id"`, broken nesting) makes it give up (nil), and the
/// caller decodes the boards whole.
public struct DealChunks {
    /// Where the array's `[` and `]` are.
    var open: Int
    var close: Int
    /// Each element's bytes (from its `{` to its `}`) and the bytes of its id between the quotes.
    var deals: [(id: Range<Int>, range: Range<Int>)]

    init?(_ b: UnsafeBufferPointer<UInt8>) {
        guard let found = DealChunks.scan(b) else { return nil }
        self = found
    }

    private init(open: Int, close: Int, deals: [(id: Range<Int>, range: Range<Int>)]) {
        self.open = open; self.close = close; self.deals = deals
    }

    private enum Want { case nothing, dealsArray, idString }

    private static func scan(_ b: UnsafeBufferPointer<UInt8>) -> DealChunks? {
        let quote = UInt8(ascii: "\""), colon = UInt8(ascii: ":")
        let n = b.count
        var i = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
        var depth = 0
        var open = -1, close = -1, inDeals = false
        var want = Want.nothing
        var deals: [(id: Range<Int>, range: Range<Int>)] = []
        deals.reserveCapacity(n / 1_000 + 16)
        var start = -1
        var id: Range<Int>? = nil
        // Between the deals: one comma after each but the last.
        var needComma = false, lastWasComma = false
        while i < n {
            if want == .nothing && !(inDeals && depth == 2) {
                // Blanks, numbers, commas, colons: passed over in a tight loop.
                while i < n {
                    let c = b[i] | 0x20
                    if c == 0x22 || c == 0x7B || c == 0x7D { break }
                    i += 1
                }
                if i == n { break }
            }
            let c = b[i]
            switch c {
            case quote:
                let s = i + 1
                guard let j = DealChunks.closingQuote(b, from: s) else { return nil }
                var k = j + 1
                while k < n, DealChunks.isSpace(b[k]) { k += 1 }
                if k < n, b[k] == colon {
                    guard want == .nothing else { return nil }
                    if depth == 1 && DealChunks.equal(b, s..<j, "deals") {
                        guard open < 0 else { return nil }
                        want = .dealsArray
                    } else if depth == 3 && inDeals && DealChunks.equal(b, s..<j, "id") {
                        guard id == nil else { return nil }
                        want = .idString
                    }
                    i = k + 1
                    continue
                }
                switch want {
                case .dealsArray: return nil
                case .idString: id = s..<j
                case .nothing: break
                }
                want = .nothing
                i = j + 1
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                switch want {
                case .idString: return nil
                case .dealsArray:
                    guard c == UInt8(ascii: "["), depth == 1 else { return nil }
                    open = i
                    inDeals = true
                case .nothing:
                    if inDeals && depth == 2 {
                        guard c == UInt8(ascii: "{"), !needComma else { return nil }
                        lastWasComma = false
                        start = i
                        id = nil
                    }
                }
                want = .nothing
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard want == .nothing, depth > 0 else { return nil }
                depth -= 1
                if inDeals && depth == 2 {
                    guard c == UInt8(ascii: "}"), let found = id else { return nil }
                    deals.append((found, start..<(i + 1)))
                    needComma = true
                } else if inDeals && depth == 1 {
                    guard c == UInt8(ascii: "]"), !lastWasComma else { return nil }
                    close = i
                    inDeals = false
                }
            default:
                // A number, true, false, null, a comma or a blank: only blanks may stand where a
                // "deals" array or a string id is expected.
                if inDeals && depth == 2 && c == UInt8(ascii: ",") {
                    guard needComma else { return nil }
                    needComma = false
                    lastWasComma = true
                } else if (want != .nothing || inDeals && depth == 2) && !DealChunks.isSpace(c) {
                    return nil
                }
            }
            i += 1
        }
        guard depth == 0, want == .nothing, open >= 0, close > open else { return nil }
        return DealChunks(open: open, close: close, deals: deals)
    }

    /// Where the string whose text starts at `from` ends (its closing quote: one not escaped by
    /// an odd number of backslashes); nil when it does not.
    @inline(__always)
    static func closingQuote(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = b.baseAddress else { return nil }
        var j = from
        while j < b.count {
            guard let found = memchr(base + j, 0x22, b.count - j) else { return nil }
            j = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            var k = j - 1
            while k >= from && b[k] == 0x5C { k -= 1 }
            if (j - 1 - k) % 2 == 0 { return j }
            j += 1
        }
        return nil
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

    static func equal(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ word: StaticString) -> Bool {
        guard r.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<r.count where b[r.lowerBound + k] != w[k] { return false }
        return true
    }
}
