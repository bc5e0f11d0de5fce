import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckStorage

/// `pipedeck merge BASE OURS THEIRS [NAME]`: git's merge driver for the board (`%O %A %B %P`).
/// The merge is `BoardCommit.merge`, the one every writer uses; the result replaces OURS.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: Strings.Team.mergeAbstract, discussion: Strings.Team.mergeDiscussion)

    @Argument(help: ArgumentHelp(Strings.Team.helpBase, valueName: "base")) var base: String
    @Argument(help: ArgumentHelp(Strings.Team.helpOurs, valueName: "ours")) var ours: String
    @Argument(help: ArgumentHelp(Strings.Team.helpTheirs, valueName: "theirs")) var theirs: String
    @Argument(help: ArgumentHelp(Strings.Team.helpName, valueName: "name")) var name: String?

    func run() throws {
        let T = Strings.Team.self
        // An empty common version: the board was added on both sides; there is nothing in common.
        // The three versions are read side by side (a large board takes most of the time here).
        let sides = [(base, T.base, true), (ours, T.ours, false), (theirs, T.theirs, false)]
        let name = name
        let boards = MergeCommand.concurrently(
            sides.map { side in
                { @Sendable in try MergeCommand.read(side.0, side: side.1, name: name, emptyIsNone: side.2) }
            })
        let baseBoard = try boards[0].get() ?? Board(name: "", stages: [])
        guard let mine = try boards[1].get(), let other = try boards[2].get() else { return }
        let (merged, report) = BoardCommit.merge(base: baseBoard, mine: mine, theirs: other)
        // Git reads OURS at once and removes it: replaced whole (never half written), no fsync.
        do {
            try Data(BoardDocument.encodeBytes(merged)).write(to: URL(fileURLWithPath: ours), options: .atomic)
        } catch {
            throw CLIFailure(Strings.Team.gitFailed("merge", error.localizedDescription))
        }
        if !report.notes.isEmpty {
            Console.error(T.mergedWithConflicts(name ?? ours, report.notes.count))
        }
    }

    /// Runs the jobs on as many threads as there are cores; their results in order.
    static func concurrently<T: Sendable>(_ jobs: [@Sendable () throws -> T]) -> [Result<T, any Error>] {
        // Each job writes only its own slot.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Result<T, any Error>?>.allocate(
            capacity: jobs.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in results[i] = Result { try jobs[i]() } }
        return results.map { $0! }
    }

    /// The board in `path`; nil for an empty file when `emptyIsNone`.
    static func read(_ path: String, side: String, name: String?, emptyIsNone: Bool = false) throws -> Board? {
        let label = Strings.Team.sideName(side, name)
        do {
            let bytes = try BoardFile.readBytes(path: path)
            if emptyIsNone && bytes.isEmpty { return nil }
            return try bytes.withUnsafeBufferPointer { (b) throws(LoadError) -> Board in
                try BoardDocument.decode(bytes: b, path: path, now: .now())
            }
        } catch {
            throw CLIFailure(Strings.Team.notABoard(label, error.message))
        }
    }
}
