import XCTest

@testable import PipedeckCore

final class TemplateTests: XCTestCase {
    func testStandardTemplate() {
        let s = Template.standard.stages
        XCTAssertEqual(s.map(\.id), ["lead", "qualification", "needs", "proposal", "negotiation", "closing", "won"])
        XCTAssertEqual(s.map(\.probability), [10, 20, 40, 60, 80, 90, 100].map { Percent($0) })
        XCTAssertEqual(s.filter { $0.kind == .won }.map(\.id), ["won"])
        XCTAssertEqual(Set(s.map(\.id)).count, s.count)
        XCTAssertTrue(s.allSatisfy { !$0.name.isEmpty })
    }

    func testFiveStepTemplate() {
        let s = Template.fiveStep.stages
        XCTAssertEqual(s.count, 6)
        XCTAssertEqual(s.last?.kind, .won)
        XCTAssertEqual(s.filter { $0.kind == .won }.count, 1)
        XCTAssertEqual(s.dropLast().filter { $0.kind == .open }.count, 5)
        for (a, b) in zip(s, s.dropFirst()) {
            XCTAssertLessThan(a.probability, b.probability, "\(a.id) < \(b.id)")
        }
        XCTAssertEqual(Set(s.map(\.id)).count, s.count)
        XCTAssertEqual(Template(rawValue: "five-step"), .fiveStep)
        XCTAssertEqual(Template(rawValue: "standard"), .standard)
    }

    func testTemplateBoard() {
        let b = Template.fiveStep.board(name: "Mine", currency: "USD")
        XCTAssertEqual(b.name, "Mine")
        XCTAssertEqual(b.currency, "USD")
        XCTAssertTrue(b.deals.isEmpty)
        XCTAssertEqual(b.stages, Template.fiveStep.stages)
        XCTAssertEqual(b.firstWonStage?.id, "won")
        XCTAssertEqual(Template.standard.board().currency, "EUR")
    }
}

final class DemoTests: XCTestCase {
    let board = Fixed.demo

    func testSize() {
        XCTAssertTrue((20...30).contains(board.deals.count), "about 25 deals, got \(board.deals.count)")
        XCTAssertEqual(board.stages, Template.standard.stages)
    }

    func testUniqueIDs() {
        XCTAssertEqual(Set(board.deals.map(\.id)).count, board.deals.count)
        XCTAssertTrue(board.deals.allSatisfy { !$0.id.isEmpty })
    }

    func testEveryStageHasDeals() {
        for s in board.stages {
            XCTAssertFalse(board.deals(inStage: s.id).isEmpty, "no deal in \(s.id)")
        }
    }

    func testEveryDealIsValid() throws {
        // Re-adding every deal to an empty copy of the board passes validation.
        var empty = board
        empty.deals = []
        for d in board.deals {
            XCTAssertNotNil(board.stage(d.stage), "\(d.id) in unknown stage \(d.stage)")
            var fresh = d
            fresh.history = [HistoryEntry(at: d.createdAt, from: nil, to: d.stage)]
            XCTAssertNoThrow(try empty.apply(.add(fresh), at: Fixed.now), d.id)
        }
    }

    func testStatusesMatchStages() {
        for d in board.deals {
            let kind = board.stage(d.stage)!.kind
            switch d.status {
            case .won: XCTAssertEqual(kind, .won, d.id)
            case .open: XCTAssertEqual(kind, .open, d.id)
            case .lost: XCTAssertNotNil(d.lostReason, d.id)
            }
            if d.status != .lost { XCTAssertNil(d.lostReason, d.id) }
        }
    }

