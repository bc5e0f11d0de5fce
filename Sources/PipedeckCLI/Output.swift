import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage

// MARK: - JSON output

/// JSON written by the command line: keys in a fixed order, numbers as exact text.
indirect enum JSONOut {
    case null
    case bool(Bool)
    /// A number written exactly as given (e.g. `Money.canonical`), so nothing is rounded.
    case number(String)
    case string(String)
    case array([JSONOut])
    case object([(String, JSONOut)])

    static func money(_ m: Money) -> JSONOut { .number(m.canonical) }

    /// A value as the board file had it (object members in byte order, as the file writes them).
    init(_ v: JSONValue) {
        switch v {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(JSONOut.init))
        case .object(let o):
            self = .object(o.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, JSONOut(o[$0]!)) })
        }
    }
    static func percent(_ p: Percent) -> JSONOut { .number(p.description) }
    static func int(_ n: Int) -> JSONOut { .number(String(n)) }
    static func text(_ s: String?) -> JSONOut { s.map { .string($0) } ?? .null }

    /// Pretty-printed with two spaces per level.
    func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        return out
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): JSONOut.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, v) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                v.write(to: &out, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (k, v)) in fields.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                JSONOut.quote(k, into: &out)
                out += ": "
                v.write(to: &out, indent: indent + 1)
                out += i == fields.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || (u.value >= 0x2028 && u.value <= 0x2029) {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}

// MARK: - Text tables

// MARK: - Deals as JSON

enum DealJSON {
    static func make(_ d: Deal, board: Board, today: Day) -> JSONOut {
        // The next action: the earliest planned activity (`text` and `done` as before activities).
        var next: JSONOut = .null
        if let n = d.nextActivity {
            next = .object([
                ("id", .string(n.id)), ("type", .string(n.type.rawValue)), ("text", .string(n.subject)),
                ("due", .text(n.due?.description)), ("time", .text(n.time?.description)), ("done", .bool(false)),
            ])
        }
        var bant: JSONOut = .null
        if let q = d.qualification {
            bant = .object([
                ("budget", .bool(q.budget)), ("authority", .bool(q.authority)), ("need", .bool(q.need)),
                ("timeline", .bool(q.timeline)), ("score", .int(q.score)),
            ])
        }
        let history: [JSONOut] = d.history.map { h in
            var fields: [(String, JSONOut)] = [
                ("at", .string(h.at.description)), ("from", .text(h.from)), ("to", .string(h.to)),
                ("status", .text(h.status?.rawValue)),
            ]
            if let n = h.merge {
                let text = Strings.Changes.note(
                    n, deal: d, board: board, locale: board.settings.locale ?? CLIEnvironment.locale)
                fields.append(
                    (
                        "merge",
                        .object([
                            ("kind", .string(n.kind.rawValue)), ("field", .text(n.field)),
                            ("kept", n.kept.map(JSONOut.init) ?? .null), ("keptBy", .text(n.keptBy)),
                            ("lost", n.lost.map(JSONOut.init) ?? .null), ("lostBy", .text(n.lostBy)),
                            ("text", .string(text)),
                        ])
                    ))
            }
            return .object(fields)
        }
        return .object([
            ("id", .string(d.id)),
            ("title", .string(d.title)),
            ("status", .string(d.status.rawValue)),
            ("stage", .string(d.stage)),
            ("stageName", .string(board.stageName(d.stage))),
            ("value", .money(d.value)),
            ("currency", .string(board.currency(of: d))),
            ("probability", .percent(board.probability(of: d))),
            ("ownProbability", d.probability.map(JSONOut.percent) ?? .null),
            ("weighted", .money(board.countedWeight(of: d))),
            ("company", .text(d.company)),
            ("contact", .text(d.contact)),
            ("phone", .text(d.phone)),
            ("email", .text(d.email)),
            ("owner", .text(d.owner)),
            ("source", .text(d.source)),
            ("tags", .array(d.tags.map { .string($0) })),
            ("expectedClose", .text(d.expectedClose?.description)),
            ("nextAction", next),
            ("activities", .array(d.activities.map { ActivityJSON.make($0, deal: nil, today: today) })),
            ("lostReason", .text(d.lostReason)),
            ("qualification", bant),
            ("notes", .text(d.notes)),
            ("createdAt", .string(d.createdAt.description)),
            ("updatedAt", .string(d.updatedAt.description)),
            ("stageEnteredAt", .string(d.stageEnteredAt.description)),
            ("daysInStage", .int(board.daysInStage(d, today: today))),
            ("rank", .int(d.rank)),
            ("history", .array(history)),
        ])
    }
}

