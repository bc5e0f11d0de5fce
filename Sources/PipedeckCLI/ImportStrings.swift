import PipedeckCore
import PipedeckStorage

/// The sentences of `pipedeck import` and `pipedeck export`.
extension Strings {
    enum Transfer {
        // MARK: Help

        static let importAbstract =
            "Import deals from a CSV file (Pipedrive, HubSpot, Odoo, Salesforce or plain columns)."
        static let importDiscussion = """
            Columns are recognised by name (any case): the exports of Pipedrive, HubSpot, Odoo and Salesforce, \
            and the plain names title, value, currency, stage, probability, status, lost_reason, company, contact, \
            owner, source, tags, expected_close, next_action, next_action_due, next_action_done, notes, id, \
            created_at, updated_at. Nothing is written unless every row is valid (or --skip-invalid is given); \
            importing the same file again updates the deals instead of adding them twice. \
            See docs/import-export.md.
            """
        static let exportAbstract = "Export deals as CSV or JSON, or their planned activities as an iCalendar file."
        static let exportDiscussion = """
            CSV has the plain column names that `pipedeck import` reads back. JSON is an array of deals as the \
            board file holds them. ICS has one event per planned activity of an open deal that has a due date \
            (at its time and for its duration when set, else all day). Without -o the export goes to stdout.
            """
        static let helpCSV = "The CSV file to read (- for stdin)."
        static let helpDryRun = "Show what would be imported (figures per stage, rows with problems); write nothing."
        static let helpSkipInvalid = "Import the valid rows and skip the rows with problems (they are listed)."
        static let helpCreateStages = "Create the stages the file names and the board lacks (before the won stage)."
        static let helpStageMap =
            "Put the file's stage OLD into the board's stage NEW (id, name or position); repeatable."
        static let helpMap =
            "Read column COLUMN into FIELD (a plain field name; empty or - ignores the column); repeatable."
        static let helpDecimal = "The decimal mark of the amounts, , or . (default: decided from the file's values)."
        static let helpFraction = "Probabilities are fractions from 0 to 1 (0.5 is 50 %)."
        static let helpDateOrder =
            "Order of day and month in dates like 03/04/2026: dmy or mdy (default: decided from the file)."
        static let helpSeparator = "The field separator: , ; or tab (default: detected from the header line)."
        static let helpEncoding = "The file's encoding: utf-8 (default) or windows-1252."
        static let helpFormat = "csv, json or ics (default: from the -o file's extension, else csv)."
        static let helpExportStatus = "Which deals: open, won, lost or all (an ICS file only ever has open deals)."
        static let helpOutput = "Write to this file (replaced atomically) instead of stdout."
        static let helpBOM = "Start the CSV with a UTF-8 byte order mark (for Excel)."
        static let helpExportSeparator =
            "The CSV separator: , (default) or ; (for spreadsheets in decimal-comma locales)."

        // MARK: Option and file errors

        static func badDecimal(_ got: String) -> String { Strings.CLI.optionError("--decimal", got, "expected , or .") }
        static func badDateOrder(_ got: String) -> String {
            Strings.CLI.optionError("--date-order", got, "expected dmy or mdy")
        }
        static func badSeparator(_ option: String, _ got: String, _ choices: String) -> String {
            Strings.CLI.optionError(option, got, "expected \(choices)")
        }
        static func badEncoding(_ got: String) -> String {
            Strings.CLI.optionError("--encoding", got, "expected utf-8 or windows-1252")
        }
        static func badFormat(_ got: String) -> String {
            Strings.CLI.optionError("--format", got, "expected csv, json or ics")
        }
        static func cannotReadCSV(_ path: String, _ why: String) -> String { "\(path): cannot read the file: \(why)" }
        static func csvNotFound(_ path: String) -> String { "\(path): no such file" }
        static func outputIsBoard(_ path: String) -> String {
            "-o: \(path) is the pipeline file itself; choose another file name"
        }

