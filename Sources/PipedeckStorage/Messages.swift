import PipedeckCore

/// Every sentence the storage layer shows to a person, kept in one place (like `Strings` in
/// PipedeckCore) so that wording and translation never touch the logic.
public enum StorageStrings {
    // JSON syntax: what was expected at a line and column.
    public static var expectedValue: String {
        tr(
            "expected a value (an object, array, string, number, true, false or null)",
            "attendu : une valeur (un objet, un tableau, une chaîne, un nombre, true, false ou null)")
    }
    public static var expectedValueAfterComma: String {
        tr("expected a value after \",\"", "attendu : une valeur après « , »")
    }
    public static var expectedValueOrEndOfArray: String {
        tr("expected a value or \"]\"", "attendu : une valeur ou « ] »")
    }
    public static var expectedFieldNameOrEnd: String {
        tr(
            "expected a field name in double quotes or \"}\"",
            "attendu : un nom de champ entre guillemets doubles ou « } »")
    }
    public static var expectedFieldName: String {
        tr(
            "expected a field name in double quotes after \",\"",
            "attendu : un nom de champ entre guillemets doubles après « , »")
    }
    public static var expectedColon: String {
        tr("expected \":\" after the field name", "attendu : « : » après le nom du champ")
    }
    public static var expectedCommaOrBrace: String {
        tr("expected \",\" or \"}\" after a value", "attendu : « , » ou « } » après une valeur")
    }
    public static var expectedCommaOrBracket: String {
        tr("expected \",\" or \"]\" after a value", "attendu : « , » ou « ] » après une valeur")
    }
    public static var expectedEndOfFile: String {
        tr(
            "expected the end of the file after the top-level value",
            "attendu : la fin du fichier après la valeur principale")
    }
    public static var expectedClosingQuoteOnLine: String {
        tr(
            "expected a closing double quote before the end of the line",
            "attendu : un guillemet double fermant avant la fin de la ligne")
    }
    public static var expectedClosingQuote: String {
        tr("expected a closing double quote", "attendu : un guillemet double fermant")
    }
    public static var controlCharacterInString: String {
        tr(
            "expected an escape such as \\t or \\u0001 instead of a control character inside a string",
            "attendu : un échappement comme \\t ou \\u0001 au lieu d'un caractère de contrôle dans une chaîne")
    }
    public static var expectedEscape: String {
        tr(
            "expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) after a backslash",
            "attendu : un échappement (\\\" \\\\ \\/ \\b \\f \\n \\r \\t ou \\uXXXX) après une barre oblique inverse")
    }
    public static var expectedHexDigits: String {
        tr("expected four hexadecimal digits after \\u", "attendu : quatre chiffres hexadécimaux après \\u")
    }
    public static var expectedLowSurrogate: String {
        tr(
            "expected a second \\uDC00–\\uDFFF escape to complete the surrogate pair",
            "attendu : un second échappement \\uDC00–\\uDFFF pour compléter la paire de substitution")
    }
    public static var loneLowSurrogate: String {
        tr(
            "expected a first \\uD800–\\uDBFF escape before this second half of a surrogate pair",
            "attendu : un premier échappement \\uD800–\\uDBFF avant cette seconde moitié de paire de substitution")
    }
    public static var invalidUTF8: String {
        tr(
            "expected UTF-8 text, found an invalid byte sequence",
            "attendu : du texte UTF-8, trouvé une suite d'octets invalide")
    }
    public static var expectedDigitAfterMinus: String {
        tr("expected a digit after \"-\"", "attendu : un chiffre après « - »")
    }
    public static var leadingZero: String {
        tr("expected a number without leading zeros", "attendu : un nombre sans zéros en tête")
    }
    public static var expectedDigitAfterPoint: String {
        tr("expected a digit after the decimal point", "attendu : un chiffre après le point décimal")
    }
    public static var expectedExponentDigit: String {
        tr("expected a digit in the exponent", "attendu : un chiffre dans l'exposant")
    }
    public static func tooDeep(_ n: Int) -> String {
        tr(
            "expected at most \(n) levels of nested arrays and objects",
            "attendu : au plus \(n) niveaux de tableaux et d'objets imbriqués")
    }
    public static var foundEnd: String { tr(", found the end of the file", ", trouvé la fin du fichier") }
    public static func duplicateKey(_ key: String) -> String {
        tr(
            "the field \(quoted(key)) appears twice in the same object",
            "le champ \(quoted(key)) apparaît deux fois dans le même objet")
    }
    public static var tooLarge: String { tr("the file is larger than 4 GB", "le fichier dépasse 4 Go") }

