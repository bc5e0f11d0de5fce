import PipedeckCore

/// The words of `pipedeck agenda`, `pipedeck stages` and `pipedeck reasons`.
extension Strings {
    enum Work {
        static var agendaAbstract: String {
            tr(
                "List the planned activities of open deals by date: overdue, today, this week, later, none planned.",
                "Lister les activités prévues des affaires ouvertes par date : en retard, aujourd'hui, cette semaine, plus tard, non prévues."
            )
        }
        static var helpAgendaType: String {
            tr(
                "Only activities of this type: call, meeting, email, task or deadline.",
                "Seulement les activités de ce type : call, meeting, email, task ou deadline.")
        }
        static var helpOwner: String { tr("Only the deals of this owner.", "Seulement les affaires de ce commercial.") }
        static var stagesAbstract: String {
            tr(
                "List, add, rename, reorder, delete stages and set their probability and stale days.",
                "Lister, ajouter, renommer, réordonner, supprimer des étapes et régler leur probabilité et leurs jours sans activité."
            )
        }
        static var stagesListAbstract: String {
            tr(
                "List the stages with their probability, stale days and deal counts.",
                "Lister les étapes avec leur probabilité, leurs jours sans activité et leurs nombres d'affaires.")
        }
        static var stagesAddAbstract: String {
            tr(
                "Add a stage (before the won stage unless --at is given).",
                "Ajouter une étape (avant l'étape gagnée sauf si --at est donné).")
        }
        static var stagesRenameAbstract: String {
            tr("Rename a stage (its id stays the same).", "Renommer une étape (son identifiant ne change pas).")
        }
        static var stagesSetAbstract: String {
            tr(
                "Set a stage's default probability and/or stale days.",
                "Régler la probabilité par défaut et/ou les jours sans activité d'une étape.")
        }
        static var stagesMoveAbstract: String {
            tr(
                "Move a stage to another position (1-based).",
                "Déplacer une étape à une autre position (à partir de 1).")
        }
        static var stagesRemoveAbstract: String {
            tr(
                "Delete a stage; a stage with deals needs --move-deals-to.",
                "Supprimer une étape ; une étape qui a des affaires demande --move-deals-to.")
        }
        static var reasonsAbstract: String {
            tr(
                "List, add or remove the reasons offered when a deal is lost.",
                "Lister, ajouter ou retirer les motifs proposés quand une affaire est perdue.")
        }
        static var helpStage: String {
            tr(
                "A stage id, name or 1-based position.",
                "Un identifiant, un nom ou une position (à partir de 1) d'étape.")
        }
        static var helpName: String { tr("The stage's name.", "Le nom de l'étape.") }
        static var helpProbability: String {
            tr(
                "Default win probability of the stage's deals, 0–100.",
                "Probabilité de conclusion par défaut des affaires de l'étape, 0–100.")
        }
        static var helpRot: String {
            tr(
                "Days without a change after which a deal is stale (0 = off).",
                "Jours sans changement après lesquels une affaire est sans activité (0 = désactivé).")
        }
        static var helpAt: String {
            tr("1-based position of the new stage.", "Position (à partir de 1) de la nouvelle étape.")
        }
        static var helpPosition: String { tr("The new 1-based position.", "La nouvelle position (à partir de 1).") }
        static var helpPositionExpected: String {
            tr("the new 1-based position", "la nouvelle position (à partir de 1)")
        }
        static var helpMoveDeals: String {
            tr(
                "Where the stage's deals go (a stage id, name or position).",
                "Où vont les affaires de l'étape (identifiant, nom ou position d'une étape).")
        }
        static var helpReason: String { tr("The reason text.", "Le texte du motif.") }
        static var nothingPlanned: String { tr("No open deals.", "Aucune affaire ouverte.") }