        static func setup(_ e: ImportSetupError, path: String) -> String {
            switch e {
            case .noTitleColumn(let headers):
                return "\(path): no column holds the deals' titles (columns: \(quotedList(headers))); "
                    + "name the title column with --map, e.g. --map \"\(headers.first ?? "Name")=title\""
            case .unknownMapColumn(let c, let headers):
                return Strings.CLI.optionProblem(
                    "--map", "the file has no column \"\(c)\"; its columns are: \(quotedList(headers))")
            case .unknownMapField(let f):
                return Strings.CLI.optionProblem(
                    "--map",
                    "\"\(f)\" is not a field; use one of: "
                        + ImportField.allCases.map(\.rawValue).joined(separator: ", ") + " (or - to ignore the column)")
            case .badMapOption(let raw):
                return Strings.CLI.optionError("--map", raw, "expected COLUMN=field, e.g. \"Deal - Title=title\"")
            case .badStageMapOption(let raw):
                return Strings.CLI.optionError("--stage-map", raw, "expected OLD=NEW, e.g. \"Demo scheduled=needs\"")
            case .unknownStageMapTarget(let ref, let stages):
                return Strings.CLI.optionProblem("--stage-map", Strings.CLI.unknownStage(ref, stages))
            case .csv(.empty):
                return "\(path): the file is empty"
            case .csv(.unterminatedQuote(let line)):
                return
                    "\(path): line \(line): a quoted field starts here and is never closed (a \" is missing); nothing was imported"
            case .noDataRows:
                return "\(path): the file has a header line but no deals; nothing was imported"
            }
        }

        static func quotedList(_ items: [String]) -> String { items.map { "\"\($0)\"" }.joined(separator: ", ") }

        // MARK: Row problems

        static func issue(_ i: RowIssue, mapping: ColumnMapping) -> String {
            func column(_ f: ImportField) -> String {
                mapping.column(f).map { mapping.headers[$0].trimmingCharacters(in: .whitespaces) } ?? f.rawValue
            }
            switch i {
            case .layout(.textAfterClosingQuote(let field)):
                let name = field < mapping.headers.count ? " (\"\(mapping.headers[field])\")" : ""
                return
                    "text after the closing quote of column \(field + 1)\(name); a quote inside a quoted field must be doubled (\"\")"
            case .layout(.invalidUTF8):
                return "the text is not UTF-8; if the file was saved by Excel on Windows, try --encoding windows-1252"
            case .tooManyFields(let got, let expected):
                return
                    "\(got) fields but the header has \(expected) columns (a value with the separator in it, not in quotes?)"
            case .noTitle:
                return "no title (\(column(.title)) is empty)"
            case .amount(let raw, let f):
                let c = column(.value)
                switch f {
                case .notAnAmount: return "\(c) \"\(raw)\" is not an amount (e.g. 12500, 12 500,50 € or $12,500.50)"
                case .ambiguous(let a):
                    return
                        "\(c) \"\(raw)\" is ambiguous (\(Strings.amountReadings(a))?); give --decimal , or --decimal ."
                case .tooManyDecimals: return "\(c) \"\(raw)\" has more than 2 decimals"
                case .negative: return "\(c) \"\(raw)\" is negative"
                case .otherMark(let m):
                    let (this, other) = m == .comma ? ("comma", "point") : ("point", "comma")
                    return
                        "\(c) \"\(raw)\" is written with a decimal \(this), but the file's amounts use a decimal \(other); "
                        + "give --decimal \(m.rawValue) if they do not"
                }
            case .currency(let raw):
                return "\(column(.currency)) \"\(raw)\" is not a currency code (three letters, e.g. EUR or USD)"
            case .currencyConflict(let written, let col):
                return "the amount is written in \(written) but \(column(.currency)) says \(col)"
            case .probability(let raw, let f):
                let c = column(.probability)
                switch f {
                case .notAPercentage: return "\(c) \"\(raw)\" is not a percentage (e.g. 50, 50 % or 65.5)"
                case .outOfRange: return "\(c) \"\(raw)\" is not between 0 and 100"
                case .notAFraction:
                    return "\(c) \"\(raw)\" is not a fraction from 0 to 1 (--probability-fraction is on)"
                case .looksLikeFraction:
                    return "\(c) \"\(raw)\" looks like a fraction (every probability of the file is 1 or less); "
                        + "add --probability-fraction if 0.5 means 50 %"
                }
            case .status(let raw):
                return "\(column(.status)) \"\(raw)\" is not open, won or lost"
            case .statusConflict(let status, let stage):
                return "status \(status) contradicts stage \"\(stage)\""
            case .date(let f, let raw, .notADate):
                return "\(column(f)) \"\(raw)\" is not a date (e.g. 2026-06-30, 30/06/2026 or 06/30/2026)"
            case .date(let f, let raw, .ambiguous):
                return
                    "\(column(f)) \"\(raw)\" could be day/month or month/day; give --date-order dmy or --date-order mdy"
            case .flag(let f, let raw):
                return "\(column(f)) \"\(raw)\" is not yes or no"
            case .time(let raw):
                return "\(column(.nextActionTime)) \"\(raw)\" is not a time of day (e.g. 14:30 or 2:30 PM)"
            case .dueWithoutAction:
                return "a next action date or done flag without a next action"
            case .duplicate(let first):
                return "the same deal as line \(first) (same id or key); it is imported once"
            case .rejected(let e):
                return Strings.describe(e)
            case .unknownStage(let name):
                return "no stage is called \"\(name)\""
            }
        }

