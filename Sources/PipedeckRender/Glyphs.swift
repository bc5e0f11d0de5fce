/// The drawing characters, in Unicode or in plain ASCII for terminals without a UTF-8 locale.
public struct Glyphs: Sendable, Equatable {
    public var vertical, horizontal, cross, teeDown: String
    public var boxTopLeft, boxTopRight, boxBottomLeft, boxBottomRight: String
    public var ellipsis, selectionBar, dot, scoreOn, scoreOff: String
    public var moreAbove, moreBelow, moreLeft, moreRight: String
    public var overdue, today, upcoming, none, stale, won, lost, approx, saved, unsaved, tag: String
    /// Beside a card the team changed since the person last looked, and one changed on both sides.
    public var teamChanged, teamConflict: String

    public static let unicode = Glyphs(
        vertical: "│", horizontal: "─", cross: "┼", teeDown: "┬",
        boxTopLeft: "╭", boxTopRight: "╮", boxBottomLeft: "╰", boxBottomRight: "╯",
        ellipsis: "…", selectionBar: "▌", dot: "·", scoreOn: "●", scoreOff: "○",
        moreAbove: "▲", moreBelow: "▼", moreLeft: "◀", moreRight: "▶",
        overdue: "⚠", today: "◆", upcoming: "▸", none: "○", stale: "◷", won: "✓", lost: "✗",
        approx: "≈", saved: "●", unsaved: "◌", tag: "#", teamChanged: "✦", teamConflict: "!")

    public static let ascii = Glyphs(
        vertical: "|", horizontal: "-", cross: "+", teeDown: "+",
        boxTopLeft: "+", boxTopRight: "+", boxBottomLeft: "+", boxBottomRight: "+",
        ellipsis: "~", selectionBar: ">", dot: "-", scoreOn: "*", scoreOff: ".",
        moreAbove: "^", moreBelow: "v", moreLeft: "<", moreRight: ">",
        overdue: "!", today: "*", upcoming: ">", none: "o", stale: "@", won: "+", lost: "x",
        approx: "~", saved: "*", unsaved: "o", tag: "#", teamChanged: "*", teamConflict: "!")
}
