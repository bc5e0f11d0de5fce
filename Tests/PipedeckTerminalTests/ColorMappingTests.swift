import PipedeckRender
import XCTest

@testable import PipedeckTerminal

/// Colour degradation: what a theme colour becomes on 256, 16 and 8 colours, and that the
/// shipped themes stay readable on each.
final class ColorMappingTests: XCTestCase {

    func rgb(_ hex: UInt32) -> ThemeColor { .rgb(UInt8(hex >> 16), UInt8((hex >> 8) & 0xFF), UInt8(hex & 0xFF)) }

    // MARK: One colour

    func testNoColourTerminalGetsNoColours() {
        for c: ThemeColor in [.ansi(1), rgb(0xff0000), .terminalDefault] {
            XCTAssertNil(ColorMapping.terminalColor(c, colors: 0))
            XCTAssertNil(ColorMapping.terminalColor(c, colors: 2))
        }
        XCTAssertEqual(
            ColorMapping.pair(foreground: .ansi(1), background: .ansi(4), colors: 0),
            .init(foreground: -1, background: -1))
    }

    func testPaletteNumbersPassThroughWhenTheTerminalHasThem() {
        XCTAssertEqual(ColorMapping.terminalColor(.ansi(200), colors: 256), 200)
        XCTAssertEqual(ColorMapping.terminalColor(.ansi(12), colors: 16), 12)
        XCTAssertEqual(ColorMapping.terminalColor(.ansi(3), colors: 8), 3)
        XCTAssertNil(ColorMapping.terminalColor(.terminalDefault, colors: 256))
    }

    func testBrightColoursFallBackToNormalOnEightColours() {
        for n in 9...15 { XCTAssertEqual(ColorMapping.terminalColor(.ansi(n), colors: 8), n - 8) }
        XCTAssertEqual(ColorMapping.terminalColor(.ansi(8), colors: 16), 8)
    }

    func testExactPaletteColoursMapToThemselvesOn256() {
        XCTAssertEqual(ColorMapping.terminalColor(rgb(0xd70000), colors: 256), 160)
        XCTAssertEqual(ColorMapping.terminalColor(rgb(0xffffff), colors: 256), 231)
        XCTAssertEqual(ColorMapping.terminalColor(rgb(0x000000), colors: 256), 16)
        XCTAssertEqual(ColorMapping.terminalColor(rgb(0x808080), colors: 256), 244)
        XCTAssertEqual(ColorMapping.terminalColor(rgb(0x1c1c1c), colors: 256), 234)
        XCTAssertEqual(ColorMapping.terminalColor(.ansi(124), colors: 256), 124)
    }

    func testNearest256KeepsHue() {
        // Solarized red and orange: rounding each channel to the cube makes both #d75f00.
        XCTAssertEqual(ColorMapping.nearest256(r: 0xdc, g: 0x32, b: 0x2f), 160) // #d70000
        XCTAssertEqual(ColorMapping.nearest256(r: 0xcb, g: 0x4b, b: 0x16), 166) // #d75f00
        XCTAssertEqual(ColorMapping.nearest256(r: 0x26, g: 0x8b, b: 0xd2), 32) // #0087d7
        // Near-greys go to the grey ramp.
        XCTAssertEqual(ColorMapping.nearest256(r: 0x1c, g: 0x1f, b: 0x26), 234)
    }

