import PipedeckCore

/// An input event, independent of the terminal library that produced it.
public enum Key: Hashable, Sendable {
    case char(Character) // printable text, including é, €, 日
    case ctrl(Character) // Ctrl+letter, lower-case letter ("c" for Ctrl-C)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case home, end, pageUp, pageDown
    case function(Int)
    case resize
    case mouse(MouseEvent)
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, release, click, wheelUp, wheelDown, drag }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(kind: Kind, x: Int, y: Int) { self.kind = kind; self.x = x; self.y = y }
}

extension Key {
    /// How a key is written in help and hints: "←", "S-→", "Ctrl-R", "Enter", "a".
    public var label: String {
        switch self {
        case .char(" "): return tr("Space", "Espace")
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return tr("Enter", "Entrée")
        case .tab: return "Tab"
        case .backTab: return tr("S-Tab", "Maj-Tab")
        case .backspace: return tr("Backspace", "Retour arr.")
        case .delete: return tr("Del", "Suppr")
        case .escape: return tr("Esc", "Échap")
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .shiftUp: return tr("S-↑", "Maj-↑")
        case .shiftDown: return tr("S-↓", "Maj-↓")
        case .shiftLeft: return tr("S-←", "Maj-←")
        case .shiftRight: return tr("S-→", "Maj-→")
        case .home: return tr("Home", "Début")
        case .end: return tr("End", "Fin")
        case .pageUp: return tr("PgUp", "PgPréc")
        case .pageDown: return tr("PgDn", "PgSuiv")
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .mouse: return "mouse"
        }
    }
}
