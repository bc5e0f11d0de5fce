import Foundation
import PipedeckCore
import PipedeckStorage

/// The words of team work: `team init|join|log`, `sync`, `merge`, and the commit messages.
extension Strings {
    enum Team {
        // MARK: Help

        static let teamAbstract = "Share the board with a team through git."
        static let teamDiscussion = """
            The board lives in a git repository; each person works on a clone and runs `pipedeck sync`. \
            Pipedeck merges the board deal by deal (docs/team.md). It runs your own git, with your \
            credentials and ssh keys, and never stores a password.
            """
        static let initAbstract = "Put the board in a git repository for the team (or use the one it is in)."
        static let joinAbstract = "Clone a team's repository and set it up for Pipedeck."
        static let logAbstract = "Who changed what, deal by deal, from the repository's history."
        static let syncAbstract = "Commit your changes, merge the team's, and push."
        static let syncDiscussion = """
            Commits the board with a message that says what changed, fetches, merges the team's \
            changes deal by deal and pushes; a push refused because someone pushed first is retried. \
            Exit status: 0 synced, 1 nothing done (the reason is said), 3 committed here but not shared \
            (the remote could not be reached or git could not merge; nothing is lost).
            """
        static let mergeAbstract = "Merge three versions of a board (git's merge driver: BASE OURS THEIRS)."
        static let mergeDiscussion = """
            Writes the merge of BASE, OURS and THEIRS into OURS, deal by deal and field by field, and \
            exits 0. A version that is not a valid board makes it exit 1 with a message and leave OURS \
            as it is, so git reports a conflict instead of writing a broken board.
            """
        static let helpRemote = "The team's repository to push to (any URL git accepts)."
        static let helpURL = "The team's repository (any URL git accepts)."
        static let helpFolder = "Where to clone it (default: a folder named after the repository)."
        static let helpSince = "Only changes since this date (anything git accepts: 2026-12-01, \"2 weeks ago\")."
        static let helpBase = "The common version (git's %O)."
        static let helpOurs = "Our version, replaced by the merge (git's %A)."
        static let helpTheirs = "Their version (git's %B)."
        static let helpName = "The board's path, for messages (git's %P)."
        static let driverDescription = "Pipedeck board: merged deal by deal"

        // MARK: Refusals

        static let noGit = "git is not installed (or not on PATH): team work needs it"
        static func notInRepository(_ board: String) -> String {
            "\(board) is not in a git repository: run `pipedeck team init` to share it with a team"
        }
        static func notTracked(_ board: String) -> String {
            "\(board) is not in the repository yet: run `pipedeck team init --file \(board)`"
        }
        static func noAttribute(_ relative: String) -> String {
            "the repository does not merge \(relative) with Pipedeck (no `merge=pipedeck` in .gitattributes), "
                + "so git could write conflict markers into it: run `pipedeck team init` first"
        }
        static func midMerge(_ top: String) -> String {
            "git is in the middle of a merge in \(top): finish it (`git commit`) or abandon it (`git merge --abort`), "
                + "then sync again. Nothing was changed"
        }
        static func midRebase(_ top: String) -> String {
            "git is in the middle of a rebase in \(top): finish it (`git rebase --continue`) or abandon it "
                + "(`git rebase --abort`), then sync again. Nothing was changed"
        }
        static func midCherryPick(_ top: String) -> String {
            "git is in the middle of a cherry-pick in \(top): finish it or abandon it (`git cherry-pick --abort`), "
                + "then sync again. Nothing was changed"
        }
        static func midRevert(_ top: String) -> String {
            "git is in the middle of a revert in \(top): finish it or abandon it (`git revert --abort`), "
                + "then sync again. Nothing was changed"
        }
        static func unmerged(_ top: String) -> String {
            "some files in \(top) have unresolved conflicts (`git status` lists them): resolve them and commit, "
                + "then sync again. Nothing was changed"
        }
        static func detached(_ top: String) -> String {
            "git's HEAD in \(top) is on no branch (detached): go back to your branch (`git switch main`, or the "
                + "branch you use), then sync again. Nothing was changed"
        }
        static func otherStaged(_ files: [String]) -> String {
            "other files have changes staged for the next commit (\(list(files))): commit them or unstage them "
                + "(`git restore --staged FILE`), then sync again. Nothing was changed"
        }
        static func unreadableBoard(_ why: String) -> String {
            "the board does not read, so it is not committed: \(why)"
        }
        static func noIdentity(_ why: String) -> String {
            "git does not know who you are, so it cannot commit (\(why)). Tell it once: "
                + "git config --global user.name \"Camille Martin\"; git config --global user.email camille@example.com"
        }
        static func gitFailed(_ what: String, _ why: String) -> String { "git \(what) failed: \(why)" }

        static func list(_ files: [String]) -> String {
            let shown = files.prefix(3).joined(separator: ", ")
            return files.count > 3 ? shown + " and \(files.count - 3) more" : shown
        }

        // MARK: Messages of the commits

        static func initialCommit(_ name: String) -> String { "Share the pipeline “\(name)” with the team" }
        static let mergeCommit = "Merge the team's changes"
        static let maxSubject = 72

        /// The subject line: "Move ERP integration → Proposal; Won Loyalty app; Add Audit RGPD" —
        /// as many as fit, then "and N more".
        static func subject(_ phrases: [String]) -> String {
            if phrases.isEmpty { return "Update the board" }
            var out = ""
            for (i, p) in phrases.enumerated() {
                let piece = (out.isEmpty ? "" : "; ") + p
                let rest = phrases.count - i - 1
                let tail = rest > 0 ? "; and \(rest) more" : ""
                if !out.isEmpty && out.count + piece.count + tail.count > maxSubject {
                    return out + "; and \(phrases.count - i) more"
                }
                out += piece
            }
            return out
        }

