import Foundation

/// Everything that can change a board. Actions are values; `Board.apply(_:at:)` is a pure function.
public enum Action: Hashable, Sendable {
    /// Adds a fully built deal (see `Board.newDeal`). Its rank is set to the end of its column.
    case add(Deal)
    /// Replaces a deal's editable fields with those of `deal` (same id). A changed stage or status
    /// follows the same rules as `move`, `markWon`, `markLost` and `reopen`. Changed notes are
    /// recorded in the history (`Deal.recordNotesEdit`).
    case update(Deal)
    case delete(id: String)
    /// Moves a deal to a stage (by id). Into a `won` stage: marks it won.
    case move(id: String, toStage: String)
    /// Moves a deal back to a stage it left, at the rank it had there (`UndoHistory.formerRank`), so
    /// that a move there and back puts it where it was in the column.
    case moveBack(id: String, toStage: String, rank: Int)
    /// Moves a deal to the next (+1) or previous (-1) stage; no change at either end.
    case shift(id: String, by: Int)
    /// Moves a deal up (-1) or down (+1) inside its column.
    case reorder(id: String, by: Int)
    case markWon(id: String)
    case markLost(id: String, reason: String?)
    case reopen(id: String)
    /// Adds an activity to a deal: planned, or logged (done).
    case addActivity(dealID: String, Activity)
    /// Replaces an activity of a deal (same id): edited, rescheduled, its outcome noted.
    case updateActivity(dealID: String, Activity)
    /// Marks an activity done now, with what came of it; it stays in the deal's activities.
    case completeActivity(dealID: String, activityID: String, outcome: String?)
    case removeActivity(dealID: String, activityID: String)
    /// Inserts a stage at a position (default: before the first won stage).
    case addStage(Stage, at: Int?)
    /// Replaces a stage's name, probability, rot days and kind (same id).
    case updateStage(Stage)
    /// Deletes a stage. A stage with deals needs `moveDealsTo`, where its deals go.
    case deleteStage(id: String, moveDealsTo: String?)
    /// Moves a stage left (-1) or right (+1) in the pipeline.
    case moveStage(id: String, by: Int)
    /// The reasons offered when a deal is marked lost.
    case setLostReasons([String])
    /// Sets the target of a period for the team (owner nil) or an owner; replaces the one there.
    case setTarget(SalesTarget)
    /// Removes the target of a period for the team (owner nil) or an owner.
    case removeTarget(period: Period, owner: String?)
    /// Sets the rate of a currency into the board's currency; replaces the one there.
    case setRate(ExchangeRate)
    case removeRate(currency: String)
}

public enum PipelineError: Error, Hashable, Sendable {
    case unknownDeal(String)
    case ambiguousDeal(String, candidates: [String])
    case unknownStage(String)
    case unknownActivity(String)
    case ambiguousActivity(String, candidates: [String])
    case invalid(field: String, reason: String)
    case noWonStage
}

/// The result of applying an action: the new board and, when something changed, the edit
/// that undo and redo replay.
public struct Outcome: Sendable {
    public var board: Board
    public var edit: Edit?
    public var changed: Bool { edit != nil }
}

extension Board {
    public func apply(_ action: Action, at now: Timestamp) throws(PipelineError) -> Outcome {
        var b = self
        let touched: [String]?
        switch action {
        case .addStage, .updateStage, .deleteStage, .moveStage, .setLostReasons:
            touched = try changeStages(action, in: &b, at: now)
        case .setTarget, .removeTarget, .setRate, .removeRate:
            touched = try changeTargets(action, in: &b)
        default:
            touched = try b.changeDeals(action, at: now)
        }
        guard let touched else { return Outcome(board: self, edit: nil) }
        return Outcome(board: b, edit: Edit(from: self, to: b, touching: touched))
    }

