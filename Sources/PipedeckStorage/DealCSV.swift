import Foundation
import PipedeckCore

/// Deals as CSV rows with the plain column names, which `import` reads back without loss of
/// any of these fields. `columns` says their order; what each cell holds is in the deal schema.
public enum DealCSV {
    public static let columns: [ImportField] = [
        .id, .title, .value, .currency, .stage, .probability, .status, .lostReason, .company, .contact, .phone,
        .email, .owner, .source, .tags, .expectedClose, .nextAction, .nextActionType, .nextActionDue,
        .nextActionTime, .notes, .createdAt, .updatedAt,
    ]

    public static var header: [String] { columns.map(\.rawValue) }

    /// Each column's cell, in the order of `columns`: from the deal schema (DealSchema.swift),
    /// which says how each field is exported.
    static let cells: [@Sendable (Deal, Board) -> String] = {
        var byColumn: [ImportField: @Sendable (Deal, Board) -> String] = [:]
        for f in DealSchema.deal.fields {
            if case .columns(let exported) = f.csv { for c in exported { byColumn[c.field] = c.cell } }
        }
        // SchemaTests checks that the schema exports exactly these columns.
        return columns.map { byColumn[$0] ?? { _, _ in "" } }
    }()

    /// One row. `value` has two decimals when it is not whole; `currency` is the deal's, else the
    /// board's; `probability` is the deal's own (empty when it follows its stage); `stage` is the id.
    public static func row(_ d: Deal, board: Board) -> [String] {
        cells.map { $0(d, board) }
    }

    /// Tags joined with "; ". A single tag that holds a comma gets a trailing ";" so that it is
    /// read back as one tag (a cell without ";" is split on commas).
    static func tagsCell(_ tags: [String]) -> String {
        let joined = tags.joined(separator: "; ")
        if tags.count == 1 && joined.contains(",") { return joined + ";" }
        return joined
    }

    public static func document(_ deals: [Deal], board: Board, byteOrderMark: Bool = false) -> String {
        CSVWriter.document([header] + deals.map { row($0, board: board) }, byteOrderMark: byteOrderMark)
    }
}
