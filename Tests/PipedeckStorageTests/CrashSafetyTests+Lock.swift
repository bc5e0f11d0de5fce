import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

#if canImport(Glibc)
    import Glibc
#endif

/// The lock file shared by every writer.
extension CrashSafetyTests {
    // MARK: The lock file

    func testLockListsOtherProcessesAndIsRemovedByTheLast() throws {
        let target = dir.appendingPathComponent("pipeline.json").path
        try BoardFile.save(Fixtures.richBoard(), to: target)
        let lock = BoardLock(boardPath: target)
        XCTAssertEqual(lock.path, dir.appendingPathComponent(".pipeline.json.lock").path)
        // Someone that runs (pid 1) and someone that ended are listed already.
        try "1\n999999999\n".write(toFile: lock.path, atomically: false, encoding: .utf8)
        XCTAssertEqual(try lock.register(), [1])
        XCTAssertEqual(lock.others(), [1])
        XCTAssertEqual(try String(contentsOfFile: lock.path, encoding: .utf8), "1\n\(getpid())\n")
        lock.unregister()
        XCTAssertEqual(try String(contentsOfFile: lock.path, encoding: .utf8), "1\n")
        try "\(getpid())\n".write(toFile: lock.path, atomically: false, encoding: .utf8)
        lock.unregister()
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock.path), "the last one out removes the lock file")
        // withLock works with and without the file, and its body runs once.
        var n = 0
        try lock.withLock { n += 1 }
        XCTAssertEqual(n, 1)
    }

    func testUpdateUnderTheLock() throws {
        let target = dir.appendingPathComponent("pipeline.json").path
        try BoardFile.save(Fixtures.richBoard(), to: target)
        // Eight writers at once, each adding one deal: none is lost.
        DispatchQueue.concurrentPerform(iterations: 8) { n in
            do {
                try BoardFile.update(path: target) { b in
                    b.deals.append(
                        Deal(id: "w\(n)", title: "Writer \(n)", value: .zero, stage: "lead", createdAt: Fixtures.now))
                }
            } catch { XCTFail("\(error)") }
        }
        XCTAssertEqual(try BoardFile.load(path: target).deals.count, Fixtures.richBoard().deals.count + 8)
    }

    func testLockSerialisesThreads() throws {
        let target = dir.appendingPathComponent("pipeline.json").path
        let lock = BoardLock(boardPath: target)
        nonisolated(unsafe) var inside = 0
        nonisolated(unsafe) var overlap = false
        let counter = NSLock()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<20 {
                try? lock.withLock {
                    counter.lock(); inside += 1; if inside > 1 { overlap = true }; counter.unlock()
                    usleep(200)
                    counter.lock(); inside -= 1; counter.unlock()
                }
            }
        }
        XCTAssertFalse(overlap, "two holders at once")
    }

    /// The lock file is Pipedeck's own: made for this user only, and never followed, truncated or
    /// written when someone put something else in its place (anyone who can write the folder
    /// could, to make Pipedeck overwrite a file of its user's).
    func testTheLockFileIsOwnerOnlyAndAnythingPlantedInItsPlaceIsLeftAlone() throws {
        let target = dir.appendingPathComponent("pipeline.json").path
        try BoardFile.save(Fixtures.richBoard(), to: target)
        let lock = BoardLock(boardPath: target)
        let old = umask(0o022)
        defer { umask(old) }
        XCTAssertEqual(try lock.register(), [])
        var st = stat()
        XCTAssertEqual(lstat(lock.path, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        lock.unregister()
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock.path))

        let victim = dir.appendingPathComponent("victim.txt").path
        func plant(_ make: () -> Int32) throws {
            try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
            XCTAssertEqual(make(), 0)
        }
        func assertRefused(_ what: String, _ words: String) throws {
            for attempt in [{ _ = try lock.register() }, { try lock.withLock {} }] {
                XCTAssertThrowsError(try attempt(), what) { error in
                    let message = (error as? BoardLock.Failure)?.message ?? "\(error)"
                    XCTAssertTrue(message.contains(lock.path) && message.contains(words), "\(what): \(message)")
                }
            }
            lock.unregister()
            XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "precious\n", what)
            try FileManager.default.removeItem(atPath: lock.path)
        }
        try plant { symlink(victim, lock.path) }
        try assertRefused("a symbolic link", "symbolic link")
        try plant { link(victim, lock.path) }
        try assertRefused("a hard link", "hard links")
        try plant { mkfifo(lock.path, 0o600) }
        try assertRefused("a FIFO", "named pipe")
        try plant { FileManager.default.createFile(atPath: lock.path, contents: Data("#!/bin/sh\n".utf8)) ? 0 : 1 }
        XCTAssertThrowsError(try lock.register())
        XCTAssertEqual(try String(contentsOfFile: lock.path, encoding: .utf8), "#!/bin/sh\n", "never truncated")
    }

    /// A write that takes the lock removes the lock file again when no open board is listed in
    /// it, and keeps it (and its list) otherwise.
    func testWritersLeaveNoEmptyLockFile() throws {
        let target = dir.appendingPathComponent("pipeline.json").path
        try BoardFile.save(Fixtures.richBoard(), to: target)
        let lock = BoardLock(boardPath: target)
        try BoardFile.update(path: target) { b in b.name = "Renamed" }
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock.path))
        XCTAssertEqual(try lock.register(), [])
        try BoardFile.update(path: target) { b in b.name = "Again" }
        XCTAssertEqual(try String(contentsOfFile: lock.path, encoding: .utf8), "\(getpid())\n")
        lock.unregister()
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock.path))
    }
}
