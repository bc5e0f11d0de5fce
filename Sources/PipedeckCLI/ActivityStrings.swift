import PipedeckCore

/// The words of the activity commands (`pipedeck activity`, `pipedeck log`) and of the contact
/// options.
extension Strings {
    enum Activity {
        static var activityAbstract: String {
            tr(
                "Plan, complete and list the calls, meetings, emails, tasks and deadlines of deals.",
                "Prévoir, terminer et lister les appels, rendez-vous, e-mails, tâches et échéances des affaires.")
        }
        static var addAbstract: String {
            tr(
                "Plan an activity on a deal (or log one done with --done); prints only its id.",
                "Prévoir une activité sur une affaire (ou en noter une faite avec --done) ; n'affiche que son identifiant."
            )
        }
        static var doneAbstract: String {
            tr(
                "Mark an activity done now, with what came of it.",
                "Marquer une activité faite maintenant, avec son résultat.")
        }
        static var listAbstract: String {
            tr(
                "List activities, planned and done, as a table or as JSON.",
                "Lister les activités, prévues et faites, en tableau ou en JSON.")
        }
        static var logAbstract: String {
            tr(
                "Log something just done on a deal: pipedeck log ID --call \"Discussed pricing\".",
                "Noter ce qui vient d'être fait sur une affaire : pipedeck log ID --call \"Discuté des prix\".")
        }
        static var logDiscussion: String {
            tr(
                """
                Give exactly one of --call, --meeting, --email, --task or --deadline with what was done. \
                It is recorded as done now; --outcome says what came of it.
                """,
                """
                Donnez exactement une option parmi --call, --meeting, --email, --task ou --deadline avec ce qui a été \
                fait. C'est noté comme fait maintenant ; --outcome dit ce qui en est sorti.
                """)
        }

        static var helpPhone: String {
            tr(
                "The contact's phone number (an empty one removes it).",
                "Le numéro de téléphone du contact (vide, il est retiré).")
        }
        static var helpEmail: String {
            tr(
                "The contact's email address (an empty one removes it).",
                "L'adresse e-mail du contact (vide, elle est retirée).")
        }
        static var helpDeal: String {
            tr(
                "A deal id or any unique beginning of one.",
                "Un identifiant d'affaire ou tout début unique d'identifiant.")
        }
        static var helpActivityID: String {
            tr(
                "An activity id or any unique beginning of one (see `pipedeck activity list`).",
                "Un identifiant d'activité ou tout début unique d'identifiant (voir `pipedeck activity list`).")
        }
        static var helpType: String {
            tr(
                "call, meeting, email, task or deadline.",
                "call (appel), meeting (rendez-vous), email, task (tâche) ou deadline (échéance).")
        }
        static var helpSubject: String {
            tr("What is to be done (or was done).", "Ce qu'il faut faire (ou ce qui a été fait).")
        }
        static var helpDue: String {
            tr(
                "The day: YYYY-MM-DD, today, tomorrow, +3, +2w, fri — with a time if you like: \"fri 14:30\".",
                "Le jour : 03/12/2026, aujourd'hui, demain, +3, +2s, ven — avec une heure si vous voulez : \"ven 14:30\"."
            )
        }
        static var helpTime: String { tr("The time of day: 14:30, 9h, 2pm.", "L'heure : 14:30, 9h, 2pm.") }
        static var helpDuration: String {
            tr("How long: 30m, 1h, 1h30 (up to 24h).", "Combien de temps : 30m, 1h, 1h30 (jusqu'à 24h).")
        }
        static var helpOwner: String {
            tr("Who does it (default: the deal's owner).", "Qui s'en charge (par défaut : le commercial de l'affaire).")
        }
        static var helpDone: String {
            tr(
                "Record it as done now instead of planning it.",
                "La noter comme faite maintenant au lieu de la prévoir.")
        }
        static var helpOutcome: String { tr("What came of it.", "Ce qui en est sorti.") }
        static var helpListDeal: String {
            tr("Only the activities of this deal.", "Seulement les activités de cette affaire.")
        }
        static var helpListOwner: String {
            tr(
                "Only the activities of this owner (the activity's, else the deal's; any case).",
                "Seulement les activités de ce commercial (celui de l'activité, sinon de l'affaire ; majuscules indifférentes)."
            )
        }
        static var helpListType: String {
            tr(
                "Only activities of this type: call, meeting, email, task or deadline.",
                "Seulement les activités de ce type : call, meeting, email, task ou deadline.")
        }
        static var helpListStatus: String {
            tr(
                "Which activities: planned, done or all.",
                "Quelles activités : planned (prévues), done (faites) ou all (toutes).")
        }
        static func helpLog(_ t: ActivityType) -> String {
            tr(
                "Log \(t == .email ? "an" : "a") \(Strings.activityType(t)): what it was about.",
                "Noter \(t == .task || t == .deadline ? "une" : "un") \(Strings.activityType(t)) : de quoi il s'agissait."
            )
        }

