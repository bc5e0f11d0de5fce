import Foundation
import PipedeckCore
import PipedeckStorage

/// The git repository that holds a team's board: where it is, what state git is in, and the
/// settings Pipedeck needs in it (the merge driver, `.gitattributes`, `.gitignore`).
struct TeamRepo {
    /// git, run in the repository's top folder.
    let git: Git
    /// The top folder of the work tree (no symbolic link in it).
    let top: String
    /// The board file (no symbolic link in it) and its path from `top`, as git names it.
    let board: String
    let relative: String

    /// Why Pipedeck will not touch the repository.
    struct Refusal: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// The name of the merge driver in `.gitattributes` and git's configuration.
    static let driverName = "pipedeck"

    /// The repository holding `boardPath`; nil when it is in none.
    static func find(board boardPath: String, environment: [String: String], interactive: Bool) throws(Refusal)
        -> TeamRepo?
    {
        let real = TeamRepo.realPath(boardPath)
        let folder = (real as NSString).deletingLastPathComponent
        let git: Git
        do { git = try Git(folder: folder, environment: environment, interactive: interactive) } catch {
            throw Refusal(Strings.Team.noGit)
        }
        let found = git.run(["rev-parse", "--show-toplevel"])
        guard found.ok, !found.text.isEmpty else { return nil }
        let top = TeamRepo.realPath(found.text)
        guard real.hasPrefix(top + "/") else { return nil }
        return TeamRepo(git: git.inFolder(top), top: top, board: real, relative: String(real.dropFirst(top.count + 1)))
    }

    /// `find`, refusing a board in no repository.
    static func open(board: String, environment: [String: String], interactive: Bool) throws(Refusal) -> TeamRepo {
        guard let repo = try find(board: board, environment: environment, interactive: interactive) else {
            throw Refusal(Strings.Team.notInRepository(board))
        }
        return repo
    }

    /// The path with every symbolic link resolved (the path itself when it cannot be).
    static func realPath(_ path: String) -> String {
        guard let r = realpath(path, nil) else {
            // A file not there yet: its folder's real path.
            let folder = (path as NSString).deletingLastPathComponent
            guard !folder.isEmpty, let f = realpath(folder, nil) else { return path }
            defer { free(f) }
            return (String(cString: f) as NSString).appendingPathComponent((path as NSString).lastPathComponent)
        }
        defer { free(r) }
        return String(cString: r)
    }

    // MARK: State

    /// Paths inside the repository's git folder (one git command for all).
    func gitPaths(_ names: [String]) -> [String] {
        gitPaths(git.run(["rev-parse"] + names.flatMap { ["--git-path", $0] }))
    }

    /// The paths `rev-parse --git-path …` printed.
    func gitPaths(_ r: Git.Output) -> [String] {
        r.text.split(separator: "\n").map { p in
            p.hasPrefix("/") ? String(p) : (top as NSString).appendingPathComponent(String(p))
        }
    }

    func gitPath(_ name: String) -> String { gitPaths([name]).first ?? "" }

    /// What keeps Pipedeck from committing and merging now (nil: nothing): a merge, rebase,
    /// cherry-pick or revert left unfinished, or a HEAD on no branch.
    func blocker() -> String? { blocker(branch: branch, unmerged: !git.run(["ls-files", "--unmerged"]).text.isEmpty) }

    /// The files git keeps while a rebase, merge, cherry-pick or revert is left unfinished.
    static let blockingStates = ["rebase-merge", "rebase-apply", "MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD"]

    func blocker(branch: String?, unmerged: Bool, paths given: [String]? = nil) -> String? {
        let names = TeamRepo.blockingStates
        let paths = given ?? gitPaths(names)
        guard paths.count == names.count else { return Strings.Team.gitFailed("rev-parse", top) }
        let there = paths.map { FileManager.default.fileExists(atPath: $0) }
        if there[0] || there[1] { return Strings.Team.midRebase(top) }
        if there[2] { return Strings.Team.midMerge(top) }
        if there[3] { return Strings.Team.midCherryPick(top) }
        if there[4] { return Strings.Team.midRevert(top) }
        if unmerged { return Strings.Team.unmerged(top) }
        if branch == nil { return Strings.Team.detached(top) }
        return nil
    }

    /// The branch checked out (nil: detached HEAD).
    var branch: String? {
        let r = git.run(["symbolic-ref", "-q", "--short", "HEAD"])
        return r.ok && !r.text.isEmpty ? r.text : nil
    }

