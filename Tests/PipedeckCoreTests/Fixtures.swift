import XCTest

@testable import PipedeckCore

/// Fixed instants: never the wall clock.
enum Fixed {
    /// 2026-11-30T09:00:00Z, a Monday.
    static let now = Timestamp(seconds: 1_795_996_800 + 9 * 3600)
    static let today = Day(year: 2026, month: 11, day: 30)!
    static func later(_ minutes: Int64) -> Timestamp { now.adding(seconds: minutes * 60) }
    static var demo: Board { Demo.board(now: now, today: today) }
}

func money(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> Money {
    guard let m = Money.parse(s, maxDecimals: 6) else {
        XCTFail("bad money literal \(s)", file: file, line: line)
        return .zero
    }
    return m
}

/// A small board on the standard template with a handful of deals at known places.
func smallBoard() -> Board {
    var b = Template.standard.board(name: "Test", currency: "EUR")
    let t = Fixed.now.adding(days: -10)
    b.deals = [
        Deal(id: "aaa111", title: "Alpha", value: Money(units: 10_000), stage: "lead", createdAt: t, rank: 0),
        Deal(id: "aaa222", title: "Beta", value: Money(units: 2_000), stage: "lead", createdAt: t, rank: 1),
        Deal(id: "bbb333", title: "Gamma", value: Money(units: 5_000), stage: "proposal", createdAt: t, rank: 0),
        Deal(id: "ccc444", title: "Delta", value: Money(units: 7_000), stage: "closing", createdAt: t, rank: 0),
    ]
    return b
}

extension Board {
    /// Applies an action that must succeed and change the board.
    @discardableResult
    func applied(_ a: Action, at t: Timestamp = Fixed.now, file: StaticString = #filePath, line: UInt = #line) -> Board
    {
        do {
            let o = try apply(a, at: t)
            XCTAssertNotNil(o.edit, "expected \(a) to change the board", file: file, line: line)
            return o.board
        } catch {
            XCTFail("\(a) threw \(error)", file: file, line: line)
            return self
        }
    }
}

/// Asserts that `body` throws exactly `expected`.
func assertThrows(
    _ expected: PipelineError, file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws(PipelineError) -> Outcome
) {
    do {
        let o = try body()
        XCTFail("expected \(expected), got a result (changed: \(o.changed))", file: file, line: line)
    } catch {
        XCTAssertEqual(error, expected, file: file, line: line)
    }
}

/// Asserts that `body` throws `.invalid` for `field`.
func assertInvalid(
    _ field: String, file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws(PipelineError) -> Outcome
) {
    do {
        let o = try body()
        XCTFail("expected invalid \(field), got a result (changed: \(o.changed))", file: file, line: line)
    } catch {
        guard case .invalid(let f, let reason) = error else {
            XCTFail("expected invalid \(field), got \(error)", file: file, line: line); return
        }
        XCTAssertEqual(f, field, file: file, line: line)
        XCTAssertFalse(reason.isEmpty, file: file, line: line)
    }
}

/// Asserts that applying `a` is "no change": no edit, board unchanged, no error.
func assertNoChange(_ board: Board, _ a: Action, file: StaticString = #filePath, line: UInt = #line) {
    do {
        let o = try board.apply(a, at: Fixed.later(60))
        XCTAssertNil(o.edit, "\(a) should be no change", file: file, line: line)
        XCTAssertFalse(o.changed, file: file, line: line)
        assertSameBoard(o.board, board, "\(a) should leave the board unchanged", file: file, line: line)
    } catch {
        XCTFail("\(a) should be no change, threw \(error)", file: file, line: line)
    }
}

/// A short description of how two boards differ (for readable failure messages).
func boardDifference(_ a: Board, _ b: Board) -> String {
    var out: [String] = []
    if a.name != b.name || a.currency != b.currency || a.stages != b.stages || a.settings != b.settings
        || a.extra != b.extra
    {
        out.append("board fields")
    }
    if a.deals.map(\.id) != b.deals.map(\.id) {
        out.append("deal ids/order \(a.deals.map(\.id)) ≠ \(b.deals.map(\.id))")
        return out.joined(separator: "; ")
    }
    for (x, y) in zip(a.deals, b.deals) where x != y {
        var f: [String] = []
        if x.stage != y.stage { f.append("stage \(x.stage)≠\(y.stage)") }
        if x.status != y.status { f.append("status \(x.status)≠\(y.status)") }
        if x.lostReason != y.lostReason { f.append("lostReason \(x.lostReason ?? "nil")≠\(y.lostReason ?? "nil")") }
        if x.rank != y.rank { f.append("rank \(x.rank)≠\(y.rank)") }
        if x.updatedAt != y.updatedAt { f.append("updatedAt \(x.updatedAt)≠\(y.updatedAt)") }
        if x.stageEnteredAt != y.stageEnteredAt { f.append("stageEnteredAt \(x.stageEnteredAt)≠\(y.stageEnteredAt)") }
        if x.history != y.history {
            func h(_ e: [HistoryEntry]) -> String {
                e.map { "\($0.from ?? "∅")→\($0.to)\($0.status.map { "(\($0))" } ?? "")" }.joined(separator: ",")
            }
            f.append("history [\(h(x.history))]≠[\(h(y.history))]")
        }
        out.append("\(x.id): \(f.isEmpty ? "other fields" : f.joined(separator: ", "))")
    }
    return out.joined(separator: "; ")
}

/// XCTAssertEqual for boards, with a short difference instead of two whole dumps.
func assertSameBoard(_ a: Board, _ b: Board, _ message: String = "", file: StaticString = #filePath, line: UInt = #line)
{
    if a != b {
        XCTFail(
            "boards differ\(message.isEmpty ? "" : " (\(message))"): \(boardDifference(a, b))", file: file, line: line)
    }
}

/// The core's SplitMix64, under the name these tests use.
typealias SeededGenerator = SeededRandom
extension SeededRandom {
    mutating func int(_ n: Int) -> Int { below(n) }
}

/// A deal's next step as these tests use it: a task with a fixed id, planned or done.
func step(_ subject: String, due: Day? = nil, done: Bool = false, id: String = "step0001") -> Activity {
    Activity(id: id, type: .task, subject: subject, due: due, done: done, createdAt: Fixed.later(0))
}
