/// The reports' wording: titles, table headings, labels and the one-line explanations, shared by
/// the reports screen and `pipedeck report` / `pipedeck nps`.
extension Strings {
    public enum Reports {
        // MARK: Titles (the screen's tabs, the headings of the command's output)

        public static func title(_ k: ReportKind) -> String {
            switch k {
            case .forecast: return tr("Forecast", "Prévisions")
            case .funnel: return tr("Funnel", "Entonnoir")
            case .velocity: return tr("Velocity", "Vélocité")
            case .sources: return tr("Sources", "Sources")
            case .owners: return tr("Owners", "Commerciaux")
            case .lost: return tr("Lost reasons", "Motifs de perte")
            case .nps: return tr("Customer follow-up", "Suivi client")
            }
        }

        /// The tab's name where the full one does not fit.
        public static func shortTitle(_ k: ReportKind) -> String {
            switch k {
            case .lost: return tr("Lost", "Pertes")
            case .nps: return tr("Follow-up", "Suivi")
            default: return title(k)
            }
        }

        /// "Forecast — Demo pipeline (EUR), 2026-11-30" plus the filter, if any.
        public static func heading(_ k: ReportKind, board: String, currency: String, today: Day, owner: String?)
            -> String
        {
            tr(
                "\(title(k)) — \(board) (\(currency)), \(today)" + (owner.map { ", owner: \($0)" } ?? ""),
                "\(title(k)) — \(board) (\(currency)), \(today)" + (owner.map { ", commercial : \($0)" } ?? ""))
        }

        // MARK: Common

        public static var none: String { tr("(none)", "(aucun)") }
        public static var total: String { tr("Total", "Total") }
        public static let undefined = "—"
        public static func percent(_ r: Ratio) -> String {
            r.percentText.map { tr($0 + "%", French.number($0, grouped: false) + " %") } ?? undefined
        }
        /// "62.5% (5/8)"
        public static func rate(_ r: Ratio) -> String {
            r.isDefined ? "\(percent(r)) (\(r.part)/\(r.whole))" : undefined
        }
        public static func days(tenths: Int?) -> String {
            tenths.map { tr(DayStats.text(tenths: $0), French.number(DayStats.text(tenths: $0), grouped: false)) }
                ?? undefined
        }
        public static var monthNames: [String] {
            [
                tr("Jan", "janv."), tr("Feb", "févr."), tr("Mar", "mars"), tr("Apr", "avr."), tr("May", "mai"),
                tr("Jun", "juin"), tr("Jul", "juil."), tr("Aug", "août"), tr("Sep", "sept."), tr("Oct", "oct."),
                tr("Nov", "nov."), tr("Dec", "déc."),
            ]
        }
        /// "Nov 2026"
        public static func month(_ m: CalendarMonth) -> String {
            tr("\(monthNames[m.month - 1]) \(m.year)", "\(monthNames[m.month - 1]) \(m.year)")
        }
        public static func name(_ n: String?) -> String { n ?? none }
        public static func barsIn(_ currency: String) -> String {
            tr(
                "Amounts in other currencies are shown apart, never converted; the bars show \(currency) only.",
                "Les montants dans d'autres devises sont présentés à part, jamais convertis ; les barres ne montrent que \(currency)."
            )
        }

        // MARK: 1. Forecast

        public static func bucket(_ b: ForecastReport.Bucket) -> String {
            switch b {
            case .passed: return tr("Close date passed", "Date de conclusion dépassée")
            case .month(let m): return month(m)
            case .later: return tr("Later", "Plus tard")
            case .noDate: return tr("No date", "Sans date")
            }
        }
        public static var colExpectedClose: String { tr("EXPECTED CLOSE", "CONCLUSION PRÉVUE") }
        public static var colWonIn: String { tr("WON IN", "GAGNÉ EN") }
        public static var colDeals: String { tr("DEALS", "AFFAIRES") }
        public static var colValue: String { tr("VALUE", "VALEUR") }
        public static var colWeighted: String { tr("WEIGHTED", "PONDÉRÉE") }
        public static var forecastOpenTitle: String {
            tr("Open deals by expected close month", "Affaires ouvertes par mois de conclusion prévu")
        }
        public static func forecastWonTitle(_ months: Int) -> String {
            tr(
                months == 1 ? "Won this month" : "Won in the last \(months) months (this one included)",
                months == 1 ? "Gagnées ce mois-ci" : "Gagnées sur les \(months) derniers mois (celui-ci compris)")
        }
        public static var forecastExplained: String {
            tr(
                """
                Weighted = value × probability (the deal's own, else its stage's).
                "Close date passed": open deals whose expected close is before today.
                Won deals count in the month of their last win (UTC).
                """,
                """
                Pondérée = valeur × probabilité (celle de l'affaire, sinon celle de son étape).
                « Date de conclusion dépassée » : affaires ouvertes dont la conclusion prévue est avant aujourd'hui.
                Les affaires gagnées comptent dans le mois de leur dernière victoire (UTC).
                """)
        }

