import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckStorage

/// The deals of a large board are shared between the two cores in pieces, whichever core is the
/// slower (`DealShare`): the board read, and every problem said, must be the same as a whole
/// read's, however the pieces fall. Small sizes make many pieces of the test board, and one side
/// is made slow so that the other takes work from it.
final class DealShareTests: XCTestCase {
    static let small = DealShare.Sizes(step: 4 << 10, leastShare: 24 << 10)

    static func sizes(slow side: DealShare.Side?) -> DealShare.Sizes {
        var s = small
        s.slow = side
        s.pause = 50
        return s
    }

    /// The board (or the problem) read with `sizes`, and the whole read's, which must be equal.
    @discardableResult
    func same(
        _ bytes: [UInt8], _ sizes: DealShare.Sizes, _ what: String, file: StaticString = #filePath,
        line: UInt = #line
    ) -> String {
        TwoCoreDecodeTests.same(bytes, what, sizes: sizes, file: file, line: line)
    }

    /// How many deals the main parser took from the shared pieces, and in how many pieces.
    func stream(_ bytes: [UInt8], _ sizes: DealShare.Sizes) -> (deals: Int, taken: Int, pieces: Int) {
        bytes.withUnsafeBufferPointer { b in
            let s = DealStream(bytes: b, path: "b.json", now: Fixtures.now, sizes: sizes)
            _ = try? JSONTapeParser.parse(b, sink: s)
            return (s.deals.count, s.takenAhead, s.piecesTaken)
        }
    }

    func testTheFasterSideTakesWorkFromTheSlowerOne() {
        let big = TwoCoreDecodeTests.big
        for slow in [DealShare.Side.main, .other] {
            var sizes = Self.sizes(slow: slow)
            sizes.pause = 1_500
            XCTAssertTrue(same(big, sizes, "slow \(slow)").hasPrefix("loaded 2200"))
            let s = stream(big, sizes)
            XCTAssertEqual(s.deals, 2_200)
            // Pieces were cut: more than the one the other core began with.
            XCTAssertGreaterThan(s.pieces, 1, "slow \(slow)")
            if slow == .main {
                // The other core read most of the deals.
                XCTAssertGreaterThan(s.taken, 1_500, "the other core took work from the slow main side")
            } else {
                XCTAssertLessThan(s.taken, 700, "the main side took work from the slow other core")
            }
        }
    }

    func testProblemsInAnyPieceAreSaidAsBefore() {
        for slow in [DealShare.Side.main, .other] {
            let sizes = Self.sizes(slow: slow)
            for fraction in [0.2, 0.65] {
                let at = "at \(fraction), slow \(slow)"
                same(TwoCoreDecodeTests.replacing("\"value\": ", "\"value\": -", after: fraction), sizes, "value \(at)")
                same(
                    TwoCoreDecodeTests.replacing("\"stage\": \"", "\"stage\": \"x", after: fraction), sizes,
                    "stage \(at)")
                same(
                    TwoCoreDecodeTests.replacing("    },\n    {", "    }\n    {", after: fraction), sizes,
                    "missing comma \(at)")
                same(
                    TwoCoreDecodeTests.replacing("\"id\": \"d0", "\"id\": \"d1", after: fraction), sizes,
                    "an id twice \(at)")
            }
        }
    }

    /// The same id early and late in the file: whichever sides and pieces read the two deals,
    /// the later one is named.
    func testAnIDInTwoPiecesIsSaidAsBefore() {
        let text = String(decoding: TwoCoreDecodeTests.big, as: UTF8.self)
        let deals = PerformanceTests.bigBoard(deals: 2_200).deals
        for (early, late) in [(10, 2_100), (600, 1_900), (1_500, 2_150)] {
            let bytes = Array(
                text.replacingOccurrences(of: "\"id\": \"\(deals[late].id)\"", with: "\"id\": \"\(deals[early].id)\"")
                    .utf8)
            for slow in [DealShare.Side.main, .other] {
                let said = same(bytes, Self.sizes(slow: slow), "ids of \(early) and \(late), slow \(slow)")
                XCTAssertTrue(said.contains(deals[early].id), said)
            }
        }
    }

    /// A file whose deals hold the text Pipedeck writes between two deals (an activity laid out
    /// by hand): a piece may start there, which is not a deal. The file still reads the same.
    func testAPieceThatStartsInsideADealIsNotTaken() {
        let text = String(decoding: TwoCoreDecodeTests.big, as: UTF8.self)
        // Every deal's "history" gets its entry's object split over lines indented like deals.
        let odd = text.replacingOccurrences(
            of: "\"history\": [\n        {",
            with: "\"history\": [\n{\"at\": \"2026-01-01T00:00:00Z\", \"to\": \"lead\"\n    },\n    {\n")
        XCTAssertNotEqual(odd, text)
        let bytes = Array(odd.utf8)
        for slow in [nil, DealShare.Side.main, .other] {
            XCTAssertTrue(
                same(bytes, Self.sizes(slow: slow), "slow \(String(describing: slow))").hasPrefix("loaded 2200"))
        }
    }

    func testADealStartIsFoundByTheLayoutBetweenDeals() {
        let bytes = TwoCoreDecodeTests.big
        bytes.withUnsafeBufferPointer { b in
            var from = 100
            var found = 0
            while let at = DealShare.dealStart(b, from: from, before: b.count) {
                XCTAssertEqual(b[at], UInt8(ascii: "{"))
                XCTAssertEqual(Array(b[(at - 12)..<at]), Array("\n    },\n    ".utf8))
                XCTAssertGreaterThanOrEqual(at, from)
                found += 1
                from = at + 1
            }
            // Every deal but the first (and the stages, written the same way after the deals: a
            // piece that starts there reads no deal, and is not taken).
            XCTAssertGreaterThanOrEqual(found, 2_199)
            // Nothing before `before`, nothing further than `within`.
            let first = DealShare.dealStart(b, from: 100, before: b.count)!
            XCTAssertNil(DealShare.dealStart(b, from: 100, before: first))
            XCTAssertNil(DealShare.dealStart(b, from: 100, before: b.count, within: first - 100 - 20))
        }
    }
}
