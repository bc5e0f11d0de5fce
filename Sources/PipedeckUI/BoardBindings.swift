import PipedeckCore

/// What a key does on the board screen: something about the board and the view of it, or
/// something done to the selected deal. The board's handler resolves the selected deal once and
/// hands it to the deal commands, so none of them has to look for it.
public enum Command: Hashable, Sendable, CaseIterable {
    case board(BoardCommand)
    case deal(DealCommand)

    public static var allCases: [Command] {
        BoardCommand.allCases.map(Command.board) + DealCommand.allCases.map(Command.deal)
    }

    /// Whether the command changes the board (refused while the file is read-only).
    public var changesBoard: Bool {
        switch self {
        case .board(let c): return c.changesBoard
        case .deal(let c): return c.changesBoard
        }
    }
}

/// Board commands that need no deal.
public enum BoardCommand: String, Hashable, Sendable, CaseIterable {
    case focusLeft, focusRight, selectUp, selectDown, selectFirst, selectLast, pageUp, pageDown
    case add, search, filterMenu, clearFilter, cycleSort, agenda, stages, reports
    case undo, redo, toggleLost, cycleTheme, myDeals, sync, boards, targets, toggleClosed
    case help, quit, redraw, suspend

    public var changesBoard: Bool {
        switch self {
        case .add, .undo, .redo: return true
        default: return false
        }
    }
}

/// Board commands that act on the selected deal.
public enum DealCommand: String, Hashable, Sendable, CaseIterable {
    case moveNext, movePrev, moveTo, rankUp, rankDown
    case detail, edit, delete, markWon, markLost, reopen
    case nextAction, completeAction, logActivity, editNotes

    public var changesBoard: Bool { self != .detail }
}

