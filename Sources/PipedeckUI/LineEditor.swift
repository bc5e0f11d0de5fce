/// A one-line text field: characters (graphemes, so é, € and 日 are single units) and a cursor.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    public init(_ text: String = "") { characters = Array(text); cursor = characters.count }
    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public mutating func set(_ text: String) { characters = Array(text); cursor = characters.count }

    /// Applies an editing key (`Bindings.textField`); returns false when the key is not one.
    public mutating func handle(_ key: Key) -> Bool {
        guard let command = Bindings.textField.command(for: key) else { return false }
        switch command {
        case .insert:
            guard case .char(let c) = key, c != "\n", c != "\r" else { return false }
            characters.insert(c, at: cursor); cursor += 1
        case .deleteBackward:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .deleteToStart: characters.removeSubrange(0..<cursor); cursor = 0
        case .deleteToEnd: characters.removeSubrange(cursor..<characters.count)
        case .deleteWord:
            var i = cursor
            while i > 0 && characters[i - 1] == " " { i -= 1 }
            while i > 0 && characters[i - 1] != " " { i -= 1 }
            characters.removeSubrange(i..<cursor); cursor = i
        }
        return true
    }
}
