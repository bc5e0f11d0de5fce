import ArgumentParser
import Foundation

public enum PipedeckMain {
    /// Runs the command line on the process's arguments and exits with the command's status.
    public static func run() -> Never {
        exit(execute(Array(CommandLine.arguments.dropFirst())))
    }

    /// Parses and runs one command line (without the program name); returns the exit status.
    /// 0 success, 1 a usage or other error, 2 a pipeline file that fails to load.
    public static func execute(_ given: [String]) -> Int32 {
        if let failure = LanguageChoice.apply(arguments: given, environment: CLIEnvironment.variables) {
            Console.error(failure.message)
            return failure.status
        }
        let arguments = LanguageChoice.removingOption(given)
        do {
            if let plain = PlainOpen(arguments) {
                try plain.run()
            } else {
                var command = try Root.parseAsRoot(arguments)
                try command.run()
            }
            return 0
        } catch let failure as CLIFailure {
            Console.error(failure.message)
            return failure.status
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            // Argument parsing: help and version are clean exits, everything else is a usage error,
            // said in one line like every other error, with the usage after it.
            if Root.exitCode(for: error) == .success {
                let message = HelpWords.localized(Root.fullMessage(for: error))
                if !message.isEmpty { print(message) }
                return 0
            }
            fflush(nil) // all output streams, standard output among them
            let text = UsageErrors.lines(for: error, arguments: arguments).joined(separator: "\n") + "\n"
            FileHandle.standardError.write(Data(text.utf8))
            return 1
        }
    }
}

/// The everyday start, `pipedeck` or `pipedeck --file F`, opens the board without the argument
/// parser: its run-time type work over every subcommand was about a quarter of the start-up
/// before the board file is read. Anything else (another option, a subcommand, `--file` with an
/// empty value or one that looks like an option) goes through the parser, so its help and
/// errors stay the parser's. `PlainOpenTests` checks that both ways give the same options.
struct PlainOpen {
    var file: FileOption
    var view: ViewOptions

    init?(_ arguments: [String]) {
        let path: String?
        switch arguments.count {
        case 0: path = nil
        case 1:
            guard arguments[0].hasPrefix("--file=") else { return nil }
            path = String(arguments[0].dropFirst("--file=".count))
        case 2:
            guard arguments[0] == "--file" else { return nil }
            path = arguments[1]
        default: return nil
        }
        if let path, path.isEmpty || path.hasPrefix("-") { return nil }
        file = FileOption()
        file.file = path
        file.lang = nil
        view = ViewOptions()
        view.theme = nil
        view.noColor = false
        view.noMouse = false
    }

    func run() throws {
        try BoardOpener.open(path: BoardChoice.openPath(file: file), view: view, remember: true)
    }
}
