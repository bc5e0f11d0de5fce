/// Words for what changed in a deal: a field's name and value as a salesperson reads them, and
/// the notes a merge writes into a deal's history ("conflict: value 40 000 € (Camille) replaced
/// by 42 000 € (Julien)"). Used by the details screen, `pipedeck show`, `sync` and `team log`.
extension Strings {
    public enum Changes {
        /// A field of the board file ("expectedClose") as people say it ("close date").
        public static func fieldName(_ key: String) -> String {
            let names: [String: String] = [
                "title": "title", "company": "company", "contact": "contact", "value": "value",
                "currency": "currency", "stage": "stage", "probability": "probability", "status": "status",
                "lostReason": "lost reason", "owner": "owner", "source": "source", "tags": "tags",
                "expectedClose": "close date", "nextAction": "next action", "qualification": "qualification",
                "notes": "notes", "nps": "recommendation score", "importKey": "import key",
                "activities": "activities", "phone": "phone", "email": "email",
            ]
            // A field of one of the deal's activities: "activities.due" → "activity date".
            if key.hasPrefix("activities.") {
                let sub = String(key.dropFirst("activities.".count))
                let parts = ["due": "date", "doneAt": "done at", "createdAt": "creation"]
                return "activity " + (parts[sub] ?? sub)
            }
            return names[key] ?? key
        }

        public static let nothing = "nothing"
        public static let someone = "someone"

        /// A value of field `key` of `deal`, as the file wrote it, in words: "42 000 €", "Proposal".
        public static func value(_ v: JSONValue?, field key: String, deal: Deal, board: Board, locale: String?)
            -> String
        {
            guard let v else { return nothing }
            switch (key, v) {
            case ("value", .number(let text)):
                guard let m = Money.parse(text) else { return text }
                return MoneyFormatter(currency: board.currency(of: deal), locale: locale).string(m)
            case ("stage", .string(let id)): return board.stage(id)?.name ?? id
            case ("status", .string(let s)): return DealStatus(rawValue: s).map(Strings.status) ?? s
            case ("probability", .number(let p)): return p + " %"
            case ("nextAction", .object(let o)):
                var s = plain(o["text"] ?? .null)
                if case .string(let due)? = o["due"] { s += " (" + due + ")" }
                if case .bool(true)? = o["done"] { s += " ✓" }
                return s
            case ("qualification", .object(let o)):
                let yes = ["budget", "authority", "need", "timeline"].filter { o[$0] == .bool(true) }.count
                return "BANT \(yes)/4"
            case (_, .array(let a)): return a.map(plain).joined(separator: ", ")
            default: return plain(v)
            }
        }

        /// A value without quotes; a long text cut to 40 characters.
        static func plain(_ v: JSONValue) -> String {
            switch v {
            case .null: return nothing
            case .bool(let b): return b ? "yes" : "no"
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
                return "conflict: \(fieldName(field)) \(side(n.lost, n.lostBy)) replaced by \(side(n.kept, n.keptBy))"
            case .keptEdited:
                if let who = n.keptBy, !who.isEmpty { return "kept: deleted on one side while \(who) changed it" }
                return "kept: deleted on one side while changed on the other"
            }
        }
    }
}
