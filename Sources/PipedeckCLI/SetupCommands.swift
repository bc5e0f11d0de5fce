import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckStorage

/// `pipedeck init`: a new pipeline file from a template or the demo.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: Strings.CLI.initAbstract)

    @OptionGroup var file: FileOption
    @Option(
        name: .customLong("template"), help: ArgumentHelp(Strings.CLI.helpTemplate, valueName: "standard|five-step"))
    var template: String?
    @Flag(name: .customLong("demo"), help: ArgumentHelp(Strings.CLI.helpInitDemo))
    var demo = false
    @Option(name: .customLong("currency"), help: ArgumentHelp(Strings.CLI.helpCurrency, valueName: "code"))
    var currency: String?
    @Option(name: .customLong("name"), help: ArgumentHelp(Strings.CLI.helpName, valueName: "name"))
    var name: String?
    @Flag(name: .customLong("force"), help: ArgumentHelp(Strings.CLI.helpForce))
    var force = false

    func run() throws {
        // Check every option before touching anything.
        var chosen = Template.standard
        if let t = template {
            guard let found = Template(rawValue: t.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw CLIFailure(Strings.CLI.badTemplate(t))
            }
            chosen = found
        }
        let code = try currency.map { try Parse.currency($0, option: "--currency") }
        if demo && (chosen != .standard || (code != nil && code != "EUR")) {
            throw CLIFailure(Strings.CLI.demoIsStandard)
        }
        var boardName: String?
        if let n = name {
            guard let t = Parse.text(n) else { throw CLIFailure(Strings.CLI.emptyName("--name")) }
            boardName = t
        }
        let path = BoardChoice.initPath(file: file, name: boardName)
        var board: Board
        if demo {
            let now = Timestamp.now()
            board = Demo.board(now: now, today: Day.today(at: now))
        } else {
            board = chosen.board(currency: code ?? "EUR")
        }
        if let n = boardName { board.name = n }
        try Store.create(board, at: path, replacing: force)
        BoardShelf.remember(path, at: .now(), CLIEnvironment.variables)
        if demo {
            Console.out(Strings.CLI.createdDemo(path, deals: board.deals.count))
        } else {
            Console.out(Strings.CLI.created(path, template: chosen.rawValue, stages: board.stages.count))
        }
    }
}

/// `pipedeck demo`: the demo pipeline in a file of its own, never the user's pipeline.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: Strings.CLI.demoAbstract,
        discussion: Strings.CLI.demoDiscussion)

    // The same option group as the root command's, so that the parser hands --file to this command.
    @OptionGroup var file: FileOption
    @Flag(name: .customLong("print"), help: ArgumentHelp(Strings.CLI.helpDemoPrint))
    var printOnly = false
    @Flag(name: .customLong("force"), help: ArgumentHelp(Strings.CLI.helpDemoForce))
    var force = false
    @OptionGroup var view: ViewOptions

    func run() throws {
        let path: String
        if let f = file.file, !f.isEmpty {
            // An explicit file only; $PIPEDECK_FILE and the XDG default are deliberately ignored.
            path = f
        } else {
            path = try DemoCommand.freshTemporaryPath()
        }
        let now = Timestamp.now()
        let board = Demo.board(now: now, today: Day.today(at: now))
        try Store.create(board, at: path, replacing: force)
        if printOnly {
            Console.out(path)
            return
        }
        Console.out(Strings.CLI.demoWritten(path))
        try BoardOpener.open(path: path, view: view)
    }

    /// `$TMPDIR/pipedeck-demo-XXXXXX.json` (or under /tmp) that does not exist yet.
    static func freshTemporaryPath() throws -> String {
        var dir = CLIEnvironment.variables["TMPDIR"] ?? ""
        if dir.isEmpty { dir = "/tmp" }
        while dir.count > 1 && dir.hasSuffix("/") { dir.removeLast() }
        let letters = Array("abcdefghijkmnpqrstuvwxyz23456789")
        for _ in 0..<100 {
            let suffix = String((0..<6).map { _ in letters.randomElement()! })
            let path = (dir == "/" ? "" : dir) + "/pipedeck-demo-\(suffix).json"
            if !Store.exists(path) { return path }
        }
        throw CLIFailure(Strings.CLI.noTempFile(dir))
    }
}