    /// Applies an action on deals to this board itself (`apply` calls it on a copy,
    /// `applyInPlace` on the board); returns the deals it touched, nil when nothing changes.
    /// Every value it decides on is read before the deal is written.
    mutating func changeDeals(_ action: Action, at now: Timestamp) throws(PipelineError) -> [String]? {
        switch action {
        case .add(var deal):
            try validate(deal)
            if deal.id.isEmpty || self.deal(deal.id) != nil {
                throw .invalid(field: "id", reason: Strings.duplicateID(deal.id))
            }
            deal.rank = nextRank(inStage: deal.stage)
            if let s = stage(deal.stage), s.kind == .won, deal.status == .open {
                deal.status = .won
                if deal.history.count == 1 { deal.history[0].status = .won }
            }
            deals.append(deal)
            return [deal.id]
        case .update(let new):
            return try update(new, at: now)
        case .delete(let id):
            guard let i = dealIndex(id) else { throw .unknownDeal(id) }
            deals.remove(at: i)
            return [id]
        case .move(let id, let target):
            return try move(id, to: target, rank: nil, at: now)
        case .moveBack(let id, let target, let rank):
            return try move(id, to: target, rank: rank, at: now)
        case .shift(let id, let by):
            guard let i = dealIndex(id) else { throw .unknownDeal(id) }
            guard let si = stageIndex(deals[i].stage) else { throw .unknownStage(deals[i].stage) }
            let ti = si + by
            guard ti >= 0, ti < stages.count, by != 0 else { return nil }
            moveInPlace(i, to: stages[ti].id, at: now)
            deals[i].updatedAt = now
            return [id]
        case .reorder(let id, let by):
            return try reorder(id, by: by, at: now)
        case .markWon(let id):
            guard let i = dealIndex(id) else { throw .unknownDeal(id) }
            if deals[i].status == .won { return nil }
            try winInPlace(i, at: now)
            deals[i].updatedAt = now
            return [id]
        case .markLost(let id, let reason):
            guard let i = dealIndex(id) else { throw .unknownDeal(id) }
            let r = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
            let clean = (r?.isEmpty ?? true) ? nil : r
            if deals[i].status == .lost {
                if deals[i].lostReason == clean { return nil }
                deals[i].lostReason = clean
            } else {
                loseInPlace(i, reason: clean, at: now)
            }
            // A new reason joins the board's list, so it is offered next time.
            if let r = clean, !settings.lostReasons.contains(where: { $0.lowercased() == r.lowercased() }) {
                settings.lostReasons.append(r)
            }
            deals[i].updatedAt = now
            return [id]
        case .reopen(let id):
            guard let i = dealIndex(id) else { throw .unknownDeal(id) }
            if deals[i].status == .open { return nil }
            reopenInPlace(i, at: now)
            deals[i].updatedAt = now
            return [id]
        case .addActivity, .updateActivity, .completeActivity, .removeActivity:
            return try changeActivities(action, at: now)
        default:
            return nil
        }
    }

    private mutating func move(_ id: String, to target: String, rank: Int?, at now: Timestamp)
        throws(PipelineError) -> [String]?
    {
        guard let i = dealIndex(id) else { throw .unknownDeal(id) }
        guard stage(target) != nil else { throw .unknownStage(target) }
        if deals[i].stage == target { return nil }
        moveInPlace(i, to: target, at: now)
        if let rank { deals[i].rank = rank }
        deals[i].updatedAt = now
        return [id]
    }

    private mutating func update(_ new: Deal, at now: Timestamp) throws(PipelineError) -> [String]? {
        guard let i = dealIndex(new.id) else { throw .unknownDeal(new.id) }
        try validate(new)
        let old = deals[i]
        var d = new
        d.history = old.history; d.createdAt = old.createdAt; d.updatedAt = old.updatedAt
        d.stageEnteredAt = old.stageEnteredAt; d.stage = old.stage; d.status = old.status; d.rank = old.rank
        let reason = new.lostReason?.trimmingCharacters(in: .whitespacesAndNewlines)
        let cleanReason = (reason?.isEmpty ?? true) ? nil : reason
        if old.status == .lost && new.status == .lost {
            d.lostReason = cleanReason
        } else {
            d.lostReason = old.lostReason
        }
        deals[i] = d
        if new.stage != old.stage { moveInPlace(i, to: new.stage, at: now) }
        // A status change only when the caller asked for one; a stage change may already
        // have changed it (into a won stage, or a lost deal moved to an open stage).
        if new.status != old.status && new.status != deals[i].status {
            switch new.status {
            case .won: try winInPlace(i, at: now)
            case .lost: loseInPlace(i, reason: cleanReason, at: now)
            case .open: reopenInPlace(i, at: now)
            }
        }
        if (new.notes ?? "") != (old.notes ?? "") { deals[i].recordNotesEdit(at: now) }
        if deals[i] == old { return nil }
        deals[i].updatedAt = now
        return [new.id]
    }

    private mutating func reorder(_ id: String, by: Int, at now: Timestamp) throws(PipelineError)
        -> [String]?
    {
        guard let d = deal(id) else { throw .unknownDeal(id) }
        // Lost deals keep their place; open and won deals are ordered among themselves.
        var column = deals(inStage: d.stage, includeLost: true).filter {
            ($0.status == .lost) == (d.status == .lost)
        }
        guard let pos = column.firstIndex(where: { $0.id == id }) else { return nil }
        let target = pos + by
        guard by != 0, target >= 0, target < column.count else { return nil }
        let moved = column.remove(at: pos)
        column.insert(moved, at: target)
        // Renumber the column 0…n-1; only deals whose rank changes are touched.
        var ids: [String] = [id]
        let ranks = column.map(\.rank).sorted()
        let base = Set(ranks).count == ranks.count ? ranks : Array(0..<column.count)
        for (n, c) in column.enumerated() where c.rank != base[n] {
            let k = dealIndex(c.id)!
            deals[k].rank = base[n]
            if c.id != id { ids.append(c.id) }
        }
        if let k = dealIndex(id) { deals[k].updatedAt = now }
        return ids
    }

