/// Keys that a binding answers to by kind rather than one by one.
public enum KeyClass: Hashable, Sendable {
    /// "0" to "9".
    case digit
    /// A character with a whole-number value ("1", "④", "万").
    case number
    /// Any typed character.
    case character
    /// Any key that no other binding of the table takes.
    case anyKey

    func matches(_ key: Key) -> Bool {
        switch (self, key) {
        case (.anyKey, _): return true
        case (.character, .char): return true
        case (.digit, .char(let c)): return c.isASCII && c.isNumber
        case (.number, .char(let c)): return c.wholeNumberValue != nil
        default: return false
        }
    }

    /// The order in which classes are tried when no binding names the key itself.
    var precedence: Int {
        switch self {
        case .digit: return 0
        case .number: return 1
        case .character: return 2
        case .anyKey: return 3
        }
    }
}

/// One key binding of a screen: the keys, the command, and the words the help screen, the
/// footer hints and `docs/keys.md` show. The screen's handler dispatches through the same
/// record, so what is documented is what happens.
public struct KeyBinding<Command: Hashable & Sendable>: Sendable {
    public var keys: [Key]
    /// Keys taken by kind (digits, typed text, any other key), after the keys named above.
    public var keyClass: KeyClass?
    public var command: Command
    // The words are kept as the expressions the table was written with (`tr(english, french)`)
    // and said in the language of the moment each time they are read.
    private var words: Words

    /// How the class is written in help and hints ("1–7"); nil for the class's usual words.
    public var classLabel: String? { words.classLabel() }
    public var description: String { words.description() }
    /// The short label shown in the screen's key hints; nil keeps the binding out of them.
    public var hint: String? { words.hint() }
    /// How the hints write the keys when the shortest key is not the one to show ("Esc", "1-4");
    /// empty for a hint that is all words.
    public var hintKeys: String? { words.hintKeys() }
    /// A heading that groups bindings in help and docs (the board's "Navigate", "Deals"…).
    public var group: String { words.group() }

    private struct Words: Sendable {
        var description: @Sendable () -> String
        var hint: @Sendable () -> String?
        var hintKeys: @Sendable () -> String?
        var group: @Sendable () -> String
        var classLabel: @Sendable () -> String? = { nil }
    }

    public init(
        _ keys: [Key], _ command: Command, _ description: @autoclosure @escaping @Sendable () -> String,
        hint: @autoclosure @escaping @Sendable () -> String? = nil,
        hintKeys: @autoclosure @escaping @Sendable () -> String? = nil,
        group: @autoclosure @escaping @Sendable () -> String = ""
    ) {
        self.keys = keys; self.command = command
        words = Words(description: description, hint: hint, hintKeys: hintKeys, group: group)
    }

    /// A binding for a class of keys, plus any keys named one by one.
    public init(
        _ keyClass: KeyClass, label: @autoclosure @escaping @Sendable () -> String? = nil, plus keys: [Key] = [],
        _ command: Command, _ description: @autoclosure @escaping @Sendable () -> String,
        hint: @autoclosure @escaping @Sendable () -> String? = nil,
        hintKeys: @autoclosure @escaping @Sendable () -> String? = nil,
        group: @autoclosure @escaping @Sendable () -> String = ""
    ) {
        self.init(keys, command, description(), hint: hint(), hintKeys: hintKeys(), group: group())
        self.keyClass = keyClass
        words.classLabel = label
    }

    /// How the class of keys is written ("1–7", "any other key"), when the binding has one.
    public var keyClassLabel: String? { keyClass.map { classLabel ?? KeyText.classLabel($0) } }

    /// Every way the binding's keys are written: one label per key, then the class.
    public var keyLabels: [String] { keys.map(\.label) + (keyClassLabel.map { [$0] } ?? []) }

    /// The keys as the hints write them: the override, else the shortest key's label.
    var hintKeyLabel: String {
        if let hintKeys { return hintKeys }
        return keyLabels.min { $0.count < $1.count } ?? ""
    }
}

/// One item of a screen's key hints: "←→ stage", "Esc close", or words alone.
public struct KeyHint: Hashable, Sendable {
    public var keys: String
    public var hint: String
    public var text: String { keys.isEmpty ? hint : keys + " " + hint }
}

/// A screen's bindings, in the order help and hints show them, with the lookup the screen's
/// handler uses. Iterating a table gives its bindings.
public struct KeyTable<Command: Hashable & Sendable>: RandomAccessCollection, Sendable {
    public let bindings: [KeyBinding<Command>]
    private let index: [Key: Command]
    /// The bindings that take a class of keys, in the order classes are tried.
    private let classes: [(keyClass: KeyClass, command: Command)]

    public init(_ bindings: [KeyBinding<Command>]) {
        self.bindings = bindings
        var index: [Key: Command] = [:]
        for b in bindings { for k in b.keys where index[k] == nil { index[k] = b.command } }
        self.index = index
        classes = bindings.compactMap { b in b.keyClass.map { ($0, b.command) } }
            .sorted { $0.keyClass.precedence < $1.keyClass.precedence }
    }

    public var startIndex: Int { bindings.startIndex }
    public var endIndex: Int { bindings.endIndex }
    public subscript(position: Int) -> KeyBinding<Command> { bindings[position] }

    /// The command of a key: a binding naming the key, else the first class that takes it.
    public func command(for key: Key) -> Command? {
        if let c = index[key] { return c }
        return classes.first { $0.keyClass.matches(key) }?.command
    }

    public func binding(for command: Command) -> KeyBinding<Command>? { bindings.first { $0.command == command } }

    /// The hints, in table order: consecutive bindings with the same hint share one item whose
    /// keys are joined ("←→ stage", "L/H move").
    public var hints: [KeyHint] { hints(where: { _ in true }) }

    /// The hints of the bindings whose command `offered` accepts (a command that does nothing in
    /// the present state is left out of the footer; help and docs/keys.md still list it).
    public func hints(where offered: (Command) -> Bool) -> [KeyHint] {
        var out: [(keys: [String], hint: String)] = []
        for b in bindings where offered(b.command) {
            guard let h = b.hint else { continue }
            if let last = out.last, last.hint == h {
                out[out.count - 1].keys.append(b.hintKeyLabel)
            } else {
                out.append(([b.hintKeyLabel], h))
            }
        }
        return out.map { item in
            let arrows = item.keys.allSatisfy { ["←", "→", "↑", "↓"].contains($0) }
            return KeyHint(keys: item.keys.joined(separator: arrows ? "" : "/"), hint: item.hint)
        }
    }

    /// The hints as one line, for the footer of a dialog: "Enter ok · Esc cancel".
    public var hintLine: String { hints.map(\.text).joined(separator: " · ") }

    /// The table as help lines, for the help screen and `docs/keys.md`.
    public var helpLines: [KeyHelpLine] {
        bindings.map {
            KeyHelpLine(
                keys: $0.keys.map(\.label), keyClass: $0.keyClassLabel, description: $0.description, group: $0.group)
        }
    }
}

/// One line of help: the keys as written, what they do, and the group heading they sit under.
public struct KeyHelpLine: Hashable, Sendable {
    /// The keys named one by one ("Esc", "Ctrl-C").
    public var keys: [String]
    /// The class of keys after them, in words ("any other key", "1–7").
    public var keyClass: String?
    public var description: String
    public var group: String

    /// Every label, the class last.
    public var allKeys: [String] { keys + (keyClass.map { [$0] } ?? []) }
}
