import Foundation
import PipedeckCore

public enum SaveState: Hashable, Sendable {
    case saved
    case pending
    case failed(String)
    case readOnly
}

/// Side effects the reducer asks the event loop to carry out.
public enum Effect: Hashable, Sendable {
    case save
    case quit
    case redrawAll
    case suspend
    case cycleTheme
    /// Open the deal's notes in $VISUAL / $EDITOR; the loop sends the result as `Event.notesEdited`.
    case editNotes(dealID: String)
    /// Put the text on the clipboard (the terminal's, through OSC 52).
    case copyToClipboard(String)
    /// Drop the keys typed but not read yet: they were meant for a board that was replaced.
    case discardTypeahead
    /// Read the list of boards; the loop answers with `AppState.showBoards`.
    case listBoards
    /// Save this board, then open the one at `path` in its place.
    case openBoard(path: String)
    /// Remember months or quarters for the footer (the settings file's `period`).
    case rememberPeriod(PeriodKind)
    /// Sync the board with the team's git remote in the background; the loop sends what happens as
    /// `Event.team`.
    case sync
}

public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
    /// The same message with `more` said after it.
    func adding(_ more: String) -> StatusMessage { StatusMessage(text + more, isError: isError) }
}

/// The whole state of the interactive board. Changed only by `handle(_:)`, by keys and by the
/// other events (Events.swift).
public struct AppState: Equatable, Sendable {
    public internal(set) var board: Board
    public internal(set) var history = UndoHistory(limit: 1000)
    public var mode: Mode = .board
    public var fileName: String
    public var saveState: SaveState = .saved
    public var message: StatusMessage?
    public var now: Timestamp
    public var today: Day
    /// The user's time zone: the timeline shows when things were done on their clock.
    public var zone = TimeZone(secondsFromGMT: 0)!
    public var screen: BoardLayout

    public internal(set) var focusedStage = 0
    public internal(set) var firstColumn = 0
    /// Per stage: the selected card's index and the first card shown.
    public internal(set) var cursor: [Int]
    public internal(set) var scrollTop: [Int]
    public internal(set) var showLost = false
    /// Won and lost in sight (`W`): a Lost column after the stages holds every lost deal, with its
    /// reason on the card (`columns` then has one more column than `board.stages`).
    public internal(set) var showClosed = false
    /// Per stage: indices into `board.deals`, in column order. Recomputed after every change.
    public internal(set) var columns: [[Int]] = []
    /// The pipeline's figures, recomputed after every change.
    public internal(set) var summary: PipelineSummary
    /// The order inside columns (the manual rank by default).
    public internal(set) var sort: SortKey = .rank
    /// What the board shows.
    public internal(set) var filter = DealFilter()
    /// How many deals pass the filter (lost ones only when shown), and how many there are.
    public internal(set) var shownCount = 0
    public var totalCount: Int { board.deals.count }
    /// Mouse drag in progress: the deal pressed on.
    public internal(set) var dragDealID: String?
    /// The board was replaced by changes made elsewhere and has not been drawn since.
    public internal(set) var boardReplacedUnseen = false
    /// The footer's period: month or quarter (a win falls in one on the user's clock: `zone`).
    public internal(set) var periodKind = PeriodKind.month
    /// The current period against its target, for the deals shown; recomputed after every change.
    public internal(set) var progress: PeriodProgress
    /// What `progress` is made from, kept up to date deal by deal (TargetState.swift).
    var periodCount: PeriodCount
    /// Who is at the keyboard, the sync under way and the deals the team changed (Team.swift).
    public internal(set) var team = TeamView()

    /// `zone` and `period` are given here rather than set after: each would count the footer's
    /// period again over every deal.
    public init(
        board: Board, fileName: String, now: Timestamp, today: Day, width: Int, height: Int,
        zone: TimeZone = TimeZone(secondsFromGMT: 0)!, period: PeriodKind = .month
    ) {
        self.board = board
        self.zone = zone
        periodKind = period
        self.fileName = fileName
        self.now = now
        self.today = today
        self.screen = BoardLayout(width: width, height: height)
        cursor = Array(repeating: 0, count: board.stages.count)
        scrollTop = cursor
        // Both made by `rebuildColumns()` below.
        summary = PipelineSummary(board: board, deals: [])
        progress = PeriodProgress(board: board, deals: [], today: today, kind: period, owner: nil, zone: zone)
        periodCount = PeriodCount(board: board, period: Period(today, kind: period), today: today, zone: zone)
        rebuildColumns()
        // Start on the first column that has deals.
        focusedStage = columns.firstIndex { !$0.isEmpty } ?? 0
        keepVisible()
    }