    func validate(_ d: Deal) throws(PipelineError) {
        if d.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .invalid(field: "title", reason: Strings.emptyTitle)
        }
        if d.value.isNegative { throw .invalid(field: "value", reason: Strings.negativeValue) }
        if d.value.decimalsNeeded > 2 { throw .invalid(field: "value", reason: Strings.tooManyDecimals) }
        if let p = d.probability, !p.isValid { throw .invalid(field: "probability", reason: Strings.probabilityRange) }
        if stage(d.stage) == nil { throw .unknownStage(d.stage) }
        if let c = d.currency, !Board.isCurrencyCode(c) {
            throw .invalid(field: "currency", reason: Strings.badCurrency(c))
        }
        if let n = d.npsScore, !Deal.npsRange.contains(n) { throw .invalid(field: "nps", reason: Strings.npsRange) }
        if let e = d.email, !ContactCheck.isEmail(e) { throw .invalid(field: "email", reason: Strings.badEmail(e)) }
        if let p = d.phone, !ContactCheck.isPhone(p) { throw .invalid(field: "phone", reason: Strings.badPhone(p)) }
    }

    public static func isCurrencyCode(_ c: String) -> Bool {
        c.count == 3 && c.unicodeScalars.allSatisfy { $0.value >= 65 && $0.value <= 90 }
    }

    func nextRank(inStage id: String) -> Int {
        // Two fields read in place: this looks at every deal on each move.
        deals.withUnsafeBufferPointer { deals in
            var m = -1
            for i in deals.indices where deals[i].stage == id { m = max(m, deals[i].rank) }
            return m + 1
        }
    }

    /// Stage change with the won/open status rules. Does not stamp updatedAt.
    mutating func moveInPlace(_ i: Int, to target: String, at now: Timestamp) {
        let from = deals[i].stage
        guard from != target, let ts = stage(target) else { return }
        var newStatus: DealStatus? = nil
        if ts.kind == .won, deals[i].status != .won { newStatus = .won }
        if ts.kind == .open, deals[i].status != .open { newStatus = .open }
        deals[i].rank = nextRank(inStage: target)
        deals[i].stage = target
        deals[i].stageEnteredAt = now
        if let s = newStatus {
            deals[i].status = s
            deals[i].lostReason = nil
        }
        deals[i].history.append(HistoryEntry(at: now, from: from, to: target, status: newStatus))
    }

    mutating func winInPlace(_ i: Int, at now: Timestamp) throws(PipelineError) {
        guard firstWonStage != nil || stage(deals[i].stage)?.kind == .won else { throw .noWonStage }
        let from = deals[i].stage
        if let w = firstWonStage, stage(from)?.kind != .won {
            deals[i].rank = nextRank(inStage: w.id)
            deals[i].stage = w.id
            deals[i].stageEnteredAt = now
        }
        deals[i].status = .won
        deals[i].lostReason = nil
        deals[i].history.append(HistoryEntry(at: now, from: from, to: deals[i].stage, status: .won))
    }

    mutating func loseInPlace(_ i: Int, reason: String?, at now: Timestamp) {
        deals[i].status = .lost
        deals[i].lostReason = reason
        let s = deals[i].stage
        deals[i].history.append(HistoryEntry(at: now, from: s, to: s, status: .lost))
    }

    mutating func reopenInPlace(_ i: Int, at now: Timestamp) {
        let from = deals[i].stage
        var target = from
        if stage(from)?.kind != .open {
            // Back to the last open stage the deal was in, else the last open stage of the pipeline.
            let openIDs = Set(stages.filter { $0.kind == .open }.map(\.id))
            let back = deals[i].history.reversed().lazy.filter(\.isMove).flatMap { [$0.to, $0.from].compactMap { $0 } }
                .first { openIDs.contains($0) }
            target = back ?? stages.last { $0.kind == .open }?.id ?? from
        }
        if target != from {
            deals[i].rank = nextRank(inStage: target)
            deals[i].stage = target
            deals[i].stageEnteredAt = now
        }
        deals[i].status = .open
        deals[i].lostReason = nil
        deals[i].history.append(HistoryEntry(at: now, from: from, to: target, status: .open))
    }
}

extension Board {
    /// Builds a new open deal with a fresh unique id, entering `stage` (the first stage when nil) now.
    public func newDeal(
        title: String, value: Money, stage: String? = nil, at now: Timestamp,
        random: inout some RandomNumberGenerator
    ) -> Deal {
        let sid = stage ?? stages.first?.id ?? ""
        return Deal(id: makeDealID(random: &random), title: title, value: value, stage: sid, createdAt: now)
    }

    public func newDeal(title: String, value: Money, stage: String? = nil, at now: Timestamp) -> Deal {
        var g = SystemRandomNumberGenerator()
        return newDeal(title: title, value: value, stage: stage, at: now, random: &g)
    }

    /// Short ids that are easy to type and to prefix-match: six characters of a 31-letter
    /// alphabet without look-alikes (no 0/o, 1/l/i).
    public func makeDealID(random: inout some RandomNumberGenerator) -> String {
        let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")
        let existing = Set(deals.map(\.id))
        var length = 6
        while true {
            for _ in 0..<20 {
                let id = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
                if !existing.contains(id) { return id }
            }
            length += 1
        }
    }
}
