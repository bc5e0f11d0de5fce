import Foundation
import PipedeckCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// What is at a board's path before anything is read or written: a plain file, nothing, a
// symbolic link that leads nowhere or in circles, a FIFO or a device; and whether this user may
// replace it. Every entry point (the board, the command line, import, export) asks the same
// questions here, so a hostile folder gets the same answer everywhere.

extension BoardFile {
    /// The largest board file Pipedeck reads (1 GiB): far above any real board (100 000 deals
    /// take about 110 MB), low enough that a runaway file is refused before it fills the memory.
    public static let maximumSize = 1 << 30

    public enum PathState: Equatable, Sendable {
        /// Nothing there (a save creates the file).
        case missing
        /// A symbolic link whose target does not exist (`target` is the link's own text).
        case danglingLink(target: String)
        /// A chain of symbolic links that never reaches a file.
        case linkLoop
        /// A regular file, links followed.
        case regular
        /// A folder, FIFO, device or socket (`kind` names it for a message).
        case special(kind: String)
        /// Cannot be looked at (a folder on the way may not be searched…): reading says why.
        case unknown
    }

    /// What is at `path`, symbolic links followed.
    public static func inspect(_ path: String) -> PathState {
        var st = stat()
        if stat(path, &st) == 0 {
            if st.st_mode & S_IFMT == S_IFREG { return .regular }
            return .special(kind: StorageStrings.kindOfFile(UInt32(st.st_mode)))
        }
        let e = errno
        if e == ELOOP { return .linkLoop }
        if lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFLNK {
            var target = linkText(path) ?? "?"
            if !target.hasPrefix("/") { target = join(split(path).folder, target) }
            return .danglingLink(target: target)
        }
        return e == ENOENT || e == ENOTDIR ? .missing : .unknown
    }

    /// Where the symbolic link at `path` points, relative links taken from the link's folder.
    static func danglingTarget(_ path: String) -> String {
        if case .danglingLink(let target) = inspect(path) { return target }
        return linkText(path) ?? "?"
    }

