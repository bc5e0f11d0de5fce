import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckTerminal
import PipedeckUI

// Finding theme files and the settings file that remembers the choice (choosing and cycling
// are in ThemeSession.swift). Parsing is PipedeckRender's (`ThemeFile`); the disk and the
// environment are here.

/// Where Pipedeck keeps its settings and the user's themes.
struct ThemePlaces {
    var environment: [String: String]

    /// `$XDG_CONFIG_HOME/pipedeck` (an absolute path), else `~/.config/pipedeck`.
    var configDirectory: String {
        if let x = environment["XDG_CONFIG_HOME"], x.hasPrefix("/") {
            return (x as NSString).appendingPathComponent("pipedeck")
        }
        return (home as NSString).appendingPathComponent(".config/pipedeck")
    }

    var home: String {
        if let h = environment["HOME"], !h.isEmpty { return h }
        return NSHomeDirectory()
    }

    /// The settings file: `key = value` lines (see docs/themes.md).
    var configFile: String { (configDirectory as NSString).appendingPathComponent("config") }

    /// User themes: `NAME.theme` files; one named like a shipped theme replaces it.
    var userThemes: String { (configDirectory as NSString).appendingPathComponent("themes") }

    /// A path for messages: the home folder written as `~`.
    func display(_ path: String) -> String {
        let h = home.hasSuffix("/") ? String(home.dropLast()) : home
        if !h.isEmpty, path.hasPrefix(h + "/") { return "~" + path.dropFirst(h.count) }
        return path
    }

    /// `~/x` expanded against the home folder.
    func expand(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return (home as NSString).appendingPathComponent(String(path.dropFirst(2))) }
        return path
    }
}

/// Where a theme came from.
enum ThemeOrigin: Equatable {
    case shipped
    case user(path: String)
    case file(path: String)

    var path: String? {
        switch self {
        case .shipped: return nil
        case .user(let p), .file(let p): return p
        }
    }
}

/// Theme names and files: the shipped themes (compiled in), the user's, and any path.
struct ThemeLibrary {
    let places: ThemePlaces

    /// A theme's text and where it came from, before parsing.
    struct Source {
        var name: String
        var origin: ThemeOrigin
        var text: String?
        /// Why the text could not be read (when `text` is nil).
        var unreadable: String?
        /// How messages name it: the path (with `~`), or `NAME.theme (built in)`.
        var label: String
    }

    enum Load {
        case loaded(Theme, ThemeOrigin)
        case invalid(Source, [ThemeFile.Problem])
        case notFound(String)
    }

    /// Whether `value` names a file rather than a theme.
    static func isPath(_ value: String) -> Bool {
        value.contains("/") || value.hasPrefix("~") || value.hasSuffix("." + ThemeFile.fileExtension)
    }

