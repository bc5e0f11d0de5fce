import Foundation
import PipedeckCore
import PipedeckStorage

/// One sync of a board kept in a git repository with the team's remote: commit what changed
/// here (in sales words), fetch, merge the team's changes (git runs `pipedeck merge` on the
/// board), push; a push refused because someone pushed first fetches, merges and tries again.
///
/// It runs synchronously and returns a `Result` value (what went out, what came in, what was
/// settled), so the open board can run it on a background queue and show the result; `progress`
/// is told each step. Git touches the board file (commit, merge) only while holding the board's
/// lock, the one every Pipedeck writer takes, so an open board never saves over a merge.
struct TeamSync {
    struct Options: Sendable {
        var board: String
        var environment: [String: String]
        /// Git may ask for a password on the terminal (false: in the background).
        var interactive: Bool
        /// Written as `updatedBy` on the deals changed here since the last commit.
        var me: String?
        /// The `pipedeck` that git runs as the merge driver.
        var program: String
        var attempts = 5
    }

    enum Step: Sendable { case committing, fetching, merging, pushing }

    struct Result: Sendable {
        enum Outcome: Sendable, Equatable {
            case synced
            case alreadyInSync
            /// Committed here (or nothing to commit) but not shared; the reason in words.
            case notShared(String)
        }
        var outcome: Outcome
        /// The subject of the commit made for this side's changes; nil: nothing to commit.
        var committed: String?
        /// What this side sent to the team and what came in from it.
        var sent = BoardChanges()
        var received = BoardChanges()
        /// "origin/main".
        var remote: String?
        /// The board's words for these changes (stage names, currency, locale).
        var board: Board?
        /// Said before the rest (the merge driver was registered).
        var notices: [String] = []
        var conflicts: [DealChange] { received.deals.filter { !$0.notes.isEmpty } }
    }

    typealias Refusal = TeamRepo.Refusal

    let options: Options
    var progress: (@Sendable (Step) -> Void)? = nil

    init(_ options: Options, progress: (@Sendable (Step) -> Void)? = nil) {
        self.options = options
        self.progress = progress
    }

