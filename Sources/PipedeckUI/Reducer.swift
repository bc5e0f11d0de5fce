import PipedeckCore

extension AppState {
    /// Applies one input event. Pure apart from the returned effects, which the event loop runs.
    public mutating func handle(_ key: Key) -> [Effect] {
        if case .resize = key { return [.redrawAll] }
        if case .mouse(let m) = key { return handleMouse(m) }
        if mode == .board { message = nil }
        switch mode {
        case .board: return handleBoard(key)
        case .help(let scroll):
            switch key {
            case .down, .char("j"): mode = .help(scroll: scroll + 1)
            case .up, .char("k"): mode = .help(scroll: max(0, scroll - 1))
            case .pageDown, .char(" "): mode = .help(scroll: scroll + max(1, screen.height - 4))
            case .pageUp: mode = .help(scroll: max(0, scroll - max(1, screen.height - 4)))
            case .ctrl("c"): return [.quit]
            default: mode = .board
            }
            return []
        case .detail(let id, let scroll):
            switch key {
            case .escape, .enter, .char("q"), .char("?"): mode = .board
            case .down, .char("j"): mode = .detail(dealID: id, scroll: scroll + 1)
            case .up, .char("k"): mode = .detail(dealID: id, scroll: max(0, scroll - 1))
            case .pageDown, .char(" "): mode = .detail(dealID: id, scroll: scroll + max(1, screen.height - 4))
            case .pageUp: mode = .detail(dealID: id, scroll: max(0, scroll - max(1, screen.height - 4)))
            case .char("e"):
                if let d = board.deal(id) { mode = .form(DealForm(board: board, deal: d, stageID: nil)) }
            case .ctrl("c"): return [.quit]
            default: break
            }
            return []
        case .form(var form):
            switch key {
            case .escape: mode = .board; return []
            case .ctrl("c"): return [.quit]
            case .enter: return submit(form)
            default:
                form.handle(key)
                mode = .form(form)
                return []
            }
        case .confirmDelete(let id):
            switch key {
            case .char("y"), .char("Y"):
                mode = .board
                let title = board.deal(id)?.title ?? id
                let fx = perform(.delete(id: id), label: UIText.labelDelete, follow: nil)
                if !fx.isEmpty { message = StatusMessage(UIText.deleted(title)) }
                return fx
            case .ctrl("c"): return [.quit]
            default: mode = .board; return []
            }
        case .lostReason(let id, let choice, var editor):
            let reasons = board.settings.lostReasons
            switch key {
            case .escape: mode = .board; return []
            case .ctrl("c"): return [.quit]
            case .up: mode = .lostReason(dealID: id, choice: max(0, choice - 1), editor: editor); return []
            case .down: mode = .lostReason(dealID: id, choice: min(max(0, reasons.count - 1), choice + 1), editor: editor); return []
            case .enter:
                mode = .board
                let typed = editor.text.trimmingCharacters(in: .whitespaces)
                let reason = typed.isEmpty ? (reasons.indices.contains(choice) ? reasons[choice] : nil) : typed
                let title = board.deal(id)?.title ?? id
                let fx = perform(.markLost(id: id, reason: reason), label: UIText.labelLost, follow: nil)
                if !fx.isEmpty { message = StatusMessage(UIText.lostDeal(title)) }
                return fx
            case .char(let c) where editor.isEmpty && c.wholeNumberValue != nil:
                let n = c.wholeNumberValue!
                if n >= 1 && n <= reasons.count { mode = .lostReason(dealID: id, choice: n - 1, editor: editor) }
                return []
            default:
                _ = editor.handle(key)
                mode = .lostReason(dealID: id, choice: choice, editor: editor)
                return []
            }
        case .moveTo(let id):
            mode = .board
            guard case .char(let c) = key, let target = stageForShortcut(c) else { return [] }
            return move(id, to: target)
        }
    }

    /// A stage chosen by its number (1–9) or by the first letter of its name.
    public func stageForShortcut(_ c: Character) -> Stage? {
        if let n = c.wholeNumberValue, n >= 1, n <= board.stages.count { return board.stages[n - 1] }
        let l = String(c).lowercased()
        return board.stages.first { $0.name.lowercased().hasPrefix(l) }
    }

    mutating func move(_ id: String, to stage: Stage) -> [Effect] {
        let fx = perform(.move(id: id, toStage: stage.id), label: UIText.labelMove, follow: id)
        if !fx.isEmpty { message = StatusMessage(UIText.movedTo(stage.name)) }
        return fx
    }

    var isReadOnly: Bool { saveState == .readOnly }