        static func problemLine(_ p: RowProblem, mapping: ColumnMapping) -> String {
            "  line \(p.line): " + p.issues.map { issue($0, mapping: mapping) }.joined(separator: "; ")
        }

        static func unknownStages(_ u: [UnknownStage], board: Board) -> String {
            let names = u.map { s in "  \"\(s.name)\" (\(rows(s.rows)), first on line \(s.firstLine))" }
            let have = board.stages.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
            let example = u.first.map { "\($0.name)=\(board.stages.first?.id ?? "lead")" } ?? "Old=new"
            return """
                The file names \(u.count == 1 ? "a stage" : "\(u.count) stages") the board does not have:
                \(names.joined(separator: "\n"))
                Add --create-stages to create \(u.count == 1 ? "it" : "them") (before the won stage), \
                or map each to a stage of the board with --stage-map "\(example)".
                The board's stages: \(have).
                """
        }

        // MARK: Report

        static func rows(_ n: Int) -> String { n == 1 ? "1 row" : "\(n) rows" }
        static func sourceName(_ s: ImportSource) -> String {
            switch s {
            case .pipedrive: return "Pipedrive export"
            case .hubspot: return "HubSpot export"
            case .odoo: return "Odoo export"
            case .salesforce: return "Salesforce export"
            case .plain: return "plain columns"
            }
        }
        static func separatorName(_ b: UInt8) -> String {
            switch b {
            case UInt8(ascii: ","): return "\",\""
            case UInt8(ascii: ";"): return "\";\""
            case UInt8(ascii: "\t"): return "tab"
            default: return "\"\(Character(Unicode.Scalar(b)))\""
            }
        }
        static func readLine(
            _ path: String, rows n: Int, source: ImportSource, separator: UInt8, encoding: String,
            decimal: String?, dates: String?
        ) -> String {
            var parts = [sourceName(source), "separator " + separatorName(separator)]
            if encoding != "utf-8" { parts.append(encoding) }
            if let decimal { parts.append(decimal) }
            if let dates { parts.append(dates) }
            return "Read \(path): \(rows(n)); " + parts.joined(separator: "; ") + "."
        }
        static func decimalNote(_ m: DecimalMark?, given: Bool) -> String? {
            guard let m else { return "amounts read one by one (the file mixes decimal marks)" }
            let name = m == .comma ? "amounts with a decimal comma" : "amounts with a decimal point"
            return given ? name : name + " (detected)"
        }
        static func dateNote(_ o: DateOrder?, given: Bool) -> String? {
            guard let o else { return nil }
            let name = o == .dayMonth ? "dates as day/month" : "dates as month/day"
            return given ? name : name + " (detected)"
        }
        static func columnsLine(_ pairs: [(String, String)]) -> String {
            "Columns: " + pairs.map { "\"\($0.0)\" → \($0.1)" }.joined(separator: ", ")
        }
        static func ignoredLine(_ names: [String]) -> String { "Ignored columns: " + quotedList(names) }
        static func createdStage(_ c: CreatedStage, before: String?) -> String {
            let place = before.map { " before \($0)" } ?? ""
            let p = "\(c.stage.probability)%"
            let probability: String
            switch c.probabilitySource {
            case .rows: probability = "probability \(p) as its rows say"
            case .noneInRows(let from):
                probability =
                    "probability \(p) like \(from ?? "the stage before it") (the rows give none; change it in the board file if need be)"
            case .rowsDisagree(let from):
                probability =
                    "probability \(p) like \(from ?? "the stage before it") (its rows give different ones, which the deals keep)"
            }
            return "New stage \"\(c.stage.name)\" (id \(c.stage.id))\(place), \(probability); \(rows(c.rows))."
        }
        static let dryRunHeading = "Dry run: nothing was written."
        static func counts(added: Int, updated: Int, unchanged: Int) -> String {
            "\(added) added, \(updated) updated, \(unchanged) unchanged"
        }
        static func wouldImport(_ n: Int, _ counts: String) -> String {
            "Would import \(n == 1 ? "1 deal" : "\(n) deals"): \(counts)."
        }
        static func imported(_ n: Int, _ path: String, _ counts: String) -> String {
            "Imported \(n == 1 ? "1 deal" : "\(n) deals") into \(path): \(counts)."
        }
        static func nothingNew(_ n: Int) -> String {
            "Nothing changed: the board already has \(n == 1 ? "this deal" : "these \(n) deals") as the file has them."
        }
        static func problemsHeading(_ n: Int) -> String {
            n == 1 ? "1 row has a problem:" : "\(n) rows have problems:"
        }
        static func skippedHeading(_ n: Int) -> String {
            n == 1 ? "Skipped 1 row with a problem:" : "Skipped \(n) rows with problems:"
        }
        static func refusedProblems(_ n: Int) -> String {
            "nothing was imported: \(n == 1 ? "1 row has a problem" : "\(n) rows have problems"). "
                + "Fix the file, or add --skip-invalid to import the other rows."
        }
        static let refusedStages = "nothing was imported: the file names stages the board does not have."
        static func dryRunWouldRefuse(_ n: Int) -> String {
            "the import would stop: \(n == 1 ? "1 row has a problem" : "\(n) rows have problems"); add --skip-invalid to import the other rows"
        }
        static let dryRunWouldRefuseStages =
            "the import would stop: the file names stages the board does not have (see above)"
        static let nothingValid = "nothing was imported: no row is valid."
        static func blankRows(_ n: Int) -> String { "(\(n == 1 ? "1 blank row" : "\(n) blank rows") ignored)" }
        static let noValueColumn = "No column holds the amounts: new deals get the value 0."
        static func progress(_ done: Int, _ total: Int) -> String {
            "importing… \(done * 100 / max(total, 1))% (\(done) of \(total) rows)"
        }
        static let figuresHeading = "Deals of the file, by stage:"

