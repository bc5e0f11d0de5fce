import PipedeckCore
import PipedeckStorage

/// Sentences about the board's file shared by the command line and the open board: what a
/// merge with changes made elsewhere did.
extension Strings.CLI {
    /// "; changed on both sides, yours was later and is kept: “A”, “B” and 3 more; …" — the parts
    /// of a merge worth saying.
    static func mergeDetails(_ r: MergeReport) -> String {
        func names(_ xs: [String]) -> String {
            let shown = xs.prefix(2).map { tr("“\($0)”", "« \($0) »") }.joined(separator: ", ")
            return xs.count > 2 ? shown + tr(" and \(xs.count - 2) more", " et \(xs.count - 2) de plus") : shown
        }
        var s = ""
        var replaced = r.replacedHere
        let kept = r.conflicts.filter { c in
            guard let i = replaced.firstIndex(of: c) else { return true }
            replaced.remove(at: i)
            return false
        }
        if !kept.isEmpty {
            s +=
                tr(
                    "; changed on both sides, yours was later and is kept: ",
                    " ; modifiées des deux côtés, la vôtre était plus récente et est gardée : ") + names(kept)
        }
        if !r.replacedHere.isEmpty {
            s +=
                tr(
                    "; changed on both sides, the other change was later (yours is in the deal's history): ",
                    " ; modifiées des deux côtés, l'autre modification était plus récente (la vôtre est dans "
                        + "l'historique de l'affaire) : ")
                + names(r.replacedHere)
        }
        if !r.restored.isEmpty {
            s +=
                tr(
                    "; deleted elsewhere, kept because you changed it: ",
                    " ; supprimées ailleurs, gardées parce que vous les avez modifiées : ") + names(r.restored)
        }
        if !r.keptEdited.isEmpty {
            s +=
                tr("; changed elsewhere, so not deleted: ", " ; modifiées ailleurs, donc pas supprimées : ")
                + names(r.keptEdited)
        }
        if !r.rehomed.isEmpty {
            s +=
                tr(
                    "; their stage was deleted elsewhere, moved: ",
                    " ; leur étape a été supprimée ailleurs, déplacées : ") + names(r.rehomed)
        }
        if !r.stageConflicts.isEmpty {
            s +=
                tr("; stages changed on both sides: ", " ; étapes modifiées des deux côtés : ")
                + names(r.stageConflicts)
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
