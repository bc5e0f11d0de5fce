import Foundation
import PipedeckRender
import XCTest

@testable import PipedeckTerminal

/// Contrast of the shipped themes at 256 colours, computed with the colour mapping the board
/// draws with: every text role reaches 4.5:1 against its background (WCAG AA), borders and
/// decorations 3:1. docs/themes.md shows the figures; this test writes that table
/// (PIPEDECK_RECORD=1) and fails when it is out of date.
final class ThemeContrastTests: XCTestCase {
    /// A terminal's own colours, for roles that use them, with xterm's standard palette.
    struct ReferenceTerminal {
        var name: String
        var foreground: (r: Int, g: Int, b: Int)
        var background: (r: Int, g: Int, b: Int)
    }
    static let terminals = [
        ReferenceTerminal(name: "dark", foreground: (229, 229, 229), background: (0, 0, 0)),
        ReferenceTerminal(name: "light", foreground: (0, 0, 0), background: (255, 255, 255)),
    ]

    /// Drawn as lines and marks rather than read (column lines, the qualification dots): 3:1.
    static let decorations: Set<StyleRole> = [.columnBorder, .score]
    static func required(_ role: StyleRole) -> Double { decorations.contains(role) ? 3 : 4.5 }

    /// The contrast `role` shows on `terminal` (256 colours unless said): the pair as `ColorMapping` maps it
    /// (after `adapted`), the terminal's own colours where the theme leaves them, reverse video
    /// swapped, and dim (asked by the theme or by the mapping) as the foreground half-way to the
    /// background, as terminals draw faint text.
    static func contrast(
        _ theme: Theme, _ role: StyleRole, on terminal: ReferenceTerminal, colors: Int = 256
    ) -> Double {
        let s = ColorMapping.adapted(theme, colors: colors).style(role)
        let p = ColorMapping.pair(foreground: s.foreground, background: s.background, colors: colors)
        var fg = p.foreground >= 0 ? ColorMapping.shown(p.foreground, colors: colors) : terminal.foreground
        var bg = p.background >= 0 ? ColorMapping.shown(p.background, colors: colors) : terminal.background
        if s.attributes.contains(.reverse) { swap(&fg, &bg) }
        if s.attributes.contains(.dim) || p.dim { fg = ((fg.r + bg.r) / 2, (fg.g + bg.g) / 2, (fg.b + bg.b) / 2) }
        return ColorMapping.contrast(fg, bg)
    }

    /// The lowest contrast of `role` over the reference terminals (one figure for a theme that
    /// sets its own colours: the terminal does not matter then).
    static func worst(_ theme: Theme, _ role: StyleRole) -> Double {
        terminals.map { contrast(theme, role, on: $0) }.min() ?? 0
    }

    /// The shipped themes as their files in themes/ say (the embedded copies are checked against
    /// these files elsewhere).
    static func themes() -> [Theme] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes")
        return ShippedThemes.names.compactMap { name in
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name + ".theme"), encoding: .utf8)
            else { return nil }
            return ThemeFile.parse(text, name: name).theme
        }
    }

    /// At 256 colours (what the issue and the docs' table are about) and, so that the exact
    /// colours are no worse, in true colour.
    func testEveryRoleOfEveryShippedThemeIsReadable() {
        let themes = ThemeContrastTests.themes()
        XCTAssertEqual(themes.count, ShippedThemes.names.count)
        for theme in themes {
            for role in StyleRole.allCases {
                for t in ThemeContrastTests.terminals {
                    for colors in [256, 1 << 24] {
                        let c = ThemeContrastTests.contrast(theme, role, on: t, colors: colors)
                        XCTAssertGreaterThanOrEqual(
                            c, ThemeContrastTests.required(role),
                            "\(theme.name) \(role.rawValue) on a \(t.name) terminal, \(colors) colours: "
                                + String(format: "%.2f", c) + ":1")
                    }
                }
            }
        }
    }

    /// The model is right on known pairs: black on white 21, xterm's yellow on white 1.7.
    func testTheContrastModel() {
        let light = ThemeContrastTests.terminals[1]
        let plain = Theme(name: "t", styles: [.normal: TextStyle(), .money: TextStyle(foreground: .ansi(3))])
        XCTAssertEqual(ThemeContrastTests.contrast(plain, .normal, on: light), 21, accuracy: 0.01)
        XCTAssertEqual(ThemeContrastTests.contrast(plain, .money, on: light), 1.7, accuracy: 0.05)
        var reversed = plain
        reversed.styles[.money] = TextStyle(foreground: .ansi(3), attributes: [.reverse])
        XCTAssertEqual(ThemeContrastTests.contrast(reversed, .money, on: light), 1.7, accuracy: 0.05)
        var dim = plain
        dim.styles[.money] = TextStyle(attributes: [.dim])
        XCTAssertLessThan(ThemeContrastTests.contrast(dim, .money, on: light), 4.5, "faint black on white is grey")
    }

    // MARK: The table in docs/themes.md

    static let begin =
        "<!-- contrast: generated by ThemeContrastTests; PIPEDECK_RECORD=1 swift test --filter ThemeContrastTests rewrites it -->"
    static let end = "<!-- end of contrast -->"

    static func table() -> String {
        let themes = ThemeContrastTests.themes()
        var lines = [
            "| role | needs | " + themes.map { "`\($0.name)`" }.joined(separator: " | ") + " |",
            "|---|---:|" + themes.map { _ in "---:" }.joined(separator: "|") + "|",
        ]
        for role in StyleRole.allCases {
            let figures = themes.map { String(format: "%.1f", ThemeContrastTests.worst($0, role)) }
            let needs = String(format: "%.1f", required(role))
            lines.append("| `\(role.rawValue)` | \(needs) | " + figures.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    func testDocsShowTheFigures() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/themes.md")
        let doc = try String(contentsOf: url, encoding: .utf8)
        let begin = ThemeContrastTests.begin, end = ThemeContrastTests.end
        guard let a = doc.range(of: begin), let b = doc.range(of: end, range: a.upperBound..<doc.endIndex) else {
            return XCTFail("docs/themes.md has no contrast table between \(begin) and \(end)")
        }
        let generated = "\n" + ThemeContrastTests.table() + "\n"
        if ProcessInfo.processInfo.environment["PIPEDECK_RECORD"] == "1" {
            try (doc[..<a.upperBound] + generated + doc[b.lowerBound...]).write(
                to: url, atomically: true, encoding: .utf8)
            return
        }
        XCTAssertEqual(
            String(doc[a.upperBound..<b.lowerBound]), generated,
            "docs/themes.md's contrast table is out of date: run PIPEDECK_RECORD=1 swift test --filter ThemeContrastTests"
        )
    }
}
