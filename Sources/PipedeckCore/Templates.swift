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
                Stage(
                    id: "lead", name: tr("Lead generation", "Génération de prospects"), probability: Percent(10),
                    rotDays: 21),
                Stage(
                    id: "qualification", name: tr("Qualification", "Qualification"), probability: Percent(20),
                    rotDays: 14),
                Stage(
                    id: "needs", name: tr("Needs analysis", "Analyse des besoins"), probability: Percent(40),
                    rotDays: 14),
                Stage(id: "proposal", name: tr("Proposal", "Proposition"), probability: Percent(60), rotDays: 10),
                Stage(id: "negotiation", name: tr("Negotiation", "Négociation"), probability: Percent(80), rotDays: 7),
                Stage(id: "closing", name: tr("Closing", "Conclusion"), probability: Percent(90), rotDays: 5),
                Stage(
                    id: "won", name: tr("Won · Follow-up", "Suivi après-vente"), probability: Percent(100), kind: .won,
                    rotDays: 0),
            ]
        case .fiveStep:
            return [
                Stage(id: "prospecting", name: tr("Prospecting", "Prospection"), probability: Percent(10), rotDays: 21),
                Stage(
                    id: "qualification", name: tr("Qualification", "Qualification"), probability: Percent(25),
                    rotDays: 14),
                Stage(
                    id: "presentation", name: tr("Presentation", "Présentation"), probability: Percent(50), rotDays: 10),
                Stage(id: "proposal", name: tr("Proposal", "Proposition"), probability: Percent(70), rotDays: 7),
                Stage(id: "closing", name: tr("Closing", "Conclusion"), probability: Percent(90), rotDays: 5),
                Stage(id: "won", name: tr("Won", "Gagnée"), probability: Percent(100), kind: .won, rotDays: 0),
            ]
        }
    }

    public func board(name: String = tr("My pipeline", "Mon pipeline"), currency: String = "EUR") -> Board {
        Board(name: name, currency: currency, stages: stages)
    }
}
