import PipedeckCore

/// Everything that changes the interactive board's state arrives as an event through
/// `AppState.handle(_:)`, on the event loop's thread: the keys, and what is learnt away from the
/// keyboard — the results of work done in the background (a save; any later background job adds
/// its own case here) and what a look at the file found. Background work never writes into the
/// state: its result comes back as a value and is applied here, like a key.
public enum Event: Hashable, Sendable {
    /// A key press, a mouse event or a resize.
    case key(Key)
    /// What a save, or a look at the board's file, found.
    case file(FileEvent)
    /// The notes of a deal, as the person left them in their editor.
    case notesEdited(dealID: String, text: String)
    /// Something the event loop has to say that changes nothing else: the theme chosen, an editor
    /// that failed, another Pipedeck on the same file, changes not saved at quit.
    case notice(StatusMessage)
    /// The state was drawn: the screen shows it now.
    case drawn
    /// What a sync with the team, or the look at the board's git repository, found (Team.swift).
    case team(TeamEvent)
}

/// What the board learns about its file. The texts come with the events that need them: they are
/// made where the file is known (the command-line layer, `SyncText`).
public enum FileEvent: Hashable, Sendable {
    /// Changes cannot be saved to the file (it is or became read-only, it is another user's);
    /// `note` says so. Taken when nothing is unsaved; a save under way says for itself.
    case readOnly(note: StatusMessage)
    /// The read-only file can be written again.
    case writable(note: StatusMessage)
    /// The board handed to the saver last is on disk as it was. `more`: a newer one is being saved.
    case saved(more: Bool)
    /// A save found the file changed elsewhere and wrote this side's changes merged into it.
    /// `board` is what the screen shows from now on: the merge, with the changes made here since
    /// the save was asked for; `onDisk` says whether it is exactly what was written (else it is
    /// saved again); `note` what the two sides' changes did to each other.
    case merged(board: Board, onDisk: Bool, note: StatusMessage)
    /// A save failed: the board keeps working in memory, the save state says why until a save
    /// succeeds.
    case saveFailed(String)
    /// The file changed on disk and cannot be read: nothing is saved over it. `why` says so.
    case unreadable(String)
    /// The file was changed elsewhere while nothing was unsaved here: the screen shows `board`;
    /// `note` says which of this side's saved changes it replaced, if any.
    case reloaded(board: Board, note: StatusMessage)
    /// The file is gone from disk: the next save writes it again (one is asked for at once when
    /// changes are unsaved). `note` is nil when it was said already.
    case removed(note: StatusMessage?)
}

extension AppState {
    /// Applies one event and returns the effects for the event loop to carry out.
    public mutating func handle(_ event: Event) -> [Effect] {
        switch event {
        case .key(let key):
            // The board was replaced by changes made elsewhere and not drawn yet: a key that acts
            // on deals was pressed looking at the old board (it would move a deal already moved
            // elsewhere, or another deal than the one the person saw selected). It is not used.
            if boardReplacedUnseen, key != .resize, mode.keysActOnDeals {
                let said = message?.text ?? UIText.boardReloaded
                message = StatusMessage(UIText.keyIgnored + said, isError: message?.isError ?? false)
                return []
            }
            let selected = selectedDeal?.id
            let effects = handle(key)
            if !team.marks.isEmpty { markSeen(selectedBefore: selected) }
            return effects
        case .team(let news): return handleTeam(news)
        case .file(let news): return handleFile(news)
        case .notesEdited(let id, let text): return setNotes(dealID: id, text)
        case .notice(let note):
            message = note
            return []
        case .drawn:
            // Keys typed before the new board was drawn were meant for the old one.
            defer { boardReplacedUnseen = false }
            return boardReplacedUnseen && mode.keysActOnDeals ? [.discardTypeahead] : []
        }
    }

    /// Whether changes made here are not on disk (yet, or because saving fails).
    public var hasUnsavedChanges: Bool {
        switch saveState {
        case .pending, .failed: return true
        case .saved, .readOnly: return false
        }
    }

    mutating func handleFile(_ news: FileEvent) -> [Effect] {
        switch news {
        case .readOnly(let note):
            guard saveState == .saved else { return [] }
            saveState = .readOnly
            message = note
        case .writable(let note):
            guard saveState == .readOnly else { return [] }
            saveState = .saved
            message = note
        case .saved(let more):
            guard !more, hasUnsavedChanges else { return [] }
            // A failure stays the save state (top and bottom lines) until a save succeeds.
            if case .failed = saveState { message = StatusMessage(UIText.savedAgain) }
            saveState = .saved
        case .merged(let board, let onDisk, let note):
            message = note.adding(showReplaced(board))
            if !onDisk { return markChanged() }
            if hasUnsavedChanges { saveState = .saved }
        case .saveFailed(let why):
            saveState = .failed(why)
        case .unreadable(let why):
            message = StatusMessage(why, isError: true)
            if hasUnsavedChanges { saveState = .failed(why) }
        case .reloaded(let board, let note):
            message = note.adding(showReplaced(board))
        case .removed(let note):
            if let note { message = note }
            if hasUnsavedChanges { return [.save] }
        }
        return []
    }

    /// Shows a board made elsewhere (reloaded, or merged with changes made elsewhere), keeping
    /// the selection on the same deal; until it is drawn, keys that act on deals are not used.
    /// Returns what the message adds about the undo history (`UIText.undoAfterReload`).
    mutating func showReplaced(_ new: Board) -> String {
        guard new != board else { return "" }
        let kept = replaceBoard(new)
        boardReplacedUnseen = true
        return UIText.undoAfterReload(kept)
    }
}

extension Mode {
    /// Screens where keys act on the deal or the stage under the selection.
    public var keysActOnDeals: Bool {
        switch self {
        case .board, .detail, .agenda, .stages: return true
        default: return false
        }
    }
}

extension UIText {
    public static var boardReloaded: String {
        tr("reloaded: the file changed on disk", "rechargé : le fichier a changé sur le disque")
    }
    /// Put before what the board says about a change made elsewhere when the key that arrived
    /// with it was not used.
    public static var keyIgnored: String {
        tr("your key was not used — ", "votre touche n'a pas été prise en compte — ")
    }
    public static var savedAgain: String {
        tr(
            "saved: all your changes are on disk now",
            "enregistré : toutes vos modifications sont maintenant sur le disque")
    }
}
