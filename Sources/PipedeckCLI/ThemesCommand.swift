import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckTerminal

/// `pipedeck themes`: the themes with a preview; `pipedeck themes check FILE` validates one.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: Strings.Themes.abstract,
        discussion: Strings.Themes.discussion,
        subcommands: [ThemesListCommand.self, ThemesCheckCommand.self],
        defaultSubcommand: ThemesListCommand.self
    )
}

struct ThemesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Strings.Themes.listAbstract)

    @Flag(name: .customLong("plain"), help: ArgumentHelp(Strings.Themes.helpPlain))
    var plain = false
    @Flag(name: .customLong("color"), help: ArgumentHelp(Strings.Themes.helpColor))
    var color = false

    func run() throws {
        let env = CLIEnvironment.variables
        let places = ThemePlaces(environment: env)
        let library = ThemeLibrary(places: places)
        let themes = library.available()
        let toTerminal = isatty(STDOUT_FILENO) != 0
        if plain || (!toTerminal && !color) {
            for t in themes { Console.out(t.name) }
            return
        }

        let current = ThemeChooser.choose(flag: nil, noColor: false, colorCount: nil, environment: env)
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        let colors = noColor ? 0 : ThemePreview.colorCount(environment: env)
        let glyphs: Glyphs = Terminal.prepareLocale() ? .unicode : .ascii
        let width = ThemePreview.terminalWidth() ?? 100
        let nameWidth = max(14, themes.map { $0.name.count }.max() ?? 0)

        Console.out(Strings.Themes.listHeading)
        for t in themes {
            let mark = t.name == current.theme.name ? "*" : " "
            var line = mark + " " + t.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
            let source = library.source(t.name)
            let parsed = source.map(ThemeLibrary.parse)
            var used = line.count
            if let theme = parsed?.theme {
                let preview = ThemePreview.line(theme, colors: colors, glyphs: glyphs)
                line += preview.text
                used += preview.width
                var note = theme.description
                if t.origin == .shipped { note = Strings.Themes.shippedDescription(t.name) ?? note }
                if case .user(let path) = t.origin {
                    note = Strings.Themes.userNote(places.display(path)) + (note.isEmpty ? "" : " " + note)
                }
                let room = width - used - 2
                if room > 8, !note.isEmpty {
                    line += "  " + TextWidth.truncate(TextWidth.sanitize(note), to: room, ellipsis: glyphs.ellipsis)
                }
            } else {
                let count = parsed?.problems.count ?? 0
                line += " " + Strings.Themes.brokenNote(source?.label ?? t.name, count)
            }
            Console.out(line)
        }
        Console.out("")
        if noColor { Console.out(Strings.Themes.noColorNote) }
        Console.out(Strings.Themes.listFooter(places.display(places.userThemes)))
    }
}

struct ThemesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: Strings.Themes.checkAbstract)

    @Argument(help: ArgumentHelp(Strings.Themes.helpCheckFile, valueName: "file"))
    var file: String

    func run() throws {
        let places = ThemePlaces(environment: CLIEnvironment.variables)
        let library = ThemeLibrary(places: places)
        let source: ThemeLibrary.Source
        let path = places.expand(file)
        if FileManager.default.fileExists(atPath: path) || ThemeLibrary.isPath(file) {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            source = library.read(path, name: name, origin: .file(path: path))
        } else if let s = library.source(file) {
            source = s
        } else {
            throw CLIFailure(Strings.Themes.noThemeToCheck(file, library.available().map(\.name)))
        }
        // Name the file the way it was given on the command line.
        let label = source.origin == .file(path: path) ? file : source.label
        let parsed = ThemeLibrary.parse(source)
        if !parsed.problems.isEmpty {
            for p in parsed.problems { Console.out(p.located(in: label)) }
            throw ExitCode(1)
        }
        Console.out("ok")
        if !parsed.unset.isEmpty { Console.out(Strings.Themes.unsetNote(parsed.unset.map(\.rawValue))) }
    }
}

