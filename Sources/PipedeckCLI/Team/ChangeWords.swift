import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage

/// Changes to a board in a salesperson's words: short phrases for a commit's subject ("Move ERP
/// integration → Proposal", "Won Loyalty app", "Add Audit RGPD") and a line per deal for `sync`
/// and `team log` ("ERP integration: Qualification → Proposal, value 40 000 → 42 000 €").
struct ChangeWords {
    /// The board the changes lead to (stage names, currencies).
    var board: Board
    var locale: String?

    init(board: Board, locale: String? = CLIEnvironment.locale) {
        self.board = board
        self.locale = board.settings.locale ?? locale
    }

    func title(_ c: DealChange) -> String { TextWidth.sanitize(c.title) }

    func stageName(_ id: String?) -> String {
        guard let id else { return "" }
        return TextWidth.sanitize(board.stage(id)?.name ?? id)
    }

    // MARK: Short phrases

    /// One phrase per change, deals first.
    func phrases(_ changes: BoardChanges) -> [String] {
        var out = changes.deals.compactMap(phrase)
        for s in changes.stages {
            let name = TextWidth.sanitize(s.name)
            switch s.kind {
            case .added: out.append("Add stage \(name)")
            case .removed: out.append("Remove stage \(name)")
            case .renamed: out.append("Rename stage \(TextWidth.sanitize(s.oldName ?? "")) → \(name)")
            case .changed: out.append("Change stage \(name)")
            case .reordered: out.append("Reorder stages")
            }
        }
        if let n = changes.renamedTo { out.append("Rename the board → \(TextWidth.sanitize(n))") }
        if changes.settingsChanged { out.append("Change the board's settings") }
        return out
    }

    func phrase(_ c: DealChange) -> String? {
        let t = title(c)
        switch c.kind {
        case .added: return "Add \(t)"
        case .deleted: return "Delete \(t)"
        case .changed: break
        }
        if let s = c.field("status"), case .string(let to)? = s.after {
            switch to {
            case "won": return "Won \(t)"
            case "lost": return "Lost \(t)"
            default: return "Reopen \(t)"
            }
        }
        if c.field("stage") != nil { return "Move \(t) → \(stageName(c.deal.stage))" }
        let fields = c.fields.map(\.field).filter { $0 != "rank" }
        if fields == ["activities"], let f = c.field("activities") { return activityPhrase(f, title: t) }
        if fields.isEmpty { return c.field("rank") != nil ? "Reorder \(t)" : nil }
        let names = fields.prefix(3).map(Strings.Changes.fieldName).joined(separator: ", ")
        return "Edit \(t) (\(names)\(fields.count > 3 ? ", …" : ""))"
    }

    // MARK: Lines

    /// "ERP integration: Qualification → Proposal, value 40 000 → 42 000 €".
    func line(_ c: DealChange) -> String { title(c) + ": " + parts(c).joined(separator: ", ") }

    func parts(_ c: DealChange) -> [String] {
        switch c.kind {
        case .added:
            return ["added in \(stageName(c.deal.stage)), " + money(c.deal.value, c.deal)]
        case .deleted:
            return ["deleted"]
        case .changed:
            break
        }
        var out: [String] = []
        if c.field("stage") != nil { out.append("\(stageName(c.previousStage)) → \(stageName(c.deal.stage))") }
        if let s = c.field("status"), case .string(let to)? = s.after {
            switch to {
            case "won": out.append("won")
            case "lost": out.append(c.deal.lostReason.map { "lost (\(TextWidth.sanitize($0)))" } ?? "lost")
            default: out.append("reopened")
            }
        }
        for f in c.fields {
            switch f.field {
            case "stage", "status", "rank": continue
            case "lostReason" where c.field("status") != nil: continue
            case "value": out.append("value " + valueChange(f, c.deal))
            case "notes": out.append("notes " + (f.after == nil ? "removed" : "changed"))
            case "activities": out += activityParts(f)
            default:
                let before = Strings.Changes.value(f.before, field: f.field, deal: c.deal, board: board, locale: locale)
                let after = Strings.Changes.value(f.after, field: f.field, deal: c.deal, board: board, locale: locale)
                out.append(TextWidth.sanitize("\(Strings.Changes.fieldName(f.field)) \(before) → \(after)"))
            }
        }
        if out.isEmpty && c.field("rank") != nil { out.append("moved within its column") }
        for n in c.notes {
            out.append(TextWidth.sanitize(Strings.Changes.note(n, deal: c.deal, board: board, locale: locale)))
        }
        return out
    }

    func money(_ m: Money, _ d: Deal) -> String {
        MoneyFormatter(currency: board.currency(of: d), locale: locale).string(m)
    }

    /// "40 000 → 42 000 €" (the symbol once when it comes after the number), "€40,000 → €42,000".
    func valueChange(_ f: FieldChange, _ d: Deal) -> String {
        var fmt = MoneyFormatter(currency: board.currency(of: d), locale: locale)
        let after = Strings.Changes.value(f.after, field: "value", deal: d, board: board, locale: locale)
        guard case .number(let text)? = f.before, let old = Money.parse(text) else {
            return Strings.Changes.nothing + " → " + after
        }
        if !fmt.symbolFirst {
            fmt.symbol = ""
            fmt.symbolSpace = false
        }
        return fmt.string(old) + " → " + after
    }

    /// A stage change for `team log`: "stages: added Review".
    func stageLine(_ s: StageChange) -> String {
        let name = TextWidth.sanitize(s.name)
        switch s.kind {
        case .added: return "added \(name)"
        case .removed: return "removed \(name)"
        case .renamed: return "renamed \(TextWidth.sanitize(s.oldName ?? "")) → \(name)"
        case .changed: return "changed \(name)"
        case .reordered: return "reordered"
        }
    }

    /// The whole message of a commit: the subject, then one line per change.
    func commitMessage(_ changes: BoardChanges) -> (subject: String, body: String) {
        let subject = Strings.Team.subject(phrases(changes))
        var body = changes.deals.map { "- " + line($0) }
        body += changes.stages.map { "- " + Strings.Team.stagesLabel + ": " + stageLine($0) }
        if let n = changes.renamedTo { body.append("- " + Strings.Team.boardLabel + ": “\(TextWidth.sanitize(n))”") }
        return (subject, body.joined(separator: "\n"))
    }

    /// A change as JSON for `sync --json` and `team log --json`.
    func json(_ c: DealChange) -> JSONOut {
        .object([
            ("id", .string(c.id)), ("title", .string(c.title)), ("kind", .string(c.kind.rawValue)),
            ("text", .string(line(c))),
            (
                "fields",
                .array(
                    c.fields.map { f in
                        .object([
                            ("field", .string(f.field)), ("before", f.before.map(JSONOut.init) ?? .null),
                            ("after", f.after.map(JSONOut.init) ?? .null),
                        ])
                    })
            ),
            (
                "conflicts",
                .array(
                    c.notes.map { .string(Strings.Changes.note($0, deal: c.deal, board: board, locale: locale)) })
            ),
        ])
    }
}
