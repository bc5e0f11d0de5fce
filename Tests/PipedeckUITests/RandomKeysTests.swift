import PipedeckCore
import PipedeckRender
import XCTest

@testable import PipedeckUI

/// A monkey at the keyboard: 100 000 seeded random keys, mouse events and resizes, through every
/// screen, on a board full of hostile text and extreme values. After every key: no crash, the
/// deal count changed only through adding or deleting (or undoing or redoing that), the columns
/// and figures equal a fresh computation, and (every few keys) a rendered frame holds no control
/// character and a footer whose weighted value is the fresh one.
final class RandomKeysTests: XCTestCase {

    static let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    static let today = Day.parse("2026-11-30")!
    static let hostile = "\u{1B}[2J\u{1B}]0;owned\u{07}\u{9B}31m\u{85}\u{202E}\u{200B}\r\n\t\u{0}\u{7F}"

    /// The demo plus deals made to hurt: escape sequences and control characters everywhere,
    /// 10^15 and zero amounts, a 500-character title, hundreds of tags, other currencies.
    static func hostileBoard() -> Board {
        var board = Demo.board(now: now, today: today)
        let stages = board.stages.map(\.id)
        func deal(_ n: Int, _ title: String, _ value: String, _ stage: String) -> Deal {
            var d = Deal(
                id: "h\(n)x", title: title, value: Money.parse(value)!, stage: stage, createdAt: now.adding(days: -n))
            d.rank = 100 + n
            return d
        }
        var d1 = deal(1, "Evil \(hostile) title", "1000000000000000", stages[0])
        d1.company = "ACME\u{1B}[31m red \u{1B}[0m"
        d1.contact = "Bob\u{7}\u{8}\u{8}"
        d1.notes = "line\u{1B}[1A up\nline 2\u{9B}2K"
        d1.tags = ["\u{1B}[5m", "ok", "tab\there"]
        d1.owner = "\u{1B}P evil DCS \u{1B}\\"
        d1.activities = [
            Activity(
                id: "hostile1", type: .call, subject: "call \u{1B}[?1049l back", due: today.adding(days: -3),
                outcome: "\u{1B}]52;c;ZXZpbA==\u{7}", createdAt: now),
            Activity(
                id: "hostile2", type: .email, subject: "sent\u{1B}[2J", done: true, doneAt: now,
                outcome: "ok\u{9B}31m", createdAt: now),
        ]
        d1.phone = "+33 6 12 34 56 78"
        d1.email = "evil@example.com"
        var d2 = deal(2, String(repeating: "Long title ", count: 46) + "end", "0", stages[1])
        d2.tags = (0..<300).map { "tag\($0)" }
        var d3 = deal(3, "Yen deal", "123456789012.34", stages[2])
        d3.currency = "JPY"
        var d4 = deal(4, "Zero dollars", "0", stages[3])
        d4.currency = "USD"
        d4.probability = Percent(hundredths: 1)
        let d5 = deal(5, "Almost nothing", "0.01", stages[0])
        var d6 = deal(6, "Lost \u{1B}[8m hidden", "999999999999999.99", stages[1])
        d6.status = .lost
        d6.lostReason = "Price\u{1B}[2J"
        board.deals += [d1, d2, d3, d4, d5, d6]
        // Targets for the team and an owner, months and quarters: the footer measures against them.
        for kind in PeriodKind.allCases {
            let p = Period(today, kind: kind)
            board.settings.targets += [
                SalesTarget(period: p, amount: Money(units: 50_000)),
                SalesTarget(period: p, owner: "Camille Martin", amount: Money(units: 20_000)),
                SalesTarget(period: p.adding(-1), amount: Money(units: 10_000)),
            ]
        }
        return board
    }

    func modeName(_ m: Mode) -> String {
        switch m {
        case .board: return "board"
        case .help: return "help"
        case .detail: return "detail"
        case .form: return "form"
        case .confirmDelete: return "confirmDelete"
        case .lostReason: return "lostReason"
        case .moveTo: return "moveTo"
        case .search: return "search"
        case .filterMenu: return "filterMenu"
        case .activity: return "activity"
        case .agenda: return "agenda"
        case .stages: return "stages"
        case .stageForm: return "stageForm"
        case .stageDelete: return "stageDelete"
        default: return "other"
        }
    }

