import PipedeckCore

/// What the commands print: results, table headings and the labels of `pipedeck show`.
extension Strings.CLI {
    // MARK: Results

    static func created(_ path: String, template: String, stages: Int) -> String {
        tr(
            "Created \(path) with the \(template) template (\(stages) stages).",
            "\(path) créé avec le modèle \(template) (\(stages) étapes).")
    }
    static func createdDemo(_ path: String, deals: Int) -> String {
        tr(
            "Created \(path) with the demo pipeline (\(deals) deals).",
            "\(path) créé avec le pipeline de démonstration (\(deals) affaires).")
    }
    static func demoWritten(_ path: String) -> String {
        tr(
            "Demo pipeline written to \(path) (your own pipeline file is not touched).",
            "Pipeline de démonstration écrit dans \(path) (votre propre fichier de pipeline n'est pas touché).")
    }
    static var nothingChanged: String { tr("Nothing changed.", "Rien n'a changé.") }
    static func alreadyFirst(_ deal: String, _ stage: String) -> String {
        tr(
            "Nothing changed: \(deal) is already in the first stage (\(stage)).",
            "Rien n'a changé : \(deal) est déjà dans la première étape (\(stage)).")
    }
    static func alreadyLast(_ deal: String, _ stage: String) -> String {
        tr(
            "Nothing changed: \(deal) is already in the last stage (\(stage)).",
            "Rien n'a changé : \(deal) est déjà dans la dernière étape (\(stage)).")
    }
    static func alreadyIn(_ deal: String, _ stage: String) -> String {
        tr("Nothing changed: \(deal) is already in \(stage).", "Rien n'a changé : \(deal) est déjà dans \(stage).")
    }
    static func alreadyStatus(_ deal: String, _ status: String) -> String {
        tr("Nothing changed: \(deal) is already \(status).", "Rien n'a changé : \(deal) est déjà \(status).")
    }
    static func dealLabel(_ id: String, _ title: String) -> String { tr("\(id) “\(title)”", "\(id) « \(title) »") }
    static func moved(_ deal: String, _ from: String, _ to: String) -> String {
        tr("Moved \(deal): \(from) → \(to).", "\(deal) déplacée : \(from) → \(to).")
    }
    static func movedWithStatus(_ deal: String, _ from: String, _ to: String, _ status: String) -> String {
        tr(
            "Moved \(deal): \(from) → \(to) (now \(status)).",
            "\(deal) déplacée : \(from) → \(to) (désormais \(status)).")
    }
    static func markedWon(_ deal: String, _ stage: String) -> String {
        tr("\(deal) is won (\(stage)).", "\(deal) est gagnée (\(stage)).")
    }
    static func markedLost(_ deal: String, _ reason: String?) -> String {
        tr(
            reason.map { "\(deal) is lost (reason: \($0))." } ?? "\(deal) is lost.",
            reason.map { "\(deal) est perdue (motif : \($0))." } ?? "\(deal) est perdue.")
    }
    static func alreadyLost(_ deal: String, _ reason: String?, reasonGiven: Bool) -> String {
        guard let reason else {
            return tr(
                "Nothing changed: \(deal) is already lost; give --reason to record why.",
                "Rien n'a changé : \(deal) est déjà perdue ; donnez --reason pour en noter le motif.")
        }
        if reasonGiven {
            return tr(
                "Nothing changed: \(deal) is already lost for that reason (\(reason)).",
                "Rien n'a changé : \(deal) est déjà perdue pour ce motif (\(reason)).")
        }
        return tr(
            "Nothing changed: \(deal) is already lost (reason: \(reason)); give --reason to change it.",
            "Rien n'a changé : \(deal) est déjà perdue (motif : \(reason)) ; donnez --reason pour le changer.")
    }
    static func reasonChanged(_ deal: String, from old: String?, to new: String?) -> String {
        tr(
            "\(deal) was already lost; its reason is now “\(new ?? "")” (was “\(old ?? "none")”).",
            "\(deal) était déjà perdue ; son motif est maintenant « \(new ?? "") » (avant : « \(old ?? "aucun") »)."
        )
    }
    static func reopened(_ deal: String, _ stage: String) -> String {
        tr("\(deal) is open again, in \(stage).", "\(deal) est de nouveau ouverte, dans \(stage).")
    }
    static func deleted(_ deal: String) -> String { tr("Deleted \(deal).", "\(deal) supprimée.") }
    static func updated(_ deal: String) -> String { tr("Updated \(deal).", "\(deal) modifiée.") }
    static func noDealsMatch(_ status: String) -> String {
        tr(
            status == "all" ? "No deals match." : "No \(status) deals match.",
            status == "all" ? "Aucune affaire ne correspond." : "Aucune affaire \(status) ne correspond.")
    }

