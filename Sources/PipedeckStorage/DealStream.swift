import Foundation
import PipedeckCore

/// The board's deals, decoded one at a time while the parser goes through the file (each deal's
/// nodes are dropped once it is read), with their ids checked for duplicates. The first problem
/// is kept with its deal's position and thrown when the board's "deals" are read, after the
/// stages (`BoardDecoder.deals`).
///
/// On a large file the second half of the deals is read at the same time on another core
/// (`ReadAhead`); the parser takes those deals over when it gets to where they start.
///
/// Given a `ReadBuffer`, the pages of the deals already decoded are given back to the system as
/// the parser goes (both halves): a board of 100 000 deals is then built without the 150 MB file
/// beside it. Released bytes read as zeros, which no JSON parser accepts: a parse that comes
/// back to them (the other core began somewhere that was not a deal) fails, and the file is read
/// again without releasing anything (`BoardFile.readForDecoding`).
final class DealStream: TapeElementSink {
    let bytes: UnsafeBufferPointer<UInt8>
    let decoder: BoardDecoder
    /// The tape node of the streamed array.
    var arrayNode = -1
    var deals: [Deal] = []
    /// Where each deal's object starts in the file.
    var offsets: [UInt32] = []
    var failure: (index: Int, error: LoadError)?
    private var seen: [String: Int] = [:]
    /// A second "deals" member (refused later as a duplicate field) is not read.
    private var done = false
    private var ahead: ReadAhead?
    /// The file's version the deals were read by. Pipedeck writes "version" after "deals" (keys
    /// in order), so it is rarely known yet: this version is assumed, and a board of an older
    /// version whose deals read differently is read again (`BoardDocument.decode`).
    private(set) var assumedVersion = Board.schemaVersion
    /// How many deals were taken from the other core (for the tests).
    private(set) var takenAhead = 0
    /// The memory the file was read into, whose decoded pages are released (nil: none are).
    let buffer: ReadBuffer?
    /// Everything from the deals' "[" up to here has been decoded (and released).
    private var releasedUpTo = 0
    /// Where the deals' "[" is.
    private var arrayStart = 0
    /// Whether deals may be read by the fast path (`JSONTapeParser.fastDeal`).
    let fast: Bool
    private let reader: FastDealReader
    /// Large pages for the memory the deals go to (a large file only).
    private let pages: LargePages?
    /// How many deals the fast path read, and how many the schema's reader (for the tests and
    /// the bench: a board Pipedeck wrote should need none of the latter).
    private(set) var counts = DealCounts()

    /// About how many deals `size` bytes hold (Pipedeck writes about 1 100 bytes a deal).
    static func count(_ size: Int) -> Int { size / 1_000 + 16 }

    /// Files above this size have their deals read on two cores.
    static let twoCoresAbove = 2_000_000

    init(bytes: UnsafeBufferPointer<UInt8>, path: String, now: Timestamp, buffer: ReadBuffer? = nil, fast: Bool = true)
    {
        self.bytes = bytes
        self.buffer = buffer
        self.fast = fast
        decoder = BoardDecoder(reader: ReadAhead.emptyReader(bytes), path: path, now: now)
        reader = FastDealReader(decoder: decoder)
        let guess = DealStream.count(bytes.count)
        deals.reserveCapacity(guess)
        pages = buffer == nil ? nil : LargePages()
        if pages != nil {
            deals.withUnsafeMutableBufferPointer {
                LargePages.advise(UnsafeMutableRawPointer($0.baseAddress), guess * MemoryLayout<Deal>.stride)
            }
        }
        offsets.reserveCapacity(guess)
        seen.reserveCapacity(guess)
    }

    func begin(arrayNode: Int, at offset: Int, version: Int?) {
        if self.arrayNode >= 0 { done = true; return }
        self.arrayNode = arrayNode
        arrayStart = offset
        releasedUpTo = offset + 1
        assumedVersion = version ?? Board.schemaVersion
        decoder.fileVersion = assumedVersion
        if bytes.count - offset > DealStream.twoCoresAbove, ProcessInfo.processInfo.activeProcessorCount > 1,
            let start = ReadAhead.middleDeal(bytes, after: offset)
        {
            ahead = ReadAhead(
                bytes: bytes, start: start, path: decoder.path, now: decoder.now, version: assumedVersion,
                buffer: buffer, fast: fast)
        }
    }

    func end() {
        ahead?.finish(stopping: true)
        ahead = nil
    }

    /// The fast path reads deals until a deal has a problem, never for a second "deals" member,
    /// and only by this version's rules.
    var fastReader: FastDealReader? {
        fast && failure == nil && !done && assumedVersion == Board.schemaVersion ? reader : nil
    }

