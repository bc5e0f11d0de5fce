/// What the screen is showing on top of the board.
public enum Mode: Hashable, Sendable {
    case board
    /// The keys of the screen the help was opened from, or of every screen.
    indirect case help(HelpView)
    case detail(dealID: String, scroll: Int)
    case form(DealForm)
    case confirmDelete(dealID: String)
    case lostReason(dealID: String, choice: Int, editor: LineEditor)
    /// Choosing a stage for a deal: by its number, its letters or ↑ ↓, then Enter.
    case moveTo(MoveDialog)
    case search(LineEditor)
    case filterMenu(row: Int)
    /// Logging, planning, changing an activity, or saying what came of one just done.
    case activity(ActivityForm)
    case agenda(AgendaView)
    case stages(selection: Int)
    case stageForm(StageForm)
    /// Deleting a stage that still has deals: choose where they go.
    case stageDelete(stageID: String, target: Int)
    case reports(tab: Int, scroll: Int)
    /// Recording a won customer's answer (0–10) to "how likely are you to recommend us?".
    case npsPrompt(dealID: String, editor: LineEditor, error: String?)
    /// Ctrl-C in a box where something was typed: "discard what you typed?" over that box.
    indirect case discard(Mode)
    /// The board switcher: another pipeline (issue 17).
    case boards(BoardSwitcher)
    /// The targets of a period, per owner (issue 17).
    case targets(TargetsView)

    public var screen: Screen {
        switch self {
        case .board: return .board
        case .help: return .help
        case .detail: return .detail
        case .form: return .dealForm
        case .confirmDelete: return .confirmDelete
        case .lostReason: return .lostReason
        case .moveTo: return .moveTo
        case .search: return .search
        case .filterMenu: return .filterMenu
        case .activity: return .activity
        case .agenda: return .agenda
        case .stages: return .stages
        case .stageForm: return .stageForm
        case .stageDelete: return .stageDelete
        case .reports: return .reports
        case .npsPrompt: return .npsPrompt
        case .discard: return .discard
        case .boards: return .boards
        case .targets: return .targets
        }
    }
}

/// The help screen's state.
public struct HelpView: Hashable, Sendable {
    /// The screen the help was opened from: its keys are shown, and closing the help goes back to it.
    public var origin: Mode
    /// Every screen's keys rather than the origin's.
    public var showsAll: Bool
    public var scroll: Int

    public init(origin: Mode, showsAll: Bool = false, scroll: Int = 0) {
        self.origin = origin; self.showsAll = showsAll; self.scroll = scroll
    }

    /// The key tables the help shows.
    public var sheets: [KeySheet] { showsAll ? Bindings.sheets : Bindings.sheets(for: origin.screen) }
}

/// Each screen of the app, one per `Mode`, with its key table.
public enum Screen: String, Hashable, Sendable, CaseIterable {
    case board, detail, moveTo, lostReason, confirmDelete, activity, npsPrompt, dealForm
    case search, filterMenu, agenda, reports, stages, stageForm, stageDelete, discard, help
    case boards, targets

    /// The screen's own key table, for help and docs.
    public var keySheet: KeySheet {
        switch self {
        case .board: return ScreenSheets.board
        case .detail: return ScreenSheets.detail
        case .moveTo: return ScreenSheets.moveTo
        case .lostReason: return ScreenSheets.lostReason
        case .confirmDelete: return ScreenSheets.confirmDelete
        case .activity: return ScreenSheets.activity
        case .npsPrompt: return ScreenSheets.npsPrompt
        case .dealForm: return ScreenSheets.dealForm
        case .search: return ScreenSheets.search
        case .filterMenu: return ScreenSheets.filterMenu
        case .agenda: return ScreenSheets.agenda
        case .reports: return ScreenSheets.reports
        case .stages: return ScreenSheets.stages
        case .stageForm: return ScreenSheets.stageForm
        case .stageDelete: return ScreenSheets.stageDelete
        case .discard: return ScreenSheets.discard
        case .help: return ScreenSheets.help
        case .boards: return ScreenSheets.boards
        case .targets: return ScreenSheets.targets
        }
    }

    /// The key tables of the fields the screen holds, shared with other screens.
    public var fieldSheets: [KeySheet] {
        switch self {
        case .dealForm: return [Bindings.choiceSheet, Bindings.suggestionSheet, Bindings.textFieldSheet]
        case .activity: return [Bindings.activityTypeSheet, Bindings.textFieldSheet]
        case .lostReason, .npsPrompt, .search, .stageForm, .boards: return [Bindings.textFieldSheet]
        case .targets: return [Bindings.targetEditSheet, Bindings.textFieldSheet]
        default: return []
        }
    }

