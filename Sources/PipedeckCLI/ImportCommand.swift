import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `pipedeck import FILE.csv`: deals from another CRM's CSV export, written once at the end.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: Strings.Transfer.importAbstract, discussion: Strings.Transfer.importDiscussion)

    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.Transfer.helpCSV, valueName: "file.csv"))
    var csv: String
    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(Strings.Transfer.helpDryRun))
    var dryRun = false
    @Flag(name: .customLong("skip-invalid"), help: ArgumentHelp(Strings.Transfer.helpSkipInvalid))
    var skipInvalid = false
    @Flag(name: .customLong("create-stages"), help: ArgumentHelp(Strings.Transfer.helpCreateStages))
    var createStages = false
    @Option(name: .customLong("stage-map"), help: ArgumentHelp(Strings.Transfer.helpStageMap, valueName: "OLD=NEW"))
    var stageMap: [String] = []
    @Option(name: .customLong("map"), help: ArgumentHelp(Strings.Transfer.helpMap, valueName: "COLUMN=FIELD"))
    var map: [String] = []
    @Option(name: .customLong("decimal"), help: ArgumentHelp(Strings.Transfer.helpDecimal, valueName: ",|."))
    var decimal: String?
    @Flag(name: .customLong("probability-fraction"), help: ArgumentHelp(Strings.Transfer.helpFraction))
    var probabilityFraction = false
    @Option(name: .customLong("date-order"), help: ArgumentHelp(Strings.Transfer.helpDateOrder, valueName: "dmy|mdy"))
    var dateOrder: String?
    @Option(name: .customLong("separator"), help: ArgumentHelp(Strings.Transfer.helpSeparator, valueName: ",|;|tab"))
    var separator: String?
    @Option(name: .customLong("encoding"), help: ArgumentHelp(Strings.Transfer.helpEncoding, valueName: "name"))
    var encoding: String?

    func run() throws {
        let T = Strings.Transfer.self
        let now = Timestamp.now()

        // Options first: a bad option never costs reading the files.
        var options = ImportOptions()
        options.createStages = createStages
        options.probabilityFraction = probabilityFraction
        if let d = decimal {
            switch d.trimmingCharacters(in: .whitespaces).lowercased() {
            case ",", "comma": options.decimal = .comma
            case ".", "point", "dot": options.decimal = .point
            default: throw CLIFailure(T.badDecimal(d))
            }
        }
        if let o = dateOrder {
            guard let order = DateOrder(rawValue: o.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw CLIFailure(T.badDateOrder(o))
            }
            options.dateOrder = order
        }
        var sep: UInt8? = nil
        if let s = separator {
            switch s.lowercased() {
            case ",", "comma": sep = CSVReader.comma
            case ";", "semicolon": sep = CSVReader.semicolon
            case "tab", "\t", "\\t": sep = CSVReader.tab
            default: throw CLIFailure(T.badSeparator("--separator", s, ", ; or tab"))
            }
        }
        var enc: CSVEncoding? = nil
        if let e = encoding {
            switch e.lowercased().replacingOccurrences(of: "_", with: "-") {
            case "utf-8", "utf8": enc = .utf8
            case "windows-1252", "cp1252", "latin1", "latin-1", "iso-8859-1": enc = .windows1252
            default: throw CLIFailure(T.badEncoding(e))
            }
        }
        do {
            options.overrides = try map.map { (raw) throws(ImportSetupError) in try parseMapOption(raw) }
            options.stageMap = try stageMap.map { (raw) throws(ImportSetupError) -> (from: String, to: String) in
                guard let eq = raw.lastIndex(of: "=") else { throw .badStageMapOption(raw) }
                let from = raw[..<eq].trimmingCharacters(in: .whitespaces),
                    to = raw[raw.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                guard !from.isEmpty, !to.isEmpty else { throw .badStageMapOption(raw) }
                return (from, to)
            }
        } catch {
            throw CLIFailure(T.setup(error, path: csv))
        }

        let path = file.path
        // Planned on the board as read now; written under the lock, merged into the file if it
        // changed meanwhile (an open board saving, another command).
        let version = try Store.read(path)
        let board = version.board
        guard !board.stages.isEmpty else { throw CLIFailure(Strings.CLI.noStagesOnBoard) }
        let bytes = try ImportCommand.readInput(csv)

        let table: CSVTable
        let plan: ImportPlan
        do {
            table = try CSVReader.read(bytes, separator: sep, encoding: enc)
            let total = max(table.records.count - 1, 0)
            let progress = total >= 10_000 ? ProgressReporter(total: total) : nil
            plan = try Importer.plan(
                csv: table, into: board, options: options, now: now,
                progress: progress.map { p in { done, all in p.report(done, all) } })
            progress?.finish()
        } catch let e as CSVError {
            throw CLIFailure(T.setup(.csv(e), path: csv))
        } catch let e as ImportSetupError {
            throw CLIFailure(T.setup(e, path: csv))
        }

        let rowProblems = plan.rowProblems
        let report = ImportReport(plan: plan, csvPath: csv, original: board)
        if dryRun {
            Console.out(T.dryRunHeading)
            Console.out(report.text(dryRun: true, boardPath: path, showColumns: true))
            if !plan.unknownStages.isEmpty { throw CLIFailure(T.dryRunWouldRefuseStages) }
            if !rowProblems.isEmpty && !skipInvalid { throw CLIFailure(T.dryRunWouldRefuse(rowProblems.count)) }
            return
        }
        if !plan.unknownStages.isEmpty {
            var message = T.refusedStages + "\n" + T.unknownStages(plan.unknownStages, board: board)
            if !rowProblems.isEmpty {
                message +=
                    "\n" + T.problemsHeading(rowProblems.count) + "\n"
                    + rowProblems.map { T.problemLine($0, mapping: plan.mapping) }.joined(separator: "\n")
            }
            throw CLIFailure(message)
        }
        if !rowProblems.isEmpty && !skipInvalid {
            let lines = rowProblems.map { T.problemLine($0, mapping: plan.mapping) }.joined(separator: "\n")
            throw CLIFailure(
                T.refusedProblems(rowProblems.count) + "\n" + T.problemsHeading(rowProblems.count) + "\n" + lines)
        }
        if plan.validRows == 0 { throw CLIFailure(T.nothingValid) }
        let merged = plan.changesBoard ? try Store.write(plan.board, basedOn: version, to: path) : nil
        Console.out(report.text(dryRun: false, boardPath: path, showColumns: false))
        if let merged { Console.out(Strings.CLI.importMerged(merged)) }
    }

    /// The CSV's bytes; "-" reads stdin.
    static func readInput(_ path: String) throws -> [UInt8] {
        let T = Strings.Transfer.self
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw CLIFailure(T.csvNotFound(path))
        }
        if isDir.boolValue { throw CLIFailure(T.cannotReadCSV(path, String(cString: strerror(EISDIR)))) }
        do {
            return try BoardFile.readBytes(path: path)
        } catch {
            throw CLIFailure(error.message)
        }
    }
}

