import Foundation

// The reports' totals brought to the board's currency at its rates (issue 17): every amount a
// report adds up per currency is also kept converted, so that the screen and the command line
// can show one total marked "≈" while the per-currency amounts stay as they were. Without any
// rate, a converted total is the board's currency alone and every other currency is apart.

/// Figures' total and weighted value in the board's currency, as far as rates allow.
public struct ConvertedFigures: Hashable, Sendable {
    public var total = Converted()
    public var weighted = Converted()
    public init() {}
    public init(_ f: Figures, board: Board) {
        total = board.converted(f.total)
        weighted = board.converted(f.weighted)
    }
}

extension ForecastReport {
    /// Fills the converted figures of every row and total from their amounts.
    mutating func convert(_ board: Board) {
        for i in rows.indices { rows[i].converted = ConvertedFigures(rows[i].figures, board: board) }
        openConverted = ConvertedFigures(open, board: board)
        for i in won.indices { won[i].converted = board.converted(won[i].value) }
        wonTotal.converted = board.converted(wonTotal.value)
    }
}

extension BreakdownReport.Row {
    /// Fills the converted open, weighted and won values from their amounts.
    mutating func convert(_ board: Board) {
        openConverted = board.converted(openValue)
        weightedConverted = board.converted(weighted)
        wonConverted = board.converted(wonValue)
    }
}
