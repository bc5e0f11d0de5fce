import XCTest

@testable import PipedeckUI

final class KeysDocumentTests: XCTestCase {
    var docURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("docs/keys.md")
    }

    /// docs/keys.md must be exactly what the key tables generate (PIPEDECK_RECORD=1 rewrites it),
    /// and it lists every screen's table.
    func testKeysDocumentMatchesTheKeyTables() throws {
        let generated = Bindings.markdown()
        if ProcessInfo.processInfo.environment["PIPEDECK_RECORD"] == "1" {
            try generated.write(to: docURL, atomically: true, encoding: .utf8)
        }
        let doc = try String(contentsOf: docURL, encoding: .utf8)
        XCTAssertEqual(doc, generated, "docs/keys.md is out of date: run the tests with PIPEDECK_RECORD=1")
        for b in Bindings.board { XCTAssertTrue(doc.contains(b.description)) }
        for screen in Screen.allCases {
            XCTAssertTrue(doc.contains("\n## \(screen.keySheet.title)\n"), "keys.md has a section for \(screen)")
        }
        for sheet in Bindings.sheets {
            for line in sheet.lines {
                XCTAssertTrue(doc.contains(line.description), "\(sheet.title): \(line.description)")
            }
        }
        XCTAssertEqual(Set(Bindings.sheets.map(\.title)).count, Bindings.sheets.count, "one section per table")
    }

    func testEveryKeyDispatchesToExactlyOneCommand() {
        var seen: [Key: Command] = [:]
        for b in Bindings.board {
            for k in b.keys {
                XCTAssertNil(seen[k], "\(k.label) is bound twice")
                seen[k] = b.command
                XCTAssertEqual(Bindings.command(for: k), b.command)
            }
        }
        XCTAssertEqual(Set(Bindings.board.map(\.command)), Set(Command.allCases), "every command has a key")
    }

    func testFooterHintsComeFromTheTable() {
        let hints = Bindings.footerHints()
        XCTAssertEqual(hints.first?.keys, "←→")
        XCTAssertEqual(hints.first?.hint, "stage")
        XCTAssertTrue(hints.contains { $0.keys == "L/H" && $0.hint == "move" })
        XCTAssertEqual(hints.count, Set(Bindings.board.compactMap(\.hint)).count)
    }
}