    // Loading a board: whole sentences start with the file's path.
    public static func notFound(_ path: String) -> String {
        tr(
            "\(path): the file does not exist; create a board there with \"pipedeck init\"",
            "\(path) : le fichier n'existe pas ; créez-y un tableau avec « pipedeck init »")
    }
    public static func cannotRead(_ path: String, _ why: String) -> String {
        tr("\(path): cannot read the file: \(why)", "\(path) : impossible de lire le fichier : \(why)")
    }
    public static func empty(_ path: String) -> String {
        tr(
            "\(path): the file is empty; expected a board (a JSON object)",
            "\(path) : le fichier est vide ; attendu : un tableau (un objet JSON)")
    }
    public static func syntax(_ path: String, _ e: JSONSyntaxError) -> String {
        tr("\(path): \(e.description)", "\(path) : \(e.description)")
    }
    public static func notAnObject(_ path: String, found: String) -> String {
        tr(
            "\(path): expected a board (a JSON object), found \(found)",
            "\(path) : attendu : un tableau (un objet JSON), trouvé \(found)")
    }
    public static func notABoard(_ path: String) -> String {
        tr(
            "\(path): this does not look like a Pipedeck board: it has no \"version\" field and no \"stages\" and \"deals\" arrays",
            "\(path) : ceci ne ressemble pas à un tableau Pipedeck : pas de champ \"version\" ni de tableaux \"stages\" et \"deals\""
        )
    }
    public static func newerVersion(_ path: String, _ v: String) -> String {
        tr(
            "\(path): the file has format version \(v) and needs a newer Pipedeck (this one reads versions up to \(Board.schemaVersion))",
            "\(path) : le fichier est au format version \(v) et demande un Pipedeck plus récent (celui-ci lit les versions jusqu'à \(Board.schemaVersion))"
        )
    }
    public static func shape(_ path: String, _ place: String, _ detail: String) -> String {
        tr(
            place.isEmpty ? "\(path): \(detail)" : "\(path): \(place): \(detail)",
            place.isEmpty ? "\(path) : \(detail)" : "\(path) : \(place) : \(detail)")
    }
    public static func duplicateDealID(_ path: String, _ id: String, _ first: Int, _ second: Int) -> String {
        tr(
            "\(path): two deals have the id \(quoted(id)) (deals[\(first)] and deals[\(second)]); each deal needs its own id",
            "\(path) : deux affaires ont l'identifiant \(quoted(id)) (deals[\(first)] et deals[\(second)]) ; chaque affaire doit avoir le sien"
        )
    }
    public static func duplicateStageID(_ path: String, _ id: String, _ first: Int, _ second: Int) -> String {
        tr(
            "\(path): two stages have the id \(quoted(id)) (stages[\(first)] and stages[\(second)]); each stage needs its own id",
            "\(path) : deux étapes ont l'identifiant \(quoted(id)) (stages[\(first)] et stages[\(second)]) ; chaque étape doit avoir le sien"
        )
    }
    public static func unknownStage(_ path: String, deal: String, stage: String) -> String {
        tr(
            "\(path): deal \(quoted(deal)) is in stage \(quoted(stage)), which is not one of the board's stages",
            "\(path) : l'affaire \(quoted(deal)) est dans l'étape \(quoted(stage)), qui n'est pas une étape du tableau")
    }

