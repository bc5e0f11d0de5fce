import Foundation

/// What storage says about the board's file itself (rather than its content): special files,
/// sizes, symbolic links, permissions and the lock file.
extension StorageStrings {
    /// "a named pipe (FIFO)", "a character device"… for a `stat` mode.
    public static func kindOfFile(_ mode: UInt32) -> String {
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFDIR): return "a folder"
        case UInt32(S_IFIFO): return "a named pipe (FIFO)"
        case UInt32(S_IFCHR): return "a character device"
        case UInt32(S_IFBLK): return "a block device"
        case UInt32(S_IFSOCK): return "a socket"
        case UInt32(S_IFLNK): return "a symbolic link"
        default: return "not a plain file"
        }
    }
    public static func notRegular(_ path: String, kind: String) -> String {
        "\(path): not a regular file (it is \(kind)); a board is a plain JSON file"
    }
    public static func fileTooLarge(_ path: String, size: Int64?, limit: Int) -> String {
        let gib = 1 << 30
        let most = limit % gib == 0 ? "\(limit / gib) GiB" : "\(limit) bytes"
        let found = size.map { " (it has \(($0 + 999_999) / 1_000_000) MB)" } ?? ""
        return
            "\(path): the file is larger than \(most)\(found), the most Pipedeck reads; "
            + "100 000 deals take about 110 MB, so this is not a board"
    }
    public static func linkLoop(_ path: String) -> String {
        "\(path): the symbolic link loops (it leads back to itself and never reaches a file)"
    }
    public static func danglingLink(_ path: String, target: String) -> String {
        "\(path) is a symbolic link to \(target), which does not exist"
    }
    public static func danglingLinkNotWritten(_ path: String, target: String) -> String {
        danglingLink(path, target: target)
            + "; nothing was written. Create the board there (pipedeck init --file \(target)) or remove the link"
    }
    public static func readOnly(_ path: String) -> String {
        "\(path) is read-only: nothing was changed (make it writable to edit it)"
    }
    public static func ownedByOther(_ path: String, uid: UInt32) -> String {
        "\(path) belongs to another user (uid \(uid)): saving replaces the file, which would change its owner, "
            + "so nothing was written"
    }
    public static func cannotKeepOwner(_ uid: UInt32, _ gid: UInt32) -> String {
        "the new copy cannot keep the file's owner and group (uid \(uid), gid \(gid)); Pipedeck never changes "
            + "them, so nothing was written"
    }

    // The lock file.
    public static func lockIsSymlink(_ path: String) -> String {
        "the lock file \(path) is a symbolic link, which Pipedeck never creates (someone may have planted it): "
            + "nothing was written; remove it and try again"
    }
    public static func lockIsNotAFile(_ path: String, kind: String) -> String {
        "the lock file \(path) is \(kind), not a file Pipedeck made: nothing was written; remove it and try again"
    }
    public static func lockHasLinks(_ path: String) -> String {
        "the lock file \(path) has other names (hard links), so it is not a file Pipedeck made: "
            + "nothing was written; remove it and try again"
    }
    public static func lockHasOtherContent(_ path: String) -> String {
        "the lock file \(path) holds something other than process ids, so it is not a file Pipedeck made: "
            + "nothing was written; remove it and try again"
    }
    public static func lockCannotOpen(_ path: String, _ why: String) -> String {
        "cannot open the lock file \(path) (\(why)); another user's Pipedeck may have the board open: "
            + "nothing was written"
    }
    public static func lockBusy(_ holders: [Int32]) -> String {
        let who =
            holders.isEmpty
            ? "another program" : "another Pipedeck (pid \(holders.map(String.init).joined(separator: ", ")))"
        return "\(who) is saving this file; try again in a moment"
    }
}
