/// The sentences about targets, periods and exchange rates (issue 17), kept apart so that a
/// translation replaces them with the other tables.
extension Strings {
    public static var negativeTarget: String {
        tr("a target cannot be negative", "un objectif ne peut pas être négatif")
    }
    public static var badRate: String {
        tr(
            "expected a rate such as 0.92 (the value of one unit of the currency in the board's currency, more than 0, up to 6 decimals)",
            "attendu : un taux comme 0,92 (la valeur d'une unité de la devise dans la devise du tableau, plus de 0, 6 décimales au plus)"
        )
    }
    public static func rateOfBoardCurrency(_ c: String) -> String {
        tr(
            "\(c) is the board's own currency: it needs no rate",
            "\(c) est la devise du tableau : elle n'a pas besoin de taux")
    }

    /// "Dec", "Q4": the period as the footer names it.
    public static func periodShort(_ p: Period) -> String {
        switch p.kind {
        case .month: return monthShort[p.number - 1]
        case .quarter: return tr("Q\(p.number)", "T\(p.number)")
        }
    }
    /// "Dec 2026", "Q4 2026".
    public static func periodLong(_ p: Period) -> String { periodShort(p) + " \(p.year)" }
    public static var monthShort: [String] { Strings.Reports.monthNames }

    /// Footer words.
    public static var footerWonInPeriod: String { tr("won", "gagné") }
    public static var footerOf: String { tr("of", "sur") }
    public static func footerClosing(_ kind: PeriodKind) -> String {
        tr(
            kind == .month ? "weighted closing this month" : "weighted closing this quarter",
            kind == .month ? "pondéré à conclure ce mois-ci" : "pondéré à conclure ce trimestre")
    }
    public static var footerClosingShort: String { tr("closing", "à conclure") }
    public static func periodKindName(_ k: PeriodKind) -> String {
        tr(k == .month ? "month" : "quarter", k == .month ? "mois" : "trimestre")
    }
    public static var team: String { tr("team", "équipe") }
}

extension Strings {
    /// The command line's and the screens' words about targets and rates.
    public enum Targets {
        public static var abstract: String {
            tr(
                "List, set and remove won-value targets per month or quarter.",
                "Lister, fixer et retirer les objectifs de valeur gagnée par mois ou par trimestre.")
        }
        public static var discussion: String {
            tr(
                """
                A target is the won value aimed for in a month (2027-01) or a quarter (2027-Q1), for the \
                team or, with --owner, for one salesperson. A quarter without a target of its own uses the \
                sum of its three months' targets when all three are set. The footer of the board shows the \
                current period against its target; `period = quarter` in the settings file \
                (~/.config/pipedeck/config) makes it a quarter.
                """,
                """
                Un objectif est la valeur gagnée visée pour un mois (2027-01) ou un trimestre (2027-Q1), pour \
                l'équipe ou, avec --owner, pour un commercial. Un trimestre sans objectif propre prend la somme des \
                objectifs de ses trois mois quand les trois sont fixés. Le pied du tableau montre la période en \
                cours face à son objectif ; `period = quarter` dans le fichier de réglages \
                (~/.config/pipedeck/config) en fait un trimestre.
                """)
        }
        public static var setAbstract: String {
            tr(
                "Set the target of a month or quarter (replaces the one there).",
                "Fixer l'objectif d'un mois ou d'un trimestre (remplace celui en place).")
        }
        public static var rmAbstract: String {
            tr("Remove the target of a month or quarter.", "Retirer l'objectif d'un mois ou d'un trimestre.")
        }
        public static var listAbstract: String {
            tr(
                "List the targets with what was won against each.",
                "Lister les objectifs avec ce qui a été gagné face à chacun.")
        }
        public static var helpPeriod: String {
            tr(
                "A month as YYYY-MM (2027-01) or a quarter as YYYY-Q1…Q4 (2027-Q1).",
                "Un mois AAAA-MM (2027-01) ou un trimestre AAAA-Q1…Q4 (2027-Q1).")
        }
        public static var helpAmount: String {
            tr(
                "The won value aimed for, in the board's currency (80000 or 80000.50).",
                "La valeur gagnée visée, dans la devise du tableau (80000 ou 80000,50).")
        }
        public static var helpOwner: String {
            tr(
                "The owner the target is for (as written on deals); the team's without it.",
                "Le commercial visé par l'objectif (comme écrit sur les affaires) ; celui de l'équipe sans l'option.")
        }
        public static var none: String {
            tr(
                "No targets yet. Set one with: pipedeck targets set 2027-01 80000 [--owner NAME]",
                "Aucun objectif pour l'instant. Fixez-en un avec : pipedeck targets set 2027-01 80000 [--owner NOM]")
        }
        public static func who(_ owner: String?) -> String { tr(owner ?? "team", owner ?? "équipe") }
        public static func set(_ p: Period, _ owner: String?, _ amount: String) -> String {
            tr("Target for \(p) (\(who(owner))): \(amount)", "Objectif pour \(p) (\(who(owner))) : \(amount)")
        }
        public static func removed(_ p: Period, _ owner: String?) -> String {
            tr("Removed the target for \(p) (\(who(owner)))", "Objectif pour \(p) (\(who(owner))) retiré")
        }
        public static func noSuchTarget(_ p: Period, _ owner: String?) -> String {
            tr(
                "there is no target for \(p) (\(who(owner))); see them with: pipedeck targets list",
                "il n'y a pas d'objectif pour \(p) (\(who(owner))) ; voyez-les avec : pipedeck targets list")
        }
        public static var colPeriod: String { tr("Period", "Période") }
        public static var colOwner: String { tr("Owner", "Commercial") }
        public static var colTarget: String { tr("Target", "Objectif") }
        public static var colWon: String { tr("Won", "Gagné") }
        public static let colPercent = "%"
        public static var colClosing: String { tr("Weighted closing", "Pondéré à conclure") }
        public static var colStillToWin: String { tr("Still to win", "Reste à gagner") }
        public static var colWeighted: String { tr("Weighted open", "Pondéré ouvert") }
        public static var colGap: String { tr("Gap", "Écart") }
        public static var summed: String { tr(" (Σ months)", " (Σ mois)") }
        public static var approxNote: String {
            tr(
                "≈: amounts in other currencies converted at the board's rates (pipedeck rates); the deals keep their own.",
                "≈ : montants dans d'autres devises convertis aux taux du tableau (pipedeck rates) ; les affaires gardent les leurs."
            )
        }

