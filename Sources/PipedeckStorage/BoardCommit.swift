import Foundation
import PipedeckCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Identifies the bytes of one version of the board file: how many there are and a 64-bit hash
/// of them. Telling whether the file is still the version a writer started from takes a read
/// and this hash (a few milliseconds for 10 000 deals), never a decode; unlike the file's
/// fingerprint it cannot be fooled by a reused inode number within one tick of the clock.
public struct ContentID: Hashable, Sendable {
    public var size: Int
    public var hash: UInt64

    public init(_ bytes: [UInt8]) {
        size = bytes.count
        hash = bytes.withUnsafeBytes { ContentID.hash($0) }
    }

    /// Only ever compared within one run of Pipedeck, never stored. From a megabyte on, the two
    /// halves are hashed apart and combined: a large file is read and hashed by two cores, a
    /// half each (`ReadBuffer.fill`).
    static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let s = split(raw.count)
        if s == 0 { return part(raw) }
        return combine(
            part(UnsafeRawBufferPointer(rebasing: raw[..<s])), part(UnsafeRawBufferPointer(rebasing: raw[s...])),
            count: raw.count)
    }

    /// Where the second half of `count` bytes starts (0: they are hashed whole).
    static func split(_ count: Int) -> Int { count < 1 << 20 ? 0 : count / 2 & ~31 }

    static func combine(_ first: UInt64, _ second: UInt64, count: Int) -> UInt64 {
        var h = first ^ (second &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(count)
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 33)
    }

    /// Four independent lanes of 8 bytes (the multiplications of one do not wait for the
    /// others': about four times the speed of one chain), then the rest.
    static func part(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var i = 0
        if raw.count >= 32 {
            var l: (UInt64, UInt64, UInt64, UInt64) = (h, h ^ 0xA076_1D64_78BD_642F, h ^ 0xE703_7ED1_A0B4_28DB, ~h)
            @inline(__always) func mix(_ x: UInt64, _ at: Int) -> UInt64 {
                let m = (x ^ raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                return m ^ (m >> 32)
            }
            while i + 32 <= raw.count {
                l = (mix(l.0, i), mix(l.1, i + 8), mix(l.2, i + 16), mix(l.3, i + 24))
                i += 32
            }
            h = ((l.0 &* 31 ^ l.1) &* 31 ^ l.2) &* 31 ^ l.3
        }
        while i + 8 <= raw.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        while i < raw.count {
            h = (h ^ UInt64(raw[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}

/// One version of the board file as a writer read or wrote it: the board its changes are made on.
public struct BoardVersion: Sendable {
    public var board: Board
    /// The file's bytes (nil: there was no file).
    public var content: ContentID?
    /// The file's fingerprint, for the cheap "did it change?" look of an idle board.
    public var fingerprint: FileFingerprint?

    public init(board: Board, content: ContentID?, fingerprint: FileFingerprint?) {
        self.board = board; self.content = content; self.fingerprint = fingerprint
    }
}

extension BoardFile {
    /// Reads and decodes the board, with what identifies the version read (taken from the same
    /// open file, so they describe exactly the bytes decoded).
    public static func readVersion(path: String) throws(LoadError) -> BoardVersion {
        let read = try readForDecoding(path: path)
        return BoardVersion(board: read.board, content: read.content, fingerprint: FileFingerprint(read.status))
    }
}

/// Every write of a board file goes through here, whoever makes it — a command, the open board,
/// an import — so that no writer ever replaces a version of the file it has not seen:
///
/// - `update` (commands): under the board's lock, the file is read as it is *now*, the change is
///   applied to that, and the result written; nothing read before the lock is ever written.
/// - `write(_:basedOn:)` (the open board, an import planned before the lock): under the lock the
///   file is read again; if it is still the version the writer started from, the writer's board
///   is written as it is, otherwise its changes are merged into what is there now (`merge`) and
///   the merge is written.
///
/// Both refuse a file this user may not write (`BoardFile.writeRefusal`) and never write over a
/// file that does not read (its `LoadError` is thrown).
public enum BoardCommit {
    /// The merge used wherever two versions of a board meet (racing writers, an open board that
    /// reloads with unsaved changes). One function, so that a better merge is one change here.
    public static func merge(base: Board, mine: Board, theirs: Board) -> (board: Board, report: MergeReport) {
        BoardMerge.merge(base: base, mine: mine, theirs: theirs)
    }

    /// What a write left on disk.
    public struct Committed: Sendable {
        /// The version now on disk.
        public var version: BoardVersion
        /// Set when the file had changed since the writer's version and its changes were merged.
        public var merge: MergeReport?
    }

    /// Writes `mine`, a board made from `base`, merging it into the file when the file is no
    /// longer `base`. A file that was removed is written again.
    public static func write(
        _ mine: Board, basedOn base: BoardVersion, to path: String, lock: BoardLock
    ) throws -> Committed {
        // Encoded before taking the lock: in the usual case (nobody else wrote) these are the
        // bytes written, and the lock is held only to read, compare and write.
        let encoded = BoardDocument.encodeBytes(mine)
        let (report, version) = try transaction(path: path, lock: lock, encoded: (mine, encoded)) {
            current -> (Board?, MergeReport?) in
            guard let content = try current.content(), content != base.content else { return (mine, nil) }
            let theirs = try current.board()
            if theirs == base.board { return (mine, nil) }
            let (merged, report) = merge(base: base.board, mine: mine, theirs: theirs)
            return (merged, report)
        }
        return Committed(version: version!, merge: report)
    }

    /// The file as it is under the lock, read when first asked for.
    final class Current {
        let path: String
        private var read: [UInt8]??

        init(path: String) { self.path = path }

        /// The file's bytes; nil when there is no file.
        func bytes() throws(LoadError) -> [UInt8]? {
            if let read { return read }
            let b: [UInt8]? = BoardFile.inspect(path) == .missing ? nil : try BoardFile.readBytes(path: path)
            read = .some(b)
            return b
        }

        func content() throws(LoadError) -> ContentID? { try bytes().map(ContentID.init) }

        func board() throws(LoadError) -> Board {
            guard let bytes = try bytes() else {
                throw LoadError(path: path, message: StorageStrings.notFound(path))
            }
            return try BoardDocument.decode(bytes: bytes, path: path)
        }
    }

    /// Under the lock: checks that the file may be written, reads it as it is, lets `produce`
    /// choose what to write (nil: nothing), writes it. Returns `produce`'s result and the version
    /// written. `encoded` is a board already encoded, used when `produce` chooses that board.
    static func transaction<T>(
        path: String, lock: BoardLock, encoded: (board: Board, bytes: [UInt8])? = nil,
        _ produce: (Current) throws -> (Board?, T)
    ) throws -> (T, BoardVersion?) {
        try lock.withLock {
            if let refusal = BoardFile.writeRefusal(path: path) { throw refusal }
            let (board, result) = try produce(Current(path: path))
            guard let board else { return (result, nil) }
            let out = encoded.flatMap { $0.board == board ? $0.bytes : nil } ?? BoardDocument.encodeBytes(board)
            try BoardFile.save(bytes: out, to: path)
            let version = BoardVersion(
                board: board, content: ContentID(out), fingerprint: FileFingerprint.of(path: path))
            return (result, version)
        }
    }
}

extension BoardFile {
    /// For one-shot writers such as commands: under the board's lock, reads the file as it is,
    /// lets `change` modify it and writes it when it changed. `change` decides from what is on
    /// disk at that moment, so a writer that got the lock just before it can never be undone.
    /// Throws `LoadError`, `SaveError` or `BoardLock.Failure`, or what `change` throws.
    @discardableResult
    public static func update<T>(
        path: String, lock: BoardLock? = nil, _ change: (inout Board) throws -> T
    ) throws -> T {
        try BoardCommit.transaction(path: path, lock: lock ?? BoardLock(boardPath: path)) { current in
            let before = try current.board()
            var board = before
            let result = try change(&board)
            return (board == before ? nil : board, result)
        }.0
    }

    /// Writes a new board at `path` under the board's lock (`pipedeck init`). `decide` sees what is
    /// there at that moment (`inspect`) and throws to refuse; a symbolic link that leads nowhere
    /// or in circles, a FIFO or a device is never replaced whatever it says.
    public static func create(
        _ board: Board, at path: String, lock: BoardLock? = nil, _ decide: (PathState) throws -> Void
    ) throws {
        _ = try BoardCommit.transaction(path: path, lock: lock ?? BoardLock(boardPath: path)) { _ in
            let state = inspect(path)
            try decide(state)
            switch state {
            case .danglingLink(let target):
                throw SaveError(path: path, message: StorageStrings.danglingLinkNotWritten(path, target: target))
            case .linkLoop: throw SaveError(path: path, message: StorageStrings.linkLoop(path), errno: ELOOP)
            case .special(let kind):
                throw SaveError(path: path, message: StorageStrings.notRegular(path, kind: kind), errno: EINVAL)
            case .missing, .regular, .unknown: return (board, ())
            }
        }
    }
}
