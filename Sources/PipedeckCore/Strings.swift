/// Every sentence Pipedeck shows to a person lives here, so that a translation can replace
/// this file without touching any logic.
public enum Strings {
    // Validation
    public static var emptyTitle: String { tr("a deal needs a title", "une affaire doit avoir un titre") }
    public static var emptyText: String { tr("the text cannot be empty", "le texte ne peut pas être vide") }
    public static var negativeValue: String {
        tr("the value cannot be negative", "la valeur ne peut pas être négative")
    }
    public static var tooManyDecimals: String { tr("at most 2 decimals are allowed", "2 décimales au plus") }
    public static var probabilityRange: String {
        tr(
            "expected a percentage from 0 to 100 (up to 2 decimals)",
            "attendu : un pourcentage de 0 à 100 (2 décimales au plus)")
    }
    public static var npsRange: String {
        tr("expected a whole number from 0 to 10", "attendu : un nombre entier de 0 à 10")
    }
    public static func duplicateID(_ id: String) -> String {
        tr(
            "the id \"\(id)\" is already used by another deal",
            "l'identifiant « \(id) » est déjà pris par une autre affaire")
    }
    public static func badCurrency(_ c: String) -> String {
        tr(
            "expected an ISO 4217 currency code such as EUR, USD or GBP (got \"\(c)\")",
            "attendu : un code de devise ISO 4217 comme EUR, USD ou GBP (reçu « \(c) »)")
    }
    public static func duplicateStageID(_ id: String) -> String {
        tr("a stage with the id \"\(id)\" already exists", "une étape a déjà l'identifiant « \(id) »")
    }
    /// Short enough for the stage form's message line; the command line adds what was given.
    public static func stageNameTaken(_ name: String, _ other: Stage) -> String {
        tr(
            "already used by the stage “\(other.name)”, id \(other.id)",
            "déjà pris par l'étape « \(other.name) », identifiant \(other.id)")
    }
    public static var emptyStageName: String { tr("a stage needs a name", "une étape doit avoir un nom") }
    public static var moveToItself: String {
        tr(
            "the deals cannot move to the stage being deleted; choose another stage",
            "les affaires ne peuvent pas aller dans l'étape supprimée ; choisissez une autre étape")
    }
    public static var rotDaysRange: String {
        tr(
            "expected a whole number of days from 0 (off) to 3650",
            "attendu : un nombre entier de jours de 0 (désactivé) à 3650")
    }
    public static var rotDaysWhole: String {
        tr(
            "stale days are whole days (no decimals), from 0 (off) to 3650",
            "les jours sans activité sont des jours entiers (sans décimales), de 0 (désactivé) à 3650")
    }
    public static var stageKindWithDeals: String {
        tr(
            "a stage's kind (open/won) can only change while it has no deals",
            "le type d'une étape (ouverte/gagnée) ne change que si elle n'a aucune affaire")
    }
    public static func stageHasDeals(_ name: String, _ n: Int) -> String {
        tr(
            "“\(name)” still has \(n == 1 ? "1 deal" : "\(n) deals"); move them to another stage first",
            "« \(name) » a encore \(n == 1 ? "1 affaire" : "\(n) affaires") ; déplacez-les d'abord vers une autre étape"
        )
    }
    public static var badNumber: String {
        tr("expected a number such as 12500 or 12500.50", "attendu : un nombre comme 12500 ou 12500,50")
    }
    /// The two readings of "12.500": "12.50 or 12500".
    public static func amountReadings(_ a: AmbiguousAmount) -> String {
        tr(
            "\(a.asDecimal.plain(decimals: max(2, a.asDecimal.decimalsNeeded))) or \(a.asThousands.canonical)",
            "\(French.number(a.asDecimal.plain(decimals: max(2, a.asDecimal.decimalsNeeded)))) ou \(French.number(a.asThousands.canonical))"
        )
    }
    /// Both readings of "12.500", and how to write the one meant.
    public static func ambiguousAmount(_ a: AmbiguousAmount) -> String {
        let fix =
            a.asDecimal.decimalsNeeded <= 2
            ? tr(
                "type \(a.asDecimal.plain(decimals: 2)) or \(a.asThousands.canonical)",
                "tapez \(French.number(a.asDecimal.plain(decimals: 2), grouped: false)) ou \(French.number(a.asThousands.canonical, grouped: false))"
            )
            : tr(
                "type \(a.asThousands.canonical) or 2 decimals",
                "tapez \(French.number(a.asThousands.canonical, grouped: false)) ou 2 décimales")
        return tr("ambiguous: \(amountReadings(a))? \(fix)", "ambigu : \(amountReadings(a)) ? \(fix)")
    }
    public static func otherDecimalMark(_ m: DecimalMark) -> String {
        tr(
            "written with a decimal \(m == .comma ? "comma" : "point") where a decimal \(m == .comma ? "point" : "comma") is expected",
            m == .comma
                ? "écrit avec une virgule décimale là où un point décimal est attendu"
                : "écrit avec un point décimal là où une virgule décimale est attendue")
    }
    /// Why an amount was refused.
    public static func amountProblem(_ p: AmountProblem) -> String {
        switch p {
        case .notAnAmount: return badNumber
        case .ambiguous(let a): return ambiguousAmount(a)
        case .tooManyDecimals: return tooManyDecimals
        case .negative: return negativeValue
        case .otherMark(let m): return otherDecimalMark(m)
        }
    }
    /// A probability as people read it: "35.5%", in French "35,5 %".
    public static func percent(_ p: Percent) -> String {
        tr("\(p)%", "\(French.number(p.description, grouped: false)) %")
    }
    public static var badDate: String {
        tr("expected a date as YYYY-MM-DD", "attendu : une date AAAA-MM-JJ ou JJ/MM/AAAA")
    }
    public static func badEmail(_ e: String) -> String {
        tr(
            "expected an email address such as ana@example.com (got \"\(e)\")",
            "attendu : une adresse e-mail comme ana@example.com (reçu « \(e) »)")
    }
    public static func badPhone(_ p: String) -> String {
        tr(
            "expected a phone number: digits with + ( ) - . / or spaces, such as +33 6 12 34 56 78 (got \"\(p)\")",
            "attendu : un numéro de téléphone, des chiffres avec + ( ) - . / ou des espaces, comme +33 6 12 34 56 78 (reçu « \(p) »)"
        )
    }
    public static var emptySubject: String { tr("an activity needs a subject", "une activité doit avoir un objet") }
    public static var durationRange: String {
        tr(
            "expected a duration from 1 minute to 24 hours, such as 30m, 1h or 1h30",
            "attendu : une durée de 1 minute à 24 heures, comme 30m, 1h ou 1h30")
    }
    public static var timeWithoutDay: String { tr("a time needs a day", "une heure demande un jour") }
    public static func duplicateActivityID(_ id: String) -> String {
        tr(
            "the id \"\(id)\" is already used by another activity",
            "l'identifiant « \(id) » est déjà pris par une autre activité")
    }
    /// A duration: "30 min", "1 h", "1 h 30".
    public static func duration(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        if h == 0 { return tr("\(m) min", "\(m) min") }
        return m == 0 ? "\(h) h" : "\(h) h \(m < 10 ? "0" : "")\(m)"
    }
    /// The activity types in the plural: "calls".
    public static func activityTypes(_ t: ActivityType) -> String {
        switch t {
        case .call: return tr("calls", "appels")
        case .meeting: return tr("meetings", "rendez-vous")
        case .email: return tr("emails", "e-mails")
        case .task: return tr("tasks", "tâches")
        case .deadline: return tr("deadlines", "échéances")
        }
    }
    /// An activity type as a title, the subject of a logged activity given none: "Call".
    public static func activityTitle(_ t: ActivityType) -> String {
        switch t {
        case .call: return tr("Call", "Appel")
        case .meeting: return tr("Meeting", "Rendez-vous")
        case .email: return tr("Email", "E-mail")
        case .task: return tr("Task", "Tâche")
        case .deadline: return tr("Deadline", "Échéance")
        }
    }
    /// The activity types' names, on screen and on the command line.
    public static func activityType(_ t: ActivityType) -> String {
        switch t {
        case .call: return tr("call", "appel")
        case .meeting: return tr("meeting", "rendez-vous")
        case .email: return tr("email", "e-mail")
        case .task: return tr("task", "tâche")
        case .deadline: return tr("deadline", "échéance")
        }
    }

