import Foundation
import PipedeckCore
import PipedeckStorage
import PipedeckUI

/// Keeps the board on screen and the file on disk in step for the interactive board:
///
/// - every change is saved at once, off the UI thread (`Saver`), through `BoardCommit` like every
///   other writer: under the board's lock the file is read again and, when another Pipedeck, a
///   command, an editor or a `git pull` changed it, this side's unsaved changes are merged into
///   it before writing — never a silent lost update;
/// - with nothing unsaved, a file changed elsewhere is simply reloaded; this is noticed when a
///   key arrives and every two seconds while idle (one `stat`, no measurable CPU). The new board
///   is drawn before any key acts on it: a key that arrives with the news is not applied
///   (`admit`), and keys typed before the new board was drawn are dropped;
/// - a reload says which of this side's saved changes it replaced;
/// - a file that cannot be written (read-only file, folder, disk full) leaves the board working
///   in memory; the save state says so until a save succeeds, and a save is retried every ten
///   seconds and on every change.
final class BoardSync {
    let path: String
    let lock: BoardLock
    let saver: Saver
    private var registered = false
    /// A changed file that could not be read, and why: not read again until it changes.
    private var broken: (fingerprint: FileFingerprint?, message: String)?
    private var missingReported = false
    private var lastRetry = Date.distantPast
    /// The board was replaced by changes made elsewhere and the screen has not shown it yet.
    private var replacedUnseen = false

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

    /// Read-only marker, temporary files of killed saves, and whether another Pipedeck is here.
    func start(_ state: inout AppState) {
        switch BoardFile.writeAccess(path: path) {
        case .readOnly:
            state.saveState = .readOnly
            state.message = StatusMessage(SyncText.openedReadOnly)
            return
        case .ownedByOther(let uid):
            state.saveState = .readOnly
            state.message = StatusMessage(SyncText.ownedByOther(uid))
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
            if !others.isEmpty { state.message = StatusMessage(SyncText.otherInstance(others), isError: true) }
        } catch {
            state.message = StatusMessage(Store.message(of: error), isError: true)
        }
    }

    func close() {
        if registered { lock.unregister(); registered = false }
    }

    /// How long the event loop may wait for a key: briefly while a save is under way (to show
    /// its result), else long enough to cost nothing.
    var readTimeout: Int { saver.hasPendingWork ? 40 : BoardSync.idleCheckMilliseconds }

    static func hasUnsaved(_ state: AppState) -> Bool {
        switch state.saveState {
        case .pending, .failed: return true
        case .saved, .readOnly: return false
        }
    }

    /// Hands the board to the saver (after a change).
    func save(_ state: inout AppState) {
        guard state.saveState != .readOnly else { return }
        saver.request(state.board)
    }

    /// Shows a board written elsewhere; returns what the message adds about the undo history.
    private func replace(_ state: inout AppState, with board: Board) -> String {
        guard board != state.board else { return "" }
        let kept = state.replaceBoard(board)
        replacedUnseen = true
        return UIText.undoAfterReload(kept)
    }

    /// Whether the board was replaced by changes made elsewhere since this was last asked; the
    /// event loop asks after drawing, and then drops the keys typed before the new board showed.
    func takeReplacedUnseen(_ state: AppState) -> Bool {
        defer { replacedUnseen = false }
        return replacedUnseen && BoardSync.keysActOnDeals(state.mode)
    }

    /// A key arrived: the file is looked at first. When that replaced the board, a key that acts
    /// on deals is not applied — the person pressed it looking at the old board (it would move
    /// a deal already moved elsewhere, or another deal than the one they saw selected). Returns
    /// whether the key may act.
    func admit(_ key: Key, _ state: inout AppState) -> Bool {
        check(&state)
        if case .resize = key { return true }
        guard replacedUnseen, BoardSync.keysActOnDeals(state.mode) else { return true }
        let said = state.message?.text ?? SyncText.reloaded
        state.message = StatusMessage(SyncText.keyIgnored + said, isError: state.message?.isError ?? false)
        return false
    }

    /// Screens where keys act on the deal or stage under the selection.
    static func keysActOnDeals(_ mode: Mode) -> Bool {
        switch mode {
        case .board, .detail, .agenda, .stages: return true
        default: return false
        }
    }

    /// Takes the saver's result, if any. Returns whether the state changed.
    @discardableResult
    func collect(_ state: inout AppState) -> Bool {
        guard let result = saver.takeResult() else { return false }
        switch result {
        case .saved(let written, let mine, let report):
            broken = nil
            missingReported = false
            let wasFailing: Bool
            if case .failed = state.saveState { wasFailing = true } else { wasFailing = false }
            if let report {
                // Merged with changes made elsewhere: show the merge, with the changes made
                // here since the save was asked for carried over, and save that.
                let board =
                    state.board == mine
                    ? written : BoardCommit.merge(base: mine, mine: state.board, theirs: written).board
                let undo = replace(&state, with: board)
                state.message = StatusMessage(SyncText.merged(report) + undo, isError: !report.isClean)
                saver.resume(with: board == written ? nil : board)
            }
            if !saver.isBusy, BoardSync.hasUnsaved(state) {
                state.saveState = .saved
                if wasFailing && report == nil { state.message = StatusMessage(SyncText.savedAgain) }
            }
        case .failed(let why):
            // The bottom line shows it (from the save state) until a save succeeds.
            state.saveState = .failed(why)
        case .unreadable(let text, let fingerprint):
            broken = (fingerprint, text)
            state.message = StatusMessage(text, isError: true)
            state.saveState = .failed(text)
        }
        return true
    }

