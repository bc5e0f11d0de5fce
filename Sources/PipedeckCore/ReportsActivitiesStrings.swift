/// The activities report's wording (screen and command line).
extension Strings.Reports {
    public static func doneTitle(_ weeks: Int) -> String {
        tr(
            "Done per week and owner (the last \(weeks == 1 ? "week" : "\(weeks) weeks"))",
            "Fait par semaine et par commercial (\(weeks == 1 ? "la dernière semaine" : "les \(weeks) dernières semaines"))"
        )
    }
    public static var colWeekOf: String { tr("WEEK OF", "SEMAINE DU") }
    public static var colTotal: String { tr("TOTAL", "TOTAL") }
    /// The column of one type: "CALLS".
    public static func colType(_ t: ActivityType) -> String {
        switch t {
        case .call: return tr("CALLS", "APPELS")
        case .meeting: return tr("MEETINGS", "RDV")
        case .email: return tr("EMAILS", "E-MAILS")
        case .task: return tr("TASKS", "TÂCHES")
        case .deadline: return tr("DEADLINES", "ÉCHÉANCES")
        }
    }
    public static var nothingDone: String {
        tr("Nothing was logged as done in these weeks.", "Rien n'a été noté comme fait pendant ces semaines.")
    }
    public static func undatedDone(_ n: Int) -> String {
        tr(
            n == 1
                ? "1 activity done before Pipedeck kept the time is not counted."
                : "\(n) activities done before Pipedeck kept the time are not counted.",
            n == 1
                ? "1 activité faite avant que Pipedeck garde l'heure n'est pas comptée."
                : "\(n) activités faites avant que Pipedeck garde l'heure ne sont pas comptées.")
    }
    public static var idleTitle: String {
        tr("Open deals with nothing planned, per stage", "Affaires ouvertes sans rien de prévu, par étape")
    }
    public static var colNothingPlanned: String { tr("NOTHING PLANNED", "RIEN DE PRÉVU") }
    public static var colLastDone: String { tr("LAST DONE", "DERNIÈRE FAITE") }
    public static var neverDone: String { tr("never", "jamais") }
    public static func idleLine(_ idle: Int, _ open: Int) -> String {
        tr(
            idle == 0
                ? "Every open deal has something planned."
                : "\(idle) of \(open) open deals have nothing planned: plan their next step (n on the board).",
            idle == 0
                ? "Chaque affaire ouverte a quelque chose de prévu."
                : "\(idle) affaires ouvertes sur \(open) n'ont rien de prévu : prévoyez leur prochaine étape (n sur le tableau)."
        )
    }
    public static var activitiesExplained: String {
        tr(
            "A done activity counts in the week it was marked done; its owner is the activity's, else the deal's.",
            "Une activité faite compte dans la semaine où elle a été marquée faite ; son commercial est celui de "
                + "l'activité, sinon celui de l'affaire.")
    }
    public static var helpWeeks: String {
        tr(
            "Activities only: how many weeks back, 1 to 52 (default 8).",
            "Activités seulement : combien de semaines en arrière, de 1 à 52 (8 par défaut).")
    }
    public static func badWeeks(_ got: String) -> String {
        tr(
            "--weeks: expected a whole number from 1 to 52 (got \"\(got)\")",
            "--weeks : attendu : un nombre entier de 1 à 52 (reçu « \(got) »)")
    }
    public static var weeksOnlyActivities: String {
        tr("--weeks only applies to the activities report", "--weeks ne s'applique qu'au rapport activities")
    }
}
