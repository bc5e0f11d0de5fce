import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckStorage

/// `pipedeck team init [--remote URL] [--file F]`.
struct TeamInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: Strings.Team.initAbstract)

    @OptionGroup var file: FileOption
    @Option(name: .customLong("remote"), help: ArgumentHelp(Strings.Team.helpRemote, valueName: "url"))
    var remote: String?

    func run() throws {
        let path = file.path
        try Store.check(path)
        _ = try Store.load(path) // a board that does not read is not shared
        let env = CLIEnvironment.variables
        for line in try TeamSetup.initialise(
            board: path, remote: remote, environment: env, program: TeamIdentity.program)
        {
            Console.out(line)
        }
    }
}

/// `pipedeck team join URL [DIR]`.
struct TeamJoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "join", abstract: Strings.Team.joinAbstract)

    @Argument(help: ArgumentHelp(Strings.Team.helpURL, valueName: "url")) var url: String
    @Argument(help: ArgumentHelp(Strings.Team.helpFolder, valueName: "folder")) var folder: String?

    func run() throws {
        let lines = try TeamSetup.join(
            url: url, folder: folder, environment: CLIEnvironment.variables, program: TeamIdentity.program)
        for line in lines { Console.out(line) }
    }
}

/// The steps of `team init` and `team join`, returning what to tell the user.
enum TeamSetup {
    typealias Refusal = TeamRepo.Refusal

    static func initialise(board path: String, remote: String?, environment env: [String: String], program: String)
        throws
        -> [String]
    {
        let T = Strings.Team.self
        var said: [String] = []
        var repo: TeamRepo
        do {
            if let found = try TeamRepo.find(board: path, environment: env, interactive: true) {
                repo = found
                said.append(T.usingRepository(repo.top))
            } else {
                let folder = (TeamRepo.realPath(path) as NSString).deletingLastPathComponent
                let git = try gitIn(folder, env)
                var args = ["init", "--quiet"]
                if git.run(["config", "--get", "init.defaultBranch"]).text.isEmpty { args += ["-b", "main"] }
                let made = git.run(args)
                guard made.ok else { throw CLIFailure(T.gitFailed("init", made.problem)) }
                guard let created = try TeamRepo.find(board: path, environment: env, interactive: true) else {
                    throw CLIFailure(T.gitFailed("init", folder))
                }
                repo = created
                said.append(T.createdRepository(repo.top))
            }
        } catch let r as Refusal {
            throw CLIFailure(r.message)
        }
        if let why = repo.blocker() { throw CLIFailure(why) }
        if let remote, let existing = existingRemote(repo, named: "origin"), existing != remote {
            throw CLIFailure(T.remoteExists("origin", existing))
        }
        try share(repo, program: program, environment: env)
        said.append(T.sharedBoard(repo.relative))
        guard let remote else {
            said.append(repo.remote == nil ? T.noRemoteYet : T.nextSteps)
            return said
        }
        if existingRemote(repo, named: "origin") == nil { repo.git.run(["remote", "add", "origin", remote]) }
        let pushed = repo.git.run(["push", "--quiet", "-u", "origin", "HEAD"])
        if pushed.ok {
            said.append(T.pushedTo(remote))
            said.append(T.nextSteps)
        } else if TeamSync.isRace(pushed.err) {
            throw CLIFailure(T.remoteHasHistory)
        } else {
            said.append(T.pushFailed(remote, pushed.problem))
        }
        return said
    }

    static func gitIn(_ folder: String, _ env: [String: String]) throws -> Git {
        do { return try Git(folder: folder, environment: env, interactive: true) } catch {
            throw CLIFailure(Strings.Team.noGit)
        }
    }

    static func existingRemote(_ repo: TeamRepo, named name: String) -> String? {
        let r = repo.git.run(["remote", "get-url", name])
        return r.ok ? r.text : nil
    }

