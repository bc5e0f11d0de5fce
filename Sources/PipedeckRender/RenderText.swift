import PipedeckCore
import PipedeckUI

/// The render layer's words, beside the core's `Strings`, in one place for translation.
public enum RenderText {
    public static func prob(_ p: Percent) -> String { Strings.percent(p) }
    public static func lateBy(_ d: Int) -> String { tr("\(d)d late", "en retard de \(d) j") }
    public static var dueToday: String { tr("today", "aujourd'hui") }
    /// Where there is little room (the narrow agenda).
    public static var dueTodayShort: String { tr("today", "auj.") }
    public static func dueIn(_ d: Int) -> String {
        tr(d == 1 ? "tomorrow" : "in \(d)d", d == 1 ? "demain" : "dans \(d) j")
    }
    public static var noDate: String { tr("no date", "sans date") }
    public static var noStep: String { tr("no step", "sans étape") }
    /// Days where a card has room for little: "6d", "6j".
    /// "Value: expected a number", "Valeur : attendu…".
    public static func labelled(_ label: String, _ text: String) -> String {
        tr(label + ": " + text, label + " : " + text)
    }
    public static func daysShort(_ d: Int) -> String { tr("\(d)d", "\(d)j") }
    public static func staleFor(_ d: Int) -> String { tr("\(d)d", "\(d) j") }
    public static var wonMarker: String { tr("won", "gagnée") }
    public static var lostMarker: String { tr("lost", "perdue") }
    public static func columnCount(_ n: Int) -> String {
        tr(n == 1 ? "1 deal" : "\(n) deals", n == 1 ? "1 affaire" : "\(n) affaires")
    }
    public static func staleCount(_ n: Int) -> String { tr("\(n) stale", "\(n) sans activité") }
    public static var detailTitle: String { tr("Deal", "Affaire") }
    public static var historyTitle: String { tr("History", "Historique") }
    public static var timelineTitle: String { tr("Timeline", "Chronologie") }
    public static var planned: String { tr("planned", "prévu") }
    public static var copyPhoneHint: String { tr("y copies", "y copie") }
    public static var copyEmailHint: String { tr("Y copies", "Y copie") }
    public static var notesTitle: String { tr("Notes", "Notes") }
    public static var created: String { tr("created", "créée") }
    public static func createdIn(_ stage: String) -> String { tr("created in \(stage)", "créée dans \(stage)") }
    public static func daysIn(_ n: Int) -> String {
        tr(n == 1 ? "1 day" : "\(n) days", n == 1 ? "1 jour" : "\(n) jours")
    }
    public static var lostTitle: String { tr("Mark as lost", "Marquer comme perdue") }
    public static var moveTitle: String { tr("Move to stage", "Déplacer vers l'étape") }
    public static var deleteTitle: String { tr("Delete deal", "Supprimer l'affaire") }
    public static var field: [String: String] {
        [
            "id": tr("Id", "Id"), "stage": tr("Stage", "Étape"),
            "status": tr("Status", "Statut"),
            "value": tr("Value", "Valeur"),
            "probability": tr("Probability", "Probabilité"),
            "weighted": tr("Weighted", "Pondérée"),
            "company": tr("Company", "Entreprise"),
            "contact": tr("Contact", "Contact"), "owner": tr("Owner", "Commercial"),
            "source": tr("Source", "Source"),
            "tags": tr("Tags", "Étiquettes"), "close": tr("Expected close", "Conclusion prévue"),
            "next": tr("Next action", "Prochaine action"),
            "score": tr("Qualification", "Qualification"),
            "lostReason": tr("Lost reason", "Motif de perte"), "inStage": tr("In stage since", "Dans l'étape depuis"),
            "updated": tr("Updated", "Modifiée"), "nps": tr("Would recommend", "Recommanderait"),
            "phone": tr("Phone", "Téléphone"), "email": tr("Email", "E-mail"),
        ]
    }
    public static func sortLabel(_ k: SortKey) -> String {
        tr("sorted by " + UIText.sortName(k), "triées par " + UIText.sortName(k))
    }
    /// After a probability that is the stage's.
    public static var stageDefault: String { tr("  (stage default)", "  (celle de l'étape)") }
    /// The four parts of the BANT qualification, in the details.
    public static var qualificationParts: [String] {
        [tr("Budget", "Budget"), tr("Authority", "Autorité"), tr("Need", "Besoin"), tr("Timeline", "Calendrier")]
    }
    public static var agendaTitle: String { tr("Agenda", "Agenda") }
    public static var agendaEmpty: String { tr("No open deals.", "Aucune affaire ouverte.") }
    public static var agendaNoneOfType: String {
        tr(
            "Nothing of this type is planned (t shows another type).",
            "Rien de ce type n'est prévu (t montre un autre type).")
    }
    public static func agendaOnly(_ t: ActivityType) -> String {
        tr(Strings.activityTypes(t) + " only", Strings.activityTypes(t) + " seulement")
    }

    public static var stagesTitle: String { tr("Stages", "Étapes") }
    public static var stageAddTitle: String { tr("New stage", "Nouvelle étape") }
    public static var stageEditTitle: String { tr("Edit stage", "Modifier l'étape") }
    public static var stageName: String { tr("Name", "Nom") }
    public static var stageProbability: String { tr("Probability %", "Probabilité %") }
    public static var stageRot: String {
        tr("Stale after (days, 0 = off)", "Sans activité après (jours, 0 = désactivé)")
    }
    public static var stageRotShort: String { tr("Stale (days)", "Sans activité (jours)") }
    /// The title of the question Ctrl-C asks in a box where something was typed.
    public static var interruptTitle: String { tr("Ctrl-C", "Ctrl-C") }
    /// Beside the deal's present stage in the move dialog.
    public static var currentStage: String { tr("(now)", "(actuelle)") }
    public static var stageDeleteTitle: String { tr("Delete stage", "Supprimer l'étape") }
    public static func stageDeleteMove(_ name: String, _ n: Int) -> String {
        tr(
            "“\(name)” has \(n == 1 ? "1 deal" : "\(n) deals"). Move them to:",
            "« \(name) » a \(n == 1 ? "1 affaire" : "\(n) affaires"). Les déplacer vers :")
    }
    public static var columnsHeader: [String] {
        [
            "#", tr("stage", "étape"), tr("prob.", "prob."), tr("stale after", "inactive après"), tr("kind", "type"),
            tr("deals", "affaires"), tr("lost", "perdues"),
        ]
    }
    public static var stagesCountsExplained: String {
        tr(
            "deals: those the board's column counts (open deals; won ones in a won stage). lost: the lost deals, apart.",
            "affaires : celles que compte la colonne du tableau (affaires ouvertes ; gagnées dans une étape gagnée). perdues : les affaires perdues, à part."
        )
    }
    public static var off: String { tr("off", "désactivé") }
    public static var qualificationHint: String {
        tr(
            "1 budget · 2 authority · 3 need · 4 timeline (toggle)",
            "1 budget · 2 autorité · 3 besoin · 4 calendrier (basculer)")
    }
    public static var npsAsk: String {
        tr(
            "not asked yet — press p to record the answer (0–10)",
            "pas encore demandé — appuyez sur p pour enregistrer la réponse (0–10)")
    }
    public static var npsTitle: String {
        tr("How likely are they to recommend us?", "Quelle est la probabilité qu'ils nous recommandent ?")
    }
    public static var reportsTitle: String { tr("Reports", "Rapports") }
    public static func reportsFiltered(_ f: String) -> String {
        tr("following the filter: " + f, "selon le filtre : " + f)
    }
}
