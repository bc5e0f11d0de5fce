import Foundation
import PipedeckCore

/// How to read a CSV file into a board (the `import` command's options).
public struct ImportOptions: Sendable {
    /// `--map "Column=field"`: nil field ignores the column.
    public var overrides: [(column: String, field: ImportField?)] = []
    /// `--stage-map "Old=new"`: a stage name of the file and a stage reference of the board.
    public var stageMap: [(from: String, to: String)] = []
    public var createStages = false
    public var decimal: DecimalMark? = nil
    public var probabilityFraction = false
    public var dateOrder: DateOrder? = nil
    /// The zone of times written without one ("2026-03-04 10:00").
    public var zone: TimeZone = .current
    public init() {}
}

/// Why one row cannot be imported.
public enum RowIssue: Hashable, Sendable {
    case layout(CSVRecordProblem)
    case tooManyFields(got: Int, expected: Int)
    case noTitle
    case amount(String, AmountReader.Failure)
    case currency(String)
    case currencyConflict(written: String, column: String)
    case probability(String, ProbabilityFailure)
    case status(String)
    /// A status that the stage contradicts ("open" in a won stage, "won" with stage "Closed Lost").
    case statusConflict(status: String, stage: String)
    case date(ImportField, String, DateFailure)
    case flag(ImportField, String)
    case dueWithoutAction
    case duplicate(firstLine: Int)
    case rejected(PipelineError)
    /// A stage the board does not have; reported once per name (see `ImportPlan.unknownStages`).
    case unknownStage(String)
}

public struct RowProblem: Hashable, Sendable {
    public var line: Int
    public var issues: [RowIssue]
}

public struct UnknownStage: Hashable, Sendable {
    public var name: String
    public var rows: Int
    public var firstLine: Int
}

public struct CreatedStage: Hashable, Sendable {
    public enum ProbabilitySource: Hashable, Sendable {
        /// Every row of the stage that has a probability has this one.
        case rows
        /// The rows give none, or different ones: copied from the stage before (its name).
        case noneInRows(copiedFrom: String?)
        case rowsDisagree(copiedFrom: String?)
    }
    public var stage: Stage
    public var probabilitySource: ProbabilitySource
    public var rows: Int
    public var probabilityFromRows: Bool { probabilitySource == .rows }
}

/// What an import would do: the board with every valid row applied, and everything to report.
public struct ImportPlan: Sendable {
    public var mapping: ColumnMapping
    public var separator: UInt8
    public var encoding: String
    public var amounts: AmountReader?
    public var dates: DateReader
    /// Data rows (blank rows excluded).
    public var rowCount: Int
    public var blankRows: Int
    /// Rows that cannot be imported, in file order. Rows whose only issue is an unknown stage are included.
    public var problems: [RowProblem]
    public var unknownStages: [UnknownStage]
    public var createdStages: [CreatedStage]
    /// The board after the import of every valid row.
    public var board: Board
    /// The deals of the valid rows (added, updated or unchanged), in file order.
    public var importedIDs: [String]
    public var added = 0
    public var updated = 0
    public var unchanged = 0

    public var validRows: Int { added + updated + unchanged }
    /// Whether saving `board` changes the file.
    public var changesBoard: Bool { added + updated > 0 || !createdStages.isEmpty }
    /// Problems other than unknown stages (those are listed per name).
    public var rowProblems: [RowProblem] {
        problems.compactMap { p in
            let rest = p.issues.filter { if case .unknownStage = $0 { return false } else { return true } }
            return rest.isEmpty ? nil : RowProblem(line: p.line, issues: rest)
        }
    }
    public var importedDeals: [Deal] {
        var index: [String: Int] = [:]
        for (i, d) in board.deals.enumerated() { index[d.id] = i }
        return importedIDs.compactMap { index[$0].map { board.deals[$0] } }
    }
}