    /// The commit of `rev`, nil when there is none (a branch with no commit yet).
    func commit(_ rev: String) -> String? {
        let r = git.run(["rev-parse", "-q", "--verify", rev + "^{commit}"])
        return r.ok && !r.text.isEmpty ? r.text : nil
    }

    func isAncestor(_ a: String, of b: String) -> Bool { git.run(["merge-base", "--is-ancestor", a, b]).ok }

    /// Whether git knows the board (it is in the last commit or staged).
    var tracksBoard: Bool { git.run(["ls-files", "--error-unmatch", "--", relative]).ok }

    /// Whether `.gitattributes` gives the board the pipedeck merge driver.
    var boardUsesDriver: Bool {
        git.run(["check-attr", "merge", "--", relative]).text.hasSuffix(": merge: " + TeamRepo.driverName)
    }

    /// Files other than the board with changes staged for the next commit.
    var otherStagedFiles: [String] {
        git.run(["diff", "--cached", "--name-only"]).text.split(separator: "\n").map(String.init).filter {
            $0 != relative
        }
    }

    /// Whether the board file was written after git's index (then it most likely holds changes
    /// not committed). False when either cannot be looked at, or the git folder is elsewhere.
    var boardNewerThanIndex: Bool {
        guard let board = FileFingerprint.of(path: board),
            let index = FileFingerprint.of(path: (top as NSString).appendingPathComponent(".git/index"))
        else { return false }
        return board.modified >= index.modified
    }

    /// The board file's size in bytes (0 when it cannot be looked at).
    var boardSize: Int { Int(FileFingerprint.of(path: board)?.size ?? 0) }

    /// Whether the board differs from the last commit (or is not in one).
    var boardChanged: Bool { !git.run(["status", "--porcelain", "--", relative]).text.isEmpty }

    /// The board as it is in commit `rev`; nil when it is not there or does not read.
    func board(at rev: String) -> Board? { boardBytes(at: rev).flatMap { TeamRepo.decode($0, path: relative) } }

    /// The board file's bytes in commit `rev`; nil when it is not there. `size`: about how
    /// large it is.
    func boardBytes(at rev: String, size: Int = 0) -> [UInt8]? {
        let r = git.run(["cat-file", "blob", rev + ":" + relative], expecting: size)
        return r.ok ? r.out : nil
    }

    /// The board in `bytes`; nil when they do not read.
    static func decode(_ bytes: [UInt8], path: String) -> Board? {
        try? BoardDocument.decode(bytes: bytes, path: path)
    }

    /// The remote to sync with: the branch's own, else "origin", else the only one.
    var remote: String? {
        if let b = branch {
            let own = git.run(["config", "--get", "branch.\(b).remote"]).text
            if !own.isEmpty { return own }
        }
        let all = git.run(["remote"]).text.split(separator: "\n").map(String.init)
        if all.contains("origin") { return "origin" }
        return all.count == 1 ? all[0] : nil
    }

    // MARK: Settings

