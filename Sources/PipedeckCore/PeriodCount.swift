import Foundation

/// The counting behind `PeriodProgress`, kept up to date one deal at a time: the board screen
/// takes out the deal a key changed and counts it again as it now is, instead of looking at
/// every deal after every key (what made a move on a 100 000-deal board slow).
///
/// Per currency it keeps how many deals it counts besides their sum, so that a currency whose
/// last deal leaves is dropped, exactly as a count from scratch would never have listed it: the
/// progress it gives is always equal to `PeriodProgress(board:deals:period:…)` over the same deals.
public struct PeriodCount: Hashable, Sendable {
    public let period: Period
    public let today: Day
    public let zone: TimeZone
    let window: PeriodProgress.Window
    struct Share: Hashable, Sendable {
        var count = 0
        var sum = Money.zero
    }
    var won: [String: Share] = [:]
    var closing: [String: Share] = [:]

    /// Nothing counted yet.
    public init(board: Board, period: Period, today: Day, zone: TimeZone) {
        self.period = period
        self.today = today
        self.zone = zone
        window = PeriodProgress.Window(board: board, period: period, today: today, zone: zone)
    }

    /// Every deal of `deals` counted.
    public init(counting deals: [Deal], board: Board, period: Period, today: Day, zone: TimeZone) {
        self.init(board: board, period: period, today: today, zone: zone)
        add(deals, board: board)
    }

    /// Whether this counts the period of `kind` around `today` in `zone`.
    public func counts(_ kind: PeriodKind, today: Day, zone: TimeZone) -> Bool {
        period.kind == kind && self.today == today && self.zone == zone
    }

    /// Counts every deal of `deals`, read in place (a deal copied is a dozen references retained
    /// and released: on 100 000 deals, most of the count's time).
    public mutating func add(_ deals: [Deal], board: Board) {
        deals.withUnsafeBufferPointer { b in
            guard let first = b.baseAddress else { return }
            for i in b.indices { change(first + i, board, by: 1) }
        }
    }

    public mutating func add(_ d: Deal, board: Board) { withUnsafePointer(to: d) { change($0, board, by: 1) } }
    public mutating func remove(_ d: Deal, board: Board) { withUnsafePointer(to: d) { change($0, board, by: -1) } }

    /// The rule of `PeriodProgress.Tally.add`: won in the period, or open and expected to close
    /// from today to its end (weighted).
    private mutating func change(_ deal: UnsafePointer<Deal>, _ board: Board, by sign: Int) {
        switch deal.pointee.status {
        case .won:
            let at = PeriodCount.wonAt(deal)
            guard at.seconds >= window.from, at.seconds < window.to else { return }
            PeriodCount.change(&won, deal.pointee.currency ?? board.currency, deal.pointee.value, sign)
        case .open:
            guard let close = deal.pointee.expectedClose, close >= window.closeFrom, close <= window.closeTo else {
                return
            }
            let p = deal.pointee.probability ?? board.stage(deal.pointee.stage)?.probability ?? .zero
            let weighted = deal.pointee.value.weighted(by: p)
            PeriodCount.change(&closing, deal.pointee.currency ?? board.currency, weighted, sign)
        case .lost:
            return
        }
    }

    /// `Deal.wonAt` of a won deal, read in place: the getter called on the deal copies it (a dozen
    /// references retained and released, for every won deal of the board).
    private static func wonAt(_ deal: UnsafePointer<Deal>) -> Timestamp {
        let entry = deal.pointee.history.withUnsafeBufferPointer { h -> Timestamp? in
            var i = h.count - 1
            while i >= 0 {
                if h[i].status == .won { return h[i].at }
                i -= 1
            }
            return nil
        }
        return entry ?? deal.pointee.stageEnteredAt
    }

    private static func change(_ shares: inout [String: Share], _ currency: String, _ m: Money, _ sign: Int) {
        var s = shares[currency, default: Share()]
        s.count += sign
        if sign > 0 { s.sum += m } else { s.sum = s.sum - m }
        shares[currency] = s.count == 0 ? nil : s
    }

    /// The progress, against the target of `owner` (nil: the team's).
    public func progress(board: Board, owner: String?) -> PeriodProgress {
        var tally = PeriodProgress.Tally()
        for (c, s) in won { tally.wonCount += s.count; tally.won.add(s.sum, c) }
        for (c, s) in closing { tally.closingCount += s.count; tally.closing.add(s.sum, c) }
        return PeriodProgress(board: board, tally: tally, period: period, today: today, owner: owner)
    }
}