    func testEightAndSixteenColoursKeepTheHueFamily() {
        func basic(_ hex: UInt32, _ count: Int) -> Int? { ColorMapping.terminalColor(rgb(hex), colors: count) }
        XCTAssertEqual(basic(0xd19a66, 8), 3, "orange stays yellowish")
        XCTAssertEqual(basic(0xe5c07b, 8), 3, "a pale gold stays yellow, not white")
        XCTAssertEqual(basic(0x6c71c4, 8), 4, "violet stays blue")
        XCTAssertEqual(basic(0xd33682, 8), 5, "pink stays magenta")
        XCTAssertEqual(basic(0x859900, 8), 2, "olive green stays green")
        XCTAssertEqual(basic(0x2aa198, 8), 6, "teal is cyan")
        XCTAssertEqual(basic(0xdc322f, 8), 1)
        XCTAssertEqual(basic(0xcb4b16, 8), 3, "Solarized orange (stale) stays apart from its red (overdue)")
        XCTAssertEqual(basic(0x61afef, 16), 12, "a light blue takes the bright variant")
        XCTAssertEqual(basic(0x61afef, 8), 4)
        XCTAssertEqual(basic(0x0f7f8c, 16), 6, "a deep teal takes the normal variant")
    }

    func testGreysAndDarkColoursByLightness() {
        func basic(_ hex: UInt32, _ count: Int) -> Int? { ColorMapping.terminalColor(rgb(hex), colors: count) }
        XCTAssertEqual(basic(0x002b36, 8), 0, "Solarized's dark base is black, not cyan")
        XCTAssertEqual(basic(0x002b36, 16), 0)
        XCTAssertEqual(basic(0xfdf6e3, 8), 7)
        XCTAssertEqual(basic(0xfdf6e3, 16), 15)
        XCTAssertEqual(basic(0x7d8391, 16), 8)
        XCTAssertEqual(basic(0xd5d8de, 16), 7)
    }

    func testDirectColourTerminalsGetExactColours() {
        let direct = 1 << 24
        XCTAssertEqual(ColorMapping.terminalColor(rgb(0x2aa198), colors: direct), 0x2aa198)
        XCTAssertEqual(ColorMapping.terminalColor(rgb(0x000005), colors: direct), 0, "1...7 would mean ANSI colours")
        XCTAssertEqual(ColorMapping.terminalColor(.ansi(3), colors: direct), 3)
        XCTAssertEqual(ColorMapping.terminalColor(.ansi(9), colors: direct), 0xff0000)
    }

    // MARK: Pairs

    func testBlueOnBlackBecomesReadable() {
        let p8 = ColorMapping.pair(foreground: rgb(0x61afef), background: rgb(0x1c1f26), colors: 8)
        XCTAssertEqual(p8, .init(foreground: 6, background: 0), "xterm's blue on black is too dark: cyan")
        let p16 = ColorMapping.pair(foreground: rgb(0x61afef), background: rgb(0x1c1f26), colors: 16)
        XCTAssertEqual(p16, .init(foreground: 12, background: 0))
    }

    func testPaleColoursOnLightBackgroundBecomeText() {
        let p = ColorMapping.pair(foreground: rgb(0xa86b00), background: rgb(0xfafafa), colors: 8)
        XCTAssertEqual(p, .init(foreground: 0, background: 7), "yellow on white is unreadable: black")
        let cyan = ColorMapping.pair(foreground: rgb(0x0f7f8c), background: rgb(0xfafafa), colors: 8)
        XCTAssertEqual(cyan, .init(foreground: 4, background: 7), "cyan on white: blue")
    }

    func testGreysOnEightColours() {
        // The terminal's own background: a mid grey is its own text colour, dimmed.
        XCTAssertEqual(
            ColorMapping.pair(foreground: .ansi(8), background: .terminalDefault, colors: 8),
            .init(foreground: -1, background: -1, dim: true))
        XCTAssertEqual(
            ColorMapping.pair(foreground: .ansi(8), background: .terminalDefault, colors: 16),
            .init(foreground: 8, background: -1))
        // A known background: white or black, dimmed only when the theme meant it subdued.
        XCTAssertEqual(
            ColorMapping.pair(foreground: rgb(0x3b4150), background: rgb(0x1c1f26), colors: 8),
            .init(foreground: 7, background: 0, dim: true))
        XCTAssertEqual(
            ColorMapping.pair(foreground: rgb(0x839496), background: rgb(0x002b36), colors: 8),
            .init(foreground: 7, background: 0, dim: false), "Solarized body text is not dimmed")
        XCTAssertEqual(
            ColorMapping.pair(foreground: rgb(0x383a42), background: rgb(0xfafafa), colors: 8),
            .init(foreground: 0, background: 7))
    }

