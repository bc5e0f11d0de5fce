import Foundation
import PipedeckCore
import PipedeckStorage

/// The words of team work: `team init|join|log`, `sync`, `merge`, and the commit messages.
extension Strings {
    enum Team {
        // MARK: Help

        static var teamAbstract: String {

            tr(

                "Share the board with a team through git.",

                "Partager le tableau avec une équipe par git.")

        }
        static var teamDiscussion: String {
            tr(
                """
                The board lives in a git repository; each person works on a clone and runs `pipedeck sync`. \
                Pipedeck merges the board deal by deal (docs/team.md). It runs your own git, with your \
                credentials and ssh keys, and never stores a password.
                """,
                """
                Le tableau vit dans un dépôt git ; chacun travaille sur un clone et lance `pipedeck sync`. \
                Pipedeck fusionne le tableau affaire par affaire (docs/team.md). Il utilise votre propre git, avec vos \
                identifiants et vos clés ssh, et ne garde jamais de mot de passe.
                """)
        }
        static var initAbstract: String {
            tr(
                "Put the board in a git repository for the team (or use the one it is in).",
                "Mettre le tableau dans un dépôt git pour l'équipe (ou utiliser celui où il est).")
        }
        static var joinAbstract: String {
            tr(
                "Clone a team's repository and set it up for Pipedeck.",
                "Cloner le dépôt d'une équipe et le préparer pour Pipedeck.")
        }
        static var logAbstract: String {
            tr(
                "Who changed what, deal by deal, from the repository's history.",
                "Qui a changé quoi, affaire par affaire, d'après l'historique du dépôt.")
        }
        static var syncAbstract: String {
            tr(
                "Commit your changes, merge the team's, and push.",
                "Enregistrer vos modifications, fusionner celles de l'équipe, et envoyer.")
        }
        static var syncDiscussion: String {
            tr(
                """
                Commits the board with a message that says what changed, fetches, merges the team's \
                changes deal by deal and pushes; a push refused because someone pushed first is retried. \
                Exit status: 0 synced, 1 nothing done (the reason is said), 3 committed here but not shared \
                (the remote could not be reached or git could not merge; nothing is lost).
                """,
                """
                Enregistre le tableau avec un message qui dit ce qui a changé, récupère, fusionne les modifications \
                de l'équipe affaire par affaire et envoie ; un envoi refusé parce que quelqu'un a envoyé avant est réessayé. \
                Code de sortie : 0 synchronisé, 1 rien de fait (la raison est dite), 3 enregistré ici mais pas partagé \
                (le dépôt distant était injoignable ou git n'a pas pu fusionner ; rien n'est perdu).
                """)
        }
        static var mergeAbstract: String {
            tr(
                "Merge three versions of a board (git's merge driver: BASE OURS THEIRS).",
                "Fusionner trois versions d'un tableau (le pilote de fusion de git : BASE OURS THEIRS).")
        }
        static var mergeDiscussion: String {
            tr(
                """
                Writes the merge of BASE, OURS and THEIRS into OURS, deal by deal and field by field, and \
                exits 0. A version that is not a valid board makes it exit 1 with a message and leave OURS \
                as it is, so git reports a conflict instead of writing a broken board.
                """,
                """
                Écrit la fusion de BASE, OURS et THEIRS dans OURS, affaire par affaire et champ par champ, et \
                sort avec 0. Une version qui n'est pas un tableau valide la fait sortir avec 1 et un message et laisse \
                OURS tel quel, pour que git signale un conflit au lieu d'écrire un tableau cassé.
                """)
        }
        static var helpRemote: String {
            tr(
                "The team's repository to push to (any URL git accepts).",
                "Le dépôt de l'équipe où envoyer (toute URL que git accepte).")
        }
        static var helpURL: String {
            tr(
                "The team's repository (any URL git accepts).",
                "Le dépôt de l'équipe (toute URL que git accepte).")
        }
        static var helpFolder: String {
            tr(
                "Where to clone it (default: a folder named after the repository).",
                "Où le cloner (par défaut : un dossier au nom du dépôt).")
        }
        static var helpSince: String {
            tr(
                "Only changes since this date (anything git accepts: 2026-12-01, \"2 weeks ago\").",
                "Seulement les modifications depuis cette date (tout ce que git accepte : 2026-12-01, \"2 weeks ago\")."
            )
        }
        static var helpBase: String {
            tr(
                "The common version (git's %O).",
                "La version commune (%O de git).")
        }
        static var helpOurs: String {
            tr(
                "Our version, replaced by the merge (git's %A).",
                "Notre version, remplacée par la fusion (%A de git).")
        }
        static var helpTheirs: String {
            tr(
                "Their version (git's %B).",
                "Leur version (%B de git).")
        }
        static var helpName: String {
            tr(
                "The board's path, for messages (git's %P).",
                "Le chemin du tableau, pour les messages (%P de git).")
        }
        static var driverDescription: String {
            tr(
                "Pipedeck board: merged deal by deal",
                "Tableau Pipedeck : fusionné affaire par affaire")
        }

