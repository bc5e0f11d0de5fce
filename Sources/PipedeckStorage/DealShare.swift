import Foundation
import PipedeckCore

/// The deals of a large board shared between two cores while they are decoded, so that both
/// finish at about the same time however their speeds differ (on a virtual machine, memory
/// touched for the first time costs one core much more than the other, and which one changes
/// from run to run: a fixed split left one core idle for up to 180 ms of a 450 ms open).
///
/// The main parser reads from the first deal on (`DealStream`); the other core starts at a deal
/// near the middle. Each side holds a claim: from where it is to where it must stop, reserved a
/// little ahead of where it reads (`Sizes.step`). A side that has finished its claim takes the
/// far half of what the other has not reserved yet, as a piece of its own, and so on while what
/// is left is worth sharing (`Sizes.leastShare`).
///
/// A piece starts where Pipedeck's layout shows a deal starts (`dealStart`). The main parser
/// takes the pieces over in the order of the file, and only while each begins exactly where the
/// one before ended and all its deals read (`DealStream.takeShared`): anywhere else it reads on
/// from there itself, and says what is wrong as a whole read would.
final class DealShare: @unchecked Sendable {
    enum Side: Int {
        case main = 0
        case other = 1
    }

    /// How the work is cut (smaller in the tests, to make many pieces of a small board).
    struct Sizes: Sendable {
        /// How far ahead of where it reads a side reserves its claim (bytes).
        var step = 256 << 10
        /// The least a side must have left unreserved for half of it to be taken (bytes).
        var leastShare = 1 << 20
        /// For the tests: this side waits `pause` microseconds before each deal (the slow core).
        var slow: Side? = nil
        var pause: UInt32 = 200
        static let standard = Sizes()
    }

    /// What a side is reading: up to `stop` (the start of a deal, or past the array: to its end),
    /// of which everything below `limit` is reserved.
    private struct Claim {
        var stop: Int
        var limit: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let sizes: Sizes
    /// Where the other core began.
    let middle: Int
    private let lock = NSLock()
    private var claims: [Claim]
    private var stopped = false
    private var pieces: [DealPiece] = []
    private let group = DispatchGroup()
    private var waited = false

    /// Starts the other core at `middle` (a deal's start), with a decoder of its own by
    /// `version`'s rules; the main side claims the deals from `first` to there.
    init(
        bytes: UnsafeBufferPointer<UInt8>, first: Int, middle: Int, sizes: Sizes,
        decoding: (path: String, now: Timestamp, version: Int, fast: Bool), buffer: ReadBuffer?
    ) {
        self.bytes = bytes
        self.sizes = sizes
        self.middle = middle
        claims = [Claim(stop: middle, limit: first), Claim(stop: bytes.count, limit: middle)]
        group.enter()
        Thread.detachNewThread {
            self.runOther(decoding, buffer)
            self.group.leave()
        }
    }

    private func runOther(_ decoding: (path: String, now: Timestamp, version: Int, fast: Bool), _ buffer: ReadBuffer?) {
        let decoder = BoardDecoder(reader: DealShare.emptyReader(bytes), path: decoding.path, now: decoding.now)
        decoder.fileVersion = decoding.version
        let fast = decoding.fast && decoding.version == Board.schemaVersion
        var r = PieceReader(
            bytes: bytes, side: .other, decoder: decoder, reader: fast ? FastDealReader(decoder: decoder) : nil,
            pages: buffer == nil ? nil : LargePages(), buffer: buffer, expected: DealStream.count(bytes.count - middle))
        var next: (start: Int, stop: Int)? = (middle, bytes.count)
        while let claim = next {
            let piece = r.read(claim, share: self)
            add(piece)
            next = piece.stoppedShort ? nil : steal(by: .other)
        }
    }