    /// Compares the file with the version this board is based on; reloads it (nothing unsaved)
    /// or has the saver merge this side's changes into it (unsaved changes). Returns whether the
    /// state changed.
    @discardableResult
    func check(_ state: inout AppState) -> Bool {
        if saver.isBusy { return false } // the save checks for itself
        let known = saver.known
        let now = FileFingerprint.of(path: path)
        if now == known.fingerprint { return false }
        let unsaved = BoardSync.hasUnsaved(state)
        // A form holds a copy of what it edits: reloading under it would let its unchanged fields
        // write old values back. The reload waits until it is closed (a save it makes merges).
        if !unsaved && !BoardSync.canReload(state.mode) { return false }
        if now == nil, BoardFile.inspect(path) == .missing {
            // Removed (or renamed away): the next save writes it again.
            saver.adopt(BoardVersion(board: known.board, content: nil, fingerprint: nil))
            if !missingReported {
                missingReported = true
                state.message = StatusMessage(SyncText.removedOnDisk, isError: true)
            }
            if unsaved { saver.request(state.board) }
            return true
        }
        if let b = broken, b.fingerprint == now { return false }
        followPermissions(&state)
        if unsaved {
            // The save reads the file under the lock and merges (see `Saver`).
            if state.saveState != .readOnly { saver.request(state.board) }
            return false
        }
        let version: BoardVersion
        do { version = try BoardFile.readVersion(path: path) } catch {
            let text = SyncText.unreadableOnDisk(error.message)
            broken = (now, text)
            state.message = StatusMessage(text, isError: true)
            return true
        }
        broken = nil
        missingReported = false
        if version.content == known.content || version.board == known.board {
            // Touched, or written back unchanged.
            saver.adopt(version)
            return false
        }
        let replaced = BoardSync.replaced(saver.takeOwnEdits(), by: version.board)
        saver.adopt(version)
        let undo = replace(&state, with: version.board)
        state.message = StatusMessage(SyncText.reloaded(replaced) + undo, isError: !replaced.isClean)
        return true
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
        let readOnly = BoardFile.isReadOnly(path: path)
        if readOnly, state.saveState == .saved {
            state.saveState = .readOnly
            state.message = StatusMessage(SyncText.becameReadOnly, isError: true)
        } else if !readOnly, state.saveState == .readOnly {
            state.saveState = .saved
            state.message = StatusMessage(SyncText.writableAgain)
            if !registered {
                BoardFile.removeStaleTemporaryFiles(for: path)
                register(&state)
            }
        }
    }

    /// Nothing happened for a while: look at the file, and retry a failed save now and then.
    /// Returns whether the state changed.
    func idle(_ state: inout AppState) -> Bool {
        var changed = collect(&state)
        changed = check(&state) || changed
        if case .failed = state.saveState, broken == nil, !saver.isBusy,
            Date().timeIntervalSince(lastRetry) >= BoardSync.retrySeconds
        {
            lastRetry = Date()
            saver.request(state.board)
        }
        return changed
    }

    /// Before quitting: lets running saves end and settles their merges (a few rounds at most).
    func finish(_ state: inout AppState) {
        for _ in 0..<5 {
            saver.waitUntilIdle()
            collect(&state)
            if !saver.isBusy { break }
        }
        saver.waitUntilIdle()
        collect(&state)
    }
}

/// What the interactive board says about its file.
enum SyncText {
    static let reloaded = "reloaded: the file changed on disk"
    static func reloaded(_ replaced: MergeReport) -> String {
        func names(_ xs: [String]) -> String { xs.map { "“\($0)”" }.joined(separator: ", ") }
        var s = reloaded
        if !replaced.conflicts.isEmpty { s += "; your change was replaced elsewhere: " + names(replaced.conflicts) }
        if !replaced.dropped.isEmpty { s += "; deleted elsewhere after your change: " + names(replaced.dropped) }
        if !replaced.keptEdited.isEmpty {
            s += "; changed elsewhere, so back after your delete: " + names(replaced.keptEdited)
        }
        return s
    }
    /// Put before the reload's own message when the key that brought it was not applied.
    static let keyIgnored = "your key was not used — "
    static let savedAgain = "saved: all your changes are on disk now"
    static let openedReadOnly = "the file is read-only: you can look, not change (make it writable to edit)"
    static func ownedByOther(_ uid: UInt32) -> String {
        "the file belongs to another user (uid \(uid)): saving would change its owner, so it is opened read-only"
    }
    static let becameReadOnly = "the file became read-only: changes are no longer possible"
    static let writableAgain = "the file can be written again: changes are saved"
    static let removedOnDisk = "the file was removed from disk: the next change writes it again"
    static func unreadableOnDisk(_ why: String) -> String {
        "the file changed on disk and cannot be read, so nothing is saved over it: \(why)"
    }
    static func otherInstance(_ pids: [Int32]) -> String {
        let who =
            pids.count == 1
            ? "another Pipedeck (pid \(pids[0])) has"
            : "other Pipedecks (pids \(pids.map(String.init).joined(separator: ", "))) have"
        return "\(who) this file open: its saves are reloaded here and your changes merged with them"
    }
    static func merged(_ r: MergeReport) -> String {
        "the file changed on disk: your changes were merged into it" + Strings.CLI.mergeDetails(r)
    }
}
