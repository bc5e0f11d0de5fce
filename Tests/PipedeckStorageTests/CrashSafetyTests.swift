import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

#if canImport(Glibc)
    import Glibc
#endif

/// Saves that are killed at random moments, disks that are full, folders that cannot be written,
/// and the temporary files that killed saves leave behind.
final class CrashSafetyTests: XCTestCase {
    var dir: URL!
    var mounted: [String] = []

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("pipedeck-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() {
        for m in mounted.reversed() { _ = umount(m) }
        try? FileManager.default.removeItem(at: dir)
    }

    /// The helper executable built beside the tests (.build/<config>/pipedeck-torture).
    static var torture: String {
        var dirs: [URL] = []
        if let e = Bundle.main.executableURL { dirs.append(e.deletingLastPathComponent()) }
        for b in Bundle.allBundles where b.bundlePath.hasSuffix(".xctest") {
            dirs.append(b.bundleURL.deletingLastPathComponent())
        }
        for d in dirs {
            var u = d
            for _ in 0..<4 {
                let c = u.appendingPathComponent("pipedeck-torture")
                if FileManager.default.isExecutableFile(atPath: c.path) { return c.path }
                u = u.deletingLastPathComponent()
            }
        }
        return (dirs.first ?? URL(fileURLWithPath: ".build/debug")).appendingPathComponent("pipedeck-torture").path
    }

