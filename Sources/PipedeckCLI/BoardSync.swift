import Foundation
import PipedeckCore
import PipedeckStorage
import PipedeckUI

/// Keeps the board on screen and the file on disk in step for the interactive board:
///
/// - every change is saved at once, off the UI thread (`Saver`);
/// - a save first checks, under the board's lock file, that the file is still the version this
///   board was based on; if another Pipedeck, an editor or a `git pull` changed it, nothing is
///   written: the file is read again, this side's unsaved changes are merged into it
///   (`BoardMerge`) and the result is saved — never a silent lost update;
/// - with nothing unsaved, a file changed elsewhere is simply reloaded; this is noticed when a
///   key arrives and every two seconds while idle (one `stat`, no measurable CPU);
/// - a file that cannot be written (read-only file, folder, disk full) leaves the board working
///   in memory, says so, and is retried every ten seconds and on every change.
final class BoardSync {
    let path: String
    let lock: BoardLock
    let saver: Saver
    private var registered = false
    /// A changed file that could not be read, and why: not read again until it changes.
    private var broken: (fingerprint: FileFingerprint, message: String)?
    private var missingReported = false
    private var lastRetry = Date.distantPast
    private var lastFailure: String?

    static let idleCheckMilliseconds = 2_000
    static let retrySeconds: Double = 10

    /// Reads the board and the fingerprint of the version read. The fingerprint is taken first,
    /// so a change made while reading is seen as a change afterwards.
    static func load(path: String) throws(LoadError) -> (Board, FileFingerprint?) {
        let fingerprint = FileFingerprint.of(path: path)
        let board = try BoardFile.load(path: path)
        return (board, fingerprint)
    }

    init(path: String, board: Board, fingerprint: FileFingerprint?) {
        self.path = path
        lock = BoardLock(boardPath: path)
        saver = Saver(path: path, lock: lock, board: board, fingerprint: fingerprint)
    }

    /// Read-only marker, temporary files of killed saves, and whether another Pipedeck is here.
    func start(_ state: inout AppState) {
        if BoardFile.isReadOnly(path: path) {
            state.saveState = .readOnly
            state.message = StatusMessage(SyncText.openedReadOnly)
            return
        }
        BoardFile.removeStaleTemporaryFiles(for: path)
        let others = lock.register()
        registered = true
        if !others.isEmpty { state.message = StatusMessage(SyncText.otherInstance(others), isError: true) }
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

    /// Takes the saver's result, if any. Returns whether the state changed.
    @discardableResult
    func collect(_ state: inout AppState) -> Bool {
        guard let result = saver.takeResult() else { return false }
        switch result {
        case .saved:
            if !saver.isBusy, BoardSync.hasUnsaved(state) { state.saveState = .saved }
            missingReported = false
            lastFailure = nil
        case .failed(let why):
            // Said once; while it goes on failing the top line says "unsaved" and the line at the
            // bottom repeats the reason whenever no other message is shown.
            if lastFailure != why { state.message = StatusMessage(Strings.saveFailed(why), isError: true) }
            lastFailure = why
            state.saveState = .failed(why)
        case .conflict:
            // The file changed since this board was read or saved: read it, merge, save again.
            check(&state)
            if let b = broken { state.saveState = .failed(b.message) }
        }
        return true
    }

    /// Compares the file with the version this board is based on; reloads it (nothing unsaved)
    /// or merges this side's changes into it and saves (unsaved changes). Returns whether the
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
        guard let now else {
            // Removed (or renamed away): the next save writes it again.
            saver.adopt(known.board, fingerprint: nil)
            if !missingReported {
                missingReported = true
                state.message = StatusMessage(SyncText.removedOnDisk, isError: true)
            }
            if unsaved { saver.request(state.board) }
            return true
        }
        if broken?.fingerprint == now { return false }
        followPermissions(&state, unsaved: unsaved)

        let theirs: Board
        do { theirs = try BoardFile.load(path: path) } catch {
            let text = SyncText.unreadableOnDisk(error.message)
            broken = (now, text)
            state.message = StatusMessage(text, isError: true)
            if unsaved { state.saveState = .failed(text) }
            return true
        }
        broken = nil
        missingReported = false
        saver.adopt(theirs, fingerprint: now)
        if theirs == known.board {
            // Touched, or written back unchanged: nothing to do but save what is pending.
            if unsaved { saver.request(state.board) }
            return false
        }
        if !unsaved {
            if theirs != state.board {
                state.replaceBoard(theirs)
                state.message = StatusMessage(SyncText.reloaded)
            }
            return true
        }
        let (merged, report) = BoardMerge.merge(base: known.board, mine: state.board, theirs: theirs)
        state.replaceBoard(merged)
        state.message = StatusMessage(SyncText.merged(report), isError: !report.isClean)
        if state.saveState != .readOnly {
            state.saveState = .pending
            saver.request(merged)
        }
        return true
    }

    /// Screens that hold no copy of a deal being edited, under which the board may be replaced.
    static func canReload(_ mode: Mode) -> Bool {
        switch mode {
        case .board, .help, .detail, .agenda, .stages, .search, .filterMenu, .reports: return true
        default: return false
        }
    }