    /// Which of record, undo or redo happened in this key, and the edit concerned.
    func historyStep(before: UndoHistory, after: UndoHistory) -> (kind: String, edit: Edit)? {
        if after.redoStack.count == before.redoStack.count + 1, let e = after.redoStack.last, e == before.undoStack.last
        {
            return ("undo", e)
        }
        if after.redoStack.count + 1 == before.redoStack.count, let e = after.undoStack.last, e == before.redoStack.last
        {
            return ("redo", e)
        }
        if let e = after.undoStack.last, after.undoStack.count != before.undoStack.count || e != before.undoStack.last {
            return ("record", e)
        }
        return nil
    }

    /// The keys the monkey presses, and how often.
    struct Monkey {
        let boardKeys = Bindings.board.flatMap(\.keys).filter { $0 != .ctrl("z") }
        let editing: [Key] = [
            .tab, .backTab, .backspace, .delete, .left, .right, .home, .end, .enter, .escape,
            .up, .down, .pageUp, .pageDown, .shiftUp, .shiftDown, .shiftLeft, .shiftRight,
        ]
        let typed: [Character] =
            Array("abcdeklmnopqwxyyyz AZ0123456789.,-+%€日🚀é") + [
                "\u{1B}", "\u{7}", "\u{9B}", "\u{7F}", "\u{85}", "\u{202E}", "\r\n",
            ]
        // Not U+0000: the terminal turns it into Ctrl-@, and Foundation's String.contains on
        // Linux traps on a needle holding it ("\u{202E}a".contains("a\u{0}")), which the search
        // would hit. Control characters that a paste could bring are typed.
        let letters = Array("abcdefghijklmnopqrstuvwxy")

        /// The next key; a resize also resizes the state, as the terminal does.
        func key(_ r: inout SeededRandom, _ state: inout AppState) -> Key {
            switch r.below(100) {
            case 0..<42: return r.pick(boardKeys)
            case 42..<67: return .char(r.pick(typed))
            case 67..<84: return r.pick(editing)
            case 84..<92:
                let kinds: [MouseEvent.Kind] = [.press, .release, .click, .wheelUp, .wheelDown, .drag]
                return .mouse(
                    MouseEvent(
                        kind: r.pick(kinds), x: r.below(state.screen.width + 4) - 2,
                        y: r.below(state.screen.height + 4) - 2))
            case 92..<95: return .ctrl(r.pick(letters))
            case 95..<97: return .function(1 + r.below(12))
            case 97: return .escape
            default:
                // Resizes, down to 1×1; mostly to usable sizes.
                let small = r.below(4) == 0
                state.resize(
                    width: small ? 1 + r.below(45) : 40 + r.below(180),
                    height: small ? 1 + r.below(12) : 10 + r.below(50))
                return .resize
            }
        }
    }

    /// What the monkey did, for the summary printed at the end.
    struct Tally {
        var modes: [String: Int] = [:]
        var adds = 0, deletes = 0, undos = 0, saves = 0, frames = 0, checkedFooters = 0, checks = 0
        /// Checks made with "my deals" on (the owner filter), and in quarters.
        var mineChecks = 0, quarterChecks = 0
    }

    /// Whether a change of the deal count is explained by the edit this key recorded, undid or redid.
    func countChangeIsExplained(_ delta: Int, _ step: (kind: String, edit: Edit)?) -> Bool {
        switch (delta, step?.kind, step?.edit.label ?? "?") {
        case (1, "record", UIText.labelAdd), (1, "redo", UIText.labelAdd), (1, "undo", UIText.labelDelete):
            return true
        case (-1, "record", UIText.labelDelete), (-1, "redo", UIText.labelDelete),
            (-1, "undo", UIText.labelAdd):
            return true
        default: return false
        }
    }

