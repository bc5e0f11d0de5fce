import Foundation
import PipedeckCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small lock file beside the board (".NAME.lock") shared by every Pipedeck that writes the
/// board. Its `flock` serialises writers, so that reading the file and replacing it happen as one
/// step; its text lists the interactive boards that have the file open, so a second one can say
/// that another is there.
///
/// The folder may be shared with people who should not be trusted, so the lock file is handled
/// with care: it is created with mode 0600 and never through a symbolic link (`O_NOFOLLOW`); a
/// lock file that is not one Pipedeck made (a symbolic link, a hard link, a FIFO, a device, a
/// file holding something else than process ids) is never written, truncated or followed — the
/// write that needed it is refused with a message that names it. A command-line write removes the
/// lock file again when no open board is listed in it. When the folder cannot hold a lock file
/// (it is read-only), writers go ahead without one: they cannot write the board there either, and
/// their own error says why.
///
/// A `BoardLock` holds only constants, so it may be handed to a background save: what it guards
/// is on disk, and every call opens the lock file afresh.
public final class BoardLock: Sendable {
    /// The lock file's path.
    public let path: String
    /// How long a writer waits for another one before giving up, in seconds.
    public let timeout: Double

    public init(boardPath: String, timeout: Double = 10) {
        let (folder, name) = BoardFile.split(BoardFile.saveTarget(boardPath))
        path = BoardFile.join(folder, "." + name + ".lock")
        self.timeout = timeout
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Another process held the lock for longer than `timeout`.
        case busy(holders: [Int32])
        /// The lock file is not one Pipedeck made; it was left alone.
        case unsafe(message: String)
        /// The lock file exists but this user cannot open it.
        case cannotOpen(message: String)

        public var message: String {
            switch self {
            case .busy(let holders): return StorageStrings.lockBusy(holders)
            case .unsafe(let m), .cannotOpen(let m): return m
            }
        }
        public var description: String { message }
    }

