/// Maps each style role to a look. The board never names a colour; themes do.
///
/// Themes are text files (see `ThemeFile` and docs/themes.md). The ones shipped with
/// Pipedeck are compiled in (`ShippedThemes`), so the binary needs no files beside it.
public struct Theme: Sendable, Equatable {
    public var name: String
    /// One line saying what the theme looks like (`pipedeck themes` shows it).
    public var description: String
    public var styles: [StyleRole: TextStyle]

    public init(name: String, description: String = "", styles: [StyleRole: TextStyle]) {
        self.name = name; self.description = description; self.styles = styles
    }

    public func style(_ role: StyleRole) -> TextStyle { styles[role] ?? styles[.normal] ?? TextStyle() }

    /// The shipped theme called `name`, parsed; nil when there is none.
    public static func shipped(_ name: String) -> Theme? {
        guard let text = ShippedThemes.text(named: name) else { return nil }
        return ThemeFile.parse(text, name: name).theme
    }

    /// The shipped "default" theme: the terminal's own background and a few ANSI colours,
    /// so it reads well on dark and light.
    public static let standard: Theme = shipped("default") ?? Theme(name: "default", styles: [:])

    /// The shipped "monochrome" theme: attributes only, for NO_COLOR and terminals without colour.
    public static let monochrome: Theme = shipped("monochrome") ?? Theme(name: "monochrome", styles: [:])
}
