import Foundation
import PipedeckCore

/// Stage 2 of an import: the stages the file names, each resolved once (an id, a name, a
/// `--stage-map` entry, or a status such as "Closed Won"); the unknown ones listed with their rows
/// or, with `createStages`, created before the board's won stage.
struct ImportStages {
    /// By lower-case name.
    var resolved: [String: Importer.StageResolution] = [:]
    /// Names no stage answers to, in the order the file first names them.
    var unknown: [UnknownStage] = []
    var created: [CreatedStage] = []

    /// Resolves the names of `columns`; stages it creates are added to `board`.
    init(columns: ImportColumns, board: inout Board, options: ImportOptions) throws(ImportSetupError) {
        let stageMap = try Importer.resolveStageMap(options.stageMap, on: board)
        let original = board
        let stageCells = columns.cells(.stage) ?? []
        var unknownByKey: [String: UnknownStage] = [:]
        var unknownOrder: [String] = []
        for (n, raw) in stageCells.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty { continue }
            let key = name.lowercased()
            if resolved[key] != nil { continue }
            if let r = Importer.resolveStage(name, on: original, map: stageMap) { resolved[key] = r; continue }
            if unknownByKey[key] == nil {
                unknownByKey[key] = UnknownStage(name: name, rows: 0, firstLine: columns.rows[n].line)
                unknownOrder.append(key)
            }
            unknownByKey[key]!.rows += 1
        }
        if options.createStages && !unknownOrder.isEmpty {
            create(unknownOrder.map { unknownByKey[$0]! }, cells: stageCells, columns.probabilities, on: &board)
        } else {
            unknown = unknownOrder.map { unknownByKey[$0]! }
        }
    }

    /// Creates the unknown stages before the board's first won stage, in the order of their
    /// probability (a pipeline's stages grow more likely to close), then in the order the file
    /// names them. A stage's probability is its rows' when they agree, else the previous stage's.
    private mutating func create(
        _ names: [UnknownStage], cells stageCells: [String], _ probabilities: [Result<Percent, ProbabilityFailure>?],
        on board: inout Board
    ) {
        let insertAt = board.stages.firstIndex { $0.kind == .won } ?? board.stages.count
        var ids = Set(board.stages.map(\.id))
        let previous = insertAt > 0 ? board.stages[insertAt - 1].probability : .zero
        let previousName = insertAt > 0 ? board.stages[insertAt - 1].name : nil
        var pending: [(stage: UnknownStage, probability: Percent?, disagree: Bool)] = []
        for u in names {
            let key = u.name.lowercased()
            var seen = Set<Percent>()
            for (n, raw) in stageCells.enumerated()
            where raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == key {
                if n < probabilities.count, case .success(let p)? = probabilities[n] { seen.insert(p) }
            }
            pending.append((u, seen.count == 1 ? seen.first : nil, seen.count > 1))
        }
        let ordered = pending.enumerated().sorted { a, b in
            let pa = a.element.probability ?? previous, pb = b.element.probability ?? previous
            return pa != pb ? pa < pb : a.offset < b.offset
        }.map(\.element)
        var newStages: [Stage] = []
        for (u, agreed, disagree) in ordered {
            let stage = Stage(
                id: Importer.uniqueID(Importer.slug(u.name), taken: &ids), name: u.name,
                probability: agreed ?? previous)
            newStages.append(stage)
            let source: CreatedStage.ProbabilitySource =
                agreed != nil
                ? .rows : disagree ? .rowsDisagree(copiedFrom: previousName) : .noneInRows(copiedFrom: previousName)
            created.append(CreatedStage(stage: stage, probabilitySource: source, rows: u.rows))
            resolved[u.name.lowercased()] = Importer.StageResolution(stage: stage, implied: nil)
        }
        board.stages.insert(contentsOf: newStages, at: insertAt)
    }
}

extension Importer {
    struct StageResolution: Sendable {
        var stage: Stage
        /// The status the stage's name says ("Closed Won", "closedlost").
        var implied: DealStatus?
        /// True when the name is only a status ("Closed Lost") and the stage a stand-in: an
        /// existing deal stays where it is.
        var standIn = false
    }

    static func resolveStageMap(_ pairs: [(from: String, to: String)], on board: Board) throws(ImportSetupError)
        -> [String: Stage]
    {
        var map: [String: Stage] = [:]
        for (from, to) in pairs {
            guard let s = board.resolveStage(to) else { throw .unknownStageMapTarget(to, stages: board.stages) }
            map[from.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()] = s
        }
        return map
    }

    static func resolveStage(_ name: String, on board: Board, map: [String: Stage]) -> StageResolution? {
        let key = name.lowercased()
        let implied = closedStatus(name)
        if let s = map[key] { return StageResolution(stage: s, implied: implied ?? (s.kind == .won ? .won : nil)) }
        if let s = board.stage(name)
            ?? board.stages.first(where: { $0.id.lowercased() == key || $0.name.lowercased() == key })
        {
            return StageResolution(stage: s, implied: s.kind == .won ? .won : nil)
        }
        switch implied {
        case .won?: return board.firstWonStage.map { StageResolution(stage: $0, implied: .won) }
        case .lost?:
            // The file does not say where it was lost: the last open stage.
            return board.stages.last(where: { $0.kind == .open }).map {
                StageResolution(stage: $0, implied: .lost, standIn: true)
            }
        default: return nil
        }
    }

    /// "Closed Won", "closedwon", "Won" → won; "Closed Lost", "lost" → lost.
    static func closedStatus(_ name: String) -> DealStatus? {
        let letters = String(name.lowercased().filter { $0.isLetter })
        switch letters {
        case "closedwon", "closewon", "won", "dealwon", "wonclosed": return .won
        case "closedlost", "closelost", "lost", "deallost", "lostclosed": return .lost
        default: return nil
        }
    }

    /// A status cell: open / won / lost in any case (also "Closed Won", "active").
    static func readStatus(_ raw: String) -> DealStatus? {
        let t = raw.lowercased().filter { $0.isLetter }
        if t == "open" || t == "active" || t == "inprogress" { return .open }
        return closedStatus(raw)
    }

    static func slug(_ name: String) -> String {
        var out = ""
        for ch in name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.isEmpty && out.last != "-" { out.append("-") }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "stage" : out
    }

    static func uniqueID(_ base: String, taken: inout Set<String>) -> String {
        var id = base
        var n = 2
        while taken.contains(id) { id = "\(base)-\(n)"; n += 1 }
        taken.insert(id)
        return id
    }

    /// An id from a plain file is kept as the deal's id when it is short and has no blanks.
    static func isUsableID(_ id: String) -> Bool {
        id.count <= 64 && !id.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
    }
}
