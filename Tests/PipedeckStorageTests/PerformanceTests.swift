import Foundation
import PipedeckCore
import PipedeckStorage
import XCTest

/// Prints how long reading and writing a large board takes. It asserts nothing about time:
/// machines differ; the figures are for people (run with `-c release` for real numbers).
final class PerformanceTests: XCTestCase {
    static func bigBoard(deals count: Int) -> Board {
        let now = Timestamp.parse("2026-11-30T09:15:00Z")!
        var board = Demo.board(now: now, today: now.utcDay)
        let demo = board.deals
        board.deals = []
        board.deals.reserveCapacity(count)
        for i in 0..<count {
            var d = demo[i % demo.count]
            d.id = d.id + String(i, radix: 36)
            d.title = d.title + " #\(i)"
            d.rank = i / demo.count
            d.value = Money(cents: (i * 7_919) % 10_000_000)
            if d.notes == nil {
                d.notes = "Met at the \(i % 12 + 1)th fair; wants a quote before the end of the quarter."
            }
            board.deals.append(d)
        }
        return board
    }

    func testDecodeAndEncodeTenThousandDeals() throws {
        let board = PerformanceTests.bigBoard(deals: 10_000)
        func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
            var best = Double.infinity
            var result: T? = nil
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                result = try body()
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            return (result!, best)
        }
        let (data, encodeMS) = time { BoardDocument.encode(board) }
        let (back, decodeMS) = try time { try BoardDocument.decode(data, path: "big.json") }
        let (_, parseMS) = try time { try JSONParser.parse(data) }
        XCTAssertEqual(back, board)
        let mb = Double(data.count) / 1_048_576
        print(
            String(
                format:
                    "[perf] 10000 deals, %.1f MB: decode+map %.1f ms, encode %.1f ms, JSONParser.parse to JSONValue %.1f ms",
                mb, decodeMS, encodeMS, parseMS))
    }
}
