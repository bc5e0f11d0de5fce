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
        let baseBoard = try read(base, side: T.base, emptyIsNone: true) ?? Board(name: "", stages: [])
        guard let mine = try read(ours, side: T.ours), let other = try read(theirs, side: T.theirs) else { return }
        let (merged, report) = BoardCommit.merge(base: baseBoard, mine: mine, theirs: other)
        do {
            try BoardFile.save(bytes: BoardDocument.encodeBytes(merged), to: ours)
        } catch {
            throw CLIFailure(error.message)
        }
        if !report.notes.isEmpty {
            Console.error(T.mergedWithConflicts(name ?? ours, report.notes.count))
        }
    }

    /// The board in `path`; nil for an empty file when `emptyIsNone`.
    func read(_ path: String, side: String, emptyIsNone: Bool = false) throws -> Board? {
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
