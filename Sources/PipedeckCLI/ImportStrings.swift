import PipedeckCore
import PipedeckStorage

/// The sentences of `pipedeck import` and `pipedeck export`.
extension Strings {
    enum Transfer {
        // MARK: Help

        static var importAbstract: String {
            tr(
                "Import deals from a CSV file (Pipedrive, HubSpot, Odoo, Salesforce or plain columns).",
                "Importer des affaires depuis un fichier CSV (Pipedrive, HubSpot, Odoo, Salesforce ou colonnes simples)."
            )
        }
        static var importDiscussion: String {
            tr(
                """
                Columns are recognised by name (any case): the exports of Pipedrive, HubSpot, Odoo and Salesforce, \
                and the plain names title, value, currency, stage, probability, status, lost_reason, company, contact, \
                owner, source, tags, expected_close, next_action, next_action_due, next_action_done, notes, id, \
                created_at, updated_at. Nothing is written unless every row is valid (or --skip-invalid is given); \
                importing the same file again updates the deals instead of adding them twice. \
                See docs/import-export.md.
                """,
                """
                Les colonnes sont reconnues par leur nom (majuscules indifférentes) : les exports de Pipedrive, HubSpot, Odoo et \
                Salesforce, et les noms simples title, value, currency, stage, probability, status, lost_reason, company, contact, \
                owner, source, tags, expected_close, next_action, next_action_due, next_action_done, notes, id, \
                created_at, updated_at. Rien n'est écrit tant qu'une ligne est invalide (sauf avec --skip-invalid) ; \
                importer de nouveau le même fichier met les affaires à jour au lieu de les ajouter deux fois. \
                Voir docs/import-export.md.
                """)
        }
        static var exportAbstract: String {
            tr(
                "Export deals as CSV or JSON, or their planned activities as an iCalendar file.",
                "Exporter les affaires en CSV ou JSON, ou leurs activités prévues en fichier iCalendar.")
        }
        static var exportDiscussion: String {
            tr(
                """
                CSV has the plain column names that `pipedeck import` reads back. JSON is an array of deals as the \
                board file holds them. ICS has one event per planned activity of an open deal that has a due date \
                (at its time and for its duration when set, else all day). Without -o the export goes to stdout.
                """,
                """
                Le CSV a les noms de colonnes simples que `pipedeck import` relit. Le JSON est un tableau d'affaires telles \
                que le fichier du tableau les garde. L'ICS a un événement par activité prévue et datée d'une affaire \
                ouverte (à son heure et pour sa durée quand elles sont données, sinon sur la journée). Sans -o, \
                l'export va sur la sortie standard.
                """)
        }
        static var helpCSV: String {
            tr("The CSV file to read (- for stdin).", "Le fichier CSV à lire (- pour l'entrée standard).")
        }
        static var helpDryRun: String {
            tr(
                "Show what would be imported (figures per stage, rows with problems); write nothing.",
                "Montrer ce qui serait importé (chiffres par étape, lignes à problème) ; ne rien écrire.")
        }
        static var helpSkipInvalid: String {
            tr(
                "Import the valid rows and skip the rows with problems (they are listed).",
                "Importer les lignes valides et sauter les lignes à problème (elles sont listées).")
        }
        static var helpCreateStages: String {
            tr(
                "Create the stages the file names and the board lacks (before the won stage).",
                "Créer les étapes que le fichier nomme et que le tableau n'a pas (avant l'étape gagnée).")
        }
        static var helpStageMap: String {
            tr(
                "Put the file's stage OLD into the board's stage NEW (id, name or position); repeatable.",
                "Mettre l'étape ANCIENNE du fichier dans l'étape NOUVELLE du tableau (identifiant, nom ou position) ; répétable."
            )
        }
        static var helpMap: String {
            tr(
                "Read column COLUMN into FIELD (a plain field name; empty or - ignores the column); repeatable.",
                "Lire la colonne COLONNE dans CHAMP (un nom de champ simple ; vide ou - ignore la colonne) ; répétable."
            )
        }
        static var helpDecimal: String {
            tr(
                "The decimal mark of the amounts, , or . (default: decided from the file's values).",
                "La marque décimale des montants, , ou . (par défaut : déduite des valeurs du fichier).")
        }
        static var helpFraction: String {
            tr(
                "Probabilities are fractions from 0 to 1 (0.5 is 50 %).",
                "Les probabilités sont des fractions de 0 à 1 (0.5 vaut 50 %).")
        }
        static var helpDateOrder: String {
            tr(
                "Order of day and month in dates like 03/04/2026: dmy or mdy (default: decided from the file).",
                "Ordre du jour et du mois dans des dates comme 03/04/2026 : dmy ou mdy (par défaut : déduit du fichier)."
            )
        }
        static var helpSeparator: String {
            tr(
                "The field separator: , ; or tab (default: detected from the header line).",
                "Le séparateur de champs : , ; ou tab (par défaut : détecté sur la ligne d'en-tête).")
        }
        static var helpEncoding: String {
            tr(
                "The file's encoding: utf-8 (default) or windows-1252.",
                "L'encodage du fichier : utf-8 (par défaut) ou windows-1252.")
        }
        static var helpFormat: String {
            tr(
                "csv, json or ics (default: from the -o file's extension, else csv).",
                "csv, json ou ics (par défaut : d'après l'extension du fichier -o, sinon csv).")
        }
        static var helpExportStatus: String {
            tr(
                "Which deals: open, won, lost or all (an ICS file only ever has open deals).",
                "Quelles affaires : open, won, lost ou all (un fichier ICS n'a jamais que des affaires ouvertes).")
        }
        static var helpOutput: String {
            tr(
                "Write to this file (replaced atomically) instead of stdout.",
                "Écrire dans ce fichier (remplacé de façon atomique) au lieu de la sortie standard.")
        }
        static var helpBOM: String {
            tr(
                "Start the CSV with a UTF-8 byte order mark (for Excel).",
                "Commencer le CSV par une marque d'ordre des octets UTF-8 (pour Excel).")
        }
        static var helpExportSeparator: String {
            tr(
                "The CSV separator: , (default) or ; (for spreadsheets in decimal-comma locales).",
                "Le séparateur CSV : , (par défaut) ou ; (pour les tableurs des langues à virgule décimale).")
        }

