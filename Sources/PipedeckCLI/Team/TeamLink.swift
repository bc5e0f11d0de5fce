import Foundation
import PipedeckCore
import PipedeckStorage
import PipedeckUI

/// The open board's link with the team's git repository (docs/team.md). Everything git does runs
/// as a background job (`JobQueue`); what it finds comes back to the state as `Event.team`
/// through `BoardSync.send`, so keys keep working during a sync:
///
/// - on open, a look at the repository: who is at the keyboard (`me =`, else git's `user.name`),
///   whether the board is shared through git, and whether this clone lacks the merge driver
///   (said once, with the fix);
/// - `Y` (and the automatic syncs of the settings: on open, on quit, every N minutes) runs
///   `TeamSync` once the saves under way have ended; each step shows on the top line, and at
///   the end the file git merged is reloaded in place and the deals the team changed are marked.
///
/// TeamLink belongs to the event loop's thread.
final class TeamLink {
    /// What the look at the repository found.
    struct Look: Sendable {
        var me: String?
        /// The board is in a git repository and merged by Pipedeck's driver there.
        var shared = false
        /// ... but git does not know the driver in this clone.
        var driverMissing = false
        var top: String?
        /// Where this clone keeps its marks, and the marks kept there (`TeamMarks`).
        var marksFile: TeamMarksFile?
        var marks = TeamMarks()
    }

    enum Output: Sendable {
        case looked(Look)
        case synced(Result<TeamSync.Result, TeamRepo.Refusal>)
    }

    let path: String
    let environment: [String: String]
    /// The `pipedeck` git runs as the merge driver, found when a sync starts (`Bundle.main`
    /// takes milliseconds to make, which the first frame need not wait for).
    private(set) lazy var program: String = programGiven ?? TeamIdentity.program
    private let programGiven: String?
    let auto: AutoSync
    private let jobs = JobQueue<Output>(label: "pipedeck.team")
    private let steps = Mailbox<TeamSync.Step>()
    private var look: Look?
    /// A sync was asked for and waits for the saves under way to end.
    private var wanted = false
    private(set) var syncing = false
    /// When the last sync ended (or the board opened).
    var lastSync = Date()
    /// This clone's marks file, once the look at the repository found it; the marks it holds
    /// as far as this board knows, and the file as it was when last read or written.
    private var marksFile: TeamMarksFile?
    private var marksKept: [String: TeamMark] = [:]
    private var marksRead: FileFingerprint?

    init(path: String, environment: [String: String], program: String? = nil) {
        self.path = path
        self.environment = environment
        programGiven = program
        auto = AutoSync(settings: TeamIdentity.settingsText(environment))
    }

    /// On open: the look at the repository, in the background; a settings line not understood
    /// is said.
    func start(_ board: BoardSync, _ state: inout AppState) {
        if let problem = auto.problem { board.send(.notice(StatusMessage(problem, isError: true)), &state) }
        let (path, env) = (path, environment)
        jobs.start { .looked(TeamLink.lookAt(board: path, environment: env)) }
    }

    /// Git is at work, or a sync waits for a save to end.
    var isBusy: Bool { jobs.isBusy || wanted }

    /// A sync runs or waits for a save (the look at the repository on open does not count: it
    /// only reads, and its result is dropped with this link when another board opens).
    var isSyncing: Bool { syncing || wanted }

    /// How long the event loop may wait for a key: briefly while git works, to show its steps.
    var readTimeout: Int? { isBusy ? 100 : nil }

    /// `Y`, or an automatic sync: started once no save is under way.
    func request(_ board: BoardSync, _ state: inout AppState) {
        if state.team.syncing == nil { board.send(.team(.syncing(UIText.syncStarting)), &state) }
        wanted = true
        startIfReady(board)
    }