    /// Columns and figures equal a rebuild from scratch: what differs, or nil.
    func figuresProblem(_ state: AppState, _ fresh: AppState, boardChanged: Bool) -> String? {
        if fresh.columns != state.columns || fresh.summary != state.summary || fresh.shownCount != state.shownCount {
            return
                "columns or figures differ from a fresh computation (columns \(fresh.columns == state.columns), summary \(fresh.summary == state.summary), shown \(fresh.shownCount == state.shownCount); filter \(state.filter.isActive), sort \(state.sort), lost shown \(state.showLost), board changed \(boardChanged))"
        }
        if !state.filter.isActive, PipelineSummary(board: state.board) != state.summary {
            return "summary differs from PipelineSummary(board:)"
        }
        // The footer's period against its target, counted from scratch over the deals shown.
        if fresh.progress != state.progress { return "the period's progress differs from a rebuild" }
        let f = state.filter
        let shown = state.board.deals.filter { !f.isActive || f.matches($0, board: state.board, today: state.today) }
        var progress = PeriodProgress(
            board: state.board, deals: shown, today: state.today, kind: state.periodKind, owner: f.owner,
            zone: state.zone)
        var onlyOwner = DealFilter()
        onlyOwner.owner = f.owner
        if f != onlyOwner { progress.target = nil; progress.targetSource = nil }
        if progress != state.progress {
            return "the period's progress differs from PeriodProgress over the deals shown (filter \(f.summary))"
        }
        return nil
    }

