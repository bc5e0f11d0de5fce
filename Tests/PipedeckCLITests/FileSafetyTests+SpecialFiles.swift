import Foundation
import PipedeckStorage
import PipedeckTestSupport
import XCTest

@testable import PipedeckCLI

/// Special files, sizes and links as the board file, and exports printed to a terminal.
extension FileSafetyTests {
    // MARK: 4. Special files, sizes, links

    func testAFIFOIsRefusedWithoutWaiting() throws {
        XCTAssertEqual(mkfifo(file, 0o600), 0)
        for args in [["list"], ["move", "d01lea", "next"], []] {
            guard let r = run(args + ["--file", file], timeout: 15) else { continue }
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(file) && r.stderr.contains("not a regular file"), r.stderr)
        }
    }

    func testALinkToADeviceIsRefused() throws {
        XCTAssertEqual(symlink("/dev/zero", file), 0)
        // A memory limit, so that the unfixed program fails instead of eating the machine.
        guard let r = run(["list", "--file", file], timeout: 15, shellPrefix: "ulimit -v 4000000; ") else { return }
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("not a regular file"), r.stderr)
        XCTAssertTrue(r.stderr.contains("character device"), r.stderr)
        let again = run(["init", "--force", "--file", file], timeout: 15)
        XCTAssertNotEqual(again?.status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: file), "/dev/zero")
    }

    func testAFileLargerThanTheLimitIsRefused() throws {
        // A sparse file: it takes no room on the disk.
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data("{".utf8)))
        XCTAssertEqual(truncate(file, off_t(1_073_741_825)), 0)
        guard let r = run(["list", "--file", file], timeout: 30, shellPrefix: "ulimit -v 4000000; ") else { return }
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains(file) && r.stderr.contains("larger than"), r.stderr)
    }

    func testASymbolicLinkLoopHasItsOwnMessage() throws {
        let other = dir.appendingPathComponent("other.json").path
        XCTAssertEqual(symlink(other, file), 0)
        XCTAssertEqual(symlink(file, other), 0)
        for args in [["list"], ["edit", "d01lea", "--title", "X"], [], ["init"], ["init", "--force"]] {
            guard let r = run(args + ["--file", file], timeout: 15) else { continue }
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(file) && r.stderr.contains("loop"), "\(args): \(r.stderr)")
        }
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: file), other, "the link is untouched")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: other), file)
    }

    func testInitNeverReplacesADanglingLink() throws {
        let target = dir.appendingPathComponent("elsewhere/board.json").path
        XCTAssertEqual(symlink(target, file), 0)
        for args in [["init"], ["init", "--force"], ["init", "--demo"]] {
            let r = run(args + ["--file", file])
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertTrue(r.stderr.contains(file) && r.stderr.contains(target), r.stderr)
        }
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: file), target, "the link stays a link")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
        // Reading through it says what is wrong, not "there is no file".
        let r = run(["list", "--file", file])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("symbolic link") && r.stderr.contains(target), r.stderr)
        // A link to a board works as before.
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        ok(["init", "--demo", "--file", target])
        ok(["move", "d01lea", "next", "--file", file])
        XCTAssertEqual(deal("d01lea", target)?["stage"] as? String, "qualification")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: file), target)
    }

    // MARK: 6. Export to a terminal

    /// Runs `pipedeck` with its standard output on a new pseudo-terminal; returns what the
    /// terminal received.
    func runOnTerminal(_ args: [String]) throws -> (status: Int32, output: [UInt8]) {
        // Linux: /dev/ptmx, unlocked (TIOCSPTLCK) and numbered (TIOCGPTN).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        XCTAssertGreaterThanOrEqual(master, 0)
        defer { close(master) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        XCTAssertEqual(ioctl(master, UInt(0x4004_5431), &unlock), 0)
        XCTAssertEqual(ioctl(master, UInt(0x8004_5430), &number), 0)
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        XCTAssertGreaterThanOrEqual(slave, 0)
        let p = Process()
        p.executableURL = CLITestCase.binary
        p.arguments = args
        p.environment = environment
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        p.standardOutput = terminal
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        try terminal.close()
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break } // EIO once the program has closed its side
            output += buffer[0..<n]
        }
        p.waitUntilExit()
        return (p.terminationStatus, output)
    }

    func testExportToATerminalShowsControlCharactersAndFilesGetTheExactBytes() throws {
        ok(["init", "--file", file])
        let title = "Evil \u{1B}]2;owned\u{7} deal \u{9B}31m \u{202E}reversed\u{202C} end"
        let id = add(
            title, ["--value", "100", "--next", "Call \u{1B}[2J now", "--due", "2026-12-01", "--company", "A\rB"])
        for format in ["csv", "json", "ics"] {
            let (status, output) = try runOnTerminal(["export", "--format", format, "--file", file])
            XCTAssertEqual(status, 0, format)
            let text = String(decoding: output, as: UTF8.self)
            XCTAssertFalse(output.contains(0x1B), "\(format): an escape character reached the terminal")
            XCTAssertFalse(output.contains(0x07), "\(format): BEL reached the terminal")
            for scalar in text.unicodeScalars {
                let v = scalar.value
                XCTAssertFalse(
                    (0x80...0x9F).contains(v), "\(format): C1 U+\(String(v, radix: 16)) reached the terminal")
                XCTAssertFalse(
                    (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v),
                    "\(format): a bidi control reached the terminal")
            }
            XCTAssertTrue(text.contains("end"), "\(format): \(text)")
            XCTAssertTrue(text.contains("\n"), "lines stay lines")
        }
        let csv = try runOnTerminal(["export", "--format", "csv", "--file", file]).output
        XCTAssertTrue(
            String(decoding: csv, as: UTF8.self).contains("Evil \u{241B}]2;owned\u{2407} deal"),
            "shown as the board shows them")
        // A pipe or a file gets the exact bytes.
        let piped = ok(["export", "--format", "csv", "--file", file]).stdout
        XCTAssertTrue(piped.contains(title), piped)
        let out = dir.appendingPathComponent("out.csv").path
        ok(["export", "-o", out, "--file", file])
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), piped)
        XCTAssertFalse(id.isEmpty)
    }
}
