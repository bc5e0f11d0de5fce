/// The text format of a theme file (see docs/themes.md), parsed without touching the disk:
/// text in, a `Theme` or a list of problems with line numbers out.
///
///     # comment
///     description = Light text on a near-black background
///     normal      = #d7dae0 #1d2026
///     money       = #98c379
///     overdue     = #e06c75 bold
///     match       = #1d2026 #e5c07b
///
/// Each role line is `role = colours and attributes`: up to two colours (foreground, then
/// background) and any of bold, dim, underline, reverse, italic, in any order. A colour left
/// out, or written `-`, is the one `normal` has; `default` is the terminal's own colour.
public enum ThemeFile {

    /// The extension theme files carry.
    public static let fileExtension = "theme"

    /// Keys that are not roles.
    public static let descriptionKey = "description"

    /// One thing wrong with a theme file.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// 1-based line number; 0 for the file as a whole.
        public var line: Int
        /// The role or key the problem is about, when there is one.
        public var key: String?
        /// What is wrong and what was expected, in one sentence.
        public var message: String

        public init(line: Int, key: String?, message: String) {
            self.line = line; self.key = key; self.message = message
        }

        public var description: String { line > 0 ? "line \(line): \(message)" : message }

        /// `FILE:LINE: message`, the way compilers print it.
        public func located(in file: String) -> String {
            line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
        }
    }

    /// What parsing found: a theme when there were no problems, and the roles the file
    /// leaves unset (drawn like `normal`).
    public struct Result: Sendable {
        public var theme: Theme?
        public var problems: [Problem]
        public var unsetRoles: [StyleRole]
        public var isValid: Bool { theme != nil }
    }

    /// A colour as written in the file, before `-` is resolved against `normal`.
    enum Written: Equatable {
        case inherit
        case color(ThemeColor)
    }

    // MARK: Parsing

    /// Parses `text` as the theme called `name`.
    public static func parse(_ text: String, name: String) -> Result {
        var problems: [Problem] = []
        var written: [StyleRole: (fg: Written, bg: Written, attributes: TextAttributes)] = [:]
        var firstLine: [StyleRole: Int] = [:]
        var description = ""
        var seenDescription = false

        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() } // a byte-order mark from some editors

        // "\r\n" is one Character in Swift: splitting on newlines of any kind handles it.
        for (index, rawLine) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            let trimmed = stripComment(rawLine).themeTrimmed
            if trimmed.isEmpty { continue }

            guard let equals = trimmed.firstIndex(of: "=") else {
                problems.append(
                    Problem(
                        line: lineNumber, key: nil,
                        message:
                            "\(quoted(trimmed)) is not a setting (expected \"role = colours and attributes\", e.g. \"money = green bold\")"
                    ))
                continue
            }
            let key = trimmed[..<equals].themeTrimmed
            let value = trimmed[trimmed.index(after: equals)...].themeTrimmed
            if key.isEmpty {
                problems.append(
                    Problem(
                        line: lineNumber, key: nil,
                        message:
                            "a line starts with \"=\" (expected \"role = colours and attributes\", e.g. \"money = green bold\")"
                    ))
                continue
            }

            if normalizedKey(key) == descriptionKey {
                if seenDescription {
                    problems.append(
                        Problem(line: lineNumber, key: descriptionKey, message: "\"description\" is set twice"))
                }
                seenDescription = true
                description = String(value)
                continue
            }

            guard let role = role(named: key) else {
                problems.append(Problem(line: lineNumber, key: String(key), message: unknownRoleMessage(String(key))))
                continue
            }
            if let first = firstLine[role] {
                problems.append(
                    Problem(
                        line: lineNumber, key: role.rawValue,
                        message:
                            "\(quoted(role.rawValue)) is set twice (first on line \(first))"))
                continue
            }
            firstLine[role] = lineNumber

            switch parseValue(value) {
            case .success(let v): written[role] = v
            case .failure(let message):
                problems.append(Problem(line: lineNumber, key: role.rawValue, message: "\(role.rawValue): " + message))
            }
        }

        let unset = StyleRole.allCases.filter { firstLine[$0] == nil }
        guard problems.isEmpty else { return Result(theme: nil, problems: problems, unsetRoles: unset) }

        // `normal` first: its colours stand in for every `-` and every unset role.
        let base = written[.normal]
        func resolved(_ w: Written?, fallback: ThemeColor) -> ThemeColor {
            if case .color(let c)? = w { return c }
            return fallback
        }
        let normal = TextStyle(
            foreground: resolved(base?.fg, fallback: .terminalDefault),
            background: resolved(base?.bg, fallback: .terminalDefault),
            attributes: base?.attributes ?? [])
        var styles: [StyleRole: TextStyle] = [:]
        for role in StyleRole.allCases {
            guard let w = written[role] else { styles[role] = normal; continue }
            styles[role] = TextStyle(
                foreground: resolved(w.fg, fallback: normal.foreground),
                background: resolved(w.bg, fallback: normal.background),
                attributes: w.attributes)
        }
        styles[.normal] = normal
        let theme = Theme(name: name, description: description, styles: styles)
        return Result(theme: theme, problems: [], unsetRoles: unset)
    }

    /// Everything after a `#` that starts the line or follows a blank and is not the start of
    /// a `#rrggbb` colour (a `#` followed by a blank or the end of the line) is a comment.
    static func stripComment(_ line: Substring) -> Substring {
        var previousIsBlank = true
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "#" && previousIsBlank {
                let next = line.index(after: i)
                let lineStart = line[..<i].themeTrimmed.isEmpty
                if lineStart || next == line.endIndex || line[next] == " " || line[next] == "\t" {
                    return line[..<i]
                }
            }
            previousIsBlank = c == " " || c == "\t"
            i = line.index(after: i)
        }
        return line
    }

    enum ValueResult {
        case success((fg: Written, bg: Written, attributes: TextAttributes))
        case failure(String)
    }

    static func parseValue(_ value: Substring) -> ValueResult {
        let tokens = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
        if tokens.isEmpty {
            return .failure(
                "no value (expected a foreground colour, an optional background colour and attributes, e.g. \"green - bold\"; write \"-\" to look like normal)"
            )
        }
        var colors: [Written] = []
        var attributes: TextAttributes = []
        for token in tokens {
            if let a = attribute(named: token) { attributes.insert(a); continue }
            if token == "-" {
                colors.append(.inherit)
            } else if let c = color(token) {
                colors.append(.color(c))
            } else if token.hasPrefix("#") || token.allSatisfy(\.isNumber) {
                return .failure("\(quoted(token)) is not a colour (expected a name, 0–255 or #rrggbb)")
            } else {
                return .failure(
                    "\(quoted(token)) is not a colour or an attribute (expected a colour name such as red or bright-blue, 0–255, #rrggbb, \"-\", or one of \(attributeNames.joined(separator: ", ")))"
                )
            }
            if colors.count > 2 {
                return .failure(
                    "\(quoted(token)) is a third colour (expected at most two: the foreground, then the background)")
            }
        }
        return .success((colors.first ?? .inherit, colors.count > 1 ? colors[1] : .inherit, attributes))
    }

    // MARK: Names

    /// Role keys ignore case, "-" and "_": `cardTitle`, `cardtitle` and `card-title` are the same.
    static func normalizedKey<S: StringProtocol>(_ key: S) -> String {
        String(key.lowercased().filter { $0 != "-" && $0 != "_" })
    }

    static let rolesByKey: [String: StyleRole] = {
        var m: [String: StyleRole] = [:]
        for r in StyleRole.allCases { m[normalizedKey(r.rawValue)] = r }
        return m
    }()

    public static func role<S: StringProtocol>(named key: S) -> StyleRole? { rolesByKey[normalizedKey(key)] }

    static func unknownRoleMessage(_ key: String) -> String {
        let all = StyleRole.allCases.map(\.rawValue)
        var hint = ""
        if let best = closest(to: key, in: all + [descriptionKey]) { hint = "did you mean \(quoted(best))? " }
        return "unknown role \(quoted(key)) (\(hint)expected one of: \(all.joined(separator: ", ")), or description)"
    }

    /// The candidate nearest `word` by edit distance, when it is near enough to be a typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        var best: (String, Int)? = nil
        for c in candidates {
            let d = editDistance(w, Array(c.lowercased()))
            if d <= max(1, min(3, w.count / 3)), best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    public static let attributeNames = ["bold", "dim", "underline", "reverse", "italic"]

    static func attribute<S: StringProtocol>(named s: S) -> TextAttributes? {
        switch s.lowercased() {
        case "bold": return .bold
        case "dim": return .dim
        case "underline": return .underline
        case "reverse": return .reverse
        case "italic": return .italic
        default: return nil
        }
    }

    /// The sixteen named colours (their ANSI numbers), as they may be written.
    public static let colorNames: [(name: String, number: Int)] = [
        ("black", 0), ("red", 1), ("green", 2), ("yellow", 3), ("blue", 4), ("magenta", 5), ("cyan", 6), ("white", 7),
        ("bright-black", 8), ("bright-red", 9), ("bright-green", 10), ("bright-yellow", 11),
        ("bright-blue", 12), ("bright-magenta", 13), ("bright-cyan", 14), ("bright-white", 15),
    ]

    static let colorsByKey: [String: Int] = {
        var m: [String: Int] = [:]
        for (name, n) in colorNames { m[normalizedKey(name)] = n }
        m["grey"] = 8; m["gray"] = 8
        return m
    }()

    /// A colour written as a name (`red`, `bright-blue`, `grey`, `default`), a palette
    /// number 0–255 or `#rrggbb`; nil when it is none of these.
    public static func color<S: StringProtocol>(_ token: S) -> ThemeColor? {
        let t = token.lowercased()
        if t == "default" { return .terminalDefault }
        if let n = colorsByKey[normalizedKey(t)] { return .ansi(n) }
        if !t.isEmpty, t.count <= 3, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t), n <= 255 {
            return .ansi(n)
        }
        if t.hasPrefix("#"), t.count == 7 {
            let hex = Array(t.utf8.dropFirst())
            guard hex.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) else { return nil }
            func byte(_ i: Int) -> UInt8 {
                func v(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : c - 87 }
                return v(hex[i]) << 4 | v(hex[i + 1])
            }
            return .rgb(byte(0), byte(2), byte(4))
        }
        return nil
    }

    /// How a colour is written in a theme file.
    public static func spelling(of color: ThemeColor) -> String {
        switch color {
        case .terminalDefault: return "default"
        case .ansi(let n):
            if n == 8 { return "grey" }
            return colorNames.first { $0.number == n }?.name ?? String(n)
        case .rgb(let r, let g, let b):
            func hex(_ v: UInt8) -> String { let s = String(v, radix: 16); return s.count == 1 ? "0" + s : s }
            return "#" + hex(r) + hex(g) + hex(b)
        }
    }

    static func quoted<S: StringProtocol>(_ s: S) -> String { "\"" + String(s) + "\"" }
}

extension StringProtocol {
    /// The text without leading and trailing blanks (spaces and tabs).
    fileprivate var themeTrimmed: SubSequence {
        var start = startIndex, end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
        while end > start, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return self[start..<end]
    }
}