    /// Side `side` is about to read the deal at `at`, past its reservation: the new end of its
    /// reservation, or nil when its claim ends there (its stop was reached, or the decode was
    /// stopped). A claim that ends is left empty: nothing more is taken from it.
    func extend(_ side: Side, at: Int) -> Int? {
        lock.withLock {
            let i = side.rawValue
            guard !stopped, at < claims[i].stop else {
                claims[i] = Claim(stop: at, limit: at)
                return nil
            }
            claims[i].limit = min(claims[i].stop, at + sizes.step)
            return claims[i].limit
        }
    }

    /// Side `side` stopped reading its claim at `at` (the end of the array, or a deal it could
    /// not read): nothing more is taken from it.
    func ended(_ side: Side, at: Int) {
        lock.withLock { claims[side.rawValue] = Claim(stop: at, limit: at) }
    }

    /// The far half of what the other side has not reserved, claimed by `thief`: where its
    /// piece starts and where it stops; nil when too little is left, no deal start is found
    /// there, or the decode was stopped.
    func steal(by thief: Side) -> (start: Int, stop: Int)? {
        lock.withLock {
            let v = 1 - thief.rawValue
            let from = claims[v].limit, to = claims[v].stop
            guard !stopped, to - from >= sizes.leastShare,
                let c = DealShare.dealStart(bytes, from: from + (to - from) / 2, before: to)
            else { return nil }
            claims[v].stop = c
            claims[thief.rawValue] = Claim(stop: to, limit: c)
            return (c, to)
        }
    }

    func add(_ piece: DealPiece) {
        lock.withLock { pieces.append(piece) }
    }

    /// Waits for the other core to finish (after stopping it, when `stopping`); every piece,
    /// in the order of the file.
    func finish(stopping: Bool) -> [DealPiece] {
        if stopping { lock.withLock { stopped = true } }
        if !waited {
            group.wait()
            waited = true
        }
        return lock.withLock { pieces.sorted { $0.start < $1.start } }
    }

    /// The start of a deal near the middle of the array that starts at `offset`; nil when there
    /// is none (`dealStart`). If it is not really where a deal starts, the main parser never
    /// gets there and the other core's work is dropped.
    static func middleDeal(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Int? {
        dealStart(bytes, from: offset + (bytes.count - offset) / 2, before: bytes.count, within: 4_000_000)
    }

    /// The start of the first deal from `from` on and before `before`, by the layout Pipedeck
    /// writes ("    },\n    {\n" between deals, the only place a brace is indented by four
    /// spaces inside the deals); looked for over `within` bytes at most. Nil when there is none.
    static func dealStart(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, before: Int, within: Int = 64 << 10
    ) -> Int? {
        let pattern = DealShare.between
        let end = min(before, bytes.count - pattern.count, from + within)
        var i = max(from - pattern.count, 0)
        while i < end {
            if bytes[i] == 0x0A && bytes[i + 5] == 0x7D {
                var k = 1
                while k < pattern.count && bytes[i + k] == pattern[k] { k += 1 }
                if k == pattern.count {
                    let start = i + pattern.count - 2
                    if start >= from && start < before { return start }
                }
            }
            i += 1
        }
        return nil
    }

    static let between: [UInt8] = Array("\n    },\n    {\n".utf8)

    static func emptyReader(_ bytes: UnsafeBufferPointer<UInt8>) -> TapeReader {
        TapeReader(bytes: bytes, nodes: UnsafeBufferPointer(start: nil, count: 0), bomLength: 0)
    }
}

/// Deals read on one side from `start` to where its claim ended.
final class DealPiece: @unchecked Sendable {
    let start: Int
    let side: DealShare.Side
    /// In memory of their own: moved into the board's array without a copy (a copy retains
    /// every string and array of each deal, and dropping the copied deals releases them all).
    let deals: Gathered<Deal>
    var offsets: [UInt32] = []
    /// Where each deal's object ends.
    var ends: [UInt32] = []
    /// The positions (in `deals`) of the deals the fast path gave up, in order.
    var fellBack: [Int] = []
    /// Where the first deal not read starts (the "]" when `reachedEnd`).
    var next: Int
    /// It read to the end of the array.
    var reachedEnd = false
    /// It stopped before its claim's end: on a deal that did not read, one whose id came before
    /// on this side, or something other than a comma or the array's end after a deal.
    var stoppedShort = false