    func testSubtleColoursSurviveWhereTheTerminalCanShowThem() {
        // A deliberately faint border stays faint on 256 colours...
        let p = ColorMapping.pair(foreground: rgb(0x3b4150), background: rgb(0x1c1f26), colors: 256)
        XCTAssertEqual(p, .init(foreground: 238, background: 234))
        // ...and on 16 colours becomes grey rather than vanishing into black.
        let p16 = ColorMapping.pair(foreground: rgb(0x3b4150), background: rgb(0x1c1f26), colors: 16)
        XCTAssertEqual(p16.background, 0)
        XCTAssertNotEqual(p16.foreground, 0)
    }

    func testSameColourForBothIsLeftAlone() {
        XCTAssertEqual(
            ColorMapping.pair(foreground: .ansi(4), background: .ansi(4), colors: 8),
            .init(foreground: 4, background: 4))
    }

    func testWithoutDefaultColoursWhiteOnBlackIsAssumed() {
        XCTAssertEqual(
            ColorMapping.pair(
                foreground: .terminalDefault, background: .terminalDefault, colors: 8, defaultColors: false),
            .init(foreground: 7, background: 0))
        XCTAssertEqual(
            ColorMapping.pair(foreground: .ansi(0), background: .terminalDefault, colors: 8, defaultColors: false),
            .init(foreground: 7, background: 0), "black text would vanish on the assumed black")
    }

    // MARK: Themes

    func testAHighlightThatDegradesAwayBecomesReverseVideo() throws {
        let dark = try XCTUnwrap(Theme.shipped("dark"))
        let on8 = ColorMapping.adapted(dark, colors: 8)
        let selected = on8.style(.cardTitleSelected)
        XCTAssertTrue(selected.attributes.contains(.reverse))
        XCTAssertTrue(selected.attributes.contains(.bold))
        XCTAssertEqual(selected.background, dark.style(.normal).background)
        // On 256 colours the highlight has its own colour: unchanged.
        XCTAssertEqual(ColorMapping.adapted(dark, colors: 256), dark)
        XCTAssertEqual(ColorMapping.adapted(dark, colors: 1 << 24), dark)
        // The match highlight (yellow) survives on 8 colours as it is.
        XCTAssertEqual(on8.style(.match), dark.style(.match))
    }

    /// On 8, 16 and 256 colours, every role of every shipped theme that has both colours
    /// known shows its text at a contrast of at least 2.5 (xterm's palette), except the
    /// roles the theme itself made faint (borders), which must still not vanish.
    func testShippedThemesStayReadableWhenDegraded() throws {
        for name in ShippedThemes.names {
            let theme = try XCTUnwrap(Theme.shipped(name))
            for colors in [8, 16, 256] {
                let adapted = ColorMapping.adapted(theme, colors: colors)
                for role in StyleRole.allCases {
                    let s = adapted.style(role)
                    let p = ColorMapping.pair(foreground: s.foreground, background: s.background, colors: colors)
                    guard p.foreground >= 0, p.background >= 0 else { continue }
                    let shown = ColorMapping.contrast(
                        ColorMapping.rgb(ofXterm: p.foreground), ColorMapping.rgb(ofXterm: p.background))
                    let meant = ColorMapping.contrast(
                        ColorMapping.rgb(of: s.foreground)!, ColorMapping.rgb(of: s.background)!)
                    let floor = meant < 2.5 ? 1.2 : 2.5
                    XCTAssertGreaterThanOrEqual(shown, floor, "\(name) \(role.rawValue) on \(colors) colours: \(p)")
                }
            }
        }
    }
}
