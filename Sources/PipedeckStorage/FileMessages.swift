import Foundation
import PipedeckCore

/// What storage says about the board's file itself (rather than its content): special files,
/// sizes, symbolic links, permissions and the lock file.
extension StorageStrings {
    /// "a named pipe (FIFO)", "a character device"… for a `stat` mode.
    public static func kindOfFile(_ mode: UInt32) -> String {
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFDIR): return tr("a folder", "un dossier")
        case UInt32(S_IFIFO): return tr("a named pipe (FIFO)", "un tube nommé (FIFO)")
        case UInt32(S_IFCHR): return tr("a character device", "un périphérique caractère")
        case UInt32(S_IFBLK): return tr("a block device", "un périphérique bloc")
        case UInt32(S_IFSOCK): return tr("a socket", "une socket")
        case UInt32(S_IFLNK): return tr("a symbolic link", "un lien symbolique")
        default: return tr("not a plain file", "pas un fichier ordinaire")
        }
    }
    public static func notRegular(_ path: String, kind: String) -> String {
        tr(
            "\(path): not a regular file (it is \(kind)); a board is a plain JSON file",
            "\(path) : pas un fichier ordinaire (c'est \(kind)) ; un tableau est un simple fichier JSON")
    }
    public static func fileTooLarge(_ path: String, size: Int64?, limit: Int) -> String {
        let gib = 1 << 30
        let most =
            limit % gib == 0 ? tr("\(limit / gib) GiB", "\(limit / gib) Gio") : tr("\(limit) bytes", "\(limit) octets")
        let found =
            size.map { tr(" (it has \(($0 + 999_999) / 1_000_000) MB)", " (il fait \(($0 + 999_999) / 1_000_000) Mo)") }
            ?? ""
        return tr(
            "\(path): the file is larger than \(most)\(found), the most Pipedeck reads; "
                + "100 000 deals take about 110 MB, so this is not a board",
            "\(path) : le fichier dépasse \(most)\(found), le maximum que Pipedeck lit ; "
                + "100 000 affaires font environ 110 Mo, ce n'est donc pas un tableau")
    }
    public static func linkLoop(_ path: String) -> String {
        tr(
            "\(path): the symbolic link loops (it leads back to itself and never reaches a file)",
            "\(path) : le lien symbolique boucle (il revient sur lui-même et n'atteint jamais un fichier)")
    }
    public static func danglingLink(_ path: String, target: String) -> String {
        tr(
            "\(path) is a symbolic link to \(target), which does not exist",
            "\(path) est un lien symbolique vers \(target), qui n'existe pas")
    }
    public static func danglingLinkNotWritten(_ path: String, target: String) -> String {
        danglingLink(path, target: target)
            + tr(
                "; nothing was written. Create the board there (pipedeck init --file \(target)) or remove the link",
                " ; rien n'a été écrit. Créez-y le tableau (pipedeck init --file \(target)) ou supprimez le lien")
    }
    public static func readOnly(_ path: String) -> String {
        tr(
            "\(path) is read-only: nothing was changed (make it writable to edit it)",
            "\(path) est en lecture seule : rien n'a été modifié (rendez-le modifiable pour le changer)")
    }
    public static func ownedByOther(_ path: String, uid: UInt32) -> String {
        tr(
            "\(path) belongs to another user (uid \(uid)): saving replaces the file, which would change its owner, "
                + "so nothing was written",
            "\(path) appartient à un autre utilisateur (uid \(uid)) : enregistrer remplace le fichier, ce qui "
                + "changerait son propriétaire ; rien n'a donc été écrit")
    }
    public static func cannotKeepOwner(_ uid: UInt32, _ gid: UInt32) -> String {
        tr(
            "the new copy cannot keep the file's owner and group (uid \(uid), gid \(gid)); Pipedeck never changes "
                + "them, so nothing was written",
            "la nouvelle copie ne peut pas garder le propriétaire et le groupe du fichier (uid \(uid), gid \(gid)) ; "
                + "Pipedeck ne les change jamais, rien n'a donc été écrit")
    }

    // The lock file.
    public static func lockIsSymlink(_ path: String) -> String {
        tr(
            "the lock file \(path) is a symbolic link, which Pipedeck never creates (someone may have planted it): "
                + "nothing was written; remove it and try again",
            "le fichier de verrou \(path) est un lien symbolique, que Pipedeck ne crée jamais (quelqu'un l'a peut-être "
                + "placé là) : rien n'a été écrit ; supprimez-le et réessayez")
    }
    public static func lockIsNotAFile(_ path: String, kind: String) -> String {
        tr(
            "the lock file \(path) is \(kind), not a file Pipedeck made: nothing was written; remove it and try again",
            "le fichier de verrou \(path) est \(kind), pas un fichier créé par Pipedeck : rien n'a été écrit ; "
                + "supprimez-le et réessayez")
    }
    public static func lockHasLinks(_ path: String) -> String {
        tr(
            "the lock file \(path) has other names (hard links), so it is not a file Pipedeck made: "
                + "nothing was written; remove it and try again",
            "le fichier de verrou \(path) a d'autres noms (liens physiques), ce n'est donc pas un fichier créé par "
                + "Pipedeck : rien n'a été écrit ; supprimez-le et réessayez")
    }
    public static func lockHasOtherContent(_ path: String) -> String {
        tr(
            "the lock file \(path) holds something other than process ids, so it is not a file Pipedeck made: "
                + "nothing was written; remove it and try again",
            "le fichier de verrou \(path) contient autre chose que des numéros de processus, ce n'est donc pas un "
                + "fichier créé par Pipedeck : rien n'a été écrit ; supprimez-le et réessayez")
    }
    public static func lockCannotOpen(_ path: String, _ why: String) -> String {
        tr(
            "cannot open the lock file \(path) (\(why)); another user's Pipedeck may have the board open: "
                + "nothing was written",
            "impossible d'ouvrir le fichier de verrou \(path) (\(why)) ; le Pipedeck d'un autre utilisateur a "
                + "peut-être ouvert le tableau : rien n'a été écrit")
    }
    public static func lockBusy(_ holders: [Int32]) -> String {
        let who =
            holders.isEmpty
            ? tr("another program", "un autre programme")
            : tr(
                "another Pipedeck (pid \(holders.map(String.init).joined(separator: ", ")))",
                "un autre Pipedeck (pid \(holders.map(String.init).joined(separator: ", ")))")
        return tr(
            "\(who) is saving this file; try again in a moment",
            "\(who) enregistre ce fichier ; réessayez dans un instant")
    }
}
