import Foundation
import PipedeckTestSupport
import XCTest

/// What one run of the `pipedeck` binary did.
typealias CLIRun = ProcessOutput

/// Base class: each test gets its own folder (with empty HOME, XDG_DATA_HOME and TMPDIR inside it)
/// and runs the built executable with LANG=C.UTF-8 and no PIPEDECK_FILE.
class CLITestCase: XCTestCase {
    var dir: URL!
    var file: String { dir.appendingPathComponent("pipeline.json").path }
    var home: String { dir.appendingPathComponent("home").path }
    var xdg: String { dir.appendingPathComponent("xdg").path }
    var tmp: String { dir.appendingPathComponent("tmp").path }

    override func setUpWithError() throws {
        try super.setUpWithError()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("pipedeck-cli-tests-\(UUID().uuidString)")
        for d in [home, tmp] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        _ = try XCTUnwrap(
            CLITestCase.binary, "the pipedeck executable was not found next to the test bundle or under .build*/debug")
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
        try super.tearDownWithError()
    }

    /// The built `pipedeck` (PipedeckTestSupport finds it).
    static let binary: URL? = PipedeckBinary.url

    var environment: [String: String] {
        var env: [String: String] = [
            "LANG": "C.UTF-8",
            "HOME": home,
            "XDG_DATA_HOME": xdg,
            "TMPDIR": tmp,
            "TZ": "UTC",
        ]
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return env
    }

    @discardableResult
    func run(_ args: [String], env extra: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line)
        -> CLIRun
    {
        do {
            return try ProcessRun.run(
                CLITestCase.binary ?? PipedeckBinary.urlOrGuess, args,
                environment: environment.merging(extra) { _, new in new })
        } catch {
            XCTFail("could not run pipedeck: \(error)", file: file, line: line)
            return CLIRun(status: -1, stdout: "", stderr: "")
        }
    }

    /// Runs and asserts exit status 0.
    @discardableResult
    func ok(_ args: [String], env extra: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line)
        -> CLIRun
    {
        let r = run(args, env: extra, file: file, line: line)
        XCTAssertEqual(
            r.status, 0, "pipedeck \(args.joined(separator: " ")) failed: \(r.stderr)", file: file, line: line)
        return r
    }

    /// Runs a command that must fail with `status` without changing the pipeline file; returns stderr.
    @discardableResult
    func fails(
        _ args: [String], status: Int32 = 1, mentioning words: [String] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) -> String {
        let before = FileManager.default.contents(atPath: self.file)
        let r = run(args, file: file, line: line)
        XCTAssertEqual(
            r.status, status, "pipedeck \(args.joined(separator: " ")): stdout \(r.stdout) stderr \(r.stderr)",
            file: file, line: line)
        XCTAssertFalse(r.stderr.isEmpty, "no message on stderr for \(args)", file: file, line: line)
        for w in words {
            XCTAssertTrue(
                r.stderr.contains(w), "stderr of \(args) does not mention \(w): \(r.stderr)", file: file, line: line)
        }
        XCTAssertEqual(
            FileManager.default.contents(atPath: self.file), before,
            "pipedeck \(args.joined(separator: " ")) changed the file", file: file, line: line)
        return r.stderr
    }

    func json(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Any? {
        do {
            return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            XCTFail("not JSON: \(error)\n\(text)", file: file, line: line)
            return nil
        }
    }

    func object(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [String: Any] {
        (json(text, file: file, line: line) as? [String: Any]) ?? [:]
    }

    func array(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [[String: Any]] {
        (json(text, file: file, line: line) as? [[String: Any]]) ?? []
    }

    /// The pipeline file as JSON.
    func fileObject(_ path: String? = nil) -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: path ?? file),
            let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return o
    }

    func fileBytes() -> Data? { FileManager.default.contents(atPath: file) }

    /// Adds a deal and returns its id.
    @discardableResult
    func add(_ title: String, _ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = ok(["add", title, "--file", self.file] + extra, file: file, line: line)
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func show(_ id: String, file: StaticString = #filePath, line: UInt = #line) -> [String: Any] {
        object(ok(["show", id, "--json", "--file", self.file], file: file, line: line).stdout, file: file, line: line)
    }
}

/// An exact decimal from a JSON number (or a string holding one), in millionths.
func micros(_ any: Any?) -> Int? {
    let text: String
    switch any {
    case let n as Int: return n * 1_000_000
    case let n as NSNumber: text = n.stringValue
    case let s as String: text = s
    default: return nil
    }
    guard let d = Decimal(string: text) else { return nil }
    var scaled = d * Decimal(1_000_000)
    var rounded = Decimal()
    NSDecimalRound(&rounded, &scaled, 0, .plain)
    return NSDecimalNumber(decimal: rounded).intValue
}

/// Display width as a terminal shows it: CJK, fullwidth forms and emoji take two cells.
func displayWidth(_ s: String) -> Int {
    var n = 0
    for ch in s {
        guard let u = ch.unicodeScalars.first?.value else { continue }
        let wide =
            (0x1100...0x115F).contains(u) || (0x2E80...0xA4CF).contains(u) || (0xAC00...0xD7A3).contains(u)
            || (0xF900...0xFAFF).contains(u) || (0xFE30...0xFE4F).contains(u) || (0xFF00...0xFF60).contains(u)
            || (0xFFE0...0xFFE6).contains(u) || (0x1F300...0x1FAFF).contains(u) || (0x20000...0x3FFFD).contains(u)
        n += wide ? 2 : 1
    }
    return n
}

/// The text of `line` from display column `from` (0-based) for `count` cells.
func cells(_ line: String, from: Int, count: Int) -> String {
    var col = 0
    var out = ""
    for ch in line {
        let w = displayWidth(String(ch))
        if col >= from && col + w <= from + count { out.append(ch) }
        col += w
        if col >= from + count { break }
    }
    return out
}

/// Runs `body` with the process's standard output sent to /dev/null (commands run in-process
/// print what they did).
func silencingStandardOutput(_ body: () throws -> Void) rethrows {
    fflush(nil)
    let saved = dup(STDOUT_FILENO)
    let null = open("/dev/null", O_WRONLY)
    dup2(null, STDOUT_FILENO)
    close(null)
    defer {
        fflush(nil)
        dup2(saved, STDOUT_FILENO)
        close(saved)
    }
    try body()
}
