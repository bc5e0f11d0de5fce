import Foundation
import XCTest

final class SafetyTests: CLITestCase {
    func testBadArgumentsNameTheOptionAndLeaveTheFileByteIdentical() {
        ok(["init", "--demo", "--file", file])
        let original = fileBytes()
        let f = ["--file", file]
        fails(["add", "X", "--value", "abc"] + f, mentioning: ["--value", "abc", "12500"])
        fails(["add", "X", "--value", "12,500"] + f, mentioning: ["--value"])
        fails(["add", "X", "--value", "1 000"] + f, mentioning: ["--value"])
        fails(["add", "X", "--value", "-5"] + f, mentioning: ["--value", "negative"])
        fails(["add", "X", "--value", "10.125"] + f, mentioning: ["--value", "2 decimals"])
        fails(
            ["add", "X", "--value", "100", "--probability", "120"] + f,
            mentioning: ["--probability", "120", "0 to 100"])
        fails(["add", "X", "--value", "100", "--probability", "high"] + f, mentioning: ["--probability"])
        fails(
            ["add", "X", "--value", "100", "--close", "2026-13-45"] + f,
            mentioning: ["--close", "2026-13-45", "YYYY-MM-DD"])
        fails(
            ["add", "X", "--value", "100", "--next", "Call", "--due", "tomorrow"] + f,
            mentioning: ["--due", "YYYY-MM-DD"])
        fails(["add", "X", "--value", "100", "--due", "2026-01-01"] + f, mentioning: ["--due", "--next"])
        fails(["add", "X", "--value", "100", "--stage", "Heaven"] + f, mentioning: ["--stage", "Heaven", "lead"])
        fails(["add", "X", "--value", "100", "--currency", "euro"] + f, mentioning: ["--currency", "euro"])
        fails(["add", "  ", "--value", "100"] + f, mentioning: ["title"])
        fails(["add", "X"] + f, mentioning: ["--value"])
        fails(["add", "X", "--value", "1", "--colour", "red"] + f, mentioning: ["--colour"])
        fails(["edit", "d01lea", "--value", "abc"] + f, mentioning: ["--value"])
        fails(["edit", "d01lea", "--probability", "101"] + f, mentioning: ["--probability"])
        fails(["edit", "d01lea", "--stage", "9"] + f, mentioning: ["--stage"])
        fails(["edit", "d01lea", "--title", ""] + f, mentioning: ["--title"])
        fails(["edit", "d01lea", "--close", "2026-02-30"] + f, mentioning: ["--close"])
        fails(["move", "d01lea", "sideways"] + f, mentioning: ["sideways"])
        fails(["lost", "nope"] + f, mentioning: ["nope"])
        XCTAssertEqual(fileBytes(), original)
    }

    func testAFileThatFailsToLoadExitsWith2AndItsMessage() throws {
        let broken = "{\n  \"version\": 1,\n  \"name\": \"Broken\",\n  \"stages\": [\n"
        try broken.write(toFile: file, atomically: true, encoding: .utf8)
        for args in [
            ["list"], ["summary", "--json"], ["add", "X", "--value", "1"], ["show", "abc"], ["move", "a", "next"], [],
        ] {
            let message = fails(args + ["--file", file], status: 2, mentioning: [file])
            XCTAssertTrue(message.contains("line"), "the message says where: \(message)")
        }
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), broken)
    }

    func testAMissingFileSuggestsInitOrDemo() {
        for args in [[], ["list"], ["add", "X", "--value", "1"]] {
            fails(args + ["--file", file], status: 1, mentioning: [file, "pipedeck init", "pipedeck demo"])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
    }

    func testTheDefaultFileComesFromTheEnvironment() {
        let viaEnv = dir.appendingPathComponent("env.json").path
        ok(["init"], env: ["PIPEDECK_FILE": viaEnv])
        XCTAssertTrue(FileManager.default.fileExists(atPath: viaEnv))
        ok(["init"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: xdg + "/pipedeck/pipeline.json"))
    }

    func testDemoPrintWritesATemporaryFileAndNeverTheUsersPipeline() throws {
        let userFile = dir.appendingPathComponent("mine.json").path
        let r = ok(["demo", "--print"], env: ["PIPEDECK_FILE": userFile])
        XCTAssertEqual(r.lines.count, 1, r.stdout)
        let path = r.stdout.trimmingCharacters(in: .newlines)
        XCTAssertTrue(path.hasPrefix(tmp + "/pipedeck-demo-") && path.hasSuffix(".json"), path)
        XCTAssertEqual((fileObject(path)["deals"] as? [Any])?.count, 25)
        XCTAssertFalse(FileManager.default.fileExists(atPath: xdg), "demo --print touched $XDG_DATA_HOME")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: home), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: userFile))

        // A second demo gets a file of its own.
        let second = ok(["demo", "--print"]).stdout.trimmingCharacters(in: .newlines)
        XCTAssertNotEqual(second, path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: xdg))

        // An explicit --file is used, but an existing file is not replaced without --force.
        ok(["demo", "--print", "--file", file])
        XCTAssertEqual((fileObject()["deals"] as? [Any])?.count, 25)
        ok(["rm", "d01lea", "--file", file])
        fails(["demo", "--print", "--file", file], mentioning: [file, "--force"])
    }
}