    func run() throws(Refusal) -> Result {
        let repo = try TeamRepo.open(
            board: options.board, environment: options.environment, interactive: options.interactive)
        if let why = repo.blocker() { throw Refusal(why) }
        if !repo.tracksBoard { throw Refusal(Strings.Team.notTracked(options.board)) }
        if !repo.boardUsesDriver { throw Refusal(Strings.Team.noAttribute(repo.relative)) }
        let staged = repo.otherStagedFiles
        if !staged.isEmpty { throw Refusal(Strings.Team.otherStaged(staged)) }
        var result = Result(outcome: .synced)
        let driver = TeamRepo.driverCommand(program: options.program, environment: options.environment)
        if !repo.driverRegistered {
            repo.registerDriver(command: driver)
            result.notices.append(Strings.Team.driverRegistered(repo.top))
        }
        let lock = BoardLock(boardPath: options.board)

        progress?(.committing)
        let local = try locked(lock) { () throws(Refusal) in try commitChanges(repo) }
        result.committed = local?.subject
        result.sent = local?.changes ?? BoardChanges()
        guard let remote = repo.remote, let branch = repo.branch else {
            result.outcome = .notShared(Strings.Team.noRemote)
            return finish(result, repo)
        }
        let upstream = "refs/remotes/\(remote)/\(upstreamBranch(repo, branch))"
        result.remote = "\(remote)/\(upstreamBranch(repo, branch))"
        var received: [String: DealChange] = [:]
        var receivedOrder: [String] = []
        for attempt in 1...options.attempts {
            progress?(.fetching)
            let fetched = repo.git.run(["fetch", "--quiet", "--no-tags", remote])
            if !fetched.ok {
                result.outcome = .notShared(Strings.Team.unreachable(remote, fetched.problem))
                return finish(result, repo)
            }
            let up = repo.commit(upstream)
            if let up, !repo.isAncestor(up, of: "HEAD") {
                progress?(.merging)
                let merged = try locked(lock) { () throws(Refusal) -> (BoardChanges?, String?) in
                    if try commit(repo) != nil && result.committed == nil { result.committed = repo.lastSubject }
                    return merge(repo, upstream: up, driver: driver)
                }
                if let why = merged.1 {
                    result.outcome = .notShared(Strings.Team.mergeBlocked(why))
                    return finish(result, repo)
                }
                for c in merged.0?.deals ?? [] {
                    if received.updateValue(c, forKey: c.id) == nil { receivedOrder.append(c.id) }
                }
                result.received.stages += merged.0?.stages ?? []
            }
            result.received.deals = receivedOrder.compactMap { received[$0] }
            if let up, repo.commit("HEAD") == up {
                if result.received.isEmpty && result.committed == nil { result.outcome = .alreadyInSync }
                return finish(result, repo, sentFrom: nil)
            }
            progress?(.pushing)
            var push = ["push", "--quiet", remote, "HEAD:refs/heads/\(upstreamBranch(repo, branch))"]
            if repo.git.run(["config", "--get", "branch.\(branch).merge"]).text.isEmpty { push.insert("-u", at: 1) }
            let pushed = repo.git.run(push)
            if pushed.ok { return finish(result, repo, sentFrom: up ?? "") }
            if TeamSync.isRace(pushed.err) && attempt < options.attempts { continue }
            if TeamSync.isRace(pushed.err) {
                result.outcome = .notShared(Strings.Team.stillBehind(remote, attempt))
            } else if pushed.err.contains("[remote rejected]") {
                result.outcome = .notShared(Strings.Team.pushRefused(remote, pushed.problem))
            } else {
                result.outcome = .notShared(Strings.Team.unreachable(remote, pushed.problem))
            }
            return finish(result, repo)
        }
        return finish(result, repo)
    }

    /// The branch of the remote this branch follows (its own name by default).
    func upstreamBranch(_ repo: TeamRepo, _ branch: String) -> String {
        let merge = repo.git.run(["config", "--get", "branch.\(branch).merge"]).text
        return merge.hasPrefix("refs/heads/") ? String(merge.dropFirst("refs/heads/".count)) : branch
    }

    /// A push refused because the remote moved on since the fetch.
    static func isRace(_ err: String) -> Bool {
        err.contains("[rejected]") && (err.contains("fetch first") || err.contains("non-fast-forward"))
            || err.contains("stale info")
    }

    /// Runs `body` holding the board's lock.
    func locked<T>(_ lock: BoardLock, _ body: () throws(Refusal) -> T) throws(Refusal) -> T {
        do {
            return try lock.withLock { try body() }
        } catch let r as Refusal {
            throw r
        } catch {
            throw Refusal(Store.message(of: error))
        }
    }

    /// Under the lock: commits the board if it changed since the last commit, with the deals
    /// changed here marked as changed by `me`. Returns the commit's subject.
    func commit(_ repo: TeamRepo) throws(Refusal) -> String? { try commitChanges(repo)?.subject }

    func commitChanges(_ repo: TeamRepo) throws(Refusal) -> (subject: String, changes: BoardChanges)? {
        guard repo.boardChanged else { return nil }
        let working: Board
        do { working = try BoardFile.readVersion(path: repo.board).board } catch {
            throw Refusal(Strings.Team.unreadableBoard(error.message))
        }
        let previous = repo.board(at: "HEAD")
        let stamped = TeamSync.stamp(working, since: previous, by: options.me)
        if stamped != working {
            do { try BoardFile.save(stamped, to: repo.board) } catch { throw Refusal(error.message) }
        }
        let changes = BoardChanges(from: previous ?? Board(name: stamped.name, stages: []), to: stamped)
        let words = ChangeWords(board: stamped, locale: CLIEnvironment.locale(options.environment))
        let (subject, body) = words.commitMessage(changes)
        var args = ["commit", "--quiet", "-m", subject]
        if !body.isEmpty { args += ["-m", body] }
        let r = repo.git.run(args + ["--", repo.relative])
        if !r.ok {
            if r.err.contains("tell me who you are") || r.err.contains("empty ident") || r.err.contains("auto-detect") {
                throw Refusal(Strings.Team.noIdentity(r.problem))
            }
            throw Refusal(Strings.Team.gitFailed("commit", r.problem))
        }
        return (subject, changes)
    }

