import Foundation
import XCTest

/// Themes on the real binary in tmux: `t` switches live and is remembered, a bad theme falls
/// back to the default with a message, NO_COLOR and 8-colour terminals.
final class ThemeEndToEndTests: EndToEndTestCase {
    var config: String { dir.appendingPathComponent("config").path }
    var settings: String { config + "/pipedeck/config" }

    override func setUpWithError() throws {
        try XCTSkipUnless(TmuxSession.isTmuxAvailable, "tmux is not installed")
        try super.setUpWithError()
        try makeDemo()
    }

    func open(_ extra: [String] = [], env: [String: String] = [:]) -> TmuxSession {
        // `swift test` runs tests with NO_COLOR=1, and the tmux server passes it on: clear it
        // (an empty NO_COLOR does not count), and PIPEDECK_THEME too.
        var environment = [
            "HOME": dir.path, "XDG_CONFIG_HOME": config, "TZ": "UTC", "NO_COLOR": "", "PIPEDECK_THEME": "",
        ]
        for (k, v) in env { environment[k] = v }
        let s = TmuxSession(
            arguments: [TmuxSession.pipedeckBinary.path, "--file", file] + extra,
            width: 120, height: 40, environment: environment)
        XCTAssertTrue(s.waitFor("Demo pipeline"), s.capture())
        return s
    }

    /// SGR parameters that set a colour (foreground or background).
    func colourCodes(_ screen: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*)m")
        var found: [String] = []
        for m in regex.matches(in: screen, range: NSRange(screen.startIndex..., in: screen)) {
            let params = (screen as NSString).substring(with: m.range(at: 1)).split(separator: ";").compactMap {
                Int($0)
            }
            var i = 0
            while i < params.count {
                let p = params[i]
                if p == 38 || p == 48 {
                    let rest = params.dropFirst(i + 1)
                    let n = rest.first == 5 ? 2 : 4
                    found.append(([p] + rest.prefix(n)).map(String.init).joined(separator: ";"))
                    i += 1 + n
                    continue
                }
                if (30...37).contains(p) || (40...47).contains(p) || (90...97).contains(p) || (100...107).contains(p) {
                    found.append(String(p))
                }
                i += 1
            }
        }
        return found
    }

    func testTSwitchesThemesLiveAndTheChoiceIsRemembered() throws {
        let s = open()
        XCTAssertFalse(
            colourCodes(s.capture(colors: true)).contains("48;5;234"), "default: the terminal's own background")
        s.send("t")
        XCTAssertTrue(s.waitFor("theme: dark"), s.capture())
        XCTAssertTrue(
            s.waitUntil { _ in self.colourCodes(s.capture(colors: true)).contains("48;5;234") },
            "dark's background is drawn at once")
        XCTAssertEqual(
            try String(contentsOfFile: settings, encoding: .utf8).components(separatedBy: "\n").last {
                $0.hasPrefix("theme")
            },
            "theme = dark")
        s.send("t")
        XCTAssertTrue(s.waitFor("theme: light"), s.capture())
        XCTAssertTrue(
            s.waitUntil { _ in self.colourCodes(s.capture(colors: true)).contains("48;5;231") }, "light's background")
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)

        let again = open()
        XCTAssertTrue(
            again.waitUntil { _ in self.colourCodes(again.capture(colors: true)).contains("48;5;231") },
            "starts with the remembered theme")
        again.send("q")
    }

    func testABadThemeStartsWithTheDefaultAndSaysWhy() throws {
        let path = dir.appendingPathComponent("broken.theme").path
        try "normal = white black\ncardTittle = bold\n".write(toFile: path, atomically: true, encoding: .utf8)
        let s = open(["--theme", path])
        XCTAssertTrue(s.waitFor("using the default theme:"), s.capture())
        XCTAssertTrue(s.capture().contains("broken.theme:2: unknown role \"cardTittle\""), s.capture())
        XCTAssertFalse(colourCodes(s.capture(colors: true)).contains("40"), "not the broken theme's black background")
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }

    func testNoColorDrawsWithoutColours() {
        let s = open(["--theme", "dark"], env: ["NO_COLOR": "1"])
        XCTAssertEqual(colourCodes(s.capture(colors: true)), [], "NO_COLOR: attributes only")
        s.send("t")
        XCTAssertTrue(s.waitFor("colours are off"), s.capture())
        XCTAssertEqual(colourCodes(s.capture(colors: true)), [])
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }

    func testEightColourTerminalsGetTheBasicColours() {
        let s = open(["--theme", "solarized-dark"], env: ["TERM": "xterm"])
        let codes = colourCodes(s.capture(colors: true))
        XCTAssertTrue(codes.contains("40"), "Solarized's dark base becomes black: \(codes)")
        XCTAssertFalse(codes.contains { $0.hasPrefix("38;") || $0.hasPrefix("48;") }, "no 256-colour codes: \(codes)")
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }
}