    public static func describe(_ e: PipelineError) -> String {
        switch e {
        case .unknownDeal(let id):
            return tr("no deal has the id \"\(id)\"", "aucune affaire n'a l'identifiant « \(id) »")
        case .ambiguousDeal(let id, let c):
            return tr(
                "\"\(id)\" matches several deals: \(c.joined(separator: ", ")); type more characters of the id",
                "« \(id) » correspond à plusieurs affaires : \(c.joined(separator: ", ")) ; tapez plus de caractères de l'identifiant"
            )
        case .unknownStage(let s): return tr("no stage is called \"\(s)\"", "aucune étape ne s'appelle « \(s) »")
        case .unknownActivity(let id):
            return tr("no activity has the id \"\(id)\"", "aucune activité n'a l'identifiant « \(id) »")
        case .ambiguousActivity(let id, let c):
            return tr(
                "\"\(id)\" matches several activities: \(c.joined(separator: ", ")); type more characters of the id",
                "« \(id) » correspond à plusieurs activités : \(c.joined(separator: ", ")) ; tapez plus de caractères de l'identifiant"
            )
        case .invalid(let f, let r): return "\(f): \(r)"
        case .noWonStage:
            return tr("the board has no stage of kind \"won\"", "le tableau n'a aucune étape de type « won » (gagnée)")
        }
    }

