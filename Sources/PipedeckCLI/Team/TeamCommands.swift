import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckStorage

/// `pipedeck team init|join|log`.
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: Strings.Team.teamAbstract, discussion: Strings.Team.teamDiscussion,
        subcommands: [TeamInitCommand.self, TeamJoinCommand.self, TeamLogCommand.self])
}

/// Who is at the keyboard: `me =` in Pipedeck's settings file, else git's `user.name`.
enum TeamIdentity {
    static func me(boardFolder: String?, environment: [String: String] = CLIEnvironment.variables) -> String? {
        if let me = fromSettings(environment) { return me }
        let folder = boardFolder.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil } ?? "/"
        guard let git = try? Git(folder: folder, environment: environment, interactive: false) else { return nil }
        let name = git.run(["config", "user.name"]).text
        return name.isEmpty ? nil : name
    }

    /// `me =` in Pipedeck's settings file.
    static func fromSettings(_ environment: [String: String]) -> String? {
        guard let text = ThemeConfig.read(ThemePlaces(environment: environment)) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) {
            if let (k, v) = ThemeConfig.setting(line), k == "me", !v.isEmpty { return v }
        }
        return nil
    }

    /// This program, for git to run as the merge driver.
    static var program: String {
        if let p = Bundle.main.executablePath { return TeamRepo.realPath(p) }
        return TeamRepo.realPath(CommandLine.arguments[0])
    }
}

/// `pipedeck sync`: see `TeamSync`.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: Strings.Team.syncAbstract, discussion: Strings.Team.syncDiscussion)

    @OptionGroup var file: FileOption
    @Flag(name: .customLong("json"), help: ArgumentHelp(Strings.CLI.helpJSON)) var json = false

    func run() throws {
        let path = file.path
        try Store.check(path)
        let env = CLIEnvironment.variables
        let options = TeamSync.Options(
            board: path, environment: env, interactive: isatty(0) == 1,
            me: TeamIdentity.fromSettings(env), program: TeamIdentity.program)
        let result: TeamSync.Result
        do { result = try TeamSync(options).run() } catch { throw CLIFailure(error.message) }
        if json {
            Console.out(SyncReport.json(result).rendered())
        } else {
            Console.out(SyncReport.text(result))
        }
        if case .notShared = result.outcome { throw ExitCode(3) }
    }
}

/// What `pipedeck sync` prints.
enum SyncReport {
    static func text(_ r: TeamSync.Result) -> String {
        let T = Strings.Team.self
        var lines = r.notices
        let words = r.board.map { ChangeWords(board: $0) }
        switch r.outcome {
        case .notShared: lines.append(r.committed.map(T.committedLocally) ?? T.nothingToCommit)
        default: if let c = r.committed { lines.append(T.committed(c)) }
        }
        if let words, !r.received.deals.isEmpty {
            lines.append(T.received(r.received.deals.count))
            lines += r.received.deals.map { "  " + words.line($0) }
        }
        if let words, !r.sent.deals.isEmpty, r.sent.deals.count != r.received.deals.count || r.committed != nil {
            lines.append(T.sent(r.sent.deals.count))
            lines += r.sent.deals.prefix(20).map { "  " + words.line($0) }
            if r.sent.deals.count > 20 { lines.append("  …") }
        }
        switch r.outcome {
        case .synced: lines.append(T.synced(r.remote ?? ""))
        case .alreadyInSync: lines.append(T.alreadyInSync(r.remote ?? ""))
        case .notShared(let why): lines.append(why)
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ r: TeamSync.Result) -> JSONOut {
        let words = r.board.map { ChangeWords(board: $0) }
        let status: String, reason: JSONOut
        switch r.outcome {
        case .synced: (status, reason) = ("synced", .null)
        case .alreadyInSync: (status, reason) = ("alreadyInSync", .null)
        case .notShared(let why): (status, reason) = ("notShared", .string(why))
        }
        func list(_ c: BoardChanges) -> JSONOut { .array(words.map { w in c.deals.map(w.json) } ?? []) }
        return .object([
            ("status", .string(status)), ("reason", reason), ("remote", .text(r.remote)),
            ("committed", .text(r.committed)), ("sent", list(r.sent)), ("received", list(r.received)),
            ("conflicts", .array(words.map { w in r.conflicts.map(w.json) } ?? [])),
        ])
    }
}