/// Turns CSV records into deals on a board. Pure: nothing is read or written here.
///
/// Each row is applied with `Board.apply` on a one-deal board (adding, then marking won or lost;
/// or updating), so the model's rules hold (a won deal is in a won stage, history entries,
/// validation); the result is merged into the real board, which keeps 10 000-row imports linear.
public enum Importer {
    public static func plan(
        csv: CSVTable, into original: Board, options: ImportOptions, now: Timestamp,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(ImportSetupError) -> ImportPlan {
        guard let header = csv.header else { throw .csv(.empty) }
        let mapping = try ColumnMapping.recognise(headers: header.fields, overrides: options.overrides)
        var blank = 0
        let rows: [CSVRecord] = csv.dataRecords.filter { r in
            if r.isBlank { blank += 1; return false }
            return true
        }
        guard !rows.isEmpty else { throw .noDataRows }
        let stageMap = try resolveStageMap(options.stageMap, on: original)

        func cells(_ f: ImportField) -> [String] {
            guard let c = mapping.column(f) else { return [] }
            return rows.map { c < $0.fields.count ? $0.fields[c] : "" }
        }
        let amounts = mapping.column(.value).map { _ in
            AmountReader(
                values: cells(.value).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty },
                given: options.decimal)
        }
        let dateCells = [ImportField.expectedClose, .nextActionDue, .createdAt, .updatedAt].flatMap(cells)
        let dates = DateReader(values: dateCells, given: options.dateOrder, zone: options.zone)

        // Probabilities, read first: they decide the probability of created stages, and a file
        // whose values are all between 0 and 1 is probably written in fractions.
        let probabilityCells = cells(.probability)
        var probabilities: [Result<Percent, ProbabilityFailure>?] = probabilityCells.map { raw in
            raw.trimmingCharacters(in: .whitespaces).isEmpty
                ? nil : readProbability(raw, fraction: options.probabilityFraction)
        }
        if !options.probabilityFraction {
            let read = probabilities.compactMap { r -> Percent? in
                if case .success(let p)? = r { return p } else { return nil }
            }
            if !read.isEmpty && read.allSatisfy({ $0.hundredths <= 100 })
                && read.contains(where: { $0.hundredths > 0 && $0.hundredths < 100 })
            {
                probabilities = probabilities.map { r in
                    if case .success(let p)? = r, p.hundredths > 0 { return .failure(.looksLikeFraction) }
                    return r
                }
            }
        }

        // Stages: every distinct name of the file, resolved once.
        var board = original
        let stageCells = cells(.stage)
        var resolved: [String: StageResolution] = [:]
        var unknown: [String: UnknownStage] = [:]
        var unknownOrder: [String] = []
        for (n, raw) in stageCells.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty { continue }
            let key = name.lowercased()
            if resolved[key] == nil {
                if let r = resolveStage(name, on: original, map: stageMap) { resolved[key] = r; continue }
            } else {
                continue
            }
            if unknown[key] == nil {
                unknown[key] = UnknownStage(name: name, rows: 0, firstLine: rows[n].line)
                unknownOrder.append(key)
            }
            unknown[key]!.rows += 1
        }
        var created: [CreatedStage] = []
        if options.createStages && !unknownOrder.isEmpty {
            let insertAt = board.stages.firstIndex { $0.kind == .won } ?? board.stages.count
            var ids = Set(board.stages.map(\.id))
            var newStages: [Stage] = []
            let previous = insertAt > 0 ? board.stages[insertAt - 1].probability : .zero
            // The new stages in the order of their probability (a pipeline's stages grow more likely
            // to close), then in the order the file names them.
            var pending: [(key: String, probability: Percent?)] = []
            var disagreeing: [String: Bool] = [:]
            let previousName = insertAt > 0 ? board.stages[insertAt - 1].name : nil
            for key in unknownOrder {
                var seen = Set<Percent>()
                for (n, raw) in stageCells.enumerated()
                where raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == key {
                    if n < probabilities.count, case .success(let p)? = probabilities[n] { seen.insert(p) }
                }
                pending.append((key, seen.count == 1 ? seen.first : nil))
                disagreeing[key] = seen.count > 1
            }
            let ordered = pending.enumerated().sorted { a, b in
                let pa = a.element.probability ?? previous, pb = b.element.probability ?? previous
                return pa != pb ? pa < pb : a.offset < b.offset
            }.map(\.element)
            for (key, agreed) in ordered {
                let u = unknown[key]!
                let id = uniqueID(slug(u.name), taken: &ids)
                let stage = Stage(id: id, name: u.name, probability: agreed ?? previous)
                newStages.append(stage)
                let source: CreatedStage.ProbabilitySource =
                    agreed != nil
                    ? .rows
                    : disagreeing[key] == true
                        ? .rowsDisagree(copiedFrom: previousName) : .noneInRows(copiedFrom: previousName)
                created.append(CreatedStage(stage: stage, probabilitySource: source, rows: u.rows))
                resolved[key] = StageResolution(stage: stage, implied: nil)
            }
            board.stages.insert(contentsOf: newStages, at: insertAt)
            unknown = [:]
            unknownOrder = []
        }
        var template = board
        template.deals = []
        let firstWon = board.firstWonStage
        let defaultStage = board.stages.first { $0.kind == .open } ?? board.stages.first