    /// The agenda's groups, on screen and on the command line.
    public static func agendaBucket(_ b: Agenda.Bucket) -> String {
        switch b {
        case .overdue: return tr("Overdue", "En retard")
        case .today: return tr("Today", "Aujourd'hui")
        case .thisWeek: return tr("This week", "Cette semaine")
        case .later: return tr("Later", "Plus tard")
        case .nonePlanned: return tr("No next step planned", "Aucune prochaine étape prévue")
        }
    }

    // Stage and status names
    public static func status(_ s: DealStatus) -> String {
        switch s {
        case .open: return tr("open", "ouverte")
        case .won: return tr("won", "gagnée")
        case .lost: return tr("lost", "perdue")
        }
    }

    /// An edit of a deal's notes in its history, on screen and on the command line.
    public static func notesEdited(length: Int) -> String {
        switch length {
        case 0: return tr("notes cleared", "notes effacées")
        case 1: return tr("notes edited (1 character)", "notes modifiées (1 caractère)")
        default: return tr("notes edited (\(length) characters)", "notes modifiées (\(length) caractères)")
        }
    }

    // Board screen
    public static var emptyBoardTitle: String {
        tr("This pipeline has no deals yet.", "Ce pipeline n'a encore aucune affaire.")
    }
    public static var emptyBoardHint: String {
        tr(
            "Press a to add your first deal, or ? for all keys.",
            "Appuyez sur a pour ajouter votre première affaire, ou sur ? pour toutes les touches.")
    }
    public static var emptyColumn: String { tr("no deals", "aucune affaire") }
    public static var noStages: String {
        tr(
            "This board has no stages. Add stages to the file, or run: pipedeck init --force",
            "Ce tableau n'a aucune étape. Ajoutez des étapes au fichier, ou lancez : pipedeck init --force")
    }
    public static func more(_ n: Int) -> String { tr("\(n) more", "\(n) de plus") }
    public static var saved: String { tr("saved", "enregistré") }
    public static var unsaved: String { tr("unsaved", "non enregistré") }
    public static var saving: String { tr("saving…", "enregistrement…") }
    public static var readOnly: String { tr("read-only", "lecture seule") }
    public static func saveFailed(_ why: String) -> String {
        tr(
            "NOT SAVED: \(why) — your changes are kept in memory; retrying on the next change",
            "NON ENREGISTRÉ : \(why) — vos modifications sont gardées en mémoire ; nouvel essai à la prochaine modification"
        )
    }
    public static var tooSmall: String { tr("Terminal too small", "Terminal trop petit") }
    public static func tooSmallHint(_ w: Int, _ h: Int) -> String {
        tr("need at least \(w)×\(h)", "il faut au moins \(w)×\(h)")
    }
    public static var footerOpen: String { tr("Open", "Ouvert") }
    public static var footerValue: String { tr("Value", "Valeur") }
    public static var footerWeighted: String { tr("Weighted", "Pondéré") }
    public static var footerWon: String { tr("Won", "Gagné") }
    public static func deals(_ n: Int) -> String {
        tr(n == 1 ? "1 deal" : "\(n) deals", n == 1 ? "1 affaire" : "\(n) affaires")
    }
    public static var lostShown: String { tr("lost shown", "perdues affichées") }
    public static var noNextAction: String { tr("no next step", "aucune prochaine étape") }
    public static func deleteConfirm(_ title: String) -> String {
        tr("Delete “\(title)”? y/n", "Supprimer « \(title) » ? o/n")
    }
    public static var lostReasonPrompt: String { tr("Why was it lost?", "Pourquoi a-t-elle été perdue ?") }
    public static var moveToPrompt: String {
        tr("Its number, letters or ↑↓, then Enter:", "Son numéro, ses lettres ou ↑↓, puis Entrée :")
    }
    public static var moveToPromptShort: String { tr("Choose, then Enter:", "Choisissez, puis Entrée :") }
    public static var nothingToUndo: String { tr("nothing to undo", "rien à annuler") }
    public static var nothingToRedo: String { tr("nothing to redo", "rien à rétablir") }
    public static func undone(_ what: String) -> String { tr("undone: \(what)", "annulé : \(what)") }
    public static func redone(_ what: String) -> String { tr("redone: \(what)", "rétabli : \(what)") }
    public static var noDealSelected: String { tr("no deal selected", "aucune affaire sélectionnée") }
    public static var helpTitle: String { tr("Keys", "Touches") }
}