    /// A file that became read-only (or writable again) while open.
    private func followPermissions(_ state: inout AppState, unsaved: Bool) {
        let readOnly = BoardFile.isReadOnly(path: path)
        if readOnly, state.saveState == .saved {
            state.saveState = .readOnly
            state.message = StatusMessage(SyncText.becameReadOnly, isError: true)
        } else if !readOnly, state.saveState == .readOnly {
            state.saveState = .saved
            state.message = StatusMessage(SyncText.writableAgain)
            if !registered {
                BoardFile.removeStaleTemporaryFiles(for: path)
                _ = lock.register()
                registered = true
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

    /// Before quitting: lets running saves end and settles their conflicts (a few rounds at most).
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

/// Writes the board off the UI thread. Requests made while a save runs are coalesced: only the
/// newest board is written next. The screen never waits for the disk, except when quitting.
///
/// It remembers which version of the file the board is based on (its fingerprint and content).
/// A save whose file no longer matches writes nothing and reports `.conflict`, for `BoardSync`
/// to merge; the check and the write happen under the board's lock, so two Pipedecks never
/// both write over the same version.
final class Saver: @unchecked Sendable {
    enum Result: Equatable {
        case saved
        case failed(String)
        case conflict
    }
    private let path: String
    private let lock: BoardLock
    private let cond = NSCondition()
    private var requested: Board?
    private var running = false
    private var result: Result?
    private var knownFingerprint: FileFingerprint?
    private var knownBoard: Board
    private let queue = DispatchQueue(label: "pipedeck.saver", qos: .userInitiated)

    init(path: String, lock: BoardLock, board: Board, fingerprint: FileFingerprint?) {
        self.path = path
        self.lock = lock
        knownBoard = board
        knownFingerprint = fingerprint
    }

    /// The version of the file the board in memory is based on.
    var known: (fingerprint: FileFingerprint?, board: Board) {
        cond.lock(); defer { cond.unlock() }
        return (knownFingerprint, knownBoard)
    }

    /// After reading the file again: this is now the version the board is based on.
    func adopt(_ board: Board, fingerprint: FileFingerprint?) {
        cond.lock()
        knownBoard = board
        knownFingerprint = fingerprint
        cond.unlock()
    }

    var isBusy: Bool { cond.lock(); defer { cond.unlock() }; return running || requested != nil }
    /// A save is running or queued, or its result has not been collected yet.
    var hasPendingWork: Bool {
        cond.lock(); defer { cond.unlock() }; return running || requested != nil || result != nil
    }

    func request(_ board: Board) {
        cond.lock()
        requested = board
        let start = !running
        running = true
        cond.unlock()
        if start { queue.async { self.work() } }
    }

    private func work() {
        while true {
            cond.lock()
            guard let board = requested else {
                running = false
                cond.broadcast()
                cond.unlock()
                return
            }
            requested = nil
            cond.unlock()

            let bytes = BoardDocument.encodeBytes(board)
            let outcome: Result
            do {
                outcome = try lock.withLock { () throws -> Result in
                    let onDisk = FileFingerprint.of(path: path)
                    if onDisk != known.fingerprint { return .conflict }
                    try BoardFile.save(bytes: bytes, to: path)
                    adopt(board, fingerprint: FileFingerprint.of(path: path))
                    return .saved
                }
            } catch let e as SaveError {
                // Short enough to be read whole on the status line: the file's name and the reason.
                let name = (path as NSString).lastPathComponent
                outcome = .failed(e.errno.map { "cannot write \(name): " + String(cString: strerror($0)) } ?? e.message)
            } catch BoardLock.Failure.busy(let holders) {
                outcome = .failed(SyncText.lockBusy(holders))
            } catch {
                outcome = .failed(String(describing: error))
            }

            cond.lock()
            result = outcome
            if outcome == .conflict {
                // The UI thread merges and asks again with the newest board.
                requested = nil
                running = false
                cond.broadcast()
                cond.unlock()
                return
            }
            cond.unlock()
        }
    }

    func takeResult() -> Result? {
        cond.lock(); defer { cond.unlock() }
        let r = result
        result = nil
        return r
    }

    func waitUntilIdle() {
        cond.lock()
        while running || requested != nil { cond.wait() }
        cond.unlock()
    }
}

/// What the interactive board says about its file.
enum SyncText {
    static let reloaded = "reloaded: the file changed on disk"
    static let openedReadOnly = "the file is read-only: you can look, not change (make it writable to edit)"
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
    static func lockBusy(_ pids: [Int32]) -> String {
        let who = pids.isEmpty ? "another program" : "Pipedeck pid \(pids.map(String.init).joined(separator: ", "))"
        return "\(who) holds the lock on this file (suspended?); retrying"
    }
    static func merged(_ r: MergeReport) -> String {
        var s = "the file changed on disk: your changes were merged into it"
        func names(_ xs: [String]) -> String {
            let shown = xs.prefix(2).map { "“\($0)”" }.joined(separator: ", ")
            return xs.count > 2 ? shown + " and \(xs.count - 2) more" : shown
        }
        if !r.conflicts.isEmpty { s += "; changed in both, yours kept: " + names(r.conflicts) }
        if !r.dropped.isEmpty { s += "; deleted elsewhere, your change dropped: " + names(r.dropped) }
        if !r.keptEdited.isEmpty { s += "; changed elsewhere, so not deleted: " + names(r.keptEdited) }
        if !r.rehomed.isEmpty { s += "; stage gone, put in the first stage: " + names(r.rehomed) }
        return s
    }
}
