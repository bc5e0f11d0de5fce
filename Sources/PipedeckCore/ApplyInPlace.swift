extension Action {
    /// The one deal an action changes where it stands in `Board.deals` (or adds at the end, or
    /// removes); nil for the actions that may change several deals, the stages or the settings.
    var singleDealID: String? {
        switch self {
        case .add(let d), .update(let d): return d.id
        case .delete(let id), .move(let id, _), .moveBack(let id, _, _), .shift(let id, _), .markWon(let id),
            .markLost(let id, _), .reopen(let id):
            return id
        case .addActivity(let id, _), .updateActivity(let id, _), .completeActivity(let id, _, _),
            .removeActivity(let id, _):
            return id
        default: return nil
        }
    }
}

extension Board {
    /// `apply(_:at:)` done on this board itself: the same change and the same `Edit` (nil when
    /// nothing changes), and the board is left as it was when the action is refused.
    ///
    /// `apply` changes a copy of the board, so every deal of the array is copied (each with a
    /// dozen references to retain) and the old array is released afterwards: on a 100 000-deal
    /// board that is most of what a keystroke cost. Here an action on one deal writes that deal
    /// in place; only the deal before the change is kept, for the edit. The other actions
    /// (stages, settings, a reorder, which renumbers a column) still go through `apply`.
    public mutating func applyInPlace(_ action: Action, at now: Timestamp) throws(PipelineError) -> Edit? {
        guard let id = action.singleDealID else {
            let outcome = try apply(action, at: now)
            if outcome.edit != nil { self = outcome.board }
            return outcome.edit
        }
        let meta = Edit.Meta(self)
        let index: Int?
        if case .add = action { index = nil } else { index = dealIndex(id) }
        let old = index.map { deals[$0] }
        let touched: [String]?
        do {
            touched = try changeDeals(action, at: now)
        } catch {
            restore(index, old, meta)
            throw error
        }
        guard touched != nil else {
            restore(index, old, meta)
            return nil
        }
        var before: [Int: Deal] = [:], after: [Int: Deal] = [:]
        switch action {
        case .add: after[deals.count - 1] = deals[deals.count - 1]
        case .delete: before[index!] = old!
        default:
            before[index!] = old!
            after[index!] = deals[index!]
        }
        return Edit(before: before, after: after, metaBefore: meta, metaAfter: Edit.Meta(self), focus: id)
    }

    /// Puts back the deal at `index` and the board's other parts after a refused or empty change.
    private mutating func restore(_ index: Int?, _ old: Deal?, _ meta: Edit.Meta) {
        if let index, let old, deals.indices.contains(index), deals[index].id == old.id { deals[index] = old }
        meta.write(to: &self)
    }
}
