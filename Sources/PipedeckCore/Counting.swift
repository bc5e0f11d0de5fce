/// What one deal adds to the pipeline's figures. `Board.contribution(of:stageIndex:)` is the one
/// place that says which deals count in the weighted value, and how; the summary
/// (`PipelineSummary`), the board screen's figures kept up to date key by key, and the sort by
/// weighted value all go through it.
public struct DealContribution: Hashable, Sendable {
    /// The figures it counts in: open, won or lost.
    public var status: DealStatus
    /// The deal's currency, else the board's: amounts of different currencies are never added.
    public var currency: String
    public var value: Money
    /// Open: the value times the probability. Won: the whole value. Lost: nothing.
    public var weighted: Money
    /// The stage whose column figures include the deal: its own stage when it is open in an
    /// open stage or won in a won stage; nil otherwise (a lost deal never counts in a column).
    public var stageIndex: Int?
}

extension Board {
    /// How `d` counts. `stageIndex` is the index of the deal's stage in `stages` (nil when the
    /// board has no such stage), for callers that already know it.
    ///
    /// - An open deal counts its value times its probability (its own, else its stage's, else 0),
    ///   in the open figures and, when its stage is an open stage, in that stage's.
    /// - A won deal counts its whole value, in the won figures and, when its stage is a won stage,
    ///   in that stage's.
    /// - A lost deal counts its value in the lost figures and weighs nothing.
    public func contribution(of d: Deal, stageIndex si: Int?) -> DealContribution {
        contribution(d.status, d.currency, d.value, d.probability, stageIndex: si)
    }

    /// The same from the fields it reads, for loops over the deals that read them in place
    /// (passing a whole `Deal` copies it: a dozen references retained and released).
    @inline(__always)
    func contribution(
        _ status: DealStatus, _ currency: String?, _ value: Money, _ probability: Percent?, stageIndex si: Int?
    ) -> DealContribution {
        let currency = currency ?? self.currency
        switch status {
        case .open:
            let p = probability ?? (si.map { stages[$0].probability } ?? .zero)
            return DealContribution(
                status: .open, currency: currency, value: value, weighted: value.weighted(by: p),
                stageIndex: si.flatMap { stages[$0].kind == .open ? $0 : nil })
        case .won:
            return DealContribution(
                status: .won, currency: currency, value: value, weighted: value,
                stageIndex: si.flatMap { stages[$0].kind == .won ? $0 : nil })
        case .lost:
            return DealContribution(status: .lost, currency: currency, value: value, weighted: .zero, stageIndex: nil)
        }
    }

    public func contribution(of d: Deal) -> DealContribution { contribution(of: d, stageIndex: stageIndex(d.stage)) }

    /// A deal's weight as the figures count it (see `contribution(of:)`).
    public func countedWeight(of d: Deal) -> Money { contribution(of: d).weighted }
}