    func testHistoryEndsInCurrentStage() {
        for d in board.deals {
            XCTAssertFalse(d.history.isEmpty, d.id)
            XCTAssertNil(d.history.first?.from, "\(d.id): the first entry records creation")
            XCTAssertEqual(d.history.first?.at, d.createdAt, d.id)
            XCTAssertEqual(d.history.last?.to, d.stage, d.id)
            // Consecutive entries chain: each starts where the previous one ended.
            for (a, b) in zip(d.history, d.history.dropFirst()) {
                XCTAssertEqual(b.from, a.to, d.id)
                XCTAssertLessThanOrEqual(a.at, b.at, "\(d.id): history is in time order")
            }
            XCTAssertLessThanOrEqual(d.history.last!.at, Fixed.now, d.id)
            XCTAssertLessThanOrEqual(d.createdAt, d.stageEnteredAt, d.id)
            XCTAssertLessThanOrEqual(d.stageEnteredAt, d.updatedAt, d.id)
            XCTAssertLessThanOrEqual(d.updatedAt, Fixed.now, d.id)
            // The last stage change is when the deal entered its stage.
            if let lastMove = d.history.last(where: { $0.from != $0.to }) {
                XCTAssertEqual(lastMove.at, d.stageEnteredAt, d.id)
            }
            if d.status != .open { XCTAssertEqual(d.history.last?.status, d.status, d.id) }
        }
    }

    func testMixOfOpenWonLost() {
        XCTAssertGreaterThanOrEqual(board.deals.filter { $0.status == .won }.count, 2)
        XCTAssertGreaterThanOrEqual(board.deals.filter { $0.status == .lost }.count, 2)
        XCTAssertGreaterThanOrEqual(board.deals.filter { $0.status == .open }.count, 15)
    }

    func testSomeOverdueNextActions() {
        let overdue = board.deals.filter { d in
            guard let n = d.nextActivity, let due = n.due else { return false }
            return !n.done && due < Fixed.today && d.status == .open
        }
        XCTAssertGreaterThanOrEqual(overdue.count, 2)
        // Some are due later and some deals have none.
        XCTAssertTrue(board.deals.contains { ($0.nextActivity?.due).map { $0 > Fixed.today } ?? false })
        XCTAssertTrue(board.deals.contains { $0.nextActivity == nil })
    }

    func testOverdueIsRelativeToToday() {
        // A year later, the same deals are still the overdue ones.
        let later = Demo.board(now: Fixed.now.adding(days: 365), today: Fixed.today.adding(days: 365))
        func overdue(_ b: Board, _ today: Day) -> [String] {
            b.deals.filter { ($0.nextActivity?.due).map { $0 < today } ?? false }.map(\.id)
        }
        XCTAssertEqual(overdue(later, Fixed.today.adding(days: 365)), overdue(board, Fixed.today))
        XCTAssertFalse(overdue(board, Fixed.today).isEmpty)
    }

    func testOneNonEURDeal() {
        let foreign = board.deals.filter { board.currency(of: $0) != board.currency }
        XCTAssertEqual(board.currency, "EUR")
        XCTAssertEqual(foreign.count, 1)
        XCTAssertTrue(foreign.allSatisfy { Board.isCurrencyCode($0.currency!) })
    }

    func testJapaneseCompanyName() {
        let japanese = board.deals.contains { d in
            (d.company ?? "").unicodeScalars.contains {
                (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value)
            }
        }
        XCTAssertTrue(japanese)
    }

    func testLongTitle() {
        XCTAssertTrue(board.deals.contains { $0.title.count > 60 })
    }

    func testProbabilityOverride() {
        // At least one deal carries its own probability.
        XCTAssertTrue(board.deals.contains { $0.probability != nil })
        XCTAssertEqual(board.deal("d13pro")?.probability, Percent(hundredths: 6550))
    }

    func testRanksAreColumnPositions() {
        for s in board.stages {
            let ranks = board.deals(inStage: s.id, includeLost: true).map(\.rank)
            XCTAssertEqual(ranks, Array(0..<ranks.count), s.id)
        }
    }

    func testDeterministic() {
        assertSameBoard(Demo.board(now: Fixed.now, today: Fixed.today), Demo.board(now: Fixed.now, today: Fixed.today))
    }
}