        // Existing deals by import key and by id; the next rank of each column.
        var byKey: [String: Int] = [:], byID: [String: Int] = [:]
        var nextRank: [String: Int] = [:]
        for (i, d) in board.deals.enumerated() {
            byID[d.id] = i
            if let k = d.importKey { byKey[k] = i }
            nextRank[d.stage] = max(nextRank[d.stage] ?? 0, d.rank + 1)
        }
        var allIDs = Set(byID.keys)
        var seenKeys: [String: Int] = [:]
        var occurrences: [String: Int] = [:]
        var generator = SystemRandomNumberGenerator()

        var plan = ImportPlan(
            mapping: mapping, separator: csv.separator, encoding: csv.encoding, amounts: amounts, dates: dates,
            rowCount: rows.count, blankRows: blank, problems: [], unknownStages: unknownOrder.map { unknown[$0]! },
            createdStages: created, board: board, importedIDs: [])
        plan.board.deals.reserveCapacity(board.deals.count + rows.count)
        plan.importedIDs.reserveCapacity(rows.count)

        let step = max(rows.count / 100, 1)
        for (n, record) in rows.enumerated() {
            if let progress, n % step == 0 { progress(n, rows.count) }
            var issues: [RowIssue] = []
            if let p = record.problem { issues.append(.layout(p)) }
            if record.fields.count > mapping.headers.count,
                record.fields[mapping.headers.count...].contains(where: {
                    !$0.trimmingCharacters(in: .whitespaces).isEmpty
                })
            {
                issues.append(.tooManyFields(got: record.fields.count, expected: mapping.headers.count))
            }
            func cell(_ f: ImportField) -> String? {
                guard let c = mapping.column(f) else { return nil }
                return c < record.fields.count ? record.fields[c] : ""
            }
            func present(_ f: ImportField) -> String? {
                guard let raw = cell(f) else { return nil }
                let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                return t.isEmpty ? nil : t
            }

            // Cells to values.
            let title = cell(.title).flatMap(readSingleLine)
            if title == nil { issues.append(.noTitle) }
            var value: Money? = nil
            var writtenCurrency: String? = nil
            if mapping.column(.value) != nil {
                if let t = present(.value), let amounts {
                    switch amounts.read(t) {
                    case .success(let (m, c)): value = m; writtenCurrency = c
                    case .failure(let f): issues.append(.amount(t, f))
                    }
                } else {
                    value = .zero // an empty amount (HubSpot leaves many blank)
                }
            }
            var currencyColumn: String? = nil
            if let raw = present(.currency) {
                if let c = readCurrencyCode(raw) { currencyColumn = c } else { issues.append(.currency(raw)) }
            }
            if let w = writtenCurrency, let c = currencyColumn, w != c {
                issues.append(.currencyConflict(written: w, column: c))
            }
            var probability: Percent?? = nil // nil: no column; .some(nil): empty cell
            if mapping.column(.probability) != nil {
                switch probabilities[n] {
                case nil: probability = .some(nil)
                case .success(let p)?: probability = .some(p)
                case .failure(let f)?: issues.append(.probability(present(.probability) ?? "", f))
                }
            }
            var rowStatus: DealStatus? = nil
            if let raw = present(.status) {
                if let s = readStatus(raw) { rowStatus = s } else { issues.append(.status(raw)) }
            }
            var stage: StageResolution? = nil
            let stageName = present(.stage)
            if let name = stageName {
                if let r = resolved[name.lowercased()] { stage = r } else { issues.append(.unknownStage(name)) }
            }
            func day(_ f: ImportField) -> Day? {
                guard let raw = present(f) else { return nil }
                switch dates.day(raw) {
                case .success(let d): return d
                case .failure(let e): issues.append(.date(f, raw, e)); return nil
                }
            }
            func time(_ f: ImportField) -> Timestamp? {
                guard let raw = present(f) else { return nil }
                switch dates.timestamp(raw) {
                case .success(let t): return t
                case .failure(let e): issues.append(.date(f, raw, e)); return nil
                }
            }
            let close = day(.expectedClose)
            let due = day(.nextActionDue)
            let createdAt = time(.createdAt)
            let updatedAt = time(.updatedAt)
            var done: Bool? = nil
            if let raw = present(.nextActionDone) {
                if let f = readFlag(raw) { done = f } else { issues.append(.flag(.nextActionDone, raw)) }
            }
            let nextText = cell(.nextAction).flatMap(readSingleLine)
            if mapping.column(.nextAction) != nil && nextText == nil && (due != nil || done == true) {
                issues.append(.dueWithoutAction)
            }

            // Status from the status column, the stage's name ("Closed Won") and the stage's kind.
            var status = rowStatus ?? stage?.implied
            if let s = stage?.stage, s.kind == .won, status == nil { status = .won }
            if let r = rowStatus, let implied = stage?.implied, r != implied {
                issues.append(.statusConflict(status: r.rawValue, stage: stageName ?? ""))
            } else if let s = stage?.stage, s.kind == .won, let st = status, st != .won {
                issues.append(.statusConflict(status: st.rawValue, stage: stageName ?? s.name))
            }

            // The deal this row is: by id or key.
            var key: String? = nil
            var plainID: String? = nil
            if let id = present(.id) {
                if mapping.source == .plain && isUsableID(id) {
                    plainID = id
                } else {
                    key = "\(mapping.source.rawValue):\(id)"
                }
            } else {
                let base = [title ?? "", cell(.company).flatMap(readSingleLine) ?? "", present(.createdAt) ?? ""]
                    .map { ColumnMapping.normalize($0) }.joined(separator: "\u{1F}")
                let k = occurrences[base, default: 0]
                occurrences[base] = k + 1
                key = "row:" + stableHash(k == 0 ? base : base + "\u{1F}#\(k)")
            }
            let identity = plainID.map { "id:" + $0 } ?? key!
            if let first = seenKeys[identity] {
                issues.append(.duplicate(firstLine: first))
            } else {
                seenKeys[identity] = record.line
            }

            if !issues.isEmpty {
                plan.problems.append(RowProblem(line: record.line, issues: issues))
                continue
            }

            let existing = plainID.flatMap { byID[$0] } ?? key.flatMap { byKey[$0] }
            let isCRM = mapping.source != .plain

            /// The fields every row sets the same way on a new or an existing deal.
            func fill(_ d: inout Deal) {
                d.title = title!
                if let value { d.value = value }
                if let c = currencyColumn ?? writtenCurrency {
                    d.currency = c == board.currency ? nil : c
                } else if mapping.column(.currency) != nil {
                    d.currency = nil
                }
                if let p = probability { d.probability = p }
                if mapping.column(.company) != nil { d.company = cell(.company).flatMap(readSingleLine) }
                if mapping.column(.contact) != nil { d.contact = cell(.contact).flatMap(readSingleLine) }
                if mapping.column(.owner) != nil { d.owner = cell(.owner).flatMap(readSingleLine) }
                if mapping.column(.source) != nil { d.source = cell(.source).flatMap(readSingleLine) }
                if mapping.column(.notes) != nil { d.notes = cell(.notes).flatMap(readText) }
                if let raw = cell(.tags) { d.tags = readTags(raw) }
                if mapping.column(.expectedClose) != nil { d.expectedClose = close }
                if mapping.column(.nextAction) != nil {
                    if let text = nextText {
                        var a = d.nextAction ?? NextAction(text: text)
                        if a.text != text && done == nil { a.done = false }
                        a.text = text
                        if mapping.column(.nextActionDue) != nil { a.due = due }
                        if let done { a.done = done }
                        d.nextAction = a
                    } else {
                        d.nextAction = nil
                    }
                } else if mapping.column(.nextActionDue) != nil, d.nextAction != nil {
                    d.nextAction?.due = due
                }
                if mapping.column(.lostReason) != nil { d.lostReason = cell(.lostReason).flatMap(readSingleLine) }
                if let key { d.importKey = key }
            }
            /// CRMs fill the probability from the stage; a deal keeps its own only when it differs,
            /// so that it follows its stage in Pipedeck too. Won and lost deals' 100 and 0 are dropped.
            func dropInheritedProbability(_ d: inout Deal, finalStatus: DealStatus) {
                guard isCRM, let p = d.probability else { return }
                if finalStatus != .open || board.stage(d.stage)?.probability == p { d.probability = nil }
            }

            var scratch = template
            do {
                if let i = existing {
                    let old = plan.board.deals[i]
                    var d = old
                    fill(&d)
                    if status == .won {
                        if let s = stage?.stage, s.kind == .won {
                            d.stage = s.id
                        } else if old.status != .won, let s = stage?.stage {
                            d.stage = s.id
                        }
                        d.status = .won
                    } else {
                        if let s = stage, !s.standIn { d.stage = s.stage.id }
                        if let status {
                            d.status = status
                        } else if board.stage(d.stage)?.kind == .won {
                            d.status = .won
                        } else if old.status == .won {
                            d.status = .open
                        }
                    }
                    if d.status != .lost && mapping.column(.lostReason) != nil { d.lostReason = old.lostReason }
                    dropInheritedProbability(&d, finalStatus: d.status)
                    scratch.deals = [old]
                    let outcome = try scratch.apply(.update(d), at: now)
                    if outcome.changed {
                        var after = outcome.board.deals[0]
                        if after.stage != old.stage {
                            after.rank = nextRank[after.stage, default: 0]
                            nextRank[after.stage] = after.rank + 1
                        }
                        plan.board.deals[i] = after
                        plan.updated += 1
                    } else {
                        plan.unchanged += 1
                    }
                    plan.importedIDs.append(old.id)
                } else {
                    var id = plainID ?? ""
                    if id.isEmpty {
                        repeat { id = template.makeDealID(random: &generator) } while allIDs.contains(id)
                    }
                    let stageID = stage?.stage.id ?? (status == .won ? firstWon?.id : nil) ?? defaultStage?.id ?? ""
                    let born = createdAt ?? now
                    var d = Deal(id: id, title: title!, value: .zero, stage: stageID, createdAt: born)
                    fill(&d)
                    let reason = status == .lost ? d.lostReason : nil
                    d.lostReason = nil
                    // Days in the stage count from the import: the file does not say when the deal entered it.
                    d.stageEnteredAt = max(born, now)
                    dropInheritedProbability(&d, finalStatus: status ?? .open)
                    scratch = try scratch.apply(.add(d), at: now).board
                    // A win or loss is dated by the file's last change when it has one (else now).
                    let closedAt = max(born, updatedAt ?? now)
                    if status == .won && scratch.deals[0].status != .won {
                        scratch = try scratch.apply(.markWon(id: id), at: closedAt).board
                    }
                    if status == .lost {
                        scratch = try scratch.apply(.markLost(id: id, reason: reason), at: closedAt).board
                    }
                    var after = scratch.deals[0]
                    after.updatedAt = updatedAt ?? max(born, now)
                    after.rank = nextRank[after.stage, default: 0]
                    nextRank[after.stage] = after.rank + 1
                    plan.board.deals.append(after)
                    allIDs.insert(id)
                    byID[id] = plan.board.deals.count - 1
                    if let key { byKey[key] = plan.board.deals.count - 1 }
                    plan.importedIDs.append(id)
                    plan.added += 1
                }
            } catch {
                plan.problems.append(RowProblem(line: record.line, issues: [.rejected(error)]))
            }
        }
        progress?(rows.count, rows.count)
        return plan
    }

    // MARK: stages

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
