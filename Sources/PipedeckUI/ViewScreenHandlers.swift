import PipedeckCore

/// The keys of the screens that look at the whole pipeline: search (`Bindings.search`), the
/// filter menu (`Bindings.filterMenu`), the agenda (`Bindings.agenda`) and the reports
/// (`Bindings.reports`).
extension AppState {
    mutating func handleSearch(_ key: Key, _ editor: LineEditor) -> [Effect] {
        guard let command = Bindings.search.command(for: key) else { return [] }
        var editor = editor
        switch command {
        case .clear:
            var f = filter
            f.text = ""
            setFilter(f)
            mode = .board
        case .keep: mode = .board
        case .quit: return [.quit]
        case .leave:
            mode = .board
            return handleBoard(key)
        case .type:
            if editor.handle(key) {
                var f = filter
                f.text = editor.text
                setFilter(f)
            }
            mode = .search(editor)
        }
        return []
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
        guard let command = Bindings.filterMenu.command(for: key) else { return [] }
        let rows = FilterRow.allCases
        let r = rows[min(max(0, row), rows.count - 1)]
        switch command {
        case .close: mode = .board
        case .quit: return [.quit]
        case .help: openHelp()
        case .list(let step): mode = .filterMenu(row: step.apply(to: row, count: rows.count))
        case .enter where r != .clear: mode = .board
        case .previousValue: change(r, by: -1)
        case .nextValue, .toggle, .enter: change(r, by: 1)
        }
        return []
    }

    /// Steps a filter row's value (a yes/no row toggles); the last row clears every filter and
    /// closes the menu.
    mutating func change(_ row: FilterRow, by delta: Int) {
        var f = filter
        func cycle(_ current: String?) -> String? {
            let choices = filterChoices(row)
            let i = choices.firstIndex(of: current) ?? 0
            return choices[(i + delta + choices.count) % choices.count]
        }
        switch row {
        case .owner: f.owner = cycle(f.owner)
        case .source: f.source = cycle(f.source)
        case .tag: f.tag = cycle(f.tag)
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
    }

    /// The agenda shown on screen: the planned activities of the deals that pass the filter,
    /// narrowed to one type when `type` is given.
    public func agenda(type: ActivityType? = nil) -> Agenda {
        Agenda(board: board, deals: agendaDeals, today: today, type: type)
    }

    /// The deals the agenda looks at: those the filter shows.
    var agendaDeals: [Deal] {
        guard filter.isActive else { return board.deals }
        let matcher = DealMatcher(filter)
        return board.deals.filter { matcher.matches($0, board: board, today: today) }
    }

    mutating func handleAgenda(_ key: Key, _ view: AgendaView) -> [Effect] {
        guard let command = Bindings.agenda.command(for: key) else { return [] }
        // Moving through the list needs only how long it is; the lines are built for a command
        // on one of them (thousands of activities make that the slow part).
        let count = Agenda.count(deals: agendaDeals, type: view.type)
        var view = view
        view.selection = min(max(0, view.selection), max(0, count - 1))
        switch command {
        case .close: mode = .board
        case .quit: return [.quit]
        case .help: openHelp()
        case .list(let step):
            view.selection = step.apply(to: view.selection, count: count, page: listPage)
            mode = .agenda(view)
        case .nextType:
            let all: [ActivityType?] = [nil] + ActivityType.allCases
            view.type = all[((all.firstIndex(of: view.type) ?? 0) + 1) % all.count]
            view.selection = 0
            mode = .agenda(view)
            message = StatusMessage(UIText.agendaOnly(view.type))
        case .item(let c):
            let items = agenda(type: view.type).items
            guard items.indices.contains(view.selection) else {
                if c == .show { mode = .board } // Enter on an empty agenda closes it
                return []
            }
            return run(c, on: items[view.selection], view: view)
        }
        return []
    }

    /// An agenda command on the selected line: its activity, or its deal with nothing planned.
    /// Every one but `show` comes back to the agenda.
    mutating func run(_ command: AgendaItemCommand, on item: Agenda.Item, view: AgendaView) -> [Effect] {
        guard let d = board.deal(item.dealID) else { return [] }
        let activity = item.activityID.flatMap { id in d.activities.first { $0.id == id } }
        let origin = FormOrigin.agenda(view)
        switch command {
        case .show: jump(to: item.dealID)
        case .change, .reschedule:
            if isReadOnly { return refuseReadOnly() }
            mode = .activity(.plan(d, activity: activity, origin: origin, focus: command == .reschedule ? .when : nil))
        case .complete:
            guard let activity else { message = StatusMessage(UIText.nothingToComplete); return [] }
            return completeActivity(d.id, activityID: activity.id, origin: origin)
        case .log: logActivity(on: d, origin: origin)
        }
        return []
    }

    mutating func handleReports(_ key: Key, tab: Int, scroll: Int) -> [Effect] {
        guard let command = Bindings.reports.command(for: key) else { return [] }
        let n = ReportKind.allCases.count
        switch command {
        case .close: mode = .board
        case .quit: return [.quit]
        case .help: openHelp()
        case .nextTab: mode = .reports(tab: (tab + 1) % n, scroll: 0)
        case .previousTab: mode = .reports(tab: (tab + n - 1) % n, scroll: 0)
        case .tabNumber:
            if case .char(let c) = key, let d = c.wholeNumberValue, d >= 1, d <= n {
                mode = .reports(tab: d - 1, scroll: 0)
            }
        case .scroll(let step): mode = .reports(tab: tab, scroll: step.apply(to: scroll, page: listPage))
        }
        return []
    }
}
