import Foundation
import PipedeckCore

// The footer's period against its target (issue 17): kept with the state like the summary.

extension AppState {
    /// Recomputes `progress` from the deals shown (`shown`, or every deal when nil). With one
    /// owner's deals shown (the owner filter alone), the owner's target; with no filter, the
    /// team's; with any other filter the figures are those of the deals shown and no target is
    /// set against them.
    mutating func refreshProgress(shown: [Deal]?) {
        periodCount = PeriodCount(
            counting: shown ?? board.deals, board: board, period: Period(today, kind: periodKind), today: today,
            zone: zone)
        publishProgress()
    }

    /// After one deal changed: its share taken out of the period's counts and counted again as it
    /// is now (each nil when the filter does not show it). A count made for another day, period
    /// or zone is made again.
    mutating func adjustProgress(removing old: Deal?, adding new: Deal?) {
        guard periodCount.counts(periodKind, today: today, zone: zone) else {
            refreshProgress(shown: filter.isActive ? board.deals.filter { passes($0) } : nil)
            return
        }
        if let old { periodCount.remove(old, board: board) }
        if let new { periodCount.add(new, board: board) }
        publishProgress()
    }

    /// `progress` from the counts: against the owner's target when only the owner filter is on,
    /// the team's when nothing is filtered, and no target for other filters.
    mutating func publishProgress() {
        let f = filter
        var onlyOwner = DealFilter()
        onlyOwner.owner = f.owner
        progress = periodCount.progress(board: board, owner: f.owner)
        if f != onlyOwner {
            progress.target = nil
            progress.targetSource = nil
        }
    }

    /// Follows months or quarters in the footer (the settings file's `period`).
    public mutating func setPeriod(_ kind: PeriodKind) {
        periodKind = kind
        // Counted already for this period, day and zone (the counts follow every change): on a
        // board just opened, counting again would look at every deal a second time.
        if periodCount.counts(kind, today: today, zone: zone) {
            publishProgress()
            return
        }
        refreshProgress(
            shown: filter.isActive ? board.deals.filter { filter.matches($0, board: board, today: today) } : nil)
    }
}
