import Foundation
import XCTest

@testable import PipedeckRender

/// The theme file format: colours, attributes, inheritance from `normal`, and the message
/// for every kind of mistake.
final class ThemeFileTests: XCTestCase {

    func parse(_ text: String) -> ThemeFile.Result { ThemeFile.parse(text, name: "t") }

    func testColoursInEveryForm() {
        XCTAssertEqual(ThemeFile.color("default"), .terminalDefault)
        XCTAssertEqual(ThemeFile.color("red"), .ansi(1))
        XCTAssertEqual(ThemeFile.color("Bright-Blue"), .ansi(12))
        XCTAssertEqual(ThemeFile.color("bright_white"), .ansi(15))
        XCTAssertEqual(ThemeFile.color("grey"), .ansi(8))
        XCTAssertEqual(ThemeFile.color("gray"), .ansi(8))
        XCTAssertEqual(ThemeFile.color("0"), .ansi(0))
        XCTAssertEqual(ThemeFile.color("255"), .ansi(255))
        XCTAssertEqual(ThemeFile.color("#2AA198"), .rgb(0x2a, 0xa1, 0x98))
        for bad in ["256", "-1", "#12345", "#1234567", "#gggggg", "reddish", "", "1.5", "#fff"] {
            XCTAssertNil(ThemeFile.color(bad), bad)
        }
    }

    func testSpellingRoundTrips() {
        for c: ThemeColor in [.terminalDefault, .ansi(1), .ansi(8), .ansi(12), .ansi(200), .rgb(0, 0x2b, 0x36)] {
            XCTAssertEqual(ThemeFile.color(ThemeFile.spelling(of: c)), c)
        }
    }

    func testForegroundBackgroundAndAttributesInAnyOrder() throws {
        let r = parse(
            """
            normal = #d0d0d0 #101010
            money = green
            overdue = bold red
            match = black yellow underline
            cardTitle = bold
            help = - default italic, dim
            """)
        let theme = try XCTUnwrap(r.theme, "\(r.problems)")
        XCTAssertEqual(
            theme.style(.normal), TextStyle(foreground: .rgb(0xd0, 0xd0, 0xd0), background: .rgb(0x10, 0x10, 0x10)))
        // A colour left out is normal's.
        XCTAssertEqual(theme.style(.money), TextStyle(foreground: .ansi(2), background: .rgb(0x10, 0x10, 0x10)))
        XCTAssertEqual(
            theme.style(.overdue),
            TextStyle(foreground: .ansi(1), background: .rgb(0x10, 0x10, 0x10), attributes: .bold))
        XCTAssertEqual(
            theme.style(.match), TextStyle(foreground: .ansi(0), background: .ansi(3), attributes: .underline))
        XCTAssertEqual(theme.style(.cardTitle).foreground, .rgb(0xd0, 0xd0, 0xd0))
        XCTAssertEqual(theme.style(.cardTitle).attributes, .bold)
        // "-" is normal's colour, "default" the terminal's.
        XCTAssertEqual(
            theme.style(.help),
            TextStyle(foreground: .rgb(0xd0, 0xd0, 0xd0), background: .terminalDefault, attributes: [.italic, .dim]))
    }

    func testUnsetRolesLookLikeNormalAndAreReported() throws {
        let r = parse("normal = white blue bold\nmoney = green\n")
        let theme = try XCTUnwrap(r.theme)
        XCTAssertEqual(theme.style(.footer), theme.style(.normal))
        XCTAssertEqual(theme.style(.footer).attributes, .bold)
        XCTAssertFalse(r.unsetRoles.contains(.money))
        XCTAssertFalse(r.unsetRoles.contains(.normal))
        XCTAssertEqual(r.unsetRoles.count, StyleRole.allCases.count - 2)
        XCTAssertNotNil(theme.styles[.footer], "every role is in the resolved theme")
    }

    func testNormalMayComeLastAndDefaultsToTheTerminal() throws {
        let theme = try XCTUnwrap(parse("money = green\nnormal = - #000000\n").theme)
        XCTAssertEqual(theme.style(.money).background, .rgb(0, 0, 0))
        XCTAssertEqual(theme.style(.normal).foreground, .terminalDefault)
        XCTAssertEqual(try XCTUnwrap(parse("money = green").theme).style(.money).background, .terminalDefault)
    }

