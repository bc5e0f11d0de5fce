import PipedeckCore

/// Every sentence the storage layer shows to a person, kept in one place (like `Strings` in
/// PipedeckCore) so that wording and translation never touch the logic.
public enum StorageStrings {
    // JSON syntax: what was expected at a line and column.
    public static let expectedValue = "expected a value (an object, array, string, number, true, false or null)"
    public static let expectedValueAfterComma = "expected a value after \",\""
    public static let expectedValueOrEndOfArray = "expected a value or \"]\""
    public static let expectedFieldNameOrEnd = "expected a field name in double quotes or \"}\""
    public static let expectedFieldName = "expected a field name in double quotes after \",\""
    public static let expectedColon = "expected \":\" after the field name"
    public static let expectedCommaOrBrace = "expected \",\" or \"}\" after a value"
    public static let expectedCommaOrBracket = "expected \",\" or \"]\" after a value"
    public static let expectedEndOfFile = "expected the end of the file after the top-level value"
    public static let expectedClosingQuoteOnLine = "expected a closing double quote before the end of the line"
    public static let expectedClosingQuote = "expected a closing double quote"
    public static let controlCharacterInString =
        "expected an escape such as \\t or \\u0001 instead of a control character inside a string"
    public static let expectedEscape =
        "expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) after a backslash"
    public static let expectedHexDigits = "expected four hexadecimal digits after \\u"
    public static let expectedLowSurrogate = "expected a second \\uDC00–\\uDFFF escape to complete the surrogate pair"
    public static let loneLowSurrogate =
        "expected a first \\uD800–\\uDBFF escape before this second half of a surrogate pair"
    public static let invalidUTF8 = "expected UTF-8 text, found an invalid byte sequence"
    public static let expectedDigitAfterMinus = "expected a digit after \"-\""
    public static let leadingZero = "expected a number without leading zeros"
    public static let expectedDigitAfterPoint = "expected a digit after the decimal point"
    public static let expectedExponentDigit = "expected a digit in the exponent"
    public static func tooDeep(_ n: Int) -> String { "expected at most \(n) levels of nested arrays and objects" }
    public static let foundEnd = ", found the end of the file"
    public static func duplicateKey(_ key: String) -> String {
        "the field \(quoted(key)) appears twice in the same object"
    }
    public static let tooLarge = "the file is larger than 4 GB"

    // Loading a board: whole sentences start with the file's path.
    public static func notFound(_ path: String) -> String {
        "\(path): the file does not exist; create a board there with \"pipedeck init\""
    }
    public static func cannotRead(_ path: String, _ why: String) -> String { "\(path): cannot read the file: \(why)" }
    public static func empty(_ path: String) -> String {
        "\(path): the file is empty; expected a board (a JSON object)"
    }
    public static func syntax(_ path: String, _ e: JSONSyntaxError) -> String { "\(path): \(e.description)" }
    public static func notAnObject(_ path: String, found: String) -> String {
        "\(path): expected a board (a JSON object), found \(found)"
    }
    public static func notABoard(_ path: String) -> String {
        "\(path): this does not look like a Pipedeck board: it has no \"version\" field and no \"stages\" and \"deals\" arrays"
    }
    public static func newerVersion(_ path: String, _ v: String) -> String {
        "\(path): the file has format version \(v) and needs a newer Pipedeck (this one reads versions up to \(Board.schemaVersion))"
    }
    public static func shape(_ path: String, _ place: String, _ detail: String) -> String {
        place.isEmpty ? "\(path): \(detail)" : "\(path): \(place): \(detail)"
    }
    public static func duplicateDealID(_ path: String, _ id: String, _ first: Int, _ second: Int) -> String {
        "\(path): two deals have the id \(quoted(id)) (deals[\(first)] and deals[\(second)]); each deal needs its own id"
    }
    public static func duplicateStageID(_ path: String, _ id: String, _ first: Int, _ second: Int) -> String {
        "\(path): two stages have the id \(quoted(id)) (stages[\(first)] and stages[\(second)]); each stage needs its own id"
    }
    public static func unknownStage(_ path: String, deal: String, stage: String) -> String {
        "\(path): deal \(quoted(deal)) is in stage \(quoted(stage)), which is not one of the board's stages"
    }

    // Details after "field "x": ".
    public static func missing(_ field: String) -> String { "field \(quoted(field)) is missing" }
    public static func field(_ field: String, _ detail: String) -> String { "field \(quoted(field)): \(detail)" }
    public static func expected(_ what: String, found: String) -> String { "expected \(what), found \(found)" }
    public static let aString = "a string"
    public static let aNonEmptyString = "a non-empty string"
    public static let aNumber = "a number"
    public static let aBoolean = "true or false"
    public static let anArray = "an array"
    public static let anObject = "an object"
    public static let stageKind = "\"open\" or \"won\""
    public static let dealStatus = "\"open\", \"won\" or \"lost\""
    public static let mergeKind = "\"conflict\" or \"keptEdited\""
    public static let percentage = "a percentage from 0 to 100 with at most 2 decimals"
    public static let amount = "an amount of 0 or more"
    public static let twoDecimals = "at most 2 decimals"
    public static let amountSize = "an amount with at most 24 digits before the decimal point"
    public static let wholeNumber = "a whole number"
    public static let dayCount = "a whole number of days, 0 or more"
    public static let characterCount = "a whole number of characters, 0 or more"
    public static let schemaVersion = "a whole number, 1 or more"
    public static let date = "a date as YYYY-MM-DD"
    public static let timestamp = "a date and time as YYYY-MM-DDTHH:MM:SSZ"
    public static let currencyCode = "a currency code of 3 capital letters such as EUR"
    /// The subject of a next activity an imported file gives only a day for.
    public static let importedNextActivity = "Next activity"
    public static let activityType = "\"call\", \"meeting\", \"email\", \"task\" or \"deadline\""
    public static let timeOfDay = "a time of day as HH:MM"
    public static let minutes = "a whole number of minutes from 1 to 1440"

    // Saving.
    public static func cannotWrite(_ path: String, _ why: String) -> String { "cannot write \(path): \(why)" }
    public static func cannotCreateFolder(_ folder: String, _ why: String) -> String {
        "cannot create the folder \(folder): \(why)"
    }
    public static func notAFolder(_ folder: String) -> String { "\(folder) is not a folder" }

    /// A string as it would appear in JSON, cut short when long, for quoting in a message.
    public static func quoted(_ s: String, limit: Int = 60) -> String {
        var t = s
        if t.count > limit { t = String(t.prefix(limit)) + "…" }
        let w = ByteWriter(capacity: t.utf8.count + 2)
        w.string(t)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
