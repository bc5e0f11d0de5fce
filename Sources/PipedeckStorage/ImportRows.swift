import Foundation
import PipedeckCore

/// Stage 3 of an import: one row's cells read into values, with every problem found.
struct RowValues {
    let record: CSVRecord
    let mapping: ColumnMapping
    var issues: [RowIssue] = []

    var title: String?
    /// nil: no amount column; zero for an empty cell (HubSpot leaves many blank).
    var value: Money?
    /// The currency written with the amount ("€", "USD"), and the currency column's.
    var writtenCurrency: String?, currencyColumn: String?
    /// nil: no column; .some(nil): an empty cell.
    var probability: Percent??
    var stage: Importer.StageResolution?
    var stageName: String?
    /// From the status column, the stage's name ("Closed Won") and the stage's kind.
    var status: DealStatus?
    var close: Day?, due: Day?
    var createdAt: Timestamp?, updatedAt: Timestamp?
    var done: Bool?
    var nextText: String?
    /// The next activity's type (a type the file names that Pipedeck does not have is a task)
    /// and time.
    var nextType: ActivityType?
    var nextTime: TimeOfDay?

    /// The cell of column `f`, "" where the row is short; nil when no column holds `f`.
    func cell(_ f: ImportField) -> String? {
        guard let c = mapping.column(f) else { return nil }
        return c < record.fields.count ? record.fields[c] : ""
    }

