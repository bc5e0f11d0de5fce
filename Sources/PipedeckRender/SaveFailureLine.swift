import PipedeckCore
import PipedeckUI

extension BoardRenderer {
    /// The bottom line while saves fail. It comes from the save state — the one source of it,
    /// also behind "unsaved" on the top line — so it stays until a save succeeds; the message
    /// of the moment ("moved to …"), if any, comes first in at most half of the line. (An error
    /// message, such as the quit warning, is shown whole instead: the caller decides.)
    mutating func drawSaveFailure(_ why: String, after message: StatusMessage?, width w: Int) {
        var x = 0
        if let m = message {
            let said = TextWidth.truncate(
                " " + BoardRenderer.oneLine(m.text), to: max(0, w / 2 - 2), ellipsis: g.ellipsis)
            x = text(said + "  " + g.dot, 0, layout.hintRow, .status, max: w)
        }
        text(" " + Strings.saveFailed(why), x, layout.hintRow, .error, max: max(0, w - x))
    }
}