    private func startIfReady(_ board: BoardSync) {
        guard wanted, !syncing, !board.saver.isBusy else { return }
        wanted = false
        syncing = true
        let options = TeamSync.Options(
            board: path, environment: environment, interactive: false, me: TeamIdentity.fromSettings(environment),
            program: program)
        let steps = self.steps
        jobs.start {
            .synced(Result { () throws(TeamRepo.Refusal) in try TeamSync(options, progress: { steps.post($0) }).run() })
        }
    }

    /// Takes in what git found since the last call. Returns whether anything was sent to the state.
    @discardableResult
    func collect(_ board: BoardSync, _ state: inout AppState) -> Bool {
        keepMarks(state)
        startIfReady(board)
        var any = false
        while let step = steps.take() {
            board.send(.team(.syncing(TeamText.step(step))), &state)
            any = true
        }
        while let output = jobs.takeFinished() {
            take(output, board, &state)
            any = true
        }
        if marksChangedElsewhere(board, &state) { any = true }
        return any
    }

    private func take(_ output: Output, _ board: BoardSync, _ state: inout AppState) {
        switch output {
        case .looked(let found):
            look = found
            board.send(.team(.identity(found.me)), &state)
            board.send(.team(.shared(found.shared)), &state)
            if let file = found.marksFile { openMarks(file, found.marks, board, &state) }
            if found.driverMissing, let top = found.top {
                board.send(.notice(StatusMessage(TeamText.driverMissing(top), isError: true)), &state)
            }
            if found.shared && auto.onOpen { request(board, &state) }
        case .synced(let result):
            syncing = false
            lastSync = Date()
            // The file git merged is shown now (or merged with what was typed meanwhile).
            board.look(&state)
            switch result {
            case .success(let r):
                // The sync wrote these marks into the file.
                for c in r.received.deals where c.kind != .deleted { marksKept[c.id] = .changed }
                for c in r.conflicts { marksKept[c.id] = .conflict }
                marksRead = marksFile?.fingerprint()
                board.send(
                    .team(
                        .synced(
                            note: TeamText.outcome(r), changed: r.received.deals.map(\.id),
                            conflicts: r.conflicts.map(\.id))), &state)
            case .failure(let refusal):
                board.send(.team(.syncFailed(StatusMessage(TeamText.refused(refusal.message), isError: true))), &state)
            }
            // Found out by the sync: the driver is registered now.
            look?.driverMissing = false
        }
    }

    /// While idle: the automatic sync every N minutes.
    func tick(_ board: BoardSync, _ state: inout AppState) {
        guard let minutes = auto.everyMinutes, look?.shared == true, !syncing, !wanted else { return }
        if Date().timeIntervalSince(lastSync) >= Double(minutes) * 60 { request(board, &state) }
    }

    /// Before quitting: waits for a sync under way and, when the settings ask for it, syncs once
    /// more. Returns what to print once the terminal is restored (nil: nothing happened).
    func finish(_ board: BoardSync, _ state: inout AppState, draw: () -> Void) -> String? {
        defer { keepMarks(state) }
        keepMarks(state)
        var said: String?
        while let output = jobs.waitForNext() {
            take(output, board, &state)
            said = state.message?.text
        }
        guard auto.onQuit, look?.shared == true else { return said }
        board.finish(&state)
        request(board, &state)
        draw()
        while isBusy {
            startIfReady(board)
            guard let output = jobs.waitForNext() else { break }
            take(output, board, &state)
        }
        return state.message?.text
    }

    // MARK: Marks kept in the clone

    /// On open: the marks kept in the clone are shown, but those of deals no longer on the
    /// board, which are taken out of the file.
    private func openMarks(_ file: TeamMarksFile, _ marks: TeamMarks, _ board: BoardSync, _ state: inout AppState) {
        marksFile = file
        marksRead = file.fingerprint()
        let ids = Set(state.board.deals.map(\.id))
        let gone = marks.changed.union(marks.conflicts).subtracting(ids)
        if !gone.isEmpty {
            file.update { $0.remove(gone) }
            marksRead = file.fingerprint()
        }
        show(
            TeamMarks(changed: marks.changed.intersection(ids), conflicts: marks.conflicts.intersection(ids)), board,
            &state)
    }

