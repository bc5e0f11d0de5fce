import Foundation
import PipedeckCore

/// A deal field a CSV column can fill. The raw value is the plain column name, as `export` writes it.
public enum ImportField: String, CaseIterable, Hashable, Sendable {
    case id, title, value, currency, stage, probability, status
    case lostReason = "lost_reason"
    case company, contact, phone, email, owner, source, tags
    case expectedClose = "expected_close"
    /// The next activity's subject, type, day and time.
    case nextAction = "next_action"
    case nextActionType = "next_action_type"
    case nextActionDue = "next_action_due"
    case nextActionTime = "next_action_time"
    /// Written by versions before activities: the next action was done.
    case nextActionDone = "next_action_done"
    case notes
    case createdAt = "created_at"
    case updatedAt = "updated_at"

    /// Looks a field up by its plain name (any case, `_` or space, or the board file's camelCase name).
    public static func named(_ name: String) -> ImportField? {
        let key = ColumnMapping.normalize(name)
        return allCases.first { ColumnMapping.normalize($0.rawValue) == key || $0.camelName.lowercased() == key }
    }

    /// The name of the field in the board file ("expectedClose").
    var camelName: String {
        let parts = rawValue.split(separator: "_")
        return parts.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
    }
}

/// Which program wrote the file, guessed from its column names. It prefixes the import keys of
/// files that carry record ids ("pipedrive:1234").
public enum ImportSource: String, CaseIterable, Sendable {
    case pipedrive, hubspot, odoo, salesforce
    /// Plain column names (`title`, `value`, …), such as `pipedeck export` writes.
    case plain
}

/// Which column fills which field.
public struct ColumnMapping: Sendable {
    public var headers: [String]
    /// The field of each column, nil for an ignored column.
    public var fields: [ImportField?]
    public var source: ImportSource
    /// Columns that name a field an earlier column already fills; they are ignored.
    public var duplicates: [Int]

    public func column(_ f: ImportField) -> Int? { fields.firstIndex(of: f) }
    public var ignored: [Int] { fields.indices.filter { fields[$0] == nil } }

    /// Column names as compared: lower case, `_` as a space, runs of blanks as one space, trimmed.
    public static func normalize(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in s.lowercased() {
            if ch.isWhitespace || ch == "_" || ch == "\u{FEFF}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(ch)
        }
        return out
    }

    /// Column names of the CRMs' exports and the plain names, normalized.
    static let known: [String: ImportField] = {
        var t: [String: ImportField] = [:]
        func add(_ f: ImportField, _ names: String...) { for n in names { t[normalize(n)] = f } }
        // Plain names and the board file's own names.
        for f in ImportField.allCases { t[normalize(f.rawValue)] = f; t[f.camelName.lowercased()] = f }
        // Pipedrive ("Deal - …").
        add(.id, "Deal - ID")
        add(.title, "Deal - Title")
        add(.value, "Deal - Value")
        add(.currency, "Deal - Currency")
        add(.stage, "Deal - Stage")
        add(.status, "Deal - Status")
        add(.probability, "Deal - Probability")
        add(.expectedClose, "Deal - Expected close date")
        add(.company, "Deal - Organization")
        add(.contact, "Deal - Contact person")
        add(.owner, "Deal - Owner")
        add(.lostReason, "Deal - Lost reason")
        add(.tags, "Deal - Label")
        add(.createdAt, "Deal - Deal created", "Deal - Add time")
        add(.updatedAt, "Deal - Update time", "Deal - Last updated")
        add(.source, "Deal - Source channel", "Deal - Source origin")
        add(.nextAction, "Deal - Next activity subject", "Deal - Next activity")
        add(.nextActionDue, "Deal - Next activity date")
        add(.nextActionTime, "Deal - Next activity time")
        add(.nextActionType, "Deal - Next activity type")
        add(.phone, "Person - Phone", "Deal - Contact person phone")
        add(.email, "Person - Email", "Deal - Contact person email")
        // HubSpot.
        add(.id, "Record ID", "Deal ID")
        add(.title, "Deal Name")
        add(.value, "Amount")
        add(.stage, "Deal Stage")
        add(.expectedClose, "Close Date")
        add(.owner, "Deal owner")
        add(.createdAt, "Create Date")
        add(.updatedAt, "Last Modified Date")
        add(.notes, "Deal Description")
        add(.lostReason, "Closed Lost Reason")
        add(.probability, "Deal probability")
        add(.company, "Associated Company")
        add(.contact, "Associated Contact")
        add(.nextAction, "Next step")
        add(.nextActionDue, "Next activity date")
        add(.nextActionType, "Next activity type")
        // Odoo.
        add(.title, "Opportunity")
        add(.value, "Expected Revenue")
        add(.company, "Customer")
        add(.contact, "Contact Name")
        add(.owner, "Salesperson")
        add(.expectedClose, "Expected Closing")
        add(.createdAt, "Created on")
        add(.updatedAt, "Last Updated on")
        add(.lostReason, "Lost Reason")
        add(.notes, "Internal Notes")
        add(.nextAction, "Next Activity", "Next Activity Summary", "Activity Summary")
        add(.nextActionDue, "Next Activity Deadline", "Activity Deadline", "My Deadline")
        add(.nextActionType, "Next Activity Type", "Activity Type")
        add(.email, "Email", "Email From")
        // Salesforce.
        add(.id, "Opportunity ID")
        add(.title, "Opportunity Name")
        add(.probability, "Probability (%)")
        add(.company, "Account Name")
        add(.owner, "Opportunity Owner")
        add(.source, "Lead Source")
        add(.currency, "Opportunity Currency", "Amount Currency")
        add(.createdAt, "Created Date")
        add(.notes, "Description")
        // Common variants.
        add(.title, "Name", "Deal")
        add(.value, "Deal value")
        add(.company, "Organization", "Organisation", "Company name", "Account")
        add(.contact, "Contact person")
        add(.expectedClose, "Expected close date", "Closing date")
        add(.nextAction, "Next action", "Next activity subject", "Next activity")
        add(.nextActionTime, "Next action time", "Next activity time")
        add(.phone, "Phone", "Phone number", "Contact phone", "Mobile", "Telephone")
        add(.email, "E-mail", "Email address", "Contact email")
        add(.notes, "Deal - Notes", "Deal - Note")
        add(.nextActionDue, "Next action due", "Next action date")
        add(.notes, "Note")
        add(.tags, "Tag", "Labels")
        return t
    }()

