import CPipedeckMapGuard
import Foundation
import PipedeckCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a board file for one decode, whose pages can be given back one range at a time
/// while the deals are decoded (`DealStream`).
///
/// Either the file itself, mapped read-only (`init(mapping:size:chunk:)`): nothing is copied, and
/// no fresh memory has to be zeroed for it. A page given back is read again from the file if it
/// is needed again. Another program that changes the file in place while it is decoded is seen
/// afterwards (`keptTheFile`), and one that cuts it short is caught by a guard (map_guard.h)
/// instead of ending the program: in both cases the decode is thrown away and the file read
/// again, whole. A file replaced by renaming (how Pipedeck, git and most editors save) does not
/// touch the mapping at all.
///
/// Or memory of its own the file is read into (`init(capacity:chunk:)`, where the file cannot be
/// mapped, and in the tests); a page given back then reads as zeros.
final class ReadBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    /// The bytes mapped: the file's size when it was opened, and one more.
    let capacity: Int
    /// The bytes read.
    private(set) var count = 0
    private let page = max(Int(sysconf(Int32(_SC_PAGESIZE))), 4096)
    private let lock = NSLock()
    private var releasedBytes = 0
    /// Pages are given back by ranges of at least this many bytes (fewer system calls).
    let chunk: Int
    /// The file itself is mapped (read-only): its bytes are not copied.
    let mapsFile: Bool
    /// The guard's slot while the mapping is guarded (map_guard.h), else -1.
    private var guardSlot: Int32 = -1
    /// Pages of the mapping the guard replaced with zeros (the file was cut short meanwhile).
    private var tornPages: Int32 = 0

    init?(capacity: Int, chunk: Int) {
        let p = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let p, p != MAP_FAILED else { return nil }
        // Large pages where the system allows them: a 150 MB file then takes 75 page faults to
        // read instead of 37 000 (pages are still given back in 4 KB ones).
        _ = madvise(p, capacity, MADV_HUGEPAGE)
        base = p.assumingMemoryBound(to: UInt8.self)
        self.capacity = capacity
        self.chunk = chunk
        mapsFile = false
    }

    init?(mapping fd: Int32, size: Int, chunk: Int) {
        guard size > 0 else { return nil }
        let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else { return nil }
        let slot = pd_map_guard(p, size)
        guard slot >= 0 else {
            munmap(p, size)
            return nil
        }
        guardSlot = slot
        base = p.assumingMemoryBound(to: UInt8.self)
        capacity = size
        self.chunk = chunk
        mapsFile = true
    }

    deinit {
        endGuard()
        munmap(base, capacity)
    }

    private func endGuard() {
        guard guardSlot >= 0 else { return }
        tornPages += pd_map_unguard(guardSlot)
        guardSlot = -1
    }

    /// After a decode from the mapped file: whether every byte read was the file's as it was when
    /// it was opened (`status`, from `fstat`): no page went missing, and the file still has the
    /// same identity, size and modification and change times. Ends the guard: the mapping must
    /// not be read after this. Memory read into (not mapped) always kept its bytes.
    func keptTheFile(_ fd: Int32, _ status: stat) -> Bool {
        guard mapsFile else { return true }
        endGuard()
        var now = stat()
        guard tornPages == 0, fstat(fd, &now) == 0 else { return false }
        return FileFingerprint(now) == FileFingerprint(status)
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// How many bytes were given back.
    var released: Int { lock.withLock { releasedBytes } }

    /// Reads the file's `size` bytes (fewer than the capacity) and hashes them as
    /// `ContentID.hash` does: a large file's second half is read and hashed on another thread
    /// meanwhile. Nil when a read fails or the file no longer has exactly `size` bytes (it was
    /// changed while it was read).
    func fill(from fd: Int32, size: Int) -> UInt64? {
        precondition(mapsFile ? size == capacity : size < capacity)
        let split = ContentID.split(size)
        if split == 0 {
            guard let hash = readAndHash(fd, 0..<size), ended(fd, size) else { return nil }
            count = size
            return hash
        }
        final class Half: @unchecked Sendable { var hash: UInt64? = nil }
        let second = Half()
        let group = DispatchGroup()
        group.enter()
        Thread.detachNewThread {
            second.hash = self.readAndHash(fd, split..<size)
            group.leave()
        }
        let first = readAndHash(fd, 0..<split)
        group.wait()
        guard let first, let last = second.hash, ended(fd, size) else { return nil }
        count = size
        return ContentID.combine(first, last, count: size)
    }

    /// Reads the bytes of `range` of the file to the same place here, a megabyte at a time,
    /// each hashed (`ContentID.part`) just after it is read, while it is in the cache; nil when
    /// the file ends before or a read fails.
    private func readAndHash(_ fd: Int32, _ range: Range<Int>) -> UInt64? {
        if mapsFile {
            return ContentID.part(UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
        }
        var hash = ContentID.PartHash(count: range.count)
        // The bytes read, of which those from `hashed` on are not hashed yet.
        var at = range.lowerBound, hashed = range.lowerBound
        while at < range.upperBound {
            let n = pread(fd, base + at, min(range.upperBound - at, 1 << 20), off_t(at))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }
            at += n
            let blocks = range.count >= 32 ? (at - hashed) & ~31 : 0
            hash.add(UnsafeRawBufferPointer(start: base + hashed, count: blocks))
            hashed += blocks
        }
        return hash.finish(UnsafeRawBufferPointer(start: base + hashed, count: at - hashed))
    }

    /// Whether the file ends at `size` (it did not grow).
    private func ended(_ fd: Int32, _ size: Int) -> Bool {
        var byte: UInt8 = 0
        while true {
            let n = pread(fd, &byte, 1, off_t(size))
            if n < 0 && errno == EINTR { continue }
            return n == 0
        }
    }

    /// Gives back the whole pages in `from..<to` when they make at least a chunk; returns where
    /// the next range to give back starts (the end of the last page given back, or `from`).
    func release(from: Int, to: Int) -> Int {
        guard to - from >= chunk else { return from }
        let a = (from + page - 1) / page * page, b = min(to, count) / page * page
        guard b > a else { return from }
        _ = madvise(base + a, b - a, MADV_DONTNEED)
        lock.withLock { releasedBytes += b - a }
        return b
    }
}