        // MARK: Refusals

        static var noGit: String {

            tr(

                "git is not installed (or not on PATH): team work needs it",

                "git n'est pas installé (ou pas dans le PATH) : le travail en équipe en a besoin")

        }
        static func notInRepository(_ board: String) -> String {
            tr(
                "\(board) is not in a git repository: run `pipedeck team init` to share it with a team",
                "\(board) n'est pas dans un dépôt git : lancez `pipedeck team init` pour le partager avec une équipe")
        }
        static func notTracked(_ board: String) -> String {
            tr(
                "\(board) is not in the repository yet: run `pipedeck team init --file \(board)`",
                "\(board) n'est pas encore dans le dépôt : lancez `pipedeck team init --file \(board)`")
        }
        static func noAttribute(_ relative: String) -> String {
            tr(
                "the repository does not merge \(relative) with Pipedeck (no `merge=pipedeck` in .gitattributes), "
                    + "so git could write conflict markers into it: run `pipedeck team init` first",
                "le dépôt ne fusionne pas \(relative) avec Pipedeck (pas de `merge=pipedeck` dans .gitattributes), "
                    + "git pourrait donc y écrire des marques de conflit : lancez d'abord `pipedeck team init`")
        }
        static func midMerge(_ top: String) -> String {
            tr(
                "git is in the middle of a merge in \(top): finish it (`git commit`) or abandon it (`git merge --abort`), "
                    + "then sync again. Nothing was changed",
                "git est au milieu d'une fusion dans \(top) : terminez-la (`git commit`) ou abandonnez-la (`git merge --abort`), "
                    + "puis synchronisez de nouveau. Rien n'a été changé")
        }
        static func midRebase(_ top: String) -> String {
            tr(
                "git is in the middle of a rebase in \(top): finish it (`git rebase --continue`) or abandon it "
                    + "(`git rebase --abort`), then sync again. Nothing was changed",
                "git est au milieu d'un rebase dans \(top) : terminez-le (`git rebase --continue`) ou abandonnez-le "
                    + "(`git rebase --abort`), puis synchronisez de nouveau. Rien n'a été changé")
        }
        static func midCherryPick(_ top: String) -> String {
            tr(
                "git is in the middle of a cherry-pick in \(top): finish it or abandon it (`git cherry-pick --abort`), "
                    + "then sync again. Nothing was changed",
                "git est au milieu d'un cherry-pick dans \(top) : terminez-le ou abandonnez-le (`git cherry-pick --abort`), "
                    + "puis synchronisez de nouveau. Rien n'a été changé")
        }
        static func midRevert(_ top: String) -> String {
            tr(
                "git is in the middle of a revert in \(top): finish it or abandon it (`git revert --abort`), "
                    + "then sync again. Nothing was changed",
                "git est au milieu d'un revert dans \(top) : terminez-le ou abandonnez-le (`git revert --abort`), "
                    + "puis synchronisez de nouveau. Rien n'a été changé")
        }
        static func unmerged(_ top: String) -> String {
            tr(
                "some files in \(top) have unresolved conflicts (`git status` lists them): resolve them and commit, "
                    + "then sync again. Nothing was changed",
                "des fichiers de \(top) ont des conflits non résolus (`git status` les liste) : résolvez-les et faites un commit, "
                    + "puis synchronisez de nouveau. Rien n'a été changé")
        }
        static func detached(_ top: String) -> String {
            tr(
                "git's HEAD in \(top) is on no branch (detached): go back to your branch (`git switch main`, or the "
                    + "branch you use), then sync again. Nothing was changed",
                "le HEAD de git dans \(top) n'est sur aucune branche (détaché) : revenez à votre branche (`git switch main`, ou "
                    + "celle que vous utilisez), puis synchronisez de nouveau. Rien n'a été changé")
        }
        static func otherStaged(_ files: [String]) -> String {
            tr(
                "other files have changes staged for the next commit (\(list(files))): commit them or unstage them "
                    + "(`git restore --staged FILE`), then sync again. Nothing was changed",
                "d'autres fichiers ont des modifications préparées pour le prochain commit (\(list(files))) : enregistrez-les ou "
                    + "retirez-les (`git restore --staged FICHIER`), puis synchronisez de nouveau. Rien n'a été changé")
        }
        static func unreadableBoard(_ why: String) -> String {
            tr(
                "the board does not read, so it is not committed: \(why)",
                "le tableau ne se lit pas, il n'est donc pas enregistré : \(why)")
        }
        static func noIdentity(_ why: String) -> String {
            tr(
                "git does not know who you are, so it cannot commit (\(why)). Tell it once: "
                    + "git config --global user.name \"Camille Martin\"; git config --global user.email camille@example.com",
                "git ne sait pas qui vous êtes, il ne peut donc pas faire de commit (\(why)). Dites-le-lui une fois : "
                    + "git config --global user.name \"Camille Martin\"; git config --global user.email camille@example.com"
            )
        }
        static func gitFailed(_ what: String, _ why: String) -> String {
            tr(
                "git \(what) failed: \(why)",
                "git \(what) a échoué : \(why)")
        }

