/// The words of `pipedeck report` and `pipedeck nps` (help, errors, results).
extension Strings.Reports {
    // MARK: Command line

    public static var reportAbstract: String {
        tr(
            "Print a report: forecast, funnel, velocity, sources, owners, lost, nps or activities.",
            "Afficher un rapport : forecast, funnel, velocity, sources, owners, lost, nps ou activities.")
    }
    public static var reportDiscussion: String {
        tr(
            """
            forecast  open deals by expected-close month (weighted and not), won per past month
            funnel    deals that reached each stage, conversion to the next, the bottleneck, win rate
            velocity  days spent in each stage, sales cycle of won deals, stale deals
            sources   per lead source: deals, open, weighted and won value, win rate
            owners    per owner: open deals, weighted pipeline, won value, win rate, overdue next actions
            lost      lost deals per reason: count, share, value
            nps       the customers' recommendation scores (0-10) on won deals, NPS, promoters
            activities  calls, meetings, emails, tasks done per week and owner; deals with nothing planned
            Every formula is explained in docs/reports.md.
            """,
            """
            forecast  affaires ouvertes par mois de conclusion prévu (pondérées ou non), gagnées par mois passé
            funnel    affaires arrivées à chaque étape, conversion vers la suivante, le goulot, le taux de succès
            velocity  jours passés dans chaque étape, cycle de vente des affaires gagnées, affaires sans activité
            sources   par source de prospects : affaires, valeurs ouverte, pondérée et gagnée, taux de succès
            owners    par commercial : affaires ouvertes, pipeline pondéré, valeur gagnée, taux de succès, actions en retard
            lost      affaires perdues par motif : nombre, part, valeur
            nps       les notes de recommandation (0-10) des clients sur les affaires gagnées, le NPS, les promoteurs
            activities  appels, rendez-vous, e-mails, tâches faits par semaine et par commercial ; affaires sans rien de prévu
            Chaque formule est expliquée dans docs/reports.md.
            """)
    }
    public static var helpReport: String {
        tr(
            "Which report: forecast, funnel, velocity, sources, owners, lost, nps or activities.",
            "Quel rapport : forecast, funnel, velocity, sources, owners, lost, nps ou activities.")
    }
    public static var helpCSV: String {
        tr(
            "Write CSV (comma-separated, plain amounts) instead of text.",
            "Écrire du CSV (séparé par des virgules, montants bruts) au lieu de texte.")
    }
    public static var helpMonths: String {
        tr(
            "Forecast only: how many months ahead and back, 1 to 24 (default 6).",
            "Prévisions seulement : combien de mois en avant et en arrière, de 1 à 24 (6 par défaut).")
    }
    public static var helpOwner: String {
        tr(
            "Only the deals of this owner (any case).",
            "Seulement les affaires de ce commercial (majuscules indifférentes).")
    }
    public static func badReport(_ got: String) -> String {
        tr(
            "REPORT: expected one of: \(ReportKind.allCases.map(\.rawValue).joined(separator: ", ")) (got \"\(got)\")",
            "REPORT : attendu l'un de : \(ReportKind.allCases.map(\.rawValue).joined(separator: ", ")) (reçu « \(got) »)"
        )
    }
    public static func badMonths(_ got: String) -> String {
        tr(
            "--months: expected a whole number from 1 to 24 (got \"\(got)\")",
            "--months : attendu un nombre entier de 1 à 24 (reçu « \(got) »)")
    }
    public static var monthsOnlyForecast: String {
        tr("--months only applies to the forecast report", "--months ne s'applique qu'au rapport forecast")
    }
    public static var jsonAndCSV: String {
        tr("--json and --csv cannot be used together", "--json et --csv ne peuvent pas être utilisés ensemble")
    }
    public static func unknownOwner(_ owner: String, _ owners: [String]) -> String {
        tr(
            "--owner: no deal has the owner \"\(owner)\"; "
                + (owners.isEmpty ? "no deal has an owner" : "the owners are: " + owners.joined(separator: ", ")),
            "--owner : aucune affaire n'a le commercial « \(owner) » ; "
                + (owners.isEmpty
                    ? "aucune affaire n'a de commercial"
                    : "les commerciaux sont : " + owners.joined(separator: ", ")))
    }

    public static var npsAbstract: String {
        tr(
            "Record a won deal's customer answer (0–10) to \"how likely are you to recommend us?\".",
            "Enregistrer la réponse (0–10) du client d'une affaire gagnée à « quelle est la probabilité que vous nous recommandiez ? »."
        )
    }
    public static var npsDiscussion: String {
        tr(
            """
            Without SCORE, prints the answer recorded. 9-10 is a promoter, 7-8 a passive, 0-6 a detractor; \
            `pipedeck report nps` shows the NPS and the promoters.
            """,
            """
            Sans SCORE, affiche la réponse enregistrée. 9-10 est un promoteur, 7-8 un passif, 0-6 un détracteur ; \
            `pipedeck report nps` affiche le NPS et les promoteurs.
            """)
    }
    public static var helpScore: String {
        tr(
            "The customer's answer, a whole number from 0 to 10.",
            "La réponse du client, un nombre entier de 0 à 10.")
    }
    public static var helpClear: String { tr("Remove the recorded answer.", "Supprimer la réponse enregistrée.") }
    public static func badScore(_ got: String) -> String {
        tr(
            "SCORE: expected a whole number from 0 to 10 (got \"\(got)\")",
            "SCORE : attendu un nombre entier de 0 à 10 (reçu « \(got) »)")
    }
    public static var scoreAndClear: String {
        tr("give either a SCORE or --clear, not both", "donnez soit un SCORE soit --clear, pas les deux")
    }
    public static func notWon(_ deal: String, _ status: String) -> String {
        tr(
            "\(deal) is \(status); the follow-up answer is recorded on won deals (mark it won first)",
            "\(deal) est \(status) ; la réponse de suivi s'enregistre sur les affaires gagnées (marquez-la gagnée d'abord)"
        )
    }
    public static func scoreRecorded(_ deal: String, _ score: Int) -> String {
        tr(
            "Recorded \(score)/10 for \(deal) (\(categoryName(NPSReport.Category(score: score)))).",
            "\(score)/10 enregistré pour \(deal) (\(categoryName(NPSReport.Category(score: score)))).")
    }
    public static func scoreUnchanged(_ deal: String, _ score: Int) -> String {
        tr("Nothing changed: \(deal) already has \(score)/10.", "Rien n'a changé : \(deal) a déjà \(score)/10.")
    }
    public static func scoreShown(_ deal: String, _ score: Int) -> String {
        tr(
            "\(deal): \(score)/10 (\(categoryName(NPSReport.Category(score: score)))).",
            "\(deal) : \(score)/10 (\(categoryName(NPSReport.Category(score: score)))).")
    }
    public static func noScore(_ deal: String) -> String {
        tr("\(deal): no answer recorded.", "\(deal) : aucune réponse enregistrée.")
    }
    public static func scoreCleared(_ deal: String) -> String {
        tr("Removed the answer of \(deal).", "Réponse de \(deal) supprimée.")
    }
    public static func nothingToClear(_ deal: String) -> String {
        tr(
            "Nothing changed: \(deal) has no answer recorded.",
            "Rien n'a changé : \(deal) n'a aucune réponse enregistrée.")
    }
    public static func categoryName(_ c: NPSReport.Category) -> String {
        switch c {
        case .promoter: return tr("promoter", "promoteur")
        case .passive: return tr("passive", "passif")
        case .detractor: return tr("detractor", "détracteur")
        }
    }
}