    func testCommentsBlankLinesDescriptionAndLooseSpelling() throws {
        let r = parse(
            """
            \u{FEFF}# a theme
              # indented comment

            description = Greens # and a comment
            card-title = bold\r
            MONEY = #00ff00 # a comment after a colour
            weighted_money = 34\t bold
            """)
        let theme = try XCTUnwrap(r.theme, "\(r.problems)")
        XCTAssertEqual(theme.description, "Greens")
        XCTAssertEqual(theme.style(.cardTitle).attributes, .bold)
        XCTAssertEqual(theme.style(.money).foreground, .rgb(0, 255, 0))
        XCTAssertEqual(theme.style(.weightedMoney).foreground, .ansi(34))
        XCTAssertEqual(theme.name, "t")
    }

    func testUnknownRoleNamesTheKeyTheLineAndWhatWasExpected() {
        let r = parse("normal = red\n\ncardTittle = bold\n")
        XCTAssertNil(r.theme)
        XCTAssertEqual(r.problems.count, 1)
        let p = r.problems[0]
        XCTAssertEqual(p.line, 3)
        XCTAssertEqual(p.key, "cardTittle")
        XCTAssertTrue(p.message.hasPrefix("unknown role \"cardTittle\" (did you mean \"cardTitle\"?"), p.message)
        XCTAssertTrue(p.message.contains("expected one of: normal, header,"), p.message)
        for role in StyleRole.allCases { XCTAssertTrue(p.message.contains(role.rawValue)) }
        XCTAssertEqual(p.located(in: "mine.theme").prefix(16), "mine.theme:3: un")
    }

    func testBadColourMessage() {
        let r = parse("money = #12345 bold")
        XCTAssertEqual(r.problems.map(\.line), [1])
        XCTAssertEqual(r.problems[0].key, "money")
        XCTAssertEqual(r.problems[0].message, "money: \"#12345\" is not a colour (expected a name, 0–255 or #rrggbb)")
        XCTAssertEqual(
            parse("money = 300").problems.first?.message,
            "money: \"300\" is not a colour (expected a name, 0–255 or #rrggbb)")
        XCTAssertTrue(
            parse("money = greenish").problems.first?.message.contains("\"greenish\" is not a colour or an attribute")
                == true)
    }

    func testEverySyntaxProblemIsListedWithItsLine() {
        let r = parse(
            """
            normal = default default
            this line has no equals sign
            = red
            money =
            won = red blue green
            lost = red
            lost = blue
            description = one
            description = two
            """)
        XCTAssertNil(r.theme)
        XCTAssertEqual(r.problems.map(\.line), [2, 3, 4, 5, 7, 9])
        XCTAssertTrue(r.problems[0].message.contains("is not a setting (expected \"role = colours and attributes\""))
        XCTAssertTrue(r.problems[2].message.hasPrefix("money: no value"))
        XCTAssertTrue(r.problems[3].message.contains("\"green\" is a third colour"))
        XCTAssertEqual(r.problems[4].message, "\"lost\" is set twice (first on line 6)")
    }

    func testEmptyFileIsAThemeThatLooksLikeTheTerminal() throws {
        let theme = try XCTUnwrap(parse("").theme)
        for role in StyleRole.allCases { XCTAssertEqual(theme.style(role), TextStyle()) }
    }
}

/// The themes that ship: each parses, sets every role explicitly, and is byte for byte its file
/// in themes/ (the binary carries the texts, so it needs no files beside it).
final class ShippedThemeFileTests: XCTestCase {
    static let required = ["default", "dark", "light", "solarized-dark", "high-contrast", "monochrome"]

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
    static var themesFolder: URL { packageRoot.appendingPathComponent("themes") }

    func testTheRequiredThemesShipInOrder() {
        XCTAssertEqual(
            Array(ShippedThemes.names.prefix(ShippedThemeFileTests.required.count)), ShippedThemeFileTests.required)
        XCTAssertNil(ShippedThemes.text(named: "no-such-theme"))
    }

