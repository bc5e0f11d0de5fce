import PipedeckCore

// Won and lost in sight (`W` on the board): the won stages stay where they are, at the right,
// and a Lost column after them holds every lost deal that passes the filter, the most recently
// lost first, with its reason on the card.

extension AppState {
    /// The columns shown: one per stage, and the Lost column when it is on.
    public var columnCount: Int { board.stages.count + (showClosed ? 1 : 0) }

    /// Whether column `c` is the Lost column.
    public func isLostColumn(_ c: Int) -> Bool { showClosed && c == board.stages.count }

    /// The Lost column's deals (indices into `board.deals`): lost, passing the filter, the most
    /// recently changed first.
    func lostColumn() -> [Int] {
        var out: [Int] = []
        let matcher = filter.isActive ? DealMatcher(filter) : nil
        for (i, d) in board.deals.enumerated() where d.status == .lost {
            if let matcher, !matcher.matches(d, board: board, today: today) { continue }
            out.append(i)
        }
        let deals = board.deals
        out.sort {
            let a = deals[$0], b = deals[$1]
            if a.updatedAt != b.updatedAt { return a.updatedAt > b.updatedAt }
            return a.id < b.id
        }
        return out
    }

    /// The lost deals' count and value for the Lost column's header.
    public var lostFigures: Figures { summary.lost }

    mutating func toggleClosedColumns() {
        let selected = selectedDeal?.id
        showClosed.toggle()
        rebuildColumns()
        if let id = selected { select(dealID: id) }
        if !showClosed { focusedStage = min(focusedStage, max(0, board.stages.count - 1)) }
        keepVisible()
        message = StatusMessage(showClosed ? UIText.closedShown : UIText.closedHidden)
    }
}

extension UIText {
    public static var closedShown: String {
        tr(
            "won and lost in sight: lost deals in the Lost column at the right (W hides it)",
            "gagnées et perdues en vue : les affaires perdues dans la colonne Perdues à droite (W la masque)")
    }
    public static var closedHidden: String { tr("Lost column hidden", "colonne Perdues masquée") }
    public static var lostColumnName: String { tr("Lost", "Perdues") }
}
