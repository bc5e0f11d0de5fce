import PipedeckCore

/// The dialogs the board opens on a deal: delete (`Bindings.confirmDelete`), lost
/// (`Bindings.lostReason`) and move (`Bindings.moveTo`).
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
        case .quit: return [.quit]
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

    mutating func handleMoveTo(_ key: Key, dealID id: String, typed: String) -> [Effect] {
        guard let command = Bindings.moveTo.command(for: key) else { return [] }
        let n = board.stages.count
        switch command {
        case .digit:
            guard case .char(let c) = key, let v = Int(typed + String(c)), v >= 1, v <= n else { return [] }
            // Wait for another digit only when one could still name a stage.
            if v * 10 <= n {
                mode = .moveTo(dealID: id, typed: typed + String(c))
                return []
            }
            mode = .board
            return move(id, to: board.stages[v - 1])
        case .confirm:
            mode = .board
            guard let v = Int(typed), v >= 1, v <= n else { return [] }
            return move(id, to: board.stages[v - 1])
        case .erase:
            mode = .moveTo(dealID: id, typed: String(typed.dropLast()))
            return []
        case .letter:
            mode = .board
            guard case .char(let c) = key, let target = stageForShortcut(c) else { return [] }
            return move(id, to: target)
        case .cancel:
            mode = .board
            return []
        }
    }
}