    func take(_ deal: consuming Deal, at offset: Int, index: Int) -> Bool {
        if let pages, index & 255 == 0 { pages.follow() }
        if let prior = seen.updateValue(index, forKey: deal.id) {
            // Read again by `element`, which says so.
            seen[deal.id] = prior
            return false
        }
        deals.append(deal)
        offsets.append(UInt32(offset))
        counts.fast += 1
        if let buffer { releasedUpTo = buffer.release(from: releasedUpTo, to: offset) }
        return true
    }

    func element(_ nodes: UnsafeBufferPointer<JSONNode>, first: Int, index: Int, bomLength: Int) {
        guard failure == nil, !done else { return }
        counts.fellBack += 1
        if let pages, index & 255 == 0 { pages.follow() }
        let d = decoder
        d.r = TapeReader(bytes: bytes, nodes: nodes, bomLength: bomLength)
        d.place = .deal(index: index, id: nil)
        do {
            let deal = try d.element(first, DealSchema.deal)
            if let prior = seen.updateValue(index, forKey: deal.id) {
                let at = d.member(first, "id") ?? first
                failure = (index, d.error(at: at, StorageStrings.duplicateDealID(d.path, deal.id, prior, index)))
                return
            }
            deals.append(deal)
            offsets.append(nodes[first].start)
            if let buffer { releasedUpTo = buffer.release(from: releasedUpTo, to: Int(nodes[first].start)) }
        } catch {
            failure = (index, error)
        }
    }

    /// Makes the room the other core's deals will be moved to (about as many as `remaining`
    /// bytes hold, at the rate of the `readSoFar` bytes this side read) ready before they come:
    /// on Linux, memory touched for the first time is given page by page as it is written, and
    /// on some machines (virtual ones) that costs 1.5–2 ms a megabyte, 18 MB at 100 000 deals.
    /// Asked of the system in one call (`MADV_POPULATE_WRITE`) while the other core finishes;
    /// the room's bytes are not changed (the array's unused capacity).
    private func prepareRoom(forDealsIn remaining: Int, readSoFar: Int) {
        #if os(Linux)
            guard !deals.isEmpty, readSoFar > 0 else { return }
            let more = remaining / max(1, readSoFar / deals.count) + 64
            let from = deals.count, to = min(deals.capacity, deals.count + more)
            guard to > from else { return }
            let stride = MemoryLayout<Deal>.stride
            deals.withUnsafeMutableBufferPointer { b in
                guard let base = b.baseAddress else { return }
                LargePages.populate(UnsafeMutableRawPointer(base) + from * stride, (to - from) * stride)
            }
        #endif
    }

    /// The deals read ahead, when the parser is where they start: those before the first one
    /// the reader could not read or whose id came before (the parser reads that one itself and
    /// says what is wrong, with the right position).
    func readAhead(from offset: Int, index: Int) -> (count: Int, end: Int)? {
        guard let a = ahead, a.start == offset else { return nil }
        ahead = nil
        prepareRoom(forDealsIn: bytes.count - offset, readSoFar: offset - arrayStart)
        let read = a.finish(stopping: false)
        guard failure == nil, !done else { return nil }
        // The other core checked its own deals' ids against each other: they are looked up here
        // among this side's (no deal copied: only its id is read).
        var taken = 0
        let run = read.deals
        while taken < run.count, seen[run.pointer(taken).pointee.id] == nil { taken += 1 }
        guard taken > 0 else { return nil }
        // The deals after these are read here, and must know their ids.
        if taken < run.count || !read.reachedEnd {
            for k in 0..<taken { seen[run.pointer(k).pointee.id] = index + k }
        }
        takenAhead += taken
        let fellBack = read.fellBack.prefix { $0 < taken }.count
        counts.fellBack += fellBack
        counts.fast += taken - fellBack
        run.move(taken, to: &deals)
        offsets += read.offsets.prefix(taken)
        // The other core released what it read as it went.
        releasedUpTo = Int(read.ends[taken - 1])
        return (taken, Int(read.ends[taken - 1]))
    }
}

