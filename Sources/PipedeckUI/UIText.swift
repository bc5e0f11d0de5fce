import PipedeckCore

/// The status line's words and the undo labels of the interactive board.
public enum UIText {
    public static var noChange: String { tr("no change", "aucun changement") }
    public static var labelMove: String { tr("move", "déplacer") }
    public static var labelReorder: String { tr("reorder", "réordonnancement") }
    public static var labelAdd: String { tr("add", "ajouter") }
    public static var labelEdit: String { tr("edit", "modifier") }
    public static var labelDelete: String { tr("delete", "supprimer") }
    public static var labelWon: String { tr("won", "gagnée") }
    public static var labelLost: String { tr("lost", "perdue") }
    public static var labelReopen: String { tr("reopen", "réouverture") }
    public static func added(_ t: String) -> String { tr("added “\(t)”", "« \(t) » ajoutée") }
    public static func deleted(_ t: String) -> String {
        tr("deleted “\(t)” — u brings it back", "« \(t) » supprimée — u la fait revenir")
    }
    public static func movedTo(_ s: String) -> String { tr("moved to \(s)", "déplacée vers \(s)") }
    public static func wonDeal(_ t: String) -> String { tr("won: “\(t)” 🎉", "gagnée : « \(t) » 🎉") }
    public static func lostDeal(_ t: String) -> String { tr("lost: “\(t)”", "perdue : « \(t) »") }
    public static func reopened(_ t: String) -> String { tr("reopened “\(t)”", "« \(t) » rouverte") }
    public static var lostHidden: String { tr("lost deals hidden", "affaires perdues masquées") }
    public static var lostShownNow: String { tr("lost deals shown", "affaires perdues affichées") }
    public static var notLost: String { tr("the deal is already open", "l'affaire est déjà ouverte") }
    public static var otherReason: String { tr("Other reason:", "Autre motif :") }
    public static var readOnlyRefused: String {
        tr(
            "the file is read-only: changes are not possible",
            "le fichier est en lecture seule : aucune modification possible")
    }
    public static var labelQualification: String { tr("qualification", "qualification") }
    public static var labelNextAction: String { tr("next step", "prochaine étape") }
    public static var labelDone: String { tr("done", "fait") }
    public static var labelLog: String { tr("log", "noter") }
    public static var labelStage: String { tr("stages", "étapes") }
    public static var labelNotes: String { tr("notes", "notes") }
    public static func planned(_ t: String) -> String { tr("next step: \(t)", "prochaine étape : \(t)") }
    public static var noStepPlanned: String { tr("no next step planned", "aucune prochaine étape prévue") }
    public static var nothingToComplete: String {
        tr(
            "this deal has no planned activity (n plans one)",
            "cette affaire n'a pas d'activité prévue (n en prévoit une)")
    }
    public static func markedDone(_ t: String) -> String { tr("done: \(t)", "fait : \(t)") }
    public static var closedDeal: String {
        tr(
            "next steps are planned on open deals (i logs what was done)",
            "les prochaines étapes se prévoient sur les affaires ouvertes (i note ce qui a été fait)")
    }
    public static func logged(_ type: ActivityType, _ subject: String) -> String {
        tr("logged: \(Strings.activityType(type)) · \(subject)", "noté : \(Strings.activityType(type)) · \(subject)")
    }
    public static func rescheduled(_ t: String) -> String { tr("rescheduled: \(t)", "reprogrammée : \(t)") }
    public static var noPhone: String {
        tr(
            "no phone number for this deal's contact (e adds one)",
            "pas de numéro de téléphone pour le contact de cette affaire (e en ajoute un)")
    }
    public static var noEmail: String {
        tr(
            "no email address for this deal's contact (e adds one)",
            "pas d'adresse e-mail pour le contact de cette affaire (e en ajoute une)")
    }
    public static func copied(_ t: String) -> String {
        tr("copied to the clipboard: \(t)", "copié dans le presse-papiers : \(t)")
    }
    public static func agendaOnly(_ t: ActivityType?) -> String {
        tr(
            t.map { "agenda: \(Strings.activityTypes($0)) only" } ?? "agenda: every activity",
            t.map { "agenda : \(Strings.activityTypes($0)) seulement" } ?? "agenda : toutes les activités")
    }
    public static var filterCleared: String { tr("search and filters cleared", "recherche et filtres effacés") }
    public static var reorderNeedsManual: String {
        tr(
            "reordering works in manual order: press s until it says “manual order”",
            "le réordonnancement se fait en ordre manuel : appuyez sur s jusqu'à voir « ordre manuel »")
    }
    public static func sortedBy(_ k: SortKey) -> String { tr("sorted by \(sortName(k))", "triées par \(sortName(k))") }
    public static func sortName(_ k: SortKey) -> String {
        switch k {
        case .rank: return tr("manual order", "ordre manuel")
        case .value: return tr("value", "valeur")
        case .weighted: return tr("weighted value", "valeur pondérée")
        case .probability: return tr("probability", "probabilité")
        case .close: return tr("expected close", "conclusion prévue")
        case .age: return tr("days in stage", "jours dans l'étape")
        case .due: return tr("next action due", "échéance de la prochaine action")
        case .score: return tr("qualification score", "score de qualification")
        case .title: return tr("title", "titre")
        case .company: return tr("company", "entreprise")
        }
    }
    public static var labelNPS: String { tr("recommendation score", "note de recommandation") }
    public static var npsOnlyWon: String {
        tr(
            "the recommendation score is asked of won customers",
            "la note de recommandation se demande aux clients gagnés")
    }
    public static var npsRange: String {
        tr(
            "expected a whole number from 0 to 10 (empty clears it)",
            "attendu : un nombre entier de 0 à 10 (vide l'efface)")
    }
    public static var npsWhole: String {
        tr(
            "the score is a whole number from 0 to 10, without decimals",
            "la note est un nombre entier de 0 à 10, sans décimales")
    }
    public static func npsSaved(_ n: Int?) -> String {
        tr(
            n.map { "recommendation score: \($0)/10" } ?? "recommendation score cleared",
            n.map { "note de recommandation : \($0)/10" } ?? "note de recommandation effacée")
    }
    /// Added to the message that reports a reload: what became of the undo history.
    public static func undoAfterReload(_ k: KeptHistory) -> String {
        switch k {
        case .nothingToKeep, .kept: return ""
        case .cut(0, _):
            return tr(
                "; undo history cleared: it touched what changed elsewhere",
                "; historique d'annulation effacé : il touchait ce qui a changé ailleurs")
        case .cut(let kept, _):
            return
                tr(
                    "; undo keeps your last \(kept == 1 ? "change" : "\(kept) changes"), older ones touched what changed elsewhere",
                    "; l'annulation garde \(kept == 1 ? "votre dernière modification" : "vos \(kept) dernières modifications"), les plus anciennes touchaient ce qui a changé ailleurs"
                )
        }
    }
    public static var notesSaved: String { tr("notes saved", "notes enregistrées") }
    public static var notesUnchanged: String { tr("notes unchanged", "notes inchangées") }
    public static func editorFailed(_ why: String) -> String {
        tr("could not run the editor: \(why)", "impossible de lancer l'éditeur : \(why)")
    }
}