    init(start: Int, side: DealShare.Side, capacity: Int) {
        self.start = start
        self.side = side
        next = start
        deals = Gathered<Deal>(capacity: capacity)
        offsets.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
    }
}

/// Reads pieces of the deals array for one side: each deal parsed and decoded as the main
/// parser would, stopping at the end of the side's claim or at the first deal that does not
/// read. `ids` holds the ids of every deal this side read in its pieces.
struct PieceReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let side: DealShare.Side
    let decoder: BoardDecoder
    let reader: FastDealReader?
    let pages: LargePages?
    let buffer: ReadBuffer?
    private(set) var ids: Set<String> = []

    init(
        bytes: UnsafeBufferPointer<UInt8>, side: DealShare.Side, decoder: BoardDecoder, reader: FastDealReader?,
        pages: LargePages?, buffer: ReadBuffer?, expected: Int = 0
    ) {
        self.bytes = bytes; self.side = side; self.decoder = decoder; self.reader = reader
        self.pages = pages; self.buffer = buffer
        ids.reserveCapacity(expected)
    }

    /// Reads the deals of `claim` (its stop can move nearer while it is read: `DealShare`).
    mutating func read(_ claim: (start: Int, stop: Int), share: DealShare) -> DealPiece {
        let start = claim.start
        let piece = DealPiece(start: start, side: side, capacity: DealStream.count(claim.stop - start))
        if pages != nil { piece.deals.adviseLargePages() }
        var p = JSONTapeParser(bytes, at: start, depth: 2)
        var limit = start, releasedUpTo = start
        let slow = share.sizes.slow == side
        while true {
            let at = p.pos
            if at >= limit {
                guard let l = share.extend(side, at: at) else {
                    piece.next = at
                    return piece
                }
                limit = l
            }
            if slow { usleep(share.sizes.pause) }
            let index = piece.deals.count
            if let pages, index & 255 == 0 { pages.follow() }
            do {
                let deal: Deal
                if let reader, let d = p.fastDeal(reader) {
                    deal = d
                } else {
                    let first = p.nodes.count
                    try p.value()
                    let decoder = self.decoder, bytes = self.bytes
                    deal = try p.nodes.withUnsafeBufferPointer { (nodes) throws(LoadError) -> Deal in
                        decoder.r = TapeReader(bytes: bytes, nodes: nodes, bomLength: 0)
                        decoder.place = .deal(index: index, id: nil)
                        return try decoder.element(first, DealSchema.deal)
                    }
                    piece.fellBack.append(index)
                }
                guard ids.insert(deal.id).inserted else { return short(piece, at, share) }
                piece.deals.append(consume deal)
                piece.offsets.append(UInt32(at))
                piece.ends.append(UInt32(p.pos))
                if let buffer { releasedUpTo = buffer.release(from: releasedUpTo, to: at) }
            } catch {
                return short(piece, at, share)
            }
            p.nodes.removeAll(keepingCapacity: true)
            p.skipWhitespace()
            guard p.peek() == UInt8(ascii: ",") else {
                piece.reachedEnd = p.peek() == UInt8(ascii: "]")
                if !piece.reachedEnd { return short(piece, p.pos, share) }
                piece.next = p.pos
                share.ended(side, at: p.pos)
                return piece
            }
            p.pos += 1
            p.skipWhitespace()
        }
    }

    private func short(_ piece: DealPiece, _ at: Int, _ share: DealShare) -> DealPiece {
        piece.stoppedShort = true
        piece.next = at
        share.ended(side, at: at)
        return piece
    }
}
