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
