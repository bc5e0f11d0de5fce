import PipedeckCore

/// `m` on a deal: the stage to move it to. Its number, its letters (shown beside each stage) or
/// ↑ ↓ choose a stage; Enter moves the deal there. Nothing moves before Enter, so an Enter typed
/// after a digit never reaches the board (where it would open the details).
public struct MoveDialog: Hashable, Sendable {
    public var dealID: String
    /// The digits or letters typed so far ("" after ↑ ↓).
    public var typed: String
    /// The chosen stage's index.
    public var choice: Int

    public init(dealID: String, typed: String = "", choice: Int) {
        self.dealID = dealID; self.typed = typed; self.choice = choice
    }

    /// Each stage's letters: the first letter of its name when no other stage starts with it,
    /// else that letter and a second one that no other stage of those letters has (the initial
    /// of its next word first, then its other letters), so that every stage can be reached by
    /// letters. A stage whose name has no letter has none ("").
    public static func shortcuts(_ stages: [Stage]) -> [String] {
        let letters = stages.map { DealFilter.fold($0.name).filter { $0.isLetter } }
        let firsts = letters.map { $0.first.map(String.init) ?? "" }
        var out = firsts
        var used = Set<String>()
        for (i, f) in firsts.enumerated() where !f.isEmpty && firsts.filter({ $0 == f }).count > 1 {
            let words = DealFilter.fold(stages[i].name).split(whereSeparator: { !$0.isLetter })
            let initials = words.dropFirst().compactMap(\.first)
            let candidates = initials + Array(letters[i].dropFirst())
            out[i] = candidates.lazy.map { f + String($0) }.first { !used.contains($0) } ?? ""
            used.insert(out[i])
        }
        return out
    }

    /// The stage that `text` names: a number from 1, else letters that start a stage's shortcut,
    /// else the start of a stage's name (case and accents ignored). The first one wins.
    public static func stage(named text: String, in stages: [Stage]) -> Int? {
        guard !text.isEmpty else { return nil }
        if text.allSatisfy(\.isNumber) {
            guard let n = Int(text), n >= 1, n <= stages.count else { return nil }
            return n - 1
        }
        let t = DealFilter.fold(text)
        let keys = shortcuts(stages)
        if let i = keys.indices.first(where: { !keys[$0].isEmpty && keys[$0].hasPrefix(t) }) { return i }
        return stages.indices.first { DealFilter.fold(stages[$0].name).hasPrefix(t) }
    }

    /// A digit or a letter typed: added to what is typed when the whole names a stage, else taken
    /// alone when it does; ignored when neither does.
    public mutating func type(_ c: Character, stages: [Stage]) {
        let sameKind = typed.allSatisfy(\.isNumber) == c.isNumber
        for candidate in (sameKind ? [typed + String(c)] : []) + [String(c)] {
            if let i = MoveDialog.stage(named: candidate, in: stages) {
                typed = candidate
                choice = i
                return
            }
        }
    }

    public mutating func erase(stages: [Stage]) {
        guard !typed.isEmpty else { return }
        typed.removeLast()
        if let i = MoveDialog.stage(named: typed, in: stages) { choice = i }
    }

    public mutating func step(_ command: ListCommand, count: Int) {
        typed = ""
        choice = command.apply(to: choice, count: count)
    }
}

extension AppState {
    mutating func handleMoveTo(_ key: Key, _ dialog: MoveDialog) -> [Effect] {
        guard let command = Bindings.moveTo.command(for: key) else { return [] }
        let stages = board.stages
        var dialog = dialog
        switch command {
        case .digit, .letter:
            if case .char(let c) = key { dialog.type(c, stages: stages) }
        case .list(let step): dialog.step(step, count: stages.count)
        case .erase: dialog.erase(stages: stages)
        case .confirm:
            mode = .board
            guard stages.indices.contains(dialog.choice) else { return [] }
            if board.deal(dialog.dealID)?.stage == stages[dialog.choice].id { return [] }
            return move(dialog.dealID, to: stages[dialog.choice])
        case .cancel:
            mode = .board
            return []
        }
        mode = .moveTo(dialog)
        return []
    }
}
