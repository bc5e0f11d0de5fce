import Foundation
import PipedeckRender
import XCTest

@testable import PipedeckCLI

/// Choosing the theme (flag, environment, settings file, NO_COLOR), user themes, the
/// settings file, the fallback for bad themes, and `pipedeck themes`.
final class ThemeSelectionTests: CLITestCase {

    var config: String { dir.appendingPathComponent("config").path }
    var env: [String: String] { ["HOME": home, "XDG_CONFIG_HOME": config] }
    var userThemes: String { config + "/pipedeck/themes" }
    var configFile: String { config + "/pipedeck/config" }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func choose(flag: String? = nil, noColor: Bool = false, colors: Int? = 256, extra: [String: String] = [:])
        -> ThemeChoice
    {
        ThemeChooser.choose(
            flag: flag, noColor: noColor, colorCount: colors, environment: env.merging(extra) { _, b in b })
    }

    // MARK: Choosing

    func testDefaultWhenNothingIsSet() {
        let c = choose()
        XCTAssertEqual(c.theme, Theme.standard)
        XCTAssertEqual(c.reason, .standard)
        XCTAssertNil(c.message)
    }

    func testNoColorGivesMonochrome() {
        XCTAssertEqual(choose(extra: ["NO_COLOR": "1"]).theme, Theme.monochrome)
        XCTAssertEqual(
            choose(flag: "dark", extra: ["NO_COLOR": "yes"]).theme, Theme.monochrome, "NO_COLOR wins over --theme")
        XCTAssertEqual(choose(noColor: true).theme, Theme.monochrome)
        XCTAssertEqual(choose(colors: 0).theme, Theme.monochrome, "a terminal without colours")
        XCTAssertEqual(choose(extra: ["NO_COLOR": ""]).theme, Theme.standard, "an empty NO_COLOR does not count")
        XCTAssertEqual(choose(noColor: true).reason, .noColor)
    }

    func testFlagThenEnvironmentThenConfig() throws {
        try write("# mine\ntheme = light\n", to: configFile)
        XCTAssertEqual(choose().theme.name, "light")
        XCTAssertEqual(choose().reason, .config)
        XCTAssertEqual(choose(extra: ["PIPEDECK_THEME": "solarized-dark"]).theme.name, "solarized-dark")
        XCTAssertEqual(
            choose(flag: "high-contrast", extra: ["PIPEDECK_THEME": "solarized-dark"]).theme.name, "high-contrast")
        XCTAssertEqual(choose(flag: "high-contrast").reason, .flag)
    }

    func testAPathWorksAsWellAsAName() throws {
        let path = dir.appendingPathComponent("greens.theme").path
        try write("normal = green\nmoney = bright-green bold\n", to: path)
        let c = choose(flag: path)
        XCTAssertEqual(c.theme.name, "greens")
        XCTAssertEqual(c.theme.style(.money).foreground, .ansi(10))
        XCTAssertNil(c.message)
    }

    func testUserThemesAddToAndOverrideShippedOnes() throws {
        try write("description = My dark\nnormal = white black\n", to: userThemes + "/dark.theme")
        try write("normal = cyan\n", to: userThemes + "/ocean.theme")
        let library = ThemeLibrary(places: ThemePlaces(environment: env))
        let all = library.available()
        XCTAssertEqual(all.map(\.name), ShippedThemes.names + ["ocean"])
        XCTAssertEqual(all.first { $0.name == "dark" }?.origin, .user(path: userThemes + "/dark.theme"))
        XCTAssertEqual(choose(flag: "dark").theme.description, "My dark")
        XCTAssertEqual(choose(flag: "ocean").theme.style(.normal).foreground, .ansi(6))
    }

    func testAUserDefaultThemeReplacesTheShippedOneAtStartUp() throws {
        try write("description = Mine\nnormal = cyan\n", to: userThemes + "/default.theme")
        XCTAssertEqual(choose().theme.description, "Mine")
        try write("normal = nonsense\n", to: userThemes + "/default.theme")
        let broken = choose()
        XCTAssertEqual(broken.theme, Theme.standard, "a broken user default falls back to the shipped one")
        XCTAssertTrue(broken.message?.contains("default.theme:1: normal: \"nonsense\"") == true, broken.message ?? "")
    }

    func testAUserMonochromeThemeIsUsedForNoColorWithoutItsColours() throws {
        try write("normal = red - italic\ncardTitle = blue underline\n", to: userThemes + "/monochrome.theme")
        let theme = choose(extra: ["NO_COLOR": "1"]).theme
        XCTAssertEqual(theme.style(.cardTitle), TextStyle(attributes: .underline))
        XCTAssertEqual(theme.style(.normal), TextStyle(attributes: .italic))
    }

    // MARK: Bad themes fall back to the default, with a message

