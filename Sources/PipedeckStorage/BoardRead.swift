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

    /// Reads `fd` to its end, or until the buffer is full; false when it is full (the file grew).
    func fill(from fd: Int32) throws(ReadFailure) -> Bool {
        while count < capacity {
            let n = read(fd, base + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(errno: errno)
            }
            if n == 0 { return true }
            count += n
        }
        return false
    }

    struct ReadFailure: Error { var errno: Int32 }

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
            if (try? buffer.fill(from: fd)) == true {
                let content = ContentID(buffer.bytes)
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