    mutating func handleBoard(_ key: Key) -> [Effect] {
        guard let command = Bindings.command(for: key) else { return [] }
        let c = focusedStage
        let count = columns.indices.contains(c) ? columns[c].count : 0
        let changing: Set<Command> = [.moveNext, .movePrev, .moveTo, .rankUp, .rankDown, .add, .edit, .delete, .markWon, .markLost, .reopen, .undo, .redo]
        if isReadOnly && changing.contains(command) {
            message = StatusMessage(UIText.readOnlyRefused, isError: true)
            return []
        }
        let deal = selectedDeal
        let needsDeal: Set<Command> = [.moveNext, .movePrev, .moveTo, .rankUp, .rankDown, .detail, .edit, .delete, .markWon, .markLost, .reopen]
        if needsDeal.contains(command) && deal == nil {
            message = StatusMessage(Strings.noDealSelected)
            return []
        }
        switch command {
        case .focusLeft: focusedStage = max(0, c - 1)
        case .focusRight: focusedStage = min(max(0, board.stages.count - 1), c + 1)
        case .selectUp: if count > 0 { cursor[c] = max(0, cursor[c] - 1) }
        case .selectDown: if count > 0 { cursor[c] = min(count - 1, cursor[c] + 1) }
        case .selectFirst: cursor[c] = 0
        case .selectLast: cursor[c] = max(0, count - 1)
        case .pageUp, .pageDown:
            let page = max(1, window(forColumn: c).count)
            cursor[c] = command == .pageUp ? max(0, cursor[c] - page) : min(max(0, count - 1), cursor[c] + page)
            scrollTop[c] = command == .pageUp ? max(0, scrollTop[c] - page) : scrollTop[c] + page
        case .moveNext, .movePrev:
            let d = deal!
            let fx = perform(.shift(id: d.id, by: command == .moveNext ? 1 : -1), label: UIText.labelMove, follow: d.id)
            if !fx.isEmpty, let s = board.deal(d.id).flatMap({ board.stage($0.stage) }) {
                message = StatusMessage(board.deal(d.id)?.status == .won ? UIText.wonDeal(d.title) : UIText.movedTo(s.name))
            }
            keepVisible()
            return fx
        case .moveTo: mode = .moveTo(dealID: deal!.id)
        case .rankUp, .rankDown:
            return perform(.reorder(id: deal!.id, by: command == .rankUp ? -1 : 1), label: UIText.labelReorder, follow: deal!.id)
        case .add: mode = .form(DealForm(board: board, deal: nil, stageID: focusedStageID))
        case .detail: mode = .detail(dealID: deal!.id, scroll: 0)
        case .edit: mode = .form(DealForm(board: board, deal: deal, stageID: nil))
        case .delete: mode = .confirmDelete(dealID: deal!.id)
        case .markWon:
            let fx = perform(.markWon(id: deal!.id), label: UIText.labelWon, follow: deal!.id)
            if !fx.isEmpty { message = StatusMessage(UIText.wonDeal(deal!.title)) }
            return fx
        case .markLost:
            mode = .lostReason(dealID: deal!.id, choice: 0, editor: LineEditor())
        case .reopen:
            if deal!.status == .open { message = StatusMessage(UIText.notLost); return [] }
            let fx = perform(.reopen(id: deal!.id), label: UIText.labelReopen, follow: deal!.id)
            if !fx.isEmpty { message = StatusMessage(UIText.reopened(deal!.title)) }
            return fx
        case .undo: return undoOrRedo(redo: false)
        case .redo: return undoOrRedo(redo: true)
        case .toggleLost:
            let selected = deal?.id
            showLost.toggle()
            rebuildColumns()
            if let id = selected { select(dealID: id) }
            message = StatusMessage(showLost ? UIText.lostShownNow : UIText.lostHidden)
        case .help: mode = .help(scroll: 0)
        case .quit: return [.quit]
        case .redraw: return [.redrawAll]
        case .suspend: return [.suspend]
        }
        keepVisible()
        return []
    }

    mutating func submit(_ form: DealForm) -> [Effect] {
        var form = form
        let base: Deal
        if let id = form.dealID {
            guard let d = board.deal(id) else { mode = .board; return [] }
            base = d
        } else {
            base = board.newDeal(title: "", value: .zero, stage: focusedStageID, at: now)
        }
        guard let deal = form.build(board: board, base: base) else {
            form.formError = FormText.fixFields
            mode = .form(form)
            return []
        }
        mode = .board
        if form.isNew {
            let fx = perform(.add(deal), label: UIText.labelAdd, follow: deal.id)
            if !fx.isEmpty { message = StatusMessage(UIText.added(deal.title)) }
            return fx
        }
        var fx = perform(.update(deal), label: UIText.labelEdit, follow: deal.id)
        if fx.isEmpty && message?.isError == true { mode = .form(form); fx = [] }
        return fx
    }

    // MARK: Mouse

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
            if m.kind == .click || m.kind == .press, case .help = mode { mode = .board }
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
                  board.stages[hit.column].id != deal.stage else { return [] }
            return move(id, to: board.stages[hit.column])
        case .drag:
            return []
        case .wheelUp, .wheelDown:
            guard let hit = hitTest(x: m.x, y: m.y) else { return [] }
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