    func testAnInvalidThemeGivesItsMessageAndTheDefault() throws {
        try write("normal = white black\ncardTittle = bold\nmoney = #12345\n", to: userThemes + "/broken.theme")
        let c = choose(flag: "broken")
        XCTAssertEqual(c.theme, Theme.standard)
        let m = try XCTUnwrap(c.message)
        XCTAssertTrue(m.hasPrefix("using the default theme: "), m)
        XCTAssertTrue(
            m.contains("/pipedeck/themes/broken.theme:2: unknown role \"cardTittle\" (did you mean \"cardTitle\"?"), m)
        XCTAssertTrue(m.contains("(and 1 more: pipedeck themes check)"), m)
    }

    func testAnUnknownThemeNameGivesItsMessageAndTheDefault() throws {
        try write("theme = solarised\n", to: configFile)
        let c = choose()
        XCTAssertEqual(c.theme, Theme.standard)
        let m = try XCTUnwrap(c.message)
        XCTAssertTrue(m.contains("no theme is called \"solarised\""), m)
        XCTAssertTrue(m.contains("pipedeck/config:1"), "names where it came from: \(m)")
        XCTAssertTrue(m.contains("solarized-dark"), "lists the themes: \(m)")
    }

    func testAMissingOrBinaryFileGivesItsMessage() throws {
        let missing = choose(flag: dir.appendingPathComponent("nope.theme").path)
        XCTAssertEqual(missing.theme, Theme.standard)
        XCTAssertTrue(missing.message?.contains("nope.theme: no such file") == true, missing.message ?? "")
        let binary = dir.appendingPathComponent("bin.theme").path
        XCTAssertTrue(FileManager.default.createFile(atPath: binary, contents: Data([0xff, 0xfe, 0x00, 0x80])))
        XCTAssertTrue(choose(flag: binary).message?.contains("is not UTF-8 text") == true)
    }

    // MARK: The settings file

    func testSettingTheThemeKeepsEveryOtherLine() {
        let text = "# my settings\nfoo = bar\ntheme = dark\n\n  theme = light\nzoom = 2"
        XCTAssertEqual(
            ThemeConfig.setting(theme: "light", in: text), "# my settings\nfoo = bar\ntheme = light\n\nzoom = 2\n")
        XCTAssertEqual(ThemeConfig.setting(theme: "dark", in: "foo = 1\n"), "foo = 1\ntheme = dark\n")
        XCTAssertTrue(ThemeConfig.setting(theme: "dark", in: nil).hasSuffix("\ntheme = dark\n"))
        XCTAssertEqual(ThemeConfig.theme(in: "# theme = no\n Theme = yes \n")?.value, "yes")
        XCTAssertEqual(ThemeConfig.theme(in: "a = b\r\ntheme = dark\r\n")?.line, 2)
    }

    func testSavingCreatesTheFolderAndReplacesTheFileAtomically() throws {
        let places = ThemePlaces(environment: env)
        try ThemeConfig.save(theme: "dark", places: places)
        XCTAssertEqual(ThemeConfig.theme(in: try String(contentsOfFile: configFile, encoding: .utf8))?.value, "dark")
        try write("# keep me\nother = 1\ntheme = dark\n", to: configFile)
        try ThemeConfig.save(theme: "light", places: places)
        XCTAssertEqual(try String(contentsOfFile: configFile, encoding: .utf8), "# keep me\nother = 1\ntheme = light\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: config + "/pipedeck").filter {
            $0 != "config"
        }
        XCTAssertEqual(leftovers, [], "no temporary files left behind")
    }

