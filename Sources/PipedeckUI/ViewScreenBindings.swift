import PipedeckCore

// The key tables of the screens that look at the whole pipeline: help, search, filter, agenda,
// reports, and the stages with their delete dialog.

public enum HelpCommand: Hashable, Sendable {
    case scroll(ListCommand)
    /// This screen's keys, or every screen's.
    case switchView
    case close, quit
}

public enum SearchCommand: Hashable, Sendable {
    case keep, clear, quit
    /// ↑ ↓: back to the board, moving the selection.
    case leave
    case type
}

public enum FilterMenuCommand: Hashable, Sendable {
    case list(ListCommand)
    case previousValue, nextValue, toggle, enter, close, help, quit
}

public enum AgendaCommand: Hashable, Sendable {
    case list(ListCommand)
    /// All activities, then each type in turn.
    case nextType
    case close, help, quit
    /// Commands on the selected line's deal; the handler finds it once and passes it on.
    case item(AgendaItemCommand)
}

public enum AgendaItemCommand: Hashable, Sendable {
    case show, change, reschedule, complete, log
}

public enum ReportsCommand: Hashable, Sendable {
    case scroll(ListCommand)
    case nextTab, previousTab, tabNumber, close, help, quit
}

public enum StagesCommand: Hashable, Sendable {
    case list(ListCommand)
    case add, undo, redo, close, help, quit
    /// Commands on the selected stage; the handler finds it once and passes it on.
    case stage(StageCommand)

    /// Refused while the file is read-only (undo and redo are not, as before: see `handleStages`).
    var changesBoard: Bool {
        switch self {
        case .add, .stage: return true
        default: return false
        }
    }
}

public enum StageCommand: Hashable, Sendable {
    case edit, moveLeft, moveRight, probabilityUp, probabilityDown, rotDaysUp, rotDaysDown, delete
}

/// Deleting a stage that still has deals: where they go.
public enum StageDeleteCommand: Hashable, Sendable {
    case list(ListCommand)
    case confirm, cancel, quit
}

extension Bindings {
    public static let help = KeyTable<HelpCommand>(
        [
            KeyBinding(
                .anyKey, plus: [.escape, .char("?")], .close, "close the help", hint: "closes this help",
                hintKeys: "Esc or ?"),
            KeyBinding([.tab], .switchView, "this screen's keys, or every screen's", hint: "all screens / this one"),
            .quit(.quit),
        ] + KeyBinding.scrolling(HelpCommand.scroll))

    public static let search = KeyTable<SearchCommand>([
        KeyBinding([.enter], .keep, "keep the search, back to the board", hint: "keeps the search"),
        KeyBinding([.escape], .clear, "clear the search, back to the board", hint: "clears it"),
        KeyBinding([.up, .down], .leave, "keep the search and move the selection on the board"),
        .quit(.quit),
        KeyBinding(.anyKey, label: KeyText.otherKeys, .type, "edit the search (text-field keys); the board follows"),
    ])

    public static let filterMenu = KeyTable<FilterMenuCommand>(
        KeyBinding.upDown(
            FilterMenuCommand.list, up: "previous row", down: "next row", hint: "choose", downAlso: [.tab]) + [
                KeyBinding([.left, .char("h")], .previousValue, "previous value", hint: "change"),
                KeyBinding([.right, .char("l")], .nextValue, "next value", hint: "change"),
                KeyBinding([.char(" ")], .toggle, "next value; turns a yes/no row on or off", hint: "toggle"),
                KeyBinding(
                    [.enter], .enter, "close (on “\(FilterText.clearAll)”: clear every filter and close)",
                    hint: "close"),
                KeyBinding([.escape, .char("f"), .char("q")], .close, "close", hint: "close", hintKeys: "Esc"),
                KeyBinding([.char("?")], .help, KeyText.helpHere),
                .quit(.quit),
            ])

