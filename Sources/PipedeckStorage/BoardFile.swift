import Foundation
import PipedeckCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the board lives, and reading and (atomically) writing it.
public enum BoardFile {
    public static let defaultFileName = "pipeline.json"

    /// `--file` beats `$PIPEDECK_FILE` beats `$XDG_DATA_HOME/pipedeck/pipeline.json`, else
    /// `~/.local/share/pipedeck/pipeline.json`. Empty values count as unset; a relative
    /// `XDG_DATA_HOME` is ignored (as the XDG spec says); a leading "~/" in the first two is
    /// replaced by the home folder.
    public static func resolvePath(explicit: String?, environment: [String: String]) -> String {
        let home = homeFolder(environment)
        if let e = explicit, !e.isEmpty { return expandTilde(e, home: home) }
        if let f = environment["PIPEDECK_FILE"], !f.isEmpty { return expandTilde(f, home: home) }
        if let x = environment["XDG_DATA_HOME"], x.hasPrefix("/") {
            return join(x, "pipedeck/" + defaultFileName)
        }
        return join(home, ".local/share/pipedeck/" + defaultFileName)
    }

    static func homeFolder(_ environment: [String: String]) -> String {
        if let h = environment["HOME"], !h.isEmpty { return h }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }

    static func expandTilde(_ p: String, home: String) -> String {
        if p == "~" { return home }
        if p.hasPrefix("~/") { return join(home, String(p.dropFirst(2))) }
        return p
    }

    static func join(_ folder: String, _ rest: String) -> String {
        folder.hasSuffix("/") ? folder + rest : folder + "/" + rest
    }

    // MARK: loading

    /// Reads and decodes the board. Throws `LoadError`; a missing file gets a message that says
    /// how to create one.
    public static func load(path: String) throws(LoadError) -> Board {
        let bytes = try readBytes(path: path)
        return try bytes.withUnsafeBufferPointer { (b) throws(LoadError) -> Board in
            try BoardDocument.decode(bytes: b, path: path, now: .now())
        }
    }