    func testXDGConfigHomeDefaultsToDotConfig() {
        XCTAssertEqual(ThemePlaces(environment: ["HOME": "/h"]).configFile, "/h/.config/pipedeck/config")
        XCTAssertEqual(
            ThemePlaces(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "relative"]).configFile,
            "/h/.config/pipedeck/config")
        XCTAssertEqual(
            ThemePlaces(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/x"]).userThemes, "/x/pipedeck/themes")
    }

    // MARK: t

    func testCyclingGoesThroughEveryThemeAndRemembersTheChoice() throws {
        try write("normal = cyan\n", to: userThemes + "/ocean.theme")
        try write("nonsense\n", to: userThemes + "/zbroken.theme")
        let session = ThemeSession(flag: nil, noColor: false, colorCount: 256, environment: env)
        XCTAssertEqual(session.name, "default")
        var seen: [String] = []
        for _ in 0..<(ShippedThemes.names.count + 1) {
            let m = session.cycle()
            seen.append(session.name)
            XCTAssertTrue(m.text.hasPrefix("theme: \(session.name)"), m.text)
            XCTAssertEqual(
                ThemeConfig.theme(in: try String(contentsOfFile: configFile, encoding: .utf8))?.value, session.name)
        }
        XCTAssertEqual(seen, Array(ShippedThemes.names.dropFirst()) + ["ocean", "default"])
        XCTAssertTrue(session.cycle().text.contains("theme: dark"))
        // The broken one was skipped, and said so.
        for _ in 0..<5 { _ = session.cycle() }
        XCTAssertEqual(session.name, "ocean")
        let past = session.cycle()
        XCTAssertEqual(session.name, "default")
        XCTAssertTrue(past.text.contains("skipped zbroken"), past.text)
        XCTAssertTrue(past.isError)
    }

    func testCyclingWithColoursOffSaysSoAndChangesNothing() throws {
        let session = ThemeSession(
            flag: nil, noColor: false, colorCount: 256, environment: env.merging(["NO_COLOR": "1"]) { _, b in b })
        XCTAssertEqual(session.theme, Theme.monochrome)
        let m = session.cycle()
        XCTAssertTrue(m.text.contains("NO_COLOR"), m.text)
        XCTAssertEqual(session.theme, Theme.monochrome)
        XCTAssertFalse(FileManager.default.fileExists(atPath: configFile))
    }

    func testCyclingSaysWhenTheEnvironmentStillDecides() {
        let session = ThemeSession(
            flag: nil, noColor: false, colorCount: 256,
            environment: env.merging(["PIPEDECK_THEME": "light"]) { _, b in b })
        XCTAssertEqual(session.name, "light")
        let m = session.cycle()
        XCTAssertEqual(session.name, "solarized-dark")
        XCTAssertTrue(m.text.contains("$PIPEDECK_THEME still decides"), m.text)
    }

    func testTheSessionAdaptsThemesToTheTerminal() throws {
        let on8 = ThemeSession(flag: "dark", noColor: false, colorCount: 8, environment: env)
        XCTAssertTrue(on8.theme.style(.cardTitleSelected).attributes.contains(.reverse))
        let on256 = ThemeSession(flag: "dark", noColor: false, colorCount: 256, environment: env)
        XCTAssertEqual(on256.theme, Theme.shipped("dark"))
    }

    // MARK: pipedeck themes

    func testThemesListsNamesWhenNotATerminal() throws {
        try write("normal = cyan\n", to: home + "/.config/pipedeck/themes/ocean.theme")
        let r = ok(["themes"])
        XCTAssertEqual(r.lines, ShippedThemes.names + ["ocean"])
        XCTAssertEqual(ok(["themes", "list", "--plain"]).lines, r.lines)
        XCTAssertFalse(r.stdout.contains("\u{1B}"))
    }

    func testThemesWithColorShowsAPreviewOfEachTheme() throws {
        let r = ok(["themes", "--color"], env: ["TERM": "xterm-256color"])
        XCTAssertTrue(r.stdout.contains("\u{1B}[0;38;5;188;48;5;234m"), "dark's text on its background:\n\(r.stdout)")
        for name in ShippedThemes.names { XCTAssertTrue(r.stdout.contains(name)) }
        XCTAssertTrue(r.stdout.contains("* default"), r.stdout)
        let marked = ok(["themes", "--color"], env: ["TERM": "xterm-256color", "PIPEDECK_THEME": "light"])
        XCTAssertTrue(marked.stdout.contains("* light"), marked.stdout)
        XCTAssertTrue(marked.stdout.contains("  default"), marked.stdout)
    }

    func testThemesHonoursNoColor() {
        let r = ok(["themes", "--color"], env: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        XCTAssertFalse(r.stdout.contains("38;"), r.stdout)
        XCTAssertFalse(r.stdout.contains("48;"), r.stdout)
        XCTAssertTrue(r.stdout.contains("NO_COLOR is set"), r.stdout)
        XCTAssertTrue(r.stdout.contains("* monochrome"), r.stdout)
    }

    func testThemesCheckAcceptsEveryShippedFile() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/PipedeckRender/Themes")
        for name in ShippedThemes.names {
            XCTAssertEqual(
                ok(["themes", "check", folder.appendingPathComponent(name + ".theme").path]).stdout, "ok\n", name)
            XCTAssertEqual(ok(["themes", "check", name]).stdout, "ok\n", name)
        }
    }

    func testThemesCheckListsEveryProblem() throws {
        let path = dir.appendingPathComponent("bad.theme").path
        try write("normal = white\ncardTittle = bold\nmoney = #12345\nwon green\n", to: path)
        let r = run(["themes", "check", path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.lines.count, 3, r.stdout)
        XCTAssertTrue(
            r.lines[0].hasPrefix(
                "\(path):2: unknown role \"cardTittle\" (did you mean \"cardTitle\"? expected one of: normal,"),
            r.lines[0])
        XCTAssertEqual(r.lines[1], "\(path):3: money: \"#12345\" is not a colour (expected a name, 0–255 or #rrggbb)")
        XCTAssertTrue(r.lines[2].hasPrefix("\(path):4: \"won green\" is not a setting"), r.lines[2])
    }

    func testThemesCheckNotesUnsetRoles() throws {
        let path = dir.appendingPathComponent("small.theme").path
        try write("normal = white black\n", to: path)
        let r = ok(["themes", "check", path])
        XCTAssertEqual(r.lines.first, "ok")
        XCTAssertTrue(r.lines[1].contains("\(StyleRole.allCases.count - 1) roles are not set"), r.stdout)
    }

    func testThemesCheckOfNothing() {
        fails(["themes", "check", "no-such-theme"], mentioning: ["no file and no theme called \"no-such-theme\""])
        let r = run(["themes", "check", dir.appendingPathComponent("missing.theme").path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("missing.theme: no such file"), r.stdout)
    }
}
