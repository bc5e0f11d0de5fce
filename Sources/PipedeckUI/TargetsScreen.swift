import PipedeckCore

/// The targets screen (`T` on the board): a period (month or quarter) with the team's target
/// and each owner's, what was won against each, and the weighted value closing in it. ← → go to
/// other periods, p switches months and quarters (the footer follows), Enter sets a target,
/// d removes it.
public struct TargetsView: Hashable, Sendable {
    public var period: Period
    public var selection = 0
    /// Typing the selected line's target; nil while not typing.
    public var editor: LineEditor?
    public var error: String?
    public init(period: Period) { self.period = period }
}

public enum TargetsCommand: Hashable, Sendable {
    case list(ListCommand)
    case previousPeriod, nextPeriod, switchKind, edit, remove, close, help, quit
}

public enum TargetEditCommand: Hashable, Sendable {
    case save, cancel, quit, type
}

extension Bindings {
    public static let targets = KeyTable<TargetsCommand>(
        KeyBinding.upDown(
            TargetsCommand.list, up: tr("previous line", "ligne précédente"), down: tr("next line", "ligne suivante"))
            + [
                KeyBinding(
                    [.left, .char("h")], .previousPeriod,
                    tr("previous month or quarter", "mois ou trimestre précédent"), hint: tr("period", "période"),
                    hintKeys: "←→"),
                KeyBinding(
                    [.right, .char("l")], .nextPeriod, tr("next month or quarter", "mois ou trimestre suivant")),
                KeyBinding(
                    [.char("p")], .switchKind,
                    tr(
                        "months or quarters (the footer follows; remembered)",
                        "mois ou trimestres (le pied suit ; mémorisé)"),
                    hint: tr("month/quarter", "mois/trimestre")),
                KeyBinding(
                    [.enter, .char("e")], .edit,
                    tr(
                        "set the target of the line (team or owner)",
                        "fixer l'objectif de la ligne (équipe ou commercial)"), hint: tr("set", "fixer")),
                KeyBinding(
                    [.char("d"), .delete], .remove,
                    tr("remove the target of the line", "retirer l'objectif de la ligne"), hint: tr("remove", "retirer")
                ),
                KeyBinding(
                    [.escape, .char("q"), .char("T")], .close, tr("back to the board", "retour au tableau"),
                    hint: tr("close", "fermer"), hintKeys: tr("Esc", "Échap")),
                KeyBinding([.char("?")], .help, KeyText.helpHere),
                .quit(.quit),
            ])

    public static let targetEdit = KeyTable<TargetEditCommand>([
        KeyBinding([.enter], .save, tr("save the target", "enregistrer l'objectif"), hint: tr("save", "enregistrer")),
        KeyBinding(
            [.escape], .cancel, tr("back to the targets without changing it", "retour aux objectifs sans le changer"),
            hint: tr("cancel", "annuler")),
        .quit(.quit),
        KeyBinding(
            .anyKey, label: KeyText.otherKeys, .type,
            tr("type the amount (text-field keys)", "taper le montant (touches des champs de texte)")),
    ])
}

/// One line of the targets screen: the team (owner nil) or an owner.
public struct TargetLine: Hashable, Sendable {
    public var owner: String?
    public var progress: PeriodProgress
}

extension AppState {
    /// The team, then every owner named on a deal or a target of the period, by name.
    public func targetLines(_ period: Period) -> [TargetLine] {
        var owners = board.usedValues(\.owner)
        for t in board.settings.targets where t.period == period {
            if let o = t.owner, !owners.contains(where: { SalesTarget.sameOwner($0, o) }) { owners.append(o) }
        }
        owners.sort { $0.lowercased() < $1.lowercased() }
        let p = PeriodProgress.perOwner(board: board, period: period, today: today, zone: zone, owners: owners)
        return [TargetLine(owner: nil, progress: p.team)]
            + zip(owners, p.owners).map { TargetLine(owner: $0, progress: $1) }
    }

