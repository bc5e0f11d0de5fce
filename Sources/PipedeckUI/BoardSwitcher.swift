import PipedeckCore

/// The board switcher (`b` on the board): every board of the data folder and those opened
/// before, with their open deals and weighted value; typing filters by name or file, Enter
/// opens the one chosen (the event loop saves the current board first).
public struct BoardSwitcher: Hashable, Sendable {
    public var entries: [ShelfEntry]
    /// The absolute path of the board on show.
    public var current: String
    public var filter = LineEditor()
    public var selection = 0

    public init(entries: [ShelfEntry], current: String) {
        self.entries = entries
        self.current = current
        selection = shown.firstIndex { $0.path == current } ?? 0
    }

    /// The boards whose name or file name holds the text typed (case and accents ignored).
    public var shown: [ShelfEntry] {
        let needle = DealFilter.fold(filter.text.trimmingCharacters(in: .whitespaces))
        guard !needle.isEmpty else { return entries }
        return entries.filter {
            DealFilter.fold(($0.name ?? "") + " " + ($0.path.split(separator: "/").last.map(String.init) ?? ""))
                .firstRange(of: needle) != nil
        }
    }
}

public enum SwitcherCommand: Hashable, Sendable {
    case list(ListCommand)
    case open, close, quit, type
}

extension Bindings {
    /// Arrows only: letters type the filter.
    public static let boards = KeyTable<SwitcherCommand>([
        KeyBinding([.up], .list(.up), "previous board", hint: "choose", hintKeys: "↑↓"),
        KeyBinding([.down, .tab], .list(.down), "next board"),
        KeyBinding([.pageUp], .list(.pageUp), KeyText.pageUp),
        KeyBinding([.pageDown], .list(.pageDown), KeyText.pageDown),
        KeyBinding([.enter], .open, "open the board (the one on show is saved first)", hint: "open"),
        KeyBinding([.escape], .close, "back to the board on show", hint: "close"),
        .quit(.quit),
        KeyBinding(.anyKey, label: KeyText.otherKeys, .type, "filter the boards by name or file (text-field keys)"),
    ])
}

extension AppState {
    /// The list of boards arrived (asked for with `Effect.listBoards`): the switcher opens on it.
    public mutating func showBoards(_ entries: [ShelfEntry], current: String) {
        mode = .boards(BoardSwitcher(entries: entries, current: current))
    }

    mutating func handleBoards(_ key: Key, _ switcher: BoardSwitcher) -> [Effect] {
        guard let command = Bindings.boards.command(for: key) else { return [] }
        var s = switcher
        let shown = s.shown
        switch command {
        case .list(let step): s.selection = step.apply(to: s.selection, count: shown.count, page: listPage)
        case .close:
            mode = .board
            return []
        case .quit: return [.quit]
        case .open:
            guard shown.indices.contains(s.selection) else { return [] }
            let chosen = shown[s.selection]
            if chosen.path == s.current {
                mode = .board
                return []
            }
            if let problem = chosen.problem {
                message = StatusMessage(problem, isError: true)
                mode = .board
                return []
            }
            mode = .board
            return [.openBoard(path: chosen.path)]
        case .type:
            if s.filter.handle(key) { s.selection = 0 }
        }
        s.selection = min(s.selection, max(0, s.shown.count - 1))
        mode = .boards(s)
        return []
    }
}

extension KeyText {
    public static let boardsTitle = "Boards"
    public static let boardsAbout = "`b` on the board: switch to another pipeline."
    public static let targetsTitle = "Targets"
    public static let targetsAbout = "`T` on the board: the period against its targets, per owner."
    public static let targetEditTitle = "Target amount"
    public static let targetEditAbout = "Enter or e on a line of the targets."
}
