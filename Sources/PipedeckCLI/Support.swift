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
        fflush(nil) // all output streams, standard output among them
        FileHandle.standardError.write(Data(("pipedeck: " + t).utf8))
    }
}

enum CLIEnvironment {
    static var variables: [String: String] { ProcessInfo.processInfo.environment }
    /// How numbers look when the board names no locale: the environment's, or French in French.
    static var locale: String? {
        Language.current.defaultNumberLocale(environment: MoneyFormatter.environmentLocale(variables))
    }
}

/// `--file PATH`, shared by every command. The parser hands an option group's value down to a
/// subcommand that declares the same type, so every command, `demo` included, must use this one
/// type, and its help is written to be true for `demo` too.
struct FileOption: ParsableArguments {
    @Option(name: .customLong("file"), help: ArgumentHelp(Strings.CLI.helpFile, valueName: "path"))
    var file: String?
    /// Read and taken out before parsing (`LanguageChoice`, for every command); declared here for
    /// the help.
    @Option(name: .customLong("lang"), help: ArgumentHelp(Strings.CLI.helpLang, valueName: "fr|en"))
    var lang: String?

    /// The pipeline file: --file, $PIPEDECK_FILE, then the XDG data folder.
    var path: String { BoardFile.resolvePath(explicit: file, environment: CLIEnvironment.variables) }
}
// MARK: - Loading and saving

enum Store {
    /// Whether anything is at `path` (a symbolic link counts, even one that leads nowhere).
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Refuses, with the message and status a person expects, a path that holds no board: no
    /// file (status 1, with a hint), a symbolic link to nothing (1), a link loop, a FIFO, a
    /// device or a folder (2).
    static func check(_ path: String) throws {
        switch BoardFile.inspect(path) {
        case .missing: throw CLIFailure(Strings.CLI.noFile(path))
        case .danglingLink(let target): throw CLIFailure(StorageStrings.danglingLink(path, target: target))
        case .linkLoop: throw CLIFailure(StorageStrings.linkLoop(path), status: 2)
        case .special(let kind): throw CLIFailure(StorageStrings.notRegular(path, kind: kind), status: 2)
        case .regular, .unknown: return
        }
    }

    /// Loads the board; a missing file is status 1 with a hint, a file that fails to load is status 2.
    static func load(_ path: String) throws -> Board {
        try read(path).board
    }

    /// Loads the board with what identifies the version read (for a writer that works before
    /// taking the lock, such as an import).
    static func read(_ path: String) throws -> BoardVersion {
        try check(path)
        do {
            return try BoardFile.readVersion(path: path)
        } catch {
            throw CLIFailure(message(of: error), status: 2)
        }
    }

    /// Changes the board: under the board's lock the file is read as it is at that moment,
    /// `change` works on it (and may throw `CLIFailure` to refuse), and the result is written
    /// when it changed. So two commands, or a command and an open board, never undo each other.
    static func update<T>(_ path: String, _ change: (inout Board) throws -> T) throws -> T {
        try check(path)
        do {
            return try BoardFile.update(path: path, change)
        } catch let failure as CLIFailure {
            throw failure
        } catch let e as LoadError {
            throw CLIFailure(e.message, status: 2)
        } catch {
            throw CLIFailure(message(of: error))
        }
    }

    /// Writes `board`, made from `base` (read before taking the lock, e.g. an import planned on
    /// it): under the lock, merged into the file if the file changed since. Returns the merge's
    /// report when there was one.
    static func write(_ board: Board, basedOn base: BoardVersion, to path: String) throws -> MergeReport? {
        do {
            return try BoardCommit.write(board, basedOn: base, to: path, lock: BoardLock(boardPath: path)).merge
        } catch let e as LoadError {
            throw CLIFailure(e.message, status: 2)
        } catch {
            throw CLIFailure(message(of: error))
        }
    }

