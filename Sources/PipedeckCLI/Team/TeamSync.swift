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
        /// Written as `updatedBy` on the deals changed here since the last commit (nil: git's
        /// `user.name`).
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
        /// The board these changes are told on (stage names, currency, locale): the board
        /// synced, or one holding only the deals that changed; nil when nothing changed.
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
        // A board saved since git last looked at it is about to be committed: its last
        // committed version is read meanwhile, beside the state's commands.
        let head = repo.boardNewerThanIndex ? repo.commit("HEAD") : nil
        let snap = repo.snapshot(headCommit: head, boardSize: repo.boardSize)
        if let why = snap.blocker { throw Refusal(why) }
        if !snap.tracksBoard { throw Refusal(Strings.Team.notTracked(options.board)) }
        if !snap.usesDriver { throw Refusal(Strings.Team.noAttribute(repo.relative)) }
        if !snap.otherStaged.isEmpty { throw Refusal(Strings.Team.otherStaged(snap.otherStaged)) }
        var work = Work(repo: repo, me: options.me ?? snap.config["user.name"])
        var result = Result(outcome: .synced)
        let driver = TeamRepo.driverCommand(program: options.program, environment: options.environment)
        if (snap.config["merge.\(TeamRepo.driverName).driver"] ?? "").isEmpty {
            repo.registerDriver(command: driver)
            result.notices.append(Strings.Team.driverRegistered(repo.top))
        }
        let lock = BoardLock(boardPath: options.board)

        progress?(.committing)
        let local = try locked(lock) { () throws(Refusal) in
            // Read before the lock: only if HEAD did not move since.
            if let h = snap.headBytes, snap.boardChanged, repo.commit("HEAD") == h.commit { work.head = h.bytes }
            return try work.commit(changed: snap.boardChanged)
        }
        result.committed = local?.subject
        result.sent = local?.changes ?? BoardChanges()
        guard let remote = snap.remote, let (branch, configured) = snap.upstreamBranch else {
            result.outcome = .notShared(Strings.Team.noRemote)
            return work.finish(result)
        }
        let upstream = "refs/remotes/\(remote)/\(branch)"
        result.remote = "\(remote)/\(branch)"
        var received: [String: DealChange] = [:]
        var receivedOrder: [String] = []
        var merged = false
        for attempt in 1...options.attempts {
            progress?(.fetching)
            let fetched = repo.git.run(["fetch", "--quiet", "--no-tags", remote])
            if !fetched.ok {
                result.outcome = .notShared(Strings.Team.unreachable(remote, fetched.problem))
                return work.finish(result)
            }
            let up = repo.commit(upstream)
            if let up, !repo.isAncestor(up, of: "HEAD") {
                progress?(.merging)
                merged = true
                let (changes, why) = try locked(lock) { () throws(Refusal) -> (BoardChanges?, String?) in
                    // Saved again since the commit (an open board): committed first.
                    if let again = try work.commit(changed: repo.boardChanged), result.committed == nil {
                        result.committed = again.subject
                    }
                    return work.merge(upstream: up, driver: driver)
                }
                if let why {
                    result.outcome = .notShared(Strings.Team.mergeBlocked(why))
                    return work.finish(result)
                }
                for c in changes?.deals ?? [] where received.updateValue(c, forKey: c.id) == nil {
                    receivedOrder.append(c.id)
                }
                result.received.stages += changes?.stages ?? []
            }
            result.received.deals = receivedOrder.compactMap { received[$0] }
            if let up, repo.commit("HEAD") == up {
                if result.received.isEmpty && result.committed == nil { result.outcome = .alreadyInSync }
                result.sent = BoardChanges()
                return work.finish(result)
            }
            progress?(.pushing)
            var push = ["push", "--quiet", remote, "HEAD:refs/heads/\(branch)"]
            if !configured { push.insert("-u", at: 1) }
            let pushed = repo.git.run(push)
            if pushed.ok {
                // What the team got: this side's one commit on top of theirs (already known), or more.
                if merged || (up != nil && repo.commit("HEAD~1") != up) { work.sent(since: up, into: &result) }
                return work.finish(result)
            }
            if TeamSync.isRace(pushed.err) && attempt < options.attempts { continue }
            result.sent = BoardChanges()
            if TeamSync.isRace(pushed.err) {
                result.outcome = .notShared(Strings.Team.stillBehind(remote, attempt))
            } else if pushed.err.contains("[remote rejected]") {
                result.outcome = .notShared(Strings.Team.pushRefused(remote, pushed.problem))
            } else {
                result.outcome = .notShared(Strings.Team.unreachable(remote, pushed.problem))
            }
            return work.finish(result)
        }
        return work.finish(result)
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

    /// The steps that touch the repository, keeping the board file as HEAD has it once known.
    /// Versions of the board are compared by their bytes deal by deal (`BoardDelta`): a sync of
    /// a one-deal change on a 10 000-deal board decodes a few deals, not whole boards.
    struct Work {
        let repo: TeamRepo
        let me: String?
        /// The board file's bytes at HEAD, once read.
        var head: [UInt8]?
        /// The board the changes are told on (stage names, currency): the whole board, or one
        /// holding only the deals that changed.
        var words: Board?

        init(repo: TeamRepo, me: String?) {
            self.repo = repo
            self.me = me
        }

        /// The board file's bytes as they are (under the lock and unchanged, what HEAD has).
        func workingBytes() throws(Refusal) -> [UInt8] {
            do { return try BoardFile.readBytes(path: repo.board) } catch {
                throw Refusal(Strings.Team.unreadableBoard(error.message))
            }
        }

        /// The board file as it is, decoded whole.
        func working(_ bytes: [UInt8]) throws(Refusal) -> Board {
            do {
                return try BoardDocument.decode(bytes: bytes, path: repo.board)
            } catch { throw Refusal(Strings.Team.unreadableBoard(error.message)) }
        }

        /// Under the lock: commits the board if it changed since the last commit, with the deals
        /// changed here marked as changed by `me`. Returns the commit's subject and its changes.
        mutating func commit(changed: Bool) throws(Refusal) -> (subject: String, changes: BoardChanges)? {
            guard changed else { return nil }
            let bytes = try workingBytes()
            let (previous, now, out) = try stamped(bytes, since: head ?? repo.boardBytes(at: "HEAD", size: bytes.count))
            if out != nil {
                do { try BoardFile.save(bytes: out!, to: repo.board) } catch { throw Refusal(error.message) }
            }
            let changes = BoardChanges(from: previous ?? Board(name: now.name, stages: []), to: now)
            let words = ChangeWords(board: now, locale: CLIEnvironment.locale(repo.git.environment))
            let (subject, body) = words.commitMessage(changes)
            // The board's new version is stored with light compression: a few times quicker to
            // write for a large board, and git packs it again later anyway.
            var args = ["-c", "core.looseCompression=1", "commit", "--quiet", "-m", subject]
            if !body.isEmpty { args += ["-m", body] }
            let r = repo.git.run(args + ["--", repo.relative])
            if !r.ok {
                if r.err.contains("tell me who you are") || r.err.contains("empty ident")
                    || r.err.contains("auto-detect")
                {
                    throw Refusal(Strings.Team.noIdentity(r.problem))
                }
                throw Refusal(Strings.Team.gitFailed("commit", r.problem))
            }
            head = out ?? bytes
            self.words = now
            return (subject, changes)
        }

        /// The board in `bytes` compared with the one committed (`old`), its changed deals
        /// stamped: the board before (nil: none), the board now (whole, or only the deals that
        /// changed) and the bytes to write first (nil: the file needs no stamp).
        func stamped(_ bytes: [UInt8], since old: [UInt8]?) throws(Refusal) -> (Board?, Board, [UInt8]?) {
            if let old, let d = BoardDelta(old: old, new: bytes, path: repo.board) {
                let now = d.new.stamped(since: d.old, by: me)
                if now == d.new { return (d.old, now, nil) }
                if let out = BoardDelta.splice(bytes, chunks: d.chunks, with: now) { return (d.old, now, out) }
            }
            let board = try working(bytes)
            let previous = old.flatMap { TeamRepo.decode($0, path: repo.relative) }
            let now = board.stamped(since: previous, by: me)
            return (previous, now, now == board ? nil : BoardDocument.encodeBytes(now))
        }

        /// Under the lock: merges `upstream` into HEAD, the board merged by `driver`. Returns what
        /// came in, or why git could not merge (the merge is then abandoned: nothing changed).
        mutating func merge(upstream: String, driver: String) -> (BoardChanges?, String?) {
            let before = head ?? (try? workingBytes())
            let r = repo.git.run([
                "-c", "merge.\(TeamRepo.driverName).driver=\(driver)",
                "-c", "merge.\(TeamRepo.driverName).name=\(Strings.Team.driverDescription)",
                "-c", "core.looseCompression=1",
                "merge", "--no-edit", "--no-stat", "--quiet", "-m", Strings.Team.mergeCommit, upstream,
            ])
            if r.ok {
                head = try? workingBytes()
                guard let before, let after = head,
                    let (changes, board) = BoardDelta.changes(old: before, new: after, path: repo.board)
                else { return (nil, nil) }
                words = board
                return (changes, nil)
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
            if r.err.contains("would be overwritten") && !files.isEmpty {
                return (nil, Strings.Team.wouldOverwrite(files))
            }
            return (nil, r.problem.isEmpty ? Strings.Team.gitFailed("merge", "status \(r.status)") : r.problem)
        }

        /// What the team got by this push: the board at `up` (theirs before) compared with HEAD.
        mutating func sent(since up: String?, into result: inout Result) {
            guard let up, let theirs = repo.boardBytes(at: up, size: head?.count ?? 0) else { return }
            if head == nil { head = try? workingBytes() }
            guard let now = head, let (changes, board) = BoardDelta.changes(old: theirs, new: now, path: repo.board)
            else { return }
            result.sent = changes
            words = board
        }

        /// The result with the board its changes are told on. The deals that came in from the
        /// team are marked in the clone's marks until the person has seen them on the board.
        func finish(_ result: Result) -> Result {
            var r = result
            // Nothing went out when the team could not be reached: the commit stays here.
            if case .notShared = r.outcome { r.sent = BoardChanges() }
            r.board = words
            if !r.received.deals.isEmpty { TeamMarksFile(repo: repo).update { $0.add(r.received) } }
            return r
        }
    }
}

extension CLIEnvironment {
    static func locale(_ env: [String: String]) -> String? { MoneyFormatter.environmentLocale(env) }
}
