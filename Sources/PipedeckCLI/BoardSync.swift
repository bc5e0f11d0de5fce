import Foundation
import PipedeckCore
import PipedeckStorage
import PipedeckUI

/// Keeps the board on screen and the file on disk in step for the interactive board:
///
/// - every change is saved at once, off the event loop's thread (`Saver`), through `BoardCommit`
///   like every other writer: under the board's lock the file is read again and, when another
///   Pipedeck, a command, an editor or a `git pull` changed it, this side's unsaved changes are
///   merged into it before writing — never a silent lost update;
/// - with nothing unsaved, a file changed elsewhere is simply reloaded; this is noticed when a
///   key arrives and every two seconds while idle (one `stat`, no measurable CPU). The new board
///   is drawn before any key acts on it: the reducer does not use a key that arrives with the
///   news, and keys typed before the new board was drawn are dropped;
/// - a reload says which of this side's saved changes it replaced;
/// - a file that cannot be written (read-only file, folder, disk full) leaves the board working
///   in memory; the save state says so until a save succeeds, and a save is retried every ten
///   seconds and on every change.
///
/// BoardSync belongs to the event loop's thread. It reads the state to decide what to look at,
/// and changes it only by sending events through the reducer (`send`): what a save or a look at
/// the file found arrives in the state the way a key does.
final class BoardSync {
    let path: String
    let lock: BoardLock
    let saver: Saver
    private var registered = false
    /// A changed file that could not be read, and why: not read again until it changes.
    private var broken: (fingerprint: FileFingerprint?, message: String)?
    private var missingReported = false
    private var lastRetry = Date.distantPast
    /// How many events were sent to the state: the event loop draws again when it changed.
    private var eventsSent = 0

    static let idleCheckMilliseconds = 2_000
    static let retrySeconds: Double = 10

    /// Reads the board, with what identifies the version read.
    static func load(path: String) throws(LoadError) -> BoardVersion {
        try BoardFile.readVersion(path: path)
    }

    init(path: String, version: BoardVersion) {
        self.path = path
        lock = BoardLock(boardPath: path)
        saver = Saver(path: path, lock: lock, version: version)
    }

    /// Applies an event through the reducer. The `save` effects are carried out here (the board
    /// is handed to the saver); the others are returned for the event loop.
    @discardableResult
    func send(_ event: Event, _ state: inout AppState) -> [Effect] {
        eventsSent += 1
        var rest: [Effect] = []
        for effect in state.handle(event) {
            if effect == .save { save(state) } else { rest.append(effect) }
        }
        return rest
    }

    /// A key arrived: the file is looked at first (a change made elsewhere is shown before a key
    /// acts on it), then the key goes to the reducer.
    func press(_ key: Key, _ state: inout AppState) -> [Effect] {
        look(&state)
        return send(.key(key), &state)
    }

    /// Hands the board to the saver (after a change).
    private func save(_ state: AppState) {
        guard state.saveState != .readOnly else { return }
        saver.request(state.board)
    }

    /// Read-only marker, temporary files of killed saves, and whether another Pipedeck is here.
    func start(_ state: inout AppState) {
        switch BoardFile.writeAccess(path: path) {
        case .readOnly:
            send(.file(.readOnly(note: StatusMessage(SyncText.openedReadOnly))), &state)
            return
        case .ownedByOther(let uid):
            send(.file(.readOnly(note: StatusMessage(SyncText.ownedByOther(uid)))), &state)
            return
        case .allowed: break
        }
        BoardFile.removeStaleTemporaryFiles(for: path)
        register(&state)
    }

    private func register(_ state: inout AppState) {
        do {
            let others = try lock.register()
            registered = true
            if !others.isEmpty {
                send(.notice(StatusMessage(SyncText.otherInstance(others), isError: true)), &state)
            }
        } catch {
            send(.notice(StatusMessage(Store.message(of: error), isError: true)), &state)
        }
    }

    func close() {
        if registered { lock.unregister(); registered = false }
    }

    /// How long the event loop may wait for a key: briefly while a save is under way (to show
    /// its result), else long enough to cost nothing.
    var readTimeout: Int { saver.isBusy ? 40 : BoardSync.idleCheckMilliseconds }

    /// Takes the outcome of a save that ended, if any, to the reducer. Returns whether there was one.
    @discardableResult
    func collect(_ state: inout AppState) -> Bool {
        guard let result = saver.takeResult() else { return false }
        send(.file(event(for: result, state)), &state)
        return true
    }

