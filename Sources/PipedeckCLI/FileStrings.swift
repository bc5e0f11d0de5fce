import PipedeckCore
import PipedeckStorage

/// Sentences about the board's file shared by the command line and the open board: what a
/// merge with changes made elsewhere did.
extension Strings.CLI {
    /// "; changed on both sides, yours was later and is kept: “A”, “B” and 3 more; …" — the parts
    /// of a merge worth saying.
    static func mergeDetails(_ r: MergeReport) -> String {
        func names(_ xs: [String]) -> String {
            let shown = xs.prefix(2).map { "“\($0)”" }.joined(separator: ", ")
            return xs.count > 2 ? shown + " and \(xs.count - 2) more" : shown
        }
        var s = ""
        var replaced = r.replacedHere
        let kept = r.conflicts.filter { c in
            guard let i = replaced.firstIndex(of: c) else { return true }
            replaced.remove(at: i)
            return false
        }
        if !kept.isEmpty { s += "; changed on both sides, yours was later and is kept: " + names(kept) }
        if !r.replacedHere.isEmpty {
            s +=
                "; changed on both sides, the other change was later (yours is in the deal's history): "
                + names(r.replacedHere)
        }
        if !r.restored.isEmpty { s += "; deleted elsewhere, kept because you changed it: " + names(r.restored) }
        if !r.keptEdited.isEmpty { s += "; changed elsewhere, so not deleted: " + names(r.keptEdited) }
        if !r.rehomed.isEmpty { s += "; their stage was deleted elsewhere, moved: " + names(r.rehomed) }
        if !r.stageConflicts.isEmpty { s += "; stages changed on both sides: " + names(r.stageConflicts) }
        return s
    }

    static func importMerged(_ r: MergeReport) -> String {
        "The board changed on disk during the import: the imported deals were merged into it" + mergeDetails(r) + "."
    }
}
