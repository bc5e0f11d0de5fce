/// Maps each style role to a look. The board never names a colour; themes do.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [StyleRole: TextStyle]

    public init(name: String, styles: [StyleRole: TextStyle]) { self.name = name; self.styles = styles }

    public func style(_ role: StyleRole) -> TextStyle { styles[role] ?? styles[.normal] ?? TextStyle() }

    static func s(_ fg: ThemeColor = .terminalDefault, _ bg: ThemeColor = .terminalDefault, _ a: TextAttributes = []) -> TextStyle {
        TextStyle(foreground: fg, background: bg, attributes: a)
    }

    /// Uses the terminal's own background and a few ANSI colours, so it reads well on dark and light.
    public static let standard: Theme = {
        let cyan = ThemeColor.ansi(6), green = ThemeColor.ansi(2), yellow = ThemeColor.ansi(3),
            red = ThemeColor.ansi(1), blue = ThemeColor.ansi(4), magenta = ThemeColor.ansi(5), grey = ThemeColor.ansi(8)
        let styles: [StyleRole: TextStyle] = [
            .normal: s(),
            .header: s(.terminalDefault, .terminalDefault, [.bold]),
            .headerDim: s(grey),
            .status: s(),
            .error: s(red, .terminalDefault, [.bold]),
            .columnBorder: s(grey),
            .columnHeader: s(.terminalDefault, .terminalDefault, [.bold]),
            .columnHeaderFocused: s(cyan, .terminalDefault, [.bold, .underline]),
            .columnFigures: s(grey),
            .scrollMarker: s(cyan),
            .card: s(),
            .cardSelected: s(.terminalDefault, .terminalDefault, [.reverse]),
            .cardTitle: s(.terminalDefault, .terminalDefault, [.bold]),
            .cardTitleSelected: s(.terminalDefault, .terminalDefault, [.bold, .reverse]),
            .cardDim: s(grey),
            .money: s(green),
            .weightedMoney: s(cyan, .terminalDefault, [.bold]),
            .overdue: s(red, .terminalDefault, [.bold]),
            .dueToday: s(yellow, .terminalDefault, [.bold]),
            .upcoming: s(blue),
            .noAction: s(magenta),
            .stale: s(yellow),
            .won: s(green, .terminalDefault, [.bold]),
            .lost: s(red),
            .tag: s(magenta),
            .score: s(cyan),
            .match: s(.terminalDefault, yellow),
            .placeholder: s(red),
            .footer: s(),
            .footerFigure: s(.terminalDefault, .terminalDefault, [.bold]),
            .footerKey: s(cyan, .terminalDefault, [.bold]),
            .help: s(),
            .helpKey: s(cyan, .terminalDefault, [.bold]),
            .helpTitle: s(.terminalDefault, .terminalDefault, [.bold, .underline]),
            .formLabel: s(grey),
            .formField: s(.terminalDefault, .terminalDefault, [.underline]),
            .formFieldFocused: s(.terminalDefault, .terminalDefault, [.reverse]),
            .dialog: s(),
        ]
        return Theme(name: "default", styles: styles)
    }()

    /// Attributes only, for NO_COLOR and terminals without colour.
    public static let monochrome: Theme = {
        var styles: [StyleRole: TextStyle] = [:]
        for role in StyleRole.allCases { styles[role] = s() }
        let bold: [StyleRole] = [.header, .columnHeader, .cardTitle, .weightedMoney, .overdue, .dueToday, .won, .footerFigure, .footerKey, .helpKey, .error]
        for r in bold { styles[r] = s(.terminalDefault, .terminalDefault, [.bold]) }
        for r: StyleRole in [.headerDim, .columnBorder, .columnFigures, .cardDim, .formLabel] { styles[r] = s(.terminalDefault, .terminalDefault, [.dim]) }
        styles[.columnHeaderFocused] = s(.terminalDefault, .terminalDefault, [.bold, .underline])
        styles[.cardSelected] = s(.terminalDefault, .terminalDefault, [.reverse])
        styles[.cardTitleSelected] = s(.terminalDefault, .terminalDefault, [.bold, .reverse])
        styles[.formFieldFocused] = s(.terminalDefault, .terminalDefault, [.reverse])
        styles[.formField] = s(.terminalDefault, .terminalDefault, [.underline])
        styles[.match] = s(.terminalDefault, .terminalDefault, [.underline])
        styles[.helpTitle] = s(.terminalDefault, .terminalDefault, [.bold, .underline])
        styles[.stale] = s(.terminalDefault, .terminalDefault, [.underline])
        return Theme(name: "monochrome", styles: styles)
    }()
}