    func testEveryShippedThemeParsesAndSetsEveryRole() throws {
        for name in ShippedThemes.names {
            let text = try XCTUnwrap(ShippedThemes.text(named: name))
            let r = ThemeFile.parse(text, name: name)
            XCTAssertEqual(r.problems, [], name)
            XCTAssertEqual(r.unsetRoles, [], "\(name) must set every role explicitly")
            let theme = try XCTUnwrap(r.theme, name)
            XCTAssertEqual(Set(theme.styles.keys), Set(StyleRole.allCases), name)
            XCTAssertFalse(theme.description.isEmpty, "\(name) has a description")
        }
    }

    func testMonochromeHasNoColours() throws {
        let theme = Theme.monochrome
        XCTAssertEqual(theme.name, "monochrome")
        for role in StyleRole.allCases {
            XCTAssertEqual(theme.style(role).foreground, .terminalDefault, role.rawValue)
            XCTAssertEqual(theme.style(role).background, .terminalDefault, role.rawValue)
        }
        XCTAssertTrue(theme.style(.cardTitleSelected).attributes.contains(.reverse))
    }

    func testDefaultUsesTheTerminalBackgroundAndOnlyItsPalette() throws {
        let theme = Theme.standard
        XCTAssertEqual(theme.name, "default")
        XCTAssertEqual(theme.style(.normal), TextStyle())
        for role in StyleRole.allCases {
            let s = theme.style(role)
            for c in [s.foreground, s.background] {
                if case .rgb = c { XCTFail("\(role.rawValue) uses a fixed colour") }
                if case .ansi(let n) = c { XCTAssertLessThan(n, 16, role.rawValue) }
            }
            // No white or black text: one of them vanishes on a light or a dark terminal.
            if s.background == .terminalDefault {
                XCTAssertNotEqual(s.foreground, .ansi(7), role.rawValue)
                XCTAssertNotEqual(s.foreground, .ansi(0), role.rawValue)
            }
        }
    }

    func testThemesWithTheirOwnBackgroundUseItEverywhereButHighlights() throws {
        // The renderer draws text of many roles over the footer, dialogs and the board: a
        // role with another background would leave patches. Only highlights may differ.
        let highlights: Set<StyleRole> = [
            .cardSelected, .cardTitleSelected, .formFieldFocused, .match, .placeholder, .error, .overdue,
        ]
        for name in ["dark", "light", "solarized-dark", "high-contrast"] {
            let theme = try XCTUnwrap(Theme.shipped(name))
            let bg = theme.style(.normal).background
            XCTAssertNotEqual(bg, .terminalDefault, name)
            for role in StyleRole.allCases where !highlights.contains(role) {
                XCTAssertEqual(theme.style(role).background, bg, "\(name): \(role.rawValue)")
            }
        }
    }

    /// Byte-identical to themes/NAME.theme, and no theme file is left out of `ShippedThemes.names`.
    /// (The files are embedded by the EmbedThemes build step; nothing here writes a source.)
    func testEmbeddedTextsAreTheFilesInTheThemesFolder() throws {
        let folder = ShippedThemeFileTests.themesFolder
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".theme") }.map { String($0.dropLast(6)) }.sorted()
        XCTAssertEqual(
            Set(files), Set(ShippedThemes.names),
            "every file of themes/ has its name in ShippedThemes.names, and only those")
        XCTAssertEqual(Set(files), ShippedThemes.embeddedNames, "the build step embeds every file of themes/")
        for name in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(name + ".theme"))
            XCTAssertEqual(ShippedThemes.text(named: name).map { Data($0.utf8) }, data, name)
        }
    }
}

/// The examples in docs/themes.md are valid themes.
final class ThemeDocumentationTests: XCTestCase {
    func testEveryThemeExampleInTheDocsParses() throws {
        let doc = try String(
            contentsOf: ShippedThemeFileTests.packageRoot.appendingPathComponent("docs/themes.md"), encoding: .utf8)
        let blocks = doc.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let themes = blocks.filter { $0.contains("\nnormal ") }
        XCTAssertGreaterThanOrEqual(themes.count, 2)
        for text in themes {
            let r = ThemeFile.parse(text, name: "doc")
            XCTAssertEqual(r.problems, [], text)
        }
        // The full example is the shipped dark theme.
        let full = try XCTUnwrap(themes.first { $0.contains("dialog") })
        XCTAssertEqual(ThemeFile.parse(full, name: "dark").theme?.styles, Theme.shipped("dark")?.styles)
    }
}
