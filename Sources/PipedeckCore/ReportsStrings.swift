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
            case .activities: return tr("Activities", "Activités")
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
        /// Under a report whose totals hold converted amounts: "≈: … at 1 USD = 0.92 EUR".
        public static func convertedNote(_ approx: String, _ rates: [String]) -> String {
            let list = rates.joined(separator: ", ")
            return tr(
                "\(approx): amounts in other currencies converted at the board's rates (\(list)); the deals keep their own.",
                "\(approx) : montants en autres devises convertis aux taux du tableau (\(list)) ; "
                    + "les affaires gardent la leur.")
        }
        public static var apartNote: String {
            tr(
                "Currencies without a rate are shown apart, never converted, and left out of the bars.",
                "Les devises sans taux sont montrées à part, jamais converties, et hors des barres.")
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
    }
}