/// Prints "importing… 10% (1000 of 10000 rows)" on stderr at every tenth of a long file.
final class ProgressReporter {
    let total: Int
    var lastTenth = 0
    let tty = isatty(2) != 0
    init(total: Int) { self.total = total }

    func report(_ done: Int, _ all: Int) {
        let tenth = done * 10 / max(all, 1)
        guard tenth > lastTenth, tenth < 10 else { return }
        lastTenth = tenth
        write(Strings.Transfer.progress(done, all))
    }

    func finish() {
        write(Strings.Transfer.progress(total, total))
        if tty { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func write(_ text: String) {
        let line = "pipedeck: " + text
        FileHandle.standardError.write(Data((tty ? "\r" + line : line + "\n").utf8))
    }
}

/// The text `import` prints: how the file was read, the figures of its deals per stage, the counts
/// and the rows with problems.
struct ImportReport {
    let plan: ImportPlan
    let csvPath: String
    let original: Board

    func text(dryRun: Bool, boardPath: String, showColumns: Bool) -> String {
        let T = Strings.Transfer.self
        let m = plan.mapping
        var lines: [String] = []
        var read = T.readLine(
            csvPath, rows: plan.rowCount, source: m.source, separator: plan.separator, encoding: plan.encoding,
            decimal: plan.amounts.flatMap { T.decimalNote($0.mark, given: $0.given) },
            dates: T.dateNote(plan.dates.order, given: plan.dates.given))
        if plan.blankRows > 0 { read += " " + T.blankRows(plan.blankRows) }
        lines.append(read)
        if showColumns {
            let pairs = m.fields.indices.compactMap { i in m.fields[i].map { (m.headers[i], $0.rawValue) } }
            lines.append(T.columnsLine(pairs))
        }
        let ignored = m.ignored.map { m.headers[$0] }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if !ignored.isEmpty { lines.append(T.ignoredLine(ignored)) }
        if m.column(.value) == nil { lines.append(T.noValueColumn) }
        for c in plan.createdStages {
            let idx = plan.board.stageIndex(c.stage.id)
            let next = idx.flatMap { $0 + 1 < plan.board.stages.count ? plan.board.stages[$0 + 1].name : nil }
            lines.append(T.createdStage(c, before: next))
        }
        if !plan.unknownStages.isEmpty {
            lines.append("")
            lines.append(T.unknownStages(plan.unknownStages, board: original))
        }

        if plan.validRows > 0 {
            lines.append("")
            lines.append(T.figuresHeading)
            lines.append(figures())
        }
        lines.append("")
        let counts = T.counts(added: plan.added, updated: plan.updated, unchanged: plan.unchanged)
        if dryRun {
            lines.append(T.wouldImport(plan.validRows, counts))
        } else if plan.changesBoard {
            lines.append(T.imported(plan.validRows, boardPath, counts))
        } else {
            lines.append(T.nothingNew(plan.validRows))
        }
        let problems = plan.rowProblems
        if !problems.isEmpty {
            lines.append(dryRun ? T.problemsHeading(problems.count) : T.skippedHeading(problems.count))
            for p in problems { lines.append(T.problemLine(p, mapping: m)) }
        }
        return lines.joined(separator: "\n")
    }

    /// Per stage: the file's deals, their total and weighted value; then open, won and lost totals.
    func figures() -> String {
        SummaryOutput.tables(PipelineSummary(board: plan.board, deals: plan.importedDeals), board: plan.board)
    }
}
