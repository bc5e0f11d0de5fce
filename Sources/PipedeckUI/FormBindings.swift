// The key tables of forms: the deal form and the stage form, and the keys inside their fields
// (choice fields, suggestions, text fields), which every text entry shares.

/// A choice field (the deal's stage): its options by step or by number.
public enum ChoiceCommand: Hashable, Sendable {
    case previous, next, chooseNumber
}

/// The values already used on the board, offered while typing an owner, source, company or tag.
public enum SuggestionCommand: Hashable, Sendable {
    case accept, next, previous
}

/// Editing a one-line text field (`LineEditor`).
public enum TextCommand: Hashable, Sendable {
    case insert, deleteBackward, deleteForward, left, right, home, end, deleteToStart, deleteToEnd, deleteWord
}

extension Bindings {
    /// The keys of a form of several fields; only the words differ between forms.
    static func fieldForm(save: String, cancel: String, type: String) -> KeyTable<FormCommand> {
        KeyTable([
            KeyBinding([.tab, .down], .nextField, "next field", hint: "next field", hintKeys: "Tab"),
            KeyBinding([.backTab, .up], .previousField, "previous field"),
            KeyBinding([.enter], .save, save, hint: "save"),
            KeyBinding([.escape], .cancel, cancel, hint: "cancel"),
            KeyBinding([.ctrl("c")], .interrupt, KeyText.interrupt),
            KeyBinding(.anyKey, label: KeyText.otherKeys, .type, type),
        ])
    }

    public static let dealForm = fieldForm(
        save: "save the deal (stays open while a field is invalid)",
        cancel: "close the form without saving",
        type: "edit the focused field (choice, suggestion, text keys)")

    public static let stageForm = fieldForm(
        save: "save the stage (stays open while a field is invalid)",
        cancel: "back to the stages without saving",
        type: "edit the focused field (text-field keys)")

    public static let choiceField = KeyTable<ChoiceCommand>([
        KeyBinding([.left, .char("h"), .char("-")], .previous, "previous choice"),
        KeyBinding([.right, .char("l"), .char("+"), .char(" ")], .next, "next choice"),
        KeyBinding(.number, label: "1–9", .chooseNumber, "choose by its number"),
    ])

    public static let suggestions = KeyTable<SuggestionCommand>([
        KeyBinding(
            [.right], .accept, "at the end of the text: accept the suggestion"),
        KeyBinding([.ctrl("n")], .next, "next suggestion"),
        KeyBinding([.ctrl("p")], .previous, "previous suggestion"),
    ])

    public static let textField = KeyTable<TextCommand>([
        KeyBinding(.character, label: KeyText.characters, .insert, "typed at the cursor (é, €, 日 and emoji too)"),
        KeyBinding([.left, .ctrl("b")], .left, "cursor left"),
        KeyBinding([.right, .ctrl("f")], .right, "cursor right"),
        KeyBinding([.home, .ctrl("a")], .home, "cursor to the start"),
        KeyBinding([.end, .ctrl("e")], .end, "cursor to the end"),
        KeyBinding([.backspace], .deleteBackward, "erase before the cursor"),
        KeyBinding([.delete, .ctrl("d")], .deleteForward, "erase under the cursor"),
        KeyBinding([.ctrl("u")], .deleteToStart, "erase to the start"),
        KeyBinding([.ctrl("k")], .deleteToEnd, "erase to the end"),
        KeyBinding([.ctrl("w")], .deleteWord, "erase the word before the cursor"),
    ])
}