    /// The cell without blanks around it; nil when it is empty or there is no such column.
    func present(_ f: ImportField) -> String? {
        guard let raw = cell(f) else { return nil }
        let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    /// Reads row `n` of the file; `issues` lists what is wrong with it, in the order of the columns'
    /// fields as the report shows them.
    init(_ n: Int, _ record: CSVRecord, _ columns: ImportColumns, stages: ImportStages) {
        self.record = record
        mapping = columns.mapping
        if let p = record.problem { issues.append(.layout(p)) }
        if record.fields.count > mapping.headers.count,
            record.fields[mapping.headers.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            )
        {
            issues.append(.tooManyFields(got: record.fields.count, expected: mapping.headers.count))
        }
        title = cell(.title).flatMap(readSingleLine)
        if title == nil { issues.append(.noTitle) }
        readAmount(columns.amounts)
        if mapping.column(.probability) != nil {
            switch columns.probabilities[n] {
            case nil: probability = .some(nil)
            case .success(let p)?: probability = .some(p)
            case .failure(let f)?: issues.append(.probability(present(.probability) ?? "", f))
            }
        }
        var rowStatus: DealStatus? = nil
        if let raw = present(.status) {
            if let s = Importer.readStatus(raw) { rowStatus = s } else { issues.append(.status(raw)) }
        }
        stageName = present(.stage)
        if let name = stageName {
            if let r = stages.resolved[name.lowercased()] { stage = r } else { issues.append(.unknownStage(name)) }
        }
        readDates(columns.dates)
        if let raw = present(.nextActionDone) {
            if let f = readFlag(raw) { done = f } else { issues.append(.flag(.nextActionDone, raw)) }
        }
        nextText = cell(.nextAction).flatMap(readSingleLine)
        if let raw = present(.nextActionType) { nextType = ActivityType.named(raw) ?? .task }
        if let raw = present(.nextActionTime) {
            if let t = readTime(raw) { nextTime = t } else { issues.append(.time(raw)) }
        }
        if mapping.column(.nextAction) != nil && nextText == nil && (due != nil || done == true) {
            issues.append(.dueWithoutAction)
        }
        decideStatus(rowStatus)
    }

    private mutating func readAmount(_ amounts: AmountReader?) {
        if mapping.column(.value) != nil {
            if let t = present(.value), let amounts {
                switch amounts.read(t) {
                case .success(let (m, c)): value = m; writtenCurrency = c
                case .failure(let f): issues.append(.amount(t, f))
                }
            } else {
                value = .zero
            }
        }
        if let raw = present(.currency) {
            if let c = readCurrencyCode(raw) { currencyColumn = c } else { issues.append(.currency(raw)) }
        }
        if let w = writtenCurrency, let c = currencyColumn, w != c {
            issues.append(.currencyConflict(written: w, column: c))
        }
    }

    private mutating func readDates(_ dates: DateReader) {
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
        close = day(.expectedClose)
        due = day(.nextActionDue)
        createdAt = time(.createdAt)
        updatedAt = time(.updatedAt)
    }

    /// The status from the status column, the stage's name ("Closed Won") and the stage's kind; a
    /// contradiction between them is a problem.
    private mutating func decideStatus(_ rowStatus: DealStatus?) {
        status = rowStatus ?? stage?.implied
        if let s = stage?.stage, s.kind == .won, status == nil { status = .won }
        if let r = rowStatus, let implied = stage?.implied, r != implied {
            issues.append(.statusConflict(status: r.rawValue, stage: stageName ?? ""))
        } else if let s = stage?.stage, s.kind == .won, let st = status, st != .won {
            issues.append(.statusConflict(status: st.rawValue, stage: stageName ?? s.name))
        }
    }

    /// The fields every row sets the same way on a new or an existing deal. `key` is the row's
    /// import key; `boardCurrency` is not repeated on the deal.
    func fill(_ d: inout Deal, key: String?, boardCurrency: String, now: Timestamp) {
        d.title = title!
        if let value { d.value = value }
        if let c = currencyColumn ?? writtenCurrency {
            d.currency = c == boardCurrency ? nil : c
        } else if mapping.column(.currency) != nil {
            d.currency = nil
        }
        if let p = probability { d.probability = p }
        if mapping.column(.company) != nil { d.company = cell(.company).flatMap(readSingleLine) }
        if mapping.column(.contact) != nil { d.contact = cell(.contact).flatMap(readSingleLine) }
        if mapping.column(.phone) != nil { d.phone = cell(.phone).flatMap(readSingleLine) }
        if mapping.column(.email) != nil { d.email = cell(.email).flatMap(readSingleLine) }
        if mapping.column(.owner) != nil { d.owner = cell(.owner).flatMap(readSingleLine) }
        if mapping.column(.source) != nil { d.source = cell(.source).flatMap(readSingleLine) }
        if mapping.column(.notes) != nil { d.notes = cell(.notes).flatMap(readText) }
        if let raw = cell(.tags) { d.tags = readTags(raw) }
        if mapping.column(.expectedClose) != nil { d.expectedClose = close }
        fillNextActivity(&d, now: now)
        if mapping.column(.lostReason) != nil { d.lostReason = cell(.lostReason).flatMap(readSingleLine) }
        if let key { d.importKey = key }
    }

    /// The CRMs' "next activity" columns: the deal's next planned activity takes the row's
    /// subject, type, day and time (a new one is planned when it has none); an empty subject
    /// removes it (what was done stays). A file that gives only a day ("Next activity date")
    /// plans a task on it. A done flag (files of older versions) marks it done.
    func fillNextActivity(_ d: inout Deal, now: Timestamp) {
        let hasText = mapping.column(.nextAction) != nil, hasDue = mapping.column(.nextActionDue) != nil
        guard hasText || hasDue else { return }
        let k = d.nextActivity.flatMap { d.activityIndex($0.id) }
        if hasText && nextText == nil {
            if let k { d.activities.remove(at: k) }
            return
        }
        guard nextText != nil || due != nil || k != nil else { return }
        var a =
            k.map { d.activities[$0] }
            ?? Activity(
                id: RowValues.importedActivityID(d), type: nextType ?? .task,
                subject: nextText ?? StorageStrings.importedNextActivity, owner: d.owner, createdAt: now)
        if let t = nextText { a.subject = t }
        if let t = nextType { a.type = t }
        if hasDue { a.due = due }
        if mapping.column(.nextActionTime) != nil { a.time = a.due == nil ? nil : nextTime }
        if let done { a.done = done }
        if let k { d.activities[k] = a } else { d.activities.append(a) }
    }

    /// An id for an activity the import plans: the deal's id and "i1", "i2"… (random ids never
    /// hold an "i").
    static func importedActivityID(_ d: Deal) -> String {
        var n = 1
        while d.activityIndex(d.id + "i\(n)") != nil { n += 1 }
        return d.id + "i\(n)"
    }
}
