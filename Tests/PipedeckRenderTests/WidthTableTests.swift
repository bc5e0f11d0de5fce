import Foundation
import XCTest

@testable import PipedeckRender

/// The generated table of wide characters (WideRanges.swift) and the script that makes it.
final class WidthTableTests: XCTestCase {
    func testTheTableIsSortedAndDisjoint() {
        let t = TextWidth.wideRanges
        XCTAssertGreaterThan(t.count, 50)
        for (a, b) in zip(t, t.dropFirst()) {
            XCTAssertLessThan(a.upperBound + 1, b.lowerBound, "\(a) and \(b) overlap, touch or are out of order")
        }
        XCTAssertLessThanOrEqual(t.last?.upperBound ?? 0, 0x10FFFF)
        XCTAssertEqual(TextWidth.wideRangesUnicodeVersion.split(separator: ".").count, 3)
    }

    /// Marks inside wide blocks take no cell; the table leaves them out and they measure 0.
    func testCombiningMarksInsideWideBlocksAreZeroWidth() {
        for v: UInt32 in [0x302A, 0x302D, 0x3099, 0x309A, 0x16FE4] {
            XCTAssertEqual(TextWidth.scalarWidth(Unicode.Scalar(v)!), 0, String(v, radix: 16))
        }
        for v: UInt32 in [0x3029, 0x302E, 0x309B, 0x4DC0, 0x3248] {
            XCTAssertEqual(TextWidth.scalarWidth(Unicode.Scalar(v)!), 2, String(v, radix: 16))
        }
    }

    /// The committed table is what `scripts/gen-width-table.py` makes (when this machine's
    /// Python has the same Unicode version as the table).
    func testTheScriptRegeneratesTheCommittedTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let script = root.appendingPathComponent("scripts/gen-width-table.py").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: script), "the script is kept in the repository")
        guard
            let python = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { throw XCTSkip("no python3 to run the script") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [script, "--check"]
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 3 { throw XCTSkip(message) }
        XCTAssertEqual(p.terminationStatus, 0, message)
    }
}
