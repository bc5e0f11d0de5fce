import Foundation
import PipedeckCore
import PipedeckStorage
import XCTest

/// Keeps docs/file-format.md honest: its example is a file exactly as Pipedeck writes it.
final class DocumentationTests: XCTestCase {
    func exampleFromDocs() throws -> String {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/file-format.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "```json\n"))
        let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound])
    }

    func testExampleIsByteForByteWhatPipedeckWrites() throws {
        let example = try exampleFromDocs()
        let board = try BoardDocument.decode(Data(example.utf8), path: "example.json")
        XCTAssertEqual(String(decoding: BoardDocument.encode(board), as: UTF8.self), example)
        XCTAssertEqual(board.deals.count, 3)
        XCTAssertEqual(board.deals[0].extra["crmRef"], .string("SF-00042"))
        // The figures the document quotes.
        let summary = PipelineSummary(board: board)
        XCTAssertEqual(summary.open.weighted["EUR"], Money.parse("6550.03275", maxDecimals: 6))
        XCTAssertEqual(summary.won.total["USD"], Money(units: 20_000))
        XCTAssertEqual(summary.lost.total["EUR"], Money(units: 7_200))
    }
}