    /// What a save's outcome means for the board on screen.
    private func event(for result: Saver.Result, _ state: AppState) -> FileEvent {
        switch result {
        case .saved(let written, let mine, let report):
            broken = nil
            missingReported = false
            guard let report else { return .saved(more: saver.isBusy) }
            // Merged with changes made elsewhere: the screen shows the merge, with the changes
            // made here since the save was asked for carried over (saved next).
            let board =
                state.board == mine ? written : BoardCommit.merge(base: mine, mine: state.board, theirs: written).board
            let note = StatusMessage(SyncText.merged(report), isError: !report.isClean)
            return .merged(board: board, onDisk: board == written, note: note)
        case .failed(let why):
            return .saveFailed(why)
        case .unreadable(let text, let fingerprint):
            broken = (fingerprint, text)
            return .unreadable(text)
        }
    }

    /// Compares the file with the version this board is based on; reloads it (nothing unsaved)
    /// or has the saver merge this side's changes into it (unsaved changes). What it finds is sent
    /// to the state as events.
    func look(_ state: inout AppState) {
        if saver.isBusy { return } // the save checks for itself
        let known = saver.known
        let now = FileFingerprint.of(path: path)
        if now == known.fingerprint { return }
        let unsaved = state.hasUnsavedChanges
        // A form holds a copy of what it edits: reloading under it would let its unchanged fields
        // write old values back. The reload waits until it is closed (a save it makes merges).
        if !unsaved && !BoardSync.canReload(state.mode) { return }
        if now == nil, BoardFile.inspect(path) == .missing {
            // Removed (or renamed away): the next save writes it again.
            saver.adopt(BoardVersion(board: known.board, content: nil, fingerprint: nil))
            let note = missingReported ? nil : StatusMessage(SyncText.removedOnDisk, isError: true)
            missingReported = true
            send(.file(.removed(note: note)), &state)
            return
        }
        if let b = broken, b.fingerprint == now { return }
        followPermissions(&state)
        if unsaved {
            // The save reads the file under the lock and merges (see `Saver`).
            if state.saveState != .readOnly { saver.request(state.board) }
            return
        }
        reload(&state, changed: now)
    }

    /// Reads the file changed elsewhere (nothing unsaved here) and shows it.
    private func reload(_ state: inout AppState, changed now: FileFingerprint?) {
        let version: BoardVersion
        do { version = try BoardFile.readVersion(path: path) } catch {
            let text = SyncText.unreadableOnDisk(error.message)
            broken = (now, text)
            send(.file(.unreadable(text)), &state)
            return
        }
        broken = nil
        missingReported = false
        let known = saver.known
        if version.content == known.content || version.board == known.board {
            // Touched, or written back unchanged (or only its permissions changed).
            saver.adopt(version)
            return
        }
        let replaced = BoardSync.replaced(saver.takeOwnEdits(), by: version.board)
        saver.adopt(version)
        let note = StatusMessage(SyncText.reloaded(replaced), isError: !replaced.isClean)
        send(.file(.reloaded(board: version.board, note: note)), &state)
    }

    /// Which of this side's saved changes the version just read undid: a field this side changed
    /// that was changed again elsewhere, a deal it changed that was deleted elsewhere, a deal it
    /// deleted that came back changed. The same merge as everywhere, run on those deals only.
    static func replaced(_ edits: [String: Saver.OwnEdit], by theirs: Board) -> MergeReport {
        guard !edits.isEmpty else { return MergeReport() }
        let ids = edits.keys.sorted()
        var wanted = Set(ids)
        var now: [String: Deal] = [:]
        for d in theirs.deals where wanted.remove(d.id) != nil { now[d.id] = d }
        var base = theirs, mine = theirs, current = theirs
        base.deals = ids.compactMap { edits[$0]?.before }
        mine.deals = ids.compactMap { edits[$0]?.after }
        current.deals = ids.compactMap { now[$0] }
        return BoardCommit.merge(base: base, mine: mine, theirs: current).report
    }

    /// Screens that hold no copy of a deal being edited, under which the board may be replaced.
    static func canReload(_ mode: Mode) -> Bool {
        switch mode {
        case .board, .help, .detail, .agenda, .stages, .search, .filterMenu, .reports: return true
        default: return false
        }
    }

