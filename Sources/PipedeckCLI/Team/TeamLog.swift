import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage

/// `pipedeck team log [--since …] [--json]`: who changed what, deal by deal, newest first, from
/// the commits that changed the board ("Camille · 2 Dec 10:14 · ERP integration: Qualification →
/// Proposal, value 40 000 → 42 000 €"). Merge commits are left out: what they bring in is shown
/// with the commits of the person who made it.
struct TeamLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: Strings.Team.logAbstract)

    @OptionGroup var file: FileOption
    @Option(name: .customLong("since"), help: ArgumentHelp(Strings.Team.helpSince, valueName: "date"))
    var since: String?
    @Flag(name: .customLong("json"), help: ArgumentHelp(Strings.CLI.helpJSON)) var json = false

    func run() throws {
        let path = file.path
        try Store.check(path)
        let repo: TeamRepo
        do {
            repo = try TeamRepo.open(board: path, environment: CLIEnvironment.variables, interactive: false)
        } catch { throw CLIFailure(error.message) }
        let entries = TeamLog(repo: repo).entries(since: since)
        if json {
            Console.out(JSONOut.array(entries.map(\.json)).rendered())
        } else if entries.isEmpty {
            Console.out(Strings.Team.noHistory)
        } else {
            for e in entries { for l in e.lines { Console.out(l) } }
        }
    }
}

/// The board's history in the repository.
struct TeamLog {
    let repo: TeamRepo

    struct Entry {
        var commit: String
        var author: String
        var time: Timestamp
        /// nil for the commit that first put the board in the repository.
        var changes: BoardChanges?
        var board: Board

        var words: ChangeWords { ChangeWords(board: board) }

        var lines: [String] {
            let head = TextWidth.sanitize(author) + " · " + TeamLog.when(time) + " · "
            guard let changes else { return [head + Strings.Team.startedBoard(board.deals.count)] }
            var out = changes.deals.map { head + words.line($0) }
            out += changes.stages.map { head + Strings.Team.stagesLabel + ": " + words.stageLine($0) }
            if let n = changes.renamedTo { out.append(head + Strings.Team.boardLabel + ": “\(TextWidth.sanitize(n))”") }
            return out
        }

        var json: JSONOut {
            .object([
                ("commit", .string(commit)), ("author", .string(author)), ("at", .string(time.description)),
                ("started", .bool(changes == nil)),
                ("deals", .array((changes?.deals ?? []).map(words.json))),
                ("stages", .array((changes?.stages ?? []).map { .string(words.stageLine($0)) })),
            ])
        }
    }

    /// The commits that changed the board (merges left out), newest first.
    func entries(since: String?) -> [Entry] {
        var args = ["log", "--no-merges", "--no-renames", "--format=%x1e%H%x1f%an%x1f%at", "--raw", "--no-abbrev"]
        if let since { args.append("--since=" + since) }
        let out = repo.git.run(args + ["--", repo.relative])
        guard out.ok else { return [] }
        var cache: [String: Board] = [:]
        func board(_ blob: String) -> Board? {
            if let b = cache[blob] { return b }
            let r = repo.git.run(["cat-file", "blob", blob])
            guard r.ok else { return nil }
            let b = try? r.out.withUnsafeBytes { raw in
                try BoardDocument.decode(bytes: raw.bindMemory(to: UInt8.self), path: repo.relative, now: .now())
            }
            if cache.count > 4 { cache.removeAll() }
            cache[blob] = b
            return b
        }
        var entries: [Entry] = []
        for record in out.text.split(separator: "\u{1e}") {
            let lines = record.split(separator: "\n")
            let head = lines.first?.split(separator: "\u{1f}", omittingEmptySubsequences: false) ?? []
            guard head.count == 3, let seconds = Int64(head[2]) else { continue }
            // ":100644 100644 OLD NEW M\tpath"
            guard let raw = lines.dropFirst().first(where: { $0.hasPrefix(":") }) else { continue }
            let fields = raw.split(separator: "\t")[0].split(separator: " ")
            guard fields.count >= 5, let new = board(String(fields[3])) else { continue }
            let oldBlob = String(fields[2])
            let old = oldBlob.allSatisfy { $0 == "0" } ? nil : board(oldBlob)
            entries.append(
                Entry(
                    commit: String(head[0]), author: String(head[1]), time: Timestamp(seconds: seconds),
                    changes: old.map { BoardChanges(from: $0, to: new) }, board: new))
        }
        return entries
    }

    /// "2 Dec 10:14" in the local time zone; the year too when it is not this one.
    static func when(_ t: Timestamp, zone: TimeZone = .current, now: Timestamp = .now()) -> String {
        let local = t.seconds + Int64(zone.secondsFromGMT(for: t.date))
        let day = Day(ordinal: Int(floorDiv(local, 86_400))), c = day.components
        let minutes = Int((local - floorDiv(local, 86_400) * 86_400) / 60)
        let thisYear = Day(ordinal: Int(floorDiv(now.seconds, 86_400))).components.year
        let year = c.year == thisYear ? "" : " \(c.year)"
        return "\(c.day) \(Strings.Team.months[c.month - 1])\(year) "
            + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { (a - ((a % b) + b) % b) / b }
}
