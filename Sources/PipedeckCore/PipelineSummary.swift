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
        var sum = Sum(board: board)
        // An array (the board's own) is read in place: iterating it would copy every deal, a
        // dozen references retained and released each, which was most of opening a big board.
        if let array = deals as? [Deal] {
            array.withUnsafeBufferPointer { deals in
                for i in deals.indices {
                    sum.add(
                        deals[i].status, deals[i].currency, deals[i].value, deals[i].probability, deals[i].stage, board)
                }
            }
        } else {
            for d in deals { sum.add(d.status, d.currency, d.value, d.probability, d.stage, board) }
        }
        currency = board.currency
        stages = board.stages.indices.map { StageFigures(stage: board.stages[$0], figures: sum.figures(3 + $0)) }
        open = sum.figures(0); won = sum.figures(1); lost = sum.figures(2); dealCount = sum.n
    }

    /// The sums of one pass. Amounts in the board's currency, nearly all of them, are added as
    /// plain numbers and the others by currency: a dictionary update per deal and figure was
    /// most of the pass.
    private struct Sum {
        struct Bucket {
            var count = 0
            var seen = false
            var total = Money.zero, weighted = Money.zero
            var others = Figures()
        }
        let stages: StageLookup
        let primary: String
        /// Open, won, lost, then one per stage.
        var buckets: [Bucket]
        var n = 0
        init(board: Board) {
            stages = StageLookup(board.stages)
            primary = board.currency
            buckets = Array(repeating: Bucket(), count: 3 + board.stages.count)
        }

        @inline(__always)
        mutating func add(
            _ status: DealStatus, _ currency: String?, _ value: Money, _ probability: Percent?, _ stage: String,
            _ board: Board
        ) {
            n += 1
            let c = board.contribution(status, currency, value, probability, stageIndex: stages.index(of: stage))
            let b: Int
            switch c.status {
            case .open: b = 0
            case .won: b = 1
            case .lost: b = 2
            }
            count(c, in: b)
            if let si = c.stageIndex { count(c, in: 3 + si) }
        }

        @inline(__always)
        mutating func count(_ c: DealContribution, in b: Int) {
            if c.currency == primary {
                buckets[b].count += 1
                buckets[b].seen = true
                buckets[b].total += c.value
                buckets[b].weighted += c.weighted
            } else {
                buckets[b].others.add(c)
            }
        }

        func figures(_ b: Int) -> Figures {
            let k = buckets[b]
            var f = k.others
            if k.seen {
                f.count += k.count
                f.total.add(k.total, primary)
                f.weighted.add(k.weighted, primary)
            }
            return f
        }
    }

    /// The pipeline's weighted value in the board's currency.
    public var weightedValue: Money { open.weighted[currency] }
}

/// The index of a stage by its id, as a dictionary built from `stages` gives it (the last stage
/// with the id), without hashing the id: boards have a handful of stages, and comparing a few
/// short strings is cheaper than hashing one, once per deal in the passes over every deal.
public struct StageLookup: Sendable {
    @usableFromInline let ids: [String]
    @usableFromInline let table: [String: Int]?

    public init(_ stages: [Stage]) {
        ids = stages.map(\.id)
        if stages.count > 16 {
            var t: [String: Int] = [:]
            for (i, s) in stages.enumerated() { t[s.id] = i }
            table = t
        } else {
            table = nil
        }
    }

    @inlinable
    public func index(of id: String) -> Int? {
        if let table { return table[id] }
        var i = ids.count - 1
        while i >= 0 {
            if ids[i] == id { return i }
            i -= 1
        }
        return nil
    }
}