/// The key tables of every screen (this file: the board's; the others beside it). Help, hints,
/// `docs/keys.md` and the handlers all read them.
public enum Bindings {
    public static let board = KeyTable<Command>([
        KeyBinding(
            [.left, .char("h")], .board(.focusLeft), "previous stage (column)", hint: "stage", group: "Navigate"),
        KeyBinding([.right, .char("l")], .board(.focusRight), "next stage (column)", hint: "stage", group: "Navigate"),
        KeyBinding([.up, .char("k")], .board(.selectUp), "previous deal", hint: "deal", group: "Navigate"),
        KeyBinding([.down, .char("j")], .board(.selectDown), "next deal", hint: "deal", group: "Navigate"),
        KeyBinding([.char("g"), .home], .board(.selectFirst), "first deal of the column", group: "Navigate"),
        KeyBinding([.char("G"), .end], .board(.selectLast), "last deal of the column", group: "Navigate"),
        KeyBinding([.pageUp], .board(.pageUp), "one screen up", group: "Navigate"),
        KeyBinding([.pageDown], .board(.pageDown), "one screen down", group: "Navigate"),
        KeyBinding(
            [.shiftRight, .char("L"), .char(">")], .deal(.moveNext), "move the deal to the next stage", hint: "move",
            group: "Move deals"),
        KeyBinding(
            [.shiftLeft, .char("H"), .char("<")], .deal(.movePrev), "move the deal to the previous stage", hint: "move",
            group: "Move deals"),
        KeyBinding(
            [.char("m")], .deal(.moveTo), "move the deal to any stage (choose it, then Enter)", group: "Move deals"),
        KeyBinding(
            [.shiftUp, .char("K")], .deal(.rankUp), "raise the deal's priority in its column", group: "Move deals"),
        KeyBinding(
            [.shiftDown, .char("J")], .deal(.rankDown), "lower the deal's priority in its column", group: "Move deals"),
        KeyBinding([.char("a")], .board(.add), "add a deal to this stage", hint: "add", group: "Deals"),
        KeyBinding([.enter], .deal(.detail), "open the deal's details", hint: "details", group: "Deals"),
        KeyBinding([.char("e")], .deal(.edit), "edit the deal", hint: "edit", group: "Deals"),
        KeyBinding([.char("d"), .delete], .deal(.delete), "delete the deal (asks first)", group: "Deals"),
        KeyBinding([.char("w")], .deal(.markWon), "mark the deal won", hint: "won", group: "Deals"),
        KeyBinding(
            [.char("x")], .deal(.markLost), "mark the deal lost (asks the reason)", hint: "lost", group: "Deals"),
        KeyBinding([.char("o")], .deal(.reopen), "reopen a won or lost deal", group: "Deals"),
        KeyBinding(
            [.char("i")], .deal(.logActivity), "log a call, meeting, email or task just done",
            hint: "log", group: "Follow-up"),
        KeyBinding(
            [.char("n")], .deal(.nextAction), "plan the next step (type, subject, when) or change it",
            hint: "plan", group: "Follow-up"),
        KeyBinding(
            [.char("c")], .deal(.completeAction),
            "mark the next step done, note its outcome, plan the next", group: "Follow-up"),
        KeyBinding(
            [.char("A")], .board(.agenda), "agenda: every planned activity by date", hint: "agenda",
            group: "Follow-up"),
        KeyBinding([.char("N")], .deal(.editNotes), "edit the deal's notes in $VISUAL / $EDITOR", group: "Follow-up"),
        KeyBinding(
            [.char("/")], .board(.search), "search title, company, contact, notes and tags", hint: "search",
            group: "View"),
        KeyBinding(
            [.char("f")], .board(.filterMenu), "filter by owner, source, tag, overdue, stale or score", group: "View"),
        KeyBinding([.escape], .board(.clearFilter), "clear the search and filters", group: "View"),
        KeyBinding(
            [.char("s")], .board(.cycleSort), "next sort order (manual, value, weighted, close, due…)", group: "View"),
        KeyBinding([.char("z")], .board(.toggleLost), "show or hide lost deals", group: "View"),
        KeyBinding(
            [.char("M")], .board(.myDeals), "my deals only (the owner is me), or every deal again", group: "View"),
        KeyBinding(
            [.char("r")], .board(.reports), "reports: forecast, funnel, velocity, sources, owners…", hint: "reports",
            group: "View"),
        KeyBinding([.char("S")], .board(.stages), "stages: add, rename, reorder, delete, probabilities", group: "View"),
        KeyBinding(
            [.char("T")], .board(.targets), "targets: the month or quarter against its targets, per owner",
            group: "View"),
        KeyBinding(
            [.char("W")], .board(.toggleClosed), "won and lost in sight: a Lost column at the right", group: "View"),
        KeyBinding([.char("b")], .board(.boards), "switch to another board (pipeline)", group: "View"),
        KeyBinding([.char("t")], .board(.cycleTheme), "next colour theme", group: "View"),
        KeyBinding(
            [.char("Y")], .board(.sync),
            "sync with the team through git (in the background)", hint: "sync",
            group: "Team"),
        KeyBinding([.char("u")], .board(.undo), "undo the last change", hint: "undo", group: "History"),
        KeyBinding([.ctrl("r")], .board(.redo), "redo", group: "History"),
        KeyBinding(
            [.char("?")], .board(.help), "show the keys of the board (Tab in the help: every screen's)", hint: "help",
            group: "Other"),
        KeyBinding([.ctrl("l")], .board(.redraw), "redraw the screen", group: "Other"),
        KeyBinding([.ctrl("z")], .board(.suspend), "suspend to the shell (fg to come back)", group: "Other"),
        KeyBinding(
            [.char("q"), .ctrl("c")], .board(.quit), "quit (every change is already saved)", hint: "quit",
            group: "Other"),
    ])

    public static func command(for key: Key) -> Command? { board.command(for: key) }

    /// The board's footer hints: "←→ stage", "L/H move"…
    public static func footerHints() -> [KeyHint] { board.hints }

    public static func binding(for command: Command) -> KeyBinding<Command>? { board.binding(for: command) }
}
