import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckTerminal
import PipedeckUI

// Choosing the theme at start-up, cycling with `t` and remembering the choice. Where themes
// are found and the settings file are in Themes.swift.

/// The theme the board starts with, and why.
struct ThemeChoice {
    enum Reason: Equatable { case noColor, flag, environment, config, standard }
    var theme: Theme
    var reason: Reason
    /// Shown on the status line: what was wrong with the requested theme.
    var message: String?
}

enum ThemeChooser {
    /// Why colours are off, or nil: `--no-color`, a non-empty NO_COLOR, a terminal without colours.
    static func colorsOff(noColorFlag: Bool, colorCount: Int?, environment: [String: String]) -> String? {
        if noColorFlag { return "--no-color" }
        if let v = environment["NO_COLOR"], !v.isEmpty { return "NO_COLOR" }
        if let c = colorCount, c < 8 { return Strings.Themes.noColorTerminal }
        return nil
    }

    /// Picks the theme: monochrome when colours are off; else `--theme`, then
    /// `$PIPEDECK_THEME`, then the `theme` line of the settings file, then "default".
    /// A theme that cannot be found or has problems gives a message and the default theme.
    static func choose(flag: String?, noColor: Bool, colorCount: Int?, environment: [String: String]) -> ThemeChoice {
        let places = ThemePlaces(environment: environment)
        let library = ThemeLibrary(places: places)
        if colorsOff(noColorFlag: noColor, colorCount: colorCount, environment: environment) != nil {
            // The user's own monochrome.theme if it has one (its colours, if any, are dropped).
            var theme = Theme.monochrome
            if case .loaded(let mine, .user) = library.load(Theme.monochrome.name) { theme = mine.withoutColours() }
            return ThemeChoice(theme: theme, reason: .noColor)
        }
        var requested: (value: String, reason: ThemeChoice.Reason, from: String)?
        if let f = flag?.trimmingCharacters(in: .whitespaces), !f.isEmpty {
            requested = (f, .flag, "--theme")
        } else if let e = environment["PIPEDECK_THEME"]?.trimmingCharacters(in: .whitespaces), !e.isEmpty {
            requested = (e, .environment, "$PIPEDECK_THEME")
        } else if let text = ThemeConfig.read(places), let (v, line) = ThemeConfig.theme(in: text), !v.isEmpty {
            requested = (v, .config, places.display(places.configFile) + ":\(line)")
        }
        guard let requested else {
            // "default": the user's own default.theme replaces the shipped one.
            switch library.load(Theme.standard.name) {
            case .loaded(let theme, _):
                return ThemeChoice(theme: theme, reason: .standard)
            case .invalid(let source, let problems):
                return ThemeChoice(
                    theme: Theme.standard, reason: .standard,
                    message: Strings.Themes.invalidTheme(source.label, problems))
            case .notFound:
                return ThemeChoice(theme: Theme.standard, reason: .standard)
            }
        }
        switch library.load(requested.value) {
        case .loaded(let theme, _):
            return ThemeChoice(theme: theme, reason: requested.reason)
        case .notFound(let name):
            let names = library.available().map(\.name)
            return ThemeChoice(
                theme: Theme.standard, reason: .standard,
                message: Strings.Themes.unknownTheme(name, from: requested.from, names: names))
        case .invalid(let source, let problems):
            return ThemeChoice(
                theme: Theme.standard, reason: .standard,
                message: Strings.Themes.invalidTheme(source.label, problems))
        }
    }
}

/// The theme of a running board: chosen at start-up, changed by `t`, saved to the settings.
final class ThemeSession {
    private(set) var theme: Theme
    private(set) var name: String
    let startupMessage: StatusMessage?
    private let colorsOff: String?
    private let colorCount: Int
    private let environment: [String: String]
    private let pinned: String?

    init(flag: String?, noColor: Bool, colorCount: Int, environment: [String: String]) {
        let choice = ThemeChooser.choose(flag: flag, noColor: noColor, colorCount: colorCount, environment: environment)
        self.colorCount = colorCount
        self.environment = environment
        self.colorsOff = ThemeChooser.colorsOff(noColorFlag: noColor, colorCount: colorCount, environment: environment)
        self.theme = ColorMapping.adapted(choice.theme, colors: colorCount)
        self.name = choice.theme.name
        self.startupMessage = choice.message.map { StatusMessage($0, isError: true) }
        // What overrides the settings file at the next start, if anything.
        if let f = flag, !f.trimmingCharacters(in: .whitespaces).isEmpty {
            pinned = "--theme"
        } else if let e = environment["PIPEDECK_THEME"], !e.trimmingCharacters(in: .whitespaces).isEmpty {
            pinned = "$PIPEDECK_THEME"
        } else {
            pinned = nil
        }
    }

    /// `t`: the next theme that loads, remembered in the settings file. Returns the status line.
    func cycle() -> StatusMessage {
        if let why = colorsOff { return StatusMessage(Strings.Themes.colorsOff(why)) }
        let places = ThemePlaces(environment: environment)
        let library = ThemeLibrary(places: places)
        let names = library.available().map(\.name)
        guard !names.isEmpty else { return StatusMessage(Strings.Themes.noThemes, isError: true) }
        let start = names.firstIndex(of: name) ?? -1
        var skipped: [String] = []
        for step in 1...names.count {
            let candidate = names[(start + step + names.count) % names.count]
            guard case .loaded(let next, _) = library.load(candidate) else { skipped.append(candidate); continue }
            theme = ColorMapping.adapted(next, colors: colorCount)
            name = next.name
            var text = Strings.Themes.switched(next.name)
            if !skipped.isEmpty { text += "  " + Strings.Themes.skipped(skipped) }
            do {
                try ThemeConfig.save(theme: next.name, places: places)
                if let p = pinned { text += "  " + Strings.Themes.pinned(p) }
            } catch {
                return StatusMessage(
                    text + "  " + Strings.Themes.notSaved(places.display(places.configFile), error), isError: true)
            }
            return StatusMessage(text, isError: !skipped.isEmpty)
        }
        return StatusMessage(Strings.Themes.skipped(skipped), isError: true)
    }
}