        // MARK: Export

        static func exported(_ n: Int, _ path: String, _ format: String) -> String {
            "Exported \(n == 1 ? "1 deal" : "\(n) deals") to \(path) (\(format))."
        }
        static func exportedEvents(_ n: Int, _ path: String) -> String {
            "Exported \(n == 1 ? "1 planned activity" : "\(n) planned activities") to \(path) (ics)."
        }
        static let emptyCalendar =
            "No open deal has a dated activity still to do: the calendar is valid and empty (its events are gone)."
        /// "Call: Follow up on the quote — ERP integration (Acme)".
        static func icsSummary(type: String, action: String, title: String, company: String?) -> String {
            let what = "\(type): \(action)"
            return company.map { "\(what) — \(title) (\($0))" } ?? "\(what) — \(title)"
        }
        static func icsDescription(
            value: String, weighted: String, stage: String, probability: String,
            contact: String?, phone: String?, email: String?, id: String
        ) -> String {
            var lines = ["Value: \(value) (weighted \(weighted), \(probability)%)", "Stage: \(stage)"]
            if let contact { lines.append("Contact: \(contact)") }
            if let phone { lines.append("Phone: \(phone)") }
            if let email { lines.append("Email: \(email)") }
            lines.append("Deal: \(id) (pipedeck show \(id))")
            return lines.joined(separator: "\n")
        }
        static func calendarName(_ board: String) -> String { "\(board) — next actions" }
    }
}
