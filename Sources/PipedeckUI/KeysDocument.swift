/// The key reference as Markdown, generated from the same tables the screens dispatch through.
/// `docs/keys.md` is this text; a test keeps the two identical.
extension Bindings {
    public static func markdown() -> String {
        var out = "# Keys\n\n"
        out +=
            "Generated from the key tables in `Sources/PipedeckUI/` (`BoardBindings.swift`, `DealScreenBindings.swift`, `FormBindings.swift`, `ViewScreenBindings.swift`): each screen dispatches its keys through its table, and its `?` help and key hints come from the same records.\n"
        for sheet in sheets {
            out += "\n## \(sheet.title)\n\n\(sheet.about)\n"
            if !sheet.hints.isEmpty {
                out += "\nKey hints: " + sheet.hints.map { "`\($0.text)`" }.joined(separator: " · ") + "\n"
            }
            var group: String? = nil
            for line in sheet.lines {
                if line.group != group {
                    group = line.group
                    if !line.group.isEmpty { out += "\n### \(line.group)\n" }
                    out += "\n| keys | action |\n|---|---|\n"
                }
                let keys = (line.keys.map { "`\($0)`" } + (line.keyClass.map { ["*\($0)*"] } ?? [])).joined(
                    separator: " ")
                out += "| \(keys) | \(line.description) |\n"
            }
        }
        out += "\n## Mouse\n\n"
        out += "- Click a card to select it; click a column to focus it.\n"
        out += "- Press on a card and release over another column to move the deal there.\n"
        out += "- The wheel moves the selection in the column under the pointer.\n"
        out += "- A click closes the help.\n"
        out += "\n`S-` is Shift, `Ctrl-` is Control.\n"
        return out
    }
}
