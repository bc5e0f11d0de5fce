import Foundation
import PipedeckCore

/// Two versions of a board file compared deal by deal by their bytes (`DealChunks`), so that a
/// sync of a one-deal change on a 10 000-deal board decodes two deals, not two boards.
///
/// `old` and `new` are the two boards holding only the deals whose bytes differ (added, removed
/// or changed, in their files' order) and everything else of the board: the changes between
/// them (`BoardChanges`, `Board.stamped`) are those between the whole boards, since a deal
/// written with the same bytes in the same surroundings reads the same. When the two files differ
/// outside their deals (a stage, a setting, the version), or a file's deals cannot be found by
/// their bytes, there is no delta (nil) and the callers decode the boards whole.
public struct BoardDelta {
    public var old: Board
    public var new: Board
    /// Where the deals are in the new file.
    public var chunks: DealChunks

    public init?(old: [UInt8], new: [UInt8], path: String) {
        guard let (a, b, chunks) = BoardDelta.partial(old: old, new: new) else { return nil }
        let now = Timestamp.now()
        let decoded = [a, b].map { bytes in
            try? BoardDocument.decode(bytes: bytes, path: path, now: now)
        }
        // A deal that does not read: the whole file is read, for a message that points at it.
        guard let o = decoded[0], let n = decoded[1] else { return nil }
        self.old = o
        self.new = n
        self.chunks = chunks
    }

    /// The two files cut down to the deals whose bytes differ; nil when that cannot be done safely.
    static func partial(old: [UInt8], new: [UInt8]) -> ([UInt8], [UInt8], DealChunks)? {
        guard let m = match(old, new) else { return nil }
        var unchanged = [Bool](repeating: false, count: m.old.deals.count)
        for k in m.same { if let k { unchanged[k] = true } }
        let older = m.old.deals.indices.filter { !unchanged[$0] }.map { m.old.deals[$0].range }
        let newer = m.new.deals.indices.filter { m.same[$0] == nil }.map { m.new.deals[$0].range }
        return (cut(old, m.old, older), cut(new, m.new, newer), m.new)
    }

    /// Both files' deals and, for each deal of `new`, the deal of `old` with the same id and the
    /// same bytes (nil: it differs, or is new); nil when the files differ outside their deals, a
    /// file's deals cannot be found or one has an id twice.
    static func match(_ old: [UInt8], _ new: [UInt8]) -> (old: DealChunks, new: DealChunks, same: [Int?])? {
        old.withUnsafeBufferPointer { o in
            new.withUnsafeBufferPointer { n -> (DealChunks, DealChunks, [Int?])? in
                guard let co = DealChunks(o), let cn = DealChunks(n),
                    same(o, 0..<(co.open + 1), n, 0..<(cn.open + 1)),
                    same(o, co.close..<o.count, n, cn.close..<n.count)
                else { return nil }
                var before: [ArraySlice<UInt8>: Int] = [:]
                before.reserveCapacity(co.deals.count)
                for (k, d) in co.deals.enumerated() {
                    guard before.updateValue(k, forKey: old[d.id]) == nil else { return nil }
                }
                var seen = Set<ArraySlice<UInt8>>()
                seen.reserveCapacity(cn.deals.count)
                var matched: [Int?] = []
                matched.reserveCapacity(cn.deals.count)
                for d in cn.deals {
                    let id = new[d.id]
                    guard seen.insert(id).inserted else { return nil }
                    if let k = before[id], same(o, co.deals[k].range, n, d.range) {
                        matched.append(k)
                    } else {
                        matched.append(nil)
                    }
                }
                return (co, cn, matched)
            }
        }
    }

    /// The file with only the deals at `keep`.
    static func cut(_ bytes: [UInt8], _ c: DealChunks, _ keep: [Range<Int>]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(c.open + 1 + (bytes.count - c.close) + keep.reduce(0) { $0 + $1.count + 1 })
        out += bytes[0...c.open]
        for (k, r) in keep.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out += bytes[r]
        }
        out += bytes[c.close...]
        return out
    }

    static func same(
        _ a: UnsafeBufferPointer<UInt8>, _ ra: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, _ rb: Range<Int>
    ) -> Bool {
        guard ra.count == rb.count else { return false }
        if ra.isEmpty { return true }
        return memcmp(a.baseAddress! + ra.lowerBound, b.baseAddress! + rb.lowerBound, ra.count) == 0
    }

    /// `bytes` (a file whose deals are at `chunks`) with the deals of `board` written in place of
    /// those with the same ids, each encoded as the whole file would write it; nil when one of
    /// them is not there once, or when the file is in an older layout (the whole file is then
    /// written again, rather than a file half in each layout).
    public static func splice(_ bytes: [UInt8], chunks cb: DealChunks, with board: Board) -> [UInt8]? {
        guard BoardDocument.mayBeInCurrentLayout(bytes) else { return nil }
        let encoded = BoardDocument.encodeBytes(board)
        return encoded.withUnsafeBufferPointer { e -> [UInt8]? in
            guard let ce = DealChunks(e) else { return nil }
            var replacement: [ArraySlice<UInt8>: Range<Int>] = [:]
            for d in ce.deals { replacement[encoded[d.id]] = d.range }
            guard replacement.count == board.deals.count else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 256 * replacement.count)
            var at = 0
            var used = 0
            for d in cb.deals {
                guard let r = replacement[bytes[d.id]] else { continue }
                out += bytes[at..<d.range.lowerBound]
                out += encoded[r]
                at = d.range.upperBound
                used += 1
            }
            guard used == replacement.count else { return nil }
            out += bytes[at...]
            return out
        }
    }

    /// The changes from the board in `old` to the one in `new`, with a board to tell them on
    /// (stage names, currency): the delta's when there is one, else both decoded whole. nil
    /// when a side does not read.
    public static func changes(old: [UInt8], new: [UInt8], path: String) -> (changes: BoardChanges, board: Board)? {
        if let d = BoardDelta(old: old, new: new, path: path) { return (BoardChanges(from: d.old, to: d.new), d.new) }
        let now = Timestamp.now()
        let boards = Concurrently.results(
            [old, new].map { bytes in
                { @Sendable () throws -> Board in
                    try BoardDocument.decode(bytes: bytes, path: path, now: now)
                }
            })
        guard let o = try? boards[0].get(), let n = try? boards[1].get() else { return nil }
        return (BoardChanges(from: o, to: n), n)
    }
}

extension BoardDelta {
    /// The board in `other`, made from `base` (decoded from `baseBytes`) and only the deals
    /// whose bytes differ: what decoding `other` whole gives, for a fraction of the work (the merge
    /// driver gets two sides that differ from their common version by a few deals). nil when the
    /// files differ outside their deals or their deals cannot be matched by their bytes.
    public static func board(_ other: [UInt8], from base: Board, bytes baseBytes: [UInt8], path: String) -> Board? {
        // The file's deals are the board's, in order (an id written with escapes is not compared).
        guard let m = match(baseBytes, other), m.old.deals.count == base.deals.count,
            zip(m.old.deals, base.deals).allSatisfy({ $1.id.utf8.elementsEqual(baseBytes[$0.id]) })
        else { return nil }
        let differ = m.new.deals.indices.filter { m.same[$0] == nil }.map { m.new.deals[$0].range }
        let rest = cut(other, m.new, differ)
        let read = try? BoardDocument.decode(bytes: rest, path: path)
        guard let read, read.deals.count == differ.count else { return nil }
        var fresh = read.deals.makeIterator()
        var board = base
        board.deals = m.same.map { k in k.map { base.deals[$0] } ?? fresh.next()! }
        return board
    }
}
