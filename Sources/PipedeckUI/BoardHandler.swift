import PipedeckCore

/// The board screen's keys (`Bindings.board`).
extension AppState {
    mutating func handleBoard(_ key: Key) -> [Effect] {
        guard let command = Bindings.board.command(for: key) else { return [] }
        if isReadOnly && command.changesBoard { return refuseReadOnly() }
        switch command {
        case .board(let c): return run(c)
        case .deal(let c):
            guard let deal = selectedDeal else {
                message = StatusMessage(Strings.noDealSelected)
                return []
            }
            return run(c, on: deal)
        }
    }

    mutating func run(_ command: BoardCommand) -> [Effect] {
        let c = focusedStage
        let count = columns.indices.contains(c) ? columns[c].count : 0
        switch command {
        case .focusLeft: focusedStage = max(0, c - 1)
        case .focusRight: focusedStage = min(max(0, columnCount - 1), c + 1)
        case .selectUp: if count > 0 { cursor[c] = max(0, cursor[c] - 1) }
        case .selectDown: if count > 0 { cursor[c] = min(count - 1, cursor[c] + 1) }
        case .selectFirst: cursor[c] = 0
        case .selectLast: cursor[c] = max(0, count - 1)
        case .pageUp, .pageDown:
            let page = max(1, window(forColumn: c).count)
            cursor[c] = command == .pageUp ? max(0, cursor[c] - page) : min(max(0, count - 1), cursor[c] + page)
            scrollTop[c] = command == .pageUp ? max(0, scrollTop[c] - page) : scrollTop[c] + page
        case .add: mode = .form(DealForm(board: board, deal: nil, stageID: focusedStageID, owner: team.me))
        case .undo: return undoOrRedo(redo: false)
        case .redo: return undoOrRedo(redo: true)
        case .toggleLost:
            let selected = selectedDeal?.id
            showLost.toggle()
            rebuildColumns()
            if let id = selected { select(dealID: id) }
            message = StatusMessage(showLost ? UIText.lostShownNow : UIText.lostHidden)
        case .help: openHelp()
        case .quit: return [.quit]
        case .redraw: return [.redrawAll]
        case .suspend: return [.suspend]
        case .cycleTheme: return [.cycleTheme]
        case .search: mode = .search(LineEditor(filter.text))
        case .filterMenu: mode = .filterMenu(row: 0)
        case .clearFilter:
            if filter.isActive { setFilter(DealFilter()); message = StatusMessage(UIText.filterCleared) }
        case .cycleSort:
            setSort(sort.next)
            message = StatusMessage(UIText.sortedBy(sort))
        case .agenda: mode = .agenda(AgendaView())
        case .reports: mode = .reports(tab: 0, scroll: 0)
        case .stages: mode = .stages(selection: focusedStage)
        case .boards: return [.listBoards]
        case .targets: openTargets()
        case .toggleClosed: toggleClosedColumns()
        case .sync: return askSync()
        case .myDeals: toggleMyDeals()
        }
        keepVisible()
        return []
    }

    /// A board command on the selected deal.
    mutating func run(_ command: DealCommand, on deal: Deal) -> [Effect] {
        switch command {
        case .moveNext, .movePrev:
            let by = command == .moveNext ? 1 : -1
            let target = board.stageIndex(deal.stage).map { $0 + by }.flatMap {
                board.stages.indices.contains($0) ? board.stages[$0] : nil
            }
            let action = target.map { moveAction(deal.id, to: $0) } ?? .shift(id: deal.id, by: by)
            let fx = perform(action, label: UIText.labelMove, follow: deal.id)
            if !fx.isEmpty, let moved = board.deal(deal.id), let s = board.stage(moved.stage) {
                message = StatusMessage(moved.status == .won ? UIText.wonDeal(deal.title) : UIText.movedTo(s.name))
            }
            keepVisible()
            return fx
        case .moveTo: mode = .moveTo(MoveDialog(dealID: deal.id, choice: board.stageIndex(deal.stage) ?? 0))
        case .rankUp, .rankDown:
            if sort != .rank {
                message = StatusMessage(UIText.reorderNeedsManual)
                return []
            }
            return perform(
                .reorder(id: deal.id, by: command == .rankUp ? -1 : 1), label: UIText.labelReorder, follow: deal.id)
        case .detail: mode = .detail(dealID: deal.id, scroll: 0)
        case .edit: mode = .form(DealForm(board: board, deal: deal, stageID: nil))
        case .delete: mode = .confirmDelete(dealID: deal.id)
        case .markWon:
            let fx = perform(.markWon(id: deal.id), label: UIText.labelWon, follow: deal.id)
            if !fx.isEmpty { message = StatusMessage(UIText.wonDeal(deal.title)) }
            return fx
        case .markLost: mode = .lostReason(dealID: deal.id, choice: 0, editor: LineEditor())
        case .reopen:
            if deal.status == .open { message = StatusMessage(UIText.notLost); return [] }
            let fx = perform(.reopen(id: deal.id), label: UIText.labelReopen, follow: deal.id)
            if !fx.isEmpty { message = StatusMessage(UIText.reopened(deal.title)) }
            return fx
        case .nextAction: planActivity(on: deal, origin: .board)
        case .completeAction: return completeActivity(deal.id, origin: .board)
        case .logActivity: logActivity(on: deal, origin: .board)
        case .editNotes: return [.editNotes(dealID: deal.id)]
        }
        keepVisible()
        return []
    }
}
