import PipedeckCore

extension AppState {
    /// Applies one input event. The screen on show has its own handler, which looks the key up in
    /// the screen's key table (`Bindings`) and runs the command. Pure apart from the returned
    /// effects, which the event loop runs.
    public mutating func handle(_ key: Key) -> [Effect] {
        if case .resize = key { return [.redrawAll] }
        if case .mouse(let m) = key { return handleMouse(m) }
        switch mode {
        case .board:
            message = nil
            return handleBoard(key)
        case .help(let view): return handleHelp(key, view)
        case .detail(let id, let scroll): return handleDetail(key, dealID: id, scroll: scroll)
        case .npsPrompt(let id, let editor, _): return handleNPSPrompt(key, dealID: id, editor: editor)
        case .form(let form): return handleForm(key, form, cancel: cancelTarget(of: mode)) { $0.submit($1) }
        case .activity(let form):
            return handleForm(key, form, cancel: cancelTarget(of: mode)) { $0.saveActivity($1) }
        case .confirmDelete(let id): return handleConfirmDelete(key, dealID: id)
        case .lostReason(let id, let choice, let editor):
            return handleLostReason(key, dealID: id, choice: choice, editor: editor)
        case .moveTo(let dialog): return handleMoveTo(key, dialog)
        case .search(let editor): return handleSearch(key, editor)
        case .filterMenu(let row): return handleFilterMenu(key, row: row)
        case .agenda(let view): return handleAgenda(key, view)
        case .reports(let tab, let scroll): return handleReports(key, tab: tab, scroll: scroll)
        case .stages(let selection): return handleStages(key, selection: selection)
        case .stageForm(let form): return handleForm(key, form, cancel: cancelTarget(of: mode)) { $0.saveStage($1) }
        case .discard(let typing): return handleDiscard(key, typing: typing)
        case .stageDelete(let sid, let target): return handleStageDelete(key, stageID: sid, target: target)
        case .boards(let switcher): return handleBoards(key, switcher)
        case .targets(let view): return handleTargets(key, view)
        }
    }

    // MARK: Shared by the screens' handlers

    var isReadOnly: Bool { saveState == .readOnly }

    /// Says that the file cannot be changed; changes nothing.
    mutating func refuseReadOnly() -> [Effect] {
        message = StatusMessage(UIText.readOnlyRefused, isError: true)
        return []
    }

    /// Opens the help on the keys of the screen on show; closing it comes back here.
    mutating func openHelp() { mode = .help(HelpView(origin: mode)) }

    /// The page of a scrolled box (help, details) or of a list (agenda, reports), in lines.
    var boxPage: Int { max(1, screen.height - 4) }
    var listPage: Int { max(1, screen.height - 6) }

    mutating func handleHelp(_ key: Key, _ view: HelpView) -> [Effect] {
        guard let command = Bindings.help.command(for: key) else { return [] }
        var view = view
        switch command {
        case .scroll(let step): view.scroll = step.apply(to: view.scroll, page: boxPage)
        case .switchView:
            view.showsAll.toggle()
            view.scroll = 0
        case .quit: return [.quit]
        case .close:
            mode = view.origin
            return []
        }
        mode = .help(view)
        return []
    }

    /// Marks the deal's next step (or `activityID`) done now, then asks what came of it and
    /// what is next; the done one stays in the deal's activities.
    mutating func completeActivity(_ id: String, activityID: String? = nil, origin: FormOrigin) -> [Effect] {
        guard let d = board.deal(id) else { return [] }
        if isReadOnly { return refuseReadOnly() }
        guard let a = activityID.flatMap({ k in d.activities.first { $0.id == k } }) ?? d.nextActivity, !a.done else {
            message = StatusMessage(UIText.nothingToComplete)
            return []
        }
        let fx = perform(
            .completeActivity(dealID: id, activityID: a.id, outcome: nil), label: UIText.labelDone, follow: id)
        if !fx.isEmpty, let nd = board.deal(id), let done = nd.activities.first(where: { $0.id == a.id }) {
            mode = .activity(.followUp(nd, done: done, origin: origin))
            message = StatusMessage(UIText.markedDone(a.subject))
        }
        return fx
    }

    /// Opens the dialog that plans the deal's next step (or changes the one planned).
    mutating func planActivity(on deal: Deal, origin: FormOrigin) {
        if isReadOnly { _ = refuseReadOnly(); return }
        if deal.status != .open { message = StatusMessage(UIText.closedDeal); return }
        mode = .activity(.plan(deal, activity: deal.nextActivity, origin: origin))
    }

    /// Opens the dialog that logs something just done on the deal.
    mutating func logActivity(on deal: Deal, origin: FormOrigin) {
        if isReadOnly { _ = refuseReadOnly(); return }
        mode = .activity(.log(deal, origin: origin))
    }

    /// Shows a deal on the board: back to the board, selection on it (clearing a filter that hides it).
    mutating func jump(to id: String) {
        mode = .board
        if let d = board.deal(id) {
            if d.status == .lost && !showLost { showLost = true; rebuildColumns() }
            if filter.isActive && !filter.matches(d, board: board, today: today) { setFilter(DealFilter()) }
        }
        select(dealID: id)
        keepVisible()
    }

    mutating func move(_ id: String, to stage: Stage) -> [Effect] {
        let fx = perform(moveAction(id, to: stage), label: UIText.labelMove, follow: id)
        if !fx.isEmpty { message = StatusMessage(UIText.movedTo(stage.name)) }
        return fx
    }

    /// A move to `stage`: back to the deal's former place there when the undo history remembers
    /// it (L then H leaves the column as it was), else to the bottom of the column.
    func moveAction(_ id: String, to stage: Stage) -> Action {
        if let rank = history.formerRank(of: id, inStage: stage.id) {
            return .moveBack(id: id, toStage: stage.id, rank: rank)
        }
        return .move(id: id, toStage: stage.id)
    }
}
