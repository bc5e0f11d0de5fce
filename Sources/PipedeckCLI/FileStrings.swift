import PipedeckCore
import PipedeckStorage

/// Sentences about the board's file shared by the command line and the open board: what a
/// merge with changes made elsewhere did.
extension Strings.CLI {
    /// "; changed in both, yours kept: “A”, “B” and 3 more; …" — the parts of a merge worth saying.
    static func mergeDetails(_ r: MergeReport) -> String {
        func names(_ xs: [String]) -> String {
            let shown = xs.prefix(2).map { "“\($0)”" }.joined(separator: ", ")
            return xs.count > 2 ? shown + " and \(xs.count - 2) more" : shown
        }
        var s = ""
        if !r.conflicts.isEmpty { s += "; changed in both, yours kept: " + names(r.conflicts) }
        if !r.dropped.isEmpty { s += "; deleted elsewhere, your change dropped: " + names(r.dropped) }
        if !r.keptEdited.isEmpty { s += "; changed elsewhere, so not deleted: " + names(r.keptEdited) }
        if !r.rehomed.isEmpty { s += "; stage gone, put in the first stage: " + names(r.rehomed) }
        return s
    }

    static func importMerged(_ r: MergeReport) -> String {
        "The board changed on disk during the import: the imported deals were merged into it" + mergeDetails(r) + "."
    }
}
