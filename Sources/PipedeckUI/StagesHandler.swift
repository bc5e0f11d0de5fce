import PipedeckCore

/// The stages screen's keys (`Bindings.stages`) and its delete dialog's
/// (`Bindings.stageDelete`). The stage form is in `FormHandlers.swift`.
extension AppState {
    mutating func handleStages(_ key: Key, selection: Int) -> [Effect] {
        guard let command = Bindings.stages.command(for: key) else { return [] }
        if isReadOnly && command.changesBoard { return refuseReadOnly() }
        let n = board.stages.count
        let sel = min(max(0, selection), max(0, n - 1))
        switch command {
        case .close:
            mode = .board
            keepVisible()
        case .quit: return [.quit]
        case .help: openHelp()
        case .list(let step): mode = .stages(selection: step.apply(to: sel, count: n))
        case .add: mode = .stageForm(StageForm(stage: nil))
        case .undo, .redo:
            // Not refused while read-only, unlike the board's u and Ctrl-R: the change stays in memory.
            let fx = undoOrRedo(redo: command == .redo)
            mode = .stages(selection: min(sel, max(0, board.stages.count - 1)))
            return fx
        case .stage(let c):
            guard board.stages.indices.contains(sel) else { return [] }
            return run(c, on: board.stages[sel], at: sel)
        }
        return []
    }

    /// A stages-screen command on the selected stage, at `sel` in the list.
    mutating func run(_ command: StageCommand, on stage: Stage, at sel: Int) -> [Effect] {
        switch command {
        case .edit:
            mode = .stageForm(StageForm(stage: stage))
            return []
        case .moveLeft, .moveRight:
            let fx = perform(
                .moveStage(id: stage.id, by: command == .moveLeft ? -1 : 1), label: UIText.labelStage, follow: nil)
            mode = .stages(selection: board.stageIndex(stage.id) ?? sel)
            return fx
        case .probabilityUp, .probabilityDown, .rotDaysUp, .rotDaysDown:
            let fx = perform(.updateStage(stage.adjusted(command)), label: UIText.labelStage, follow: nil)
            mode = .stages(selection: sel)
            return fx
        case .delete:
            let n = board.stages.count
            if board.deals.contains(where: { $0.stage == stage.id }) {
                if n < 2 { return [] }
                mode = .stageDelete(stageID: stage.id, target: max(0, min(sel, n - 2)))
                return []
            }
            let fx = perform(.deleteStage(id: stage.id, moveDealsTo: nil), label: UIText.labelStage, follow: nil)
            mode = .stages(selection: min(sel, max(0, board.stages.count - 1)))
            return fx
        }
    }

    mutating func handleStageDelete(_ key: Key, stageID sid: String, target: Int) -> [Effect] {
        guard let command = Bindings.stageDelete.command(for: key) else { return [] }
        let others = board.stages.filter { $0.id != sid }
        switch command {
        case .cancel: mode = .stages(selection: board.stageIndex(sid) ?? 0)
        case .quit: return [.quit]
        case .list(let step): mode = .stageDelete(stageID: sid, target: step.apply(to: target, count: others.count))
        case .confirm:
            guard others.indices.contains(target) else { return [] }
            let fx = perform(
                .deleteStage(id: sid, moveDealsTo: others[target].id), label: UIText.labelStage, follow: nil)
            mode = .stages(selection: min(board.stageIndex(others[target].id) ?? 0, max(0, board.stages.count - 1)))
            return fx
        }
        return []
    }
}

extension Stage {
    /// The stage after `+` / `-` (probability to the next multiple of 5 %) or `]` / `[` (one
    /// stale day more or less).
    func adjusted(_ command: StageCommand) -> Stage {
        var s = self
        switch command {
        case .probabilityUp:
            s.probability = Percent(hundredths: min(10_000, (s.probability.hundredths / 500 + 1) * 500))
        case .probabilityDown:
            s.probability = Percent(hundredths: max(0, ((s.probability.hundredths + 499) / 500 - 1) * 500))
        case .rotDaysUp: s.rotDays = min(3650, s.rotDays + 1)
        case .rotDaysDown: s.rotDays = max(0, s.rotDays - 1)
        default: break
        }
        return s
    }
}
