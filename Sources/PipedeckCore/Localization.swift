import Foundation

// The language of the words Pipedeck shows. Every text of the text tables (`Strings`,
// `UIText`, `RenderText`, the key tables' descriptions…) is written in both languages side by
// side with `tr(english, french)`, so a text cannot exist in one language only: `TranslationTests`
// reads the tables' sources and fails, naming the text, on any literal that is not inside a `tr`.

extension Language {
    /// The language of this process: chosen once at start-up (`--lang`, `$PIPEDECK_LANG`, the
    /// settings file, the locale variables: `LanguageChoice`), English until then.
    public static var current: Language { override ?? processLanguage.value }

    /// Sets the language of the whole process (the command line does it before anything is shown).
    public static func setProcessLanguage(_ language: Language) { processLanguage.value = language }

    /// Runs `body` with `language` for the texts made on this task (tests use it to render in
    /// French without touching the process's language).
    public static func with<T>(_ language: Language, _ body: () throws -> T) rethrows -> T {
        try $override.withValue(language, operation: body)
    }

    @TaskLocal static var override: Language?
    private static let processLanguage = LanguageBox()

    /// The locale whose number format goes with the language, for a board that names none:
    /// `fr_FR` (12 500,50 €) in French; in English, the environment's (nil: English format).
    public func defaultNumberLocale(environment: String?) -> String? {
        switch self {
        case .english: return environment
        case .french:
            let env = environment.map { MoneyFormatter.language(of: $0) } ?? ""
            return env.hasPrefix("fr") ? environment : "fr_FR"
        }
    }
}

/// The process's language, read on every text and set once at start-up.
private final class LanguageBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Language.english
    var value: Language {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A text in the language of the moment: `tr("3 deals", "3 affaires")`. The French is written
/// with ordinary spaces and gets its typography here (`French.typeset`).
public func tr(_ english: @autoclosure () -> String, _ french: @autoclosure () -> String) -> String {
    Language.current == .french ? French.typeset(french()) : english()
}

/// French typography and numbers.
public enum French {
    /// No-break space (before `:` and inside « »).
    public static let noBreakSpace: Character = "\u{00A0}"
    /// Narrow no-break space (before `;` `?` `!` `%`, and between groups of thousands).
    public static let narrowNoBreakSpace: Character = "\u{202F}"

    /// The text with the spaces French puts before `:` `;` `?` `!` `%` and inside « » made
    /// no-break, so a line never starts with a colon or a lone guillemet.
    public static func typeset(_ text: String) -> String {
        guard text.contains(where: { ":;?!%«»".contains($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Character?
        for c in text {
            if previous == " ", let last = out.popLast() {
                switch c {
                case ":", "»": out.append(noBreakSpace)
                case ";", "?", "!", "%": out.append(narrowNoBreakSpace)
                default: out.append(last)
                }
            }
            if c == " ", previous == "«" {
                out.append(noBreakSpace)
                previous = noBreakSpace
                continue
            }
            out.append(c)
            previous = c
        }
        return out
    }

    /// A plain decimal number ("12500.5", "-3") written the French way: "12 500,5" (narrow
    /// no-break spaces between thousands unless `grouped` is false, a decimal comma).
    public static func number(_ plain: String, grouped: Bool = true) -> String {
        var body = Substring(plain)
        let sign = body.first == "-" ? "-" : ""
        if !sign.isEmpty { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let units = Array(parts[0])
        var out = sign
        for (i, c) in units.enumerated() {
            if grouped, i > 0, (units.count - i) % 3 == 0 { out.append(narrowNoBreakSpace) }
            out.append(c)
        }
        if parts.count == 2 { out += "," + parts[1] }
        return out
    }
}
