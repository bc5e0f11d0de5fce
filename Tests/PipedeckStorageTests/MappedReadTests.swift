import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// A large board file is decoded from the file itself, mapped (`ReadBuffer(mapping:)`), not from
/// a copy. Another program may change or cut the file meanwhile: the board must then be the one
/// a whole read of the file as it is now gives, and the program must not die of the SIGBUS a cut
/// file raises (map_guard.h).
final class MappedReadTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "pipedeck-mapped-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        BoardFile.whileMappedForTests = nil
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testAMappedFileHasTheBytesAndIdentityOfAWholeRead() throws {
        let bytes = TwoCoreDecodeTests.big
        let path = folder + "/big.json"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let buffer = try XCTUnwrap(ReadBuffer(mapping: fd, size: bytes.count, chunk: 4096))
        XCTAssertTrue(buffer.mapsFile)
        XCTAssertEqual(buffer.fill(from: fd, size: bytes.count), ContentID(bytes).hash)
        XCTAssertTrue(buffer.bytes.elementsEqual(bytes))
        // Pages given back are read again from the file, not as zeros.
        XCTAssertGreaterThan(buffer.release(from: 0, to: bytes.count / 2), 0)
        XCTAssertTrue(buffer.bytes.elementsEqual(bytes))
        var st = stat()
        XCTAssertEqual(fstat(fd, &st), 0)
        XCTAssertTrue(buffer.keptTheFile(fd, st))
        // An empty file is not mapped (it is read the plain way).
        XCTAssertNil(ReadBuffer(mapping: fd, size: 0, chunk: 4096))
    }

    /// The decode reads the mapping; the result is the board, its identity the bytes'.
    func testABigBoardIsDecodedFromItsMapping() throws {
        let bytes = TwoCoreDecodeTests.big
        let path = folder + "/board.json"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var mapped = false
        BoardFile.whileMappedForTests = { _ in mapped = true }
        let r = try BoardFile.readForDecoding(path: path, chunk: 4096, above: 0)
        XCTAssertTrue(mapped)
        XCTAssertEqual(r.board.deals.count, 2200)
        XCTAssertEqual(r.content, ContentID(bytes))
        XCTAssertEqual(r.board, try BoardDocument.decode(bytes: bytes, path: path, now: Fixtures.now))
    }

    /// An editor that saves in place rewrites the file while it is decoded: the board and its
    /// identity are the new file's, not a mix.
    func testAFileRewrittenInPlaceWhileDecodedIsReadAgain() throws {
        let before = TwoCoreDecodeTests.big
        let text = String(decoding: before, as: UTF8.self)
        let after = Array(text.replacingOccurrences(of: "\"title\": \"", with: "\"title\": \"X").utf8)
        XCTAssertNotEqual(after, before)
        let path = folder + "/board.json"
        try Data(before).write(to: URL(fileURLWithPath: path))
        BoardFile.whileMappedForTests = { p in
            // In place: the same file (inode), truncated and written again.
            let h = FileHandle(forWritingAtPath: p)!
            h.truncateFile(atOffset: 0)
            h.write(Data(after))
            h.closeFile()
        }
        let r = try BoardFile.readForDecoding(path: path, chunk: 4096, above: 0)
        XCTAssertEqual(r.content, ContentID(after))
        XCTAssertEqual(r.board, try BoardDocument.decode(bytes: after, path: path, now: Fixtures.now))
        XCTAssertTrue(r.board.deals.allSatisfy { $0.title.hasPrefix("X") })
    }

    /// Cut short while decoded: the pages past the new end read as zeros instead of raising
    /// SIGBUS, and the file, now a different (here: broken) board, is read again whole and said
    /// to be broken, as a whole read says it.
    func testAFileCutShortWhileDecodedDoesNotEndTheProgram() throws {
        let bytes = TwoCoreDecodeTests.big
        let path = folder + "/board.json"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let kept = bytes.count / 3
        BoardFile.whileMappedForTests = { p in XCTAssertEqual(truncate(p, off_t(kept)), 0) }
        var said: String?
        do { _ = try BoardFile.readForDecoding(path: path, chunk: 4096, above: 0) } catch { said = error.message }
        var expected: String?
        do { _ = try BoardDocument.decode(bytes: Array(bytes[..<kept]), path: path, now: Fixtures.now) } catch {
            expected = error.message
        }
        XCTAssertNotNil(expected)
        XCTAssertEqual(said, expected)
    }

    /// The guard itself, in a process of its own: a guarded page the file no longer has reads
    /// as zeros and is counted; a SIGBUS outside every guarded range still ends the program (the
    /// guard never hides another fault).
    func testTheGuardCatchesOnlyItsOwnPages() throws {
        let helper = CrashSafetyTests.torture
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: helper), "pipedeck-torture is not built")
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        for (mode, expectSurvive) in [("guarded", true), ("unguarded", false)] {
            let path = folder + "/\(mode).bin"
            try Data(repeating: 0x41, count: 3 * page).write(to: URL(fileURLWithPath: path))
            let p = Process()
            p.executableURL = URL(fileURLWithPath: helper)
            p.arguments = ["sigbus", path, mode]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            if expectSurvive {
                XCTAssertEqual(p.terminationReason, .exit, mode)
                XCTAssertEqual(p.terminationStatus, 0, mode)
                XCTAssertEqual(said, "zeros 1 byte 0\n", mode)
            } else {
                XCTAssertEqual(p.terminationReason, .uncaughtSignal, mode)
                XCTAssertEqual(p.terminationStatus, SIGBUS, mode)
                XCTAssertEqual(said, "", mode)
            }
        }
    }
}
