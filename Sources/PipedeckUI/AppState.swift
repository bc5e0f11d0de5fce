import PipedeckCore

/// What the screen is showing on top of the board.
public enum Mode: Hashable, Sendable {
    case board
    case help(scroll: Int)
    case detail(dealID: String, scroll: Int)
    case form(DealForm)
    case confirmDelete(dealID: String)
    case lostReason(dealID: String, choice: Int, editor: LineEditor)
    case moveTo(dealID: String)
}

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
}

public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// The whole state of the interactive board. Changed only by `handle(_:)`.
public struct AppState: Sendable {
    public internal(set) var board: Board
    public internal(set) var history = UndoHistory(limit: 1000)
    public var mode: Mode = .board
    public var fileName: String
    public var saveState: SaveState = .saved
    public var message: StatusMessage?
    public var now: Timestamp
    public var today: Day
    public var screen: BoardLayout

    public internal(set) var focusedStage = 0
    public internal(set) var firstColumn = 0
    /// Per stage: the selected card's index and the first card shown.
    public internal(set) var cursor: [Int]
    public internal(set) var scrollTop: [Int]
    public internal(set) var showLost = false
    /// Per stage: indices into `board.deals`, in column order. Recomputed after every change.
    public internal(set) var columns: [[Int]] = []
    /// The pipeline's figures, recomputed after every change.
    public internal(set) var summary: PipelineSummary
    /// Mouse drag in progress: the deal pressed on.
    public internal(set) var dragDealID: String?

    public init(board: Board, fileName: String, now: Timestamp, today: Day, width: Int, height: Int) {
        self.board = board
        self.fileName = fileName
        self.now = now
        self.today = today
        self.screen = BoardLayout(width: width, height: height)
        cursor = Array(repeating: 0, count: board.stages.count)
        scrollTop = cursor
        summary = PipelineSummary(board: board)
        rebuildColumns()
        // Start on the first column that has deals.
        focusedStage = columns.firstIndex { !$0.isEmpty } ?? 0
        keepVisible()
    }

    // MARK: Derived

    public var focusedStageID: String? { board.stages.indices.contains(focusedStage) ? board.stages[focusedStage].id : nil }

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
        let n = screen.visibleColumnCount(stageCount: board.stages.count)
        return firstColumn..<min(board.stages.count, firstColumn + n)
    }

    // MARK: Columns

    mutating func rebuildColumns() {
        var index: [String: Int] = [:]
        for (i, s) in board.stages.enumerated() { index[s.id] = i }
        var cols = Array(repeating: [Int](), count: board.stages.count)
        for (i, d) in board.deals.enumerated() where showLost || d.status != .lost {
            if let c = index[d.stage] { cols[c].append(i) }
        }
        let deals = board.deals
        for c in cols.indices { cols[c].sort { Board.columnOrder(deals[$0], deals[$1]) } }
        columns = cols
        if cursor.count != cols.count { cursor = Array(repeating: 0, count: cols.count); scrollTop = cursor }
        focusedStage = min(focusedStage, max(0, cols.count - 1))
        for c in cols.indices { cursor[c] = min(cursor[c], max(0, cols[c].count - 1)) }
        summary = PipelineSummary(board: board)
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
        firstColumn = screen.firstColumn(current: firstColumn, focused: focusedStage, stageCount: board.stages.count)
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
            let outcome = try board.apply(action, at: now)
            guard var edit = outcome.edit else {
                message = StatusMessage(UIText.noChange)
                return []
            }
            edit.label = label
            board = outcome.board
            history.record(edit)
            rebuildColumns()
            if let id = follow { select(dealID: id) }
            keepVisible()
            saveState = saveState == .readOnly ? .readOnly : .pending
            return saveState == .readOnly ? [] : [.save]
        } catch {
            message = StatusMessage(Strings.describe(error), isError: true)
            return []
        }
    }

    mutating func undoOrRedo(redo: Bool) -> [Effect] {
        var b = board
        guard let edit = redo ? history.redo(&b) : history.undo(&b) else {
            message = StatusMessage(redo ? Strings.nothingToRedo : Strings.nothingToUndo)
            return []
        }
        board = b
        rebuildColumns()
        if let id = edit.focusDealID { select(dealID: id) }
        keepVisible()
        message = StatusMessage(redo ? Strings.redone(edit.label) : Strings.undone(edit.label))
        if saveState == .readOnly { return [] }
        saveState = .pending
        return [.save]
    }

    /// Replaces the board (after a reload from disk); undo history is cleared.
    public mutating func replaceBoard(_ b: Board) {
        let selected = selectedDeal?.id
        board = b
        history.clear()
        rebuildColumns()
        if let id = selected { select(dealID: id) }
        keepVisible()
    }

    public mutating func resize(width: Int, height: Int) {
        screen = BoardLayout(width: width, height: height)
        keepVisible()
    }
}

public enum UIText {
    public static let noChange = "no change"
    public static let labelMove = "move"
    public static let labelReorder = "reorder"
    public static let labelAdd = "add"
    public static let labelEdit = "edit"
    public static let labelDelete = "delete"
    public static let labelWon = "won"
    public static let labelLost = "lost"
    public static let labelReopen = "reopen"
    public static func added(_ t: String) -> String { "added “\(t)”" }
    public static func deleted(_ t: String) -> String { "deleted “\(t)” — u brings it back" }
    public static func movedTo(_ s: String) -> String { "moved to \(s)" }
    public static func wonDeal(_ t: String) -> String { "won: “\(t)” 🎉" }
    public static func lostDeal(_ t: String) -> String { "lost: “\(t)”" }
    public static func reopened(_ t: String) -> String { "reopened “\(t)”" }
    public static let lostHidden = "lost deals hidden"
    public static let lostShownNow = "lost deals shown"
    public static let notLost = "the deal is already open"
    public static let otherReason = "Other reason:"
    public static let readOnlyRefused = "the file is read-only: changes are not possible"
}
