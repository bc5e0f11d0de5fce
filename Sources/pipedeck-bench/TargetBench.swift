import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckUI

// pipedeck-bench --targets 10000: what targets, periods and exchange rates cost on a big board
// (issue 17). The same board is measured without targets and rates, then with a team target,
// one per owner and a rate for every other currency, in one process.

func measureTargets(deals n: Int) {
    let plain = generateBoard(deals: n)
    var board = plain
    let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    let today = now.utcDay
    let month = Period(today, kind: .month)
    board.settings.targets = [SalesTarget(period: month, amount: Money(units: 5_000_000))]
    for o in board.usedValues(\.owner) {
        board.settings.targets.append(SalesTarget(period: month, owner: o, amount: Money(units: 1_000_000)))
    }
    for c in Set(board.deals.compactMap(\.currency)) where c != board.currency {
        board.settings.rates.append(ExchangeRate(currency: c, rate: Rate.parse("0.92")!, date: today))
    }
    let options = RenderOptions(glyphs: .unicode, locale: "C")

    func time(_ runs: Int, _ body: () -> Void) -> (median: Double, max: Double) {
        var xs: [Double] = []
        for _ in 0..<runs {
            let t0 = nowNanos()
            body()
            xs.append(ms(t0, nowNanos()))
        }
        return (median(xs), xs.max() ?? .nan)
    }

    /// L and H on the first deal, each followed by a whole frame: median and slowest of 50.
    func moves(_ b: Board) -> (median: Double, max: Double) {
        var state = AppState(board: b, fileName: "bench.json", now: now, today: today, width: 120, height: 40)
        _ = BoardRenderer.render(state, options: options)
        var k = 0
        return time(50) {
            _ = state.handle(.char(k % 2 == 0 ? "L" : "H"))
            _ = BoardRenderer.render(state, options: options)
            k += 1
        }
    }

    let progress = time(50) {
        _ = PeriodProgress(board: board, deals: board.deals, today: today, kind: .month, owner: nil, zone: .current)
    }
    let forecast = time(20) {
        _ = TargetForecast(
            board: board, deals: board.deals, today: today, kind: .month, count: 6, owner: nil, zone: .current)
    }
    let summary = PipelineSummary(board: board)
    let converted = time(50) {
        _ = board.converted(summary.open.total)
        _ = board.converted(summary.open.weighted)
    }
    var screen = AppState(board: board, fileName: "bench.json", now: now, today: today, width: 120, height: 40)
    _ = screen.handle(.char("T"))
    let targetsScreen = time(20) { _ = BoardRenderer.render(screen, options: options) }
    let without = moves(plain), with = moves(board)

    func f(_ x: Double) -> String { String(format: "%.2f", x) }
    print(
        "targets and rates on \(n) deals (\(board.settings.targets.count) targets, \(board.settings.rates.count) rates):"
    )
    print(
        "  the footer's period against its target (PeriodProgress): \(f(progress.median)) ms median, \(f(progress.max)) max"
    )
    print("  the forecast against targets (TargetForecast, 11 months): \(f(forecast.median)) ms median")
    print("  converting the open totals at the rates: \(f(converted.median * 1000)) µs median")
    print("  the targets screen (T), one frame: \(f(targetsScreen.median)) ms median")
    print("  move + frame without targets or rates: \(f(without.median)) ms median, \(f(without.max)) max")
    print("  move + frame with targets and rates:    \(f(with.median)) ms median, \(f(with.max)) max")
}
