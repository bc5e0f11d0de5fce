import PipedeckCore

/// The mouse on the board: click to select, press and release over another column to move,
/// wheel to scroll. On the help screen a click closes it; other screens ignore the mouse.
extension AppState {
    /// The column and card under a screen position.
    public func hitTest(x: Int, y: Int) -> (column: Int, card: Int?)? {
        let frames = screen.columnFrames(count: visibleColumnRange.count)
        guard let k = frames.firstIndex(where: { x >= $0.x && x < $0.x + $0.width + 1 }) else { return nil }
        let c = visibleColumnRange.lowerBound + k
        guard y >= screen.cardTop, y < screen.footerRow else { return (c, nil) }
        let w = window(forColumn: c)
        for n in 0..<w.count {
            let top = screen.cardY(n, window: w)
            if y >= top && y < top + screen.cardLines { return (c, w.top + n) }
        }
        return (c, nil)
    }

    mutating func handleMouse(_ m: MouseEvent) -> [Effect] {
        guard mode == .board else {
            if m.kind == .click || m.kind == .press, case .help(let view) = mode { mode = view.origin }
            return []
        }
        switch m.kind {
        case .press, .click:
            guard let hit = hitTest(x: m.x, y: m.y) else { return [] }
            focusedStage = hit.column
            if let card = hit.card {
                cursor[hit.column] = card
                if m.kind == .press { dragDealID = selectedDeal?.id }
            }
            keepVisible()
            return []
        case .release:
            defer { dragDealID = nil }
            guard let id = dragDealID, let hit = hitTest(x: m.x, y: m.y), !isReadOnly,
                let deal = board.deal(id), board.stages.indices.contains(hit.column),
                board.stages[hit.column].id != deal.stage
            else { return [] }
            return move(id, to: board.stages[hit.column])
        case .drag:
            return []
        case .wheelUp, .wheelDown:
            guard let hit = hitTest(x: m.x, y: m.y), columns.indices.contains(hit.column) else { return [] }
            let c = hit.column
            let n = columns[c].count
            guard n > 0 else { return [] }
            let delta = m.kind == .wheelUp ? -1 : 1
            cursor[c] = min(max(0, cursor[c] + delta), n - 1)
            focusedStage = c
            keepVisible()
            return []
        }
    }
}
