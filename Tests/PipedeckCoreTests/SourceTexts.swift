import Foundation

/// Reads Pipedeck's Swift sources and finds the texts a person reads that are written in one
/// language only: a string literal with words, in a text table, that is not inside
/// `tr(english, french)`. A small lexer (string literals with their interpolations, comments,
/// brackets), enough for the way the tables are written.
///
/// What counts as a text table: an `enum`, `struct` or `extension` named `…Strings` or `…Text`
/// (or nested in `Strings`), except the few that hold no words (`tablesWithoutWords`); every
/// file whose name ends in `Bindings.swift` (the key tables); and anywhere, the words given to a
/// `KeyBinding` and the `abstract:`, `discussion:` and `help:` of a command or option.
struct SourceTexts {
    /// A literal written in one language only.
    struct Untranslated: CustomStringConvertible {
        var file: String
        var line: Int
        var member: String
        var text: String
        var description: String {
            "\(member) (\(file):\(line)) has no French: \"\(text)\" — write it as tr(\"English\", \"French\")"
        }
    }

    static let tablesWithoutWords: Set<String> = ["ReportText", "AmountText", "CurrencyText"]
    static let wholeFiles: [String] = ["Bindings.swift"]

    /// Every text of `source` (a file called `file`) with no French.
    static func untranslated(in source: String, file: String) -> [Untranslated] {
        var lexer = Lexer(chars: Array(source), file: file)
        lexer.wholeFile = wholeFiles.contains { file.hasSuffix($0) }
        lexer.run()
        return lexer.found
    }

