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
            case .char("1"), .char("2"), .char("3"), .char("4"):
                guard case .char(let c) = key, var d = board.deal(id) else { return [] }
                if isReadOnly { message = StatusMessage(UIText.readOnlyRefused, isError: true); return [] }
                var q = d.qualification ?? Qualification()
                switch c {
                case "1": q.budget.toggle()
                case "2": q.authority.toggle()
                case "3": q.need.toggle()
                default: q.timeline.toggle()
                }
                d.qualification = q
                let fx = perform(.update(d), label: UIText.labelQualification, follow: id)
                mode = .detail(dealID: id, scroll: scroll)
                return fx
            case .char("n"):
                if let d = board.deal(id), d.status == .open {
                    mode = .nextAction(NextActionForm(deal: d, followUp: false))
                }
            case .char("c"):
                return completeAction(id)
            case .char("N"):
                return isReadOnly ? [] : [.editNotes(dealID: id)]
            case .char("p"):
                guard let d = board.deal(id) else { return [] }
                if isReadOnly { message = StatusMessage(UIText.readOnlyRefused, isError: true); return [] }
                if d.status != .won { message = StatusMessage(UIText.npsOnlyWon); return [] }
                mode = .npsPrompt(dealID: id, editor: LineEditor(d.npsScore.map(String.init) ?? ""), error: nil)
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
            case .down:
                mode = .lostReason(dealID: id, choice: min(max(0, reasons.count - 1), choice + 1), editor: editor);
                return []
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
        case .moveTo(let id, let typed):
            let n = board.stages.count
            switch key {
            case .char(let c) where c.isASCII && c.isNumber:
                let t = typed + String(c)
                guard let v = Int(t), v >= 1, v <= n else { return [] }
                // Wait for another digit only when one could still name a stage.
                if v * 10 <= n { mode = .moveTo(dealID: id, typed: t); return [] }
                mode = .board
                return move(id, to: board.stages[v - 1])
            case .enter:
                mode = .board
                guard let v = Int(typed), v >= 1, v <= n else { return [] }
                return move(id, to: board.stages[v - 1])
            case .backspace:
                mode = .moveTo(dealID: id, typed: String(typed.dropLast()))
                return []
            case .char(let c):
                mode = .board
                guard let target = stageForShortcut(c) else { return [] }
                return move(id, to: target)
            default:
                mode = .board
                return []
            }
        case .search(var editor):
            switch key {
            case .escape:
                var f = filter; f.text = ""
                setFilter(f)
                mode = .board
            case .enter: mode = .board
            case .ctrl("c"): return [.quit]
            case .up, .down: mode = .board; return handleBoard(key)
            default:
                if editor.handle(key) {
                    var f = filter; f.text = editor.text
                    setFilter(f)
                }
                mode = .search(editor)
            }
            return []
        case .filterMenu(let row):
            return handleFilterMenu(key, row: row)
        case .reports(let tab, let scroll):
            let n = ReportKind.allCases.count
            switch key {
            case .escape, .char("q"), .char("r"): mode = .board
            case .ctrl("c"): return [.quit]
            case .tab, .right, .char("l"): mode = .reports(tab: (tab + 1) % n, scroll: 0)
            case .backTab, .left, .char("h"): mode = .reports(tab: (tab + n - 1) % n, scroll: 0)
            case .down, .char("j"): mode = .reports(tab: tab, scroll: scroll + 1)
            case .up, .char("k"): mode = .reports(tab: tab, scroll: max(0, scroll - 1))
            case .pageDown, .char(" "): mode = .reports(tab: tab, scroll: scroll + max(1, screen.height - 6))
            case .pageUp: mode = .reports(tab: tab, scroll: max(0, scroll - max(1, screen.height - 6)))
            case .char(let c):
                if let d = c.wholeNumberValue, d >= 1, d <= n { mode = .reports(tab: d - 1, scroll: 0) }
            default: break
            }
            return []
        case .npsPrompt(let id, var editor, _):
            switch key {
            case .escape: mode = .detail(dealID: id, scroll: 0); return []
            case .ctrl("c"): return [.quit]
            case .enter:
                let t = editor.text.trimmingCharacters(in: .whitespaces)
                let score: Int?
                if t.isEmpty {
                    score = nil
                } else if let n = Int(t), Deal.npsRange.contains(n) {
                    score = n
                } else {
                    mode = .npsPrompt(dealID: id, editor: editor, error: UIText.npsRange)
                    return []
                }
                guard var d = board.deal(id) else { mode = .board; return [] }
                mode = .detail(dealID: id, scroll: 0)
                if d.npsScore == score { return [] }
                d.npsScore = score
                let fx = perform(.update(d), label: UIText.labelNPS, follow: id)
                if !fx.isEmpty { message = StatusMessage(UIText.npsSaved(score)) }
                mode = .detail(dealID: id, scroll: 0)
                return fx
            default:
                _ = editor.handle(key)
                mode = .npsPrompt(dealID: id, editor: editor, error: nil)
                return []
            }
        case .nextAction(var form):
            switch key {
            case .escape: mode = .board
            case .ctrl("c"): return [.quit]
            case .enter:
                switch form.build(today: today) {
                case .failure(let p):
                    form.error = p.message
                    mode = .nextAction(form)
                case .success(let action):
                    mode = .board
                    let fx = perform(
                        .setNextAction(id: form.dealID, action), label: UIText.labelNextAction, follow: form.dealID)
                    if !fx.isEmpty {
                        message = StatusMessage(action.map { UIText.planned($0.text) } ?? UIText.noStepPlanned)
                    } else if message?.text == UIText.noChange {
                        message = nil
                    }
                    return fx
                }
            default:
                form.handle(key)
                mode = .nextAction(form)
            }
            return []
        case .agenda(let selection):
            return handleAgenda(key, selection: selection)
        case .stages(let selection):
            return handleStages(key, selection: selection)
        case .stageForm(var form):
            switch key {
            case .escape: mode = .stages(selection: board.stageIndex(form.stageID ?? "") ?? 0)
            case .ctrl("c"): return [.quit]
            case .enter:
                let base = form.stageID.flatMap { board.stage($0) }
                switch form.build(base: base) {
                case .failure(let p):
                    form.error = p.message
                    mode = .stageForm(form)
                    return []
                case .success(let stage):
                    let action: Action = base == nil ? .addStage(stage, at: nil) : .updateStage(stage)
                    let fx = perform(action, label: UIText.labelStage, follow: nil)
                    if fx.isEmpty && message?.isError == true {
                        form.error = message?.text
                        message = nil
                        mode = .stageForm(form)
                        return []
                    }
                    let id = base?.id ?? board.stages.first { $0.name == stage.name && !(form.stageID != nil) }?.id
                    mode = .stages(selection: id.flatMap { board.stageIndex($0) } ?? 0)
                    return fx
                }
            default:
                form.handle(key)
                mode = .stageForm(form)
            }
            return []
        case .stageDelete(let sid, let target):
            let others = board.stages.filter { $0.id != sid }
            switch key {
            case .escape: mode = .stages(selection: board.stageIndex(sid) ?? 0)
            case .ctrl("c"): return [.quit]
            case .up, .char("k"): mode = .stageDelete(stageID: sid, target: max(0, target - 1))
            case .down, .char("j"): mode = .stageDelete(stageID: sid, target: min(max(0, others.count - 1), target + 1))
            case .enter:
                guard others.indices.contains(target) else { return [] }
                let fx = perform(
                    .deleteStage(id: sid, moveDealsTo: others[target].id), label: UIText.labelStage, follow: nil)
                mode = .stages(selection: min(board.stageIndex(others[target].id) ?? 0, max(0, board.stages.count - 1)))
                return fx
            default: break
            }
            return []
        }
    }

    mutating func completeAction(_ id: String) -> [Effect] {
        guard let d = board.deal(id) else { return [] }
        if isReadOnly { message = StatusMessage(UIText.readOnlyRefused, isError: true); return [] }
        guard let a = d.nextAction, !a.done else {
            message = StatusMessage(UIText.nothingToComplete)
            return []
        }
        let fx = perform(.completeNextAction(id: id), label: UIText.labelNextAction, follow: id)
        if let nd = board.deal(id), nd.status == .open {
            mode = .nextAction(NextActionForm(deal: nd, followUp: true))
            message = StatusMessage(UIText.doneWhatNext(a.text))
        }
        return fx
    }

    /// The values offered for a filter row, `nil` (any) first.
    public func filterChoices(_ row: FilterRow) -> [String?] {
        switch row {
        case .owner: return [nil] + board.usedValues(\.owner)
        case .source: return [nil] + board.usedValues(\.source)
        case .tag: return [nil] + board.usedTags
        default: return []
        }
    }

    mutating func handleFilterMenu(_ key: Key, row: Int) -> [Effect] {
        let rows = FilterRow.allCases
        let r = rows[min(max(0, row), rows.count - 1)]
        var f = filter
        func cycle(_ current: String?, _ delta: Int) -> String? {
            let choices = filterChoices(r)
            let i = choices.firstIndex(of: current) ?? 0
            return choices[(i + delta + choices.count) % choices.count]
        }
        switch key {
        case .escape, .char("f"), .char("q"): mode = .board; return []
        case .enter where r != .clear: mode = .board; return []
        case .ctrl("c"): return [.quit]
        case .up, .char("k"): mode = .filterMenu(row: max(0, row - 1)); return []
        case .down, .char("j"), .tab: mode = .filterMenu(row: min(rows.count - 1, row + 1)); return []
        case .left, .right, .char(" "), .char("h"), .char("l"), .enter:
            let delta = (key == .left || key == .char("h")) ? -1 : 1
            switch r {
            case .owner: f.owner = cycle(f.owner, delta)
            case .source: f.source = cycle(f.source, delta)
            case .tag: f.tag = cycle(f.tag, delta)
            case .overdue: f.overdueOnly.toggle()
            case .stale: f.staleOnly.toggle()
            case .score:
                let v = ((f.minScore ?? 0) + delta + 5) % 5
                f.minScore = v == 0 ? nil : v
            case .clear:
                f = DealFilter()
                mode = .board
            }
            setFilter(f)
            return []
        default: return []
        }
    }

    /// The agenda shown on screen: the deals that pass the filter.
    public var agenda: Agenda {
        let deals =
            filter.isActive ? board.deals.filter { filter.matches($0, board: board, today: today) } : board.deals
        return Agenda(board: board, deals: deals, today: today)
    }

    mutating func handleAgenda(_ key: Key, selection: Int) -> [Effect] {
        let items = agenda.items
        let sel = min(max(0, selection), max(0, items.count - 1))
        switch key {
        case .escape, .char("q"), .char("A"): mode = .board
        case .ctrl("c"): return [.quit]
        case .up, .char("k"): mode = .agenda(selection: max(0, sel - 1))
        case .down, .char("j"): mode = .agenda(selection: min(max(0, items.count - 1), sel + 1))
        case .pageUp: mode = .agenda(selection: max(0, sel - max(1, screen.height - 6)))
        case .pageDown: mode = .agenda(selection: min(max(0, items.count - 1), sel + max(1, screen.height - 6)))
        case .char("g"), .home: mode = .agenda(selection: 0)
        case .char("G"), .end: mode = .agenda(selection: max(0, items.count - 1))
        case .enter:
            guard items.indices.contains(sel) else { mode = .board; return [] }
            jump(to: items[sel].dealID)
        case .char("n"):
            guard items.indices.contains(sel), let d = board.deal(items[sel].dealID) else { return [] }
            if isReadOnly { message = StatusMessage(UIText.readOnlyRefused, isError: true); return [] }
            jump(to: d.id)
            mode = .nextAction(NextActionForm(deal: d, followUp: false))
        case .char("c"):
            guard items.indices.contains(sel) else { return [] }
            let id = items[sel].dealID
            jump(to: id)
            return completeAction(id)
        default: break
        }
        return []
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

    mutating func handleStages(_ key: Key, selection: Int) -> [Effect] {
        let n = board.stages.count
        let sel = min(max(0, selection), max(0, n - 1))
        let stage = board.stages.indices.contains(sel) ? board.stages[sel] : nil
        let changing: Set<Key> = [
            .char("a"), .char("e"), .enter, .char("d"), .delete, .char("K"), .char("J"), .shiftUp, .shiftDown,
            .char("+"), .char("-"), .char("]"), .char("["),
        ]
        if isReadOnly && changing.contains(key) {
            message = StatusMessage(UIText.readOnlyRefused, isError: true)
            return []
        }
        switch key {
        case .escape, .char("q"), .char("S"): mode = .board; keepVisible()
        case .ctrl("c"): return [.quit]
        case .up, .char("k"): mode = .stages(selection: max(0, sel - 1))
        case .down, .char("j"): mode = .stages(selection: min(max(0, n - 1), sel + 1))
        case .char("a"): mode = .stageForm(StageForm(stage: nil))
        case .char("e"), .enter: if let s = stage { mode = .stageForm(StageForm(stage: s)) }
        case .char("K"), .shiftUp, .char("J"), .shiftDown:
            guard let s = stage else { return [] }
            let by = (key == .char("K") || key == .shiftUp) ? -1 : 1
            let fx = perform(.moveStage(id: s.id, by: by), label: UIText.labelStage, follow: nil)
            mode = .stages(selection: board.stageIndex(s.id) ?? sel)
            return fx
        case .char("+"), .char("-"), .char("]"), .char("["):
            guard var s = stage else { return [] }
            switch key {
            case .char("+"):
                s.probability = Percent(hundredths: min(10_000, (s.probability.hundredths / 500 + 1) * 500))
            case .char("-"):
                s.probability = Percent(hundredths: max(0, ((s.probability.hundredths + 499) / 500 - 1) * 500))
            case .char("]"): s.rotDays = min(3650, s.rotDays + 1)
            default: s.rotDays = max(0, s.rotDays - 1)
            }
            let fx = perform(.updateStage(s), label: UIText.labelStage, follow: nil)
            mode = .stages(selection: sel)
            return fx
        case .char("d"), .delete:
            guard let s = stage else { return [] }
            if board.deals.contains(where: { $0.stage == s.id }) {
                if n < 2 { return [] }
                mode = .stageDelete(stageID: s.id, target: max(0, min(sel, n - 2)))
                return []
            }
            let fx = perform(.deleteStage(id: s.id, moveDealsTo: nil), label: UIText.labelStage, follow: nil)
            mode = .stages(selection: min(sel, max(0, board.stages.count - 1)))
            return fx
        case .char("u"):
            let fx = undoOrRedo(redo: false)
            mode = .stages(selection: min(sel, max(0, board.stages.count - 1)))
            return fx
        case .ctrl("r"):
            let fx = undoOrRedo(redo: true)
            mode = .stages(selection: min(sel, max(0, board.stages.count - 1)))
            return fx
        default: break
        }
        return []
    }

    /// A stage chosen by the first letter of its name.
    public func stageForShortcut(_ c: Character) -> Stage? {
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
        let changing: Set<Command> = [
            .moveNext, .movePrev, .moveTo, .rankUp, .rankDown, .add, .edit, .delete, .markWon, .markLost, .reopen,
            .undo, .redo,
            .nextAction, .completeAction, .editNotes,
        ]
        if isReadOnly && changing.contains(command) {
            message = StatusMessage(UIText.readOnlyRefused, isError: true)
            return []
        }
        let deal = selectedDeal
        let needsDeal: Set<Command> = [
            .moveNext, .movePrev, .moveTo, .rankUp, .rankDown, .detail, .edit, .delete, .markWon, .markLost, .reopen,
            .nextAction, .completeAction, .editNotes,
        ]
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
                message = StatusMessage(
                    board.deal(d.id)?.status == .won ? UIText.wonDeal(d.title) : UIText.movedTo(s.name))
            }
            keepVisible()
            return fx
        case .moveTo: mode = .moveTo(dealID: deal!.id, typed: "")
        case .rankUp, .rankDown:
            if sort != .rank {
                message = StatusMessage(UIText.reorderNeedsManual)
                return []
            }
            return perform(
                .reorder(id: deal!.id, by: command == .rankUp ? -1 : 1), label: UIText.labelReorder, follow: deal!.id)
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
        case .cycleTheme: return [.cycleTheme]
        case .nextAction:
            if deal!.status != .open { message = StatusMessage(UIText.closedDeal); return [] }
            mode = .nextAction(NextActionForm(deal: deal!, followUp: false))
        case .completeAction: return completeAction(deal!.id)
        case .editNotes: return [.editNotes(dealID: deal!.id)]
        case .search:
            var e = LineEditor(filter.text)
            e.set(filter.text)
            mode = .search(e)
        case .filterMenu: mode = .filterMenu(row: 0)
        case .clearFilter:
            if filter.isActive { setFilter(DealFilter()); message = StatusMessage(UIText.filterCleared) }
        case .cycleSort:
            setSort(sort.next)
            message = StatusMessage(UIText.sortedBy(sort))
        case .agenda: mode = .agenda(selection: 0)
        case .reports: mode = .reports(tab: 0, scroll: 0)
        case .stages: mode = .stages(selection: focusedStage)
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
                board.stages[hit.column].id != deal.stage
            else { return [] }
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
