import Foundation
import PipedeckCore
import PipedeckRender

/// Targets, rates and converted totals as JSON and text for the command line.
enum TargetOutput {
    /// A converted total: the board's currency with what rates convert, and what stays apart.
    static func json(_ c: Converted, board: Board) -> JSONOut {
        .object([
            ("value", .money(c.value)), ("approximate", .bool(c.isApproximate)),
            (
                "apart",
                .object(
                    c.apart.currencies(primary: board.currency).filter { $0 != board.currency }.map {
                        ($0, .money(c.apart[$0]))
                    })
            ),
        ])
    }

    static func json(_ t: SalesTarget, _ p: PeriodProgress, board: Board) -> JSONOut {
        .object([
            ("period", .string(t.period.description)), ("kind", .string(t.period.kind.rawValue)),
            ("owner", .text(t.owner)), ("amount", .money(t.amount)),
            ("wonCount", .int(p.wonCount)), ("won", json(p.won, board: board)),
            ("closingCount", .int(p.closingCount)), ("closing", json(p.closing, board: board)),
            ("percent", p.percent.map { .int($0) } ?? .null),
            ("remaining", p.remaining.map { .money($0) } ?? .null),
        ])
    }

    static func table(_ rows: [(SalesTarget, PeriodProgress)], board: Board) -> String {
        TargetText.table(rows, board: board, locale: CLIEnvironment.locale)
    }

    /// The rates, for JSON outputs that carry converted totals.
    static func rates(_ board: Board) -> JSONOut {
        .array(
            board.settings.rates.map {
                .object([
                    ("currency", .string($0.currency)), ("rate", .number($0.rate.description)),
                    ("date", .string($0.date.description)),
                ])
            })
    }
}

extension TargetOutput {
    /// With rates: the rates and the totals converted into the board's currency (the amounts
    /// per currency above them stay as they are). Nothing without rates.
    static func summaryConverted(_ s: PipelineSummary, board: Board) -> [(String, JSONOut)] {
        guard board.hasRates else { return [] }
        let stages: [JSONOut] = s.stages.map { sf in
            .object([
                ("id", .string(sf.stage.id)), ("total", json(board.converted(sf.figures.total), board: board)),
                ("weighted", json(board.converted(sf.figures.weighted), board: board)),
            ])
        }
        return [
            ("rates", rates(board)),
            (
                "converted",
                .object([
                    ("stages", .array(stages)),
                    ("openTotal", json(board.converted(s.open.total), board: board)),
                    ("openWeighted", json(board.converted(s.open.weighted), board: board)),
                    ("wonTotal", json(board.converted(s.won.total), board: board)),
                    ("lostTotal", json(board.converted(s.lost.total), board: board)),
                ])
            ),
        ]
    }
}

extension TargetOutput {
    /// With rates: the open, weighted and won totals in the board's currency, marked ≈.
    static func summaryConvertedText(_ s: PipelineSummary, board: Board) -> String {
        guard board.hasRates else { return "" }
        var fmt = AmountText(board: board)
        let T = Strings.Targets.self
        let rates = board.settings.rates.map { "1 \($0.currency) = \($0.rate) \(board.currency)" }
        return "\n\n"
            + T.convertedLine(
                fmt.string(board.converted(s.open.total), board: board),
                fmt.string(board.converted(s.open.weighted), board: board),
                fmt.string(board.converted(s.won.total), board: board)) + "\n" + T.atRates(rates)
    }
}