    // Details after "field "x": ".
    public static func missing(_ field: String) -> String {
        tr("field \(quoted(field)) is missing", "le champ \(quoted(field)) manque")
    }
    public static func field(_ field: String, _ detail: String) -> String {
        tr("field \(quoted(field)): \(detail)", "champ \(quoted(field)) : \(detail)")
    }
    public static func expected(_ what: String, found: String) -> String {
        tr("expected \(what), found \(found)", "attendu : \(what), trouvé \(found)")
    }
    public static var aString: String { tr("a string", "une chaîne") }
    public static var aNonEmptyString: String { tr("a non-empty string", "une chaîne non vide") }
    public static var aNumber: String { tr("a number", "un nombre") }
    public static var aBoolean: String { tr("true or false", "true ou false") }
    public static var anArray: String { tr("an array", "un tableau") }
    public static var anObject: String { tr("an object", "un objet") }
    public static var stageKind: String { tr("\"open\" or \"won\"", "\"open\" ou \"won\"") }
    public static var dealStatus: String { tr("\"open\", \"won\" or \"lost\"", "\"open\", \"won\" ou \"lost\"") }
    public static var mergeKind: String { tr("\"conflict\" or \"keptEdited\"", "\"conflict\" ou \"keptEdited\"") }
    public static var percentage: String {
        tr("a percentage from 0 to 100 with at most 2 decimals", "un pourcentage de 0 à 100 avec au plus 2 décimales")
    }
    public static var amount: String { tr("an amount of 0 or more", "un montant de 0 ou plus") }
    public static var twoDecimals: String { tr("at most 2 decimals", "au plus 2 décimales") }
    public static var amountSize: String {
        tr(
            "an amount with at most 24 digits before the decimal point",
            "un montant d'au plus 24 chiffres avant la virgule")
    }
    public static var wholeNumber: String { tr("a whole number", "un nombre entier") }
    public static var dayCount: String {
        tr("a whole number of days, 0 or more", "un nombre entier de jours, 0 ou plus")
    }
    public static var characterCount: String {
        tr("a whole number of characters, 0 or more", "un nombre entier de caractères, 0 ou plus")
    }
    public static var schemaVersion: String { tr("a whole number, 1 or more", "un nombre entier, 1 ou plus") }
    public static var date: String { tr("a date as YYYY-MM-DD", "une date AAAA-MM-JJ") }
    public static var timestamp: String {
        tr("a date and time as YYYY-MM-DDTHH:MM:SSZ", "une date et une heure AAAA-MM-JJTHH:MM:SSZ")
    }
    public static var currencyCode: String {
        tr("a currency code of 3 capital letters such as EUR", "un code de devise de 3 lettres majuscules comme EUR")
    }
    /// The subject of a next activity an imported file gives only a day for.
    public static var importedNextActivity: String { tr("Next activity", "Prochaine activité") }
    public static var activityType: String {
        tr(
            "\"call\", \"meeting\", \"email\", \"task\" or \"deadline\"",
            "\"call\", \"meeting\", \"email\", \"task\" ou \"deadline\"")
    }
    public static var timeOfDay: String { tr("a time of day as HH:MM", "une heure HH:MM") }
    public static var minutes: String {
        tr("a whole number of minutes from 1 to 1440", "un nombre entier de minutes de 1 à 1440")
    }

    // Saving.
    public static func cannotWrite(_ path: String, _ why: String) -> String {
        tr("cannot write \(path): \(why)", "impossible d'écrire \(path) : \(why)")
    }
    public static func cannotCreateFolder(_ folder: String, _ why: String) -> String {
        tr("cannot create the folder \(folder): \(why)", "impossible de créer le dossier \(folder) : \(why)")
    }
    public static func notAFolder(_ folder: String) -> String {
        tr("\(folder) is not a folder", "\(folder) n'est pas un dossier")
    }

    /// A string as it would appear in JSON, cut short when long, for quoting in a message.
    public static func quoted(_ s: String, limit: Int = 60) -> String {
        var t = s
        if t.count > limit { t = String(t.prefix(limit)) + "…" }
        let w = ByteWriter(capacity: t.utf8.count + 2)
        w.string(t)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
