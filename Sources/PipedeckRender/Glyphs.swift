import PipedeckCore

/// The drawing characters, in Unicode or in plain ASCII for terminals without a UTF-8 locale.
public struct Glyphs: Sendable, Equatable {
    public var vertical, horizontal, cross, teeDown: String
    public var boxTopLeft, boxTopRight, boxBottomLeft, boxBottomRight: String
    public var ellipsis, selectionBar, dot, scoreOn, scoreOff: String
    public var moreAbove, moreBelow, moreLeft, moreRight: String
    public var overdue, today, upcoming, none, stale, won, lost, approx, saved, unsaved, tag: String
    /// The activity types: call, meeting, email, task, deadline.
    public var call, meeting, email, task, deadline: String
    /// Beside a card the team changed since the person last looked, and one changed on both sides.
    public var teamChanged, teamConflict: String

    public static let unicode = Glyphs(
        vertical: "│", horizontal: "─", cross: "┼", teeDown: "┬",
        boxTopLeft: "╭", boxTopRight: "╮", boxBottomLeft: "╰", boxBottomRight: "╯",
        ellipsis: "…", selectionBar: "▌", dot: "·", scoreOn: "●", scoreOff: "○",
        moreAbove: "▲", moreBelow: "▼", moreLeft: "◀", moreRight: "▶",
        overdue: "⚠", today: "◆", upcoming: "▸", none: "○", stale: "◷", won: "✓", lost: "✗",
        approx: "≈", saved: "●", unsaved: "◌", tag: "#",
        call: "☎", meeting: "◎", email: "✉", task: "☐", deadline: "⚑", teamChanged: "✦", teamConflict: "!")

    public static let ascii = Glyphs(
        vertical: "|", horizontal: "-", cross: "+", teeDown: "+",
        boxTopLeft: "+", boxTopRight: "+", boxBottomLeft: "+", boxBottomRight: "+",
        ellipsis: "~", selectionBar: ">", dot: "-", scoreOn: "*", scoreOff: ".",
        moreAbove: "^", moreBelow: "v", moreLeft: "<", moreRight: ">",
        overdue: "!", today: "*", upcoming: ">", none: "o", stale: "@", won: "+", lost: "x",
        approx: "~", saved: "*", unsaved: "o", tag: "#",
        call: "C", meeting: "M", email: "E", task: "T", deadline: "D", teamChanged: "*", teamConflict: "!")

    /// The glyph of an activity type.
    public func activity(_ t: ActivityType) -> String {
        switch t {
        case .call: return call
        case .meeting: return meeting
        case .email: return email
        case .task: return task
        case .deadline: return deadline
        }
    }
}
