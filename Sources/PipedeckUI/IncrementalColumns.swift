import PipedeckCore

// Keeping the columns and the footer's figures up to date after one change without looking at
// every deal again. A move on a 10 000-deal board then costs what the move itself costs, not a
// sort of every column and a new sum over every deal.
//
// The result is always exactly what `rebuildColumns()` would compute (the random-key tests
// compare the two after every key); whenever a change is not one of the simple cases below
// (stages or the currency changed, another sort order is active), `perform` falls back
// to the full rebuild. A filter is followed: only the deals it shows count.

extension AppState {
    /// The column of a stage id. Like the rebuild's dictionary, the last stage with the id wins.
    func column(ofStage id: String) -> Int? {
        let stages = board.stages
        var i = stages.count - 1
        while i >= 0 {
            if stages[i].id == id { return i }
            i -= 1
        }
        return nil
    }

    /// Whether the board shows `d` (the filter; lost deals count in the figures either way).
    func passes(_ d: Deal) -> Bool { !filter.isActive || filter.matches(d, board: board, today: today) }

    /// Whether `d` has a place in a column: shown, and not lost unless lost deals are shown.
    private func inColumn(_ d: Deal) -> Bool { (showLost || d.status != .lost) && passes(d) }

    /// Updates `columns`, `summary`, the period's progress and `shownCount` after `action` made
    /// `edit` on the board. Returns false (and changes nothing) when the change needs the full
    /// rebuild: stages or currency changed, another sort order, the Lost column.
    mutating func updateIncrementally(after action: Action, edit: Edit) -> Bool {
        guard sort == .rank, columns.count == board.stages.count, !edit.changesStagesOrCurrency else { return false }
        let before = edit.dealsBefore, after = edit.dealsAfter
        let n = board.deals.count
        switch action {
        case .add:
            guard before.isEmpty, after.count == 1, after.first?.key == n - 1 else { return false }
            if inColumn(board.deals[n - 1]) { insertIntoColumn(n - 1) }
            account(removing: nil, adding: n - 1)
        case .delete:
            guard after.isEmpty, before.count == 1, let (k, old) = before.first else { return false }
            // Later deals moved down by one place.
            for c in columns.indices {
                var col = columns[c]
                var w = 0
                for r in col.indices where col[r] != k {
                    col[w] = col[r] > k ? col[r] - 1 : col[r]
                    w += 1
                }
                col.removeSubrange(w...)
                columns[c] = col
            }
            account(removing: old, adding: nil)
        case .reorder(let id, _):
            // Only ranks change (and the deal's time of change), all inside the deal's own
            // column: sort that column again. With a filter, the time may change what it shows.
            guard !filter.isActive, Set(before.keys) == Set(after.keys),
                let k = after.first(where: { $0.value.id == id })?.key, let old = before[k],
                board.deals[k].stage == old.stage, board.deals[k].status == old.status
            else { return false }
            if let c = column(ofStage: old.stage) {
                board.deals.withUnsafeBufferPointer { deals in
                    columns[c].sort { Board.columnOrder(deals, $0, $1) }
                }
            }
        default:
            // One deal changed where it stands: out of its old column, into its new one.
            guard before.count == 1, after.count == 1, let (k, old) = before.first, after[k] != nil,
                board.deals.indices.contains(k), board.deals[k].id == old.id
            else { return false }
            if inColumn(old), let c = column(ofStage: old.stage), let r = columns[c].firstIndex(of: k) {
                columns[c].remove(at: r)
            }
            if inColumn(board.deals[k]) { insertIntoColumn(k) }
            account(removing: old, adding: k)
        }
        if cursor.count != columns.count { cursor = Array(repeating: 0, count: columns.count); scrollTop = cursor }
        focusedStage = min(focusedStage, max(0, columns.count - 1))
        for c in columns.indices { cursor[c] = min(cursor[c], max(0, columns[c].count - 1)) }
        return true
    }

