import Foundation
import PipedeckCore

/// The argument parser writes its help with English headings and a few English lines of its own
/// ("OVERVIEW:", "Show help information.", "(default: 6)"); in French they are said in French,
/// around the command descriptions that are already translated. Only whole headings at the start
/// of a line and the parser's own fixed sentences are replaced, so a description that happens
/// to contain one of these words is left alone.
enum HelpWords {
    static func localized(_ help: String) -> String {
        guard Language.current == .french else { return help }
        var lines = help.components(separatedBy: "\n")
        for i in lines.indices {
            var line = lines[i]
            for (english, french) in headings where line.hasPrefix(english) {
                line = french + line.dropFirst(english.count)
                break
            }
            for (english, french) in sentences { line = line.replacingOccurrences(of: english, with: french) }
            lines[i] = line
        }
        return lines.joined(separator: "\n")
    }

    /// Headings, at the start of a line.
    static let headings: [(String, String)] = [
        ("OVERVIEW:", "APERÇU :"), ("USAGE:", "USAGE :"), ("ARGUMENTS:", "ARGUMENTS :"),
        ("OPTIONS:", "OPTIONS :"), ("SUBCOMMANDS:", "SOUS-COMMANDES :"),
    ]

    /// The parser's own sentences.
    static let sentences: [(String, String)] = [
        ("Show subcommand help information.", "Afficher l'aide d'une sous-commande."),
        ("Show help information.", "Afficher l'aide."),
        ("Show the version.", "Afficher la version."),
        (
            "See 'pipedeck help <subcommand>' for detailed help.",
            "Voir « pipedeck help <sous-commande> » pour l'aide détaillée."
        ),
        ("(default: ", "(par défaut : "), ("; default: ", " ; par défaut : "), ("(values: ", "(valeurs : "),
    ]
}
