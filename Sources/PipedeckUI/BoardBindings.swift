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
            [.left, .char("h")], .board(.focusLeft), tr("previous stage (column)", "étape précédente (colonne)"),
            hint: tr("stage", "étape"), group: tr("Navigate", "Naviguer")),
        KeyBinding(
            [.right, .char("l")], .board(.focusRight), tr("next stage (column)", "étape suivante (colonne)"),
            hint: tr("stage", "étape"), group: tr("Navigate", "Naviguer")),
        KeyBinding(
            [.up, .char("k")], .board(.selectUp), tr("previous deal", "affaire précédente"),
            hint: tr("deal", "affaire"), group: tr("Navigate", "Naviguer")),
        KeyBinding(
            [.down, .char("j")], .board(.selectDown), tr("next deal", "affaire suivante"), hint: tr("deal", "affaire"),
            group: tr("Navigate", "Naviguer")),
        KeyBinding(
            [.char("g"), .home], .board(.selectFirst), tr("first deal of the column", "première affaire de la colonne"),
            group: tr("Navigate", "Naviguer")),
        KeyBinding(
            [.char("G"), .end], .board(.selectLast), tr("last deal of the column", "dernière affaire de la colonne"),
            group: tr("Navigate", "Naviguer")),
        KeyBinding(
            [.pageUp], .board(.pageUp), tr("one screen up", "un écran plus haut"), group: tr("Navigate", "Naviguer")),
        KeyBinding(
            [.pageDown], .board(.pageDown), tr("one screen down", "un écran plus bas"),
            group: tr("Navigate", "Naviguer")),
        KeyBinding(
            [.shiftRight, .char("L"), .char(">")], .deal(.moveNext),
            tr("move the deal to the next stage", "passer l'affaire à l'étape suivante"), hint: tr("move", "déplacer"),
            group: tr("Move deals", "Déplacer les affaires")),
        KeyBinding(
            [.shiftLeft, .char("H"), .char("<")], .deal(.movePrev),
            tr("move the deal to the previous stage", "ramener l'affaire à l'étape précédente"),
            hint: tr("move", "déplacer"),
            group: tr("Move deals", "Déplacer les affaires")),
        KeyBinding(
            [.char("m")], .deal(.moveTo),
            tr(
                "move the deal to any stage (choose it, then Enter)",
                "déplacer l'affaire vers n'importe quelle étape (la choisir, puis Entrée)"),
            group: tr("Move deals", "Déplacer les affaires")),
        KeyBinding(
            [.shiftUp, .char("K")], .deal(.rankUp),
            tr("raise the deal's priority in its column", "monter la priorité de l'affaire dans sa colonne"),
            group: tr("Move deals", "Déplacer les affaires")),
        KeyBinding(
            [.shiftDown, .char("J")], .deal(.rankDown),
            tr("lower the deal's priority in its column", "baisser la priorité de l'affaire dans sa colonne"),
            group: tr("Move deals", "Déplacer les affaires")),
        KeyBinding(
            [.char("a")], .board(.add), tr("add a deal to this stage", "ajouter une affaire à cette étape"),
            hint: tr("add", "ajouter"), group: tr("Deals", "Affaires")),
        KeyBinding(
            [.enter], .deal(.detail), tr("open the deal's details", "ouvrir les détails de l'affaire"),
            hint: tr("details", "détails"), group: tr("Deals", "Affaires")),
        KeyBinding(
            [.char("e")], .deal(.edit), tr("edit the deal", "modifier l'affaire"), hint: tr("edit", "modifier"),
            group: tr("Deals", "Affaires")),
        KeyBinding(
            [.char("d"), .delete], .deal(.delete),
            tr("delete the deal (asks first)", "supprimer l'affaire (demande d'abord)"), group: tr("Deals", "Affaires")),
        KeyBinding(
            [.char("w")], .deal(.markWon), tr("mark the deal won", "marquer l'affaire gagnée"),
            hint: tr("won", "gagnée"), group: tr("Deals", "Affaires")),
        KeyBinding(
            [.char("x")], .deal(.markLost),
            tr("mark the deal lost (asks the reason)", "marquer l'affaire perdue (demande le motif)"),
            hint: tr("lost", "perdue"), group: tr("Deals", "Affaires")),
        KeyBinding(
            [.char("o")], .deal(.reopen), tr("reopen a won or lost deal", "rouvrir une affaire gagnée ou perdue"),
            group: tr("Deals", "Affaires")),
        KeyBinding(
            [.char("i")], .deal(.logActivity),
            tr(
                "log a call, meeting, email or task just done",
                "noter un appel, un rendez-vous, un e-mail ou une tâche qui vient d'être fait"),
            hint: tr("log", "noter"), group: tr("Follow-up", "Suivi")),
        KeyBinding(
            [.char("n")], .deal(.nextAction),
            tr(
                "plan the next step (type, subject, when) or change it",
                "prévoir la prochaine étape (type, objet, quand) ou la changer"),
            hint: tr("plan", "prévoir"), group: tr("Follow-up", "Suivi")),
        KeyBinding(
            [.char("c")], .deal(.completeAction),
            tr(
                "mark the next step done, note its outcome, plan the next",
                "marquer la prochaine étape faite, noter son résultat, prévoir la suivante"),
            group: tr("Follow-up", "Suivi")),
        KeyBinding(
            [.char("A")], .board(.agenda),
            tr("agenda: every planned activity by date", "agenda : toutes les activités prévues par date"),
            hint: tr("agenda", "agenda"),
            group: tr("Follow-up", "Suivi")),
        KeyBinding(
            [.char("N")], .deal(.editNotes),
            tr("edit the deal's notes in $VISUAL / $EDITOR", "modifier les notes de l'affaire dans $VISUAL / $EDITOR"),
            group: tr("Follow-up", "Suivi")),
        KeyBinding(
            [.char("/")], .board(.search),
            tr(
                "search title, company, contact, notes and tags",
                "chercher dans le titre, l'entreprise, le contact, les notes et les étiquettes"),
            hint: tr("search", "chercher"),
            group: tr("View", "Affichage")),
        KeyBinding(
            [.char("f")], .board(.filterMenu),
            tr(
                "filter by owner, source, tag, overdue, stale or score",
                "filtrer par commercial, source, étiquette, retard, inactivité ou score"),
            group: tr("View", "Affichage")),
        KeyBinding(
            [.escape], .board(.clearFilter), tr("clear the search and filters", "effacer la recherche et les filtres"),
            group: tr("View", "Affichage")),
        KeyBinding(
            [.char("s")], .board(.cycleSort),
            tr(
                "next sort order (manual, value, weighted, close, due…)",
                "tri suivant (manuel, valeur, pondérée, conclusion, échéance…)"), group: tr("View", "Affichage")),
        KeyBinding(
            [.char("z")], .board(.toggleLost),
            tr("show or hide lost deals", "afficher ou masquer les affaires perdues"), group: tr("View", "Affichage")),
        KeyBinding(
            [.char("M")], .board(.myDeals),
            tr(
                "my deals only (the owner is me), or every deal again",
                "mes affaires seulement (le commercial, c'est moi), ou de nouveau toutes"),
            group: tr("View", "Affichage")),
        KeyBinding(
            [.char("r")], .board(.reports),
            tr(
                "reports: forecast, funnel, velocity, sources, owners…",
                "rapports : prévisions, entonnoir, vélocité, sources, commerciaux…"), hint: tr("reports", "rapports"),
            group: tr("View", "Affichage")),
        KeyBinding(
            [.char("S")], .board(.stages),
            tr(
                "stages: add, rename, reorder, delete, probabilities",
                "étapes : ajouter, renommer, réordonner, supprimer, probabilités"), group: tr("View", "Affichage")),
        KeyBinding(
            [.char("T")], .board(.targets),
            tr(
                "targets: the month or quarter against its targets, per owner",
                "objectifs : le mois ou le trimestre face à ses objectifs, par commercial"),
            group: tr("View", "Affichage")),
        KeyBinding(
            [.char("W")], .board(.toggleClosed),
            tr(
                "won and lost in sight: a Lost column at the right",
                "gagnées et perdues en vue : une colonne Perdues à droite"),
            group: tr("View", "Affichage")),
        KeyBinding(
            [.char("b")], .board(.boards),
            tr("switch to another board (pipeline)", "passer à un autre tableau (pipeline)"),
            group: tr("View", "Affichage")),
        KeyBinding(
            [.char("t")], .board(.cycleTheme), tr("next colour theme", "thème de couleurs suivant"),
            group: tr("View", "Affichage")),
        KeyBinding(
            [.char("Y")], .board(.sync),
            tr(
                "sync with the team through git (in the background)",
                "synchroniser avec l'équipe par git (en arrière-plan)"), hint: tr("sync", "synchro"),
            group: tr("Team", "Équipe")),
        KeyBinding(
            [.char("u")], .board(.undo), tr("undo the last change", "annuler la dernière modification"),
            hint: tr("undo", "annuler"), group: tr("History", "Historique")),
        KeyBinding([.ctrl("r")], .board(.redo), tr("redo", "rétablir"), group: tr("History", "Historique")),
        KeyBinding(
            [.char("?")], .board(.help),
            tr(
                "show the keys of the board (Tab in the help: every screen's)",
                "afficher les touches du tableau (Tab dans l'aide : celles de chaque écran)"), hint: tr("help", "aide"),
            group: tr("Other", "Autres")),
        KeyBinding(
            [.ctrl("l")], .board(.redraw), tr("redraw the screen", "redessiner l'écran"), group: tr("Other", "Autres")),
        KeyBinding(
            [.ctrl("z")], .board(.suspend),
            tr("suspend to the shell (fg to come back)", "suspendre vers le shell (fg pour revenir)"),
            group: tr("Other", "Autres")),
        KeyBinding(
            [.char("q"), .ctrl("c")], .board(.quit),
            tr("quit (every change is already saved)", "quitter (chaque modification est déjà enregistrée)"),
            hint: tr("quit", "quitter"),
            group: tr("Other", "Autres")),
    ])

    public static func command(for key: Key) -> Command? { board.command(for: key) }

    /// The board's footer hints: "←→ stage", "L/H move"…
    public static func footerHints() -> [KeyHint] { board.hints }

    /// The footer's hints for `state`: `Y sync` only on a board shared through git.
    public static func footerHints(for state: AppState) -> [KeyHint] {
        board.hints { command in
            switch command {
            case .board(.sync): return state.team.shared
            default: return true
            }
        }
    }

    public static func binding(for command: Command) -> KeyBinding<Command>? { board.binding(for: command) }
}
