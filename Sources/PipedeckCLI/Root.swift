import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckStorage

/// `pipedeck`: opens the interactive board; the subcommands script the pipeline.
struct Root: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipedeck",
        abstract: Strings.CLI.rootAbstract,
        discussion: Strings.CLI.rootDiscussion,
        version: PipedeckVersion.text,
        subcommands: [
            DemoCommand.self, InitCommand.self, AddCommand.self, ListCommand.self, ShowCommand.self,
            EditCommand.self, RemoveCommand.self, MoveCommand.self, WonCommand.self, LostCommand.self,
            ReopenCommand.self, SummaryCommand.self, ReportCommand.self, NpsCommand.self,
            ThemesCommand.self, ImportCommand.self, ExportCommand.self,
            AgendaCommand.self, ActivityCommand.self, LogCommand.self, StagesCommand.self, ReasonsCommand.self,
            SyncCommand.self, TeamCommand.self, MergeCommand.self, TargetsCommand.self, RatesCommand.self,
            BoardsCommand.self,
        ]
    )

    @OptionGroup var file: FileOption
    @OptionGroup var view: ViewOptions

    func run() throws {
        try BoardOpener.open(path: BoardChoice.openPath(file: file), view: view, remember: true)
    }
}

/// The release, printed by `pipedeck --version` and written into the man page. Raised with each
/// release (and in docs/cli.md's example).
public enum PipedeckVersion {
    public static let number = "0.9.0"
    public static var text: String { "pipedeck \(number)" }
}

/// How the interactive board looks.
struct ViewOptions: ParsableArguments {
    @Option(name: .customLong("theme"), help: ArgumentHelp(Strings.CLI.helpTheme, valueName: "name|path"))
    var theme: String?
    @Flag(name: .customLong("no-color"), help: ArgumentHelp(Strings.CLI.helpNoColor))
    var noColor = false
    @Flag(name: .customLong("no-mouse"), help: ArgumentHelp(Strings.CLI.helpNoMouse))
    var noMouse = false
}

enum BoardOpener {
    /// Opens the board on `path`.
    static func open(path: String, view: ViewOptions, remember: Bool = false) throws {
        // A missing file gets its hint here, a link loop, a FIFO or a device its own message; a
        // broken board is reported (exit 2) by the board, which reads the file once, before the
        // screen opens.
        try Store.check(path)
        var options = InteractiveBoard.Options(
            path: path, theme: view.theme, noColor: view.noColor, mouse: !view.noMouse)
        options.remember = remember
        // The board runs on the main thread, which owns the terminal (commands run there).
        let status = MainActor.assumeIsolated { InteractiveBoard.run(options) }
        if status != 0 { throw ExitCode(status) }
    }
}