        // MARK: 2. Funnel

        public static var colStage: String { tr("STAGE", "ÉTAPE") }
        public static var colReached: String { tr("REACHED", "ATTEINTE") }
        public static var colWentOn: String { tr("WENT ON", "PASSÉES") }
        public static var colConversion: String { tr("CONVERSION", "CONVERSION") }
        public static var colOpenNow: String { tr("OPEN NOW", "OUVERTES") }
        public static var colLostHere: String { tr("LOST HERE", "PERDUES ICI") }
        public static var bottleneckMark: String { tr("◀ bottleneck", "◀ goulot") }
        public static var bottleneckMarkASCII: String { tr("< bottleneck", "< goulot") }
        public static func winRate(_ f: FunnelReport) -> String {
            guard f.winRate.isDefined else {
                return tr(
                    "Win rate: no deal closed yet (\(Strings.deals(f.open)) open).",
                    "Taux de succès : aucune affaire conclue pour l'instant (\(Strings.deals(f.open)) ouvertes).")
            }
            return tr(
                "Win rate: \(percent(f.winRate)) of closed deals (\(f.won) won, \(f.lost) lost); "
                    + "\(percent(f.wonOfAll)) of all \(f.dealCount) deals (\(f.open) still open).",
                "Taux de succès : \(percent(f.winRate)) des affaires conclues (\(f.won) gagnées, \(f.lost) perdues) ; "
                    + "\(percent(f.wonOfAll)) de toutes les \(f.dealCount) affaires (\(f.open) encore ouvertes).")
        }
        public static func bottleneck(_ from: String, _ to: String, _ r: Ratio) -> String {
            tr(
                "Bottleneck: \(from) → \(to), only \(percent(r)) of the deals that reached \(from) went on.",
                "Goulot d'étranglement : \(from) → \(to), seules \(percent(r)) des affaires arrivées en \(from) sont passées à la suite."
            )
        }
        public static var noBottleneck: String {
            tr(
                "Bottleneck: none yet (no stage with deals and a next stage).",
                "Goulot d'étranglement : aucun pour l'instant (aucune étape avec des affaires et une étape suivante).")
        }
        public static var funnelExplained: String {
            tr(
                """
                Reached: deals whose history entered the stage (stages skipped forward count as passed).
                Conversion = went on to the next stage / reached; the deals open in a stage may still go on.
                """,
                """
                Atteinte : affaires dont l'historique est entré dans l'étape (une étape sautée vers l'avant compte comme passée).
                Conversion = passées à l'étape suivante / atteinte ; les affaires ouvertes dans une étape peuvent encore avancer.
                """)
        }

        // MARK: 3. Velocity

        public static var colAverageDays: String { tr("AVG DAYS", "JOURS MOY.") }
        public static var colMedianDays: String { tr("MEDIAN DAYS", "JOURS MÉD.") }
        public static var colStale: String { tr("STALE", "SANS ACTIVITÉ") }
        public static func salesCycle(_ s: DayStats) -> String {
            s.isEmpty
                ? tr(
                    "Sales cycle of won deals: no won deals.",
                    "Cycle de vente des affaires gagnées : aucune affaire gagnée.")
                : tr(
                    "Sales cycle of won deals (creation to win): average \(days(tenths: s.averageTenths)) days, "
                        + "median \(days(tenths: s.medianTenths)) days, over \(Strings.deals(s.count)).",
                    "Cycle de vente des affaires gagnées (de la création à la victoire) : "
                        + "moyenne \(days(tenths: s.averageTenths)) jours, "
                        + "médiane \(days(tenths: s.medianTenths)) jours, sur \(Strings.deals(s.count)).")
        }
        public static func staleTotal(_ stale: Int, _ open: Int) -> String {
            tr(
                "Stale deals (unchanged for longer than their stage allows): \(stale) of \(open) open.",
                "Affaires sans activité (inchangées plus longtemps que leur étape ne le permet) : \(stale) sur \(open) ouvertes."
            )
        }
        public static var velocityExplained: String {
            tr(
                """
                Days in a stage: calendar days (UTC) from entering it to leaving it, all stays added up,
                until today for the open deals; one sample per deal that entered the stage.
                """,
                """
                Jours dans une étape : jours calendaires (UTC) de l'entrée à la sortie, tous les séjours additionnés,
                jusqu'à aujourd'hui pour les affaires ouvertes ; un échantillon par affaire entrée dans l'étape.
                """)
        }

        // MARK: 4–5. Sources and owners