    /// Writes a new board (`init`, `demo`): refuses to replace a board without `replacing`, and
    /// never replaces a symbolic link that leads nowhere or loops, a FIFO or a device.
    static func create(_ board: Board, at path: String, replacing: Bool) throws {
        func decide(_ state: BoardFile.PathState) throws {
            switch state {
            case .regular where !replacing: throw CLIFailure(Strings.CLI.alreadyExists(path))
            case .danglingLink(let target):
                throw CLIFailure(StorageStrings.danglingLinkNotWritten(path, target: target))
            case .linkLoop: throw CLIFailure(StorageStrings.linkLoop(path), status: 2)
            case .special(let kind): throw CLIFailure(StorageStrings.notRegular(path, kind: kind), status: 2)
            case .regular, .missing, .unknown: return
            }
        }
        try decide(BoardFile.inspect(path)) // "already exists" before "read-only"
        do {
            try BoardFile.create(board, at: path, decide)
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure(message(of: error))
        }
    }

    /// The storage error's own sentence (it names the file).
    static func message(of error: any Error) -> String {
        if let e = error as? LoadError { return e.message }
        if let e = error as? SaveError { return e.message }
        if let e = error as? BoardLock.Failure { return e.message }
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
            let lines = ids.map { id in deal(id).map { label($0) } ?? id }
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

// MARK: - One owner's deals

/// `--owner NAME` (list, agenda, report): the deals of one owner, in any case, blanks around
/// ignored. An owner that no deal has is an error that lists the owners, in every command.
enum OwnerFilter {
    static func deals(of raw: String, on board: Board) throws -> (deals: [Deal], label: String) {
        let key = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let deals = board.deals.filter { $0.owner?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == key }
        guard let first = deals.first?.owner else {
            throw CLIFailure(Strings.Reports.unknownOwner(raw, owners(of: board)))
        }
        return (deals, first.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Every owner once (the first spelling met), sorted without regard to case.
    static func owners(of board: Board) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for d in board.deals {
            guard let o = d.owner?.trimmingCharacters(in: .whitespacesAndNewlines), !o.isEmpty,
                seen.insert(o.lowercased()).inserted
            else { continue }
            out.append(o)
        }
        return out.sorted { $0.lowercased() < $1.lowercased() }
    }
}

// MARK: - Parsing option values

enum Parse {
    /// A deal value: plain digits with an optional "." or "," and at most two decimals; a
    /// separator before exactly three digits ("12.500") is refused as ambiguous.
    static func value(_ raw: String, option: String) throws -> Money {
        // A plain number: no sign ("-5" gets the message about negative values).
        if raw.trimmingCharacters(in: .whitespaces).hasPrefix("+") {
            throw CLIFailure(Strings.CLI.optionError(option, raw, Strings.CLI.noSign))
        }
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
        // In French a date may also be written 03/12/2026, demain or vendredi.
        let how: DateParser.Strictness = Language.current == .french ? .typed(today: Day.today()) : .iso
        guard case .success(let d) = DateParser.parse(raw, how) else {
            throw CLIFailure(Strings.CLI.optionError(option, raw, Strings.badDate))
        }
        return d
    }

    static func currency(_ raw: String, option: String) throws -> String {
        let c = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard ISO4217.contains(c) else {
            throw CLIFailure(Strings.CLI.optionProblem(option, Strings.badCurrency(raw)))
        }
        return c
    }

    /// An argument collected as "all unrecognised" (so that a negative number reaches the
    /// command): at most one value, and not an unknown `--option`.
    static func single(_ values: [String]) throws -> String? {
        if let bad = values.first(where: { $0.hasPrefix("--") }) {
            throw CLIFailure(Strings.CLI.optionProblem(bad, Strings.CLI.unknownOption(suggestion: nil)))
        }
        if values.count > 1 { throw CLIFailure(Strings.CLI.unexpectedArguments(Array(values.dropFirst()))) }
        return values.first
    }

    /// A whole number in `range`, blanks around it allowed; `expected` says what was wanted.
    static func whole(_ raw: String, option: String, in range: ClosedRange<Int>, expected: String) throws -> Int {
        let t = raw.trimmingCharacters(in: .whitespaces)
        let digits = t.hasPrefix("-") ? t.dropFirst() : Substring(t)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t),
            range.contains(n)
        else {
            throw CLIFailure(Strings.CLI.optionError(option, raw, expected))
        }
        return n
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
