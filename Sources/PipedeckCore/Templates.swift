/// Stage sets a new board can start from.
public enum Template: String, CaseIterable, Sendable {
    /// The seven steps of the sales process: lead generation to post-sale follow-up.
    case standard
    /// The shorter five-step process: prospecting to closing.
    case fiveStep = "five-step"

    public var stages: [Stage] {
        switch self {
        case .standard:
            return [
                Stage(id: "lead", name: "Lead generation", probability: Percent(10), rotDays: 21),
                Stage(id: "qualification", name: "Qualification", probability: Percent(20), rotDays: 14),
                Stage(id: "needs", name: "Needs analysis", probability: Percent(40), rotDays: 14),
                Stage(id: "proposal", name: "Proposal", probability: Percent(60), rotDays: 10),
                Stage(id: "negotiation", name: "Negotiation", probability: Percent(80), rotDays: 7),
                Stage(id: "closing", name: "Closing", probability: Percent(90), rotDays: 5),
                Stage(id: "won", name: "Won · Follow-up", probability: Percent(100), kind: .won, rotDays: 0),
            ]
        case .fiveStep:
            return [
                Stage(id: "prospecting", name: "Prospecting", probability: Percent(10), rotDays: 21),
                Stage(id: "qualification", name: "Qualification", probability: Percent(25), rotDays: 14),
                Stage(id: "presentation", name: "Presentation", probability: Percent(50), rotDays: 10),
                Stage(id: "proposal", name: "Proposal", probability: Percent(70), rotDays: 7),
                Stage(id: "closing", name: "Closing", probability: Percent(90), rotDays: 5),
                Stage(id: "won", name: "Won", probability: Percent(100), kind: .won, rotDays: 0),
            ]
        }
    }

    public func board(name: String = "My pipeline", currency: String = "EUR") -> Board {
        Board(name: name, currency: currency, stages: stages)
    }
}
