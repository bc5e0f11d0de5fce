/// The key reference as Markdown, generated from the same table the event loop dispatches
/// through. `docs/keys.md` is this text; a test keeps the two identical.
extension Bindings {
    public static func markdown() -> String {
        var out = "# Keys\n\n"
        out +=
            "Generated from the key table (`Sources/PipedeckUI/Bindings.swift`); the `?` help screen and the footer hints come from the same records.\n"
        var group = ""
        for b in board {
            if b.group != group {
                group = b.group
                out += "\n## \(group)\n\n| keys | action |\n|---|---|\n"
            }
            let keys = b.keys.map { "`\($0.label)`" }.joined(separator: " ")
            out += "| \(keys) | \(b.description) |\n"
        }
        out += "\n## Forms and dialogs\n\n| keys | action |\n|---|---|\n"
        for (k, d) in formKeys { out += "| `\(k)` | \(d) |\n" }
        out += "\n## Mouse\n\n"
        out += "- Click a card to select it; click a column to focus it.\n"
        out += "- Press on a card and release over another column to move the deal there.\n"
        out += "- The wheel moves the selection in the column under the pointer.\n"
        out +=
            "\n`S-` is Shift. In the move dialog (`m`), a stage is chosen by its number or by the first letter of its name.\n"
        return out
    }
}
