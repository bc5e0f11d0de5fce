import Foundation
import PipedeckCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Memory of its own that a board file is read into for one decode (an anonymous mapping, not
/// the file mapped: nothing another program does to the file afterwards can reach it), whose
/// pages can be given back one range at a time while the deals are decoded (`DealStream`). A
/// page given back reads as zeros.
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

    init?(capacity: Int, chunk: Int) {
        let p = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let p, p != MAP_FAILED else { return nil }
        // Large pages where the system allows them: a 150 MB file then takes 75 page faults to
        // read instead of 37 000 (pages are still given back in 4 KB ones).
        _ = madvise(p, capacity, MADV_HUGEPAGE)
        base = p.assumingMemoryBound(to: UInt8.self)
        self.capacity = capacity
        self.chunk = chunk
    }

    deinit { munmap(base, capacity) }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// How many bytes were given back.
    var released: Int { lock.withLock { releasedBytes } }

    /// Reads the file's `size` bytes (fewer than the capacity) and hashes them as
    /// `ContentID.hash` does: a large file's second half is read and hashed on another thread
    /// meanwhile. Nil when a read fails or the file no longer has exactly `size` bytes (it was
    /// changed while it was read).
    func fill(from fd: Int32, size: Int) -> UInt64? {
        precondition(size < capacity)
        let split = ContentID.split(size)
        if split == 0 {
            guard read(fd, 0..<size), ended(fd, size) else { return nil }
            count = size
            return ContentID.hash(UnsafeRawBufferPointer(bytes))
        }
        final class Half: @unchecked Sendable { var hash: UInt64? = nil }
        let second = Half()
        let group = DispatchGroup()
        group.enter()
        Thread.detachNewThread {
            if self.read(fd, split..<size) {
                second.hash = ContentID.part(UnsafeRawBufferPointer(start: self.base + split, count: size - split))
            }
            group.leave()
        }
        let first = read(fd, 0..<split) ? ContentID.part(UnsafeRawBufferPointer(start: base, count: split)) : nil
        group.wait()
        guard let first, let last = second.hash, ended(fd, size) else { return nil }
        count = size
        return ContentID.combine(first, last, count: size)
    }

    /// Reads the bytes of `range` of the file to the same place here; false when the file ends
    /// before or a read fails.
    private func read(_ fd: Int32, _ range: Range<Int>) -> Bool {
        var at = range.lowerBound
        while at < range.upperBound {
            let n = pread(fd, base + at, range.upperBound - at, off_t(at))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            at += n
        }
        return true
    }

    /// Whether the file ends at `size` (it did not grow).
    private func ended(_ fd: Int32, _ size: Int) -> Bool {
        while true {
            let n = pread(fd, base + size, 1, off_t(size))
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
            guard size >= above, let buffer = ReadBuffer(capacity: size + 1, chunk: chunk) else {
                return try plain(try readAll(fd, st, path: path, limit: maximumSize), st)
            }
            let growth = HeapGrowth(forBoardOf: size)
            defer { growth.end() }
            if let hash = buffer.fill(from: fd, size: size) {
                let content = ContentID(size: size, hash: hash)
                do {
                    let read = try BoardDocument.decodeCounting(
                        bytes: buffer.bytes, path: path, now: .now(), streaming: true, buffer: buffer)
                    return (read.board, content, st, buffer.released, read.counts)
                } catch {
                    // Pages were given back: read again below, whole, for the message a whole
                    // read gives.
                    if buffer.released == 0 { throw error }
                }
            }
        }
        // The file grew while it was read, or could not be read in one go, or its decode failed
        // after pages were given back: read again, whole.
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

/// While a large board is decoded, the allocator's heaps grow by large steps instead of a page
/// at a time: the board's objects (about as many bytes as the file) are allocated by two
/// threads, and a thread's heap otherwise grows by one `mprotect` call per 4 KB page (13 000
/// calls for 100 000 deals) and the main heap by one `brk` per 128 KB. Memory reserved this way
/// and never written takes no room (pages are given on first write).
struct HeapGrowth {
    private let on: Bool

    init(forBoardOf size: Int) {
        on = HeapGrowth.topPad(Int32(clamping: min(size / 2, 64 << 20)))
    }

    /// Back to glibc's default step.
    func end() {
        if on { _ = HeapGrowth.topPad(128 << 10) }
    }

    /// glibc's `mallopt(M_TOP_PAD, bytes)` (not among the functions Swift sees: looked up by
    /// name); false where there is none.
    private static func topPad(_ bytes: Int32) -> Bool {
        #if canImport(Glibc)
            typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
            guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
            let mTopPad: Int32 = -2 // malloc.h
            return unsafeBitCast(f, to: MallOpt.self)(mTopPad, bytes) == 1
        #else
            return false
        #endif
    }
}