    /// The command git runs to merge the board: this `pipedeck` (by name when the one on PATH
    /// is this one, else by its full path).
    static func driverCommand(program: String, environment: [String: String]) -> String {
        var name = shellQuoted(program)
        let path = environment["PATH"] ?? ""
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/pipedeck"
            if FileManager.default.isExecutableFile(atPath: candidate), realPath(candidate) == realPath(program) {
                name = "pipedeck"
                break
            }
        }
        return name + " merge %O %A %B %P"
    }

    static func shellQuoted(_ s: String) -> String {
        if s.allSatisfy({ $0.isLetter || $0.isNumber || "/._-+".contains($0) }) { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Registers the merge driver in the repository's configuration (git does not copy it with a
    /// clone); returns whether it had to be written.
    @discardableResult
    func registerDriver(command: String) -> Bool {
        let key = "merge.\(TeamRepo.driverName).driver"
        if git.run(["config", "--local", "--get", key]).text == command { return false }
        git.run(["config", "--local", key, command])
        git.run(["config", "--local", "merge.\(TeamRepo.driverName).name", Strings.Team.driverDescription])
        return true
    }

    /// Whether the driver is registered (by any command).
    var driverRegistered: Bool { !git.run(["config", "--get", "merge.\(TeamRepo.driverName).driver"]).text.isEmpty }

    /// A line of `.gitattributes` or `.gitignore` matching exactly `path` (from the top).
    static func pattern(_ path: String) -> String {
        var p = "/"
        for c in path {
            switch c {
            case " ": p += "[ ]"
            case "*", "?", "[", "\\", "#", "!": p += "\\" + String(c)
            default: p.append(c)
            }
        }
        return p
    }

    /// Adds `line` to the file `name` at the top of the work tree unless it is there.
    func append(line: String, to name: String) throws {
        let path = (top as NSString).appendingPathComponent(name)
        var text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        if text.split(separator: "\n").contains(where: { $0 == line }) { return }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += line + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

extension TeamRepo {
    /// What a sync needs to know before it starts, in four git commands: git's state, the
    /// status of every file, the configuration and the branch.
    struct Snapshot {
        var blocker: String?
        var branch: String?
        var config: [String: String]
        /// The board's status letters ("??" untracked, " M" changed…); nil when unchanged.
        var boardStatus: String?
        var otherStaged: [String]
        var usesDriver: Bool
        /// The board's bytes in the commit asked for, when they could be read.
        var headBytes: (commit: String, bytes: [UInt8])? = nil

        var tracksBoard: Bool { boardStatus != "??" }
        var boardChanged: Bool { boardStatus != nil }
        var remote: String? {
            if let b = branch, let own = config["branch.\(b).remote"], !own.isEmpty { return own }
            let remotes = Set(
                config.keys.filter { $0.hasPrefix("remote.") && $0.hasSuffix(".url") }.map {
                    String($0.dropFirst("remote.".count).dropLast(".url".count))
                })
            if remotes.contains("origin") { return "origin" }
            return remotes.count == 1 ? remotes.first : nil
        }
        /// The remote's branch this one follows (its own name by default), and whether it is set.
        var upstreamBranch: (name: String, configured: Bool)? {
            guard let b = branch else { return nil }
            let merge = config["branch.\(b).merge"] ?? ""
            return merge.hasPrefix("refs/heads/") ? (String(merge.dropFirst("refs/heads/".count)), true) : (b, false)
        }
    }

    /// `headCommit`: when given, the board's bytes in that commit are read at the same time
    /// (`Snapshot.headBytes`), for a sync that will commit.
    func snapshot(headCommit: String? = nil, boardSize: Int = 0) -> Snapshot {
        // Five (or six) commands that only read, run at once; the longest started first (each
        // start waits for the one before: `Git.spawning`).
        var commands: [(arguments: [String], expecting: Int)] = [
            (["status", "--porcelain", "-z", "--untracked-files=no", "--", "."], 0),
            (["config", "--list", "-z"], 0),
            (["symbolic-ref", "-q", "--short", "HEAD"], 0),
            (["rev-parse"] + TeamRepo.blockingStates.flatMap { ["--git-path", $0] }, 0),
            (["check-attr", "merge", "--", relative], 0),
        ]
        if let c = headCommit { commands.insert((["cat-file", "blob", c + ":" + relative], boardSize), at: 0) }
        var o = git.runAll(commands)
        var s = Snapshot(
            blocker: nil, branch: nil, config: [:], boardStatus: nil, otherStaged: [], usesDriver: false)
        if let c = headCommit {
            let head = o.removeFirst()
            if head.ok { s.headBytes = (c, head.out) }
        }
        s.branch = o[2].ok && !o[2].text.isEmpty ? o[2].text : nil
        // `config --list -z`: "key\nvalue\0".
        for entry in o[1].out.split(separator: 0) {
            let text = String(decoding: entry, as: UTF8.self)
            let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            s.config[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        // `status --porcelain -z`: "XY path\0" (a rename adds "\0old path").
        let entries = o[0].out.split(separator: 0)
        var skip = false, unmerged = false
        for e in entries {
            if skip { skip = false; continue }
            let text = String(decoding: e, as: UTF8.self)
            guard text.count > 3 else { continue }
            let xy = String(text.prefix(2)), path = String(text.dropFirst(3))
            if xy.first == "R" || xy.first == "C" { skip = true }
            if xy.contains("U") || xy == "AA" || xy == "DD" { unmerged = true }
            if path == relative {
                s.boardStatus = xy
            } else if let x = xy.first, x != " ", x != "?" {
                s.otherStaged.append(path)
            }
        }
        s.blocker = blocker(branch: s.branch, unmerged: unmerged, paths: gitPaths(o[3]))
        if s.boardStatus == nil && !tracksBoard { s.boardStatus = "??" }
        s.usesDriver = o[4].text.hasSuffix(": merge: " + TeamRepo.driverName)
        return s
    }
}
