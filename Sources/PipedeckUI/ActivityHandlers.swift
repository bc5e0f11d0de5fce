import PipedeckCore

/// Saving the activity dialog (`ActivityForm`): logging, planning, changing, rescheduling,
/// and the follow-up after an activity was marked done.
extension AppState {
    mutating func saveActivity(_ form: ActivityForm) -> [Effect] {
        var form = form
        guard let deal = board.deal(form.dealID) else { mode = .board; return [] }
        let draft: ActivityForm.Draft
        switch form.build(today: today) {
        case .failure(let p):
            form.error = p.message
            form.errorField = p.field
            form.focus = p.field
            mode = .activity(form)
            return []
        case .success(let d): draft = d
        }
        let back = form.origin.mode(dealID: deal.id)
        var fx: [Effect] = []
        var said: String? = nil
        switch form.purpose {
        case .log:
            var a = board.newActivity(on: deal, type: draft.type, subject: draft.subject ?? "", at: now)
            a.done = true
            a.doneAt = now
            a.outcome = draft.outcome
            fx = perform(.addActivity(dealID: deal.id, a), label: UIText.labelLog, follow: deal.id)
            said = UIText.logged(a.type, a.subject)
        case .followUp(let doneID, _):
            if draft.outcome != nil {
                fx += perform(
                    .completeActivity(dealID: deal.id, activityID: doneID, outcome: draft.outcome),
                    label: UIText.labelDone, follow: deal.id)
            }
            fx += plan(draft, on: board.deal(deal.id) ?? deal, changing: nil, said: &said)
        case .plan:
            let current = form.activityID.flatMap { id in deal.activities.first { $0.id == id } }
            fx = plan(draft, on: deal, changing: current, said: &said)
        }
        if message?.isError == true {
            // Refused by the board's rules: the dialog stays, with the reason.
            form.error = message?.text
            message = nil
            mode = .activity(form)
            return fx.isEmpty ? [] : [.save]
        }
        mode = back
        if let said, !fx.isEmpty { message = StatusMessage(said) }
        if fx.isEmpty && message?.text == UIText.noChange { message = nil }
        return fx.isEmpty ? [] : [.save]
    }

    /// Plans `draft` on the deal: a new activity, a change to `changing`, or (no subject) none —
    /// removing `changing`.
    private mutating func plan(_ draft: ActivityForm.Draft, on deal: Deal, changing: Activity?, said: inout String?)
        -> [Effect]
    {
        guard let subject = draft.subject else {
            guard let old = changing else { said = UIText.noStepPlanned; return [] }
            let fx = perform(
                .removeActivity(dealID: deal.id, activityID: old.id), label: UIText.labelNextAction, follow: deal.id)
            said = UIText.noStepPlanned
            return fx
        }
        var a = changing ?? board.newActivity(on: deal, type: draft.type, subject: subject, at: now)
        let moved = changing != nil && (a.due != draft.due || a.time != draft.time) && a.subject == subject
        a.type = draft.type
        a.subject = subject
        a.due = draft.due
        a.time = draft.time
        a.duration = draft.duration
        let action: Action =
            changing == nil ? .addActivity(dealID: deal.id, a) : .updateActivity(dealID: deal.id, a)
        said = moved ? UIText.rescheduled(subject) : UIText.planned(subject)
        return perform(action, label: UIText.labelNextAction, follow: deal.id)
    }
}
