import Foundation
import PipedeckCore

/// The board's deals, decoded one at a time while the parser goes through the file (each deal's
/// nodes are dropped once it is read), with their ids checked for duplicates. The first problem
/// is kept with its deal's position and thrown when the board's "deals" are read, after the
/// stages (`BoardDecoder.deals`).
///
/// On a large file the deals are shared with another core (`DealShare`); the parser takes the
/// other core's deals over when it gets to where they start.
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
    private var share: DealShare?
    /// The main side's claim is reserved up to here (`DealShare.extend`).
    private var shareLimit = 0
    private let sizes: DealShare.Sizes
    /// The file's version the deals were read by. Pipedeck writes "version" after "deals" (keys
    /// in order), so it is rarely known yet: this version is assumed, and a board of an older
    /// version whose deals read differently is read again (`BoardDocument.decode`).
    private(set) var assumedVersion = Board.schemaVersion
    /// How many deals the other core read and this side took, and in how many pieces (of
    /// either side) the deals after this side's first share came (for the tests).
    private(set) var takenAhead = 0
    private(set) var piecesTaken = 0
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

    init(
        bytes: UnsafeBufferPointer<UInt8>, path: String, now: Timestamp, buffer: ReadBuffer? = nil, fast: Bool = true,
        sizes: DealShare.Sizes = .standard
    ) {
        self.bytes = bytes
        self.sizes = sizes
        self.buffer = buffer
        self.fast = fast
        decoder = BoardDecoder(reader: DealShare.emptyReader(bytes), path: path, now: now)
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
            let middle = DealShare.middleDeal(bytes, after: offset)
        {
            share = DealShare(
                bytes: bytes, first: offset, middle: middle, sizes: sizes,
                decoding: (decoder.path, decoder.now, assumedVersion, fast), buffer: buffer)
            shareLimit = offset
        }
    }

    func end() {
        _ = share?.finish(stopping: true)
        share = nil
    }

    /// The fast path reads deals until a deal has a problem, never for a second "deals" member,
    /// and only by this version's rules.
    var fastReader: FastDealReader? {
        fast && failure == nil && !done && assumedVersion == Board.schemaVersion ? reader : nil
    }

    func take(_ deal: consuming Deal, at offset: Int, index: Int) -> Bool {
        if let pages, index & 255 == 0 { pages.follow() }
        if sizes.slow == .main, share != nil { usleep(sizes.pause) }
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

    /// The deals read by the other core, when the parser is where they start: called before
    /// each deal; nothing until the main side's claim ends (`DealShare`). Then this side takes
    /// its share of what is left, and all the pieces are taken over, in order (`takeShared`).
    func readAhead(from offset: Int, index: Int) -> (count: Int, end: Int)? {
        guard let share, offset >= shareLimit else { return nil }
        if let limit = share.extend(.main, at: offset) {
            shareLimit = limit
            return nil
        }
        self.share = nil
        guard failure == nil, !done else {
            _ = share.finish(stopping: true)
            return nil
        }
        prepareRoom(forDealsIn: bytes.count - offset, readSoFar: offset - arrayStart)
        var mine = PieceReader(
            bytes: bytes, side: .main, decoder: decoder, reader: fastReader, pages: pages, buffer: buffer)
        while let claim = share.steal(by: .main) {
            let piece = mine.read(claim, share: share)
            share.add(piece)
            if piece.stoppedShort { break }
        }
        return takeShared(share.finish(stopping: false), from: offset, index: index, mainIDs: mine.ids)
    }

    /// Takes over the pieces read ahead (`DealShare.finish`), in order from `offset` (where the
    /// parser is): while each starts where the one before ended, up to the first deal that did
    /// not read or whose id came before. The ids the other core read are looked up here among
    /// this side's (no deal copied: only its id is read); when the parser reads on after them,
    /// it learns them too. How many were taken and where the last ends; nil when none were.
    private func takeShared(_ pieces: [DealPiece], from offset: Int, index: Int, mainIDs: Set<String>)
        -> (count: Int, end: Int)?
    {
        var at = offset, end = 0, reachedEnd = false
        let first = deals.count
        for piece in pieces {
            guard piece.start == at else { break }
            let run = piece.deals, read = run.count
            var n = 0
            while n < read {
                let id = run.pointer(n).pointee.id
                if seen[id] != nil || (piece.side == .other && mainIDs.contains(id)) { break }
                n += 1
            }
            let fellBack = piece.fellBack.prefix { $0 < n }.count
            counts.fellBack += fellBack
            counts.fast += n - fellBack
            run.move(n, to: &deals)
            if n > 0 { piecesTaken += 1 }
            if piece.side == .other { takenAhead += n }
            offsets += piece.offsets.prefix(n)
            if n > 0 { end = Int(piece.ends[n - 1]) }
            if n < read || piece.stoppedShort { break }
            if piece.reachedEnd {
                reachedEnd = true
                break
            }
            at = piece.next
        }
        let taken = deals.count - first
        guard taken > 0 else { return nil }
        // The deals after these are read here, and must know their ids.
        if !reachedEnd {
            for k in 0..<taken { seen[deals[first + k].id] = index + k }
        }
        // The other core released what it read as it went.
        releasedUpTo = end
        return (taken, end)
    }
}

/// How a board's deals were read: by the fast path, or by the schema's reader (`DealStream`).
public struct DealCounts: Equatable, Sendable {
    public var fast = 0
    public var fellBack = 0
    public init(fast: Int = 0, fellBack: Int = 0) { self.fast = fast; self.fellBack = fellBack }
}