    public static let agenda = KeyTable<AgendaCommand>(
        KeyBinding.upDown(AgendaCommand.list, up: "previous line", down: "next line") + [
            KeyBinding([.pageUp], .list(.pageUp), KeyText.pageUp),
            KeyBinding([.pageDown], .list(.pageDown), KeyText.pageDown),
            KeyBinding([.char("g"), .home], .list(.first), "first line"),
            KeyBinding([.char("G"), .end], .list(.last), "last line"),
            KeyBinding([.enter], .item(.show), "show the deal on the board", hint: "show"),
            KeyBinding(
                [.char("c")], .item(.complete), "mark the activity done, note its outcome, plan the next",
                hint: "done"),
            KeyBinding(
                [.char("r")], .item(.reschedule), "reschedule the activity (a new day and time)", hint: "reschedule"),
            KeyBinding(
                [.char("n")], .item(.change), "change the activity (on a deal with none: plan one)",
                hint: "change"),
            KeyBinding([.char("i")], .item(.log), "log something just done on the deal"),
            KeyBinding(
                [.char("t"), .tab], .nextType, "only calls, meetings, emails, tasks, deadlines, then all",
                hint: "type", hintKeys: "t"),
            KeyBinding([.escape, .char("q"), .char("A")], .close, "back to the board", hint: "close", hintKeys: "Esc"),
            KeyBinding([.char("?")], .help, KeyText.helpHere),
            .quit(.quit),
        ])

    public static let reports = KeyTable<ReportsCommand>(
        [
            KeyBinding([.tab, .right, .char("l")], .nextTab, "next report", hint: "switch", hintKeys: "Tab"),
            KeyBinding(
                .number, label: "1–\(ReportKind.allCases.count)", .tabNumber, "the report of that number",
                hint: "switch"),
            KeyBinding([.backTab, .left, .char("h")], .previousTab, "previous report"),
        ] + KeyBinding.scrolling(ReportsCommand.scroll, hint: "scroll") + [
            KeyBinding([.escape, .char("q"), .char("r")], .close, "back to the board", hint: "close", hintKeys: "Esc"),
            KeyBinding([.char("?")], .help, KeyText.helpHere),
            .quit(.quit),
        ])

    public static let stages = KeyTable<StagesCommand>(
        KeyBinding.upDown(StagesCommand.list, up: "previous stage", down: "next stage") + [
            KeyBinding([.char("a")], .add, "add a stage", hint: "add"),
            KeyBinding(
                [.char("e"), .enter], .stage(.edit), "rename it, change its probability or stale days", hint: "edit"),
            KeyBinding([.char("d"), .delete], .stage(.delete), "delete it (asks where its deals go)", hint: "delete"),
            KeyBinding([.char("K"), .shiftUp], .stage(.moveLeft), "move it one place earlier", hint: "move"),
            KeyBinding([.char("J"), .shiftDown], .stage(.moveRight), "move it one place later", hint: "move"),
            KeyBinding([.char("+")], .stage(.probabilityUp), "probability up to the next 5 %", hint: "probability"),
            KeyBinding([.char("-")], .stage(.probabilityDown), "probability down to the next 5 %", hint: "probability"),
            KeyBinding([.char("[")], .stage(.rotDaysDown), "stale one day sooner", hint: "rot days"),
            KeyBinding([.char("]")], .stage(.rotDaysUp), "stale one day later", hint: "rot days"),
            KeyBinding([.escape, .char("q"), .char("S")], .close, "back to the board", hint: "close", hintKeys: "Esc"),
            KeyBinding([.char("u")], .undo, "undo the last change"),
            KeyBinding([.ctrl("r")], .redo, "redo"),
            KeyBinding([.char("?")], .help, KeyText.helpHere),
            .quit(.quit),
        ])

    public static let stageDelete = KeyTable<StageDeleteCommand>(
        KeyBinding.upDown(StageDeleteCommand.list, up: "previous stage", down: "next stage", hint: "choose") + [
            KeyBinding(
                [.enter], .confirm, "delete the stage and move its deals to the chosen one", hint: "delete and move"),
            KeyBinding([.escape], .cancel, "back to the stages", hint: "cancel"),
            .quit(.quit),
        ])
}