    private func show(_ marks: TeamMarks, _ board: BoardSync, _ state: inout AppState) {
        guard !marks.isEmpty else { return }
        for id in marks.changed where marksKept[id] == nil { marksKept[id] = .changed }
        for id in marks.conflicts { marksKept[id] = .conflict }
        board.send(.team(.marked(changed: marks.changed.sorted(), conflicts: marks.conflicts.sorted())), &state)
    }

    /// The marks the person has seen since the last call (the selection came to them, or they
    /// were opened) are taken out of the file.
    func keepMarks(_ state: AppState) {
        guard let file = marksFile, marksKept != state.team.marks else { return }
        let seen = marksKept.keys.filter { state.team.marks[$0] == nil }
        marksKept = state.team.marks
        guard !seen.isEmpty else { return }
        file.update { $0.remove(seen) }
        marksRead = file.fingerprint()
    }

    /// A sync on the command line (or another board on this clone) changed the marks file:
    /// the marks it added are shown.
    private func marksChangedElsewhere(_ board: BoardSync, _ state: inout AppState) -> Bool {
        guard let file = marksFile, !syncing else { return false }
        let now = file.fingerprint()
        guard now != marksRead else { return false }
        marksRead = now
        let marks = file.read()
        let fresh = TeamMarks(
            changed: marks.changed.filter { marksKept[$0] == nil },
            conflicts: marks.conflicts.filter { marksKept[$0] != .conflict })
        show(fresh, board, &state)
        return !fresh.isEmpty
    }

    /// In the background: the repository holding the board, if any, and what the board needs from it.
    static func lookAt(board path: String, environment: [String: String]) -> Look {
        guard let repo = try? TeamRepo.find(board: path, environment: environment, interactive: false) else {
            // Not shared: git's user.name may still say who I am.
            let folder = (TeamRepo.realPath(path) as NSString).deletingLastPathComponent
            return Look(me: TeamIdentity.me(boardFolder: folder, environment: environment))
        }
        var look = Look(me: TeamIdentity.fromSettings(environment))
        if look.me == nil {
            let name = repo.git.run(["config", "user.name"]).text
            look.me = name.isEmpty ? nil : name
        }
        look.top = repo.top
        look.shared = repo.boardUsesDriver
        if look.shared {
            let file = TeamMarksFile(repo: repo)
            look.marksFile = file
            look.marks = file.read()
        }
        look.driverMissing = look.shared && !repo.driverRegistered
        return look
    }
}

/// The automatic syncs asked for in the settings file: `sync = open, quit, every 15 min`
/// (any of the three; `off` for none).
struct AutoSync: Equatable {
    var onOpen = false
    var onQuit = false
    var everyMinutes: Int?
    /// The line was not understood: what to say.
    var problem: String?

    init(settings text: String?) {
        guard let text else { return }
        for line in text.split(whereSeparator: \.isNewline) {
            guard let (k, v) = ThemeConfig.setting(line), k == "sync" else { continue }
            self = AutoSync(value: v)
        }
    }

    init(value: String) {
        let words = value.lowercased().split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
        for w in words {
            switch w {
            case "open": onOpen = true
            case "quit": onQuit = true
            case "every", "min", "mins", "minute", "minutes", "and": continue
            case "off", "never", "no", "none": onOpen = false; onQuit = false; everyMinutes = nil
            default:
                var digits = Substring(w)
                for unit in ["minutes", "minute", "mins", "min", "m"] where digits.hasSuffix(unit) {
                    digits = digits.dropLast(unit.count)
                    break
                }
                if let n = Int(digits), n > 0, n <= 24 * 60 {
                    everyMinutes = n
                } else {
                    problem = TeamText.badAutoSync(value, String(w))
                    return
                }
            }
        }
    }
}

