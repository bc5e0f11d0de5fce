import PipedeckCore

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
            KeyBinding(
                [.tab, .down], .nextField, tr("next field", "champ suivant"), hint: tr("next field", "champ suivant"),
                hintKeys: tr("Tab", "Tab")),
            KeyBinding([.backTab, .up], .previousField, tr("previous field", "champ précédent")),
            KeyBinding([.enter], .save, save, hint: tr("save", "enregistrer")),
            KeyBinding([.escape], .cancel, cancel, hint: tr("cancel", "annuler")),
            KeyBinding([.ctrl("c")], .interrupt, KeyText.interrupt),
            KeyBinding(.anyKey, label: KeyText.otherKeys, .type, type),
        ])
    }

    public static let dealForm = fieldForm(
        save: tr(
            "save the deal (stays open while a field is invalid)",
            "enregistrer l'affaire (reste ouvert tant qu'un champ est invalide)"),
        cancel: tr("close the form without saving", "fermer le formulaire sans enregistrer"),
        type: tr(
            "edit the focused field (choice, suggestion, text keys)",
            "modifier le champ actif (touches de choix, de suggestion, de texte)"))

    public static let stageForm = fieldForm(
        save: tr(
            "save the stage (stays open while a field is invalid)",
            "enregistrer l'étape (reste ouvert tant qu'un champ est invalide)"),
        cancel: tr("back to the stages without saving", "retour aux étapes sans enregistrer"),
        type: tr("edit the focused field (text-field keys)", "modifier le champ actif (touches des champs de texte)"))

    public static let choiceField = KeyTable<ChoiceCommand>([
        KeyBinding([.left, .char("h"), .char("-")], .previous, tr("previous choice", "choix précédent")),
        KeyBinding([.right, .char("l"), .char("+"), .char(" ")], .next, tr("next choice", "choix suivant")),
        KeyBinding(.number, label: "1–9", .chooseNumber, tr("choose by its number", "choisir par son numéro")),
    ])

    public static let suggestions = KeyTable<SuggestionCommand>([
        KeyBinding(
            [.right], .accept,
            tr("at the end of the text: accept the suggestion", "en fin de texte : accepter la suggestion")),
        KeyBinding([.ctrl("n")], .next, tr("next suggestion", "suggestion suivante")),
        KeyBinding([.ctrl("p")], .previous, tr("previous suggestion", "suggestion précédente")),
    ])

    public static let textField = KeyTable<TextCommand>([
        KeyBinding(
            .character, label: KeyText.characters, .insert,
            tr("typed at the cursor (é, €, 日 and emoji too)", "tapés au curseur (é, €, 日 et emoji aussi)")),
        KeyBinding([.left, .ctrl("b")], .left, tr("cursor left", "curseur à gauche")),
        KeyBinding([.right, .ctrl("f")], .right, tr("cursor right", "curseur à droite")),
        KeyBinding([.home, .ctrl("a")], .home, tr("cursor to the start", "curseur au début")),
        KeyBinding([.end, .ctrl("e")], .end, tr("cursor to the end", "curseur à la fin")),
        KeyBinding([.backspace], .deleteBackward, tr("erase before the cursor", "effacer avant le curseur")),
        KeyBinding([.delete, .ctrl("d")], .deleteForward, tr("erase under the cursor", "effacer sous le curseur")),
        KeyBinding([.ctrl("u")], .deleteToStart, tr("erase to the start", "effacer jusqu'au début")),
        KeyBinding([.ctrl("k")], .deleteToEnd, tr("erase to the end", "effacer jusqu'à la fin")),
        KeyBinding(
            [.ctrl("w")], .deleteWord, tr("erase the word before the cursor", "effacer le mot avant le curseur")),
    ])
}
