import PipedeckCore

/// What a key does on the board screen.
public enum Command: String, Hashable, Sendable, CaseIterable {
    case focusLeft, focusRight, selectUp, selectDown, selectFirst, selectLast, pageUp, pageDown
    case moveNext, movePrev, moveTo, rankUp, rankDown
    case add, detail, edit, delete, markWon, markLost, reopen
    case nextAction, completeAction, editNotes
    case search, filterMenu, clearFilter, cycleSort, agenda, stages, reports
    case undo, redo, toggleLost, cycleTheme
    case help, quit, redraw, suspend
}

/// One key binding: the keys, the command, and the words the help screen and footer show.
/// The event loop dispatches through the same table, so what is documented is what happens.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var description: String
    /// The short label shown in the footer's key hints; nil keeps the binding out of the footer.
    public var hint: String?
    public var group: String

    public init(_ keys: [Key], _ command: Command, _ description: String, hint: String? = nil, group: String) {
        self.keys = keys; self.command = command; self.description = description; self.hint = hint; self.group = group
    }
}

public enum Bindings {
    public static let board: [KeyBinding] = [
        KeyBinding([.left, .char("h")], .focusLeft, "previous stage (column)", hint: "stage", group: "Navigate"),
        KeyBinding([.right, .char("l")], .focusRight, "next stage (column)", hint: "stage", group: "Navigate"),
        KeyBinding([.up, .char("k")], .selectUp, "previous deal", hint: "deal", group: "Navigate"),
        KeyBinding([.down, .char("j")], .selectDown, "next deal", hint: "deal", group: "Navigate"),
        KeyBinding([.char("g"), .home], .selectFirst, "first deal of the column", group: "Navigate"),
        KeyBinding([.char("G"), .end], .selectLast, "last deal of the column", group: "Navigate"),
        KeyBinding([.pageUp], .pageUp, "one screen up", group: "Navigate"),
        KeyBinding([.pageDown], .pageDown, "one screen down", group: "Navigate"),
        KeyBinding(
            [.shiftRight, .char("L"), .char(">")], .moveNext, "move the deal to the next stage", hint: "move",
            group: "Move deals"),
        KeyBinding(
            [.shiftLeft, .char("H"), .char("<")], .movePrev, "move the deal to the previous stage", hint: "move",
            group: "Move deals"),
        KeyBinding(
            [.char("m")], .moveTo, "move the deal to any stage (then its number or letter)", group: "Move deals"),
        KeyBinding([.shiftUp, .char("K")], .rankUp, "raise the deal's priority in its column", group: "Move deals"),
        KeyBinding(
            [.shiftDown, .char("J")], .rankDown, "lower the deal's priority in its column", group: "Move deals"),
        KeyBinding([.char("a")], .add, "add a deal to this stage", hint: "add", group: "Deals"),
        KeyBinding([.enter], .detail, "open the deal's details", hint: "details", group: "Deals"),
        KeyBinding([.char("e")], .edit, "edit the deal", hint: "edit", group: "Deals"),
        KeyBinding([.char("d"), .delete], .delete, "delete the deal (asks first)", group: "Deals"),
        KeyBinding([.char("w")], .markWon, "mark the deal won", hint: "won", group: "Deals"),
        KeyBinding([.char("x")], .markLost, "mark the deal lost (asks the reason)", hint: "lost", group: "Deals"),
        KeyBinding([.char("o")], .reopen, "reopen a won or lost deal", group: "Deals"),
        KeyBinding(
            [.char("n")], .nextAction, "set or change the deal's next action", hint: "next step", group: "Follow-up"),
        KeyBinding(
            [.char("c")], .completeAction, "mark the next action done and plan the following one", group: "Follow-up"),
        KeyBinding([.char("A")], .agenda, "agenda: every next action by date", hint: "agenda", group: "Follow-up"),
        KeyBinding([.char("N")], .editNotes, "edit the deal's notes in $VISUAL / $EDITOR", group: "Follow-up"),
        KeyBinding(
            [.char("/")], .search, "search title, company, contact, notes and tags", hint: "search", group: "View"),
        KeyBinding([.char("f")], .filterMenu, "filter by owner, source, tag, overdue, stale or score", group: "View"),
        KeyBinding([.escape], .clearFilter, "clear the search and filters", group: "View"),
        KeyBinding([.char("s")], .cycleSort, "next sort order (manual, value, weighted, close, due…)", group: "View"),
        KeyBinding([.char("z")], .toggleLost, "show or hide lost deals", group: "View"),
        KeyBinding(
            [.char("r")], .reports, "reports: forecast, funnel, velocity, sources, owners…", hint: "reports",
            group: "View"),
        KeyBinding([.char("S")], .stages, "stages: add, rename, reorder, delete, probabilities", group: "View"),
        KeyBinding([.char("t")], .cycleTheme, "next colour theme", group: "View"),
        KeyBinding([.char("u")], .undo, "undo the last change", hint: "undo", group: "History"),
        KeyBinding([.ctrl("r")], .redo, "redo", group: "History"),
        KeyBinding([.char("?")], .help, "show all keys", hint: "help", group: "Other"),
        KeyBinding([.ctrl("l")], .redraw, "redraw the screen", group: "Other"),
        KeyBinding([.ctrl("z")], .suspend, "suspend to the shell (fg to come back)", group: "Other"),
        KeyBinding(
            [.char("q"), .ctrl("c")], .quit, "quit (every change is already saved)", hint: "quit", group: "Other"),
    ]

    /// Keys of forms and dialogs, for the help screen (they are handled by the form itself).
    public static let formKeys: [(String, String)] = [
        ("Tab / S-Tab", "next / previous field"),
        ("← → Home End", "move inside a field; change a choice field"),
        ("→ at the end", "accept the suggested owner, source, company or tag"),
        ("Ctrl-N / Ctrl-P", "next / previous suggestion"),
        ("Backspace / Del", "erase"),
        ("Enter", "save the form (stays open while a field is invalid)"),
        ("Esc", "close a form, dialog or overlay without changes"),
    ]

    static let index: [Key: Command] = {
        var m: [Key: Command] = [:]
        for b in board { for k in b.keys where m[k] == nil { m[k] = b.command } }
        return m
    }()

    public static func command(for key: Key) -> Command? { index[key] }

    /// Footer hints generated from the table: consecutive bindings with the same hint share one
    /// item ("←→ stage", "L/H move"); each binding shows its shortest key.
    public static func footerHints(_ table: [KeyBinding] = board) -> [(keys: String, hint: String)] {
        var out: [(keys: [String], hint: String)] = []
        for b in table {
            guard let h = b.hint, let key = b.keys.map(\.label).min(by: { $0.count < $1.count }) else { continue }
            if let last = out.last, last.hint == h {
                out[out.count - 1].keys.append(key)
            } else {
                out.append(([key], h))
            }
        }
        return out.map { item in
            let arrows = item.keys.allSatisfy { ["←", "→", "↑", "↓"].contains($0) }
            return (item.keys.joined(separator: arrows ? "" : "/"), item.hint)
        }
    }

    public static func binding(for command: Command) -> KeyBinding? { board.first { $0.command == command } }
}

extension Key {
    /// How a key is written in help and hints: "←", "S-→", "Ctrl-R", "Enter", "a".
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .escape: return "Esc"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .shiftUp: return "S-↑"
        case .shiftDown: return "S-↓"
        case .shiftLeft: return "S-←"
        case .shiftRight: return "S-→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .mouse: return "mouse"
        }
    }
}
