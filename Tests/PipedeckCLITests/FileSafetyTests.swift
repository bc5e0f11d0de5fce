import Foundation
import PipedeckStorage
import PipedeckTestSupport
import XCTest

@testable import PipedeckCLI

/// The command line against other writers and hostile folders: commands racing each other and
/// an open board, planted lock files, files it may not write or must not own, special files,
/// runaway sizes, symbolic links that lead nowhere.
final class FileSafetyTests: CLITestCase {

    // MARK: Helpers

    /// Runs `pipedeck` and kills it when it has not ended after `timeout` seconds (a test of
    /// something that used to hang must not hang the suite). `shellPrefix` runs it under
    /// `/bin/sh -c` (e.g. "ulimit -v 4000000; ").
    func run(
        _ args: [String], timeout: TimeInterval, shellPrefix: String = "", file: StaticString = #filePath,
        line: UInt = #line
    ) -> CLIRun? {
        let p = Process()
        if shellPrefix.isEmpty {
            p.executableURL = CLITestCase.binary
            p.arguments = args
        } else {
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", shellPrefix + "exec \"$0\" \"$@\"", CLITestCase.binary!.path] + args
        }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in ended.signal() }
        do { try p.run() } catch {
            XCTFail("could not run pipedeck: \(error)", file: file, line: line)
            return nil
        }
        nonisolated(unsafe) var o = Data(), e = Data()
        let readers = DispatchGroup()
        DispatchQueue.global().async(group: readers) { o = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: readers) { e = err.fileHandleForReading.readDataToEndOfFile() }
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            kill(p.processIdentifier, SIGKILL)
            ended.wait()
            readers.wait()
            XCTFail("pipedeck \(args.joined(separator: " ")) still ran after \(timeout) s", file: file, line: line)
            return nil
        }
        readers.wait()
        return CLIRun(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    var lockPath: String { dir.appendingPathComponent(".pipeline.json.lock").path }

    func deal(_ id: String, _ path: String? = nil) -> [String: Any]? {
        (fileObject(path)["deals"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    // MARK: 1. Racing writers

    /// Two commands started at the same moment on different deals, a thousand times: the
    /// commands' own code (`EditCommand.run`, `MoveCommand.run`) on two threads. flock locks
    /// belong to open files, not processes, so two threads compete for the lock exactly as two
    /// processes do. The commands are parsed once per board (argument parsing costs ~50 ms in a
    /// debug build and is not part of the race; `testRacingProcessesLoseNothing` runs the whole
    /// program). Four small boards race in parallel, 250 pairs each, to keep the test short.
    func testAThousandRacingPairsOfCommandsLoseNothing() throws {
        let boards = 4, pairs = 250
        let paths = (0..<boards).map { dir.appendingPathComponent("race-\($0).json").path }
        for p in paths { ok(["init", "--demo", "--file", p]) }
        let edits = try paths.map { try EditCommand.parse(["d05qua", "--title", "?", "--file", $0]) }
        let moves = try paths.map { p in
            try ["next", "prev"].map { try MoveCommand.parse(["d01lea", $0, "--file", p]) }
        }
        let failures = NSLock()
        nonisolated(unsafe) var lost: [String] = []
        nonisolated(unsafe) var errors: [String] = []
        let started = Date()
        silencingStandardOutput {
            DispatchQueue.concurrentPerform(iterations: boards) { b in
                let path = paths[b]
                for i in 0..<pairs {
                    let title = "Edit \(b)-\(i)"
                    var edit = edits[b]
                    edit.title = title
                    let move = moves[b][i % 2]
                    let commands: [@Sendable () throws -> Void] = [{ [edit] in try edit.run() }, { try move.run() }]
                    let done = DispatchGroup()
                    for command in commands {
                        done.enter()
                        Thread {
                            do { try command() } catch {
                                failures.lock(); errors.append("pair \(b)-\(i): \(error)"); failures.unlock()
                            }
                            done.leave()
                        }.start()
                    }
                    done.wait()
                    let expectedStage = i % 2 == 0 ? "qualification" : "lead"
                    let disk = try? BoardFile.load(path: path)
                    failures.lock()
                    if disk?.deal("d05qua")?.title != title { lost.append("pair \(b)-\(i): the edit") }
                    if disk?.deal("d01lea")?.stage != expectedStage { lost.append("pair \(b)-\(i): the move") }
                    failures.unlock()
                    if disk?.deal("d01lea")?.stage != expectedStage { break } // the next moves would not line up
                }
            }
        }
        print(
            "[race] \(boards * pairs) pairs of commands in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
        )
        XCTAssertEqual(errors, [])
        XCTAssertEqual(lost.count, 0, "lost updates: \(lost.prefix(10)) …")
        for p in paths {
            XCTAssertFalse(
                FileManager.default.fileExists(atPath: BoardLock(boardPath: p).path), "no lock file is left behind")
        }
    }

    /// The same race with real processes: two `pipedeck` started together, 30 times.
    func testRacingProcessesLoseNothing() throws {
        ok(["init", "--demo", "--file", file])
        var lost: [String] = []
        for i in 0..<30 {
            let title = "Process edit \(i)"
            let commands = [
                ["edit", "d05qua", "--title", title, "--file", file],
                ["move", "d01lea", i % 2 == 0 ? "next" : "prev", "--file", file],
            ]
            nonisolated(unsafe) var runs: [CLIRun?] = [nil, nil]
            let (binary, env) = (CLITestCase.binary ?? PipedeckBinary.urlOrGuess, environment)
            DispatchQueue.concurrentPerform(iterations: 2) { n in
                runs[n] = try? ProcessRun.run(binary, commands[n], environment: env)
            }
            XCTAssertEqual(runs.map { $0?.status }, [0, 0], "\(runs.map { $0?.stderr ?? "" })")
            if deal("d05qua")?["title"] as? String != title { lost.append("\(i): edit") }
            if deal("d01lea")?["stage"] as? String != (i % 2 == 0 ? "qualification" : "lead") {
                lost.append("\(i): move")
                break
            }
        }
        XCTAssertEqual(lost, [])
    }

    /// The lost update itself, made certain: a command that had to wait for the lock (held here,
    /// as an open board's save holds it) must change the file as it is when it gets the lock,
    /// not the copy it could have read before.
    func testACommandThatWaitedForTheLockWorksOnTheFileAsItIsThen() throws {
        ok(["init", "--demo", "--file", file])
        let lock = BoardLock(boardPath: file)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var status: Int32 = -1
        let file = self.file
        try silencingStandardOutput {
            try lock.withLock {
                Thread {
                    status = PipedeckMain.execute([
                        "edit", "d05qua", "--title", "Edited by the command", "--file", file,
                    ])
                    done.signal()
                }.start()
                // Give the command time to read the file and start waiting for the lock.
                Thread.sleep(forTimeInterval: 0.5)
                // Meanwhile another writer (holding the lock) moves a deal.
                var b = try BoardFile.load(path: file)
                b = try b.apply(.move(id: "d01lea", toStage: "proposal"), at: .now()).board
                try BoardFile.save(b, to: file)
            }
            done.wait()
        }
        XCTAssertEqual(status, 0)
        XCTAssertEqual(deal("d05qua")?["title"] as? String, "Edited by the command")
        XCTAssertEqual(deal("d01lea")?["stage"] as? String, "proposal", "the other writer's move survives")
    }

    // MARK: 2. The lock file

    func testAPlantedSymbolicLinkAsLockFileIsNeverFollowed() throws {
        ok(["init", "--demo", "--file", file])
        let victim = dir.appendingPathComponent("precious.txt").path
        try "precious data\n".write(toFile: victim, atomically: true, encoding: .utf8)
        XCTAssertEqual(symlink(victim, lockPath), 0)
        let before = fileBytes()
        let message = fails(["edit", "d05qua", "--title", "X", "--file", file], mentioning: [lockPath])
        XCTAssertTrue(message.contains("symbolic link"), message)
        XCTAssertEqual(before, fileBytes())
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "precious data\n")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: lockPath), victim)
    }

    func testCommandsLeaveNoLockFileBehind() throws {
        ok(["init", "--demo", "--file", file])
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockPath))
        ok(["move", "d01lea", "next", "--file", file])
        ok(["edit", "d01lea", "--title", "Renamed", "--file", file])
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockPath), "an empty lock file was left behind")
        // An open board's entry is kept, and only its own.
        try "1\n".write(toFile: lockPath, atomically: false, encoding: .utf8)
        ok(["move", "d01lea", "prev", "--file", file])
        XCTAssertEqual(try String(contentsOfFile: lockPath, encoding: .utf8), "1\n")
    }

    // MARK: 3. Permissions

    func testAReadOnlyFileIsRefusedByEveryCommand() throws {
        ok(["init", "--demo", "--file", file])
        XCTAssertEqual(chmod(file, 0o444), 0)
        let f = ["--file", file]
        for args in [
            ["edit", "d01lea", "--title", "X"], ["move", "d01lea", "next"], ["add", "New", "--value", "1"],
            ["rm", "d01lea"], ["won", "d01lea"], ["lost", "d01lea"], ["stages", "rename", "lead", "Leads"],
            ["init", "--force"],
        ] {
            let message = fails(args + f, mentioning: [file])
            XCTAssertTrue(message.contains("read-only"), "\(args): \(message)")
        }
        var st = stat()
        XCTAssertEqual(stat(file, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o444)
        // Reading is fine.
        ok(["list"] + f)
    }

    /// A user who may write a file (here through its group) but does not own it: replacing it
    /// would give it a new owner, so nothing is written. Needs root to set the scene (the
    /// command then runs as user nobody).
    func testAFileOwnedBySomeoneElseKeepsItsOwner() throws {
        try XCTSkipUnless(geteuid() == 0, "needs root to give the file to another user")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "no setpriv")
        ok(["init", "--demo", "--file", file])
        XCTAssertEqual(chmod(dir.path, 0o777), 0)
        XCTAssertEqual(chown(file, 4242, 65534), 0)
        XCTAssertEqual(chmod(file, 0o664), 0)
        let before = fileBytes()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        p.arguments = [
            "--reuid=65534", "--regid=65534", "--clear-groups", CLITestCase.binary!.path, "move", "d01lea", "next",
            "--file", file,
        ]
        p.environment = environment.merging(["HOME": "/", "XDG_DATA_HOME": "/nonexistent"]) { $1 }
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        try XCTSkipIf(message.contains("setpriv:"), "setpriv cannot change user here: \(message)")
        XCTAssertNotEqual(p.terminationStatus, 0, "the move was made: \(message)")
        XCTAssertTrue(message.contains(file) && message.contains("owner"), message)
        var st = stat()
        XCTAssertEqual(stat(file, &st), 0)
        XCTAssertEqual(st.st_uid, 4242, "the file changed owner")
        XCTAssertEqual(st.st_gid, 65534)
        XCTAssertEqual(fileBytes(), before)
    }
}
