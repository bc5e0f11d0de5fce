import Foundation
import PipedeckCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// Guarding a board file that other programs may touch while Pipedeck has it open: noticing that
// it changed on disk, telling whether it may be written, serialising the saves of several
// Pipedecks, and cleaning up after saves that were killed half-way.

/// Identifies one version of a file without reading it: a save by Pipedeck (a rename) gives a new
/// inode, an editor that rewrites in place a new modification time and usually a new size; a
/// chmod changes the status-change time.
public struct FileFingerprint: Hashable, Sendable, CustomStringConvertible {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modified: Int64 // nanoseconds since 1970
    public var changed: Int64 // status change, nanoseconds since 1970

    /// The fingerprint of the file at `path` (symbolic links followed), or nil when there is no
    /// regular file there.
    public static func of(path: String) -> FileFingerprint? {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileFingerprint(st)
    }

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        #if canImport(Darwin)
            modified = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
            changed = Int64(st.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(st.st_ctimespec.tv_nsec)
        #else
            modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
            changed = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
        #endif
    }

    public var description: String { "dev \(device) inode \(inode) size \(size) mtime \(modified) ctime \(changed)" }
}

extension BoardFile {
    /// Whether the board at `path` has to be opened read-only: this user may not write it, its
    /// file system is read-only, or it has no write permission bit at all (a file marked
    /// read-only is respected even by root, who could otherwise write anything).
    public static func isReadOnly(path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        if st.st_mode & 0o222 == 0 { return true }
        return access(path, W_OK) != 0
    }

    /// The file a save really replaces: the target of a symbolic link, else `path`.
    static func saveTarget(_ path: String) -> String {
        var st = stat()
        if lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFLNK, let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        return path
    }

