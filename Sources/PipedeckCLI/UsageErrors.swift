import ArgumentParser
import Foundation
import PipedeckCore

/// Errors found by the argument parser (a missing or unknown option, an extra argument, a value
/// it could not read), said the way every other error of `pipedeck` is: one line starting with
/// `pipedeck:` that names the option, says what was expected and what was given; then one line
/// with the command's usage and where its help is.
enum UsageErrors {
    /// The two lines, without line ends.
    static func lines(for error: any Error, arguments: [String]) -> [String] {
        let command = command(for: arguments)
        let usage = Root.usageString(for: command)
        let names = path(to: command).joined(separator: " ")
        return [
            "pipedeck: "
                + sentence(Root.message(for: error), help: helpAbstract(Root.fullMessage(for: error)), in: command),
            Strings.CLI.usageHint(usage.isEmpty ? names : usage, names),
        ]
    }

    /// The deepest subcommand named in the arguments (the root when none is).
    static func command(for arguments: [String]) -> ParsableCommand.Type {
        var current: ParsableCommand.Type = Root.self
        for a in arguments {
            if let sub = current.configuration.subcommands.first(where: {
                name(of: $0) == a || $0.configuration.aliases.contains(a)
            }) {
                current = sub
            }
        }
        return current
    }

    static func name(of c: ParsableCommand.Type) -> String {
        c.configuration.commandName ?? String(describing: c).lowercased()
    }

    /// `["pipedeck", "stages", "add"]` for `StagesAdd`.
    static func path(to target: ParsableCommand.Type) -> [String] {
        func search(_ c: ParsableCommand.Type, _ trail: [String]) -> [String]? {
            let here = trail + [name(of: c)]
            if c == target { return here }
            for s in c.configuration.subcommands { if let found = search(s, here) { return found } }
            return nil
        }
        return search(Root.self, []) ?? ["pipedeck"]
    }

    /// The option's own help, from the parser's "Help:  --value <amount>  The deal's value…" line.
    static func helpAbstract(_ full: String) -> String? {
        for line in full.split(separator: "\n") where line.hasPrefix("Help:") {
            let rest = line.dropFirst("Help:".count).trimmingCharacters(in: .whitespaces)
            guard let gap = rest.range(of: "  ") else { return nil }
            let text = rest[gap.upperBound...].trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        return nil
    }

    /// The parser's sentence, reworded; anything not recognised is kept, on one line.
    static func sentence(_ raw: String, help: String?, in command: ParsableCommand.Type) -> String {
        let S = Strings.CLI.self
        let message = raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        let expected = help.map(S.expectedFromHelp)
        if let m = match(#"^Missing expected argument '(.+)'$"#, message) {
            return S.optionProblem(label(m[0]), S.missingArgument(expected))
        }
        if let m = match(#"^Missing value for '(.+)'$"#, message) {
            return S.optionProblem(label(m[0]), S.missingValue(expected))
        }
        if let m = match(#"^Unknown option '(.+?)'(?:\. Did you mean '(.+)'\?)?$"#, message) {
            return S.optionProblem(m[0], S.unknownOption(suggestion: m.count > 1 ? m[1] : nil))
        }
        if let m = match(#"^Unexpected argument '(.*)'$"#, message) {
            if command == Root.self {
                return S.unknownCommand(m[0], Root.configuration.subcommands.map(name(of:)))
            }
            return S.unexpectedArguments([m[0]])
        }
        if let m = match(#"^\d+ unexpected arguments: '(.*)'$"#, message) {
            return S.unexpectedArguments(m[0].components(separatedBy: "', '"))
        }
        if let m = match(#"^The value '(.*)' is invalid for '(.+?)'"#, message) {
            return S.optionError(label(m[1]), m[0], expected ?? S.aValidValue)
        }
        if let m = match(#"^The option '(.+)' does not take any value, but '(.*)' was specified\.$"#, message) {
            return S.optionError(m[0], m[1], S.noValueTaken)
        }
        if let m = match(#"^Value to be set with flag '(.+?)' had already been set"#, message) {
            return S.optionProblem(m[0], S.givenTwice)
        }
        if message.hasPrefix("Missing required subcommand") { return S.missingCommand }
        guard let first = message.first else { return S.aValidValue }
        return first.lowercased() + message.dropFirst()
    }

    /// `--value <amount>` → `--value`; `<title>` → `TITLE` (as the docs write arguments).
    static func label(_ synopsis: String) -> String {
        let t = synopsis.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("-") { return String(t.prefix { $0 != " " }) }
        let inner = t.trimmingCharacters(in: CharacterSet(charactersIn: "<>[]. "))
        return inner.uppercased()
    }

    /// The capture groups of `pattern` in `text` (unmatched optional groups left out), or nil.
    static func match(_ pattern: String, _ text: String) -> [String]? {
        guard let re = try? NSRegularExpression(pattern: pattern),
            let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        return (1..<m.numberOfRanges).compactMap { i in
            Range(m.range(at: i), in: text).map { String(text[$0]) }
        }
    }
}
