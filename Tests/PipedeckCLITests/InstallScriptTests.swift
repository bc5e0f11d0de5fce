import Foundation
import PipedeckTestSupport
import XCTest

/// scripts/install.sh and scripts/uninstall.sh into a temporary prefix, with the binary these
/// tests run (the release build the script makes by default is the same program, optimised).
final class InstallScriptTests: CLITestCase {
    var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
    var prefix: String { dir.appendingPathComponent("prefix with space").path }
    /// The man page the generate-manual plugin writes (.ci/run makes it before the tests).
    var generatedMan: String {
        root.appendingPathComponent(".build/plugins/GenerateManual/outputs/pipedeck/pipedeck.1").path
    }

    func script(_ name: String, _ args: [String]) throws -> ProcessOutput {
        try ProcessRun.run(
            URL(fileURLWithPath: "/bin/bash"), [root.appendingPathComponent("scripts/" + name).path] + args,
            environment: environment)
    }

    func which(_ tool: String) -> String? {
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].map { $0 + tool }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    func testInstallsProgramManPageAndCompletionsThenUninstallsThem() throws {
        let binary = try XCTUnwrap(CLITestCase.binary).path
        // Data that lives under the same prefix (the default pipeline file) must survive both.
        let data = prefix + "/share/pipedeck/pipeline.json"
        try FileManager.default.createDirectory(
            atPath: (data as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "{}".write(toFile: data, atomically: true, encoding: .utf8)

        let hasMan = FileManager.default.fileExists(atPath: generatedMan)
        let r = try script("install.sh", ["--prefix", prefix, "--binary", binary])
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
        XCTAssertTrue(r.stdout.contains("installed pipedeck "), r.stdout)

        let installed = [
            "bin/pipedeck", "share/bash-completion/completions/pipedeck", "share/zsh/site-functions/_pipedeck",
            "share/fish/vendor_completions.d/pipedeck.fish",
        ].map { prefix + "/" + $0 }
        for f in installed { XCTAssertTrue(FileManager.default.fileExists(atPath: f), f) }
        let mode = try FileManager.default.attributesOfItem(atPath: installed[0])[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o755)

        // The installed program runs.
        let version = try ProcessRun.run(URL(fileURLWithPath: installed[0]), ["--version"], environment: environment)
        XCTAssertEqual(version.stdout, "pipedeck 0.9.0\n")

        // Bash completes a subcommand from the installed script.
        let complete = try ProcessRun.run(
            URL(fileURLWithPath: "/bin/bash"),
            [
                "-c",
                "source \"$1\"; COMP_LINE='pipedeck sta'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(pipedeck sta); "
                    + "COMP_CWORD=1; _pipedeck pipedeck sta pipedeck; echo \"${COMPREPLY[*]}\"",
                "bash", installed[1],
            ], environment: environment)
        XCTAssertEqual(complete.stdout, "stages\n", complete.stderr)
        if let zsh = which("zsh") {
            let z = try ProcessRun.run(URL(fileURLWithPath: zsh), ["-n", installed[2]], environment: environment)
            XCTAssertEqual(z.status, 0, z.stderr)
        }
        if let fish = which("fish") {
            let f = try ProcessRun.run(
                URL(fileURLWithPath: fish), ["--no-execute", installed[3]], environment: environment)
            XCTAssertEqual(f.status, 0, f.stderr)
        }

        let manPage = prefix + "/share/man/man1/pipedeck.1"
        if hasMan {
            let text = try String(contentsOfFile: manPage, encoding: .utf8)
            XCTAssertTrue(text.contains(".Dt PIPEDECK 1"), "an mdoc page")
            for command in ["demo", "stages", "report", "import", "export"] {
                XCTAssertTrue(text.contains(".It Em \(command)"), "the man page documents \(command)")
            }
        } else {
            XCTAssertFalse(FileManager.default.fileExists(atPath: manPage))
            XCTAssertTrue(r.stdout.contains("no man page installed"), r.stdout)
        }

        let u = try script("uninstall.sh", ["--prefix", prefix])
        XCTAssertEqual(u.status, 0, u.stderr)
        for f in installed + [manPage] { XCTAssertFalse(FileManager.default.fileExists(atPath: f), f) }
        XCTAssertEqual(try String(contentsOfFile: data, encoding: .utf8), "{}", "the pipeline file is not touched")
        let again = try script("uninstall.sh", ["--prefix", prefix])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("nothing to remove"), again.stdout)
    }

    func testBadOptionsInstallNothing() throws {
        let r = try script("install.sh", ["--prefix", prefix, "--binary", dir.appendingPathComponent("none").path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("no program at"), r.stderr)
        XCTAssertEqual(try script("install.sh", ["--frob"]).status, 2)
        XCTAssertEqual(try script("uninstall.sh", ["--frob"]).status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: prefix + "/bin"))
    }
}