    /// A file that became read-only (or writable again) while open.
    private func followPermissions(_ state: inout AppState) {
        if BoardFile.isReadOnly(path: path) {
            send(.file(.readOnly(note: StatusMessage(SyncText.becameReadOnly, isError: true))), &state)
        } else if state.saveState == .readOnly {
            send(.file(.writable(note: StatusMessage(SyncText.writableAgain))), &state)
            if !registered {
                BoardFile.removeStaleTemporaryFiles(for: path)
                register(&state)
            }
        }
    }

    /// Nothing happened for a while: look at the file, and retry a failed save now and then.
    /// Returns whether anything was sent to the state (it has to be drawn again).
    func idle(_ state: inout AppState) -> Bool {
        let before = eventsSent
        collect(&state)
        look(&state)
        if case .failed = state.saveState, broken == nil, !saver.isBusy,
            Date().timeIntervalSince(lastRetry) >= BoardSync.retrySeconds
        {
            lastRetry = Date()
            saver.request(state.board)
        }
        return eventsSent != before
    }

    /// Before quitting: lets running saves end and takes their outcomes in, with the saves that
    /// merges ask for (a few rounds at most).
    func finish(_ state: inout AppState) {
        for _ in 0..<10 {
            guard let result = saver.waitForResult() else { return }
            send(.file(event(for: result, state)), &state)
        }
    }
}

/// What the interactive board says about its file.
enum SyncText {
    static let reloaded = UIText.boardReloaded
    static func reloaded(_ replaced: MergeReport) -> String {
        func names(_ xs: [String]) -> String { xs.map { tr("“\($0)”", "« \($0) »") }.joined(separator: ", ") }
        var s = reloaded
        if !replaced.conflicts.isEmpty {
            s +=
                tr("; your change was replaced elsewhere: ", " ; votre modification a été remplacée ailleurs : ")
                + names(replaced.conflicts)
        }
        if !replaced.dropped.isEmpty {
            s +=
                tr("; deleted elsewhere after your change: ", " ; supprimée ailleurs après votre modification : ")
                + names(replaced.dropped)
        }
        if !replaced.keptEdited.isEmpty {
            s +=
                tr(
                    "; changed elsewhere, so back after your delete: ",
                    " ; modifiée ailleurs, donc revenue après votre suppression : ") + names(replaced.keptEdited)
        }
        return s
    }
    static var openedReadOnly: String {
        tr(
            "the file is read-only: you can look, not change (make it writable to edit)",
            "le fichier est en lecture seule : vous pouvez regarder, pas modifier (rendez-le modifiable pour le changer)"
        )
    }
    static func ownedByOther(_ uid: UInt32) -> String {
        tr(
            "the file belongs to another user (uid \(uid)): saving would change its owner, so it is opened read-only",
            "le fichier appartient à un autre utilisateur (uid \(uid)) : enregistrer changerait son propriétaire, "
                + "il est donc ouvert en lecture seule")
    }
    static var becameReadOnly: String {
        tr(
            "the file became read-only: changes are no longer possible",
            "le fichier est passé en lecture seule : plus aucune modification n'est possible")
    }
    static var writableAgain: String {
        tr(
            "the file can be written again: changes are saved",
            "le fichier est de nouveau modifiable : les modifications sont enregistrées")
    }
    static var removedOnDisk: String {
        tr(
            "the file was removed from disk: the next change writes it again",
            "le fichier a été supprimé du disque : la prochaine modification le réécrit")
    }
    static func unreadableOnDisk(_ why: String) -> String {
        tr(
            "the file changed on disk and cannot be read, so nothing is saved over it: \(why)",
            "le fichier a changé sur le disque et ne peut pas être lu, rien n'est donc enregistré par-dessus : \(why)")
    }
    static func otherInstance(_ pids: [Int32]) -> String {
        let who =
            pids.count == 1
            ? tr("another Pipedeck (pid \(pids[0])) has", "un autre Pipedeck (pid \(pids[0])) a")
            : tr(
                "other Pipedecks (pids \(pids.map(String.init).joined(separator: ", "))) have",
                "d'autres Pipedeck (pids \(pids.map(String.init).joined(separator: ", "))) ont")
        return tr(
            "\(who) this file open: its saves are reloaded here and your changes merged with them",
            "\(who) ce fichier ouvert : ses enregistrements sont rechargés ici et vos modifications fusionnées avec eux"
        )
    }
    static func merged(_ r: MergeReport) -> String {
        tr(
            "the file changed on disk: your changes were merged into it",
            "le fichier a changé sur le disque : vos modifications y ont été fusionnées") + Strings.CLI.mergeDetails(r)
    }
}
