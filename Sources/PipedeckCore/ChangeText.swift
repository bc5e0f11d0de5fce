/// Words for what changed in a deal: a field's name and value as a salesperson reads them, and
/// the notes a merge writes into a deal's history ("conflict: value 40 000 € (Camille) replaced
/// by 42 000 € (Julien)"). Used by the details screen, `pipedeck show`, `sync` and `team log`.
extension Strings {
    public enum Changes {
        /// A field of the board file ("expectedClose") as people say it ("close date").
        public static func fieldName(_ key: String) -> String {
            let names: [String: String] = [
                "title": tr("title", "titre"), "company": tr("company", "entreprise"),
                "contact": tr("contact", "contact"), "value": tr("value", "valeur"),
                "currency": tr("currency", "devise"), "stage": tr("stage", "étape"),
                "probability": tr("probability", "probabilité"), "status": tr("status", "statut"),
                "lostReason": tr("lost reason", "motif de perte"), "owner": tr("owner", "commercial"),
                "source": tr("source", "source"), "tags": tr("tags", "étiquettes"),
                "expectedClose": tr("close date", "date de conclusion"),
                "nextAction": tr("next action", "prochaine action"),
                "qualification": tr("qualification", "qualification"), "notes": tr("notes", "notes"),
                "nps": tr("recommendation score", "note de recommandation"),
                "importKey": tr("import key", "clé d'import"),
                "activities": tr("activities", "activités"), "phone": tr("phone", "téléphone"),
                "email": tr("email", "e-mail"),
            ]
            // A field of one of the deal's activities: "activities.due" → "activity date".
            if key.hasPrefix("activities.") { // not shown
                let sub = String(key.dropFirst("activities.".count)) // not shown
                let parts = [
                    "due": tr("date", "date"), "doneAt": tr("done at", "faite le"),
                    "createdAt": tr("creation", "création"),
                ]
                return tr("activity ", "activité : ") + (parts[sub] ?? sub)
            }
            return names[key] ?? key
        }

        public static var nothing: String { tr("nothing", "rien") }
        public static var someone: String { tr("someone", "quelqu'un") }

        /// A value of field `key` of `deal`, as the file wrote it, in words: "42 000 €", "Proposal".
        public static func value(_ v: JSONValue?, field key: String, deal: Deal, board: Board, locale: String?)
            -> String
        {
            guard let v else { return nothing }
            switch (key, v) {
            case ("value", .number(let text)): // not shown
                guard let m = Money.parse(text) else { return text }
                return MoneyFormatter(currency: board.currency(of: deal), locale: locale).string(m)
            case ("stage", .string(let id)): return board.stage(id)?.name ?? id // not shown
            case ("status", .string(let s)): return DealStatus(rawValue: s).map(Strings.status) ?? s // not shown
            case ("probability", .number(let p)): // not shown
                return tr(p + " %", French.number(p, grouped: false) + " %")
            case ("nextAction", .object(let o)): // not shown
                var s = plain(o["text"] ?? .null) // not shown
                if case .string(let due)? = o["due"] { s += " (" + due + ")" } // not shown
                if case .bool(true)? = o["done"] { s += " ✓" } // not shown
                return s
            case ("qualification", .object(let o)): // not shown
                let yes = ["budget", "authority", "need", "timeline"].filter { o[$0] == .bool(true) }.count // not shown
                return tr("BANT \(yes)/4", "BANT \(yes)/4")
            case (_, .array(let a)): return a.map(plain).joined(separator: ", ")
            default: return plain(v)
            }
        }

        /// A value without quotes; a long text cut to 40 characters.
        static func plain(_ v: JSONValue) -> String {
            switch v {
            case .null: return nothing
            case .bool(let b): return b ? tr("yes", "oui") : tr("no", "non")
            case .number(let n): return n
            case .string(let s):
                let line = s.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                return line.count > 40 || line.count < s.count ? String(line.prefix(40)) + "…" : line
            case .array(let a): return a.map(plain).joined(separator: ", ")
            case .object(let o): return o.keys.sorted().map { "\($0): " + plain(o[$0]!) }.joined(separator: ", ")
            }
        }

        /// "conflict: value 40 000 € (Camille) replaced by 42 000 € (Julien)";
        /// "kept: deleted on one side while Julien changed it".
        public static func note(_ n: MergeNote, deal: Deal, board: Board, locale: String?) -> String {
            switch n.kind {
            case .conflict:
                let field = n.field ?? ""
                func side(_ v: JSONValue?, _ who: String?) -> String {
                    let text = value(v, field: field, deal: deal, board: board, locale: locale)
                    guard let who, !who.isEmpty, n.keptBy != n.lostBy else { return text }
                    return text + " (" + who + ")"
                }
                return tr(
                    "conflict: \(fieldName(field)) \(side(n.lost, n.lostBy)) replaced by \(side(n.kept, n.keptBy))",
                    "conflit : \(fieldName(field)) \(side(n.lost, n.lostBy)) remplacé par \(side(n.kept, n.keptBy))")
            case .keptEdited:
                if let who = n.keptBy, !who.isEmpty {
                    return tr(
                        "kept: deleted on one side while \(who) changed it",
                        "gardée : supprimée d'un côté pendant que \(who) la modifiait")
                }
                return tr(
                    "kept: deleted on one side while changed on the other",
                    "gardée : supprimée d'un côté pendant qu'elle était modifiée de l'autre")
            }
        }
    }
}
