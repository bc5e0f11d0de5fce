import Foundation
import PipedeckCore

// The footer's period against its target (issue 17): kept with the state like the summary.

extension AppState {
    /// Recomputes `progress` from the deals shown (`shown`, or every deal when nil). With one
    /// owner's deals shown (the owner filter alone), the owner's target; with no filter, the
    /// team's; with any other filter the figures are those of the deals shown and no target is
    /// set against them.
    mutating func refreshProgress(shown: [Deal]?) {
        let f = filter
        var onlyOwner = DealFilter()
        onlyOwner.owner = f.owner
        let comparable = f == onlyOwner
        if let shown {
            progress = PeriodProgress(
                board: board, deals: shown, today: today, kind: periodKind, owner: f.owner, zone: zone)
        } else {
            progress = PeriodProgress(
                board: board, deals: board.deals, today: today, kind: periodKind, owner: f.owner, zone: zone)
        }
        if !comparable {
            progress.target = nil
            progress.targetSource = nil
        }
    }

    /// Follows months or quarters in the footer (the settings file's `period`).
    public mutating func setPeriod(_ kind: PeriodKind) {
        periodKind = kind
        refreshProgress(
            shown: filter.isActive ? board.deals.filter { filter.matches($0, board: board, today: today) } : nil)
    }
}