    /// Puts deal `k` into its column at its place in column order.
    private mutating func insertIntoColumn(_ k: Int) {
        guard let c = column(ofStage: board.deals[k].stage) else { return }
        board.deals.withUnsafeBufferPointer { deals in
            let col = columns[c]
            var lo = 0, hi = col.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Board.columnOrder(deals, col[mid], k) { lo = mid + 1 } else { hi = mid }
            }
            columns[c].insert(k, at: lo)
        }
    }

    // MARK: Figures

    private enum Bucket: Hashable {
        case open, won, lost
        case stage(Int)

        init(_ status: DealStatus) {
            switch status {
            case .open: self = .open
            case .won: self = .won
            case .lost: self = .lost
            }
        }
    }

    private func figures(_ s: PipelineSummary, _ b: Bucket) -> Figures {
        switch b {
        case .open: return s.open
        case .won: return s.won
        case .lost: return s.lost
        case .stage(let i): return s.stages[i].figures
        }
    }

    private func setFigures(_ s: inout PipelineSummary, _ b: Bucket, _ f: Figures) {
        switch b {
        case .open: s.open = f
        case .won: s.won = f
        case .lost: s.lost = f
        case .stage(let i): s.stages[i].figures = f
        }
    }

    /// What a deal adds to the figures: the core's rule (`Board.contribution(of:)`), by bucket.
    private func contributions(_ d: Deal) -> [(bucket: Bucket, currency: String, total: Money, weighted: Money)] {
        let c = board.contribution(of: d, stageIndex: column(ofStage: d.stage))
        var out = [(Bucket(c.status), c.currency, c.value, c.weighted)]
        if let si = c.stageIndex { out.append((.stage(si), c.currency, c.value, c.weighted)) }
        return out
    }

    /// Takes a deal's share out of the figures, the period's progress and the count of deals
    /// shown, and adds another deal's (by index in `board`); each only when the filter shows it.
    private mutating func account(removing old: Deal?, adding new: Int?) {
        let old = old.flatMap { passes($0) ? $0 : nil }
        let k = new.flatMap { passes(board.deals[$0]) ? $0 : nil }
        shownCount += (k == nil ? 0 : 1) - (old == nil ? 0 : 1)
        adjustProgress(removing: old, adding: k.map { board.deals[$0] })
        adjustSummary(removing: old, adding: k)
    }

    private mutating func adjustSummary(removing old: Deal?, adding k: Int?) {
        var s = summary
        var emptied: [(Bucket, String)] = []
        if let old {
            for c in contributions(old) {
                var f = figures(s, c.bucket)
                f.count -= 1
                f.total.add(-c.total, c.currency)
                f.weighted.add(-c.weighted, c.currency)
                setFigures(&s, c.bucket, f)
                emptied.append((c.bucket, c.currency))
            }
            s.dealCount -= 1
        }
        if let k {
            for c in contributions(board.deals[k]) {
                var f = figures(s, c.bucket)
                f.count += 1
                f.total.add(c.total, c.currency)
                f.weighted.add(c.weighted, c.currency)
                setFigures(&s, c.bucket, f)
            }
            s.dealCount += 1
        }
        // A currency stays listed in a bucket as long as one deal of it is counted there, even
        // at a total of zero. A non-zero total proves one is; at zero, look.
        for (bucket, cur) in emptied {
            var f = figures(s, bucket)
            if f.count == 0 { setFigures(&s, bucket, Figures()); continue }
            guard f.total[cur].isZero, !anyDealCounts(in: bucket, currency: cur) else { continue }
            f.total = Amounts(without: cur, from: f.total)
            f.weighted = Amounts(without: cur, from: f.weighted)
            setFigures(&s, bucket, f)
        }
        summary = s
    }

    private func anyDealCounts(in bucket: Bucket, currency: String) -> Bool {
        let boardCurrency = board.currency
        var index: [String: Int] = [:]
        for (i, s) in board.stages.enumerated() { index[s.id] = i }
        return board.deals.withUnsafeBufferPointer { deals in
            for i in deals.indices where (deals[i].currency ?? boardCurrency) == currency && passes(deals[i]) {
                let c = board.contribution(of: deals[i], stageIndex: index[deals[i].stage])
                if bucket == Bucket(c.status) || bucket == c.stageIndex.map(Bucket.stage) { return true }
            }
            return false
        }
    }
}

extension Amounts {
    fileprivate init(without currency: String, from a: Amounts) {
        self.init()
        for (c, m) in a.byCurrency where c != currency { add(m, c) }
    }
}
