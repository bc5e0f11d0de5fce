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