        public static var ratesAbstract: String {
            tr(
                "List, set and remove exchange rates into the board's currency.",
                "Lister, fixer et retirer les taux de change vers la devise du tableau.")
        }
        public static var ratesDiscussion: String {
            tr(
                """
                A rate is the value of one unit of another currency in the board's currency: \
                `pipedeck rates set USD 0.92` on a board in EUR. With a rate, deals in that currency count in \
                every total, converted and marked ≈; without one they stay apart. Deal values never change.
                """,
                """
                Un taux est la valeur d'une unité d'une autre devise dans la devise du tableau : \
                `pipedeck rates set USD 0.92` sur un tableau en EUR. Avec un taux, les affaires dans cette devise \
                comptent dans chaque total, converties et marquées ≈ ; sans taux elles restent à part. La valeur \
                des affaires ne change jamais.
                """)
        }
        public static var rateSetAbstract: String {
            tr(
                "Set the rate of a currency (replaces the one there).",
                "Fixer le taux d'une devise (remplace celui en place).")
        }
        public static var rateRmAbstract: String {
            tr("Remove the rate of a currency.", "Retirer le taux d'une devise.")
        }
        public static var rateListAbstract: String { tr("List the exchange rates.", "Lister les taux de change.") }
        public static var helpCurrency: String { tr("An ISO 4217 code such as USD.", "Un code ISO 4217 comme USD.") }
        public static var helpRate: String {
            tr(
                "The value of one unit of that currency in the board's currency, e.g. 0.92.",
                "La valeur d'une unité de cette devise dans la devise du tableau, p. ex. 0,92.")
        }
        public static var helpRateDate: String {
            tr("The day the rate is from (default: today).", "Le jour du taux (par défaut : aujourd'hui).")
        }
        public static func rateSet(_ c: String, _ r: Rate, _ board: String, _ day: Day) -> String {
            tr("1 \(c) = \(r) \(board) (as of \(day))", "1 \(c) = \(r) \(board) (au \(day))")
        }
        public static func rateRemoved(_ c: String) -> String {
            tr(
                "Removed the rate of \(c): its deals stay apart again",
                "Taux de \(c) retiré : ses affaires restent de nouveau à part")
        }
        public static func noSuchRate(_ c: String) -> String {
            tr(
                "there is no rate for \(c); see them with: pipedeck rates list",
                "il n'y a pas de taux pour \(c) ; voyez-les avec : pipedeck rates list")
        }
        public static func noRates(_ board: String) -> String {
            tr(
                "No exchange rates: deals in other currencies than \(board) stay apart. Set one with: pipedeck rates set USD 0.92",
                "Aucun taux de change : les affaires dans d'autres devises que \(board) restent à part. Fixez-en un avec : pipedeck rates set USD 0.92"
            )
        }
        public static func rateLine(_ r: ExchangeRate, _ board: String) -> String {
            tr(
                "\(r.currency)  1 \(r.currency) = \(r.rate) \(board)  (as of \(r.date))",
                "\(r.currency)  1 \(r.currency) = \(r.rate) \(board)  (au \(r.date))")
        }

