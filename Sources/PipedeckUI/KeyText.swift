import PipedeckCore

/// The words of the key tables that are not one binding's own: how classes of keys are
/// written, shared descriptions, and each key sheet's title and where its screen is reached.
public enum KeyText {
    public static func classLabel(_ c: KeyClass) -> String {
        switch c {
        case .digit: return "0–9"
        case .number: return "1–9"
        case .character: return characters
        case .anyKey: return tr("any other key", "toute autre touche")
        }
    }
    public static var characters: String { tr("characters", "caractères") }
    public static var aLetter: String { tr("a letter", "une lettre") }
    /// The keys that answer yes: y in English, o (oui) in French.
    public static var yesKeys: [Key] {
        Language.current == .french ? [.char("o"), .char("O")] : [.char("y"), .char("Y")]
    }
    public static var otherKeys: String { tr("other keys", "autres touches") }

    public static var quit: String { tr("quit", "quitter") }
    public static var scrollUp: String { tr("scroll up", "défiler vers le haut") }
    public static var scrollDown: String { tr("scroll down", "défiler vers le bas") }
    public static var pageUp: String { tr("one screen up", "un écran plus haut") }
    public static var pageDown: String { tr("one screen down", "un écran plus bas") }
    public static var helpHere: String { tr("the keys of this screen", "les touches de cet écran") }

    public static var boardTitle: String { tr("Board", "Tableau") }
    public static var boardAbout: String {
        tr(
            "The main screen: a column per stage, a card per deal.",
            "L'écran principal : une colonne par étape, une carte par affaire.")
    }
    public static var detailTitle: String { tr("Deal details", "Détails de l'affaire") }
    public static var detailAbout: String {
        tr(
            "`Enter` on a deal: every field, the stage history, the notes.",
            "`Entrée` sur une affaire : tous les champs, l'historique des étapes, les notes.")
    }
    public static var moveToTitle: String { tr("Move to stage", "Déplacer vers l'étape") }
    public static var moveToAbout: String {
        tr(
            "`m` on a deal. Its number, the letters beside it or ↑ ↓ choose a stage; nothing moves before `Enter`.",
            "`m` sur une affaire. Son numéro, les lettres à côté ou ↑ ↓ choisissent une étape ; rien ne bouge avant `Entrée`."
        )
    }
    public static var lostReasonTitle: String { tr("Mark as lost", "Marquer comme perdue") }
    public static var lostReasonAbout: String { tr("`x` on a deal.", "`x` sur une affaire.") }
    public static var confirmDeleteTitle: String { tr("Delete deal", "Supprimer l'affaire") }
    public static var confirmDeleteAbout: String { tr("`d` or `Del` on a deal.", "`d` ou `Suppr` sur une affaire.") }
    public static var activityTitle: String { tr("Activity", "Activité") }
    public static var activityAbout: String {
        tr(
            "`i` logs what was just done, `n` plans the next step (on a deal, in its details or in the agenda), "
                + "`r` in the agenda reschedules, and `c` asks what came of the activity done and what is next.",
            "`i` note ce qui vient d'être fait, `n` prévoit la prochaine étape (sur une affaire, dans ses détails ou "
                + "dans l'agenda), `r` dans l'agenda reprogramme, et `c` demande le résultat de l'activité faite et la suite."
        )
    }
    public static var npsTitle: String { tr("Recommendation score", "Note de recommandation") }
    public static var npsAbout: String {
        tr("`p` in a won deal's details.", "`p` dans les détails d'une affaire gagnée.")
    }
    public static var dealFormTitle: String { tr("New deal / Edit deal", "Nouvelle affaire / Modifier l'affaire") }
    public static var dealFormAbout: String {
        tr(
            "`a` (a new deal in the focused stage) or `e` (the selected deal).",
            "`a` (une nouvelle affaire dans l'étape sélectionnée) ou `e` (l'affaire sélectionnée).")
    }
    public static var searchTitle: String { tr("Search", "Recherche") }
    public static var searchAbout: String {
        tr(
            "`/` on the board; the search line takes the place of the key hints.",
            "`/` sur le tableau ; la ligne de recherche prend la place des raccourcis.")
    }
    public static var filterTitle: String { tr("Filter", "Filtre") }
    public static var filterAbout: String { tr("`f` on the board.", "`f` sur le tableau.") }
    public static var agendaTitle: String { tr("Agenda", "Agenda") }
    public static var agendaAbout: String { tr("`A` on the board.", "`A` sur le tableau.") }
    public static var reportsTitle: String { tr("Reports", "Rapports") }
    public static var reportsAbout: String { tr("`r` on the board.", "`r` sur le tableau.") }
    public static var stagesTitle: String { tr("Stages", "Étapes") }
    public static var stagesAbout: String { tr("`S` on the board.", "`S` sur le tableau.") }
    public static var stageFormTitle: String { tr("New stage / Edit stage", "Nouvelle étape / Modifier l'étape") }
    public static var stageFormAbout: String {
        tr("`a`, `e` or `Enter` on the stages screen.", "`a`, `e` ou `Entrée` sur l'écran des étapes.")
    }
    public static var stageDeleteTitle: String { tr("Delete stage", "Supprimer l'étape") }
    public static var stageDeleteAbout: String {
        tr("`d` on a stage that still holds deals.", "`d` sur une étape qui contient encore des affaires.")
    }
    public static var discardTitle: String { tr("Discard what you typed?", "Abandonner ce que vous avez tapé ?") }
    public static var discardAbout: String {
        tr(
            "Ctrl-C in a form, the next action, the lost reason or the recommendation score, once something was typed.",
            "Ctrl-C dans un formulaire, la prochaine action, le motif de perte ou la note de recommandation, une fois quelque chose tapé."
        )
    }
    /// Ctrl-C in a box where text is typed.
    public static var interrupt: String {
        tr(
            "close; asks “discard what you typed?” first if you typed",
            "fermer ; demande d'abord « abandonner ce que vous avez tapé ? » si vous avez tapé")
    }
    public static var helpTitle: String { tr("Help", "Aide") }
    public static var helpAbout: String {
        tr(
            "`?` on the board, the filter menu, the agenda, the reports and the stages.",
            "`?` sur le tableau, le menu de filtre, l'agenda, les rapports et les étapes.")
    }
    public static var activityTypeTitle: String { tr("Activity type", "Type d'activité") }
    public static var activityTypeAbout: String {
        tr("The Type field of the activity dialog.", "Le champ Type de la fenêtre d'activité.")
    }
    public static var choiceTitle: String { tr("Choice fields", "Champs à choix") }
    public static var choiceAbout: String {
        tr("The deal form's Stage field.", "Le champ Étape du formulaire d'affaire.")
    }
    public static var suggestionTitle: String { tr("Suggestions", "Suggestions") }
    public static var suggestionAbout: String {
        tr(
            "The deal form's owner, lead source, company and tags fields offer the values already used on the board.",
            "Les champs commercial, source, entreprise et étiquettes du formulaire d'affaire proposent les valeurs déjà utilisées sur le tableau."
        )
    }
    public static var textFieldTitle: String { tr("Text fields", "Champs de texte") }
    public static var textFieldAbout: String {
        tr(
            "Every field where text is typed: forms, search, lost reason, activities, recommendation score.",
            "Chaque champ où l'on tape du texte : formulaires, recherche, motif de perte, activités, note de recommandation."
        )
    }
}
