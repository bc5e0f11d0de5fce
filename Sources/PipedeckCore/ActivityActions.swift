import Foundation

extension Board {
    /// Applies an action on a deal's activities to this board (read before written); returns the
    /// deal it touched, nil when nothing changes. A change to a deal's activities is a change to the
    /// deal: it is stamped `updatedAt`, so logging a call makes a stale deal fresh again.
    mutating func changeActivities(_ action: Action, at now: Timestamp) throws(PipelineError) -> [String]? {
        switch action {
        case .addActivity(let dealID, let activity):
            guard let i = dealIndex(dealID) else { throw .unknownDeal(dealID) }
            let a = try checked(activity)
            if a.id.isEmpty || deals.contains(where: { $0.activityIndex(a.id) != nil }) {
                throw .invalid(field: "activity", reason: Strings.duplicateActivityID(a.id))
            }
            deals[i].activities.append(a)
        case .updateActivity(let dealID, let activity):
            guard let i = dealIndex(dealID) else { throw .unknownDeal(dealID) }
            guard let k = deals[i].activityIndex(activity.id) else { throw .unknownActivity(activity.id) }
            let a = try checked(activity)
            if deals[i].activities[k] == a { return nil }
            deals[i].activities[k] = a
        case .completeActivity(let dealID, let activityID, let outcome):
            guard let i = dealIndex(dealID) else { throw .unknownDeal(dealID) }
            guard let k = deals[i].activityIndex(activityID) else { throw .unknownActivity(activityID) }
            var a = deals[i].activities[k]
            let note = Board.cleanText(outcome)
            if a.done && (note == nil || note == a.outcome) { return nil }
            if !a.done {
                a.done = true
                a.doneAt = now
            }
            if let note { a.outcome = note }
            deals[i].activities[k] = a
        case .removeActivity(let dealID, let activityID):
            guard let i = dealIndex(dealID) else { throw .unknownDeal(dealID) }
            guard let k = deals[i].activityIndex(activityID) else { throw .unknownActivity(activityID) }
            deals[i].activities.remove(at: k)
        default:
            return nil
        }
        guard let id = action.dealID, let i = dealIndex(id) else { return nil }
        deals[i].updatedAt = now
        return [id]
    }

    /// The activity as it is kept: subject and outcome trimmed (an empty outcome is none); refused
    /// without a subject, with a duration out of range or a time without a day.
    func checked(_ activity: Activity) throws(PipelineError) -> Activity {
        var a = activity
        guard let subject = Board.cleanText(a.subject) else {
            throw .invalid(field: "subject", reason: Strings.emptySubject)
        }
        a.subject = subject
        a.outcome = Board.cleanText(a.outcome)
        a.owner = Board.cleanText(a.owner)
        if let d = a.duration, !Activity.durationRange.contains(d) {
            throw .invalid(field: "duration", reason: Strings.durationRange)
        }
        if a.time != nil && a.due == nil { throw .invalid(field: "time", reason: Strings.timeWithoutDay) }
        if !a.done { a.doneAt = nil }
        return a
    }

    /// Text without blanks around it; nil when nothing is left.
    static func cleanText(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }
}

extension Action {
    /// The deal an action on activities is about.
    var dealID: String? {
        switch self {
        case .addActivity(let id, _), .updateActivity(let id, _), .completeActivity(let id, _, _),
            .removeActivity(let id, _):
            return id
        default: return nil
        }
    }
}
