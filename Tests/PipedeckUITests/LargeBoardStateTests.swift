import Foundation
import PipedeckCore
import XCTest

@testable import PipedeckUI

/// From `AppState.twoCoresFrom` deals, a board's footer figures (summary and the period's
/// progress) are counted on another core while its columns are made: they must be exactly what
/// one core counts, whatever the zone and period the board opens with.
final class LargeBoardStateTests: XCTestCase {
    /// A board above the threshold with won deals, deals closing this month and next, lost
    /// deals and a second currency.
    func board() -> (Board, Day) {
        let today = Day.parse("2026-12-07")!
        let now = Timestamp.parse("2026-12-07T09:00:00Z")!
        var b = Demo.board(now: now, today: today)
        let demo = b.deals
        b.deals = (0..<(AppState.twoCoresFrom + 500)).map { i in
            var d = demo[i % demo.count]
            d.id = "L\(i)"
            d.rank = i
            d.value = Money(cents: 10_000 + i * 37)
            d.expectedClose = Day(year: 2026, month: 12, day: 1 + i % 31) ?? today
            if i % 7 == 0 { d.currency = "USD" }
            if i % 11 == 0 {
                d.status = .won
                d.history.append(
                    HistoryEntry(
                        at: Timestamp(seconds: now.seconds + 3 * 3_600 - Int64(i % 40) * 86_400), from: d.stage,
                        to: d.stage,
                        status: .won))
            } else if i % 13 == 0 {
                d.status = .lost
            }
            return d
        }
        return (b, today)
    }

    func testFiguresCountedBesideTheColumnsAreOneCoresFigures() {
        let (b, today) = board()
        XCTAssertGreaterThanOrEqual(b.deals.count, AppState.twoCoresFrom)
        for zone in [TimeZone(secondsFromGMT: 0)!, TimeZone(identifier: "Pacific/Kiritimati")!] {
            for period in [PeriodKind.month, .quarter] {
                let s = AppState(
                    board: b, fileName: "big.json", now: .now(), today: today, width: 120, height: 40, zone: zone,
                    period: period)
                XCTAssertEqual(s.summary, PipelineSummary(board: b))
                let expected = PeriodProgress(
                    board: b, deals: b.deals, today: today, kind: period, owner: nil, zone: zone)
                XCTAssertEqual(s.progress, expected, "\(zone.identifier) \(period)")
                XCTAssertGreaterThan(s.progress.wonCount + s.progress.closingCount, 0)
                // The same columns as a small board's way of making them: every shown deal once, in rank order.
                let shown = s.columns.flatMap { $0 }
                XCTAssertEqual(shown.count, b.deals.filter { $0.status != .lost }.count)
                for column in s.columns {
                    XCTAssertEqual(column.map { b.deals[$0].rank }, column.map { b.deals[$0].rank }.sorted())
                }
            }
        }
    }
}