    // MARK: Derived

    public var focusedStageID: String? {
        board.stages.indices.contains(focusedStage) ? board.stages[focusedStage].id : nil
    }

    public func selectedIndex(inColumn c: Int) -> Int? {
        guard columns.indices.contains(c), !columns[c].isEmpty else { return nil }
        return min(cursor[c], columns[c].count - 1)
    }

    public var selectedDeal: Deal? {
        guard let i = selectedIndex(inColumn: focusedStage) else { return nil }
        return board.deals[columns[focusedStage][i]]
    }

    public func window(forColumn c: Int) -> BoardLayout.CardWindow {
        screen.cardWindow(cardCount: columns[c].count, selected: cursor[c], top: scrollTop[c])
    }

    public var visibleColumnRange: Range<Int> {
        let n = screen.visibleColumnCount(stageCount: columnCount)
        return firstColumn..<min(columnCount, firstColumn + n)
    }

    // MARK: Columns

    mutating func rebuildColumns() {
        let index = StageLookup(board.stages)
        var cols = Array(repeating: [Int](), count: board.stages.count)
        // With the Lost column, lost deals are there and not in their stages.
        let showLost = showLost && !showClosed
        let filtering = filter.isActive
        var shown: [Deal] = []
        var counted: (summary: PipelineSummary, period: PeriodCount)? = nil
        if filtering {
            let matcher = DealMatcher(filter)
            // Read in place: only the deals shown are copied.
            board.deals.withUnsafeBufferPointer { deals in
                for i in deals.indices where matcher.matches(at: deals.baseAddress! + i, board: board, today: today) {
                    shown.append(deals[i])
                    if !showLost && deals[i].status == .lost { continue }
                    if let c = index.index(of: deals[i].stage) { cols[c].append(i) }
                }
            }
        } else if board.deals.count >= AppState.twoCoresFrom, ProcessInfo.processInfo.activeProcessorCount > 1 {
            // A large board: the period's counts (the longest part, about as long as the other
            // two) are made on the other core meanwhile.
            let board = self.board, start = cols, period = Period(today, kind: periodKind), today = today, zone = zone
            let made = Concurrently.both(
                {
                    var cols = start
                    AppState.bucket(board, index, showLost, into: &cols)
                    return (cols, PipelineSummary(board: board))
                },
                { PeriodCount(counting: board.deals, board: board, period: period, today: today, zone: zone) })
            cols = made.0.0
            counted = (made.0.1, made.1)
        } else {
            AppState.bucket(board, index, showLost, into: &cols)
        }
        let deals = board.deals
        if sort == .rank {
            deals.withUnsafeBufferPointer { buffer in
                for c in cols.indices { cols[c].sort { Board.columnOrder(buffer, $0, $1) } }
            }
        } else {
            for c in cols.indices { cols[c] = board.sortedIndices(cols[c], by: sort, today: today) }
        }
        if showClosed { cols.append(lostColumn()) }
        columns = cols
        if cursor.count != cols.count { cursor = Array(repeating: 0, count: cols.count); scrollTop = cursor }
        focusedStage = min(focusedStage, max(0, cols.count - 1))
        for c in cols.indices { cursor[c] = min(cursor[c], max(0, cols[c].count - 1)) }
        // The footer's figures follow the filter.
        shownCount = filtering ? shown.count : board.deals.count
        if let counted {
            summary = counted.summary
            periodCount = counted.period
            publishProgress()
            return
        }
        summary = filtering ? PipelineSummary(board: board, deals: shown) : PipelineSummary(board: board)
        refreshProgress(shown: filtering ? shown : nil)
    }

    /// Boards from this many deals have their footer's figures counted on another core while
    /// their columns are made.
    static let twoCoresFrom = 20_000

    /// The indexes of the deals of each stage's column, in the board's order (fields read in
    /// place: no deal is copied; this runs after every undo on big boards).
    private static func bucket(_ board: Board, _ index: StageLookup, _ showLost: Bool, into cols: inout [[Int]]) {
        board.deals.withUnsafeBufferPointer { deals in
            for i in deals.indices where showLost || deals[i].status != .lost {
                if let c = index.index(of: deals[i].stage) { cols[c].append(i) }
            }
        }
    }