    /// `.gitattributes` (the board merged by Pipedeck), `.gitignore` (its lock and temporary
    /// files), the driver in the repository's configuration, and a commit of the three.
    static func share(_ repo: TeamRepo, program: String, environment env: [String: String]) throws {
        let T = Strings.Team.self
        repo.registerDriver(command: TeamRepo.driverCommand(program: program, environment: env))
        var paths = [repo.relative]
        do {
            if !repo.boardUsesDriver {
                try repo.append(
                    line: TeamRepo.pattern(repo.relative) + " merge=" + TeamRepo.driverName, to: ".gitattributes")
                paths.append(".gitattributes")
            }
            let (folder, name) = (
                (repo.relative as NSString).deletingLastPathComponent, (repo.relative as NSString).lastPathComponent
            )
            let prefix = folder.isEmpty ? "" : folder + "/"
            let lock = prefix + "." + name + ".lock"
            if !repo.git.run(["check-ignore", "-q", "--", lock]).ok {
                try repo.append(line: TeamRepo.pattern(lock), to: ".gitignore")
                try repo.append(line: TeamRepo.pattern(prefix + "." + name) + ".*.tmp", to: ".gitignore")
                paths.append(".gitignore")
            }
        } catch {
            throw CLIFailure(T.gitFailed("setup", error.localizedDescription))
        }
        repo.git.run(["add", "--"] + paths)
        let staged = repo.git.run(["diff", "--cached", "--quiet", "--"] + paths)
        if staged.ok { return } // already committed as it is
        let name = repo.board(at: ":0")?.name ?? repo.relative // the staged board
        let r = repo.git.run(["commit", "--quiet", "-m", T.initialCommit(name), "--"] + paths)
        if !r.ok {
            if r.err.contains("tell me who you are") || r.err.contains("empty ident") || r.err.contains("auto-detect") {
                throw CLIFailure(T.noIdentity(r.problem))
            }
            throw CLIFailure(T.gitFailed("commit", r.problem))
        }
    }

    static func join(url: String, folder: String?, environment env: [String: String], program: String) throws
        -> [String]
    {
        let T = Strings.Team.self
        let cwd = FileManager.default.currentDirectoryPath
        let target = folder ?? defaultFolder(for: url)
        let absolute = target.hasPrefix("/") ? target : (cwd as NSString).appendingPathComponent(target)
        if let items = try? FileManager.default.contentsOfDirectory(atPath: absolute), !items.isEmpty {
            throw CLIFailure(T.folderExists(target))
        }
        let git = try gitIn(cwd, env)
        let cloned = git.run(["clone", "--quiet", url, absolute])
        guard cloned.ok else { throw CLIFailure(T.cloneFailed(url, cloned.problem)) }
        let inClone = git.inFolder(absolute)
        checkOutABranch(inClone)
        let files = inClone.run(["ls-files"]).text.split(separator: "\n").map(String.init)
        let attrs = inClone.run(["check-attr", "merge", "--"] + files)
        let boards = attrs.text.split(separator: "\n").compactMap { line -> String? in
            let suffix = ": merge: " + TeamRepo.driverName
            return line.hasSuffix(suffix) ? String(line.dropLast(suffix.count)) : nil
        }
        var said = [T.joined(target)]
        guard let first = boards.first else {
            return [T.noBoardInClone(target)]
        }
        let board = (absolute as NSString).appendingPathComponent(first)
        guard let repo = try? TeamRepo.find(board: board, environment: env, interactive: true) else { return said }
        repo.registerDriver(command: TeamRepo.driverCommand(program: program, environment: env))
        for b in boards {
            said.append(T.openWith((target as NSString).appendingPathComponent(b)))
        }
        said.append(T.nextSteps)
        return said
    }

    /// A remote whose HEAD names a branch it does not have (a bare repository made with another
    /// default branch than the one pushed to it) leaves a clone with nothing checked out: check
    /// out its "main", else "master", else its first branch.
    static func checkOutABranch(_ git: Git) {
        if git.run(["rev-parse", "-q", "--verify", "HEAD"]).ok { return }
        let remote = git.run(["for-each-ref", "--format=%(refname:strip=3)", "refs/remotes/origin"]).text
            .split(separator: "\n").map(String.init).filter { $0 != "HEAD" }
        guard let pick = ["main", "master"].first(where: remote.contains) ?? remote.first else { return }
        git.run(["checkout", "--quiet", "-B", pick, "--track", "origin/" + pick])
    }

    /// The folder git would clone `url` into: its last part without ".git".
    static func defaultFolder(for url: String) -> String {
        var s = url
        while s.hasSuffix("/") { s.removeLast() }
        if s.hasSuffix(".git") { s.removeLast(4) }
        let last = s.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? "team"
        return last.isEmpty ? "team" : last
    }
}
