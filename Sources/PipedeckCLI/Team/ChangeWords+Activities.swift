import PipedeckCore
import PipedeckRender
import PipedeckStorage

/// A deal's activities in the words of a commit and of `team log`: "planned call “Call back”
/// (2026-12-12)", "logged meeting “Demo”", "done: task “Send the quote”", compared by id.
extension ChangeWords {
    /// What the file says of one activity, enough to name it.
    struct ActivityGist: Equatable {
        var type: String
        var subject: String
        var due: String?
        var done: Bool
        var whole: JSONValue

        init?(_ v: JSONValue) {
            guard case .object(let o) = v, case .string? = o["id"] else { return nil }
            if case .string(let t)? = o["type"] { type = t } else { type = "task" }
            if case .string(let s)? = o["subject"] { subject = s } else { subject = "" }
            if case .string(let d)? = o["due"] { due = d } else { due = nil }
            done = o["done"] == .bool(true)
            whole = v
        }

        var typeName: String { ActivityType(rawValue: type).map(Strings.activityType) ?? type }
        var named: String { typeName.lowercased() + " “" + TextWidth.sanitize(subject) + "”" }
    }

    /// The activities of a list in the file, by id, in order.
    static func gists(_ v: JSONValue?) -> [(id: String, gist: ActivityGist)] {
        guard case .array(let a)? = v else { return [] }
        return a.compactMap { item in
            guard let g = ActivityGist(item), case .object(let o) = item, case .string(let id)? = o["id"] else {
                return nil
            }
            return (id, g)
        }
    }

    /// One phrase per activity added, done, changed or removed.
    func activityParts(_ f: FieldChange) -> [String] {
        let before = ChangeWords.gists(f.before), after = ChangeWords.gists(f.after)
        var old: [String: ActivityGist] = [:]
        for (id, g) in before { old[id] = g }
        var out: [String] = []
        for (id, g) in after {
            guard let was = old.removeValue(forKey: id) else {
                out.append(g.done ? "logged \(g.named)" : "planned \(g.named)" + (g.due.map { " (\($0))" } ?? ""))
                continue
            }
            if g.done && !was.done {
                out.append("done: \(g.named)")
            } else if g.whole != was.whole {
                out.append("changed \(g.named)")
            }
        }
        for (id, g) in before where old[id] != nil { out.append("removed \(g.named)") }
        return out
    }

    /// A commit's phrase when only the activities of a deal changed: "Plan call for Loyalty app".
    func activityPhrase(_ f: FieldChange, title t: String) -> String? {
        guard let first = activityParts(f).first else { return nil }
        let gist = first.split(separator: "“").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        if first.hasPrefix("planned ") { return "Plan \(gist.dropFirst("planned ".count)) for \(t)" }
        if first.hasPrefix("logged ") { return "Log \(gist.dropFirst("logged ".count)) on \(t)" }
        if first.hasPrefix("done: ") { return "Done \(gist.dropFirst("done: ".count)) for \(t)" }
        return "Edit \(t) (activities)"
    }
}
