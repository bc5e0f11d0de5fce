import Foundation
import XCTest

/// Every error of the command line is one line in the form docs/cli.md promises:
/// `pipedeck: OPTION: what was expected (got "…")`; an error found by the argument parser has
/// the command's usage on the line after it. Nothing is written when a command fails.
final class ErrorFormTests: CLITestCase {
    /// The error line and, for usage errors, the usage line; checks the form of both.
    @discardableResult
    func error(
        _ args: [String], usage: Bool, mentioning words: [String] = [], file: StaticString = #filePath,
        line: UInt = #line
    ) -> String {
        let stderr = fails(args + ["--file", self.file], mentioning: words, file: file, line: line)
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.last, "", "ends with a line break", file: file, line: line)
        XCTAssertEqual(lines.count, usage ? 3 : 2, "\(args): \(stderr)", file: file, line: line)
        XCTAssertTrue(lines[0].hasPrefix("pipedeck: "), "\(args): \(stderr)", file: file, line: line)
        XCTAssertFalse(stderr.contains("Error:"), stderr, file: file, line: line)
        if usage, lines.count > 1 {
            XCTAssertTrue(lines[1].hasPrefix("usage: pipedeck "), stderr, file: file, line: line)
            XCTAssertTrue(lines[1].hasSuffix("--help)"), stderr, file: file, line: line)
        }
        return lines[0]
    }

    override func setUpWithError() throws {
        try super.setUpWithError()
        ok(["init", "--file", file])
    }

    func testTheArgumentParsersErrorsAreOneDocumentedLineAndTheUsage() {
        XCTAssertEqual(
            error(["add", "X"], usage: true),
            "pipedeck: --value: missing; expected the deal's value: a plain number such as 12500, 12500.50 or 12500,50")
        XCTAssertEqual(error(["add"], usage: true), "pipedeck: TITLE: missing; expected the deal's title")
        XCTAssertEqual(error(["list", "--bogus"], usage: true), "pipedeck: --bogus: no such option")
        XCTAssertEqual(
            error(["list", "--stat"], usage: true), "pipedeck: --stat: no such option; did you mean --stage?")
        XCTAssertEqual(error(["move", "a", "b", "c"], usage: true), "pipedeck: unexpected argument \"c\"")
        XCTAssertEqual(error(["list", "--json=3"], usage: true), "pipedeck: --json: takes no value (got \"3\")")
        XCTAssertEqual(
            error(["list", "--stage"], usage: true),
            "pipedeck: --stage: missing its value; expected only deals in this stage (id, name or position)")
        let unknown = error(["frob"], usage: true)
        XCTAssertTrue(unknown.hasPrefix("pipedeck: no command is called \"frob\"; the commands are: demo, init,"))
        // The usage line is the command's own.
        let stderr = fails(["stages", "add", "--file", file])
        XCTAssertTrue(stderr.contains("usage: pipedeck stages add "), stderr)
        XCTAssertTrue(stderr.contains("(more: pipedeck stages add --help)"), stderr)
    }

    /// Values the parser used to refuse on its own (negative numbers looked like options, whole
    /// numbers were read by it) now get the command's message naming what was given.
    func testNumbersOutOfRangeSayWhatTheyGot() throws {
        let id = add("Deal", ["--value", "100"])
        ok(["won", id, "--file", file])
        XCTAssertEqual(
            error(["nps", id, "-1"], usage: false), "pipedeck: SCORE: expected a whole number from 0 to 10 (got \"-1\")"
        )
        XCTAssertEqual(error(["nps", id, "5", "6"], usage: false), "pipedeck: unexpected argument \"6\"")
        XCTAssertEqual(error(["nps", id, "--bogus"], usage: false), "pipedeck: --bogus: no such option")
        XCTAssertEqual(
            error(["stages", "set", "lead", "--rot-days", "-1"], usage: false),
            "pipedeck: --rot-days: expected a whole number of days from 0 (off) to 3650 (got \"-1\")")
        XCTAssertEqual(
            error(["stages", "set", "lead", "--rot-days", "x"], usage: false),
            "pipedeck: --rot-days: expected a whole number of days from 0 (off) to 3650 (got \"x\")")
        XCTAssertEqual(
            error(["stages", "add", "Demo", "--probability", "150"], usage: false),
            "pipedeck: --probability: expected a percentage from 0 to 100 (up to 2 decimals) (got \"150\")")
        XCTAssertEqual(
            error(["stages", "add", "Demo", "--probability", "10", "--at", "0"], usage: false),
            "pipedeck: --at: expected a position from 1 to 8 (got \"0\")")
        XCTAssertEqual(
            error(["stages", "move", "lead", "-2"], usage: false),
            "pipedeck: POSITION: expected a position from 1 to 7 (got \"-2\")")
        XCTAssertEqual(
            error(["report", "forecast", "--months", "-3"], usage: false),
            "pipedeck: --months: expected a whole number from 1 to 24 (got \"-3\")")
        // Still accepted when right.
        ok(["stages", "set", "lead", "--rot-days", "0", "--file", file])
        ok(["stages", "move", "lead", "2", "--file", file])
        XCTAssertEqual((fileObject()["stages"] as? [[String: Any]])?[1]["id"] as? String, "lead")
    }

    func testOtherErrorsAreOneLineToo() {
        let a = add("Alpha", ["--value", "1"])
        var ids = [a]
        // Deals whose ids share a beginning: the ambiguity is listed on the one line.
        while ids.count < 40 {
            let id = add("Deal \(ids.count)", ["--value", "1"])
            ids.append(id)
        }
        let prefix = Dictionary(grouping: ids, by: { String($0.prefix(1)) }).max { $0.value.count < $1.value.count }!
        let message = error(["show", prefix.key], usage: false, mentioning: ["type more characters"])
        XCTAssertTrue(message.contains("matches \(prefix.value.count) deals"), message)
        error(["show", "zzzzzz"], usage: false, mentioning: ["zzzzzz"])
        let missing = dir.appendingPathComponent("none.json").path
        let r = run(["list", "--file", missing])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr.filter { $0 == "\n" }.count, 1, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("pipedeck: no pipeline file at \(missing); create one with `pipedeck init`"))
    }

    // MARK: 17. Stage names

    func testStagesAddRefusesANameOrIDThatExistsInAnyCase() {
        XCTAssertEqual(
            error(["stages", "add", "lead generation", "--probability", "10"], usage: false),
            "pipedeck: NAME: already used by the stage “Lead generation”, id lead (got \"lead generation\")")
        XCTAssertEqual(
            error(["stages", "add", "PROPOSAL", "--probability", "10"], usage: false),
            "pipedeck: NAME: already used by the stage “Proposal”, id proposal (got \"PROPOSAL\")")
        error(
            ["stages", "add", "needs", "--probability", "10"], usage: false, mentioning: ["Needs analysis", "id needs"])
        error(["stages", "rename", "proposal", "Negotiation"], usage: false, mentioning: ["NEW-NAME"])
        // A new name is added, and reached by its name.
        let r = ok(["stages", "add", "Lead nurturing", "--probability", "15", "--file", file])
        XCTAssertTrue(r.stdout.contains("id lead-nurturing"), r.stdout)
        let id = add("Nurtured", ["--value", "10", "--stage", "lead NURTURING"])
        XCTAssertEqual(show(id)["stage"] as? String, "lead-nurturing")
    }

    // MARK: 18. Currencies

    func testCurrenciesMustBeISO4217() {
        XCTAssertEqual(
            error(["add", "X", "--value", "5", "--currency", "XXY"], usage: false),
            "pipedeck: --currency: expected an ISO 4217 currency code such as EUR, USD or GBP (got \"XXY\")")
        error(["init", "--force", "--currency", "ABC"], usage: false, mentioning: ["ISO 4217"])
        let id = add("Y", ["--value", "5", "--currency", "chf"])
        XCTAssertEqual(show(id)["currency"] as? String, "CHF")
        error(["edit", id, "--currency", "EUX"], usage: false, mentioning: ["EUX"])
        ok(["edit", id, "--currency", "zwg", "--file", file])
        XCTAssertEqual(show(id)["currency"] as? String, "ZWG", "a code added to the standard in 2024")
    }
}