/// Reads deals from `start` to the end of the array on another thread: each element parsed and
/// decoded as the main parser would, stopping at the first one that does not read. The bytes
/// must outlive it: `finish` waits for it, and the stream always calls it before the parse ends.
final class ReadAhead: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    let start: Int
    private let path: String
    private let now: Timestamp
    private let version: Int
    private let group = DispatchGroup()
    private var stop = false
    private let lock = NSLock()
    /// Its deals, in memory of their own: moved into the board's array without a copy (a copy
    /// retains every string and array of each deal, and dropping the copied deals releases
    /// them all again).
    private(set) var deals = Gathered<Deal>()
    private(set) var offsets: [UInt32] = []
    /// Where each deal's object ends.
    private(set) var ends: [UInt32] = []
    private var finished = false
    private let buffer: ReadBuffer?
    private let fast: Bool
    /// The positions (in `deals`) of the deals the fast path gave up, in order.
    private(set) var fellBack: [Int] = []
    /// Whether it read to the end of the array.
    private(set) var reachedEnd = false

    init(
        bytes: UnsafeBufferPointer<UInt8>, start: Int, path: String, now: Timestamp, version: Int,
        buffer: ReadBuffer? = nil, fast: Bool = true
    ) {
        self.bytes = bytes; self.start = start; self.path = path; self.now = now; self.version = version
        self.buffer = buffer
        self.fast = fast && version == Board.schemaVersion
        group.enter()
        Thread.detachNewThread {
            self.run(); self.group.leave()
        }
    }

    static func emptyReader(_ bytes: UnsafeBufferPointer<UInt8>) -> TapeReader {
        TapeReader(bytes: bytes, nodes: UnsafeBufferPointer(start: nil, count: 0), bomLength: 0)
    }

    /// The start of a deal near the middle of the array that starts at `offset`, found by the
    /// layout Pipedeck writes ("    },\n    {" between deals); nil when there is none. If it is
    /// not really where a deal starts, the parser never gets there and the work is dropped.
    static func middleDeal(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Int? {
        let pattern: [UInt8] = Array("\n    },\n    {\n".utf8)
        var i = offset + (bytes.count - offset) / 2
        let limit = min(bytes.count - pattern.count, i + 4_000_000)
        while i < limit {
            if bytes[i] == 0x0A && bytes[i + 5] == 0x7D {
                var k = 1
                while k < pattern.count && bytes[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i + pattern.count - 2 }
            }
            i += 1
        }
        return nil
    }

    /// Reads deals until the end of the array, a deal that does not read, or one whose id came
    /// before in this half (the main parser reads that one, and says what is wrong).
    private func run() {
        let guess = DealStream.count(bytes.count - start)
        // Locals, not the properties: a property of a class is checked for exclusive access each
        // time it is changed.
        let deals = Gathered<Deal>(capacity: guess)
        var offsets: [UInt32] = [], ends: [UInt32] = [], fellBack: [Int] = []
        var ids: [String: Int] = [:]
        offsets.reserveCapacity(guess)
        ends.reserveCapacity(guess)
        ids.reserveCapacity(guess)
        var reachedEnd = false
        defer {
            self.deals = deals; self.offsets = offsets; self.ends = ends; self.fellBack = fellBack
            self.reachedEnd = reachedEnd
        }
        let decoder = BoardDecoder(reader: ReadAhead.emptyReader(bytes), path: path, now: now)
        decoder.fileVersion = version
        let reader = fast ? FastDealReader(decoder: decoder) : nil
        let pages = buffer == nil ? nil : LargePages()
        if pages != nil { deals.adviseLargePages() }
        var p = JSONTapeParser(bytes, at: start, depth: 2)
        var releasedUpTo = start
        while !lock.withLock({ stop }) {
            let first = p.nodes.count
            let at = p.pos
            let index = deals.count
            if let pages, index & 255 == 0 { pages.follow() }
            do {
                let deal: Deal
                if let reader, let d = p.fastDeal(reader) {
                    deal = d
                } else {
                    try p.value()
                    deal = try p.nodes.withUnsafeBufferPointer { (nodes) throws(LoadError) -> Deal in
                        decoder.r = TapeReader(bytes: bytes, nodes: nodes, bomLength: 0)
                        decoder.place = .deal(index: index, id: nil)
                        return try decoder.element(first, DealSchema.deal)
                    }
                    fellBack.append(index)
                }
                if ids.updateValue(index, forKey: deal.id) != nil { return }
                deals.append(consume deal)
                offsets.append(UInt32(at))
                ends.append(UInt32(p.pos))
                if let buffer { releasedUpTo = buffer.release(from: releasedUpTo, to: at) }
            } catch {
                return
            }
            p.nodes.removeAll(keepingCapacity: true)
            p.skipWhitespace()
            guard p.peek() == UInt8(ascii: ",") else {
                reachedEnd = p.peek() == UInt8(ascii: "]")
                return
            }
            p.pos += 1
            p.skipWhitespace()
        }
    }

    /// Waits for it to reach the end of the array (or stops it first); what it read.
    @discardableResult
    func finish(stopping: Bool) -> ReadAhead {
        if stopping { lock.withLock { stop = true } }
        if !finished {
            group.wait()
            finished = true
        }
        return self
    }
}

/// How a board's deals were read: by the fast path, or by the schema's reader (`DealStream`).
public struct DealCounts: Equatable, Sendable {
    public var fast = 0
    public var fellBack = 0
    public init(fast: Int = 0, fellBack: Int = 0) { self.fast = fast; self.fellBack = fellBack }
}
