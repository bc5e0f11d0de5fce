import PipedeckCore

/// The board's side of working as a team (docs/team.md): who is at the keyboard, the sync under
/// way, and the deals the team changed that the person has not looked at yet.
public struct TeamView: Hashable, Sendable {
    /// Who is at the keyboard (`me =` in the settings, else git's `user.name`): new deals are
    /// theirs, and `M` shows only their deals.
    public internal(set) var me: String?
    /// What the sync under way is doing, for the top line; nil when none runs.
    public internal(set) var syncing: String?
    /// Deals the last syncs brought changes to, until the selection comes to them or they are
    /// opened.
    public internal(set) var marks: [String: TeamMark] = [:]
    /// The board is kept in a git repository that merges it with Pipedeck's driver: the footer
    /// offers `Y sync` only then (pressed elsewhere, `Y` explains how to share the board).
    public internal(set) var shared = false

    public init() {}
}

/// How a deal changed by the team is marked on its card.
public enum TeamMark: Hashable, Sendable {
    /// Someone else changed it.
    case changed
    /// It was changed on both sides: the later change was kept and the other written into its
    /// history.
    case conflict
}

/// What the event loop learns about the team. Its texts are made where git is known (the
/// command-line layer), like those of `FileEvent`.
public enum TeamEvent: Hashable, Sendable {
    /// Who is at the keyboard, once known.
    case identity(String?)
    /// Whether the board is shared through git (its repository merges it with the driver).
    case shared(Bool)
    /// A sync started or reached a new step: what the top line says.
    case syncing(String)
    /// A sync ended: `note` says what came in and went out; `changed` are the deals the team
    /// changed, `conflicts` those changed on both sides.
    case synced(note: StatusMessage, changed: [String], conflicts: [String])
    /// A sync could not be done or not shared anything: why, and what is safe.
    case syncFailed(StatusMessage)
    /// Marks kept from earlier syncs (on the command line, or before the board was last
    /// closed): shown until the person has seen the deals, like those of `synced`.
    case marked(changed: [String], conflicts: [String])
}

extension AppState {
    mutating func handleTeam(_ news: TeamEvent) -> [Effect] {
        switch news {
        case .identity(let me):
            team.me = me.flatMap { $0.isEmpty ? nil : $0 }
        case .shared(let shared):
            team.shared = shared
        case .syncing(let step):
            team.syncing = step
        case .synced(let note, let changed, let conflicts):
            team.syncing = nil
            message = note
            for id in changed where team.marks[id] == nil { team.marks[id] = .changed }
            for id in conflicts { team.marks[id] = .conflict }
            // The deal under the selection is being looked at already, unless it clashed.
            if let id = selectedDeal?.id, team.marks[id] == .changed { team.marks[id] = nil }
        case .syncFailed(let note):
            team.syncing = nil
            message = note
        case .marked(let changed, let conflicts):
            for id in changed where team.marks[id] == nil { team.marks[id] = .changed }
            for id in conflicts { team.marks[id] = .conflict }
        }
        return []
    }

    /// `Y`: a sync, unless one is under way.
    mutating func askSync() -> [Effect] {
        if team.syncing != nil {
            message = StatusMessage(UIText.syncRunning)
            return []
        }
        team.syncing = UIText.syncStarting
        return [.sync]
    }

    /// `M`: only the deals whose owner is me, or every deal again.
    mutating func toggleMyDeals() {
        guard let me = team.me else {
            message = StatusMessage(UIText.whoAmI, isError: true)
            return
        }
        var f = filter
        let mine = f.owner.map { DealFilter.fold($0) == DealFilter.fold(me) } ?? false
        f.owner = mine ? nil : me
        setFilter(f)
        message = StatusMessage(mine ? UIText.everyOwner : UIText.myDealsOnly(me, shownCount))
    }

    /// After a key: the deal the selection came to, or the deal opened, has been seen.
    mutating func markSeen(selectedBefore: String?) {
        if case .detail(let id, _) = mode { team.marks[id] = nil }
        if let id = selectedDeal?.id, id != selectedBefore { team.marks[id] = nil }
    }
}

extension UIText {
    public static var syncStarting: String { tr("sync: starting…", "synchro : démarrage…") }
    public static var syncRunning: String {
        tr(
            "a sync is under way: its result shows here when it ends",
            "une synchro est en cours : son résultat s'affichera ici quand elle sera finie")
    }
    public static var whoAmI: String {
        tr(
            "who are you? set `me = Your Name` in ~/.config/pipedeck/config (or git's user.name) to see your deals",
            "qui êtes-vous ? mettez `me = Votre Nom` dans ~/.config/pipedeck/config (ou le user.name de git) pour voir vos affaires"
        )
    }
    public static var everyOwner: String { tr("every owner's deals", "les affaires de tous les commerciaux") }
    public static func myDealsOnly(_ me: String, _ n: Int) -> String {
        tr(
            "only your deals (owner \(me)): \(n == 1 ? "1 deal" : "\(n) deals") — M again shows everyone's",
            "seulement vos affaires (commercial \(me)) : \(n == 1 ? "1 affaire" : "\(n) affaires") — M de nouveau montre celles de tous"
        )
    }
}
