import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage

/// `pipedeck export --format csv|json|ics [--status …] [-o FILE]`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: Strings.Transfer.exportAbstract, discussion: Strings.Transfer.exportDiscussion)

    static let formats = ["csv", "json", "ics"]

    @OptionGroup var file: FileOption
    @Option(name: .customLong("format"), help: ArgumentHelp(Strings.Transfer.helpFormat, valueName: "csv|json|ics"))
    var format: String?
    @Option(
        name: .customLong("status"),
        help: ArgumentHelp(Strings.Transfer.helpExportStatus, valueName: "open|won|lost|all"))
    var status: String = "all"
    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp(Strings.Transfer.helpOutput, valueName: "file"))
    var output: String?
    @Flag(name: .customLong("bom"), help: ArgumentHelp(Strings.Transfer.helpBOM))
    var bom = false
    @Option(name: .customLong("separator"), help: ArgumentHelp(Strings.Transfer.helpExportSeparator, valueName: ",|;"))
    var separator: String?

    func run() throws {
        let T = Strings.Transfer.self
        let st = status.trimmingCharacters(in: .whitespaces).lowercased()
        guard ListCommand.statuses.contains(st) else {
            throw CLIFailure(Strings.CLI.badChoice("--status", status, ListCommand.statuses))
        }
        let out = output.flatMap { $0 == "-" ? nil : $0 }
        var fmt = format?.trimmingCharacters(in: .whitespaces).lowercased()
        if fmt == nil, let out {
            let ext = (out as NSString).pathExtension.lowercased()
            if ExportCommand.formats.contains(ext) { fmt = ext } else if ext == "ical" || ext == "ifb" { fmt = "ics" }
        }
        let kind = fmt ?? "csv"
        guard ExportCommand.formats.contains(kind) else { throw CLIFailure(T.badFormat(format ?? kind)) }
        var sep: Character = ","
        if let s = separator {
            switch s {
            case ",": sep = ",";
            case ";": sep = ";"
            default: throw CLIFailure(T.badSeparator("--separator", s, ", or ;"))
            }
        }

        let path = file.path
        if let out, ExportCommand.samePath(out, path) { throw CLIFailure(T.outputIsBoard(out)) }
        let board = try Store.load(path)
        let deals = ExportCommand.ordered(board.deals.filter { st == "all" || $0.status.rawValue == st }, on: board)

        let bytes: [UInt8]
        let count: Int
        switch kind {
        case "json":
            bytes = DealsJSON.encode(deals)
            count = deals.count
        case "ics":
            let events = ExportCommand.events(deals, board: board)
            bytes = Array(ICSWriter.calendar(name: T.calendarName(board.name), events: events).utf8)
            count = events.count
        default:
            let rows = [DealCSV.header] + deals.map { DealCSV.row($0, board: board) }
            bytes = Array(CSVWriter.document(rows, separator: sep, byteOrderMark: bom).utf8)
            count = deals.count
        }

        guard let out else {
            // A terminal gets control characters shown as the board shows them (an escape
            // sequence in a deal must not retitle or clear the terminal); a pipe the exact bytes.
            fflush(nil) // all output streams, standard output among them
            FileHandle.standardOutput.write(Data(isatty(STDOUT_FILENO) != 0 ? ExportCommand.forTerminal(bytes) : bytes))
            return
        }
        do {
            try BoardFile.save(bytes: bytes, to: out)
        } catch {
            throw CLIFailure(error.message)
        }
        Console.out(kind == "ics" ? T.exportedEvents(count, out) : T.exported(count, out, kind))
        if kind == "ics" && count == 0 { Console.out(T.emptyCalendar) }
    }

    /// The text with every control character (C0, DEL, C1, line separators, bidi controls)
    /// replaced by its visible stand-in (`TextWidth.placeholder`: ␛, ␇, �…), except the line
    /// feeds, CR LF pairs and tabs that lay the output out.
    static func forTerminal(_ bytes: [UInt8]) -> [UInt8] {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count)
        for (i, u) in scalars.enumerated() {
            let v = u.value
            let layout = v == 0x0A || v == 0x09 || (v == 0x0D && i + 1 < scalars.count && scalars[i + 1] == "\n")
            out.append(!layout && TextWidth.needsSanitizing(v) ? TextWidth.placeholder(for: v) : u)
        }
        return Array(String(out).utf8)
    }

    /// Stage order, then each column's order.
    static func ordered(_ deals: [Deal], on board: Board) -> [Deal] {
        var index: [String: Int] = [:]
        for (i, s) in board.stages.enumerated() { index[s.id] = i }
        return deals.sorted { a, b in
            let ia = index[a.stage] ?? Int.max, ib = index[b.stage] ?? Int.max
            return ia != ib ? ia < ib : Board.columnOrder(a, b)
        }
    }

    /// One event per dated planned activity of the open deals, by day and time: at its time
    /// (for its duration) when it has one, all day otherwise.
    static func events(_ deals: [Deal], board: Board) -> [ICSEvent] {
        let T = Strings.Transfer.self
        var fmt = AmountText(board: board)
        var out: [ICSEvent] = []
        for d in deals where d.status == .open {
            let planned = d.activities.filter { !$0.done && $0.due != nil }
            if planned.isEmpty { continue }
            let cur = board.currency(of: d)
            let description = T.icsDescription(
                value: fmt.string(d.value, cur), weighted: fmt.string(board.weightedValue(of: d), cur),
                stage: board.stageName(d.stage), probability: board.probability(of: d).description,
                contact: d.contact, phone: d.phone, email: d.email, id: d.id)
            for a in planned {
                out.append(
                    ICSEvent(
                        uid: "\(a.id)@pipedeck", stamp: d.updatedAt, day: a.due!, time: a.time,
                        duration: a.time == nil ? nil : a.duration,
                        summary: T.icsSummary(
                            type: Strings.activityTitle(a.type), action: a.subject, title: d.title, company: d.company),
                        description: description, categories: d.tags))
            }
        }
        return out.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.day != y.day { return x.day < y.day }
            if x.time != y.time { return (x.time?.minutes ?? -1) < (y.time?.minutes ?? -1) }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Whether two paths name the same file (after following links), or the same text when neither exists.
    static func samePath(_ a: String, _ b: String) -> Bool {
        let ua = URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath()
        let ub = URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath()
        return ua.path == ub.path
    }
}
