import Foundation
import PipedeckCore

/// Which language the words are in, decided once before the command line is parsed (so that
/// `--help`, the commands' output and the board all use it): `--lang`, then `$PIPEDECK_LANG`,
/// then `lang = …` in the settings file, then the locale variables (`LC_ALL`, else
/// `LC_MESSAGES`, else `LANG`: the first one set decides, any `fr…` is French), else English.
/// Only the variables are read: no locale needs to be installed.
enum LanguageChoice {
    /// The language, or a usage error for a `--lang` that is neither; the warnings are about a
    /// `$PIPEDECK_LANG` or a settings line that was not understood (and skipped).
    struct Outcome: Equatable {
        var language: Language
        var warnings: [String] = []
    }

    static func decide(arguments: [String], environment: [String: String], settings: String?) -> Result<
        Outcome, CLIFailure
    > {
        var warnings: [String] = []
        if let given = option(in: arguments) {
            guard let l = language(given) else { return .failure(CLIFailure(Strings.CLI.badLanguage(given))) }
            return .success(Outcome(language: l))
        }
        if let v = environment["PIPEDECK_LANG"], !v.isEmpty {
            if let l = language(v) { return .success(Outcome(language: l)) }
            warnings.append(Strings.CLI.badLanguageSetting("PIPEDECK_LANG", v))
        }
        if let settings, let (v, line) = setting(in: settings) {
            if let l = language(v) { return .success(Outcome(language: l, warnings: warnings)) }
            warnings.append(Strings.CLI.badLanguageSetting("lang (line \(line))", v))
        }
        for k in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let v = environment[k], !v.isEmpty else { continue }
            return .success(Outcome(language: localeLanguage(v), warnings: warnings))
        }
        return .success(Outcome(language: .english, warnings: warnings))
    }

    /// `fr`, `fr_FR.UTF-8`, `français`, `en`, `en_GB`… (any case); nil for anything else.
    static func language(_ value: String) -> Language? {
        let v = value.trimmingCharacters(in: .whitespaces).lowercased()
        if v == "fr" || v.hasPrefix("fr_") || v.hasPrefix("fr-") || v.hasPrefix("fr.") || v == "french"
            || v == "français" || v == "francais"
        {
            return .french
        }
        if v == "en" || v.hasPrefix("en_") || v.hasPrefix("en-") || v.hasPrefix("en.") || v == "english" {
            return .english
        }
        return nil
    }

    /// A locale variable's language: French for any `fr…`, English for everything else (`C.UTF-8`).
    static func localeLanguage(_ value: String) -> Language {
        language(value) == .french || value.lowercased().hasPrefix("fr") ? .french : .english
    }

    /// The value of `--lang X` or `--lang=X` before any `--`.
    static func option(in arguments: [String]) -> String? {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { return nil }
            if a == "--lang" { return i + 1 < arguments.count ? arguments[i + 1] : "" }
            if a.hasPrefix("--lang=") { return String(a.dropFirst("--lang=".count)) }
            i += 1
        }
        return nil
    }

    /// The arguments without `--lang X` / `--lang=X` (before any `--`), so that every command,
    /// `themes` among them, takes it.
    static func removingOption(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { return out + arguments[i...] }
            if a == "--lang" {
                i += 2
                continue
            }
            if !a.hasPrefix("--lang=") { out.append(a) }
            i += 1
        }
        return out
    }

    /// The first `lang = …` line of the settings file, and its number.
    static func setting(in text: String) -> (String, Int)? {
        for (i, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if let (k, v) = ThemeConfig.setting(line), k == "lang" { return (v, i + 1) }
        }
        return nil
    }

    /// Decides and sets the process's language; a bad `--lang` is returned as the failure to report.
    static func apply(arguments: [String], environment: [String: String]) -> CLIFailure? {
        let settings = ThemeConfig.read(ThemePlaces(environment: environment))
        switch decide(arguments: arguments, environment: environment, settings: settings) {
        case .failure(let f): return f
        case .success(let outcome):
            Language.setProcessLanguage(outcome.language)
            for w in outcome.warnings { Console.error(w) }
            return nil
        }
    }
}