    @discardableResult
    func run(_ executable: String, _ args: [String]) throws -> (status: Int32, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: e, as: UTF8.self))
    }

    func temporaryFiles(in folder: String, for name: String = "pipeline.json") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix("." + name + ".") && $0.hasSuffix(".tmp") }
    }

    // MARK: Killed saves

    /// Hundreds of runs of a process that saves board A, then B, then A… in a loop, each killed
    /// with SIGKILL at a random moment: the file always loads and is exactly A or exactly B.
    func testSavesKilledAtRandomMomentsLeaveTheOldOrTheNewFile() throws {
        let helper = CrashSafetyTests.torture
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: helper), "pipedeck-torture is not built at \(helper)")
        XCTAssertEqual(try run(helper, ["boards", dir.path]).status, 0)
        let a = try BoardFile.readBytes(path: dir.appendingPathComponent("a.json").path)
        let b = try BoardFile.readBytes(path: dir.appendingPathComponent("b.json").path)
        XCTAssertNotEqual(a, b)
        let boardA = try BoardFile.load(path: dir.appendingPathComponent("a.json").path)
        let boardB = try BoardFile.load(path: dir.appendingPathComponent("b.json").path)
        let target = dir.appendingPathComponent("pipeline.json").path
        try BoardFile.save(bytes: a, to: target)

        let seed =
            UInt64(ProcessInfo.processInfo.environment["PIPEDECK_TORTURE_SEED"] ?? "")
            ?? UInt64.random(in: 1...UInt64.max)
        var random = SeededRandom(seed: seed)
        let started = Date()
        var kills = 0, sawA = 0, sawB = 0, changes = 0, mostTemporaryFiles = 0, midWrite = 0
        var last = a
        // 250 runs; the deadline only stops a machine so loaded that it would take minutes.
        while kills < 250 && Date().timeIntervalSince(started) < 180 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: helper)
            p.arguments = [
                "loop", target, dir.appendingPathComponent("a.json").path, dir.appendingPathComponent("b.json").path,
            ]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            // Wait until it is saving, then let it run for 0–16 ms (a save takes 1–3 ms).
            let line = out.fileHandleForReading.availableData
            XCTAssertEqual(String(decoding: line, as: UTF8.self), "saving\n", "seed \(seed)")
            usleep(UInt32(random.next() % 16_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationReason, .uncaughtSignal, "seed \(seed)")
            kills += 1

            let bytes = try BoardFile.readBytes(path: target)
            if bytes == a {
                sawA += 1
            } else if bytes == b {
                sawB += 1
            } else {
                XCTFail("after kill \(kills) the file is neither A nor B (\(bytes.count) bytes); seed \(seed)")
                break
            }
            if bytes != last { changes += 1; last = bytes }
            // It also loads (every 10th time: decoding takes a while in debug builds).
            if kills % 10 == 0 {
                let board = try BoardFile.load(path: target)
                XCTAssertTrue(board == boardA || board == boardB, "seed \(seed)")
            }
            // A temporary file named after the killed process: it died in the middle of a save.
            if temporaryFiles(in: dir.path).contains(where: { $0.contains(".\(p.processIdentifier)-") }) {
                midWrite += 1
            }
            mostTemporaryFiles = max(mostTemporaryFiles, temporaryFiles(in: dir.path).count)
        }
        print(
            "[crash] \(kills) kills in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, seed \(seed): file was A \(sawA)×, B \(sawB)×, changed \(changes)×; \(midWrite) kills in the middle of a write; at most \(mostTemporaryFiles) temporary files at once"
        )
        XCTAssertGreaterThanOrEqual(kills, 200, "the loop must run hundreds of times")
        XCTAssertGreaterThan(changes, kills / 5, "runs complete saves before they are killed")
        XCTAssertGreaterThan(midWrite, 5, "some kills land in the middle of a write")

        // Killed saves leave temporary files; once they are old enough, the next save removes them.
        let left = temporaryFiles(in: dir.path)
        for name in left {
            let path = dir.appendingPathComponent(name).path
            var times = [timeval(tv_sec: time(nil) - 60, tv_usec: 0), timeval(tv_sec: time(nil) - 60, tv_usec: 0)]
            XCTAssertEqual(utimes(path, &times), 0)
        }
        try BoardFile.save(bytes: b, to: target)
        XCTAssertEqual(temporaryFiles(in: dir.path), [], "stale temporary files are removed by the next save")
        XCTAssertEqual(try BoardFile.readBytes(path: target), b)
    }

    func testStaleTemporaryFilesRules() throws {
        let target = dir.appendingPathComponent("pipeline.json").path
        try BoardFile.save(Fixtures.richBoard(), to: target)
        func make(_ name: String, age: Int) throws {
            let path = dir.appendingPathComponent(name).path
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
            var times = [timeval(tv_sec: time(nil) - age, tv_usec: 0), timeval(tv_sec: time(nil) - age, tv_usec: 0)]
            XCTAssertEqual(utimes(path, &times), 0)
        }
        // A pid that does not run: a child that has ended and been waited for.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        let dead = p.processIdentifier
        try make(".pipeline.json.\(dead)-1a2b.tmp", age: 30) // stale: removed
        try make(".pipeline.json.\(dead)-3c4d.tmp", age: 0) // too recent: kept
        try make(".pipeline.json.1-5e6f.tmp", age: 30) // pid 1 runs: kept
        try make(".pipeline.json.1-7a8b.tmp", age: 7200) // two hours old: removed
        try make(".pipeline.json.\(getpid())-9c0d.tmp", age: 7200) // ours: kept
        try make(".other.json.\(dead)-1a2b.tmp", age: 30) // another board's: kept
        try make(".pipeline.json.lock", age: 30) // not a temporary file
        try make(".pipeline.json.\(dead)-xyz.tmp", age: 30) // not our pattern: kept
        let removed = BoardFile.removeStaleTemporaryFiles(for: target).sorted()
        XCTAssertEqual(removed, [".pipeline.json.1-7a8b.tmp", ".pipeline.json.\(dead)-1a2b.tmp"].sorted())
        XCTAssertEqual(
            temporaryFiles(in: dir.path).sorted(),
            [
                ".pipeline.json.\(dead)-3c4d.tmp", ".pipeline.json.1-5e6f.tmp",
                ".pipeline.json.\(getpid())-9c0d.tmp", ".pipeline.json.\(dead)-xyz.tmp",
            ].sorted())
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".pipeline.json.lock").path))
        XCTAssertEqual(try BoardFile.load(path: target), Fixtures.richBoard())
    }

    // MARK: Full disks, read-only places

    /// Mounts a small tmpfs (needs root; skipped otherwise).
    func mountTmpfs(_ options: String) throws -> String {
        let mp = dir.appendingPathComponent("fs-\(mounted.count)").path
        try FileManager.default.createDirectory(atPath: mp, withIntermediateDirectories: true)
        let r = options.withCString { mount("tmpfs", mp, "tmpfs", 0, $0) }
        try XCTSkipIf(
            r != 0,
            "cannot mount a tmpfs here (\(String(cString: strerror(errno)))): the file size limit test covers a full disk"
        )
        mounted.append(mp)
        return mp
    }

    func testDiskFullLeavesThePreviousFileAndNoTemporaryFile() throws {
        let mp = try mountTmpfs("size=64k")
        let target = mp + "/pipeline.json"
        let small = PerformanceTests.bigBoard(deals: 20)
        try BoardFile.save(small, to: target)
        let before = try BoardFile.readBytes(path: target)
        let big = PerformanceTests.bigBoard(deals: 200) // ~200 KB: does not fit
        XCTAssertThrowsError(try BoardFile.save(big, to: target)) { error in
            let e = error as? SaveError
            XCTAssertEqual(e?.errno, ENOSPC)
            XCTAssertTrue(e?.message.contains("No space left on device") ?? false, "\(error)")
            XCTAssertTrue(e?.message.contains(target) ?? false, "the message names the file: \(error)")
        }
        XCTAssertEqual(try BoardFile.readBytes(path: target), before, "the previous file is intact")
        XCTAssertEqual(try BoardFile.load(path: target), small)
        XCTAssertEqual(temporaryFiles(in: mp), [])
        // Space again: saving works.
        let smaller = PerformanceTests.bigBoard(deals: 10)
        try BoardFile.save(smaller, to: target)
        XCTAssertEqual(try BoardFile.load(path: target), smaller)
    }

    /// A full disk without mounting anything: a process whose file size limit (RLIMIT_FSIZE,
    /// `ulimit -f`) is smaller than the board gets EFBIG from write(2) — the same path through
    /// the code as ENOSPC.
    func testFileSizeLimitFailsCleanly() throws {
        let helper = CrashSafetyTests.torture
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: helper), "pipedeck-torture is not built")
        let target = dir.appendingPathComponent("pipeline.json").path
        let small = PerformanceTests.bigBoard(deals: 5)
        try BoardFile.save(small, to: target)
        let before = try BoardFile.readBytes(path: target)
        // ulimit -f counts 512-byte blocks in sh: 64 KB.
        let r = try run("/bin/sh", ["-c", "ulimit -f 128 && exec \"$0\" save \"$1\" 400", helper, target])
        XCTAssertEqual(r.status, 3, r.err)
        XCTAssertTrue(r.err.contains("File too large"), r.err)
        XCTAssertEqual(try BoardFile.readBytes(path: target), before)
        XCTAssertEqual(temporaryFiles(in: dir.path), [])
    }

    func testReadOnlyFileSystem() throws {
        let mp = try mountTmpfs("size=256k")
        let target = mp + "/pipeline.json"
        let board = PerformanceTests.bigBoard(deals: 3)
        try BoardFile.save(board, to: target)
        let before = try BoardFile.readBytes(path: target)
        let flags = UInt(MS_REMOUNT) | UInt(MS_RDONLY)
        XCTAssertEqual(
            "size=256k".withCString { mount("tmpfs", mp, "tmpfs", flags, $0) }, 0, String(cString: strerror(errno)))
        XCTAssertTrue(BoardFile.isReadOnly(path: target), "a read-only file system opens read-only")
        XCTAssertThrowsError(try BoardFile.save(PerformanceTests.bigBoard(deals: 4), to: target)) { error in
            XCTAssertEqual((error as? SaveError)?.errno, EROFS, "\(error)")
        }
        XCTAssertEqual(try BoardFile.readBytes(path: target), before)
    }

    func testReadOnlyFileIsReadOnlyEvenForRoot() throws {
        let target = dir.appendingPathComponent("pipeline.json").path
        try BoardFile.save(Fixtures.richBoard(), to: target)
        XCTAssertFalse(BoardFile.isReadOnly(path: target))
        XCTAssertEqual(chmod(target, 0o444), 0)
        XCTAssertTrue(BoardFile.isReadOnly(path: target))
        XCTAssertFalse(BoardFile.isReadOnly(path: dir.appendingPathComponent("missing.json").path))
    }

    /// A folder this user cannot write: the save fails, the old file stays. Root writes anywhere,
    /// so as root the save runs in the helper as user nobody.
    func testUnwritableFolder() throws {
        let target = dir.appendingPathComponent("pipeline.json").path
        let board = PerformanceTests.bigBoard(deals: 3)
        try BoardFile.save(board, to: target)
        let before = try BoardFile.readBytes(path: target)
        XCTAssertEqual(chmod(dir.path, 0o555), 0)
        defer { chmod(dir.path, 0o755) }
        if geteuid() != 0 {
            XCTAssertThrowsError(try BoardFile.save(PerformanceTests.bigBoard(deals: 4), to: target)) { error in
                XCTAssertEqual((error as? SaveError)?.errno, EACCES, "\(error)")
            }
        } else {
            let helper = CrashSafetyTests.torture
            try XCTSkipUnless(
                FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "setpriv is not installed")
            XCTAssertEqual(chmod(target, 0o666), 0)
            let r = try run(
                "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", helper, "save", target, "4"])
            try XCTSkipIf(
                r.err.contains("Permission denied") && r.err.contains("setpriv"), "setpriv cannot change user here")
            XCTAssertEqual(r.status, 3, r.err)
            XCTAssertTrue(r.err.contains("Permission denied"), r.err)
        }
        XCTAssertEqual(try BoardFile.readBytes(path: target), before)
        XCTAssertEqual(temporaryFiles(in: dir.path), [])
    }
}