        // MARK: Option and file errors

        static func badDecimal(_ got: String) -> String {
            Strings.CLI.optionError("--decimal", got, tr("expected , or .", "attendu : , ou ."))
        }
        static func badDateOrder(_ got: String) -> String {
            Strings.CLI.optionError("--date-order", got, tr("expected dmy or mdy", "attendu : dmy ou mdy"))
        }
        static func badSeparator(_ option: String, _ got: String, _ choices: String) -> String {
            Strings.CLI.optionError(option, got, tr("expected \(choices)", "attendu : \(choices)"))
        }
        static func badEncoding(_ got: String) -> String {
            Strings.CLI.optionError(
                "--encoding", got, tr("expected utf-8 or windows-1252", "attendu : utf-8 ou windows-1252"))
        }
        static func badFormat(_ got: String) -> String {
            Strings.CLI.optionError("--format", got, tr("expected csv, json or ics", "attendu : csv, json ou ics"))
        }
        static func cannotReadCSV(_ path: String, _ why: String) -> String {
            tr("\(path): cannot read the file: \(why)", "\(path) : impossible de lire le fichier : \(why)")
        }
        static func csvNotFound(_ path: String) -> String {
            tr("\(path): no such file", "\(path) : fichier introuvable")
        }
        static func outputIsBoard(_ path: String) -> String {
            tr(
                "-o: \(path) is the pipeline file itself; choose another file name",
                "-o : \(path) est le fichier du pipeline lui-même ; choisissez un autre nom de fichier")
        }

