import Foundation
import PipedeckCore
import PipedeckStorage

/// Writes the open board's changes off the event loop's thread, through `BoardCommit` like every
/// other writer: under the board's lock the file is read again and, when someone else changed it
/// since the version this board is based on, this side's changes are merged into it before
/// writing.
///
/// Who owns what: a `Saver` belongs to the event loop's thread, and all its state (the version
/// the board is based on, the board waiting for its turn, the deals saved) is read and written
/// there only. Each save is a job on a `JobQueue`: it is handed the board, the version it is
/// based on, the path and the lock as values, writes, and hands back an `Outcome` value, which
/// the event loop takes (`takeResult`) and BoardSync turns into an event for the reducer.
///
/// One save runs at a time. Requests made meanwhile are coalesced: only the newest board waits
/// for its turn (each board the screen hands over contains the ones before it) and is written
/// when the running save's outcome is taken. After a save that had to merge, the waiting board
/// was made before the merge and is dropped: the screen takes the merge in and, when it holds
/// changes the file has not, asks again — so no board made before the merge can undo the other
/// side's changes.
final class Saver {
    enum Result: Sendable {
        /// Written. `written` is what is on disk: `mine` (the board requested), or the merge of
        /// `mine` into changes made elsewhere (then `report` is set).
        case saved(written: Board, mine: Board, report: MergeReport?)
        /// Not written; the reason, short enough for the status line.
        case failed(String)
        /// The file changed on disk and does not read: never written over.
        case unreadable(message: String, fingerprint: FileFingerprint?)
    }

    /// A deal this side changed and saved: as it was before and as it was written (nil: absent).
    struct OwnEdit: Sendable {
        var before: Deal?
        var after: Deal?
    }

    /// What one save job hands back to the event loop.
    struct Outcome: Sendable {
        var result: Result
        /// The version now on disk, when the save wrote.
        var written: BoardVersion?
        /// The deals the save changed on disk.
        var edits: [String: OwnEdit]
    }

    private let path: String
    private let lock: BoardLock
    private let jobs = JobQueue<Outcome>(label: "pipedeck.saver")
    /// The version of the file the screen's board is based on.
    private(set) var known: BoardVersion
    private var waiting: Board?
    private var ownEdits: [String: OwnEdit] = [:]

    init(path: String, lock: BoardLock, version: BoardVersion) {
        self.path = path
        self.lock = lock
        known = version
    }

    /// After reading the file again (with nothing unsaved): this is now the version the board is
    /// based on.
    func adopt(_ version: BoardVersion) {
        known = version
    }

    /// A save is running, or its outcome has not been taken yet.
    var isBusy: Bool { jobs.isBusy }

    func request(_ board: Board) {
        if jobs.isBusy { waiting = board } else { start(board) }
    }

    private func start(_ mine: Board) {
        let (path, lock, base) = (self.path, self.lock, known)
        jobs.start { Saver.save(mine, basedOn: base, to: path, lock: lock) }
    }

    /// The outcome of the save that ended, if one did and it was not taken yet.
    func takeResult() -> Result? {
        jobs.takeFinished().map(absorb)
    }

    /// Waits for the running save's outcome; nil at once when no save is running.
    func waitForResult() -> Result? {
        jobs.waitForNext().map(absorb)
    }

    /// Takes in what a save did, and starts the board waiting for its turn.
    private func absorb(_ outcome: Outcome) -> Result {
        if let written = outcome.written { known = written }
        for (id, e) in outcome.edits {
            ownEdits[id] = OwnEdit(before: ownEdits[id]?.before ?? e.before, after: e.after)
        }
        switch outcome.result {
        case .saved(_, _, .some), .unreadable:
            // Merged: made before the merge (see above). Unreadable: retried when the file changes.
            waiting = nil
        case .saved, .failed:
            if let next = waiting {
                waiting = nil
                start(next)
            }
        }
        return outcome.result
    }

    /// The deals this side saved since the last call, as they were before and as written.
    func takeOwnEdits() -> [String: OwnEdit] {
        defer { ownEdits = [:] }
        return ownEdits
    }

    /// One save, on the background queue: everything it uses is passed in.
    private static func save(_ mine: Board, basedOn base: BoardVersion, to path: String, lock: BoardLock) -> Outcome {
        do {
            let committed = try BoardCommit.write(mine, basedOn: base, to: path, lock: lock)
            return Outcome(
                result: .saved(written: committed.version.board, mine: mine, report: committed.merge),
                written: committed.version, edits: changedDeals(from: base.board, to: mine))
        } catch let e as LoadError {
            let result = Result.unreadable(
                message: SyncText.unreadableOnDisk(e.message), fingerprint: .of(path: path))
            return Outcome(result: result, written: nil, edits: [:])
        } catch {
            // Short enough to be read whole on the status line: the file's name, not its path.
            let name = (path as NSString).lastPathComponent
            let why = Store.message(of: error).replacingOccurrences(of: path, with: name)
            return Outcome(result: .failed(why), written: nil, edits: [:])
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
}