        static func list(_ files: [String]) -> String {
            let shown = files.prefix(3).joined(separator: ", ")
            return files.count > 3
                ? shown + tr(" and \(files.count - 3) more", " et \(files.count - 3) de plus") : shown
        }

        // MARK: Messages of the commits

        static func initialCommit(_ name: String) -> String {

            tr(

                "Share the pipeline “\(name)” with the team",

                "Partager le pipeline « \(name) » avec l'équipe")

        }
        static var mergeCommit: String {
            tr(
                "Merge the team's changes",
                "Fusionner les modifications de l'équipe")
        }
        static let maxSubject = 72

        /// The subject line: "Move ERP integration → Proposal; Won Loyalty app; Add Audit RGPD" —
        /// as many as fit, then "and N more".
        static func subject(_ phrases: [String]) -> String {
            if phrases.isEmpty { return tr("Update the board", "Mise à jour du tableau") }
            var out = ""
            for (i, p) in phrases.enumerated() {
                let piece = (out.isEmpty ? "" : "; ") + p
                let rest = phrases.count - i - 1
                let tail = rest > 0 ? tr("; and \(rest) more", " ; et \(rest) de plus") : ""
                if !out.isEmpty && out.count + piece.count + tail.count > maxSubject {
                    return out + tr("; and \(phrases.count - i) more", " ; et \(phrases.count - i) de plus")
                }
                out += piece
            }
            return out
        }

        // MARK: Sync's report