        static func badType(_ got: String) -> String {
            tr(
                "--type: expected call, meeting, email, task or deadline (got \"\(got)\")",
                "--type : attendu : call, meeting, email, task ou deadline (reçu « \(got) »)")
        }
        static func badDue(_ got: String) -> String {
            tr(
                "--due: expected a day such as 2026-12-03, today, tomorrow, +3, +2w or fri, maybe with a time (got \"\(got)\")",
                "--due : attendu : un jour comme 03/12/2026, aujourd'hui, demain, +3, +2s ou ven, peut-être avec une heure (reçu « \(got) »)"
            )
        }
        static func badTime(_ got: String) -> String {
            tr(
                "--time: expected a time of day such as 14:30, 9h or 2pm (got \"\(got)\")",
                "--time : attendu : une heure comme 14:30, 9h ou 2pm (reçu « \(got) »)")
        }
        static func badDuration(_ got: String) -> String {
            tr(
                "--duration: expected a duration such as 30m, 1h or 1h30, up to 24h (got \"\(got)\")",
                "--duration : attendu : une durée comme 30m, 1h ou 1h30, jusqu'à 24h (reçu « \(got) »)")
        }
        static var timeWithoutDue: String {
            tr(
                "--time needs --due: give the day too, e.g. --due tomorrow --time 14:30",
                "--time demande --due : donnez aussi le jour, p. ex. --due demain --time 14:30")
        }
        static var emptySubject: String {
            tr("--subject: an activity needs a subject", "--subject : une activité doit avoir un objet")
        }
        static var oneLogType: String {
            tr(
                "give one of --call, --meeting, --email, --task or --deadline with what was done",
                "donnez une option parmi --call, --meeting, --email, --task ou --deadline avec ce qui a été fait")
        }
        static func severalLogTypes(_ options: [String]) -> String {
            tr(
                "give only one of \(options.joined(separator: ", ")): a log records one activity",
                "ne donnez qu'une option parmi \(options.joined(separator: ", ")) : une note enregistre une activité")
        }
        static func unknownActivity(_ ref: String) -> String {
            tr(
                "no activity has an id starting with \"\(ref)\"; run `pipedeck activity list` to see the ids",
                "aucune activité n'a d'identifiant commençant par « \(ref) » ; lancez `pipedeck activity list` pour voir les identifiants"
            )
        }
        static func ambiguousActivity(_ ref: String, _ ids: [String]) -> String {
            tr(
                "\"\(ref)\" matches several activities: \(ids.joined(separator: ", ")); type more characters of the id",
                "« \(ref) » correspond à plusieurs activités : \(ids.joined(separator: ", ")) ; tapez plus de caractères de l'identifiant"
            )
        }
        static func done(_ type: ActivityType, _ subject: String, _ deal: String) -> String {
            tr(
                "Done: \(Strings.activityType(type)) “\(subject)” on \(deal).",
                "Fait : \(Strings.activityType(type)) « \(subject) » sur \(deal).")
        }
        static func outcomeNoted(_ subject: String, _ deal: String) -> String {
            tr("Noted what came of “\(subject)” on \(deal).", "Résultat de « \(subject) » noté sur \(deal).")
        }
        static func alreadyDone(_ subject: String, _ deal: String) -> String {
            tr(
                "Nothing changed: “\(subject)” on \(deal) is already done (add --outcome to note what came of it).",
                "Rien n'a changé : « \(subject) » sur \(deal) est déjà fait (ajoutez --outcome pour noter ce qui en est sorti)."
            )
        }
        static func logged(_ type: ActivityType, _ subject: String, _ deal: String, _ id: String) -> String {
            tr(
                "Logged \(Strings.activityType(type)) “\(subject)” on \(deal) (activity \(id)).",
                "\(Strings.activityType(type)) « \(subject) » noté sur \(deal) (activité \(id)).")
        }
        static var noActivities: String { tr("No activities match.", "Aucune activité ne correspond.") }
        static var colID: String { tr("ID", "ID") }
        static var colDeal: String { tr("DEAL", "AFFAIRE") }
        static var colType: String { tr("TYPE", "TYPE") }
        static var colSubject: String { tr("SUBJECT", "OBJET") }
        static var colWhen: String { tr("WHEN", "QUAND") }
        static var colStatus: String { tr("STATUS", "STATUT") }
        static var colOwner: String { tr("OWNER", "COMMERCIAL") }
        static var colOutcome: String { tr("OUTCOME", "RÉSULTAT") }
        static var planned: String { tr("planned", "prévue") }
        static var doneWord: String { tr("done", "faite") }
        static var overdue: String { tr("overdue", "en retard") }
        static var labelPhone: String { tr("Phone", "Téléphone") }
        static var labelEmail: String { tr("Email", "E-mail") }
        static var labelActivities: String { tr("Activities", "Activités") }
    }
}
