import Foundation

extension NotesEdit {
    /// Edits of a deal's notes at most this many seconds after the last one recorded (with
    /// nothing else in the history between them) share its entry, so that fixing a typo just after
    /// saving does not add a line to the timeline.
    public static let foldWindow: Int64 = 5 * 60
}

extension Deal {
    /// Records in the history that the notes changed at `now` (the deal's notes are already the
    /// new ones). When the last entry is a notes edit recorded less than `NotesEdit.foldWindow`
    /// ago, it is replaced by this one (the time and length of the last edit) instead of adding
    /// another: a merge then sees that entry replaced, and a copy of the board where it is
    /// unchanged takes the replacement.
    mutating func recordNotesEdit(at now: Timestamp) {
        let length = notes?.count ?? 0
        if let last = history.last, var edit = last.notes, last.at <= now,
            now.seconds - last.at.seconds <= NotesEdit.foldWindow
        {
            edit.length = length
            history[history.count - 1].at = now
            history[history.count - 1].notes = edit
            return
        }
        history.append(HistoryEntry(at: now, stage: stage, notes: NotesEdit(length: length)))
    }
}
