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

    /// The same for any period: one already over has no deals closing in it.
    public init<S: Sequence>(
        board: Board, deals: S, period: Period, today: Day, owner: String?, zone: TimeZone
    ) where S.Element == Deal {
        self.period = period
        self.today = today
        self.owner = owner
        let first = period.firstDay, last = period.lastDay
        var won = Amounts(), closing = Amounts()
        var probability: [String: Percent] = [:]
        for s in board.stages { probability[s.id] = s.probability }
        for d in deals {
            switch d.status {
            case .won:
                guard let at = d.wonAt else { continue }
                let day = at.day(in: zone)
                guard day >= first, day <= last else { continue }
                wonCount += 1
                won.add(d.value, d.currency ?? board.currency)
            case .open:
                guard let close = d.expectedClose, close >= today, close >= first, close <= last else { continue }
                closingCount += 1
                let p = d.probability ?? probability[d.stage] ?? .zero
                closing.add(d.value.weighted(by: p), d.currency ?? board.currency)
            case .lost:
                continue
            }
        }
        self.won = board.converted(won)
        self.closing = board.converted(closing)
        if let t = board.target(for: period, owner: owner) {
            target = t.amount; targetSource = t.source
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
