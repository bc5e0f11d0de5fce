import PipedeckCore
import PipedeckUI

extension BoardRenderer {
    /// What the Lost column is drawn as: a stage of its own name, without probability.
    static let lostStage = Stage(id: "", name: UIText.lostColumnName, probability: .zero)

    /// The marker at the right of a card's figures: the lost reason on a lost card, the expected
    /// close date on an open card while the board is sorted by close date, else the next action.
    func cardMarker(_ d: Deal) -> (long: String, short: String, role: StyleRole) {
        guard state.sort == .close, d.status == .open else { return actionMarker(d) }
        guard let close = d.expectedClose else {
            return (g.none + " " + RenderText.noCloseDate, g.none, .noAction)
        }
        let c = close.components
        let day = Strings.monthShort[c.month - 1] + " \(c.day)"
        // The year only for a date more than ~10 months away (or in another year and past).
        let near = abs(state.today.days(until: close)) < 300 && (c.year == state.today.year || close > state.today)
        let when = near ? day : day + " \(c.year)"
        let role: StyleRole = close < state.today ? .overdue : close == state.today ? .dueToday : .upcoming
        return (RenderText.closes + " " + when, when, role)
    }
}

extension RenderText {
    public static var closes: String { tr("closes", "conclusion") }
    public static var noCloseDate: String { tr("no close date", "sans date de conclusion") }
}