    /// The text of the symbolic link at `path`.
    static func linkText(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The same question as `inspect`, as the error a reader or writer reports (nil: go ahead).
    static func loadProblem(_ path: String) -> LoadError? {
        switch inspect(path) {
        case .missing: return LoadError(path: path, message: StorageStrings.notFound(path))
        case .danglingLink(let target):
            return LoadError(path: path, message: StorageStrings.danglingLink(path, target: target))
        case .linkLoop: return LoadError(path: path, message: StorageStrings.linkLoop(path))
        case .special(let kind): return LoadError(path: path, message: StorageStrings.notRegular(path, kind: kind))
        case .regular, .unknown: return nil
        }
    }

    // MARK: Permission to write

    public enum WriteAccess: Equatable, Sendable {
        case allowed
        /// No write permission bit, no permission for this user, or a read-only file system.
        case readOnly
        /// Writable (through its group or mode) but owned by someone else, and this user cannot
        /// give a new copy that owner: replacing it would change its owner.
        case ownedByOther(uid: UInt32)
    }

    /// Whether this user may replace the file at `path` (a missing file may be created). A file
    /// without any write permission bit is read-only even for root, who could otherwise write
    /// anything.
    public static func writeAccess(path: String) -> WriteAccess {
        var st = stat()
        guard stat(path, &st) == 0 else { return .allowed }
        if st.st_mode & 0o222 == 0 || access(path, W_OK) != 0 { return .readOnly }
        if st.st_uid != geteuid() && geteuid() != 0 { return .ownedByOther(uid: UInt32(st.st_uid)) }
        return .allowed
    }

    /// Whether the board at `path` has to be opened read-only (see `writeAccess`).
    public static func isReadOnly(path: String) -> Bool { writeAccess(path: path) != .allowed }

    /// Why this user may not replace the file at `path`, as a save error (nil: it may).
    public static func writeRefusal(path: String) -> SaveError? {
        switch writeAccess(path: path) {
        case .allowed: return nil
        case .readOnly: return SaveError(path: path, message: StorageStrings.readOnly(path), errno: EACCES)
        case .ownedByOther(let uid):
            return SaveError(path: path, message: StorageStrings.ownedByOther(path, uid: uid), errno: EPERM)
        }
    }

    // MARK: Reading

    /// The whole file, read with plain system calls. With `regularOnly` (boards) anything but a
    /// regular file is refused without waiting (a FIFO is opened without blocking); without it
    /// (a CSV given as `<(command)`) pipes are read to their end. Either way at most `limit`
    /// bytes are read: a larger file, or `/dev/zero`, is refused.
    public static func readBytes(
        path: String, regularOnly: Bool = true, limit: Int = maximumSize
    ) throws(LoadError) -> [UInt8] {
        try readFile(path: path, regularOnly: regularOnly, limit: limit).bytes
    }

    /// `readBytes`, with the status of the file read.
    static func readFile(path: String, regularOnly: Bool, limit: Int) throws(LoadError) -> (
        bytes: [UInt8], status: stat
    ) {
        let (fd, st) = try openForReading(path: path, regularOnly: regularOnly, limit: limit)
        defer { close(fd) }
        return (try readAll(fd, st, path: path, limit: limit), st)
    }

    /// The rest of the open file `fd` of status `st`: at most `limit` bytes.
    static func readAll(_ fd: Int32, _ st: stat, path: String, limit: Int) throws(LoadError) -> [UInt8] {
        let expected = st.st_mode & S_IFMT == S_IFREG ? max(Int(st.st_size), 0) : 0
        // Not zeroed first: read(2) fills it (zeroing 100 MB cost tens of milliseconds).
        var buffer = [UInt8](unsafeUninitializedCapacity: min(expected, limit) + 1) { _, n in
            n = min(expected, limit) + 1
        }
        var used = 0
        while true {
            if used == buffer.count {
                if used > limit {
                    throw LoadError(path: path, message: StorageStrings.fileTooLarge(path, size: nil, limit: limit))
                }
                buffer.append(contentsOf: repeatElement(0, count: min(max(buffer.count, 65_536), limit + 1 - used)))
            }
            let n = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + used, raw.count - used) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LoadError(path: path, message: StorageStrings.cannotRead(path, describe(errno)))
            }
            if n == 0 { break }
            used += n
        }
        if used > limit {
            throw LoadError(path: path, message: StorageStrings.fileTooLarge(path, size: nil, limit: limit))
        }
        buffer.removeSubrange(used...)
        return buffer
    }

    /// Opens the file for reading (a FIFO without blocking when `regularOnly`) and checks what it
    /// is: a folder, anything but a regular file when `regularOnly`, or a regular file larger
    /// than `limit` is refused. The caller closes the descriptor.
    static func openForReading(path: String, regularOnly: Bool, limit: Int) throws(LoadError) -> (Int32, stat) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | (regularOnly ? O_NONBLOCK : 0))
        if fd < 0 {
            let e = errno
            if e == ENOENT || e == ELOOP, let problem = loadProblem(path) { throw problem }
            throw LoadError(path: path, message: StorageStrings.cannotRead(path, describe(e)))
        }
        var st = stat()
        var refusal: LoadError? = nil
        if fstat(fd, &st) != 0 {
            refusal = LoadError(path: path, message: StorageStrings.cannotRead(path, describe(errno)))
        } else if st.st_mode & S_IFMT == S_IFDIR {
            refusal = LoadError(path: path, message: StorageStrings.cannotRead(path, describe(EISDIR)))
        } else if regularOnly && st.st_mode & S_IFMT != S_IFREG {
            let what = StorageStrings.kindOfFile(UInt32(st.st_mode))
            refusal = LoadError(path: path, message: StorageStrings.notRegular(path, kind: what))
        } else if st.st_mode & S_IFMT == S_IFREG && Int64(st.st_size) > Int64(limit) {
            refusal = LoadError(
                path: path, message: StorageStrings.fileTooLarge(path, size: Int64(st.st_size), limit: limit))
        }
        if let refusal {
            close(fd)
            throw refusal
        }
        return (fd, st)
    }
}
