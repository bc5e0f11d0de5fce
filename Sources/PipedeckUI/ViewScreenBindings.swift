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
                .anyKey, plus: [.escape, .char("?")], .close, tr("close the help", "fermer l'aide"),
                hint: tr("closes this help", "ferme cette aide"),
                hintKeys: tr("Esc or ?", "Échap ou ?")),
            KeyBinding(
                [.tab], .switchView,
                tr("this screen's keys, or every screen's", "les touches de cet écran, ou de tous les écrans"),
                hint: tr("all screens / this one", "tous les écrans / celui-ci")),
            .quit(.quit),
        ] + KeyBinding.scrolling(HelpCommand.scroll))

    public static let search = KeyTable<SearchCommand>([
        KeyBinding(
            [.enter], .keep, tr("keep the search, back to the board", "garder la recherche, retour au tableau"),
            hint: tr("keeps the search", "garde la recherche")),
        KeyBinding(
            [.escape], .clear, tr("clear the search, back to the board", "effacer la recherche, retour au tableau"),
            hint: tr("clears it", "l'efface")),
        KeyBinding(
            [.up, .down], .leave,
            tr(
                "keep the search and move the selection on the board",
                "garder la recherche et déplacer la sélection sur le tableau")),
        .quit(.quit),
        KeyBinding(
            .anyKey, label: KeyText.otherKeys, .type,
            tr(
                "edit the search (text-field keys); the board follows",
                "modifier la recherche (touches des champs de texte) ; le tableau suit")),
    ])

    public static let filterMenu = KeyTable<FilterMenuCommand>(
        KeyBinding.upDown(
            FilterMenuCommand.list, up: tr("previous row", "ligne précédente"), down: tr("next row", "ligne suivante"),
            hint: tr("choose", "choisir"), downAlso: [.tab]) + [
                KeyBinding(
                    [.left, .char("h")], .previousValue, tr("previous value", "valeur précédente"),
                    hint: tr("change", "changer")),
                KeyBinding(
                    [.right, .char("l")], .nextValue, tr("next value", "valeur suivante"), hint: tr("change", "changer")
                ),
                KeyBinding(
                    [.char(" ")], .toggle,
                    tr(
                        "next value; turns a yes/no row on or off",
                        "valeur suivante ; active ou désactive une ligne oui/non"), hint: tr("toggle", "basculer")),
                KeyBinding(
                    [.enter], .enter,
                    tr(
                        "close (on “\(FilterText.clearAll)”: clear every filter and close)",
                        "fermer (sur « \(FilterText.clearAll) » : effacer tous les filtres et fermer)"),
                    hint: tr("close", "fermer")),
                KeyBinding(
                    [.escape, .char("f"), .char("q")], .close, tr("close", "fermer"), hint: tr("close", "fermer"),
                    hintKeys: tr("Esc", "Échap")),
                KeyBinding([.char("?")], .help, KeyText.helpHere),
                .quit(.quit),
            ])

    public static let agenda = KeyTable<AgendaCommand>(
        KeyBinding.upDown(
            AgendaCommand.list, up: tr("previous line", "ligne précédente"), down: tr("next line", "ligne suivante"))
            + [
                KeyBinding([.pageUp], .list(.pageUp), KeyText.pageUp),
                KeyBinding([.pageDown], .list(.pageDown), KeyText.pageDown),
                KeyBinding([.char("g"), .home], .list(.first), tr("first line", "première ligne")),
                KeyBinding([.char("G"), .end], .list(.last), tr("last line", "dernière ligne")),
                KeyBinding(
                    [.enter], .item(.show), tr("show the deal on the board", "montrer l'affaire sur le tableau"),
                    hint: tr("show", "voir")),
                KeyBinding(
                    [.char("c")], .item(.complete),
                    tr(
                        "mark the activity done, note its outcome, plan the next",
                        "marquer l'activité faite, noter son résultat, prévoir la suivante"),
                    hint: tr("done", "faite")),
                KeyBinding(
                    [.char("r")], .item(.reschedule),
                    tr(
                        "reschedule the activity (a new day and time)",
                        "reprogrammer l'activité (un nouveau jour et une nouvelle heure)"),
                    hint: tr("reschedule", "reprogrammer")),
                KeyBinding(
                    [.char("n")], .item(.change),
                    tr(
                        "change the activity (on a deal with none: plan one)",
                        "changer l'activité (sur une affaire qui n'en a pas : en prévoir une)"),
                    hint: tr("change", "changer")),
                KeyBinding(
                    [.char("i")], .item(.log),
                    tr("log something just done on the deal", "noter ce qui vient d'être fait sur l'affaire")),
                KeyBinding(
                    [.char("t"), .tab], .nextType,
                    tr(
                        "only calls, meetings, emails, tasks, deadlines, then all",
                        "seulement les appels, rendez-vous, e-mails, tâches, échéances, puis tout"),
                    hint: tr("type", "type"), hintKeys: "t"),
                KeyBinding(
                    [.escape, .char("q"), .char("A")], .close, tr("back to the board", "retour au tableau"),
                    hint: tr("close", "fermer"), hintKeys: tr("Esc", "Échap")),
                KeyBinding([.char("?")], .help, KeyText.helpHere),
                .quit(.quit),
            ])

    public static let reports = KeyTable<ReportsCommand>(
        [
            KeyBinding(
                [.tab, .right, .char("l")], .nextTab, tr("next report", "rapport suivant"),
                hint: tr("switch", "passer"), hintKeys: tr("Tab", "Tab")),
            KeyBinding(
                .number, label: "1–\(ReportKind.allCases.count)", .tabNumber,
                tr("the report of that number", "le rapport de ce numéro"),
                hint: tr("switch", "passer")),
            KeyBinding([.backTab, .left, .char("h")], .previousTab, tr("previous report", "rapport précédent")),
        ] + KeyBinding.scrolling(ReportsCommand.scroll, hint: tr("scroll", "défiler")) + [
            KeyBinding(
                [.escape, .char("q"), .char("r")], .close, tr("back to the board", "retour au tableau"),
                hint: tr("close", "fermer"), hintKeys: tr("Esc", "Échap")),
            KeyBinding([.char("?")], .help, KeyText.helpHere),
            .quit(.quit),
        ])

    public static let stages = KeyTable<StagesCommand>(
        KeyBinding.upDown(
            StagesCommand.list, up: tr("previous stage", "étape précédente"), down: tr("next stage", "étape suivante"))
            + [
                KeyBinding([.char("a")], .add, tr("add a stage", "ajouter une étape"), hint: tr("add", "ajouter")),
                KeyBinding(
                    [.char("e"), .enter], .stage(.edit),
                    tr(
                        "rename it, change its probability or stale days",
                        "la renommer, changer sa probabilité ou ses jours sans activité"), hint: tr("edit", "modifier")),
                KeyBinding(
                    [.char("d"), .delete], .stage(.delete),
                    tr("delete it (asks where its deals go)", "la supprimer (demande où vont ses affaires)"),
                    hint: tr("delete", "supprimer")),
                KeyBinding(
                    [.char("K"), .shiftUp], .stage(.moveLeft), tr("move it one place earlier", "l'avancer d'une place"),
                    hint: tr("move", "déplacer")),
                KeyBinding(
                    [.char("J"), .shiftDown], .stage(.moveRight),
                    tr("move it one place later", "la reculer d'une place"), hint: tr("move", "déplacer")),
                KeyBinding(
                    [.char("+")], .stage(.probabilityUp),
                    tr("probability up to the next 5 %", "probabilité aux 5 % suivants"),
                    hint: tr("probability", "probabilité")),
                KeyBinding(
                    [.char("-")], .stage(.probabilityDown),
                    tr("probability down to the next 5 %", "probabilité aux 5 % précédents"),
                    hint: tr("probability", "probabilité")),
                KeyBinding(
                    [.char("[")], .stage(.rotDaysDown), tr("stale one day sooner", "sans activité un jour plus tôt"),
                    hint: tr("rot days", "jours sans activité")),
                KeyBinding(
                    [.char("]")], .stage(.rotDaysUp), tr("stale one day later", "sans activité un jour plus tard"),
                    hint: tr("rot days", "jours sans activité")),
                KeyBinding(
                    [.escape, .char("q"), .char("S")], .close, tr("back to the board", "retour au tableau"),
                    hint: tr("close", "fermer"), hintKeys: tr("Esc", "Échap")),
                KeyBinding([.char("u")], .undo, tr("undo the last change", "annuler la dernière modification")),
                KeyBinding([.ctrl("r")], .redo, tr("redo", "rétablir")),
                KeyBinding([.char("?")], .help, KeyText.helpHere),
                .quit(.quit),
            ])

    public static let stageDelete = KeyTable<StageDeleteCommand>(
        KeyBinding.upDown(
            StageDeleteCommand.list, up: tr("previous stage", "étape précédente"),
            down: tr("next stage", "étape suivante"), hint: tr("choose", "choisir")) + [
                KeyBinding(
                    [.enter], .confirm,
                    tr(
                        "delete the stage and move its deals to the chosen one",
                        "supprimer l'étape et déplacer ses affaires vers celle choisie"),
                    hint: tr("delete and move", "supprimer et déplacer")),
                KeyBinding(
                    [.escape], .cancel, tr("back to the stages", "retour aux étapes"), hint: tr("cancel", "annuler")),
                .quit(.quit),
            ])
}
