import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage

/// `pipedeck boards`: the pipelines in the data folder and those opened elsewhere before.
struct BoardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boards", abstract: Strings.Boards.abstract, discussion: Strings.Boards.discussion)

    @Flag(name: .customLong("json"), help: ArgumentHelp(Strings.CLI.helpJSON)) var json = false

    func run() throws {
        let env = CLIEnvironment.variables
        let entries = BoardShelf.entries(env)
        let last = BoardShelf.lastOpened(env).map(BoardShelf.absolutePath)
        if json {
            Console.out(
                JSONOut.object([
                    ("folder", .string(BoardShelf.folder(env))),
                    ("boards", .array(entries.map { BoardsCommand.json($0, last: last) })),
                ]
                ).rendered())
            return
        }
        guard !entries.isEmpty else {
            Console.out(Strings.Boards.none(ThemePlaces(environment: env).display(BoardShelf.folder(env))))
            return
        }
        Console.out(BoardsCommand.table(entries, last: last, display: ThemePlaces(environment: env).display))
    }

    static func table(_ entries: [ShelfEntry], last: String?, display: (String) -> String) -> String {
        let B = Strings.Boards.self
        var t = TextTable([
            .init(title: ""), .init(title: B.colName, maxWidth: 32), .init(title: B.colOpen, align: .right),
            .init(title: B.colValue, align: .right), .init(title: B.colWeighted, align: .right),
            .init(title: B.colLastOpened), .init(title: B.colFile),
        ])
        for e in entries {
            var fmt = AmountText(board: Board(name: "", currency: e.currency.isEmpty ? "EUR" : e.currency, stages: []))
            let board = Board(name: "", currency: e.currency.isEmpty ? "EUR" : e.currency, stages: [])
            let mark = BoardShelf.absolutePath(e.path) == last ? "▸" : ""
            guard let name = e.name else {
                t.add([
                    mark, B.unreadable, "", "", "", e.lastOpened.map { $0.day(in: .current).description } ?? "",
                    display(e.path),
                ])
                continue
            }
            t.add([
                mark, name, String(e.openCount), fmt.string(e.value, board: board),
                fmt.string(e.weighted, board: board),
                e.lastOpened.map { $0.day(in: .current).description } ?? "", display(e.path),
            ])
        }
        let problems = entries.compactMap { e in e.problem.map { "  " + $0 } }
        return t.rendered() + (problems.isEmpty ? "" : "\n\n" + B.problems + "\n" + problems.joined(separator: "\n"))
    }

    static func json(_ e: BoardShelf.Entry, last: String?) -> JSONOut {
        func converted(_ c: Converted) -> JSONOut {
            .object([
                ("value", .money(c.value)), ("approximate", .bool(c.isApproximate)),
                ("apart", .object(c.apart.byCurrency.keys.sorted().map { ($0, .money(c.apart[$0])) })),
            ])
        }
        return .object([
            ("name", .text(e.name)), ("path", .string(e.path)),
            ("last", .bool(BoardShelf.absolutePath(e.path) == last)),
            ("currency", e.name == nil ? .null : .string(e.currency)),
            ("deals", .int(e.dealCount)), ("open", .int(e.openCount)),
            ("value", e.name == nil ? .null : converted(e.value)),
            ("weighted", e.name == nil ? .null : converted(e.weighted)),
            ("lastOpened", e.lastOpened.map { .string($0.description) } ?? .null),
            ("problem", .text(e.problem)),
        ])
    }
}

/// Where a new named board goes and which board opens by default.
enum BoardChoice {
    /// `init --name N` without --file or $PIPEDECK_FILE: a file named after the board in the
    /// data folder; otherwise the usual path.
    static func initPath(file: FileOption, name: String?) -> String {
        let env = CLIEnvironment.variables
        guard let name, file.file?.isEmpty ?? true, env["PIPEDECK_FILE"]?.isEmpty ?? true else { return file.path }
        return BoardShelf.path(forNewBoard: name, env)
    }

    /// The interactive board without --file or $PIPEDECK_FILE: the last board opened that still
    /// exists, else the default file.
    static func openPath(file: FileOption) -> String {
        let env = CLIEnvironment.variables
        guard file.file?.isEmpty ?? true, env["PIPEDECK_FILE"]?.isEmpty ?? true else { return file.path }
        return BoardShelf.lastOpened(env) ?? file.path
    }
}