/// A one-line sample of a theme as ANSI escape sequences.
enum ThemePreview {
    /// The colours stdout's terminal can show, judged from the environment (terminfo is
    /// curses' business and curses is not started for a listing).
    static func colorCount(environment env: [String: String]) -> Int {
        let term = (env["TERM"] ?? "").lowercased()
        let colorterm = (env["COLORTERM"] ?? "").lowercased()
        if term.isEmpty || term == "dumb" { return 0 }
        if colorterm == "truecolor" || colorterm == "24bit" || term.contains("direct") { return 1 << 24 }
        if term.contains("256") { return 256 }
        if term.contains("16color") { return 16 }
        return 8
    }

    static func terminalWidth() -> Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        return nil
    }

    /// The sample pieces: a card title and company, amounts, next-action states, a tag, a selection.
    static func pieces(_ g: Glyphs) -> [(String, StyleRole)] {
        [
            (" ", .normal), ("Acme", .cardTitle), (" Ltd", .cardDim), (" ", .normal),
            (tr("12,500", "12 500"), .money), (" ", .normal), (g.approx + tr("8,125", "8 125"), .weightedMoney),
            (" ", .normal), (g.overdue + tr(" late", " retard"), .overdue), (" ", .normal),
            (g.today + tr(" today", " auj."), .dueToday), (" ", .normal), (g.upcoming + tr(" 5d", " 5 j"), .upcoming),
            (" ", .normal), ("#vip", .tag), (" ", .normal), (g.won + tr(" won", " gagnée"), .won), (" ", .normal),
            (tr(" selected ", " sélection "), .cardTitleSelected), (" ", .normal),
        ]
    }

    static func line(_ theme: Theme, colors: Int, glyphs: Glyphs) -> (text: String, width: Int) {
        let theme = ColorMapping.adapted(theme, colors: colors)
        var out = ""
        var width = 0
        for (text, role) in pieces(glyphs) {
            out += sgr(theme.style(role), colors: colors) + text
            width += TextWidth.width(text)
        }
        return (out + "\u{1B}[0m", width)
    }

    /// The escape sequence that starts drawing in `style`.
    static func sgr(_ style: TextStyle, colors: Int) -> String {
        var codes = ["0"]
        let a = style.attributes
        var dim = a.contains(.dim)
        if colors >= 8 {
            let pair = ColorMapping.pair(foreground: style.foreground, background: style.background, colors: colors)
            dim = dim || pair.dim
            codes.append(color(pair.foreground, colors: colors, background: false))
            codes.append(color(pair.background, colors: colors, background: true))
        }
        if a.contains(.bold) { codes.append("1") }
        if dim { codes.append("2") }
        if a.contains(.italic) { codes.append("3") }
        if a.contains(.underline) { codes.append("4") }
        if a.contains(.reverse) { codes.append("7") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static func color(_ n: Int, colors: Int, background: Bool) -> String {
        let base = background ? 40 : 30
        if n < 0 { return String(base + 9) }
        if n < 8 { return String(base + n) }
        if n < 16 && colors <= 256 { return String(base + 60 + n - 8) }
        if colors > 256 && n >= 8 {
            return "\(base + 8);2;\((n >> 16) & 0xFF);\((n >> 8) & 0xFF);\(n & 0xFF)"
        }
        return "\(base + 8);5;\(n)"
    }
}

extension Strings.Themes {
    static var abstract: String {
        tr(
            "List the colour themes with a preview, or check a theme file.",
            "Lister les thèmes de couleurs avec un aperçu, ou vérifier un fichier de thème.")
    }
    static var discussion: String {
        tr(
            """
            Themes are chosen with --theme NAME|PATH, then $PIPEDECK_THEME, then a "theme = NAME" line in \
            $XDG_CONFIG_HOME/pipedeck/config (~/.config/pipedeck/config); NO_COLOR or --no-color gives \
            "monochrome". Your own themes go in $XDG_CONFIG_HOME/pipedeck/themes/NAME.theme and replace a \
            shipped theme of the same name. On the board, t switches to the next theme and remembers it. \
            The format is described in docs/themes.md.
            """,
            """
            Les thèmes se choisissent avec --theme NOM|CHEMIN, puis $PIPEDECK_THEME, puis une ligne « theme = NOM » dans \
            $XDG_CONFIG_HOME/pipedeck/config (~/.config/pipedeck/config) ; NO_COLOR ou --no-color donne \
            « monochrome ». Vos propres thèmes vont dans $XDG_CONFIG_HOME/pipedeck/themes/NOM.theme et remplacent un \
            thème livré du même nom. Sur le tableau, t passe au thème suivant et s'en souvient. \
            Le format est décrit dans docs/themes.md.
            """)
    }
    static var listAbstract: String {
        tr("List the themes (the default subcommand).", "Lister les thèmes (la sous-commande par défaut).")
    }
    static var checkAbstract: String {
        tr(
            "Check a theme file: prints each problem as FILE:LINE: message, or \"ok\".",
            "Vérifier un fichier de thème : affiche chaque problème sous la forme FICHIER:LIGNE: message, ou « ok ».")
    }
    static var helpPlain: String {
        tr(
            "Only the names, one per line (what is printed when stdout is not a terminal).",
            "Seulement les noms, un par ligne (ce qui s'affiche quand la sortie n'est pas un terminal).")
    }
    static var helpColor: String {
        tr(
            "Show the previews even when stdout is not a terminal.",
            "Montrer les aperçus même quand la sortie n'est pas un terminal.")
    }
    static var helpCheckFile: String {
        tr(
            "The theme file to check (or the name of a theme).",
            "Le fichier de thème à vérifier (ou le nom d'un thème).")
    }
    static var listHeading: String {
        tr(
            "Themes (* = the one the board starts with; t on the board switches):",
            "Thèmes (* = celui avec lequel le tableau démarre ; t sur le tableau en change) :")
    }
    static var noColorNote: String {
        tr(
            "NO_COLOR is set: the board uses \"monochrome\" and these previews have no colours.",
            "NO_COLOR est défini : le tableau utilise « monochrome » et ces aperçus n'ont pas de couleurs.")
    }

    /// The shipped themes' descriptions in French; nil in English, where the theme file's own
    /// description is shown (hence the empty English beside each French one).
    static func shippedDescription(_ name: String) -> String? {
        guard Language.current == .french else { return nil }
        let french = [
            "default": tr(
                "",
                "Les couleurs de texte du terminal ; de la couleur seulement pour les badges et les marques ; se lit sur fond sombre comme clair"
            ),
            "dark": tr("", "Texte clair et doux sur son propre fond presque noir"),
            "light": tr("", "Texte sombre sur son propre fond blanc cassé"),
            "solarized-dark": tr(
                "", "Solarized sombre : texte base1 sur base03, les huit accents, tous à 4,5:1 ou plus"),
            "high-contrast": tr("", "Blanc sur noir, accents vifs, affaires en retard en badges rouges"),
            "monochrome": tr("", "Attributs seulement (gras, italique, souligné, inverse) ; pas de couleurs"),
        ]
        return french[name]
    }

    static func listFooter(_ folder: String) -> String {
        tr(
            "Pick one with --theme NAME or $PIPEDECK_THEME; add your own in \(folder)/NAME.theme.",
            "Choisissez-en un avec --theme NOM ou $PIPEDECK_THEME ; ajoutez les vôtres dans \(folder)/NOM.theme.")
    }
    static func userNote(_ path: String) -> String { "[\(path)]" }
    static func brokenNote(_ label: String, _ count: Int) -> String {
        tr(
            "has \(count) problem\(count == 1 ? "" : "s"): pipedeck themes check \(label)",
            "a \(count) problème\(count == 1 ? "" : "s") : pipedeck themes check \(label)")
    }
    static func unsetNote(_ roles: [String]) -> String {
        tr(
            "note: \(roles.count) role\(roles.count == 1 ? " is" : "s are") not set and look like normal: \(roles.joined(separator: ", "))",
            "remarque : \(roles.count) rôle\(roles.count == 1 ? " n'est pas défini et ressemble" : "s ne sont pas définis et ressemblent") au texte normal : \(roles.joined(separator: ", "))"
        )
    }
    static func noThemeToCheck(_ value: String, _ names: [String]) -> String {
        tr(
            "themes check: no file and no theme called \"\(value)\" (expected the path of a .theme file or one of \(names.joined(separator: ", ")))",
            "themes check : aucun fichier ni thème ne s'appelle « \(value) » (attendu : le chemin d'un fichier .theme ou l'un de \(names.joined(separator: ", ")))"
        )
    }
}
