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
        try readForDecoding(path: path).board
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
        let target = try writeTarget(path)
        let (folder, name) = split(target)
        try makeFolders(folder, for: path)

        var mode: mode_t = 0o600
        var owner: (uid: uid_t, gid: gid_t)? = nil
        var st = stat()
        if stat(target, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFREG else {
                let kind = StorageStrings.kindOfFile(UInt32(st.st_mode))
                throw SaveError(path: path, message: StorageStrings.notRegular(path, kind: kind), errno: EINVAL)
            }
            // Never write over a file this user may not write, even where the folder would let us.
            if st.st_mode & 0o222 == 0 {
                throw SaveError(path: path, message: StorageStrings.readOnly(path), errno: EACCES)
            }
            if access(target, W_OK) != 0 {
                let e = errno
                throw SaveError(path: path, message: StorageStrings.cannotWrite(path, describe(e)), errno: e)
            }
            mode = st.st_mode & 0o7777
            owner = (st.st_uid, st.st_gid)
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
        // The new copy gets the old file's owner and group (root editing someone's board, a file
        // of a group this user belongs to). When that is not allowed the save is refused: a save
        // never gives a file away.
        if let owner, fstat(fd, &st) == 0, st.st_uid != owner.uid || st.st_gid != owner.gid {
            if fchown(fd, owner.uid, owner.gid) != 0 {
                let e = errno
                close(fd)
                fd = -1
                unlink(temp)
                throw SaveError(
                    path: path,
                    message: StorageStrings.cannotWrite(path, StorageStrings.cannotKeepOwner(owner.uid, owner.gid)),
                    errno: e)
            }
        }
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

    /// The file a save replaces: the target of a symbolic link (which stays a link), else `path`.
    /// A link that loops or leads nowhere is refused rather than replaced by a regular file.
    static func writeTarget(_ path: String) throws(SaveError) -> String {
        var st = stat()
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let real = realpath(path, nil) else {
            let e = errno
            let message =
                e == ELOOP
                ? StorageStrings.linkLoop(path)
                : StorageStrings.danglingLinkNotWritten(path, target: danglingTarget(path))
            throw SaveError(path: path, message: message, errno: e)
        }
        defer { free(real) }
        return String(cString: real)
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