        static func committed(_ subject: String) -> String {

            tr(

                "Committed: \(subject)",

                "Enregistré : \(subject)")

        }
        static func committedLocally(_ subject: String) -> String {
            tr(
                "Committed here: \(subject)",
                "Enregistré ici : \(subject)")
        }
        static var nothingToCommit: String {
            tr(
                "No change of yours to commit.",
                "Aucune modification de votre part à enregistrer.")
        }
        static func received(_ n: Int) -> String {
            tr(
                "From the team (\(n == 1 ? "1 change" : "\(n) changes")):",
                "De l'équipe (\(n == 1 ? "1 modification" : "\(n) modifications")) :")
        }
        static func sent(_ n: Int) -> String {
            tr(
                "Sent to the team (\(n == 1 ? "1 change" : "\(n) changes")):",
                "Envoyé à l'équipe (\(n == 1 ? "1 modification" : "\(n) modifications")) :")
        }
        static func settled(_ n: Int) -> String {
            tr(
                "Changed on both sides (\(n)): the later change kept, the other is in the deal's history:",
                "Modifiées des deux côtés (\(n)) : la plus récente gardée, l'autre est dans l'historique de l'affaire :"
            )
        }
        static func synced(_ remote: String) -> String {
            tr(
                "Synced with \(remote).",
                "Synchronisé avec \(remote).")
        }
        static func alreadyInSync(_ remote: String) -> String {
            tr(
                "Already in sync with \(remote).",
                "Déjà à jour avec \(remote).")
        }
        static var noRemote: String {
            tr(
                "Not shared: the repository has no remote. Add the team's with "
                    + "`pipedeck team init --remote URL` (or `git remote add origin URL`); your changes are committed here.",
                "Non partagé : le dépôt n'a pas de dépôt distant. Ajoutez celui de l'équipe avec "
                    + "`pipedeck team init --remote URL` (ou `git remote add origin URL`) ; vos modifications sont enregistrées ici."
            )
        }
        static func unreachable(_ remote: String, _ why: String) -> String {
            tr(
                "Not shared: \(remote) could not be reached (\(why)). Your changes are safe in the local commit; "
                    + "run `pipedeck sync` again when it can be reached.",
                "Non partagé : \(remote) est injoignable (\(why)). Vos modifications sont à l'abri dans le commit local ; "
                    + "relancez `pipedeck sync` quand il sera joignable.")
        }
        static func pushRefused(_ remote: String, _ why: String) -> String {
            tr(
                "Not shared: \(remote) refused the push (\(why)). Your changes are committed here.",
                "Non partagé : \(remote) a refusé l'envoi (\(why)). Vos modifications sont enregistrées ici.")
        }
        static func stillBehind(_ remote: String, _ tries: Int) -> String {
            tr(
                "Not shared: others kept pushing to \(remote) while this sync merged (\(tries) tries). "
                    + "Your changes are committed here; run `pipedeck sync` again.",
                "Non partagé : d'autres ont continué d'envoyer vers \(remote) pendant cette fusion (\(tries) essais). "
                    + "Vos modifications sont enregistrées ici ; relancez `pipedeck sync`.")
        }
        static func mergeBlocked(_ why: String) -> String {
            tr(
                "Not shared: git could not merge the team's changes: \(why). Your changes are committed here and the "
                    + "repository is as it was before the merge; fix that, then sync again.",
                "Non partagé : git n'a pas pu fusionner les modifications de l'équipe : \(why). Vos modifications sont "
                    + "enregistrées ici et le dépôt est comme avant la fusion ; corrigez cela, puis synchronisez de nouveau."
            )
        }
        static func wouldOverwrite(_ files: [String]) -> String {
            tr(
                "your uncommitted changes to \(list(files)) would be overwritten by the team's; commit or stash them "
                    + "(`git stash`)",
                "vos modifications non enregistrées de \(list(files)) seraient écrasées par celles de l'équipe ; enregistrez-les ou "
                    + "mettez-les de côté (`git stash`)")
        }
        static func conflictsIn(_ files: [String]) -> String {
            tr(
                "\(list(files)) changed on both sides and git cannot merge them (only the board is merged by Pipedeck)",
                "\(list(files)) modifiés des deux côtés et git ne peut pas les fusionner (seul le tableau est fusionné par Pipedeck)"
            )
        }
        static func driverRegistered(_ top: String) -> String {
            tr(
                "Registered Pipedeck's merge driver in \(top) (git does not copy it with a clone).",
                "Pilote de fusion de Pipedeck enregistré dans \(top) (git ne le copie pas avec un clone).")
        }
    }
}