        static func setup(_ e: ImportSetupError, path: String) -> String {
            switch e {
            case .noTitleColumn(let headers):
                return tr(
                    "\(path): no column holds the deals' titles (columns: \(quotedList(headers))); "
                        + "name the title column with --map, e.g. --map \"\(headers.first ?? "Name")=title\"",
                    "\(path) : aucune colonne ne contient les titres des affaires (colonnes : \(quotedList(headers))) ; "
                        + "nommez la colonne du titre avec --map, p. ex. --map \"\(headers.first ?? "Nom")=title\"")
            case .unknownMapColumn(let c, let headers):
                return Strings.CLI.optionProblem(
                    "--map",
                    tr(
                        "the file has no column \"\(c)\"; its columns are: \(quotedList(headers))",
                        "le fichier n'a pas de colonne « \(c) » ; ses colonnes sont : \(quotedList(headers))"))
            case .unknownMapField(let f):
                return Strings.CLI.optionProblem(
                    "--map",
                    tr("\"\(f)\" is not a field; use one of: ", "« \(f) » n'est pas un champ ; utilisez l'un de : ")
                        + ImportField.allCases.map(\.rawValue).joined(separator: ", ")
                        + tr(" (or - to ignore the column)", " (ou - pour ignorer la colonne)"))
            case .badMapOption(let raw):
                return Strings.CLI.optionError(
                    "--map", raw,
                    tr(
                        "expected COLUMN=field, e.g. \"Deal - Title=title\"",
                        "attendu : COLONNE=champ, p. ex. \"Deal - Title=title\""))
            case .badStageMapOption(let raw):
                return Strings.CLI.optionError(
                    "--stage-map", raw,
                    tr(
                        "expected OLD=NEW, e.g. \"Demo scheduled=needs\"",
                        "attendu : ANCIENNE=NOUVELLE, p. ex. \"Démo prévue=needs\""))
            case .unknownStageMapTarget(let ref, let stages):
                return Strings.CLI.optionProblem("--stage-map", Strings.CLI.unknownStage(ref, stages))
            case .csv(.empty):
                return tr("\(path): the file is empty", "\(path) : le fichier est vide")
            case .csv(.unterminatedQuote(let line)):
                return
                    tr(
                        "\(path): line \(line): a quoted field starts here and is never closed (a \" is missing); nothing was imported",
                        "\(path) : ligne \(line) : un champ entre guillemets commence ici et n'est jamais fermé (il manque un \") ; rien n'a été importé"
                    )
            case .noDataRows:
                return tr(
                    "\(path): the file has a header line but no deals; nothing was imported",
                    "\(path) : le fichier a une ligne d'en-tête mais aucune affaire ; rien n'a été importé")
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
                    tr(
                        "text after the closing quote of column \(field + 1)\(name); a quote inside a quoted field must be doubled (\"\")",
                        "du texte après le guillemet fermant de la colonne \(field + 1)\(name) ; un guillemet dans un champ entre guillemets doit être doublé (\"\")"
                    )
            case .layout(.invalidUTF8):
                return tr(
                    "the text is not UTF-8; if the file was saved by Excel on Windows, try --encoding windows-1252",
                    "le texte n'est pas en UTF-8 ; si le fichier a été enregistré par Excel sous Windows, essayez --encoding windows-1252"
                )
            case .tooManyFields(let got, let expected):
                return
                    tr(
                        "\(got) fields but the header has \(expected) columns (a value with the separator in it, not in quotes?)",
                        "\(got) champs alors que l'en-tête a \(expected) colonnes (une valeur contenant le séparateur, sans guillemets ?)"
                    )
            case .noTitle:
                return tr("no title (\(column(.title)) is empty)", "pas de titre (\(column(.title)) est vide)")
            case .amount(let raw, let f):
                let c = column(.value)
                switch f {
                case .notAnAmount:
                    return tr(
                        "\(c) \"\(raw)\" is not an amount (e.g. 12500, 12 500,50 € or $12,500.50)",
                        "\(c) « \(raw) » n'est pas un montant (p. ex. 12500, 12 500,50 € ou $12,500.50)")
                case .ambiguous(let a):
                    return
                        tr(
                            "\(c) \"\(raw)\" is ambiguous (\(Strings.amountReadings(a))?); give --decimal , or --decimal .",
                            "\(c) « \(raw) » est ambigu (\(Strings.amountReadings(a)) ?) ; donnez --decimal , ou --decimal ."
                        )
                case .tooManyDecimals:
                    return tr("\(c) \"\(raw)\" has more than 2 decimals", "\(c) « \(raw) » a plus de 2 décimales")
                case .negative: return tr("\(c) \"\(raw)\" is negative", "\(c) « \(raw) » est négatif")
                case .otherMark(let m):
                    return tr(
                        "\(c) \"\(raw)\" is written with a decimal \(m == .comma ? "comma" : "point"), but the file's "
                            + "amounts use a decimal \(m == .comma ? "point" : "comma"); "
                            + "give --decimal \(m.rawValue) if they do not",
                        "\(c) « \(raw) » est écrit avec \(m == .comma ? "une virgule" : "un point") décimal\(m == .comma ? "e" : "") "
                            + "mais les montants du fichier utilisent \(m == .comma ? "un point décimal" : "une virgule décimale") ; "
                            + "donnez --decimal \(m.rawValue) si ce n'est pas le cas")
                }
            case .currency(let raw):
                return tr(
                    "\(column(.currency)) \"\(raw)\" is not a currency code (three letters, e.g. EUR or USD)",
                    "\(column(.currency)) « \(raw) » n'est pas un code de devise (trois lettres, p. ex. EUR ou USD)")
            case .currencyConflict(let written, let col):
                return tr(
                    "the amount is written in \(written) but \(column(.currency)) says \(col)",
                    "le montant est écrit en \(written) mais \(column(.currency)) indique \(col)")
            case .probability(let raw, let f):
                let c = column(.probability)
                switch f {
                case .notAPercentage:
                    return tr(
                        "\(c) \"\(raw)\" is not a percentage (e.g. 50, 50 % or 65.5)",
                        "\(c) « \(raw) » n'est pas un pourcentage (p. ex. 50, 50 % ou 65,5)")
                case .outOfRange:
                    return tr("\(c) \"\(raw)\" is not between 0 and 100", "\(c) « \(raw) » n'est pas entre 0 et 100")
                case .notAFraction:
                    return tr(
                        "\(c) \"\(raw)\" is not a fraction from 0 to 1 (--probability-fraction is on)",
                        "\(c) « \(raw) » n'est pas une fraction de 0 à 1 (--probability-fraction est activé)")
                case .looksLikeFraction:
                    return tr(
                        "\(c) \"\(raw)\" looks like a fraction (every probability of the file is 1 or less); "
                            + "add --probability-fraction if 0.5 means 50 %",
                        "\(c) « \(raw) » ressemble à une fraction (toutes les probabilités du fichier valent 1 ou moins) ; "
                            + "ajoutez --probability-fraction si 0.5 veut dire 50 %")
                }
            case .status(let raw):
                return tr(
                    "\(column(.status)) \"\(raw)\" is not open, won or lost",
                    "\(column(.status)) « \(raw) » n'est ni open, ni won, ni lost")
            case .statusConflict(let status, let stage):
                return tr(
                    "status \(status) contradicts stage \"\(stage)\"",
                    "le statut \(status) contredit l'étape « \(stage) »")
            case .date(let f, let raw, .notADate):
                return tr(
                    "\(column(f)) \"\(raw)\" is not a date (e.g. 2026-06-30, 30/06/2026 or 06/30/2026)",
                    "\(column(f)) « \(raw) » n'est pas une date (p. ex. 2026-06-30, 30/06/2026 ou 06/30/2026)")
            case .date(let f, let raw, .ambiguous):
                return
                    tr(
                        "\(column(f)) \"\(raw)\" could be day/month or month/day; give --date-order dmy or --date-order mdy",
                        "\(column(f)) « \(raw) » peut se lire jour/mois ou mois/jour ; donnez --date-order dmy ou --date-order mdy"
                    )
            case .flag(let f, let raw):
                return tr("\(column(f)) \"\(raw)\" is not yes or no", "\(column(f)) « \(raw) » n'est ni oui ni non")
            case .time(let raw):
                return tr(
                    "\(column(.nextActionTime)) \"\(raw)\" is not a time of day (e.g. 14:30 or 2:30 PM)",
                    "\(column(.nextActionTime)) « \(raw) » n'est pas une heure (p. ex. 14:30 ou 2:30 PM)")
            case .dueWithoutAction:
                return tr(
                    "a next action date or done flag without a next action",
                    "une échéance ou un indicateur « fait » sans prochaine action")
            case .duplicate(let first):
                return tr(
                    "the same deal as line \(first) (same id or key); it is imported once",
                    "la même affaire que la ligne \(first) (même identifiant ou même clé) ; elle est importée une fois")
            case .rejected(let e):
                return Strings.describe(e)
            case .unknownStage(let name):
                return tr("no stage is called \"\(name)\"", "aucune étape ne s'appelle « \(name) »")
            }
        }