    /// A frame: no control character reaches the screen, and the footer's weighted value is the
    /// fresh one whenever it is shown in full. Returns false after a failure.
    func checkFrame(
        _ state: AppState, _ fresh: AppState, options: RenderOptions, tally: inout Tally, n: Int, key: Key,
        seed: UInt64
    ) -> Bool {
        let grid = BoardRenderer.render(state, options: options).grid
        tally.frames += 1
        XCTAssertEqual(grid.width, state.screen.width)
        XCTAssertEqual(grid.height, state.screen.height)
        for cell in grid.cells {
            for s in cell.text.unicodeScalars where s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) {
                XCTFail("key \(n) (\(key)): control character U+\(String(s.value, radix: 16)) in a cell; seed \(seed)")
                return false
            }
        }
        // The footer's weighted value is the fresh one, whenever it is shown in full.
        let rows = grid.rows()
        if state.mode == .board, !state.screen.isTooSmall, rows.indices.contains(state.screen.footerRow) {
            let footer = rows[state.screen.footerRow]
            if let range = footer.range(of: Strings.footerWeighted + " "),
                footer[range.upperBound...].contains("  " + Strings.periodShort(state.progress.period) + " ")
            {
                let cur = state.board.currency
                let f = MoneyFormatter(currency: cur, locale: state.board.settings.locale ?? "C")
                let w = fresh.summary.open.weighted[cur]
                let after = footer[range.upperBound...]
                XCTAssertTrue(
                    after.hasPrefix(f.string(w)) || after.hasPrefix(f.compact(w)),
                    "key \(n): footer \"\(footer)\" does not show \(f.string(w)); seed \(seed)")
                tally.checkedFooters += 1
            }
        }
        return true
    }

    func testHundredThousandRandomKeys() throws {
        let seed =
            UInt64(ProcessInfo.processInfo.environment["PIPEDECK_MONKEY_SEED"] ?? "")
            ?? UInt64.random(in: 1...UInt64.max)
        let total = Int(ProcessInfo.processInfo.environment["PIPEDECK_MONKEY_KEYS"] ?? "") ?? 100_000
        var r = SeededRandom(seed: seed)
        var state = AppState(
            board: RandomKeysTests.hostileBoard(), fileName: "monkey\u{1B}[2J.json",
            now: RandomKeysTests.now, today: RandomKeysTests.today, width: 120, height: 40)
        // Who is at the keyboard, so that M ("my deals") filters; the footer's periods an hour
        // ahead of UTC (a fixed offset: looking up a named zone's rules is slow in a debug build).
        _ = state.handleTeam(.identity("Camille Martin"))
        state.zone = TimeZone(secondsFromGMT: 3600)!
        state.setPeriod(.month)
        let options = RenderOptions(glyphs: .unicode, locale: "C")
        let monkey = Monkey()
        var tally = Tally()
        let started = Date()
        for n in 0..<total {
            let key = monkey.key(&r, &state)
            // Time passes (about a day every 50 keys). A new day changes what is overdue or stale
            // and the days in stage; the app shows that at its next rebuild, as the test does here.
            state.now = state.now.adding(seconds: Int64(r.below(3_500)))
            if state.now.utcDay != state.today {
                state.today = state.now.utcDay
                state.rebuildColumns()
            }

            // Now and then the footer follows quarters instead of months, or months again.
            if r.below(500) == 0 { state.setPeriod(state.periodKind == .month ? .quarter : .month) }

            let before = state
            var effects = state.handle(key)
            for case .editNotes(let id) in effects {
                // What the editor would give back.
                effects += state.setNotes(dealID: id, r.below(2) == 0 ? "" : "notes \(n)\u{1B}[2J")
            }
            if effects.contains(.save) { tally.saves += 1; state.saveState = .saved }
            let name = modeName(state.mode)
            if name != modeName(before.mode) { tally.modes[name, default: 0] += 1 } // screens entered

            // The deal count moves only through adding and deleting, one deal at a time.
            let delta = state.board.deals.count - before.board.deals.count
            if delta != 0 {
                let step = historyStep(before: before.history, after: state.history)
                if !countChangeIsExplained(delta, step) {
                    XCTFail(
                        "key \(n) (\(key)) in \(before.mode) changed the deal count by \(delta) (\(step?.kind ?? "no edit") \(step?.edit.label ?? "?")); seed \(seed)"
                    )
                    return
                }
                if step?.kind == "record" {
                    if delta > 0 { tally.adds += 1 } else { tally.deletes += 1 }
                } else {
                    tally.undos += 1
                }
            }

            // Columns and figures equal a rebuild from scratch (after every change of the board).
            var fresh = state
            if state.board != before.board || n % 5 == 0 {
                fresh.rebuildColumns()
                if let problem = figuresProblem(state, fresh, boardChanged: state.board != before.board) {
                    XCTFail("key \(n) (\(key)): \(problem); seed \(seed)")
                    return
                }
                tally.checks += 1
                if state.filter.owner != nil { tally.mineChecks += 1 }
                if state.periodKind == .quarter { tally.quarterChecks += 1 }
            }

            // Every few keys (and around resizes), a frame.
            if n % 10 == 0 || key == .resize {
                guard checkFrame(state, fresh, options: options, tally: &tally, n: n, key: key, seed: seed) else {
                    return
                }
            }
        }
        report(tally, total: total, seed: seed, seconds: Date().timeIntervalSince(started))
    }

    /// Prints what the monkey did, and checks that it went everywhere.
    func report(_ t: Tally, total: Int, seed: UInt64, seconds: Double) {
        print(
            "[monkey] \(total) keys in \(String(format: "%.1f", seconds)) s, seed \(seed): \(t.adds) adds, \(t.deletes) deletes, \(t.undos) undos/redos changing the count, \(t.saves) saves, \(t.checks) fresh recomputations, \(t.frames) frames, \(t.checkedFooters) footers checked, \(t.mineChecks) checks with my deals on, \(t.quarterChecks) in quarters"
        )
        print(
            "[monkey] screens: "
                + t.modes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        // It went everywhere.
        for m in [
            "board", "help", "detail", "form", "confirmDelete", "lostReason", "moveTo", "search", "filterMenu",
            "agenda", "stages",
        ] where total >= 100_000 {
            XCTAssertGreaterThan(t.modes[m] ?? 0, 0, "never reached the \(m) screen; seed \(seed)")
        }
        if total >= 100_000 {
            XCTAssertGreaterThan(t.adds, 0); XCTAssertGreaterThan(t.deletes, 0);
            XCTAssertGreaterThan(t.checkedFooters, 100)
            XCTAssertGreaterThan(t.mineChecks, 100, "my deals were never on; seed \(seed)")
            XCTAssertGreaterThan(t.quarterChecks, 100, "quarters never followed; seed \(seed)")
        }
    }
}
