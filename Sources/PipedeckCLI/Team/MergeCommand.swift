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
        // The common version is decoded whole; each side is made from it and the few deals whose
        // bytes differ (`BoardDelta`), or, when it differs more, decoded whole too (side by side).
        let sides = [(base, T.base), (ours, T.ours), (theirs, T.theirs)]
        let name = name
        let bytes = try sides.map { side in try MergeCommand.bytes(side.0, side: side.1, name: name) }
        let common = bytes[0].isEmpty ? nil : try MergeCommand.decode(bytes[0], base, side: T.base, name: name)
        let baseBoard = common ?? Board(name: "", stages: [])
        let made = [1, 2].map { k in
            common.flatMap { BoardDelta.board(bytes[k], from: $0, bytes: bytes[0], path: sides[k].0) }
        }
        let boards = Concurrently.results(
            [1, 2].map { k in
                { @Sendable in
                    try made[k - 1] ?? MergeCommand.decode(bytes[k], sides[k].0, side: sides[k].1, name: name)
                }
            })
        let mine = try boards[0].get(), other = try boards[1].get()
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

    /// The bytes of the file at `path`.
    static func bytes(_ path: String, side: String, name: String?) throws -> [UInt8] {
        do { return try BoardFile.readBytes(path: path) } catch {
            throw CLIFailure(Strings.Team.notABoard(Strings.Team.sideName(side, name), error.message))
        }
    }

    /// The board in `bytes`, read from `path`.
    static func decode(_ bytes: [UInt8], _ path: String, side: String, name: String?) throws -> Board {
        do {
            return try BoardDocument.decode(bytes: bytes, path: path)
        } catch {
            throw CLIFailure(Strings.Team.notABoard(Strings.Team.sideName(side, name), error.message))
        }
    }
}
