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
                [.escape, .enter, .char("q"), .char("?")], .close, tr("back to the board", "retour au tableau"),
                hint: tr("close", "fermer"), hintKeys: tr("Esc", "Échap")),
            KeyBinding(
                [.char("e")], .deal(.edit), tr("edit the deal", "modifier l'affaire"), hint: tr("edit", "modifier")),
            KeyBinding(
                [.char("n")], .deal(.nextAction),
                tr(
                    "plan the next step, or change it (open deals)",
                    "prévoir la prochaine étape, ou la changer (affaires ouvertes)"), hint: tr("plan", "prévoir")),
            KeyBinding(
                [.char("c")], .deal(.completeAction),
                tr(
                    "mark the next step done, note its outcome, plan the next",
                    "marquer la prochaine étape faite, noter son résultat, prévoir la suivante"),
                hint: tr("done", "faite")),
            KeyBinding(
                [.char("i")], .deal(.logActivity),
                tr(
                    "log a call, meeting, email or task just done",
                    "noter un appel, un rendez-vous, un e-mail ou une tâche qui vient d'être fait"),
                hint: tr("log", "noter")),
            KeyBinding(
                [.char("y")], .deal(.copyPhone),
                tr(
                    "copy the contact's phone number to the clipboard",
                    "copier le numéro de téléphone du contact dans le presse-papiers"), hint: tr("copy", "copier")),
            KeyBinding(
                [.char("Y")], .deal(.copyEmail),
                tr(
                    "copy the contact's email address to the clipboard",
                    "copier l'adresse e-mail du contact dans le presse-papiers"), hint: tr("copy", "copier")),
            KeyBinding(
                [.char("N")], .deal(.editNotes),
                tr("edit the notes in $VISUAL / $EDITOR", "modifier les notes dans $VISUAL / $EDITOR"),
                hint: tr("notes", "notes")),
            KeyBinding(
                [.char("1")], .deal(.qualify(.budget)),
                tr("qualification: budget (toggle)", "qualification : budget (basculer)"), hint: tr("score", "score"),
                hintKeys: "1-4"
            ),
            KeyBinding(
                [.char("2")], .deal(.qualify(.authority)),
                tr(
                    "qualification: authority, the decision maker (toggle)",
                    "qualification : autorité, le décideur (basculer)")),
            KeyBinding(
                [.char("3")], .deal(.qualify(.need)),
                tr("qualification: need (toggle)", "qualification : besoin (basculer)")),
            KeyBinding(
                [.char("4")], .deal(.qualify(.timeline)),
                tr("qualification: timeline (toggle)", "qualification : calendrier (basculer)")),
            KeyBinding(
                [.char("p")], .deal(.recommendation),
                tr(
                    "record a won customer's recommendation score (0–10)",
                    "noter la recommandation d'un client gagné (0–10)"),
                hint: tr("NPS", "NPS")),
        ] + KeyBinding.scrolling(DetailCommand.scroll, hint: tr("scroll", "défiler")) + [.quit(.quit)])

    public static var confirmDelete: KeyTable<ConfirmCommand> {
        KeyTable([
            KeyBinding(
                KeyText.yesKeys, .confirm,
                tr("delete the deal (u brings it back)", "supprimer l'affaire (u la fait revenir)"),
                hint: tr("delete", "supprimer")),
            .quit(.quit),
            KeyBinding(.anyKey, .cancel, tr("keep the deal", "garder l'affaire"), hint: tr("cancels", "annule")),
        ])
    }

    public static let lostReason = KeyTable<LostReasonCommand>(
        [
            KeyBinding([.up], .list(.up), tr("previous reason", "motif précédent")),
            KeyBinding([.down], .list(.down), tr("next reason", "motif suivant")),
            KeyBinding(
                .number, label: "1–9", .chooseNumber,
                tr(
                    "choose a reason by its number (while none is typed)",
                    "choisir un motif par son numéro (tant qu'aucun n'est tapé)")),
            KeyBinding(
                [.enter], .confirm,
                tr(
                    "mark the deal lost with the chosen or typed reason",
                    "marquer l'affaire perdue avec le motif choisi ou tapé"), hint: tr("ok", "ok")),
            KeyBinding([.escape], .cancel, tr("cancel", "annuler"), hint: tr("cancel", "annuler")),
            KeyBinding([.ctrl("c")], .interrupt, KeyText.interrupt),
            KeyBinding(
                .anyKey, label: KeyText.otherKeys, .type,
                tr(
                    "type another reason; it joins the list of reasons",
                    "taper un autre motif ; il rejoint la liste des motifs")),
        ])

    public static let moveTo = KeyTable<MoveToCommand>([
        KeyBinding(
            .digit, .digit, tr("choose the stage by its number", "choisir l'étape par son numéro"),
            hint: tr("choose", "choisir"), hintKeys: "1–9/a–z/↑↓"),
        KeyBinding(
            .character, label: KeyText.aLetter, .letter,
            tr(
                "choose the stage by its letters or the start of its name",
                "choisir l'étape par ses lettres ou le début de son nom")),
        KeyBinding([.up], .list(.up), tr("previous stage", "étape précédente")),
        KeyBinding([.down], .list(.down), tr("next stage", "étape suivante")),
        KeyBinding(
            [.enter], .confirm, tr("move the deal to the chosen stage", "déplacer l'affaire vers l'étape choisie"),
            hint: tr("move", "déplacer")),
        KeyBinding(
            [.backspace], .erase,
            tr("erase the last digit or letter typed", "effacer le dernier chiffre ou la dernière lettre tapés")),
        KeyBinding(
            .anyKey, plus: [.escape], .cancel, tr("cancel (Ctrl-C too)", "annuler (Ctrl-C aussi)"),
            hint: tr("cancel", "annuler"), hintKeys: tr("Esc", "Échap")),
    ])

    public static let activityForm = fieldForm(
        save: tr(
            "save (an empty subject and date clear the planned step)",
            "enregistrer (un objet et une date vides effacent l'étape prévue)"),
        cancel: tr("close without changes", "fermer sans modifier"),
        type: tr(
            "edit the field; when: tomorrow 14:30, +3, fri 9h, 2026-12-03",
            "modifier le champ ; quand : demain 14:30, +3, ven 9h, 03/12/2026"))

    public static let activityType = KeyTable<ActivityTypeCommand>([
        KeyBinding(
            .character, label: "c m e t d", .letter,
            tr(
                "call, meeting, email, task or deadline, then the next field",
                "appel, rendez-vous, e-mail, tâche ou échéance, puis le champ suivant"),
            hint: tr("type", "type"), hintKeys: "c/m/e/t/d"),
        KeyBinding([.left, .char("-")], .previous, tr("previous type", "type précédent")),
        KeyBinding([.right, .char("+"), .char(" ")], .next, tr("next type", "type suivant")),
    ])

    public static let npsPrompt = KeyTable<PromptCommand>([
        KeyBinding(
            .anyKey, label: KeyText.otherKeys, .type,
            tr(
                "type the score from 0 to 10 (text-field keys)", "taper la note de 0 à 10 (touches des champs de texte)"
            ),
            hint: tr("0–10 · empty clears", "0–10 · vide efface"), hintKeys: ""),
        KeyBinding(
            [.enter], .save, tr("save the score (empty clears it)", "enregistrer la note (vide l'efface)"),
            hint: tr("save", "enregistrer")),
        KeyBinding(
            [.escape], .cancel, tr("back to the details without changes", "retour aux détails sans modifier"),
            hint: tr("cancel", "annuler")),
        KeyBinding([.ctrl("c")], .interrupt, KeyText.interrupt),
    ])

    public static var discard: KeyTable<DiscardCommand> {
        KeyTable([
            KeyBinding(
                KeyText.yesKeys, .discard,
                tr("discard what was typed and close", "abandonner ce qui a été tapé et fermer"),
                hint: tr("discard", "abandonner")),
            KeyBinding(
                .anyKey, .keepEditing,
                tr("back to what you were typing, as it was", "retour à ce que vous tapiez, tel quel"),
                hint: tr("keeps editing", "continue")),
        ])
    }
}