        // The forecast against targets (report forecast, the reports screen).
        public static func forecastTitle(_ kind: PeriodKind, _ owner: String?) -> String {
            tr(
                (kind == .month ? "Against target, per month" : "Against target, per quarter")
                    + (owner.map { " (\($0)'s target)" } ?? " (team target)"),
                (kind == .month ? "Face à l'objectif, par mois" : "Face à l'objectif, par trimestre")
                    + (owner.map { " (objectif de \($0))" } ?? " (objectif de l'équipe)"))
        }
        public static var forecastExplained: String {
            tr(
                "Won: won in the period. Weighted open: open deals expected to close in it (from today on). "
                    + "Gap = target − won − weighted open: what is missing; “covered” when the weighted pipeline reaches the target, “met” when the won value did. Chart: █ won, ▒ weighted, │ target.",
                "Gagné : gagné dans la période. Pondéré ouvert : affaires ouvertes dont la conclusion y est prévue (à partir d'aujourd'hui). "
                    + "Écart = objectif − gagné − pondéré ouvert : ce qui manque ; « couvert » quand le pipeline pondéré atteint l'objectif, « atteint » quand la valeur gagnée l'a atteint. Graphique : █ gagné, ▒ pondéré, │ objectif."
            )
        }
        public static func passedNote(_ n: Int, _ amount: String) -> String {
            tr(
                "\(n) open deal\(n == 1 ? "" : "s") with a close date passed (\(amount) weighted) count\(n == 1 ? "s" : "") in no period: update \(n == 1 ? "its date" : "their dates").",
                "\(n) affaire\(n == 1 ? "" : "s") ouverte\(n == 1 ? "" : "s") à la date de conclusion dépassée (\(amount) pondérés) ne compte\(n == 1 ? "" : "nt") dans aucune période : mettez \(n == 1 ? "sa date" : "leurs dates") à jour."
            )
        }
        public static let noTarget = "—"
        /// A past period whose target was reached.
        public static var met: String { tr("met", "atteint") }
        /// A period to come whose won and weighted values reach its target.
        public static var covered: String { tr("covered", "couvert") }
    }
}

extension Strings.Targets {
    public static func convertedLine(_ open: String, _ weighted: String, _ won: String) -> String {
        tr(
            "Converted: open \(open), weighted \(weighted), won \(won)",
            "Converti : ouvert \(open), pondéré \(weighted), gagné \(won)")
    }
    public static func atRates(_ rates: [String]) -> String {
        tr(
            "at the board's rates: " + rates.joined(separator: ", "),
            "aux taux du tableau : " + rates.joined(separator: ", "))
    }
}

extension Strings.Targets {
    public static var helpPeriodKind: String {
        tr(
            "The periods of the forecast against targets: month or quarter (default: `period` in the settings file, else month).",
            "Les périodes des prévisions face aux objectifs : month ou quarter (par défaut : `period` dans le fichier de réglages, sinon month)."
        )
    }
    public static var periodOnlyForecast: String {
        tr("--period is only for the forecast report", "--period ne s'applique qu'au rapport forecast")
    }
}

extension Strings {
    /// `pipedeck boards`, `init --name` and the board switcher.
    public enum Boards {
        public static var abstract: String {
            tr(
                "List the pipelines: the boards in the data folder and those opened before.",
                "Lister les pipelines : les tableaux du dossier de données et ceux ouverts auparavant.")
        }
        public static var discussion: String {
            tr(
                """
                Boards are the *.json files of $XDG_DATA_HOME/pipedeck (else ~/.local/share/pipedeck), and \
                any board opened elsewhere before. `pipedeck init --name "Partners"` creates one there. \
                Without --file, the interactive board opens the last board used (▸); in it, b opens the \
                board switcher.
                """,
                """
                Les tableaux sont les fichiers *.json de $XDG_DATA_HOME/pipedeck (sinon ~/.local/share/pipedeck), et \
                tout tableau ouvert ailleurs auparavant. `pipedeck init --name "Partenaires"` en crée un là. \
                Sans --file, le tableau interactif ouvre le dernier tableau utilisé (▸) ; dans celui-ci, b ouvre le \
                sélecteur de tableaux.
                """)
        }
        public static var colName: String { tr("Board", "Tableau") }
        public static var colOpen: String { tr("Open", "Ouvertes") }
        public static var colValue: String { tr("Value", "Valeur") }
        public static var colWeighted: String { tr("Weighted", "Pondérée") }
        public static var colLastOpened: String { tr("Last opened", "Dernière ouverture") }
        public static var colFile: String { tr("File", "Fichier") }
        public static var unreadable: String { tr("(cannot be read)", "(illisible)") }
        public static var problems: String { tr("Boards that cannot be read:", "Tableaux illisibles :") }
        public static func none(_ folder: String) -> String {
            tr(
                "No boards in \(folder) yet. Create one with: pipedeck init --name \"Partners\"",
                "Aucun tableau dans \(folder) pour l'instant. Créez-en un avec : pipedeck init --name \"Partenaires\"")
        }
    }
}
