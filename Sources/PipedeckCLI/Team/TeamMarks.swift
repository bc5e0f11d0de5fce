import Foundation
import PipedeckCore
import PipedeckStorage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The deals the team changed (✦) or that were changed on both sides (!) and that the person has
/// not looked at yet, kept per clone: every sync (`pipedeck sync` or the open board) adds the
/// deals that came in from the team, the open board shows them and takes off those the
/// selection came to. They live in the repository's git folder (`git rev-parse --git-path
/// pipedeck/marks.json`: never committed, never pushed), one list per board of the repository,
/// written atomically and readable by the owner only. A file missing or not understood is no
/// marks.
struct TeamMarks: Equatable, Sendable {
    var changed: Set<String> = []
    var conflicts: Set<String> = []

    var isEmpty: Bool { changed.isEmpty && conflicts.isEmpty }

    /// What a sync brought: the deals the team changed and those changed on both sides are
    /// marked (a clash wins over a change), deals the team deleted lose their marks.
    mutating func add(_ received: BoardChanges) {
        for c in received.deals {
            switch c.kind {
            case .deleted:
                changed.remove(c.id)
                conflicts.remove(c.id)
            case .added, .changed:
                if !c.notes.isEmpty {
                    conflicts.insert(c.id)
                    changed.remove(c.id)
                } else if !conflicts.contains(c.id) {
                    changed.insert(c.id)
                }
            }
        }
    }

    mutating func remove(_ ids: some Sequence<String>) {
        for id in ids {
            changed.remove(id)
            conflicts.remove(id)
        }
    }
}

/// The file of a clone's marks (`TeamMarks`), for the board at `board` (its path in the
/// repository).
struct TeamMarksFile: Sendable {
    /// The file (in the git folder).
    let path: String
    /// The board's path from the top of the work tree: the key of its marks.
    let board: String

    /// The file of the repository `repo`, for its board.
    init(repo: TeamRepo) {
        path = repo.gitPath("pipedeck/marks.json")
        board = repo.relative
    }

    init(path: String, board: String) {
        self.path = path
        self.board = board
    }

    /// The board's marks; none when the file is missing or not understood.
    func read() -> TeamMarks { TeamMarksFile.boards(at: path)[board] ?? TeamMarks() }

    /// Changes the board's marks under the file's lock (a sync on the command line and an open
    /// board may both write; the same lock as a board's, `BoardLock`) and writes them back when
    /// they changed. Returns the marks now; when the lock cannot be had, those on file, unchanged.
    @discardableResult
    func update(_ change: (inout TeamMarks) -> Void) -> TeamMarks {
        // The folder first, so that even the first write holds the lock.
        mkdir((path as NSString).deletingLastPathComponent, 0o700)
        let locked = try? BoardLock(boardPath: path).withLock { () -> TeamMarks in
            var all = TeamMarksFile.boards(at: path)
            var mine = all[board] ?? TeamMarks()
            let before = mine
            change(&mine)
            if mine != before {
                all[board] = mine.isEmpty ? nil : mine
                TeamMarksFile.write(all, to: path)
            }
            return mine
        }
        return locked ?? read()
    }

    /// The stat of the file that tells whether it changed since last read (nil: no file).
    func fingerprint() -> FileFingerprint? { FileFingerprint.of(path: path) }

    // MARK: The file

    /// `{"boards": {"pipeline.json": {"changed": [ids], "conflicts": [ids]}}, "version": 1}`
    static func boards(at path: String) -> [String: TeamMarks] {
        guard let data = FileManager.default.contents(atPath: path),
            let top = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let boards = top["boards"] as? [String: Any]
        else { return [:] }
        var out: [String: TeamMarks] = [:]
        for (name, value) in boards {
            guard let entry = value as? [String: Any] else { continue }
            let changed = (entry["changed"] as? [Any] ?? []).compactMap { $0 as? String }
            let conflicts = (entry["conflicts"] as? [Any] ?? []).compactMap { $0 as? String }
            out[name] = TeamMarks(changed: Set(changed), conflicts: Set(conflicts))
        }
        return out
    }

    /// Written whole to a temporary file renamed over the old one: a reader sees the old marks
    /// or the new ones, never half of them. Marks are a convenience: a write that fails is not
    /// said (the next one tries again).
    static func write(_ boards: [String: TeamMarks], to path: String) {
        var entries: [String: Any] = [:]
        for (name, m) in boards {
            entries[name] = ["changed": m.changed.sorted(), "conflicts": m.conflicts.sorted()]
        }
        let top: [String: Any] = ["boards": entries, "version": 1]
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: top, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        else { return }
        // Atomic and owner-only, as a board is written (its folder made 0700 when missing).
        try? BoardFile.save(data: data, to: path)
    }
}