extension ContentID {
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        size = bytes.count
        hash = ContentID.hash(UnsafeRawBufferPointer(bytes))
    }

    init(size: Int, hash: UInt64) {
        self.size = size
        self.hash = hash
    }
}

extension BoardFile {
    /// Files from this size on are read by `readForDecoding` into memory whose pages are given
    /// back as the deals are decoded; smaller ones are read into an array.
    static let releasingAbove = 4 << 20

    /// For the tests: called once the file is mapped and hashed, before its deals are decoded
    /// (to change the file under the mapping).
    nonisolated(unsafe) static var whileMappedForTests: ((String) -> Void)?

    /// Reads and decodes the board file at `path`, with the identity of the bytes decoded (their
    /// `ContentID`, hashed before any page is given back) and the status of the file read. A large
    /// file is read into a `ReadBuffer` whose decoded pages are released as the parse goes (the
    /// peak memory of opening a big board is then about the board's, not the board's plus the
    /// file's); when that decode fails, or needs bytes already released, the file is simply read
    /// and decoded again the plain way, so that every message is the one a whole read gives.
    /// `released` (for the tests) is how many bytes were given back before the board was built,
    /// `counts` how its deals were read.
    static func readForDecoding(path: String, chunk: Int = 1 << 20, above: Int = releasingAbove) throws(LoadError)
        -> (board: Board, content: ContentID, status: stat, released: Int, counts: DealCounts)
    {
        func plain(_ bytes: [UInt8], _ st: stat) throws(LoadError) -> (
            board: Board, content: ContentID, status: stat, released: Int, counts: DealCounts
        ) {
            let read = try bytes.withUnsafeBufferPointer { (b) throws(LoadError) in
                try BoardDocument.decodeCounting(bytes: b, path: path, now: .now(), streaming: true)
            }
            return (read.board, ContentID(bytes), st, 0, read.counts)
        }
        do {
            let (fd, st) = try openForReading(path: path, regularOnly: true, limit: maximumSize)
            defer { close(fd) }
            let size = Int(st.st_size)
            guard size >= above,
                let buffer = ReadBuffer(mapping: fd, size: size, chunk: chunk)
                    ?? ReadBuffer(capacity: size + 1, chunk: chunk)
            else {
                return try plain(try readAll(fd, st, path: path, limit: maximumSize), st)
            }
            let growth = HeapGrowth(forBoardOf: size)
            defer { growth.end() }
            if let hash = buffer.fill(from: fd, size: size) {
                if buffer.mapsFile, let hook = whileMappedForTests { hook(path) }
                let content = ContentID(size: size, hash: hash)
                do {
                    let read = try BoardDocument.decodeCounting(
                        bytes: buffer.bytes, path: path, now: .now(), streaming: true, buffer: buffer)
                    if buffer.keptTheFile(fd, st) { return (read.board, content, st, buffer.released, read.counts) }
                } catch {
                    // Pages were given back: read again below, whole, for the message a whole
                    // read gives.
                    if buffer.keptTheFile(fd, st) && buffer.released == 0 { throw error }
                }
            }
        }
        // The file grew while it was read, or could not be read in one go, or was changed while it
        // was decoded from its mapping, or its decode failed after pages were given back: read
        // again, whole.
        let (bytes, st) = try readFile(path: path, regularOnly: true, limit: maximumSize)
        return try plain(bytes, st)
    }

    /// `load`, and how many of the board's deals the fast path read and how many it left to the
    /// schema's reader (`pipedeck-bench --load` prints them: a board Pipedeck wrote needs none
    /// of the latter).
    public static func loadCounting(path: String) throws(LoadError) -> (board: Board, counts: DealCounts) {
        let read = try readForDecoding(path: path)
        return (read.board, read.counts)
    }
}