        public static var colSource: String { tr("SOURCE", "SOURCE") }
        public static var colOwner: String { tr("OWNER", "COMMERCIAL") }
        public static var colOpenDeals: String { tr("OPEN DEALS", "OUVERTES") }
        public static var colOpenValue: String { tr("OPEN VALUE", "VALEUR OUVERTE") }
        public static var colWonValue: String { tr("WON VALUE", "VALEUR GAGNÉE") }
        public static var colWinRate: String { tr("WIN RATE", "TAUX DE SUCCÈS") }
        public static var colOverdue: String { tr("OVERDUE", "EN RETARD") }
        public static var sourcesExplained: String {
            tr(
                "Win rate = won / (won + lost). Open value and weighted value count open deals only.",
                "Taux de succès = gagnées / (gagnées + perdues). Les valeurs ouverte et pondérée ne comptent que les affaires ouvertes."
            )
        }
        public static var winRateBars: String {
            tr(
                "The (WIN RATE) bars draw the win rate: a full bar is 100%.",
                "Les barres (TAUX DE SUCCÈS) dessinent le taux de succès : une barre pleine vaut 100 %.")
        }
        public static var ownersExplained: String {
            tr(
                """
                Weighted = Σ value × probability of the owner's open deals. Win rate = won / (won + lost).
                Overdue: open deals whose next action was due before today.
                """,
                """
                Pondérée = Σ valeur × probabilité des affaires ouvertes du commercial. Taux de succès = gagnées / (gagnées + perdues).
                En retard : affaires ouvertes dont la prochaine action était due avant aujourd'hui.
                """)
        }

        // MARK: 6. Lost reasons

        public static var colReason: String { tr("REASON", "MOTIF") }
        public static var colShare: String { tr("SHARE", "PART") }
        public static var lostExplained: String {
            tr(
                "Share = deals lost for the reason / all lost deals. Value: the lost deals' values.",
                "Part = affaires perdues pour ce motif / toutes les affaires perdues. Valeur : celle des affaires perdues."
            )
        }

        // MARK: 7. Customer follow-up

        public static var colCategory: String { tr("ANSWER", "RÉPONSE") }
        public static var colAnswers: String { tr("CUSTOMERS", "CLIENTS") }
        public static var colScore: String { tr("SCORE", "NOTE") }
        public static var colID: String { tr("ID", "ID") }
        public static var colTitle: String { tr("TITLE", "TITRE") }
        public static var colCompany: String { tr("COMPANY", "ENTREPRISE") }
        public static func category(_ c: NPSReport.Category) -> String {
            switch c {
            case .promoter: return tr("Promoters (9–10)", "Promoteurs (9–10)")
            case .passive: return tr("Passives (7–8)", "Passifs (7–8)")
            case .detractor: return tr("Detractors (0–6)", "Détracteurs (0–6)")
            }
        }
        public static var question: String {
            tr(
                "How likely are you to recommend us? (0–10)",
                "Quelle est la probabilité que vous nous recommandiez ? (0–10)")
        }
        public static func answered(_ n: NPSReport) -> String {
            tr(
                "\"\(question)\": answers from \(n.answers) of the \(n.wonDeals) won deals.",
                "« \(question) » : réponses de \(n.answers) des \(n.wonDeals) affaires gagnées.")
        }
        public static func npsLine(_ n: NPSReport) -> String {
            guard let s = n.score else { return tr("NPS: no answers yet.", "NPS : aucune réponse pour l'instant.") }
            return tr(
                "NPS = \(percent(n.rows[0].share)) promoters − \(percent(n.rows[2].share)) detractors = \(s)",
                "NPS = \(percent(n.rows[0].share)) de promoteurs − \(percent(n.rows[2].share)) de détracteurs = \(s)")
        }
        public static var promotersTitle: String {
            tr(
                "Promoters — candidates for referrals and further sales",
                "Promoteurs — candidats aux recommandations et aux ventes additionnelles")
        }
        public static var noPromoters: String { tr("No promoters yet.", "Aucun promoteur pour l'instant.") }
        public static var unansweredTitle: String {
            tr("No answer yet — customers to ask", "Pas encore de réponse — clients à interroger")
        }
        public static var npsExplained: String {
            tr(
                "Record an answer with: pipedeck nps ID SCORE (0–10).",
                "Enregistrez une réponse avec : pipedeck nps ID NOTE (0–10).")
        }

        // MARK: Command line

        public static var reportAbstract: String {
            tr(
                "Print a report: forecast, funnel, velocity, sources, owners, lost or nps.",
                "Afficher un rapport : forecast, funnel, velocity, sources, owners, lost ou nps.")
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
                Chaque formule est expliquée dans docs/reports.md.
                """)
        }
        public static var helpReport: String {
            tr(
                "Which report: forecast, funnel, velocity, sources, owners, lost or nps.",
                "Quel rapport : forecast, funnel, velocity, sources, owners, lost ou nps.")
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
}
