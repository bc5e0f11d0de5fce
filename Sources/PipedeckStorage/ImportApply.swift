import Foundation
import PipedeckCore

/// Stage 4 of an import: the deal each row is (by its id, or by an import key made from the
/// CRM's record id or from the row), and the row applied to the board: a deal updated or added.
struct ImportRun {
    let columns: ImportColumns
    let stages: ImportStages
    /// The board with the created stages, before any row.
    let board: Board
    /// `board` without deals: rows are applied on a board holding only their deal.
    let template: Board
    let now: Timestamp
    var plan: ImportPlan

    // Existing deals by import key and by id; the next rank of each column.
    var byKey: [String: Int] = [:], byID: [String: Int] = [:]
    var nextRank: [String: Int] = [:]
    var allIDs: Set<String>
    /// The line of the first row of each deal, to report repeats.
    var seenKeys: [String: Int] = [:]
    /// How many rows without an id had the same title, company and creation time.
    var occurrences: [String: Int] = [:]
    var generator = SystemRandomNumberGenerator()

    init(columns: ImportColumns, stages: ImportStages, board: Board, now: Timestamp) {
        self.columns = columns
        self.stages = stages
        self.board = board
        self.now = now
        var template = board
        template.deals = []
        self.template = template
        for (i, d) in board.deals.enumerated() {
            byID[d.id] = i
            if let k = d.importKey { byKey[k] = i }
            nextRank[d.stage] = max(nextRank[d.stage] ?? 0, d.rank + 1)
        }
        allIDs = Set(byID.keys)
        plan = ImportPlan(
            mapping: columns.mapping, separator: columns.separator, encoding: columns.encoding,
            amounts: columns.amounts, dates: columns.dates, rowCount: columns.rows.count,
            blankRows: columns.blankRows, problems: [], unknownStages: stages.unknown, createdStages: stages.created,
            board: board, importedIDs: [])
        plan.board.deals.reserveCapacity(board.deals.count + columns.rows.count)
        plan.importedIDs.reserveCapacity(columns.rows.count)
    }

    mutating func importRow(_ n: Int, _ record: CSVRecord) {
        var row = RowValues(n, record, columns, stages: stages)
        let (key, plainID) = identify(&row)
        if !row.issues.isEmpty {
            plan.problems.append(RowProblem(line: record.line, issues: row.issues))
            return
        }
        do {
            if let i = plainID.flatMap({ byID[$0] }) ?? key.flatMap({ byKey[$0] }) {
                try update(i, with: row, key: key)
            } else {
                try add(row, key: key, id: plainID)
            }
        } catch {
            plan.problems.append(RowProblem(line: record.line, issues: [.rejected(error)]))
        }
    }

    /// The deal a row is: the id of a file Pipedeck wrote, else an import key: the CRM's record id
    /// ("pipedrive:101"), or for rows without one, a hash of the title, company and creation time.
    /// A row that is the same deal as an earlier one is a problem.
    private mutating func identify(_ row: inout RowValues) -> (key: String?, plainID: String?) {
        let mapping = columns.mapping
        var key: String? = nil
        var plainID: String? = nil
        if let id = row.present(.id) {
            if mapping.source == .plain && Importer.isUsableID(id) {
                plainID = id
            } else {
                key = "\(mapping.source.rawValue):\(id)"
            }
        } else {
            let base = [
                row.title ?? "", row.cell(.company).flatMap(readSingleLine) ?? "", row.present(.createdAt) ?? "",
            ].map { ColumnMapping.normalize($0) }.joined(separator: "\u{1F}")
            let k = occurrences[base, default: 0]
            occurrences[base] = k + 1
            key = "row:" + stableHash(k == 0 ? base : base + "\u{1F}#\(k)")
        }
        let identity = plainID.map { "id:" + $0 } ?? key!
        if let first = seenKeys[identity] {
            row.issues.append(.duplicate(firstLine: first))
        } else {
            seenKeys[identity] = row.record.line
        }
        return (key, plainID)
    }

    /// CRMs fill the probability from the stage; a deal keeps its own only when it differs, so
    /// that it follows its stage in Pipedeck too. Won and lost deals' 100 and 0 are dropped.
    private func dropInheritedProbability(_ d: inout Deal, finalStatus: DealStatus) {
        guard columns.mapping.source != .plain, let p = d.probability else { return }
        if finalStatus != .open || board.stage(d.stage)?.probability == p { d.probability = nil }
    }

    /// A row for a deal already on the board (by id or import key).
    private mutating func update(_ i: Int, with row: RowValues, key: String?) throws(PipelineError) {
        let old = plan.board.deals[i]
        var d = old
        row.fill(&d, key: key, boardCurrency: board.currency, now: now)
        if row.status == .won {
            if let s = row.stage?.stage, s.kind == .won {
                d.stage = s.id
            } else if old.status != .won, let s = row.stage?.stage {
                d.stage = s.id
            }
            d.status = .won
        } else {
            if let s = row.stage, !s.standIn { d.stage = s.stage.id }
            if let status = row.status {
                d.status = status
            } else if board.stage(d.stage)?.kind == .won {
                d.status = .won
            } else if old.status == .won {
                d.status = .open
            }
        }
        if d.status != .lost && columns.mapping.column(.lostReason) != nil { d.lostReason = old.lostReason }
        dropInheritedProbability(&d, finalStatus: d.status)
        var scratch = template
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
    }

    /// A row for a new deal: added, then marked won or lost as the row says.
    private mutating func add(_ row: RowValues, key: String?, id plainID: String?) throws(PipelineError) {
        var id = plainID ?? ""
        if id.isEmpty {
            repeat { id = template.makeDealID(random: &generator) } while allIDs.contains(id)
        }
        let firstWon = board.firstWonStage
        let defaultStage = board.stages.first { $0.kind == .open } ?? board.stages.first
        let stageID =
            row.stage?.stage.id ?? (row.status == .won ? firstWon?.id : nil) ?? defaultStage?.id ?? ""
        let born = row.createdAt ?? now
        var d = Deal(id: id, title: row.title!, value: .zero, stage: stageID, createdAt: born)
        row.fill(&d, key: key, boardCurrency: board.currency, now: now)
        let reason = row.status == .lost ? d.lostReason : nil
        d.lostReason = nil
        // Days in the stage count from the import: the file does not say when the deal entered it.
        d.stageEnteredAt = max(born, now)
        dropInheritedProbability(&d, finalStatus: row.status ?? .open)
        var scratch = try template.apply(.add(d), at: now).board
        // A win or loss is dated by the file's last change when it has one (else now).
        let closedAt = max(born, row.updatedAt ?? now)
        if row.status == .won && scratch.deals[0].status != .won {
            scratch = try scratch.apply(.markWon(id: id), at: closedAt).board
        }
        if row.status == .lost {
            scratch = try scratch.apply(.markLost(id: id, reason: reason), at: closedAt).board
        }
        var after = scratch.deals[0]
        after.updatedAt = row.updatedAt ?? max(born, now)
        after.rank = nextRank[after.stage, default: 0]
        nextRank[after.stage] = after.rank + 1
        plan.board.deals.append(after)
        allIDs.insert(id)
        byID[id] = plan.board.deals.count - 1
        if let key { byKey[key] = plan.board.deals.count - 1 }
        plan.importedIDs.append(id)
        plan.added += 1
    }
}
