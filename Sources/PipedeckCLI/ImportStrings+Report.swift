import PipedeckCore
import PipedeckStorage

/// What `pipedeck import` reports and `pipedeck export` says.
extension Strings.Transfer {
    // MARK: Report

    static func rows(_ n: Int) -> String { tr(n == 1 ? "1 row" : "\(n) rows", n == 1 ? "1 ligne" : "\(n) lignes") }
    static func sourceName(_ s: ImportSource) -> String {
        switch s {
        case .pipedrive: return tr("Pipedrive export", "export Pipedrive")
        case .hubspot: return tr("HubSpot export", "export HubSpot")
        case .odoo: return tr("Odoo export", "export Odoo")
        case .salesforce: return tr("Salesforce export", "export Salesforce")
        case .plain: return tr("plain columns", "colonnes simples")
        }
    }
    static func separatorName(_ b: UInt8) -> String {
        switch b {
        case UInt8(ascii: ","): return "\",\""
        case UInt8(ascii: ";"): return "\";\""
        case UInt8(ascii: "\t"): return tr("tab", "tabulation")
        default: return "\"\(Character(Unicode.Scalar(b)))\""
        }
    }
    static func readLine(
        _ path: String, rows n: Int, source: ImportSource, separator: UInt8, encoding: String,
        decimal: String?, dates: String?
    ) -> String {
        var parts = [sourceName(source), tr("separator ", "séparateur ") + separatorName(separator)]
        if encoding != "utf-8" { parts.append(encoding) } // not shown
        if let decimal { parts.append(decimal) }
        if let dates { parts.append(dates) }
        return tr(
            "Read \(path): \(rows(n)); " + parts.joined(separator: "; ") + ".",
            "Lu \(path) : \(rows(n)) ; " + parts.joined(separator: " ; ") + ".")
    }
    static func decimalNote(_ m: DecimalMark?, given: Bool) -> String? {
        guard let m else {
            return tr(
                "amounts read one by one (the file mixes decimal marks)",
                "montants lus un par un (le fichier mélange les marques décimales)")
        }
        let name = tr(
            m == .comma ? "amounts with a decimal comma" : "amounts with a decimal point",
            m == .comma ? "montants à virgule décimale" : "montants à point décimal")
        return tr(given ? name : name + " (detected)", given ? name : name + " (détecté)")
    }
    static func dateNote(_ o: DateOrder?, given: Bool) -> String? {
        guard let o else { return nil }
        let name = tr(
            o == .dayMonth ? "dates as day/month" : "dates as month/day",
            o == .dayMonth ? "dates en jour/mois" : "dates en mois/jour")
        return tr(given ? name : name + " (detected)", given ? name : name + " (détecté)")
    }
    static func columnsLine(_ pairs: [(String, String)]) -> String {
        tr(
            "Columns: " + pairs.map { "\"\($0.0)\" → \($0.1)" }.joined(separator: ", "),
            "Colonnes : " + pairs.map { "« \($0.0) » → \($0.1)" }.joined(separator: ", "))
    }
    static func ignoredLine(_ names: [String]) -> String {
        tr("Ignored columns: " + quotedList(names), "Colonnes ignorées : " + quotedList(names))
    }
    static func createdStage(_ c: CreatedStage, before: String?) -> String {
        let place = tr(before.map { " before \($0)" } ?? "", before.map { " avant \($0)" } ?? "")
        let p = tr("\(c.stage.probability)%", "\(French.number(c.stage.probability.description, grouped: false)) %")
        let probability: String
        switch c.probabilitySource {
        case .rows:
            probability = tr("probability \(p) as its rows say", "probabilité \(p) comme le disent ses lignes")
        case .noneInRows(let from):
            probability = tr(
                "probability \(p) like \(from ?? "the stage before it") (the rows give none; change it in the board file if need be)",
                "probabilité \(p) comme \(from ?? "l'étape d'avant") (les lignes n'en donnent pas ; changez-la dans le fichier du tableau au besoin)"
            )
        case .rowsDisagree(let from):
            probability = tr(
                "probability \(p) like \(from ?? "the stage before it") (its rows give different ones, which the deals keep)",
                "probabilité \(p) comme \(from ?? "l'étape d'avant") (ses lignes en donnent d'autres, que les affaires gardent)"
            )
        }
        return tr(
            "New stage \"\(c.stage.name)\" (id \(c.stage.id))\(place), \(probability); \(rows(c.rows)).",
            "Nouvelle étape « \(c.stage.name) » (identifiant \(c.stage.id))\(place), \(probability) ; \(rows(c.rows))."
        )
    }
    static var dryRunHeading: String { tr("Dry run: nothing was written.", "Simulation : rien n'a été écrit.") }
    static func counts(added: Int, updated: Int, unchanged: Int) -> String {
        tr(
            "\(added) added, \(updated) updated, \(unchanged) unchanged",
            "\(added) ajoutées, \(updated) mises à jour, \(unchanged) inchangées")
    }
    static func wouldImport(_ n: Int, _ counts: String) -> String {
        tr(
            "Would import \(n == 1 ? "1 deal" : "\(n) deals"): \(counts).",
            "Importerait \(n == 1 ? "1 affaire" : "\(n) affaires") : \(counts).")
    }
    static func imported(_ n: Int, _ path: String, _ counts: String) -> String {
        tr(
            "Imported \(n == 1 ? "1 deal" : "\(n) deals") into \(path): \(counts).",
            "\(n == 1 ? "1 affaire importée" : "\(n) affaires importées") dans \(path) : \(counts).")
    }
    static func nothingNew(_ n: Int) -> String {
        tr(
            "Nothing changed: the board already has \(n == 1 ? "this deal" : "these \(n) deals") as the file has them.",
            "Rien n'a changé : le tableau a déjà \(n == 1 ? "cette affaire" : "ces \(n) affaires") telle\(n == 1 ? "" : "s") que le fichier l\(n == 1 ? "'a" : "es a")."
        )
    }
    static func problemsHeading(_ n: Int) -> String {
        tr(
            n == 1 ? "1 row has a problem:" : "\(n) rows have problems:",
            n == 1 ? "1 ligne a un problème :" : "\(n) lignes ont des problèmes :")
    }
    static func skippedHeading(_ n: Int) -> String {
        tr(
            n == 1 ? "Skipped 1 row with a problem:" : "Skipped \(n) rows with problems:",
            n == 1 ? "1 ligne à problème sautée :" : "\(n) lignes à problème sautées :")
    }
    static func refusedProblems(_ n: Int) -> String {
        tr(
            "nothing was imported: \(n == 1 ? "1 row has a problem" : "\(n) rows have problems"). "
                + "Fix the file, or add --skip-invalid to import the other rows.",
            "rien n'a été importé : \(n == 1 ? "1 ligne a un problème" : "\(n) lignes ont des problèmes"). "
                + "Corrigez le fichier, ou ajoutez --skip-invalid pour importer les autres lignes.")
    }
    static var refusedStages: String {
        tr(
            "nothing was imported: the file names stages the board does not have.",
            "rien n'a été importé : le fichier nomme des étapes que le tableau n'a pas.")
    }
    static func dryRunWouldRefuse(_ n: Int) -> String {
        tr(
            "the import would stop: \(n == 1 ? "1 row has a problem" : "\(n) rows have problems"); add --skip-invalid to import the other rows",
            "l'import s'arrêterait : \(n == 1 ? "1 ligne a un problème" : "\(n) lignes ont des problèmes") ; ajoutez --skip-invalid pour importer les autres lignes"
        )
    }
    static var dryRunWouldRefuseStages: String {
        tr(
            "the import would stop: the file names stages the board does not have (see above)",
            "l'import s'arrêterait : le fichier nomme des étapes que le tableau n'a pas (voir ci-dessus)")
    }
    static var nothingValid: String {
        tr("nothing was imported: no row is valid.", "rien n'a été importé : aucune ligne n'est valide.")
    }
    static func blankRows(_ n: Int) -> String {
        tr(
            "(\(n == 1 ? "1 blank row" : "\(n) blank rows") ignored)",
            "(\(n == 1 ? "1 ligne vide ignorée" : "\(n) lignes vides ignorées"))")
    }
    static var noValueColumn: String {
        tr(
            "No column holds the amounts: new deals get the value 0.",
            "Aucune colonne ne contient les montants : les nouvelles affaires ont la valeur 0.")
    }
    static func progress(_ done: Int, _ total: Int) -> String {
        tr(
            "importing… \(done * 100 / max(total, 1))% (\(done) of \(total) rows)",
            "import… \(done * 100 / max(total, 1)) % (\(done) lignes sur \(total))")
    }
    static var figuresHeading: String { tr("Deals of the file, by stage:", "Affaires du fichier, par étape :") }