extension TeamIdentity {
    /// The settings file's text, if there is one.
    static func settingsText(_ environment: [String: String]) -> String? {
        ThemeConfig.read(ThemePlaces(environment: environment))
    }
}

/// What the board says about the team.
enum TeamText {
    static func step(_ s: TeamSync.Step) -> String {
        switch s {
        case .committing: return tr("sync: committing your changes…", "synchro : enregistrement de vos modifications…")
        case .fetching: return tr("sync: fetching the team's…", "synchro : récupération de celles de l'équipe…")
        case .merging: return tr("sync: merging…", "synchro : fusion…")
        case .pushing: return tr("sync: sending yours…", "synchro : envoi des vôtres…")
        }
    }

    static func changes(_ n: Int) -> String {
        tr(n == 1 ? "1 change" : "\(n) changes", n == 1 ? "1 modification" : "\(n) modifications")
    }

    static func outcome(_ r: TeamSync.Result) -> StatusMessage {
        let remote = r.remote ?? tr("the team", "l'équipe")
        var s: String
        switch r.outcome {
        case .alreadyInSync:
            s = tr("synced · already in step with \(remote)", "synchronisé · déjà à jour avec \(remote)")
        case .synced:
            s = tr("synced with \(remote) · ", "synchronisé avec \(remote) · ")
            s +=
                r.received.deals.isEmpty
                ? tr("nothing new from the team", "rien de nouveau de l'équipe")
                : changes(r.received.deals.count) + tr(" from the team", " de l'équipe")
            if !r.sent.deals.isEmpty { s += " · " + changes(r.sent.deals.count) + tr(" sent", " envoyées") }
        case .notShared(let why):
            // The reason says what is safe where ("your changes are committed here").
            var reason = oneLine(why)
            let notShared = tr("Not shared: ", "Non partagé : ")
            if reason.hasPrefix(notShared) { reason.removeFirst(notShared.count) }
            return StatusMessage(tr("not synced: ", "non synchronisé : ") + reason, isError: true)
        }
        let conflicts = r.conflicts
        if !conflicts.isEmpty {
            let names = conflicts.prefix(3).map { tr("“\($0.title)”", "« \($0.title) »") }.joined(separator: ", ")
            s +=
                tr(
                    " · changed on both sides, the later change kept and the other in the deal's history (!): ",
                    " · modifiées des deux côtés, la plus récente gardée et l'autre dans l'historique de l'affaire (!) : "
                )
                + names
            if conflicts.count > 3 { s += tr(" and \(conflicts.count - 3) more", " et \(conflicts.count - 3) de plus") }
        }
        return StatusMessage(s, isError: !conflicts.isEmpty)
    }

    static func refused(_ why: String) -> String { tr("cannot sync: ", "synchro impossible : ") + oneLine(why) }

    static func driverMissing(_ top: String) -> String {
        tr(
            "this board is shared through git, but git in \(top) does not know Pipedeck's merge driver "
                + "(git does not copy it with a clone; a plain `git pull` could leave conflict markers): "
                + "press Y to sync (it registers it) or run `pipedeck sync`",
            "ce tableau est partagé par git, mais git dans \(top) ne connaît pas le pilote de fusion de Pipedeck "
                + "(git ne le copie pas avec un clone ; un simple `git pull` pourrait laisser des marques de conflit) : "
                + "appuyez sur Y pour synchroniser (il l'enregistre) ou lancez `pipedeck sync`")
    }

    static func badAutoSync(_ value: String, _ word: String) -> String {
        tr(
            "settings: “sync = \(value)” — “\(word)” is not understood; write for instance "
                + "“sync = open, quit, every 15 min” (or “sync = off”)",
            "réglages : « sync = \(value) » — « \(word) » n'est pas compris ; écrivez par exemple "
                + "« sync = open, quit, every 15 min » (ou « sync = off »)")
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