    /// Names of the user's theme files (without the extension), sorted.
    func userThemeNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: places.userThemes)) ?? []
        return files.filter { $0.hasSuffix("." + ThemeFile.fileExtension) && !$0.hasPrefix(".") }
            .map { String($0.dropLast(ThemeFile.fileExtension.count + 1)) }
            .filter { !$0.isEmpty }
            .sorted()
    }

    /// Every theme by name, in the order `t` cycles: the shipped ones (a user file of the
    /// same name takes its place), then the user's other themes.
    func available() -> [(name: String, origin: ThemeOrigin)] {
        let user = userThemeNames()
        var out: [(name: String, origin: ThemeOrigin)] = []
        for name in ShippedThemes.names {
            out.append((name, user.contains(name) ? .user(path: userPath(name)) : .shipped))
        }
        for name in user where !ShippedThemes.names.contains(name) { out.append((name, .user(path: userPath(name)))) }
        return out
    }

    func userPath(_ name: String) -> String {
        (places.userThemes as NSString).appendingPathComponent(name + "." + ThemeFile.fileExtension)
    }

    /// The source for a theme name or a file path; nil for an unknown name.
    func source(_ nameOrPath: String) -> Source? {
        let value = nameOrPath.trimmingCharacters(in: .whitespaces)
        if ThemeLibrary.isPath(value) {
            let path = places.expand(value)
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return read(path, name: name, origin: .file(path: path))
        }
        let all = available()
        if let match = all.first(where: { $0.name == value })
            ?? all.first(where: { $0.name.lowercased() == value.lowercased() })
        {
            switch match.origin {
            case .shipped:
                return Source(
                    name: match.name, origin: .shipped, text: ShippedThemes.text(named: match.name),
                    unreadable: nil, label: match.name + "." + ThemeFile.fileExtension + tr(" (built in)", " (intégré)")
                )
            case .user(let path), .file(let path):
                return read(path, name: match.name, origin: match.origin)
            }
        }
        return nil
    }

    /// Reads a theme file; a missing file, a folder, binary data or a huge file is reported, not thrown.
    func read(_ path: String, name: String, origin: ThemeOrigin) -> Source {
        var source = Source(name: name, origin: origin, text: nil, unreadable: nil, label: places.display(path))
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            source.unreadable = Strings.Themes.noSuchFile
            return source
        }
        if isFolder.boolValue { source.unreadable = Strings.Themes.isFolder; return source }
        guard let data = FileManager.default.contents(atPath: path) else {
            source.unreadable = Strings.Themes.cannotRead
            return source
        }
        if data.count > 1 << 20 { source.unreadable = Strings.Themes.tooLarge; return source }
        guard let text = String(data: data, encoding: .utf8) else {
            source.unreadable = Strings.Themes.notUTF8
            return source
        }
        source.text = text
        return source
    }

    /// Parses a source: its problems, or the theme.
    static func parse(_ source: Source) -> (theme: Theme?, problems: [ThemeFile.Problem], unset: [StyleRole]) {
        guard let text = source.text else {
            return (
                nil, [ThemeFile.Problem(line: 0, key: nil, message: source.unreadable ?? Strings.Themes.cannotRead)], []
            )
        }
        let result = ThemeFile.parse(text, name: source.name)
        return (result.theme, result.problems, result.unsetRoles)
    }

    func load(_ nameOrPath: String) -> Load {
        guard let source = source(nameOrPath) else { return .notFound(nameOrPath) }
        let parsed = ThemeLibrary.parse(source)
        if let theme = parsed.theme { return .loaded(theme, source.origin) }
        return .invalid(source, parsed.problems)
    }
}

/// The settings file: `key = value` lines and `#` comments. Only `theme` is read here;
/// rewriting it keeps every other line as it was.
enum ThemeConfig {
    static let key = "theme"

    /// The value of the first `theme = …` line, and its line number.
    static func theme(in text: String) -> (value: String, line: Int)? {
        for (i, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            guard let (k, v) = setting(line) else { continue }
            if k == key { return (v, i + 1) }
        }
        return nil
    }

