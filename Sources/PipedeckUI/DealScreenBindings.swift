import PipedeckCore

// The key tables of the screens about one deal: its details and the dialogs the board opens
// on it (move, lost, delete, activity, recommendation score).

/// The details screen (`Enter` on a deal).
public enum DetailCommand: Hashable, Sendable {
    case scroll(ListCommand)
    case close, quit
    /// Commands on the deal shown; the handler finds it once and passes it on.
    case deal(DetailDealCommand)
}

public enum DetailDealCommand: Hashable, Sendable {
    case edit, nextAction, completeAction, logActivity, editNotes, recommendation, copyPhone, copyEmail
    case qualify(QualificationPoint)
}

/// The four points of a deal's qualification, toggled with 1–4.
public enum QualificationPoint: String, Hashable, Sendable, CaseIterable {
    case budget, authority, need, timeline
}

/// `d`: delete the deal?
public enum ConfirmCommand: Hashable, Sendable {
    case confirm, cancel, quit
}

/// `x`: why was the deal lost?
public enum LostReasonCommand: Hashable, Sendable {
    case list(ListCommand)
    case chooseNumber, confirm, cancel, interrupt
    /// Typing another reason.
    case type
}

/// `m`: the stage to move the deal to.
public enum MoveToCommand: Hashable, Sendable {
    case digit, letter
    case list(ListCommand)
    case confirm, erase, cancel
}

/// The Type field of the activity dialog.
public enum ActivityTypeCommand: Hashable, Sendable {
    case previous, next
    /// c, m, e, t or d.
    case letter
}

/// Forms of several fields: the deal form, the stage form, the activity dialog.
public enum FormCommand: Hashable, Sendable {
    case nextField, previousField, save, cancel, interrupt
    /// Any other key: edits the focused field.
    case type
}

/// A prompt of one field (the recommendation score).
public enum PromptCommand: Hashable, Sendable {
    case save, cancel, interrupt, type
}

/// "Discard what you typed?" after Ctrl-C.
public enum DiscardCommand: Hashable, Sendable {
    case discard, keepEditing
}

extension Bindings {
    public static let detail = KeyTable<DetailCommand>(
        [
            KeyBinding(
                [.escape, .enter, .char("q"), .char("?")], .close, "back to the board", hint: "close", hintKeys: "Esc"),
            KeyBinding([.char("e")], .deal(.edit), "edit the deal", hint: "edit"),
            KeyBinding(
                [.char("n")], .deal(.nextAction), "plan the next step, or change it (open deals)", hint: "plan"),
            KeyBinding(
                [.char("c")], .deal(.completeAction),
                "mark the next step done, note its outcome, plan the next",
                hint: "done"),
            KeyBinding(
                [.char("i")], .deal(.logActivity), "log a call, meeting, email or task just done", hint: "log"),
            KeyBinding(
                [.char("y")], .deal(.copyPhone), "copy the contact's phone number to the clipboard", hint: "copy"),
            KeyBinding(
                [.char("Y")], .deal(.copyEmail), "copy the contact's email address to the clipboard", hint: "copy"),
            KeyBinding([.char("N")], .deal(.editNotes), "edit the notes in $VISUAL / $EDITOR", hint: "notes"),
            KeyBinding(
                [.char("1")], .deal(.qualify(.budget)), "qualification: budget (toggle)", hint: "score", hintKeys: "1-4"
            ),
            KeyBinding(
                [.char("2")], .deal(.qualify(.authority)), "qualification: authority, the decision maker (toggle)"),
            KeyBinding([.char("3")], .deal(.qualify(.need)), "qualification: need (toggle)"),
            KeyBinding([.char("4")], .deal(.qualify(.timeline)), "qualification: timeline (toggle)"),
            KeyBinding(
                [.char("p")], .deal(.recommendation), "record a won customer's recommendation score (0–10)",
                hint: "NPS"),
        ] + KeyBinding.scrolling(DetailCommand.scroll, hint: "scroll") + [.quit(.quit)])

    public static let confirmDelete = KeyTable<ConfirmCommand>([
        KeyBinding([.char("y"), .char("Y")], .confirm, "delete the deal (u brings it back)", hint: "delete"),
        .quit(.quit),
        KeyBinding(.anyKey, .cancel, "keep the deal", hint: "cancels"),
    ])

    public static let lostReason = KeyTable<LostReasonCommand>(
        [
            KeyBinding([.up], .list(.up), "previous reason"),
            KeyBinding([.down], .list(.down), "next reason"),
            KeyBinding(.number, label: "1–9", .chooseNumber, "choose a reason by its number (while none is typed)"),
            KeyBinding([.enter], .confirm, "mark the deal lost with the chosen or typed reason", hint: "ok"),
            KeyBinding([.escape], .cancel, "cancel", hint: "cancel"),
            KeyBinding([.ctrl("c")], .interrupt, KeyText.interrupt),
            KeyBinding(
                .anyKey, label: KeyText.otherKeys, .type,
                "type another reason; it joins the list of reasons"),
        ])

    public static let moveTo = KeyTable<MoveToCommand>([
        KeyBinding(.digit, .digit, "choose the stage by its number", hint: "choose", hintKeys: "1–9/a–z/↑↓"),
        KeyBinding(
            .character, label: KeyText.aLetter, .letter,
            "choose the stage by its letters or the start of its name"),
        KeyBinding([.up], .list(.up), "previous stage"),
        KeyBinding([.down], .list(.down), "next stage"),
        KeyBinding([.enter], .confirm, "move the deal to the chosen stage", hint: "move"),
        KeyBinding([.backspace], .erase, "erase the last digit or letter typed"),
        KeyBinding(.anyKey, plus: [.escape], .cancel, "cancel (Ctrl-C too)", hint: "cancel", hintKeys: "Esc"),
    ])

    public static let activityForm = fieldForm(
        save: "save (an empty subject and date clear the planned step)",
        cancel: "close without changes",
        type: "edit the field; when: tomorrow 14:30, +3, fri 9h, 2026-12-03")

    public static let activityType = KeyTable<ActivityTypeCommand>([
        KeyBinding(
            .character, label: "c m e t d", .letter, "call, meeting, email, task or deadline, then the next field",
            hint: "type", hintKeys: "c/m/e/t/d"),
        KeyBinding([.left, .char("-")], .previous, "previous type"),
        KeyBinding([.right, .char("+"), .char(" ")], .next, "next type"),
    ])

    public static let npsPrompt = KeyTable<PromptCommand>([
        KeyBinding(
            .anyKey, label: KeyText.otherKeys, .type, "type the score from 0 to 10 (text-field keys)",
            hint: "0–10 · empty clears", hintKeys: ""),
        KeyBinding([.enter], .save, "save the score (empty clears it)", hint: "save"),
        KeyBinding([.escape], .cancel, "back to the details without changes", hint: "cancel"),
        KeyBinding([.ctrl("c")], .interrupt, KeyText.interrupt),
    ])

    public static let discard = KeyTable<DiscardCommand>([
        KeyBinding([.char("y"), .char("Y")], .discard, "discard what was typed and close", hint: "discard"),
        KeyBinding(.anyKey, .keepEditing, "back to what you were typing, as it was", hint: "keeps editing"),
    ])
}