    // MARK: Tables and labels

    static var colID: String { tr("ID", "ID") }
    static var colStage: String { tr("STAGE", "ÉTAPE") }
    static var colTitle: String { tr("TITLE", "TITRE") }
    static var colCompany: String { tr("COMPANY", "ENTREPRISE") }
    static var colValue: String { tr("VALUE", "VALEUR") }
    static var colProb: String { tr("PROB", "PROB") }
    static var colWeighted: String { tr("WEIGHTED", "PONDÉRÉE") }
    static var colNextDue: String { tr("NEXT DUE", "ÉCHÉANCE") }
    static var colStatus: String { tr("STATUS", "STATUT") }
    static var colDeals: String { tr("DEALS", "AFFAIRES") }
    static var noDue: String { tr("no date", "sans date") }

    static var summaryOpen: String { tr("Open", "Ouvertes") }
    static var summaryWon: String { tr("Won", "Gagnées") }
    static var summaryLost: String { tr("Lost", "Perdues") }
    static var summaryTotal: String { tr("total", "total") }
    static var summaryWeighted: String { tr("weighted", "pondéré") }
    static func summaryHeading(_ name: String, _ currency: String) -> String { "\(name) (\(currency))" }

    static var labelCompany: String { tr("Company", "Entreprise") }
    static var labelContact: String { tr("Contact", "Contact") }
    static var labelStage: String { tr("Stage", "Étape") }
    static var labelStatus: String { tr("Status", "Statut") }
    static var labelLostReason: String { tr("Lost reason", "Motif de perte") }
    static var labelValue: String { tr("Value", "Valeur") }
    static var labelProbability: String { tr("Probability", "Probabilité") }
    static var labelWeighted: String { tr("Weighted", "Pondérée") }
    static var labelOwner: String { tr("Owner", "Commercial") }
    static var labelSource: String { tr("Source", "Source") }
    static var labelTags: String { tr("Tags", "Étiquettes") }
    static var labelClose: String { tr("Expected close", "Conclusion prévue") }
    static var labelNext: String { tr("Next action", "Prochaine action") }
    static var labelQualification: String { tr("Qualification", "Qualification") }
    static var labelNotes: String { tr("Notes", "Notes") }
    static var labelCreated: String { tr("Created", "Créée") }
    static var labelUpdated: String { tr("Updated", "Modifiée") }
    static var labelHistory: String { tr("History", "Historique") }
    static let none = "—"
    static func daysInStage(_ n: Int) -> String {
        tr(
            n == 1 ? "1 day in stage" : "\(n) days in stage",
            n == 1 ? "1 jour dans l'étape" : "\(n) jours dans l'étape")
    }
    static func ownProbability(_ p: String, stage: String) -> String {
        tr("\(p)% (set on the deal; stage: \(stage)%)", "\(p) % (propre à l'affaire ; étape : \(stage) %)")
    }
    static func stageProbability(_ p: String) -> String {
        tr("\(p)% (from the stage)", "\(p) % (celle de l'étape)")
    }
    static func due(_ d: String) -> String { tr("due \(d)", "échéance \(d)") }
    static var overdue: String { tr("overdue", "en retard") }
    static var done: String { tr("done", "fait") }
    static func bant(_ score: Int, _ parts: [String]) -> String {
        tr(
            "BANT \(score)/4" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")),
            "BANT \(score)/4" + (parts.isEmpty ? "" : " : " + parts.joined(separator: ", ")))
    }
    static var bantBudget: String { tr("budget", "budget") }
    static var bantAuthority: String { tr("authority", "autorité") }
    static var bantNeed: String { tr("need", "besoin") }
    static var bantTimeline: String { tr("timeline", "calendrier") }

    static func historyCreated(_ stage: String) -> String { tr("created in \(stage)", "créée dans \(stage)") }
    static func historyCreatedWon(_ stage: String) -> String {
        tr("created as won in \(stage)", "créée gagnée dans \(stage)")
    }
    static func historyMoved(_ from: String, _ to: String) -> String {
        tr("moved \(from) → \(to)", "déplacée \(from) → \(to)")
    }
    static func historyWon(_ from: String, _ to: String) -> String {
        tr(
            from == to ? "won in \(to)" : "won: \(from) → \(to)",
            from == to ? "gagnée dans \(to)" : "gagnée : \(from) → \(to)")
    }
    static func historyLost(_ stage: String) -> String { tr("lost in \(stage)", "perdue dans \(stage)") }
    static func historyReopened(_ from: String, _ to: String) -> String {
        tr(
            from == to ? "reopened in \(to)" : "reopened: \(from) → \(to)",
            from == to ? "rouverte dans \(to)" : "rouverte : \(from) → \(to)")
    }
}
