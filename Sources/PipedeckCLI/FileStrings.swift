import PipedeckCore
import PipedeckStorage

/// Sentences about the board's file shared by the command line and the open board: what a
/// merge with changes made elsewhere did.
extension Strings.CLI {
    /// "; changed in both, yours kept: “A”, “B” and 3 more; …" — the parts of a merge worth saying.
    static func mergeDetails(_ r: MergeReport) -> String {
        func names(_ xs: [String]) -> String {
            let shown = xs.prefix(2).map { tr("“\($0)”", "« \($0) »") }.joined(separator: ", ")
            return xs.count > 2 ? shown + tr(" and \(xs.count - 2) more", " et \(xs.count - 2) de plus") : shown
        }
        var s = ""
        if !r.conflicts.isEmpty {
            s +=
                tr("; changed in both, yours kept: ", " ; modifiées des deux côtés, les vôtres gardées : ")
                + names(r.conflicts)
        }
        if !r.dropped.isEmpty {
            s +=
                tr(
                    "; deleted elsewhere, your change dropped: ",
                    " ; supprimées ailleurs, votre modification abandonnée : ")
                + names(r.dropped)
        }
        if !r.keptEdited.isEmpty {
            s +=
                tr("; changed elsewhere, so not deleted: ", " ; modifiées ailleurs, donc pas supprimées : ")
                + names(r.keptEdited)
        }
        if !r.rehomed.isEmpty {
            s +=
                tr("; stage gone, put in the first stage: ", " ; étape disparue, mises dans la première étape : ")
                + names(r.rehomed)
        }
        return s
    }

    static func importMerged(_ r: MergeReport) -> String {
        tr(
            "The board changed on disk during the import: the imported deals were merged into it",
            "Le tableau a changé sur le disque pendant l'import : les affaires importées y ont été fusionnées")
            + mergeDetails(r) + "."
    }
}
