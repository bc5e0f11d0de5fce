import PipedeckCore

/// A form of several fields. The form's key table (`Bindings.dealForm`, `.stageForm`,
/// `.activityForm`) moves between the fields and hands other keys to the focused one.
protocol FieldForm {
    static var keys: KeyTable<FormCommand> { get }
    /// The screen showing the form.
    var mode: Mode { get }
    mutating func focusNext()
    mutating func focusPrevious()
    /// A key for the focused field (text, a choice, a suggestion).
    mutating func edit(_ key: Key)
    /// Whether something was typed since the form opened.
    var hasTyped: Bool { get }
}

extension DealForm: FieldForm {
    static var keys: KeyTable<FormCommand> { Bindings.dealForm }
    var mode: Mode { .form(self) }
}

extension ActivityForm: FieldForm {
    static var keys: KeyTable<FormCommand> { Bindings.activityForm }
    var mode: Mode { .activity(self) }
}

extension StageForm: FieldForm {
    static var keys: KeyTable<FormCommand> { Bindings.stageForm }
    var mode: Mode { .stageForm(self) }
}

/// The forms' keys: the deal form and the stage form, and what saving each does (the activity
/// dialog's saving is in ActivityHandlers.swift).
extension AppState {
    /// A form's keys: moving between fields and editing stay in the form; Esc shows `cancel`;
    /// Enter runs `save`.
    mutating func handleForm<F: FieldForm>(
        _ key: Key, _ form: F, cancel: Mode, save: (inout AppState, F) -> [Effect]
    ) -> [Effect] {
        guard let command = F.keys.command(for: key) else { return [] }
        var form = form
        switch command {
        case .cancel: mode = cancel
        case .interrupt: interrupt(typed: form.hasTyped, cancel: cancel)
        case .save: return save(&self, form)
        case .nextField:
            form.focusNext()
            mode = form.mode
        case .previousField:
            form.focusPrevious()
            mode = form.mode
        case .type:
            form.edit(key)
            mode = form.mode
        }
        return []
    }

    /// Ctrl-C in a box where text is typed: closes it when nothing was typed, else asks whether to
    /// discard what was (`Mode.discard`).
    mutating func interrupt(typed: Bool, cancel: Mode) {
        mode = typed ? .discard(mode) : cancel
    }

    /// The answer to "discard what you typed?": `y` closes the box as Esc would, any other key
    /// goes back to it as it was.
    mutating func handleDiscard(_ key: Key, typing: Mode) -> [Effect] {
        switch Bindings.discard.command(for: key) {
        case .discard?: mode = cancelTarget(of: typing)
        case .keepEditing?, nil: mode = typing
        }
        return []
    }

    /// Where Esc goes from a box where text is typed.
    func cancelTarget(of m: Mode) -> Mode {
        switch m {
        case .stageForm(let form): return .stages(selection: board.stageIndex(form.stageID ?? "") ?? 0)
        case .npsPrompt(let id, _, _): return .detail(dealID: id, scroll: 0)
        case .activity(let form): return form.origin.mode(dealID: form.dealID)
        case .discard(let inner): return cancelTarget(of: inner)
        default: return .board
        }
    }

    mutating func submit(_ form: DealForm) -> [Effect] {
        var form = form
        let base: Deal
        if let id = form.dealID {
            guard let d = board.deal(id) else { mode = .board; return [] }
            base = d
        } else {
            base = board.newDeal(title: "", value: .zero, stage: focusedStageID, at: now)
        }
        guard let deal = form.build(board: board, base: base, today: today, now: now) else {
            form.formError = FormText.fixFields
            mode = .form(form)
            return []
        }
        mode = .board
        if form.isNew {
            let fx = perform(.add(deal), label: UIText.labelAdd, follow: deal.id)
            if !fx.isEmpty { message = StatusMessage(UIText.added(deal.title)) }
            return fx
        }
        var fx = perform(.update(deal), label: UIText.labelEdit, follow: deal.id)
        if fx.isEmpty && message?.isError == true { mode = .form(form); fx = [] }
        return fx
    }

    mutating func saveStage(_ form: StageForm) -> [Effect] {
        var form = form
        let base = form.stageID.flatMap { board.stage($0) }
        switch form.build(base: base) {
        case .failure(let p):
            form.error = p.message
            mode = .stageForm(form)
            return []
        case .success(let stage):
            let action: Action = base == nil ? .addStage(stage, at: nil) : .updateStage(stage)
            let fx = perform(action, label: UIText.labelStage, follow: nil)
            if fx.isEmpty && message?.isError == true {
                form.error = message?.text
                message = nil
                mode = .stageForm(form)
                return []
            }
            let id = base?.id ?? board.stages.first { $0.name == stage.name && !(form.stageID != nil) }?.id
            mode = .stages(selection: id.flatMap { board.stageIndex($0) } ?? 0)
            return fx
        }
    }
}