    static func setting(_ line: Substring) -> (String, String)? {
        let t = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.hasPrefix("#"), let eq = t.firstIndex(of: "=") else { return nil }
        let k = t[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
        let v = t[t.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        return (k, v)
    }

    /// The settings text with `theme = value`: the first theme line changed in place, later
    /// ones dropped, or a line added at the end.
    static func setting(theme value: String, in text: String?) -> String { setting(key, value, in: text) }

    /// The settings text with `name = value` (any setting: `theme`, `period`).
    static func setting(_ key: String, _ value: String, in text: String?) -> String {
        guard let text, !text.isEmpty else { return Strings.Themes.configHeader + "\(key) = \(value)\n" }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let endsWithNewline = text.last?.isNewline == true
        if endsWithNewline { lines.removeLast() }
        var done = false
        lines = lines.compactMap { line in
            guard let (k, _) = setting(Substring(line)), k == key else { return line }
            if done { return nil }
            done = true
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            return indent + "\(key) = \(value)"
        }
        if !done { lines.append("\(key) = \(value)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func read(_ places: ThemePlaces) -> String? {
        guard let data = FileManager.default.contents(atPath: places.configFile) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Remembers `value` as the theme: writes a new file beside the old one and renames it
    /// over (a symbolic link is followed, so the file it points to is the one replaced).
    static func save(theme value: String, places: ThemePlaces) throws {
        try save(key: key, value: value, places: places)
    }

    /// Remembers `name = value` in the settings file, the same way.
    static func save(key: String, value: String, places: ThemePlaces) throws {
        let path = URL(fileURLWithPath: places.configFile).resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        let old = FileManager.default.contents(atPath: path.path).flatMap { String(data: $0, encoding: .utf8) }
        let text = setting(key, value, in: old)
        try Data(text.utf8).write(to: path, options: .atomic)
    }
}

extension Theme {
    /// The same attributes on the terminal's own colours.
    func withoutColours() -> Theme {
        var out = self
        for (role, style) in styles { out.styles[role] = TextStyle(attributes: style.attributes) }
        return out
    }
}

extension Strings {
    /// The sentences about themes.
    enum Themes {
        static var noSuchFile: String { tr("no such file", "fichier introuvable") }
        static var isFolder: String { tr("is a folder, not a theme file", "est un dossier, pas un fichier de thème") }
        static var cannotRead: String { tr("cannot be read", "ne peut pas être lu") }
        static var tooLarge: String {
            tr("is too large for a theme file (over 1 MB)", "est trop gros pour un fichier de thème (plus de 1 Mo)")
        }
        static var notUTF8: String { tr("is not UTF-8 text", "n'est pas du texte UTF-8") }
        static var noColorTerminal: String { tr("this terminal has no colours", "ce terminal n'a pas de couleurs") }
        static var noThemes: String { tr("no themes found", "aucun thème trouvé") }
        static var configHeader: String {
            tr(
                "# Pipedeck settings (see docs/themes.md). Lines are \"key = value\".\n",
                "# Réglages de Pipedeck (voir docs/themes.md). Les lignes sont de la forme \"clé = valeur\".\n")
        }

        static func unknownTheme(_ name: String, from: String, names: [String]) -> String {
            tr(
                "using the default theme: \(from): no theme is called \"\(name)\" (expected one of \(names.joined(separator: ", ")), or the path of a .theme file)",
                "thème par défaut utilisé : \(from) : aucun thème ne s'appelle « \(name) » (attendu l'un de \(names.joined(separator: ", ")), ou le chemin d'un fichier .theme)"
            )
        }

        /// The first problem located in the file, with a count of the others.
        static func invalidTheme(_ label: String, _ problems: [ThemeFile.Problem]) -> String {
            guard let first = problems.first else {
                return tr("\(label): using the default theme", "\(label) : thème par défaut utilisé")
            }
            var s = tr("using the default theme: ", "thème par défaut utilisé : ") + first.located(in: label)
            if problems.count > 1 {
                s += tr(
                    " (and \(problems.count - 1) more: pipedeck themes check)",
                    " (et \(problems.count - 1) de plus : pipedeck themes check)")
            }
            return s
        }

        static func colorsOff(_ why: String) -> String {
            tr(
                "colours are off (\(why)): the theme stays monochrome",
                "couleurs désactivées (\(why)) : le thème reste monochrome")
        }
        static func switched(_ name: String) -> String { tr("theme: \(name)", "thème : \(name)") }
        static func skipped(_ names: [String]) -> String {
            tr(
                "(skipped \(names.joined(separator: ", ")): see pipedeck themes check \(names[0]))",
                "(\(names.joined(separator: ", ")) sauté\(names.count == 1 ? "" : "s") : voir pipedeck themes check \(names[0]))"
            )
        }
        static func pinned(_ source: String) -> String {
            tr("(saved; \(source) still decides at start-up)", "(enregistré ; \(source) décide toujours au démarrage)")
        }
        static func notSaved(_ file: String, _ error: any Error) -> String {
            tr(
                "(not remembered: \(file): \((error as NSError).localizedDescription))",
                "(non mémorisé : \(file) : \((error as NSError).localizedDescription))")
        }
    }
}