    /// The deals that differ from `previous` (or are new) get `updatedBy = me`.
    static func stamp(_ board: Board, since previous: Board?, by me: String?) -> Board {
        guard let me, !me.isEmpty else { return board }
        var before: [String: Int] = [:]
        for (i, d) in (previous?.deals ?? []).enumerated() { before[d.id] = i }
        var out = board
        for (i, d) in board.deals.enumerated() where d.updatedBy != me {
            if let p = before[d.id], previous!.deals[p] == d { continue }
            out.deals[i].updatedBy = me
        }
        return out
    }

    /// Under the lock: merges `upstream` into HEAD with the board merged by `driver`. Returns what
    /// came in, or why git could not merge (the merge is then abandoned, nothing changed).
    func merge(_ repo: TeamRepo, upstream: String, driver: String) -> (BoardChanges?, String?) {
        let before = repo.board(at: "HEAD")
        let r = repo.git.run([
            "-c", "merge.\(TeamRepo.driverName).driver=\(driver)",
            "-c", "merge.\(TeamRepo.driverName).name=\(Strings.Team.driverDescription)",
            "merge", "--no-edit", "--no-stat", "--quiet", "-m", Strings.Team.mergeCommit, upstream,
        ])
        if r.ok {
            guard let before, let after = repo.board(at: "HEAD") else { return (nil, nil) }
            return (BoardChanges(from: before, to: after), nil)
        }
        let conflicted = repo.git.run(["diff", "--name-only", "--diff-filter=U"]).text.split(separator: "\n").map(
            String.init)
        if FileManager.default.fileExists(atPath: repo.gitPath("MERGE_HEAD")) {
            repo.git.run(["merge", "--abort"])
        }
        if !conflicted.isEmpty {
            var why = Strings.Team.conflictsIn(conflicted)
            let driverSaid = r.err.split(separator: "\n").filter { $0.hasPrefix("pipedeck:") }
            if !driverSaid.isEmpty { why += " — " + driverSaid.joined(separator: " ") }
            return (nil, why)
        }
        let files = r.err.split(separator: "\n").filter { $0.hasPrefix("\t") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if r.err.contains("would be overwritten") && !files.isEmpty { return (nil, Strings.Team.wouldOverwrite(files)) }
        return (nil, r.problem.isEmpty ? Strings.Team.gitFailed("merge", "status \(r.status)") : r.problem)
    }

    /// Fills in what was sent (the team's board at `sentFrom`, a commit, compared with HEAD).
    func finish(_ result: Result, _ repo: TeamRepo, sentFrom: String? = nil) -> Result {
        var r = result
        r.board = repo.board(at: "HEAD")
        if let from = sentFrom, let now = r.board {
            // The first push: what was committed now (the rest is the board as it started).
            if !from.isEmpty, let theirs = repo.board(at: from) { r.sent = BoardChanges(from: theirs, to: now) }
        } else {
            r.sent = BoardChanges()
        }
        return r
    }
}

extension TeamRepo {
    /// The subject of the last commit.
    var lastSubject: String? {
        let r = git.run(["log", "-1", "--format=%s"])
        return r.ok ? r.text : nil
    }
}

extension CLIEnvironment {
    static func locale(_ env: [String: String]) -> String? { MoneyFormatter.environmentLocale(env) }
}