        static var colDue: String { tr("DUE", "ÉCHÉANCE") }
        static var colWhen: String { tr("WHEN", "QUAND") }
        static var colAction: String { tr("ACTIVITY", "ACTIVITÉ") }
        static var colTime: String { tr("TIME", "HEURE") }
        static var colType: String { tr("TYPE", "TYPE") }
        static var colDeal: String { tr("DEAL", "AFFAIRE") }
        static var colCompany: String { tr("COMPANY", "ENTREPRISE") }
        static var colOwner: String { tr("OWNER", "COMMERCIAL") }
        static let colPos = "#"
        static var colID: String { tr("ID", "ID") }
        static var colName: String { tr("NAME", "NOM") }
        static var colProb: String { tr("PROB", "PROB") }
        static var colRot: String { tr("STALE AFTER", "INACTIVE APRÈS") }
        static var colKind: String { tr("KIND", "TYPE") }
        static var colDeals: String { tr("DEALS", "AFFAIRES") }
        static func late(_ d: Int) -> String { tr("\(d)d late", "en retard de \(d) j") }
        static func inDays(_ d: Int) -> String {
            tr(
                d == 0 ? "today" : d == 1 ? "tomorrow" : "in \(d)d",
                d == 0 ? "aujourd'hui" : d == 1 ? "demain" : "dans \(d) j")
        }
        static func stageAdded(_ name: String, _ id: String, _ pos: Int) -> String {
            tr(
                "Added stage “\(name)” (id \(id)) at position \(pos).",
                "Étape « \(name) » ajoutée (identifiant \(id)) en position \(pos).")
        }
        static func stageRenamed(_ old: String, _ new: String) -> String {
            tr("Renamed “\(old)” to “\(new)”.", "« \(old) » renommée en « \(new) ».")
        }
        static func stageSet(_ name: String, _ p: Percent, _ rot: Int) -> String {
            tr(
                "“\(name)”: probability \(p)%, stale after \(rot == 0 ? "off" : "\(rot) days").",
                "« \(name) » : probabilité \(French.number(p.description, grouped: false)) %, sans activité après \(rot == 0 ? "désactivé" : "\(rot) jours")."
            )
        }
        static func stageMoved(_ name: String, _ pos: Int) -> String {
            tr("Moved “\(name)” to position \(pos).", "« \(name) » déplacée en position \(pos).")
        }
        static func stageRemoved(_ name: String, _ n: Int, _ to: String?) -> String {
            tr(
                to.map { "Deleted “\(name)”; moved \(n == 1 ? "1 deal" : "\(n) deals") to “\($0)”." }
                    ?? "Deleted “\(name)”.",
                to.map {
                    "« \(name) » supprimée ; \(n == 1 ? "1 affaire déplacée" : "\(n) affaires déplacées") vers « \($0) »."
                }
                    ?? "« \(name) » supprimée.")
        }
        static func needsTarget(_ name: String, _ n: Int) -> String {
            tr(
                "“\(name)” still has \(n == 1 ? "1 deal" : "\(n) deals"): add --move-deals-to STAGE to say where they go",
                "« \(name) » a encore \(n == 1 ? "1 affaire" : "\(n) affaires") : ajoutez --move-deals-to ÉTAPE pour dire où elles vont"
            )
        }
        static var nothingToSet: String {
            tr("give --probability and/or --rot-days", "donnez --probability et/ou --rot-days")
        }
        static func reasonAdded(_ r: String) -> String {
            tr("Added lost reason “\(r)”.", "Motif de perte « \(r) » ajouté.")
        }
        static func reasonRemoved(_ r: String) -> String {
            tr("Removed lost reason “\(r)”.", "Motif de perte « \(r) » retiré.")
        }
        static func unknownReason(_ r: String, _ all: [String]) -> String {
            tr(
                "no lost reason is called “\(r)”; the reasons are: \(all.joined(separator: ", "))",
                "aucun motif de perte ne s'appelle « \(r) » ; les motifs sont : \(all.joined(separator: ", "))")
        }
        static func days(_ n: Int) -> String { tr("\(n)d", "\(n) j") }
        static var off: String { tr("off", "désactivé") }
        static func positionRange(_ last: Int) -> String {
            tr("expected a position from 1 to \(last)", "attendu : une position de 1 à \(last)")
        }
    }
}