    /// The words of the screen's key hints, for the footer of its box: "Enter ok · Esc cancel".
    public var hintLine: String { keySheet.hintLine }
    /// The same hints one by one, for a footer that keeps the ones that fit whole.
    public var hints: [KeyHint] { keySheet.hints }
}

/// A key table as help and docs show it: a title, where the screen is reached, the lines and
/// the hints. Built from the same records the handler dispatches through.
public struct KeySheet: Hashable, Sendable {
    public var title: String
    public var about: String
    public var lines: [KeyHelpLine]
    public var hints: [KeyHint]
    /// The hints as one line: "Enter ok · Esc cancel".
    public var hintLine: String

    public init<C>(_ title: String, _ about: String, _ table: KeyTable<C>) {
        self.title = title; self.about = about; lines = table.helpLines; hints = table.hints
        hintLine = table.hintLine
    }
}

extension Bindings {
    static var choiceSheet: KeySheet { KeySheet(KeyText.choiceTitle, KeyText.choiceAbout, choiceField) }
    static var suggestionSheet: KeySheet { KeySheet(KeyText.suggestionTitle, KeyText.suggestionAbout, suggestions) }
    static var textFieldSheet: KeySheet { KeySheet(KeyText.textFieldTitle, KeyText.textFieldAbout, textField) }
    static var activityTypeSheet: KeySheet {
        KeySheet(KeyText.activityTypeTitle, KeyText.activityTypeAbout, activityType)
    }
    static var targetEditSheet: KeySheet { KeySheet(KeyText.targetEditTitle, KeyText.targetEditAbout, targetEdit) }

    /// Every key table: each screen's, then the fields' (the help's "every screen" view and
    /// `docs/keys.md`).
    public static var sheets: [KeySheet] {
        Screen.allCases.map(\.keySheet) + [
            choiceSheet, suggestionSheet, activityTypeSheet, textFieldSheet, targetEditSheet,
        ]
    }

    /// A screen's own key table, then those of the fields it holds.
    public static func sheets(for screen: Screen) -> [KeySheet] { [screen.keySheet] + screen.fieldSheets }
}

/// Each screen's key sheet, made from its table in the language of the moment.
private enum ScreenSheets {
    static var board: KeySheet { KeySheet(KeyText.boardTitle, KeyText.boardAbout, Bindings.board) }
    static var detail: KeySheet { KeySheet(KeyText.detailTitle, KeyText.detailAbout, Bindings.detail) }
    static var moveTo: KeySheet { KeySheet(KeyText.moveToTitle, KeyText.moveToAbout, Bindings.moveTo) }
    static var lostReason: KeySheet { KeySheet(KeyText.lostReasonTitle, KeyText.lostReasonAbout, Bindings.lostReason) }
    static var confirmDelete: KeySheet {
        KeySheet(KeyText.confirmDeleteTitle, KeyText.confirmDeleteAbout, Bindings.confirmDelete)
    }
    static var activity: KeySheet { KeySheet(KeyText.activityTitle, KeyText.activityAbout, Bindings.activityForm) }
    static var npsPrompt: KeySheet { KeySheet(KeyText.npsTitle, KeyText.npsAbout, Bindings.npsPrompt) }
    static var dealForm: KeySheet { KeySheet(KeyText.dealFormTitle, KeyText.dealFormAbout, Bindings.dealForm) }
    static var search: KeySheet { KeySheet(KeyText.searchTitle, KeyText.searchAbout, Bindings.search) }
    static var filterMenu: KeySheet { KeySheet(KeyText.filterTitle, KeyText.filterAbout, Bindings.filterMenu) }
    static var agenda: KeySheet { KeySheet(KeyText.agendaTitle, KeyText.agendaAbout, Bindings.agenda) }
    static var reports: KeySheet { KeySheet(KeyText.reportsTitle, KeyText.reportsAbout, Bindings.reports) }
    static var stages: KeySheet { KeySheet(KeyText.stagesTitle, KeyText.stagesAbout, Bindings.stages) }
    static var stageForm: KeySheet { KeySheet(KeyText.stageFormTitle, KeyText.stageFormAbout, Bindings.stageForm) }
    static var stageDelete: KeySheet {
        KeySheet(KeyText.stageDeleteTitle, KeyText.stageDeleteAbout, Bindings.stageDelete)
    }
    static var discard: KeySheet { KeySheet(KeyText.discardTitle, KeyText.discardAbout, Bindings.discard) }
    static var help: KeySheet { KeySheet(KeyText.helpTitle, KeyText.helpAbout, Bindings.help) }
    static var boards: KeySheet { KeySheet(KeyText.boardsTitle, KeyText.boardsAbout, Bindings.boards) }
    static var targets: KeySheet { KeySheet(KeyText.targetsTitle, KeyText.targetsAbout, Bindings.targets) }
}
