import PipedeckCore

/// Takes the elements of a streamed array (`JSONTapeParser.sink`) as they are parsed: `nodes`
/// holds the element's nodes from `first` on, valid only during the call.
protocol TapeElementSink: AnyObject {
    /// The array starts: its node, the offset of its "[", and the file's "version" when it came
    /// before (the deals are read by its rules).
    func begin(arrayNode: Int, at offset: Int, version: Int?)
    func element(_ nodes: UnsafeBufferPointer<JSONNode>, first: Int, index: Int, bomLength: Int)
    /// What the fast path reads deals with (`JSONTapeParser.fastDeal`); nil when it may not be
    /// used, and every element goes through the tape and `element`.
    var fastReader: FastDealReader? { get }
    /// A deal the fast path read, whose object started at `offset`: false when it is not taken
    /// (its id came before), and the element is then parsed and given to `element`.
    func take(_ deal: consuming Deal, at offset: Int, index: Int) -> Bool
    /// Elements read ahead by someone else from `offset` on: how many, and the offset just after
    /// the last of them; nil when there are none from there.
    func readAhead(from offset: Int, index: Int) -> (count: Int, end: Int)?
    /// The array is done (or the parse failed): nothing may read the bytes any more.
    func end()
}

/// The board's "deals" array, streamed: each deal goes to a sink as soon as it is parsed, so the
/// tape never holds more than one deal's nodes.
extension JSONTapeParser {
    /// Whether string node `k` is the plain key "deals".
    func isDealsKey(_ k: Int) -> Bool {
        let n = nodes[k]
        guard !n.escaped, n.end - n.start == 5 else { return false }
        let s = Int(n.start)
        return bytes[s] == 0x64 && bytes[s + 1] == 0x65 && bytes[s + 2] == 0x61 && bytes[s + 3] == 0x6C
            && bytes[s + 4] == 0x73
    }

    /// The whole-number value of the top-level member "version", if it is among the members
    /// parsed before node `limit`.
    func versionBefore(_ limit: Int) -> Int? {
        guard !nodes.isEmpty, nodes[0].kind == .object else { return nil }
        var k = 1
        while k + 1 < limit {
            let key = nodes[k], value = nodes[k + 1]
            let s = Int(key.start)
            if !key.escaped, key.end - key.start == 7, value.kind == .number,
                Array(bytes[s..<s + 7]) == Array("version".utf8)
            {
                var n = 0
                for i in Int(value.start)..<Int(value.end) {
                    guard isDigit(bytes[i]), n < 1_000_000 else { return nil }
                    n = n * 10 + Int(bytes[i] &- 0x30)
                }
                return n
            }
            k = value.kind == .array || value.kind == .object ? Int(value.end) : k + 2
        }
        return nil
    }

    /// An array whose elements go to `sink` as they are parsed: the tape keeps only the array's
    /// own node (its count, no contents).
    mutating func streamedArray(_ sink: any TapeElementSink) throws(JSONSyntaxError) {
        try enter()
        let index = nodes.count
        nodes.append(JSONNode(kind: .array, escaped: false, start: UInt32(pos), end: 0, count: 0))
        sink.begin(arrayNode: index, at: pos, version: versionBefore(index - 1))
        defer { sink.end() }
        pos += 1
        skipWhitespace()
        var count: UInt32 = 0
        if peek() == UInt8(ascii: "]") {
            pos += 1
        } else {
            while true {
                if let ahead = sink.readAhead(from: pos, index: Int(count)) {
                    count += UInt32(ahead.count)
                    pos = ahead.end
                    skipWhitespace()
                    let c = peek()
                    if c == UInt8(ascii: ",") { pos += 1; skipWhitespace(); continue }
                    if c == UInt8(ascii: "]") { pos += 1; break }
                    throw fail(StorageStrings.expectedCommaOrBracket)
                }
                if !fastElement(sink, index: Int(count)) {
                    if !startsValue(peek()) {
                        throw fail(
                            count == 0
                                ? StorageStrings.expectedValueOrEndOfArray : StorageStrings.expectedValueAfterComma)
                    }
                    let first = nodes.count
                    try value()
                    nodes.withUnsafeBufferPointer {
                        sink.element($0, first: first, index: Int(count), bomLength: bomLength)
                    }
                    nodes.removeSubrange(first...)
                }
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

    /// The element at `pos` read by the fast path and taken by `sink`; false, with `pos` where it
    /// was, when it is not.
    @inline(__always) mutating func fastElement(_ sink: any TapeElementSink, index: Int) -> Bool {
        guard let reader = sink.fastReader else { return false }
        let at = pos
        if let deal = fastDeal(reader), sink.take(deal, at: at, index: index) { return true }
        pos = at
        return false
    }
}
