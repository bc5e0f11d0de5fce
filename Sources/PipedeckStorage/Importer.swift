import Foundation
import PipedeckCore

/// Turns CSV records into deals on a board. Pure: nothing is read or written here.
///
/// An import goes through these stages:
/// 1. the columns (`ImportColumns`): which column fills which field, the data rows, and what only
///    the whole file can tell: its decimal mark, its day/month order, whether its probabilities
///    are fractions;
/// 2. the stages the file names (`ImportStages`, ImportStages.swift): each name resolved once,
///    unknown ones listed or, with `createStages`, created;
/// 3. each row's cells read into values, with every problem found (`RowValues`, ImportRows.swift);
/// 4. the deal the row is, by its id or its import key, and the row applied to the board
///    (`ImportRun`, ImportApply.swift).
///
/// Each row is applied with `Board.apply` on a one-deal board (adding, then marking won or lost;
/// or updating), so the model's rules hold (a won deal is in a won stage, history entries,
/// validation); the result is merged into the real board, which keeps 10 000-row imports linear.
public enum Importer {
    public static func plan(
        csv: CSVTable, into original: Board, options: ImportOptions, now: Timestamp,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(ImportSetupError) -> ImportPlan {
        let columns = try ImportColumns(csv: csv, options: options)
        var board = original
        let stages = try ImportStages(columns: columns, board: &board, options: options)
        var run = ImportRun(columns: columns, stages: stages, board: board, now: now)
        let rows = columns.rows
        let step = max(rows.count / 100, 1)
        for (n, record) in rows.enumerated() {
            if let progress, n % step == 0 { progress(n, rows.count) }
            run.importRow(n, record)
        }
        progress?(rows.count, rows.count)
        return run.plan
    }
}

/// Stage 1: the file's columns and what its values say as a whole.
struct ImportColumns {
    let mapping: ColumnMapping
    let separator: UInt8
    let encoding: String
    /// The data rows, blank ones left out.
    let rows: [CSVRecord]
    let blankRows: Int
    /// Nil when no column holds the amounts.
    let amounts: AmountReader?
    let dates: DateReader
    /// Each row's probability: nil for an empty cell (or no column).
    let probabilities: [Result<Percent, ProbabilityFailure>?]

    init(csv: CSVTable, options: ImportOptions) throws(ImportSetupError) {
        guard let header = csv.header else { throw .csv(.empty) }
        mapping = try ColumnMapping.recognise(headers: header.fields, overrides: options.overrides)
        separator = csv.separator
        encoding = csv.encoding
        var blank = 0
        rows = csv.dataRecords.filter { r in
            if r.isBlank { blank += 1; return false }
            return true
        }
        blankRows = blank
        guard !rows.isEmpty else { throw .noDataRows }

        let (mapping, rows) = (self.mapping, self.rows)
        func cells(_ f: ImportField) -> [String] {
            guard let c = mapping.column(f) else { return [] }
            return rows.map { c < $0.fields.count ? $0.fields[c] : "" }
        }
        amounts = mapping.column(.value).map { _ in
            AmountReader(
                values: cells(.value).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty },
                given: options.decimal)
        }
        let dateCells = [ImportField.expectedClose, .nextActionDue, .createdAt, .updatedAt].flatMap(cells)
        dates = DateReader(values: dateCells, given: options.dateOrder, zone: options.zone)
        probabilities = ImportColumns.probabilities(cells(.probability), fraction: options.probabilityFraction)
    }

    /// The column's cell of each row ("" where a row is short); nil when no column holds `f`.
    func cells(_ f: ImportField) -> [String]? {
        guard let c = mapping.column(f) else { return nil }
        return rows.map { c < $0.fields.count ? $0.fields[c] : "" }
    }

    /// Probabilities, read before the rows: they decide the probability of created stages, and a
    /// file whose values are all between 0 and 1 is probably written in fractions.
    static func probabilities(_ cells: [String], fraction: Bool) -> [Result<Percent, ProbabilityFailure>?] {
        var read: [Result<Percent, ProbabilityFailure>?] = cells.map { raw in
            raw.trimmingCharacters(in: .whitespaces).isEmpty ? nil : readProbability(raw, fraction: fraction)
        }
        guard !fraction else { return read }
        let percents = read.compactMap { r -> Percent? in
            if case .success(let p)? = r { return p } else { return nil }
        }
        if !percents.isEmpty && percents.allSatisfy({ $0.hundredths <= 100 })
            && percents.contains(where: { $0.hundredths > 0 && $0.hundredths < 100 })
        {
            read = read.map { r in
                if case .success(let p)? = r, p.hundredths > 0 { return .failure(.looksLikeFraction) }
                return r
            }
        }
        return read
    }
}
