import Foundation
import PipedeckCore
import PipedeckStorage

/// Writes the open board's changes off the UI thread, through `BoardCommit` like every other
/// writer: under the board's lock the file is read again and, when someone else changed it since
/// the version this board is based on, this side's changes are merged into it before writing.
///
/// Requests made while a save runs are coalesced: only the newest board is written next (each
/// board the screen hands over contains the ones before it). After a save that had to merge, the
/// screen's board no longer matches the file: nothing more is written until the screen has taken
/// the merge in and handed over its board again (`resume`), so no board made before the merge can
/// undo the other side's changes.
final class Saver: @unchecked Sendable {
    enum Result {
        /// Written. `written` is what is on disk: `mine` (the board requested), or the merge of
        /// `mine` into changes made elsewhere (then `report` is set).
        case saved(written: Board, mine: Board, report: MergeReport?)
        /// Not written; the reason, short enough for the status line.
        case failed(String)
        /// The file changed on disk and does not read: never written over.
        case unreadable(message: String, fingerprint: FileFingerprint?)
    }

    /// A deal this side changed and saved: as it was before and as it was written (nil: absent).
    struct OwnEdit {
        var before: Deal?
        var after: Deal?
    }

    private let path: String
    private let lock: BoardLock
    private let cond = NSCondition()
    private var base: BoardVersion
    private var requested: Board?
    private var running = false
    private var waitingForScreen = false
    private var result: Result?
    private var ownEdits: [String: OwnEdit] = [:]
    private let queue = DispatchQueue(label: "pipedeck.saver", qos: .userInitiated)

    init(path: String, lock: BoardLock, version: BoardVersion) {
        self.path = path
        self.lock = lock
        base = version
    }

    /// The version of the file the screen's board is based on.
    var known: BoardVersion {
        cond.lock(); defer { cond.unlock() }
        return base
    }

    /// After reading the file again (with nothing unsaved): this is now the version the board is
    /// based on.
    func adopt(_ version: BoardVersion) {
        cond.lock()
        base = version
        cond.unlock()
    }

    /// A save is running or queued.
    var isBusy: Bool {
        cond.lock(); defer { cond.unlock() }
        return running || (requested != nil && !waitingForScreen)
    }
    /// A save is running or queued, or its result has not been collected yet.
    var hasPendingWork: Bool {
        cond.lock(); defer { cond.unlock() }
        return running || (requested != nil && !waitingForScreen) || result != nil
    }

    func request(_ board: Board) {
        cond.lock()
        requested = board
        let start = !running && !waitingForScreen
        if start { running = true }
        cond.unlock()
        if start { queue.async { self.work() } }
    }

    /// After a merge: the screen has taken it in; `board` (when not nil) is its board, made from
    /// the merged version, to write next.
    func resume(with board: Board?) {
        cond.lock()
        waitingForScreen = false
        requested = nil
        cond.unlock()
        if let board { request(board) }
    }

    /// The deals this side saved since the last call, as they were before and as written.
    func takeOwnEdits() -> [String: OwnEdit] {
        cond.lock(); defer { cond.unlock() }
        let e = ownEdits
        ownEdits = [:]
        return e
    }

    private func work() {
        while true {
            cond.lock()
            guard !waitingForScreen, let mine = requested else {
                running = false
                cond.broadcast()
                cond.unlock()
                return
            }
            requested = nil
            let base = self.base
            cond.unlock()

            let outcome: Result
            var written: BoardVersion?
            do {
                let committed = try BoardCommit.write(mine, basedOn: base, to: path, lock: lock)
                written = committed.version
                outcome = .saved(written: committed.version.board, mine: mine, report: committed.merge)
            } catch let e as LoadError {
                outcome = .unreadable(message: SyncText.unreadableOnDisk(e.message), fingerprint: .of(path: path))
            } catch {
                // Short enough to be read whole on the status line: the file's name, not its path.
                let name = (path as NSString).lastPathComponent
                outcome = .failed(Store.message(of: error).replacingOccurrences(of: path, with: name))
            }
            let edits = written == nil ? [:] : Saver.changedDeals(from: base.board, to: mine)

            cond.lock()
            result = outcome
            if let written { self.base = written }
            for (id, e) in edits { ownEdits[id] = OwnEdit(before: ownEdits[id]?.before ?? e.before, after: e.after) }
            switch outcome {
            case .saved(_, _, .some):
                // Merged: wait for the screen (see `resume`).
                waitingForScreen = true
                requested = nil
            case .unreadable:
                requested = nil // retried when the file changes again
            default: break
            }
            cond.unlock()
        }
    }

    /// The deals that differ between two boards, by id.
    static func changedDeals(from a: Board, to b: Board) -> [String: OwnEdit] {
        var out: [String: OwnEdit] = [:]
        if a.deals.count == b.deals.count, zip(a.deals, b.deals).allSatisfy({ $0.id == $1.id }) {
            for i in a.deals.indices where a.deals[i] != b.deals[i] {
                out[a.deals[i].id] = OwnEdit(before: a.deals[i], after: b.deals[i])
            }
            return out
        }
        var before: [String: Deal] = [:]
        for d in a.deals { before[d.id] = d }
        for d in b.deals {
            let old = before.removeValue(forKey: d.id)
            if old != d { out[d.id] = OwnEdit(before: old, after: d) }
        }
        for (id, d) in before { out[id] = OwnEdit(before: d, after: nil) }
        return out
    }

    func takeResult() -> Result? {
        cond.lock(); defer { cond.unlock() }
        let r = result
        result = nil
        return r
    }

    func waitUntilIdle() {
        cond.lock()
        while running || (requested != nil && !waitingForScreen) { cond.wait() }
        cond.unlock()
    }
}
