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
    /// A next activity's time that is not one ("14:30", "2:30 PM").
    case time(String)
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