    /// The whole file, read with plain system calls.
    public static func readBytes(path: String) throws(LoadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            if e == ENOENT { throw LoadError(path: path, message: StorageStrings.notFound(path)) }
            throw LoadError(path: path, message: StorageStrings.cannotRead(path, describe(e)))
        }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 {
            throw LoadError(path: path, message: StorageStrings.cannotRead(path, describe(errno)))
        }
        if st.st_mode & S_IFMT == S_IFDIR {
            throw LoadError(path: path, message: StorageStrings.cannotRead(path, describe(EISDIR)))
        }
        var buffer = [UInt8](repeating: 0, count: max(Int(st.st_size), 0) + 1)
        var used = 0
        while true {
            if used == buffer.count { buffer.append(contentsOf: repeatElement(0, count: max(buffer.count, 65_536))) }
            let n = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + used, raw.count - used) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LoadError(path: path, message: StorageStrings.cannotRead(path, describe(errno)))
            }
            if n == 0 { break }
            used += n
        }
        buffer.removeSubrange(used...)
        return buffer
    }

    // MARK: saving

    /// Writes the board atomically (see `save(data:to:)`).
    public static func save(_ board: Board, to path: String) throws(SaveError) {
        try save(bytes: BoardEncoder.encode(board), to: path)
    }

    /// Atomic replace: the bytes go to a new temporary file in the same folder (".NAME.….tmp"),
    /// which is flushed to disk, given the old file's permissions (0600 for a new file) and renamed
    /// over the target; then the folder is flushed. Missing parent folders are created (0700).
    /// On failure the temporary file is removed and the old file is untouched. A symbolic link
    /// at `path` is followed: the file it points to is replaced, the link stays.
    public static func save(data: Data, to path: String) throws(SaveError) {
        let r: Result<Void, SaveError> = data.withUnsafeBytes { raw in
            Result { () throws(SaveError) in try save(raw: raw, to: path) }
        }
        try r.get()
    }

    public static func save(bytes: [UInt8], to path: String) throws(SaveError) {
        let r: Result<Void, SaveError> = bytes.withUnsafeBytes { raw in
            Result { () throws(SaveError) in try save(raw: raw, to: path) }
        }
        try r.get()
    }

    static func save(raw: UnsafeRawBufferPointer, to path: String) throws(SaveError) {
        func failure(_ e: Int32) -> SaveError {
            SaveError(path: path, message: StorageStrings.cannotWrite(path, describe(e)), errno: e)
        }
        var target = path
        var st = stat()
        if lstat(target, &st) == 0, st.st_mode & S_IFMT == S_IFLNK, let real = realpath(target, nil) {
            target = String(cString: real)
            free(real)
        }
        let (folder, name) = split(target)
        try makeFolders(folder, for: path)

        var mode: mode_t = 0o600
        var owner: (uid_t, gid_t)? = nil
        if stat(target, &st) == 0 {
            mode = st.st_mode & 0o7777
            if st.st_uid != geteuid() || st.st_gid != getegid() { owner = (st.st_uid, st.st_gid) }
        }

        // A fresh temporary file that no one else can be using.
        var fd: Int32 = -1
        var temp = ""
        var attempts = 0
        while fd < 0 {
            temp = join(folder, ".\(name).\(getpid())-\(String(UInt32.random(in: .min ... .max), radix: 16)).tmp")
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd < 0 {
                let e = errno
                attempts += 1
                if e != EEXIST || attempts > 100 { throw failure(e) }
            }
        }
        func abandon(_ e: Int32) -> SaveError {
            if fd >= 0 { close(fd) }
            unlink(temp)
            return failure(e)
        }

        var written = 0
        while written < raw.count {
            let n = write(fd, raw.baseAddress! + written, raw.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                throw abandon(errno)
            }
            written += n
        }
        if fsync(fd) != 0, errno != EINVAL, errno != ENOTSUP { throw abandon(errno) }
        // Keep the old file's owner when we may (root editing someone's board); not an error otherwise.
        if let (uid, gid) = owner { _ = fchown(fd, uid, gid) }
        if fchmod(fd, mode) != 0 { throw abandon(errno) }
        let closed = close(fd)
        fd = -1
        if closed != 0 { throw abandon(errno) }
        if rename(temp, target) != 0 { throw abandon(errno) }

        // Make the rename itself durable. The new file is in place already, so a failure here
        // is not reported as a failed save.
        let dfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
        // Saves that were killed half-way may have left their temporary files here (FileGuard.swift).
        removeStaleTemporaryFiles(for: target)
    }

    /// Creates `folder` and its missing parents with mode 0700.
    static func makeFolders(_ folder: String, for path: String) throws(SaveError) {
        var st = stat()
        if stat(folder, &st) == 0 {
            if st.st_mode & S_IFMT == S_IFDIR { return }
            throw SaveError(
                path: path, message: StorageStrings.cannotWrite(path, StorageStrings.notAFolder(folder)), errno: ENOTDIR
            )
        }
        let parent = split(folder).folder
        if parent != folder { try makeFolders(parent, for: path) }
        if mkdir(folder, 0o700) != 0 {
            let e = errno
            if e == EEXIST, stat(folder, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { return }
            throw SaveError(
                path: path,
                message: StorageStrings.cannotWrite(path, StorageStrings.cannotCreateFolder(folder, describe(e))),
                errno: e)
        }
    }

    /// "/a/b/c.json" → ("/a/b", "c.json"); "c.json" → (".", "c.json"); "/c.json" → ("/", "c.json").
    static func split(_ path: String) -> (folder: String, name: String) {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return (".", String(p)) }
        let name = String(p[p.index(after: slash)...])
        var folder = p[..<slash]
        while folder.count > 1 && folder.hasSuffix("/") { folder = folder.dropLast() }
        return (folder.isEmpty ? "/" : String(folder), name)
    }

    static func describe(_ e: Int32) -> String { String(cString: strerror(e)) }
}
