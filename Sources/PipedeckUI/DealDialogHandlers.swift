import PipedeckCore

/// The dialogs the board opens on a deal: delete (`Bindings.confirmDelete`) and lost
/// (`Bindings.lostReason`); move (`Bindings.moveTo`) is in MoveDialog.swift.
extension AppState {
    mutating func handleConfirmDelete(_ key: Key, dealID id: String) -> [Effect] {
        guard let command = Bindings.confirmDelete.command(for: key) else { return [] }
        switch command {
        case .confirm:
            mode = .board
            let title = board.deal(id)?.title ?? id
            let fx = perform(.delete(id: id), label: UIText.labelDelete, follow: nil)
            if !fx.isEmpty { message = StatusMessage(UIText.deleted(title)) }
            return fx
        case .quit: return [.quit]
        case .cancel:
            mode = .board
            return []
        }
    }

    mutating func handleLostReason(_ key: Key, dealID id: String, choice: Int, editor: LineEditor) -> [Effect] {
        guard let command = Bindings.lostReason.command(for: key) else { return [] }
        let reasons = board.settings.lostReasons
        var editor = editor
        switch command {
        case .cancel: mode = .board
        case .interrupt: interrupt(typed: !editor.isEmpty, cancel: .board)
        case .list(let step):
            mode = .lostReason(dealID: id, choice: step.apply(to: choice, count: reasons.count), editor: editor)
        case .confirm:
            mode = .board
            let typed = editor.text.trimmingCharacters(in: .whitespaces)
            let reason = typed.isEmpty ? (reasons.indices.contains(choice) ? reasons[choice] : nil) : typed
            let title = board.deal(id)?.title ?? id
            let fx = perform(.markLost(id: id, reason: reason), label: UIText.labelLost, follow: nil)
            if !fx.isEmpty { message = StatusMessage(UIText.lostDeal(title)) }
            return fx
        case .chooseNumber where editor.isEmpty:
            // A number names a reason of the list; one that names none is ignored.
            if case .char(let c) = key, let n = c.wholeNumberValue, n >= 1 && n <= reasons.count {
                mode = .lostReason(dealID: id, choice: n - 1, editor: editor)
            }
        case .chooseNumber, .type:
            _ = editor.handle(key)
            mode = .lostReason(dealID: id, choice: choice, editor: editor)
        }
        return []
    }
}
