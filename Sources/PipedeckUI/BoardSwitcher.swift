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
        KeyBinding(
            [.up], .list(.up), tr("previous board", "tableau précédent"), hint: tr("choose", "choisir"), hintKeys: "↑↓"),
        KeyBinding([.down, .tab], .list(.down), tr("next board", "tableau suivant")),
        KeyBinding([.pageUp], .list(.pageUp), KeyText.pageUp),
        KeyBinding([.pageDown], .list(.pageDown), KeyText.pageDown),
        KeyBinding(
            [.enter], .open,
            tr(
                "open the board (the one on show is saved first)",
                "ouvrir le tableau (celui affiché est d'abord enregistré)"), hint: tr("open", "ouverte")),
        KeyBinding(
            [.escape], .close, tr("back to the board on show", "retour au tableau affiché"), hint: tr("close", "fermer")
        ),
        .quit(.quit),
        KeyBinding(
            .anyKey, label: KeyText.otherKeys, .type,
            tr(
                "filter the boards by name or file (text-field keys)",
                "filtrer les tableaux par nom ou fichier (touches des champs de texte)")),
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
    public static var boardsTitle: String { tr("Boards", "Tableaux") }
    public static var boardsAbout: String {
        tr("`b` on the board: switch to another pipeline.", "`b` sur le tableau : passer à un autre pipeline.")
    }
    public static var targetsTitle: String { tr("Targets", "Objectifs") }
    public static var targetsAbout: String {
        tr(
            "`T` on the board: the period against its targets, per owner.",
            "`T` sur le tableau : la période face à ses objectifs, par commercial.")
    }
    public static var targetEditTitle: String { tr("Target amount", "Montant de l'objectif") }
    public static var targetEditAbout: String {
        tr("Enter or e on a line of the targets.", "Entrée ou e sur une ligne des objectifs.")
    }
}
