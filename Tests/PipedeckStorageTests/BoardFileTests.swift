import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

final class BoardFileTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "pipedeck-storage-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o755)
    }

    override func tearDownWithError() throws {
        // Make everything writable again, then remove it.
        if let e = FileManager.default.enumerator(atPath: folder) {
            for case let sub as String in e { chmod(folder + "/" + sub, 0o755) }
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    func entries(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    func mode(_ path: String) -> mode_t {
        var st = stat()
        XCTAssertEqual(stat(path, &st), 0, path)
        return st.st_mode & 0o7777
    }

    func testSaveThenLoad() throws {
        let path = folder + "/pipeline.json"
        let board = Fixtures.richBoard()
        try BoardFile.save(board, to: path)
        XCTAssertEqual(try BoardFile.load(path: path), board)
        XCTAssertEqual(FileManager.default.contents(atPath: path), BoardDocument.encode(board))
        // Saving pre-encoded bytes gives the same file.
        let other = folder + "/copy.json"
        try BoardFile.save(data: BoardDocument.encode(board), to: other)
        XCTAssertEqual(FileManager.default.contents(atPath: other), FileManager.default.contents(atPath: path))
    }

    func testAtomicSaveLeavesNoTemporaryFile() throws {
        let path = folder + "/pipeline.json"
        var board = Fixtures.richBoard()
        for i in 0..<5 {
            board.name = "v\(i)"
            try BoardFile.save(board, to: path)
            XCTAssertEqual(entries(folder), ["pipeline.json"])
        }
        XCTAssertEqual(try BoardFile.load(path: path).name, "v4")
    }

    func testNewFileGetsMode0600AndExistingModeIsKept() throws {
        let old = umask(0o022)
        defer { umask(old) }
        let path = folder + "/pipeline.json"
        try BoardFile.save(Fixtures.richBoard(), to: path)
        XCTAssertEqual(mode(path), 0o600)
        chmod(path, 0o640)
        try BoardFile.save(Fixtures.richBoard(), to: path)
        XCTAssertEqual(mode(path), 0o640)
    }

    func testSavingIntoAMissingFolderCreatesIt() throws {
        let path = folder + "/a/b/c/pipeline.json"
        try BoardFile.save(Fixtures.richBoard(), to: path)
        XCTAssertEqual(try BoardFile.load(path: path), Fixtures.richBoard())
        XCTAssertEqual(mode(folder + "/a"), 0o700)
        XCTAssertEqual(mode(folder + "/a/b/c"), 0o700)
        XCTAssertEqual(entries(folder + "/a/b/c"), ["pipeline.json"])
    }

    func testSavingIntoAReadOnlyFolderFailsAndKeepsTheOldFile() throws {
        let ro = folder + "/ro"
        let path = ro + "/pipeline.json"
        try BoardFile.save(Fixtures.richBoard(), to: path)
        let before = FileManager.default.contents(atPath: path)
        chmod(ro, 0o555)
        var changed = Fixtures.richBoard()
        changed.name = "changed"
        let error = asUnprivilegedUser { () -> SaveError? in
            do { try BoardFile.save(changed, to: path); return nil } catch { return error as? SaveError }
        }
        guard let error else { return XCTFail("the save did not fail") }
        XCTAssertEqual(error.path, path)
        XCTAssertEqual(error.message, "cannot write \(path): Permission denied")
        XCTAssertEqual(error.description, error.message)
        XCTAssertEqual(error.errno, EACCES)
        XCTAssertEqual(FileManager.default.contents(atPath: path), before)
        XCTAssertEqual(entries(ro), ["pipeline.json"])
    }

    func testAFolderInThePlaceOfTheFileIsRefusedAndNothingIsLeftBehind() throws {
        // The target is a folder: refused before anything is written (a temporary file left by a
        // failed write is covered by the disk-full tests).
        let path = folder + "/pipeline.json"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        XCTAssertThrowsError(try BoardFile.save(Fixtures.richBoard(), to: path)) { e in
            let e = e as? SaveError
            XCTAssertEqual(e?.message, "\(path): not a regular file (it is a folder); a board is a plain JSON file")
        }
        XCTAssertEqual(entries(folder), ["pipeline.json"])
        XCTAssertEqual(entries(path), ["inside"])
    }

    func testAFileInTheWayOfAFolderIsReported() throws {
        _ = FileManager.default.createFile(atPath: folder + "/plain", contents: Data("x".utf8))
        let path = folder + "/plain/sub/pipeline.json"
        XCTAssertThrowsError(try BoardFile.save(Fixtures.richBoard(), to: path)) { e in
            XCTAssertEqual((e as? SaveError)?.message, "cannot write \(path): \(folder)/plain is not a folder")
        }
    }

    func testSaveFollowsASymbolicLink() throws {
        let real = folder + "/real.json"
        let link = folder + "/link.json"
        try BoardFile.save(Fixtures.richBoard(), to: real)
        XCTAssertEqual(symlink(real, link), 0)
        var b = Fixtures.richBoard()
        b.name = "through the link"
        try BoardFile.save(b, to: link)
        XCTAssertEqual(try BoardFile.load(path: real).name, "through the link")
        XCTAssertEqual((try? FileManager.default.destinationOfSymbolicLink(atPath: link)), real)
        XCTAssertEqual(entries(folder), ["link.json", "real.json"])
    }

    func testLoadingAMissingFileSaysHowToCreateOne() {
        let path = folder + "/nope/pipeline.json"
        XCTAssertThrowsError(try BoardFile.load(path: path)) { e in
            XCTAssertEqual(
                e as? LoadError,
                LoadError(
                    path: path, message: "\(path): the file does not exist; create a board there with \"pipedeck init\""
                ))
        }
    }

    func testLoadingAFolderOrAnUnreadableFile() throws {
        XCTAssertThrowsError(try BoardFile.load(path: folder)) { e in
            XCTAssertEqual((e as? LoadError)?.message, "\(folder): cannot read the file: Is a directory")
        }
        let path = folder + "/secret.json"
        try BoardFile.save(Fixtures.richBoard(), to: path)
        chmod(path, 0o000)
        let error = asUnprivilegedUser { () -> LoadError? in
            do { _ = try BoardFile.load(path: path); return nil } catch { return error as? LoadError }
        }
        XCTAssertEqual(error?.message, "\(path): cannot read the file: Permission denied")
    }

    func testLoadReportsSyntaxErrorsWithThePath() throws {
        let path = folder + "/broken.json"
        _ = FileManager.default.createFile(
            atPath: path, contents: Data("{\n  \"version\": 1,\n  \"name\": \"x\",\n}\n".utf8))
        XCTAssertThrowsError(try BoardFile.load(path: path)) { e in
            let e = e as? LoadError
            XCTAssertEqual(e?.message, "\(path): line 4, column 1: expected a field name in double quotes after \",\"")
            XCTAssertEqual(e?.line, 4)
            XCTAssertEqual(e?.column, 1)
        }
    }

    func testResolvePathPrecedence() {
        let env = ["PIPEDECK_FILE": "/env/board.json", "XDG_DATA_HOME": "/xdg", "HOME": "/home/ana"]
        XCTAssertEqual(BoardFile.resolvePath(explicit: "/cli/x.json", environment: env), "/cli/x.json")
        XCTAssertEqual(BoardFile.resolvePath(explicit: nil, environment: env), "/env/board.json")
        XCTAssertEqual(BoardFile.resolvePath(explicit: "", environment: env), "/env/board.json")
        var e2 = env; e2["PIPEDECK_FILE"] = nil
        XCTAssertEqual(BoardFile.resolvePath(explicit: nil, environment: e2), "/xdg/pipedeck/pipeline.json")
        e2["PIPEDECK_FILE"] = ""
        XCTAssertEqual(BoardFile.resolvePath(explicit: nil, environment: e2), "/xdg/pipedeck/pipeline.json")
        e2["XDG_DATA_HOME"] = "/xdg/"
        XCTAssertEqual(BoardFile.resolvePath(explicit: nil, environment: e2), "/xdg/pipedeck/pipeline.json")
        e2["XDG_DATA_HOME"] = "relative/dir"
        XCTAssertEqual(
            BoardFile.resolvePath(explicit: nil, environment: e2), "/home/ana/.local/share/pipedeck/pipeline.json")
        e2["XDG_DATA_HOME"] = nil
        XCTAssertEqual(
            BoardFile.resolvePath(explicit: nil, environment: e2), "/home/ana/.local/share/pipedeck/pipeline.json")
        XCTAssertEqual(BoardFile.resolvePath(explicit: "~/deals.json", environment: e2), "/home/ana/deals.json")
        XCTAssertEqual(BoardFile.resolvePath(explicit: "rel/deals.json", environment: e2), "rel/deals.json")
        XCTAssertFalse(BoardFile.resolvePath(explicit: nil, environment: [:]).isEmpty)
    }

    func testSplit() {
        XCTAssertTrue(BoardFile.split("/a/b/c.json") == ("/a/b", "c.json"))
        XCTAssertTrue(BoardFile.split("c.json") == (".", "c.json"))
        XCTAssertTrue(BoardFile.split("/c.json") == ("/", "c.json"))
        XCTAssertTrue(BoardFile.split("a//c.json") == ("a", "c.json"))
    }

    /// Runs `body` without root's power to ignore permissions (tests run as root on CI).
    func asUnprivilegedUser<T>(_ body: () -> T) -> T {
        guard geteuid() == 0 else { return body() }
        XCTAssertEqual(seteuid(65_534), 0, "cannot switch to user nobody")
        defer { XCTAssertEqual(seteuid(0), 0) }
        return body()
    }

    /// What a save must never replace: a link that loops or leads nowhere (it would become a
    /// plain file), a FIFO or a device behind a link, a file with no write permission.
    func testSavesRefuseWhatTheyMustNotReplace() throws {
        let board = Fixtures.richBoard()
        func refused(_ path: String, _ words: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertThrowsError(try BoardFile.save(board, to: path), file: file, line: line) { e in
                let message = (e as? SaveError)?.message ?? "\(e)"
                XCTAssertTrue(message.contains(path) && message.contains(words), message, file: file, line: line)
            }
        }
        let loop = folder + "/loop.json"
        XCTAssertEqual(symlink(loop, loop), 0)
        refused(loop, "loops")
        let dangling = folder + "/dangling.json"
        XCTAssertEqual(symlink(folder + "/nowhere/board.json", dangling), 0)
        refused(dangling, "does not exist")
        let fifo = folder + "/fifo", toFifo = folder + "/to-fifo.json"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(symlink(fifo, toFifo), 0)
        refused(toFifo, "named pipe")
        let readOnly = folder + "/read-only.json"
        try BoardFile.save(board, to: readOnly)
        let before = FileManager.default.contents(atPath: readOnly)
        XCTAssertEqual(chmod(readOnly, 0o444), 0)
        refused(readOnly, "read-only")
        XCTAssertEqual(FileManager.default.contents(atPath: readOnly), before)
        for link in [loop, dangling, toFifo] {
            var st = stat()
            XCTAssertEqual(lstat(link, &st), 0)
            XCTAssertEqual(st.st_mode & S_IFMT, S_IFLNK, "\(link) is still a link")
        }
        XCTAssertEqual(entries(folder).filter { $0.hasSuffix(".tmp") }, [])
    }

    /// Reading refuses anything but a regular file without waiting, and stops at the size limit.
    func testReadingRefusesSpecialFilesAndRunawaySizes() throws {
        let fifo = folder + "/fifo"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertThrowsError(try BoardFile.load(path: fifo)) { e in
            XCTAssertEqual(
                (e as? LoadError)?.message,
                "\(fifo): not a regular file (it is a named pipe (FIFO)); a board is a plain JSON file")
        }
        XCTAssertThrowsError(try BoardFile.readBytes(path: "/dev/zero", regularOnly: false, limit: 100_000)) { e in
            XCTAssertTrue((e as? LoadError)?.message.contains("larger than") ?? false, "\(e)")
        }
        let big = folder + "/big.json"
        XCTAssertTrue(FileManager.default.createFile(atPath: big, contents: Data(count: 2_000)))
        XCTAssertThrowsError(try BoardFile.readBytes(path: big, limit: 1_000)) { e in
            XCTAssertTrue((e as? LoadError)?.message.contains("larger than") ?? false, "\(e)")
        }
        XCTAssertEqual(try BoardFile.readBytes(path: big, limit: 2_000).count, 2_000)
        let loop = folder + "/loop.json"
        XCTAssertEqual(symlink(loop, loop), 0)
        XCTAssertEqual(BoardFile.inspect(loop), .linkLoop)
        XCTAssertThrowsError(try BoardFile.load(path: loop)) { e in
            XCTAssertEqual((e as? LoadError)?.message, StorageStrings.linkLoop(loop))
        }
    }
}