    mutating func openTargets() { mode = .targets(TargetsView(period: Period(today, kind: periodKind))) }

    mutating func handleTargets(_ key: Key, _ view: TargetsView) -> [Effect] {
        var v = view
        if let editor = v.editor { return handleTargetEdit(key, v, editor) }
        guard let command = Bindings.targets.command(for: key) else { return [] }
        let lines = targetLines(v.period)
        let sel = min(v.selection, max(0, lines.count - 1))
        var effects: [Effect] = []
        switch command {
        case .list(let step): v.selection = step.apply(to: sel, count: lines.count, page: listPage)
        case .previousPeriod: v.period = v.period.adding(-1)
        case .nextPeriod: v.period = v.period.adding(1)
        case .switchKind:
            let kind: PeriodKind = periodKind == .month ? .quarter : .month
            setPeriod(kind)
            v.period = Period(v.period.firstDay, kind: kind)
            effects = [.rememberPeriod(kind)]
        case .edit:
            if isReadOnly { return refuseReadOnly() }
            let current = board.settings.targets.first { $0.isFor(v.period, owner: lines[sel].owner) }
            v.editor = LineEditor(current.map { $0.amount.canonical } ?? "")
            v.error = nil
        case .remove:
            if isReadOnly { return refuseReadOnly() }
            let owner = lines[sel].owner
            effects = perform(
                .removeTarget(period: v.period, owner: owner), label: UIText.labelTarget(v.period, owner),
                follow: nil)
        case .close:
            mode = .board
            return []
        case .help:
            openHelp()
            return []
        case .quit: return [.quit]
        }
        mode = .targets(v)
        return effects
    }

    mutating func handleTargetEdit(_ key: Key, _ view: TargetsView, _ editor: LineEditor) -> [Effect] {
        guard let command = Bindings.targetEdit.command(for: key) else { return [] }
        var v = view, e = editor
        switch command {
        case .cancel: v.editor = nil; v.error = nil
        case .quit: return [.quit]
        case .type:
            _ = e.handle(key)
            v.editor = e
            v.error = nil
        case .save:
            switch AmountParser.parse(e.text, .written) {
            case .failure(let p):
                v.error = Strings.amountProblem(p)
            case .success(let r):
                let lines = targetLines(v.period)
                let owner = lines[min(v.selection, max(0, lines.count - 1))].owner
                let effects = perform(
                    .setTarget(SalesTarget(period: v.period, owner: owner, amount: r.amount)),
                    label: UIText.labelTarget(v.period, owner), follow: nil)
                if message?.isError == true, effects.isEmpty, message?.text != UIText.noChange {
                    v.error = message?.text
                    mode = .targets(v)
                    return []
                }
                v.editor = nil
                mode = .targets(v)
                return effects
            }
        }
        mode = .targets(v)
        return []
    }
}

extension UIText {
    public static func labelTarget(_ p: Period, _ owner: String?) -> String {
        tr("target \(p) (\(Strings.Targets.who(owner)))", "objectif \(p) (\(Strings.Targets.who(owner)))")
    }
    public static func boardOpened(_ name: String) -> String { tr("opened \(name)", "\(name) ouvert") }
    public static var boardNotSwitchedSyncing: String {
        tr(
            "not switched: a sync with the team is under way; switch again when it has ended",
            "pas de changement de tableau : une synchro avec l'équipe est en cours ; réessayez quand elle sera finie")
    }
    public static func boardNotSwitched(_ why: String) -> String {
        tr(
            "not switched: the changes to this board are not saved (\(why)); they stay here",
            "pas de changement de tableau : les modifications de ce tableau ne sont pas enregistrées (\(why)) ; elles restent ici"
        )
    }
    public static func boardNotOpened(_ why: String) -> String { tr("not opened: \(why)", "pas ouvert : \(why)") }
    public static func periodRemembered(_ kind: PeriodKind) -> String {
        tr("the footer follows the \(Strings.periodKindName(kind))", "le pied suit le \(Strings.periodKindName(kind))")
    }
}