    /// Changes the filter and rebuilds the columns, keeping the selected deal when it is still shown.
    mutating func setFilter(_ f: DealFilter) {
        let selected = selectedDeal?.id
        filter = f
        rebuildColumns()
        if let id = selected { select(dealID: id) }
        keepVisible()
    }

    mutating func setSort(_ key: SortKey) {
        let selected = selectedDeal?.id
        sort = key
        rebuildColumns()
        if let id = selected { select(dealID: id) }
        keepVisible()
    }

    /// Puts the selection on a deal (switching column) if it is shown.
    mutating func select(dealID: String) {
        for (c, col) in columns.enumerated() {
            if let i = col.firstIndex(where: { board.deals[$0].id == dealID }) {
                focusedStage = c; cursor[c] = i
                return
            }
        }
    }

    mutating func keepVisible() {
        firstColumn = screen.firstColumn(current: firstColumn, focused: focusedStage, stageCount: columnCount)
        for c in columns.indices {
            let w = screen.cardWindow(cardCount: columns[c].count, selected: cursor[c], top: scrollTop[c])
            scrollTop[c] = w.top
        }
    }

    // MARK: Changing the board

    /// Applies an action, records it for undo, and keeps the selection on `follow` (the acted-on deal).
    @discardableResult
    mutating func perform(_ action: Action, label: String, follow: String?) -> [Effect] {
        do {
            // Changed in place: a copy of the board would copy (and then release) every deal.
            guard var edit = try board.applyInPlace(action, at: now) else {
                message = StatusMessage(UIText.noChange)
                return []
            }
            edit.label = label
            history.record(edit)
            if !updateIncrementally(after: action, edit: edit) { rebuildColumns() }
            if let id = follow { select(dealID: id) }
            keepVisible()
            return markChanged()
        } catch {
            message = StatusMessage(Strings.describe(error), isError: true)
            return []
        }
    }

    mutating func undoOrRedo(redo: Bool) -> [Effect] {
        // Replayed on the board itself: a copy would copy every deal.
        guard let edit = redo ? history.redo(&board) : history.undo(&board) else {
            message = StatusMessage(redo ? Strings.nothingToRedo : Strings.nothingToUndo)
            return []
        }
        rebuildColumns()
        if let id = edit.focusDealID { select(dealID: id) }
        keepVisible()
        message = StatusMessage(redo ? Strings.redone(edit.label) : Strings.undone(edit.label))
        return markChanged()
    }

    /// After a change: it has to be saved. A read-only board stays read-only; a board whose
    /// saves fail stays failed (the bottom line keeps saying so) until a save succeeds.
    mutating func markChanged() -> [Effect] {
        switch saveState {
        case .readOnly: return []
        case .failed: return [.save]
        case .saved, .pending:
            saveState = .pending
            return [.save]
        }
    }

    /// Replaces the board with a version written elsewhere (a reload, or a merge with it). The
    /// undo history keeps the steps that touch nothing changed elsewhere (`UndoHistory.adopt`);
    /// the result says what was kept, for the message that reports the reload
    /// (`UIText.undoAfterReload`).
    @discardableResult
    public mutating func replaceBoard(_ b: Board) -> KeptHistory {
        let selected = selectedDeal?.id
        let kept = history.adopt(from: board, to: b)
        board = b
        rebuildColumns()
        if let id = selected { select(dealID: id) }
        keepVisible()
        return kept
    }

    /// Saves notes edited outside (in $EDITOR). Returns the effects (a save when they changed).
    public mutating func setNotes(dealID: String, _ text: String) -> [Effect] {
        guard var d = board.deal(dealID) else { return [] }
        var t = text
        while t.hasSuffix("\n") { t.removeLast() }
        let new: String? = t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : t
        if new == d.notes { message = StatusMessage(UIText.notesUnchanged); return [] }
        d.notes = new
        let fx = perform(.update(d), label: UIText.labelNotes, follow: dealID)
        if !fx.isEmpty { message = StatusMessage(UIText.notesSaved) }
        return fx
    }

    /// Moves the clock on. When the day changes (midnight), overdue and stale markers, the
    /// filters and the day-based sorts are brought up to date.
    public mutating func setClock(now: Timestamp, today: Day) {
        self.now = now
        guard today != self.today else { return }
        self.today = today
        let selected = selectedDeal?.id
        rebuildColumns()
        if let id = selected { select(dealID: id) }
        keepVisible()
    }

    public mutating func resize(width: Int, height: Int) {
        screen = BoardLayout(width: width, height: height)
        keepVisible()
    }
}