    /// Runs `body` holding the lock. Without a lock file (the folder cannot hold one) `body` runs
    /// all the same. Afterwards a lock file that lists nobody is removed.
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        guard let held = try acquire() else { return try body() }
        defer {
            if held.writable, BoardLock.size(held.fd) == 0 { removeIfStill(held.fd) }
            close(held.fd) // closing releases the flock
        }
        return try body()
    }

    private struct Held {
        var fd: Int32
        var writable: Bool
    }

    /// Opens the lock file and takes the lock, checking that the file locked is still the one
    /// at `path` (a writer that leaves removes an empty one).
    private func acquire() throws -> Held? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            guard let held = try openLockFile() else { return nil }
            var locked = false
            while true {
                if flock(held.fd, LOCK_EX | LOCK_NB) == 0 { locked = true; break }
                if errno == EINTR { continue }
                if errno != EWOULDBLOCK { break }
                if Date() >= deadline {
                    let holders = BoardLock.parse(BoardLock.read(held.fd))?.filter {
                        $0 != getpid() && BoardLock.isRunning($0)
                    }
                    close(held.fd)
                    throw Failure.busy(holders: holders ?? [])
                }
                usleep(2_000)
            }
            if !locked { close(held.fd); return nil } // a file system without flock
            var a = stat(), b = stat()
            if fstat(held.fd, &a) == 0, lstat(path, &b) == 0, a.st_ino == b.st_ino, a.st_dev == b.st_dev {
                return held
            }
            close(held.fd)
        }
    }

    /// Opens (creating it, mode 0600) the lock file without following a symbolic link, and checks
    /// that it is a plain file with one name. nil when there is none and none can be made.
    private func openLockFile() throws -> Held? {
        // A writer that leaves removes an empty lock file: one opened just before that has no name
        // any more (no link): open the new one.
        while true {
            let opened = try openLockFileOnce()
            guard case .removed = opened else {
                if case .held(let h) = opened { return h }
                return nil
            }
        }
    }

    private enum Opened {
        case held(Held?)
        case removed
    }

    private func openLockFileOnce() throws -> Opened {
        let flags = O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY
        var writable = true
        var st = stat()
        var fd = open(path, O_RDWR | O_CREAT | flags, 0o600)
        if fd < 0 {
            let first = errno
            if first == ELOOP { throw Failure.unsafe(message: StorageStrings.lockIsSymlink(path)) }
            // Taking the lock only needs to read it (another user's lock file, a read-only folder).
            writable = false
            fd = open(path, O_RDONLY | flags)
            if fd < 0 {
                let e = errno
                if e == ELOOP { throw Failure.unsafe(message: StorageStrings.lockIsSymlink(path)) }
                // None there and none can be made (a read-only folder, a folder gone): the
                // write that wanted it fails on its own and says why.
                if lstat(path, &st) != 0 { return .held(nil) }
                throw Failure.cannotOpen(message: StorageStrings.lockCannotOpen(path, BoardFile.describe(first)))
            }
        }
        guard fstat(fd, &st) == 0 else { close(fd); return .held(nil) }
        if st.st_mode & S_IFMT != S_IFREG {
            close(fd)
            let kind = StorageStrings.kindOfFile(UInt32(st.st_mode))
            throw Failure.unsafe(message: StorageStrings.lockIsNotAFile(path, kind: kind))
        }
        if st.st_nlink == 0 {
            close(fd)
            return .removed
        }
        if st.st_nlink != 1 {
            close(fd)
            throw Failure.unsafe(message: StorageStrings.lockHasLinks(path))
        }
        return .held(Held(fd: fd, writable: writable))
    }

    /// Removes the lock file if `fd` is still the file at `path` (only called holding the lock).
    private func removeIfStill(_ fd: Int32) {
        var a = stat(), b = stat()
        if fstat(fd, &a) == 0, lstat(path, &b) == 0, a.st_ino == b.st_ino, a.st_dev == b.st_dev { unlink(path) }
    }

    /// Records this process as having the board open and returns the other running processes
    /// that have it open (oldest first).
    public func register() throws -> [Int32] {
        try edit { pids in
            let others = pids.filter { $0 != getpid() }
            pids = others + [getpid()]
            return others
        }
    }

    /// Removes this process from the list; the last one to leave removes the lock file.
    public func unregister() {
        _ = try? edit { pids in
            pids.removeAll { $0 == getpid() }
            return []
        }
    }

    /// The other running processes that have the board open.
    public func others() -> [Int32] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        if fd < 0 { return [] }
        defer { close(fd) }
        return (BoardLock.parse(BoardLock.read(fd)) ?? []).filter { $0 != getpid() && BoardLock.isRunning($0) }
    }

    /// Changes the list of processes under the lock; processes that ended are dropped. A file
    /// that holds anything else is not Pipedeck's and is left as it is.
    private func edit(_ change: (inout [Int32]) -> [Int32]) throws -> [Int32] {
        guard let held = try acquire() else { return [] }
        defer { close(held.fd) }
        guard BoardLock.size(held.fd) <= BoardLock.readLimit, let listed = BoardLock.parse(BoardLock.read(held.fd))
        else { throw Failure.unsafe(message: StorageStrings.lockHasOtherContent(path)) }
        var pids = listed.filter { $0 == getpid() || BoardLock.isRunning($0) }
        let result = change(&pids)
        if pids.isEmpty {
            if held.writable { removeIfStill(held.fd) }
        } else if held.writable {
            let text = Array(pids.map { String($0) + "\n" }.joined().utf8)
            if ftruncate(held.fd, 0) == 0 {
                _ = text.withUnsafeBytes { pwrite(held.fd, $0.baseAddress!, $0.count, 0) }
            }
        }
        return result
    }

    static let readLimit = 4096

    static func size(_ fd: Int32) -> Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : -1
    }

    static func read(_ fd: Int32) -> String {
        var bytes = [UInt8](repeating: 0, count: readLimit)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, 0) }
        return n > 0 ? String(decoding: bytes[0..<n], as: UTF8.self) : ""
    }

    /// The process ids listed one a line; nil when the text holds anything else.
    static func parse(_ text: String) -> [Int32]? {
        var seen = Set<Int32>()
        var out: [Int32] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            guard let pid = Int32(t), pid > 0 else { return nil }
            if seen.insert(pid).inserted { out.append(pid) }
        }
        return out
    }

    static func isRunning(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }
}