        static func problemLine(_ p: RowProblem, mapping: ColumnMapping) -> String {
            tr(
                "  line \(p.line): " + p.issues.map { issue($0, mapping: mapping) }.joined(separator: "; "),
                "  ligne \(p.line) : " + p.issues.map { issue($0, mapping: mapping) }.joined(separator: " ; "))
        }

        static func unknownStages(_ u: [UnknownStage], board: Board) -> String {
            let names = u.map { s in
                tr(
                    "  \"\(s.name)\" (\(rows(s.rows)), first on line \(s.firstLine))",
                    "  « \(s.name) » (\(rows(s.rows)), d'abord à la ligne \(s.firstLine))")
            }
            let have = board.stages.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
            let firstID = board.stages.first?.id ?? "lead" // not shown
            let example = u.first.map { "\($0.name)=\(firstID)" } ?? tr("Old=new", "Ancienne=nouvelle")
            return tr(
                """
                The file names \(u.count == 1 ? "a stage" : "\(u.count) stages") the board does not have:
                \(names.joined(separator: "\n"))
                Add --create-stages to create \(u.count == 1 ? "it" : "them") (before the won stage), \
                or map each to a stage of the board with --stage-map "\(example)".
                The board's stages: \(have).
                """,
                """
                Le fichier nomme \(u.count == 1 ? "une étape" : "\(u.count) étapes") que le tableau n'a pas :
                \(names.joined(separator: "\n"))
                Ajoutez --create-stages pour \(u.count == 1 ? "la" : "les") créer (avant l'étape gagnée), \
                ou faites correspondre chacune à une étape du tableau avec --stage-map "\(example)".
                Les étapes du tableau : \(have).
                """)
        }
    }
}