    // MARK: Export

    static func exported(_ n: Int, _ path: String, _ format: String) -> String {
        tr(
            "Exported \(n == 1 ? "1 deal" : "\(n) deals") to \(path) (\(format)).",
            "\(n == 1 ? "1 affaire exportée" : "\(n) affaires exportées") vers \(path) (\(format)).")
    }
    static func exportedEvents(_ n: Int, _ path: String) -> String {
        tr(
            "Exported \(n == 1 ? "1 planned activity" : "\(n) planned activities") to \(path) (ics).",
            "\(n == 1 ? "1 activité prévue exportée" : "\(n) activités prévues exportées") vers \(path) (ics).")
    }
    static var emptyCalendar: String {
        tr(
            "No open deal has a dated activity still to do: the calendar is valid and empty (its events are gone).",
            "Aucune affaire ouverte n'a d'activité datée à faire : le calendrier est valide et vide (ses événements ont disparu)."
        )
    }
    /// "Call: Follow up on the quote — ERP integration (Acme)".
    static func icsSummary(type: String, action: String, title: String, company: String?) -> String {
        let what = tr("\(type): \(action)", "\(type) : \(action)")
        return company.map { "\(what) — \(title) (\($0))" } ?? "\(what) — \(title)"
    }
    static func icsDescription(
        value: String, weighted: String, stage: String, probability: String,
        contact: String?, phone: String?, email: String?, id: String
    ) -> String {
        var lines = [
            tr(
                "Value: \(value) (weighted \(weighted), \(probability)%)",
                "Valeur : \(value) (pondérée \(weighted), \(probability) %)"),
            tr("Stage: \(stage)", "Étape : \(stage)"),
        ]
        if let contact { lines.append(tr("Contact: \(contact)", "Contact : \(contact)")) }
        if let phone { lines.append(tr("Phone: \(phone)", "Téléphone : \(phone)")) }
        if let email { lines.append(tr("Email: \(email)", "E-mail : \(email)")) }
        lines.append(tr("Deal: \(id) (pipedeck show \(id))", "Affaire : \(id) (pipedeck show \(id))"))
        return lines.joined(separator: "\n")
    }
    static func calendarName(_ board: String) -> String {
        tr("\(board) — next actions", "\(board) — prochaines actions")
    }
}
