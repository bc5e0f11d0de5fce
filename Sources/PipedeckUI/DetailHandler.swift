import PipedeckCore

/// The details screen's keys (`Bindings.detail`) and its recommendation-score prompt
/// (`Bindings.npsPrompt`).
extension AppState {
    mutating func handleDetail(_ key: Key, dealID id: String, scroll: Int) -> [Effect] {
        guard let command = Bindings.detail.command(for: key) else { return [] }
        switch command {
        case .close: mode = .board
        case .quit: return [.quit]
        case .scroll(let step): mode = .detail(dealID: id, scroll: step.apply(to: scroll, page: boxPage))
        case .deal(let c):
            guard let deal = board.deal(id) else { return [] }
            return run(c, on: deal, scroll: scroll)
        }
        return []
    }

    mutating func run(_ command: DetailDealCommand, on deal: Deal, scroll: Int) -> [Effect] {
        switch command {
        case .edit: mode = .form(DealForm(board: board, deal: deal, stageID: nil))
        case .qualify(let point):
            if isReadOnly { return refuseReadOnly() }
            var changed = deal
            changed.qualification = (deal.qualification ?? Qualification()).toggling(point)
            let fx = perform(.update(changed), label: UIText.labelQualification, follow: deal.id)
            mode = .detail(dealID: deal.id, scroll: scroll)
            return fx
        case .nextAction: planActivity(on: deal, origin: .detail(scroll: scroll))
        case .completeAction: return completeActivity(deal.id, origin: .detail(scroll: scroll))
        case .logActivity: logActivity(on: deal, origin: .detail(scroll: scroll))
        case .copyPhone, .copyEmail:
            let phone = command == .copyPhone
            guard let text = phone ? deal.phone : deal.email else {
                message = StatusMessage(phone ? UIText.noPhone : UIText.noEmail)
                return []
            }
            message = StatusMessage(UIText.copied(text))
            return [.copyToClipboard(text)]
        case .editNotes: return isReadOnly ? [] : [.editNotes(dealID: deal.id)]
        case .recommendation:
            if isReadOnly { return refuseReadOnly() }
            if deal.status != .won { message = StatusMessage(UIText.npsOnlyWon); return [] }
            mode = .npsPrompt(dealID: deal.id, editor: LineEditor(deal.npsScore.map(String.init) ?? ""), error: nil)
        }
        return []
    }

    mutating func handleNPSPrompt(_ key: Key, dealID id: String, editor: LineEditor) -> [Effect] {
        guard let command = Bindings.npsPrompt.command(for: key) else { return [] }
        var editor = editor
        switch command {
        case .cancel: mode = .detail(dealID: id, scroll: 0)
        case .interrupt:
            let saved = board.deal(id)?.npsScore.map(String.init) ?? ""
            interrupt(typed: editor.text != saved, cancel: .detail(dealID: id, scroll: 0))
        case .save: return saveRecommendation(editor, dealID: id)
        case .type:
            _ = editor.handle(key)
            mode = .npsPrompt(dealID: id, editor: editor, error: nil)
        }
        return []
    }

    /// Enter in the score prompt: a score from 0 to 10, or none when the field is empty.
    mutating func saveRecommendation(_ editor: LineEditor, dealID id: String) -> [Effect] {
        let t = editor.text.trimmingCharacters(in: .whitespaces)
        let score: Int?
        if t.isEmpty {
            score = nil
        } else {
            switch DecimalParser.whole(t, in: Deal.npsRange) {
            case .success(let n): score = n
            case .failure(let problem):
                let why = problem == .tooManyDecimals ? UIText.npsWhole : UIText.npsRange
                mode = .npsPrompt(dealID: id, editor: editor, error: why)
                return []
            }
        }
        guard var d = board.deal(id) else { mode = .board; return [] }
        mode = .detail(dealID: id, scroll: 0)
        if d.npsScore == score { return [] }
        d.npsScore = score
        let fx = perform(.update(d), label: UIText.labelNPS, follow: id)
        if !fx.isEmpty { message = StatusMessage(UIText.npsSaved(score)) }
        return fx
    }
}

extension Qualification {
    /// The qualification with one point turned on or off.
    func toggling(_ point: QualificationPoint) -> Qualification {
        var q = self
        switch point {
        case .budget: q.budget.toggle()
        case .authority: q.authority.toggle()
        case .need: q.need.toggle()
        case .timeline: q.timeline.toggle()
        }
        return q
    }
}
