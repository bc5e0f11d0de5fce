import Foundation
import PipedeckCore

/// Several pipelines: the boards in the data folder (`$XDG_DATA_HOME/pipedeck/*.json`, else
/// `~/.local/share/pipedeck/*.json`) and those opened elsewhere before, which the interactive
/// board remembers in `recent-boards` beside them (one line per board: the time it was last
/// opened, a tab, its absolute path; the newest first). The last board opened is the one the
/// interactive board opens when no file is given.
public enum BoardShelf {
    public static let recentFileName = "recent-boards"
    /// How many boards opened outside the data folder are remembered.
    public static let recentLimit = 50

    public typealias Entry = ShelfEntry

    /// The data folder: `$XDG_DATA_HOME/pipedeck` (an absolute path), else `~/.local/share/pipedeck`.
    public static func folder(_ environment: [String: String]) -> String {
        if let x = environment["XDG_DATA_HOME"], x.hasPrefix("/") { return BoardFile.join(x, "pipedeck") }
        return BoardFile.join(BoardFile.homeFolder(environment), ".local/share/pipedeck")
    }

    /// Where `init --name` puts a new board: its file name (`fileName(for:)`) in the data folder.
    public static func path(forNewBoard name: String, _ environment: [String: String]) -> String {
        BoardFile.join(folder(environment), fileName(for: name))
    }

    static func recentPath(_ environment: [String: String]) -> String {
        BoardFile.join(folder(environment), recentFileName)
    }

    /// The boards opened before, the last first, with when.
    public static func recent(_ environment: [String: String]) -> [(path: String, at: Timestamp)] {
        guard let data = FileManager.default.contents(atPath: recentPath(environment)) else { return [] }
        var seen = Set<String>()
        var out: [(String, Timestamp)] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, let t = Timestamp.parse(String(parts[0])), parts[1].hasPrefix("/") else { continue }
            let p = String(parts[1])
            if seen.insert(p).inserted { out.append((p, t)) }
        }
        return out // written newest first
    }

    /// The last board opened that still exists.
    public static func lastOpened(_ environment: [String: String]) -> String? {
        recent(environment).first { FileManager.default.fileExists(atPath: $0.path) }?.path
    }

    /// Remembers that `path` was opened at `at`: written beside the boards, atomically. A
    /// failure only means the board is not remembered (returned for a message).
    @discardableResult
    public static func remember(_ path: String, at: Timestamp, _ environment: [String: String]) -> String? {
        let absolute = absolutePath(path)
        var list = recent(environment).filter { $0.path != absolute }
        list.insert((absolute, at), at: 0)
        let text = list.prefix(recentLimit).map { "\($0.at)\t\($0.path)\n" }.joined()
        do {
            try FileManager.default.createDirectory(atPath: folder(environment), withIntermediateDirectories: true)
            try BoardFile.save(data: Data(text.utf8), to: recentPath(environment))
            return nil
        } catch {
            return "\(error)"
        }
    }

    public static func absolutePath(_ path: String) -> String {
        let p = path.hasPrefix("/") ? path : BoardFile.join(FileManager.default.currentDirectoryPath, path)
        return URL(fileURLWithPath: p).standardizedFileURL.path
    }

    /// The boards: every `*.json` of the data folder and every board opened before that still
    /// exists, each once, by name. Each is read to count its deals.
    public static func entries(_ environment: [String: String]) -> [Entry] {
        let dir = folder(environment)
        var paths: [String] = []
        if let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            paths = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { BoardFile.join(dir, $0) }
        }
        let recent = recent(environment)
        var when: [String: Timestamp] = [:]
        for r in recent { when[r.path] = r.at }
        for r in recent where !paths.contains(r.path) && FileManager.default.fileExists(atPath: r.path) {
            paths.append(r.path)
        }
        var out = paths.map { p -> Entry in
            var e = entry(p)
            e.lastOpened = when[absolutePath(p)]
            return e
        }
        out.sort {
            // By name; boards that cannot be read last.
            guard let a = $0.name?.lowercased() else { return false }
            guard let b = $1.name?.lowercased() else { return true }
            return a != b ? a < b : $0.path < $1.path
        }
        return out
    }

    /// One board read and counted.
    public static func entry(_ path: String) -> Entry {
        var e = Entry(path: path)
        do {
            let b = try BoardFile.load(path: path)
            let s = PipelineSummary(board: b)
            e.name = b.name
            e.currency = b.currency
            e.openCount = s.open.count
            e.dealCount = b.deals.count
            e.value = b.converted(s.open.total)
            e.weighted = b.converted(s.open.weighted)
        } catch {
            e.problem = error.message
        }
        return e
    }

    /// The file name of a new board called `name` in the data folder: "Partners" →
    /// "partners.json", "Renouvellements 2027" → "renouvellements-2027.json". Letters lose their
    /// accents; anything but letters and digits becomes "-".
    public static func fileName(for name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for ch in folded {
            if ch.isLetter || ch.isNumber {
                slug.append(ch)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "board" }
        return String(slug.prefix(80)) + ".json"
    }
}
