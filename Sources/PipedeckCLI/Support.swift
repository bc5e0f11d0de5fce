import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage

/// An error that ends a command: the message goes to stderr, the status is the exit status.
struct CLIFailure: Error {
    var message: String
    var status: Int32 = 1
    init(_ message: String, status: Int32 = 1) { self.message = message; self.status = status }
}

enum Console {
    static func out(_ text: String) { print(text) }
    static func error(_ text: String) {
        var t = text
        if !t.hasSuffix("\n") { t += "\n" }
        fflush(stdout)
        FileHandle.standardError.write(Data(("pipedeck: " + t).utf8))
    }
}

enum CLIEnvironment {
    static var variables: [String: String] { ProcessInfo.processInfo.environment }
    static var locale: String? { MoneyFormatter.environmentLocale(variables) }
}

/// `--file PATH`, shared by every command.
struct FileOption: ParsableArguments {
    @Option(name: .customLong("file"), help: ArgumentHelp(Strings.CLI.helpFile, valueName: "path"))
    var file: String?

    /// The pipeline file: --file, $PIPEDECK_FILE, then the XDG data folder.
    var path: String { BoardFile.resolvePath(explicit: file, environment: CLIEnvironment.variables) }
}

// MARK: - Loading and saving

enum Store {
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Loads the board; a missing file is status 1 with a hint, a file that fails to load is status 2.
    static func load(_ path: String) throws -> Board {
        guard exists(path) else { throw CLIFailure(Strings.CLI.noFile(path)) }
        do {
            return try BoardFile.load(path: path)
        } catch {
            throw CLIFailure(message(of: error), status: 2)
        }
    }

    /// Saves under the board's lock file, so a write from the command line takes turns with an
    /// open board (which notices the change and merges it before its own next save).
    static func save(_ board: Board, to path: String) throws {
        do {
            try BoardLock(boardPath: path).withLock { try BoardFile.save(board, to: path) }
        } catch {
            throw CLIFailure(message(of: error))
        }
    }

    /// The storage error's own sentence (it names the file).
    static func message(of error: any Error) -> String {
        if let e = error as? LoadError { return e.message }
        if let e = error as? SaveError { return e.message }
        if case .busy(let holders)? = error as? BoardLock.Failure {
            return
                "another Pipedeck (pid \(holders.map(String.init).joined(separator: ", "))) is saving this file; try again in a moment"
        }
        return String(describing: error)
    }
}

// MARK: - Applying actions

extension Board {
    /// `apply` with its error turned into a command failure.
    func applying(_ action: Action, at now: Timestamp) throws -> Outcome {
        do {
            return try apply(action, at: now)
        } catch {
            throw CLIFailure(Strings.describe(error))
        }
    }

    /// A deal from an id or a unique prefix; the failure lists the candidates.
    func findDeal(_ ref: String) throws -> Deal {
        switch resolveDeal(ref) {
        case .success(let d):
            return d
        case .failure(.ambiguousDeal(_, let ids)):
            let lines = ids.map { id in deal(id).map { "\(id)  \(TextWidth.sanitize($0.title))" } ?? id }
            throw CLIFailure(Strings.CLI.ambiguousDeal(ref, lines))
        case .failure:
            throw CLIFailure(Strings.CLI.unknownDeal(ref))
        }
    }

    /// A stage from an id, a name or a 1-based position; the failure names the option and lists the stages.
    func findStage(_ ref: String, option: String) throws -> Stage {
        if let s = resolveStage(ref) { return s }
        throw CLIFailure(Strings.CLI.optionProblem(option, Strings.CLI.unknownStage(ref, stages)))
    }

    func stageName(_ id: String) -> String { stage(id)?.name ?? id }

    func label(_ d: Deal) -> String { Strings.CLI.dealLabel(d.id, TextWidth.sanitize(d.title)) }

}

// MARK: - Parsing option values

enum Parse {
    /// A deal value: plain digits with an optional "." or "," and at most two decimals; a
    /// separator before exactly three digits ("12.500") is refused as ambiguous.
    static func value(_ raw: String, option: String) throws -> Money {
        switch AmountParser.parse(raw, .plain) {
        case .success(let r): return r.amount
        case .failure(.notAnAmount):
            throw CLIFailure(Strings.CLI.optionError(option, raw, Strings.CLI.notTwoDecimalsComma))
        case .failure(let p): throw CLIFailure(Strings.CLI.optionError(option, raw, Strings.amountProblem(p)))
        }
    }

    /// A percentage from 0 to 100, with a decimal point or comma.
    static func percent(_ raw: String, option: String) throws -> Percent {
        guard case .success(let p) = DecimalParser.percent(raw) else {
            throw CLIFailure(Strings.CLI.optionError(option, raw, Strings.probabilityRange))
        }
        return p
    }

    static func day(_ raw: String, option: String) throws -> Day {
        guard case .success(let d) = DateParser.parse(raw, .iso) else {
            throw CLIFailure(Strings.CLI.optionError(option, raw, Strings.badDate))
        }
        return d
    }

    static func currency(_ raw: String, option: String) throws -> String {
        let c = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard Board.isCurrencyCode(c) else {
            throw CLIFailure(Strings.CLI.optionProblem(option, Strings.badCurrency(raw)))
        }
        return c
    }

    static func title(_ raw: String, option: String) throws -> String {
        let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw CLIFailure(Strings.CLI.optionProblem(option, Strings.emptyTitle)) }
        return t
    }

    /// Optional text: surrounding blanks removed, empty means "none".
    static func text(_ raw: String?) -> String? {
        guard let t = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    /// Tags: trimmed, empty ones dropped, duplicates (any case) dropped, order kept.
    static func tags(_ raw: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for r in raw {
            let t = r.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty || !seen.insert(t.lowercased()).inserted { continue }
            out.append(t)
        }
        return out
    }
}

// MARK: - Formatting amounts

extension AmountText {
    /// The board's locale, or else the environment's.
    init(board: Board) { self.init(board: board, locale: CLIEnvironment.locale) }
}
