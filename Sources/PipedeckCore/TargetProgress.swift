import Foundation

/// The current period measured against its target: what the footer shows ("Dec · won 48 600 €
/// of 80 000 € ▰▰▰▱▱ 61 % · weighted closing this month 32 100 €").
///
/// - **Won** = Σ value of the deals won in the period: their *won at* (`Deal.wonAt`) is a day
///   of the period in the user's time zone, so a deal won at 23:59 on the last evening counts in
///   that period wherever the clock of UTC stands.
/// - **Closing** = Σ weighted value of the open deals whose expected close falls from today to
///   the period's last day (the forecast's current bucket).
/// - Other currencies count converted when the board has their rate (then `isApproximate`),
///   and stay apart otherwise.
/// - **Target** = the owner's (when one owner's deals are shown) or the team's, for the period
///   (`Board.target(for:owner:)`).
public struct PeriodProgress: Hashable, Sendable {
    public var period: Period
    public var today: Day
    /// The owner whose target is used; nil for the team's.
    public var owner: String?
    public var wonCount = 0
    public var won = Converted()
    public var closingCount = 0
    public var closing = Converted()
    public var target: Money?
    public var targetSource: TargetSource?

    /// `deals` are those counted (the board's, or those shown); `owner` picks the target.
    public init<S: Sequence>(
        board: Board, deals: S, today: Day, kind: PeriodKind, owner: String?, zone: TimeZone
    ) where S.Element == Deal {
        self.init(board: board, deals: deals, period: Period(today, kind: kind), today: today, owner: owner, zone: zone)
    }

    /// The team's progress and every owner's (the targets screen), the deals read in place:
    /// the owners by their key (`SalesTarget.ownerKey`).
    public static func perOwner(
        board: Board, period: Period, today: Day, zone: TimeZone, owners: [String]
    ) -> (team: PeriodProgress, owners: [PeriodProgress]) {
        var index: [String: Int] = [:]
        for (i, o) in owners.enumerated() {
            if let k = SalesTarget.ownerKey(o), index[k] == nil { index[k] = i }
        }
        let w = Window(board: board, period: period, today: today, zone: zone)
        var team = Tally(), each = Array(repeating: Tally(), count: owners.count)
        board.deals.withUnsafeBufferPointer { deals in
            for i in deals.indices {
                guard team.add(deals[i], w, board) else { continue }
                if let k = SalesTarget.ownerKey(deals[i].owner), let g = index[k] {
                    _ = each[g].add(deals[i], w, board)
                }
            }
        }
        return (
            PeriodProgress(board: board, tally: team, period: period, today: today, owner: nil),
            owners.indices.map {
                PeriodProgress(board: board, tally: each[$0], period: period, today: today, owner: owners[$0])
            }
        )
    }

    /// The same for any period: one already over has no deals closing in it.
    public init<S: Sequence>(
        board: Board, deals: S, period: Period, today: Day, owner: String?, zone: TimeZone
    ) where S.Element == Deal {
        let w = Window(board: board, period: period, today: today, zone: zone)
        var tally = Tally()
        // The board's own array is read in place: no deal is copied (this runs after every key).
        if let array = deals as? [Deal] {
            array.withUnsafeBufferPointer { for i in $0.indices { _ = tally.add($0[i], w, board) } }
        } else {
            for d in deals { _ = tally.add(d, w, board) }
        }
        self.init(board: board, tally: tally, period: period, today: today, owner: owner)
    }

    init(board: Board, tally: Tally, period: Period, today: Day, owner: String?) {
        self.period = period
        self.today = today
        self.owner = owner
        wonCount = tally.wonCount
        closingCount = tally.closingCount
        won = board.converted(tally.won)
        closing = board.converted(tally.closing)
        if let t = board.target(for: period, owner: owner) {
            target = t.amount; targetSource = t.source
        }
    }

    /// A period as the counting needs it: wins from the first day's midnight to the next
    /// period's, as instants in the zone (two time-zone look-ups, not one per deal), and the
    /// expected closes from today to the last day.
    struct Window: Hashable, Sendable {
        var from: Int64, to: Int64
        var closeFrom: Day, closeTo: Day
        init(board: Board, period: Period, today: Day, zone: TimeZone) {
            from = period.firstDay.midnight(in: zone).seconds
            to = period.lastDay.adding(days: 1).midnight(in: zone).seconds
            closeFrom = max(today, period.firstDay)
            closeTo = period.lastDay
        }
    }

    struct Tally {
        var wonCount = 0, closingCount = 0
        var won = Amounts(), closing = Amounts()

        /// Counts `d` if it is won in the window or expected to close in it; returns whether it was.
        mutating func add(_ d: Deal, _ w: Window, _ board: Board) -> Bool {
            switch d.status {
            case .won:
                guard let at = d.wonAt, at.seconds >= w.from, at.seconds < w.to else { return false }
                wonCount += 1
                won.add(d.value, d.currency ?? board.currency)
            case .open:
                guard let close = d.expectedClose, close >= w.closeFrom, close <= w.closeTo else { return false }
                closingCount += 1
                let p = d.probability ?? board.stage(d.stage)?.probability ?? .zero
                closing.add(d.value.weighted(by: p), d.currency ?? board.currency)
            case .lost:
                return false
            }
            return true
        }
    }

    /// Won as a whole percentage of the target, rounded down (so 100 % means reached); nil
    /// without a target or with a target of 0.
    public var percent: Int? {
        guard let t = target, t.micros > 0 else { return nil }
        return Int(won.value.micros * 100 / t.micros)
    }

    /// What is still to win to reach the target (0 once reached); nil without a target.
    public var remaining: Money? {
        guard let t = target else { return nil }
        return won.value >= t ? .zero : t - won.value
    }
}

extension Board {
    /// The deals of an owner (letter case and blanks around ignored); every deal for nil.
    public func deals(ownedBy owner: String?) -> [Deal] {
        guard let key = SalesTarget.ownerKey(owner) else { return deals }
        return deals.filter { SalesTarget.ownerKey($0.owner) == key }
    }
}

extension Day {
    /// The instant this day starts in `zone` (its local midnight).
    public func midnight(in zone: TimeZone) -> Timestamp {
        let utc = Int64(ordinal) * 86_400
        // The offset at local midnight: guessed from UTC midnight's, then checked at that instant
        // (they differ only when the clocks change in between).
        let guess = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc))))
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc - guess))))
        return Timestamp(seconds: utc - offset)
    }
}
