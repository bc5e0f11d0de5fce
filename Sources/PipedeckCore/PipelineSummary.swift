/// Amounts kept apart by currency: deals in another currency than the board's are never converted.
public struct Amounts: Hashable, Sendable {
    public private(set) var byCurrency: [String: Money] = [:]
    public init() {}
    public init(_ currency: String, _ m: Money) { byCurrency[currency] = m }
    public mutating func add(_ m: Money, _ currency: String) { byCurrency[currency, default: .zero] += m }
    public subscript(currency: String) -> Money { byCurrency[currency] ?? .zero }
    public var isEmpty: Bool { byCurrency.isEmpty }
    /// Currencies with the board's first, then alphabetical.
    public func currencies(primary: String) -> [String] {
        var c = byCurrency.keys.filter { $0 != primary }.sorted()
        if byCurrency[primary] != nil || c.isEmpty { c.insert(primary, at: 0) }
        return c
    }
}

public struct Figures: Hashable, Sendable {
    public var count = 0
    public var total = Amounts()
    public var weighted = Amounts()
    public init() {}

    /// Counts one deal in these figures.
    public mutating func add(_ c: DealContribution) {
        count += 1; total.add(c.value, c.currency); weighted.add(c.weighted, c.currency)
    }
}

public struct StageFigures: Hashable, Sendable {
    public var stage: Stage
    /// Open deals in an open stage; won deals in a won stage. Lost deals are never counted here.
    public var figures: Figures
}

/// The pipeline's figures: per stage, and for open, won and lost deals.
public struct PipelineSummary: Hashable, Sendable {
    public var currency: String
    public var stages: [StageFigures]
    /// Open deals: count, total value and weighted value (the pipeline's worth).
    public var open: Figures
    public var won: Figures
    public var lost: Figures
    /// The number of deals summed (open, won and lost).
    public var dealCount: Int

    public init(board: Board) { self.init(board: board, deals: board.deals) }

    public init<S: Sequence>(board: Board, deals: S) where S.Element == Deal {
        currency = board.currency
        var index: [String: Int] = [:]
        for (i, s) in board.stages.enumerated() { index[s.id] = i }
        var per = board.stages.map { StageFigures(stage: $0, figures: Figures()) }
        var open = Figures(), won = Figures(), lost = Figures()
        var n = 0
        for d in deals {
            n += 1
            let c = board.contribution(of: d, stageIndex: index[d.stage])
            switch c.status {
            case .open: open.add(c)
            case .won: won.add(c)
            case .lost: lost.add(c)
            }
            if let si = c.stageIndex { per[si].figures.add(c) }
        }
        self.stages = per; self.open = open; self.won = won; self.lost = lost; self.dealCount = n
    }

    /// The pipeline's weighted value in the board's currency.
    public var weightedValue: Money { open.weighted[currency] }
}