    /// Column names that only one program writes, to tell where a file comes from.
    static let signatures: [ImportSource: Set<String>] = [
        .hubspot: Set([
            "deal name", "deal stage", "deal owner", "record id", "create date", "deal description",
            "closed lost reason", "deal probability", "associated company", "associated contact",
        ]),
        .odoo: Set([
            "opportunity", "expected revenue", "customer", "contact name", "salesperson", "expected closing",
            "created on", "last updated on", "internal notes", "next activity deadline", "next activity summary",
        ]),
        .salesforce: Set([
            "opportunity name", "probability (%)", "account name", "opportunity owner", "lead source",
            "opportunity id", "opportunity currency", "created date",
        ]),
    ]

    /// The mapping for a header record. `overrides` come from `--map`: a column name (compared
    /// like the others) and the field it fills, nil to ignore the column.
    public static func recognise(headers: [String], overrides: [(column: String, field: ImportField?)] = [])
        throws(ImportSetupError) -> ColumnMapping
    {
        let names = headers.map(normalize)
        var fields: [ImportField?] = names.map { known[$0] }
        var forced = Set<Int>()
        for o in overrides {
            let key = normalize(o.column)
            let matches = names.indices.filter { names[$0] == key }
            if matches.isEmpty { throw .unknownMapColumn(o.column, headers: headers) }
            for i in matches { fields[i] = o.field; forced.insert(i) }
        }
        // A field filled by two columns: the one named by --map wins, else the first.
        var duplicates: [Int] = []
        var taken: [ImportField: Int] = [:]
        for i in fields.indices {
            guard let f = fields[i] else { continue }
            if let j = taken[f] {
                if forced.contains(i) && !forced.contains(j) {
                    fields[j] = nil; duplicates.append(j); taken[f] = i
                } else {
                    fields[i] = nil; duplicates.append(i)
                }
            } else {
                taken[f] = i
            }
        }
        guard fields.contains(.title) else { throw .noTitleColumn(headers: headers) }
        return ColumnMapping(
            headers: headers, fields: fields, source: source(of: names), duplicates: duplicates.sorted())
    }

    static func source(of names: [String]) -> ImportSource {
        if names.contains(where: { $0.hasPrefix("deal - ") }) { return .pipedrive }
        var best = ImportSource.plain, bestScore = 0
        for s in [ImportSource.hubspot, .odoo, .salesforce] {
            let score = names.filter { signatures[s]!.contains($0) }.count
            if score > bestScore { best = s; bestScore = score }
        }
        return best
    }
}

/// Problems with the file or the options as a whole; nothing is imported.
public enum ImportSetupError: Error, Hashable, Sendable {
    case noTitleColumn(headers: [String])
    case unknownMapColumn(String, headers: [String])
    case unknownMapField(String)
    case badMapOption(String)
    case badStageMapOption(String)
    case unknownStageMapTarget(String, stages: [Stage])
    case csv(CSVError)
    case noDataRows
}

/// Parses the `--map "Column=field"` option. An empty field, `-` or `ignore` ignores the column.
public func parseMapOption(_ raw: String) throws(ImportSetupError) -> (column: String, field: ImportField?) {
    guard let eq = raw.lastIndex(of: "=") else { throw .badMapOption(raw) }
    let column = raw[..<eq].trimmingCharacters(in: .whitespaces)
    let target = raw[raw.index(after: eq)...].trimmingCharacters(in: .whitespaces)
    guard !column.isEmpty else { throw .badMapOption(raw) }
    if target.isEmpty || target == "-" || target.lowercased() == "ignore" { return (column, nil) }
    guard let f = ImportField.named(target) else { throw .unknownMapField(target) }
    return (column, f)
}