// MARK: - Summary

enum SummaryOutput {
    /// Always keyed by the board's currency first (0 when nothing is in it), then each other
    /// currency present, in alphabetical order, so that scripts can always read the board's key.
    static func amounts(_ a: Amounts, primary: String) -> JSONOut {
        let others = a.currencies(primary: primary).filter { $0 != primary }
        return .object(([primary] + others).map { ($0, .money(a[$0])) })
    }

    static func json(_ s: PipelineSummary, board: Board) -> JSONOut {
        let p = s.currency
        var currencies = Set([p])
        for f in [s.open, s.won, s.lost] { currencies.formUnion(f.total.byCurrency.keys) }
        let ordered = [p] + currencies.subtracting([p]).sorted()
        let stages: [JSONOut] = s.stages.map { sf in
            .object([
                ("id", .string(sf.stage.id)),
                ("name", .string(sf.stage.name)),
                ("kind", .string(sf.stage.kind.rawValue)),
                ("probability", .percent(sf.stage.probability)),
                ("count", .int(sf.figures.count)),
                ("total", amounts(sf.figures.total, primary: p)),
                ("weighted", amounts(sf.figures.weighted, primary: p)),
            ])
        }
        return .object(
            [
                ("board", .string(board.name)),
                ("currency", .string(p)),
                ("currencies", .array(ordered.map { .string($0) })),
                ("stages", .array(stages)),
                (
                    "open",
                    .object([
                        ("count", .int(s.open.count)), ("total", amounts(s.open.total, primary: p)),
                        ("weighted", amounts(s.open.weighted, primary: p)),
                    ])
                ),
                ("won", .object([("count", .int(s.won.count)), ("total", amounts(s.won.total, primary: p))])),
                ("lost", .object([("count", .int(s.lost.count)), ("total", amounts(s.lost.total, primary: p))])),
            ] + TargetOutput.summaryConverted(s, board: board))
    }

    static func text(_ s: PipelineSummary, board: Board) -> String {
        TextWidth.sanitize(Strings.CLI.summaryHeading(board.name, s.currency)) + "\n\n" + tables(s, board: board)
            + TargetOutput.summaryConvertedText(s, board: board)
    }

    /// The per-stage table, then the open, won and lost totals (also the import's dry run).
    static func tables(_ s: PipelineSummary, board: Board) -> String {
        let S = Strings.CLI.self
        var fmt = AmountText(board: board)
        let p = s.currency
        var table = TextTable([
            .init(title: S.colStage, maxWidth: 28),
            .init(title: S.colDeals, align: .right),
            .init(title: S.colValue, align: .right),
            .init(title: S.colWeighted, align: .right),
        ])
        for sf in s.stages {
            table.add([
                sf.stage.name, String(sf.figures.count),
                fmt.string(sf.figures.total, primary: p), fmt.string(sf.figures.weighted, primary: p),
            ])
        }
        var totals = TextTable([
            .init(title: ""), .init(title: "", align: .right), .init(title: ""), .init(title: ""),
        ])
        totals.add([
            S.summaryOpen, Strings.deals(s.open.count),
            "\(S.summaryTotal) \(fmt.string(s.open.total, primary: p))",
            "\(S.summaryWeighted) \(fmt.string(s.open.weighted, primary: p))",
        ])
        totals.add([
            S.summaryWon, Strings.deals(s.won.count), "\(S.summaryTotal) \(fmt.string(s.won.total, primary: p))", "",
        ])
        totals.add([
            S.summaryLost, Strings.deals(s.lost.count), "\(S.summaryTotal) \(fmt.string(s.lost.total, primary: p))", "",
        ])
        // The totals table has no headings: drop its empty first line.
        let totalsText = totals.rendered().split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(
            separator: "\n")
        return table.rendered() + "\n\n" + totalsText
    }
}

// MARK: - CSV

/// RFC 4180 lines, fields written as the export writes them (`CSVWriter`: quoted when needed,
/// guarded against spreadsheet formulas).
enum CSV {
    static func line(_ fields: [String]) -> String { fields.map { CSVWriter.field($0) }.joined(separator: ",") }
}
