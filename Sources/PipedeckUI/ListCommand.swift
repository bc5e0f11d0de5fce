/// Moving through a list (the agenda, the stages, a dialog's choices) or scrolling a page of
/// text (help, details, reports). Shared by the screens' tables and handlers.
public enum ListCommand: String, Hashable, Sendable, CaseIterable {
    case up, down, pageUp, pageDown, first, last

    /// The position after the step: within `0..<count` for a list, from 0 up for a page of text
    /// (`count` nil: the renderer stops at the end).
    func apply(to position: Int, count: Int? = nil, page: Int = 1) -> Int {
        let last = count.map { max(0, $0 - 1) } ?? Int.max
        switch self {
        case .up: return max(0, position - 1)
        case .down: return min(last, position + 1)
        case .pageUp: return max(0, position - page)
        case .pageDown: return min(last, position + page)
        case .first: return 0
        case .last: return count.map { max(0, $0 - 1) } ?? position
        }
    }
}

extension KeyBinding {
    /// Ctrl-C: quit from this screen as from the board.
    static func quit(_ command: Command) -> KeyBinding { KeyBinding([.ctrl("c")], command, KeyText.quit) }

    /// ↑/k and ↓/j, sharing a hint ("↑↓ choose").
    /// The words are taken as written (`tr(…)`) and said in the language of the moment.
    static func upDown(
        _ wrap: (ListCommand) -> Command, up: @autoclosure @escaping @Sendable () -> String,
        down: @autoclosure @escaping @Sendable () -> String,
        hint: @autoclosure @escaping @Sendable () -> String? = nil, downAlso: [Key] = []
    ) -> [KeyBinding] {
        [
            KeyBinding([.up, .char("k")], wrap(.up), up(), hint: hint()),
            KeyBinding([.down, .char("j")] + downAlso, wrap(.down), down(), hint: hint()),
        ]
    }

    /// The scrolling keys of a page of text: ↑/k ↓/j by a line, PgUp, PgDn/Space by a page.
    static func scrolling(
        _ wrap: (ListCommand) -> Command, hint: @autoclosure @escaping @Sendable () -> String? = nil
    ) -> [KeyBinding] {
        upDown(wrap, up: KeyText.scrollUp, down: KeyText.scrollDown, hint: hint()) + [
            KeyBinding([.pageUp], wrap(.pageUp), KeyText.pageUp),
            KeyBinding([.pageDown, .char(" ")], wrap(.pageDown), KeyText.pageDown),
        ]
    }
}