        // MARK: Sync's report

        static func committed(_ subject: String) -> String { "Committed: \(subject)" }
        static func committedLocally(_ subject: String) -> String { "Committed here: \(subject)" }
        static let nothingToCommit = "No change of yours to commit."
        static func received(_ n: Int) -> String { "From the team (\(n == 1 ? "1 change" : "\(n) changes")):" }
        static func sent(_ n: Int) -> String { "Sent to the team (\(n == 1 ? "1 change" : "\(n) changes")):" }
        static func settled(_ n: Int) -> String {
            "Changed on both sides (\(n)): the later change kept, the other is in the deal's history:"
        }
        static func synced(_ remote: String) -> String { "Synced with \(remote)." }
        static func alreadyInSync(_ remote: String) -> String { "Already in sync with \(remote)." }
        static let noRemote =
            "Not shared: the repository has no remote. Add the team's with "
            + "`pipedeck team init --remote URL` (or `git remote add origin URL`); your changes are committed here."
        static func unreachable(_ remote: String, _ why: String) -> String {
            "Not shared: \(remote) could not be reached (\(why)). Your changes are safe in the local commit; "
                + "run `pipedeck sync` again when it can be reached."
        }
        static func pushRefused(_ remote: String, _ why: String) -> String {
            "Not shared: \(remote) refused the push (\(why)). Your changes are committed here."
        }
        static func stillBehind(_ remote: String, _ tries: Int) -> String {
            "Not shared: others kept pushing to \(remote) while this sync merged (\(tries) tries). "
                + "Your changes are committed here; run `pipedeck sync` again."
        }
        static func mergeBlocked(_ why: String) -> String {
            "Not shared: git could not merge the team's changes: \(why). Your changes are committed here and the "
                + "repository is as it was before the merge; fix that, then sync again."
        }
        static func wouldOverwrite(_ files: [String]) -> String {
            "your uncommitted changes to \(list(files)) would be overwritten by the team's; commit or stash them "
                + "(`git stash`)"
        }
        static func conflictsIn(_ files: [String]) -> String {
            "\(list(files)) changed on both sides and git cannot merge them (only the board is merged by Pipedeck)"
        }
        static func driverRegistered(_ top: String) -> String {
            "Registered Pipedeck's merge driver in \(top) (git does not copy it with a clone)."
        }

        // MARK: team init / join

        static func createdRepository(_ top: String) -> String { "Created a git repository in \(top)." }
        static func usingRepository(_ top: String) -> String { "Using the git repository in \(top)." }
        static func sharedBoard(_ relative: String) -> String {
            "\(relative) is merged deal by deal by Pipedeck (.gitattributes), its lock and temporary files are "
                + "ignored (.gitignore), and it is committed."
        }
        static func pushedTo(_ url: String) -> String { "Pushed to \(url)." }
        static func remoteExists(_ name: String, _ url: String) -> String {
            "the repository already has a remote “\(name)” (\(url)); change it with `git remote set-url \(name) URL`"
        }
        static func pushFailed(_ url: String, _ why: String) -> String {
            "Not pushed to \(url) (\(why)). The board is committed here; `pipedeck sync` pushes it when the "
                + "remote can be reached."
        }
        static let remoteHasHistory =
            "the remote already has commits of its own: to work on a board shared there, use `pipedeck team join URL`"
        static let nextSteps = "Next: run `pipedeck sync` to share your changes and get the team's."
        static let noRemoteYet = "No remote yet: add the team's with `pipedeck team init --remote URL`."
        static func cloneFailed(_ url: String, _ why: String) -> String { "could not clone \(url): \(why)" }
        static func folderExists(_ folder: String) -> String {
            "\(folder) already exists and is not empty: give another folder (`pipedeck team join URL FOLDER`)"
        }
        static func joined(_ folder: String) -> String { "Joined the team in \(folder)." }
        static func openWith(_ board: String) -> String {
            "Open the board: pipedeck --file \(TeamRepo.shellQuoted(board))   (or export PIPEDECK_FILE=\(TeamRepo.shellQuoted(board)))"
        }
        static func noBoardInClone(_ folder: String) -> String {
            "Cloned into \(folder), but no file there is merged by Pipedeck (.gitattributes): ask whoever shared "
                + "the board to run `pipedeck team init` on it."
        }

        // MARK: merge

        static func notABoard(_ side: String, _ why: String) -> String {
            "\(side) is not a valid board, so nothing was merged (git reports a conflict): \(why)"
        }
        static func sideName(_ side: String, _ name: String?) -> String {
            guard let name else { return side }
            return "\(side) of \(name)"
        }
        static let base = "the common version", ours = "our version", theirs = "their version"
        static func mergedWithConflicts(_ name: String, _ n: Int) -> String {
            "\(name): \(n == 1 ? "1 field" : "\(n) fields") changed on both sides; the later change kept, "
                + "the other written into the deal's history"
        }

        // MARK: team log

        static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        static func startedBoard(_ deals: Int) -> String {
            "started the team board (\(deals == 1 ? "1 deal" : "\(deals) deals"))"
        }
        static let noHistory = "No change to the board in the repository's history (for that period)."
        static let stagesLabel = "stages"
        static let boardLabel = "board"
    }
}