    /// Removes temporary files that saves of this board left behind when their process was
    /// killed (".NAME.PID-RANDOM.tmp" beside the board). A file is stale when the process that
    /// wrote it no longer runs and it is at least `minimumAge` seconds old (so a save running on
    /// another machine sharing the folder is left alone), or when it is over an hour old. Files
    /// of this process are never touched. Returns the names removed.
    @discardableResult
    public static func removeStaleTemporaryFiles(for path: String, minimumAge: Double = 2) -> [String] {
        let (folder, name) = split(saveTarget(path))
        let prefix = "." + name + "."
        guard let dir = opendir(folder) else { return [] }
        var candidates: [String] = []
        while let entry = readdir(dir) {
            let entryName = withUnsafePointer(to: entry.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if entryName.hasPrefix(prefix) && entryName.hasSuffix(".tmp") { candidates.append(entryName) }
        }
        closedir(dir)

        let me = getpid()
        let now = Date().timeIntervalSince1970
        var removed: [String] = []
        for entryName in candidates {
            // The middle is "PID-RANDOM".
            let middle = entryName.dropFirst(prefix.count).dropLast(4)
            let parts = middle.split(separator: "-")
            guard parts.count == 2, let pid = Int32(parts[0]), pid > 0,
                !parts[1].isEmpty, parts[1].allSatisfy(\.isHexDigit)
            else { continue }
            if pid == me { continue }
            let full = join(folder, entryName)
            var st = stat()
            guard lstat(full, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            let age = now - Double(FileFingerprint(st).modified) / 1e9
            let running = kill(pid, 0) == 0 || errno == EPERM
            if (!running && age >= minimumAge) || age >= 3600 {
                if unlink(full) == 0 { removed.append(entryName) }
            }
        }
        return removed
    }
}

/// A small lock file beside the board (".NAME.lock") shared by every Pipedeck that has the board
/// open. Its `flock` serialises saves, so that checking the file for changes made elsewhere and
/// replacing it happen as one step; its text lists the processes that have the board open, so a
/// second Pipedeck can say that another one is there. When the folder cannot hold it (read-only),
/// everything still works without it.
public final class BoardLock: @unchecked Sendable {
    /// The lock file's path.
    public let path: String
    /// How long `withLock` waits for another Pipedeck's save before giving up.
    public var timeout: Double = 10

    public init(boardPath: String) {
        let (folder, name) = BoardFile.split(BoardFile.saveTarget(boardPath))
        path = BoardFile.join(folder, "." + name + ".lock")
    }

    public enum Failure: Error, Equatable { case busy(holders: [Int32]) }

    /// Runs `body` holding the lock. Without a lock file (no permission to create it) `body`
    /// runs all the same. Throws `.busy` when another process held it for longer than `timeout`.
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        guard let fd = try acquire() else { return try body() }
        defer { close(fd) } // closing releases the flock
        return try body()
    }

    /// Opens the lock file and takes the lock, checking that the file we locked is still the one
    /// at `path` (the last Pipedeck to leave removes it).
    private func acquire() throws -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            if fd < 0 { fd = open(path, O_RDONLY | O_CLOEXEC) }
            if fd < 0 { return nil }
            var locked = false
            while true {
                if flock(fd, LOCK_EX | LOCK_NB) == 0 { locked = true; break }
                if errno == EINTR { continue }
                if errno != EWOULDBLOCK { break }
                if Date() >= deadline {
                    let holders = BoardLock.parse(BoardLock.read(fd)).filter {
                        $0 != getpid() && BoardLock.isRunning($0)
                    }
                    close(fd)
                    throw Failure.busy(holders: holders)
                }
                usleep(5_000)
            }
            if !locked { close(fd); return nil } // a file system without flock
            var a = stat(), b = stat()
            if fstat(fd, &a) == 0, stat(path, &b) == 0, a.st_ino == b.st_ino, a.st_dev == b.st_dev { return fd }
            close(fd)
        }
    }

    /// Records this process as having the board open and returns the other running processes
    /// that have it open (oldest first).
    public func register() -> [Int32] {
        (try? edit { pids in
            let others = pids.filter { $0 != getpid() }
            pids = others + [getpid()]
            return others
        }) ?? []
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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return [] }
        defer { close(fd) }
        return BoardLock.parse(BoardLock.read(fd)).filter { $0 != getpid() && BoardLock.isRunning($0) }
    }

    /// Changes the list of processes under the lock; processes that ended are dropped.
    private func edit(_ change: (inout [Int32]) -> [Int32]) throws -> [Int32] {
        guard let fd = try acquire() else { return [] }
        defer { close(fd) }
        var pids = BoardLock.parse(BoardLock.read(fd)).filter { $0 == getpid() || BoardLock.isRunning($0) }
        let result = change(&pids)
        if pids.isEmpty {
            unlink(path)
        } else {
            let text = Array(pids.map { String($0) + "\n" }.joined().utf8)
            if ftruncate(fd, 0) == 0 {
                _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
            }
        }
        return result
    }

    static func read(_ fd: Int32) -> String {
        var bytes = [UInt8](repeating: 0, count: 4096)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, 0) }
        return n > 0 ? String(decoding: bytes[0..<n], as: UTF8.self) : ""
    }

    static func parse(_ text: String) -> [Int32] {
        var seen = Set<Int32>()
        return text.split(whereSeparator: \.isNewline).compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
            .filter { $0 > 0 && seen.insert($0).inserted }
    }

    static func isRunning(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }
}

extension BoardFile {
    /// Reads the board, lets `change` modify it and saves it, all under the board's lock: an
    /// interactive Pipedeck saving at the same moment cannot slip in between the read and the
    /// write (it sees the new file and merges). For one-shot writers such as command-line
    /// commands. Throws `LoadError`, `SaveError` or `BoardLock.Failure`, or what `change` throws.
    @discardableResult
    public static func update<T>(path: String, _ change: (inout Board) throws -> T) throws -> T {
        try BoardLock(boardPath: path).withLock {
            var board = try load(path: path)
            let result = try change(&board)
            try save(board, to: path)
            return result
        }
    }
}