    /// Every text with no French in the Swift files under `folder`.
    static func untranslated(under folder: URL) -> [Untranslated] {
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path } ?? []
        let root = folder.deletingLastPathComponent().path + "/"
        return files.flatMap { url -> [Untranslated] in
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
            return untranslated(in: text, file: url.path.replacingOccurrences(of: root, with: ""))
        }
    }

    /// Whether a literal holds words: two letters in a row outside its interpolations, or a
    /// one-letter unit after one ("\(d)d").
    static func hasWords(_ literal: String) -> Bool {
        var outside = ""
        var depth = 0
        var chars = Array(literal)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "\\", chars.first == "(" {
                depth += 1
                chars = chars.dropFirst()
                continue
            }
            if depth > 0 {
                if c == "(" { depth += 1 }
                if c == ")" {
                    depth -= 1
                    if depth == 0 { outside.append("\u{1}") }
                }
                continue
            }
            outside.append(c)
        }
        // Abbreviations count as words: "e.g.", "p. ex.".
        if outside.contains(where: \.isLetter),
            outside.range(of: #"\p{L}\.\s?\p{L}"#, options: .regularExpression) != nil
        {
            return true
        }
        var run = 0
        var previous: Character = " "
        for c in outside {
            run = c.isLetter ? run + 1 : 0
            if run >= 2 { return true }
            if c.isLetter, previous == "\u{1}" { return true }
            previous = c
        }
        return false
    }

    private struct Lexer {
        enum Bracket {
            case paren(callee: String)
            case square
            case brace(table: Bool, name: String)
            case interpolation
        }
        let chars: [Character]
        let file: String
        var wholeFile = false
        var i = 0
        var line = 1
        var stack: [Bracket] = []
        var word = ""
        /// The last declaration seen: `static let x`, `static func y`, `case z`.
        var member = ""
        var found: [Untranslated] = []
        /// The last label before the literal (`abstract:`, `help:`).
        var label = ""

        var inTable: Bool {
            wholeFile || stack.contains { if case .brace(true, _) = $0 { return true } else { return false } }
        }
        var inTr: Bool { stack.contains { if case .paren("tr") = $0 { return true } else { return false } } }
        /// The names of the declarations the literal is in, from the first text table.
        var tableName: String {
            var names: [String] = []
            for case .brace(let table, let name) in stack where table || !names.isEmpty {
                if !name.isEmpty { names.append(name) }
            }
            return names.joined(separator: ".")
        }

        mutating func run() {
            while i < chars.count {
                let c = chars[i]
                if c == "\n" {
                    line += 1
                    i += 1
                } else if c == "/" && next(1) == "/" {
                    while i < chars.count && chars[i] != "\n" { i += 1 }
                } else if c == "/" && next(1) == "*" {
                    i += 2
                    while i < chars.count && !(chars[i] == "*" && next(1) == "/") {
                        if chars[i] == "\n" { line += 1 }
                        i += 1
                    }
                    i += 2
                } else if c == "\"" || (c == "#" && next(1) == "\"") {
                    literal()
                } else if c.isLetter || c == "_" {
                    var w = ""
                    while i < chars.count && (chars[i].isLetter || chars[i].isNumber || chars[i] == "_") {
                        w.append(chars[i])
                        i += 1
                    }
                    declaration(after: w)
                    word = w
                } else {
                    punctuation(c)
                    i += 1
                }
            }
        }

        func next(_ k: Int) -> Character? { i + k < chars.count ? chars[i + k] : nil }

        mutating func declaration(after w: String) {
            if ["let", "var", "func", "case"].contains(word) { member = w }
        }

        mutating func punctuation(_ c: Character) {
            switch c {
            case "(":
                stack.append(.paren(callee: word))
            case "[":
                stack.append(.square)
            case "{":
                stack.append(header())
            case ")", "]", "}":
                if c == "}" {
                    while let last = stack.last {
                        stack.removeLast()
                        if case .brace = last { break }
                    }
                } else if !stack.isEmpty {
                    stack.removeLast()
                }
            case ":":
                label = word
                word = ""
                return
            case " ", "\t", ".":
                return
            default:
                break
            }
            if c != " " { word = "" }
            label = ""
        }

        /// The brace opened here: a text table's body or any other.
        func header() -> Bracket {
            var start = i
            while start > 0 && chars[start - 1] != "\n" { start -= 1 }
            let text = String(chars[start..<i]).trimmingCharacters(in: .whitespaces)
            let words = text.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" }).map(String.init)
            guard let k = words.firstIndex(where: { ["enum", "struct", "extension"].contains($0) }), k + 1 < words.count
            else { return .brace(table: false, name: "") }
            let name = words[k + 1]
            let last = String(name.split(separator: ".").last ?? "")
            let isTable =
                !SourceTexts.tablesWithoutWords.contains(last)
                && (last.hasSuffix("Strings") || last.hasSuffix("Text") || name.hasPrefix("Strings"))
            return .brace(table: isTable, name: name)
        }

        mutating func literal() {
            let raw = chars[i] == "#"
            if raw { i += 1 }
            let multi = next(0) == "\"" && next(1) == "\"" && next(2) == "\""
            let startLine = line
            let before = precedingNonSpace()
            let calleeBefore: String = {
                if case .paren(let callee) = stack.last { return callee }
                return ""
            }()
            let labelBefore = label
            i += multi ? 3 : 1
            var text = ""
            while i < chars.count {
                let c = chars[i]
                if c == "\\" && !raw {
                    if next(1) == "(" {
                        text += "\\("
                        i += 2
                        interpolation(into: &text)
                        continue
                    }
                    if next(1) == "\n" { line += 1 }
                    text.append(c)
                    if let n = next(1) { text.append(n) }
                    i += 2
                    continue
                }
                if c == "\"" && (!multi || (next(1) == "\"" && next(2) == "\"")) {
                    i += multi ? 3 : 1
                    if raw { i += 1 }
                    break
                }
                if c == "\n" { line += 1 }
                text.append(c)
                i += 1
            }
            check(text, line: startLine, before: before, callee: calleeBefore, label: labelBefore)
            word = ""
            label = ""
        }

        /// Skips an interpolation's expression, checking the literals inside it.
        mutating func interpolation(into text: inout String) {
            stack.append(.interpolation)
            let depth = stack.count
            while i < chars.count {
                let c = chars[i]
                if c == "\"" {
                    literal()
                    continue
                }
                if c == ")" && stack.count == depth {
                    stack.removeLast()
                    text.append(")")
                    i += 1
                    return
                }
                if c.isLetter || c == "_" {
                    var w = ""
                    while i < chars.count && (chars[i].isLetter || chars[i].isNumber || chars[i] == "_") {
                        w.append(chars[i])
                        i += 1
                    }
                    text += w
                    word = w
                    continue
                }
                punctuation(c)
                text.append(c)
                i += 1
            }
        }

        func precedingNonSpace() -> Character? {
            var k = i - 1
            while k >= 0 && (chars[k] == " " || chars[k] == "\n" || chars[k] == "\t") { k -= 1 }
            return k >= 0 ? chars[k] : nil
        }

        func followingNonSpace() -> Character? {
            var k = i
            while k < chars.count && (chars[k] == " " || chars[k] == "\t") { k += 1 }
            return k < chars.count ? chars[k] : nil
        }

        mutating func check(_ text: String, line: Int, before: Character?, callee: String, label: String) {
            // A key binding's words, wherever its table is.
            let inKeyBinding = stack.contains {
                if case .paren(let c) = $0 { return ["KeyBinding", "upDown", "scrolling"].contains(c) }
                return false
            }
            let shownArgument =
                ["abstract", "discussion", "help"].contains(label) || callee == "ArgumentHelp" || inKeyBinding
            guard inTable || shownArgument, !inTr, SourceTexts.hasWords(text) else { return }
            // Keys, and the placeholders of the help (`--stage <stage>`), are not words.
            if callee == "char" || callee == "ctrl" || label == "valueName" { return }
            // A dictionary's key: `[ "id": …` or `, "stage": …`.
            if before == "[" || before == ",", followingNonSpace() == ":" { return }
            // An option's name: "--template".
            if text.hasPrefix("-"), !text.contains(" ") { return }
            let lineText = lineString(line)
            if lineText.contains("// not shown") { return }
            let name = tableName.isEmpty ? member : tableName + "." + member
            found.append(Untranslated(file: file, line: line, member: name, text: text))
        }

        func lineString(_ n: Int) -> String {
            var count = 1
            var out = ""
            for c in chars {
                if c == "\n" {
                    if count == n { return out }
                    count += 1
                    continue
                }
                if count == n { out.append(c) }
            }
            return out
        }
    }
}
