import PipedeckCore
import PipedeckUI

/// The deal details' contact block and timeline.
extension BoardRenderer {
    /// Contact, phone and email, with the keys that copy them; labels as wide as the details' others.
    func contactLines(_ d: Deal, labelWidth: Int = 16) -> [[(String, StyleRole)]] {
        let f = RenderText.field
        func row(_ key: String, _ value: String?, copy: String?) -> [(String, StyleRole)] {
            var l: [(String, StyleRole)] = [
                (TextWidth.fit(f[key] ?? key, to: labelWidth), .formLabel),
                (value.map(BoardRenderer.oneLine) ?? "—", .help),
            ]
            if value != nil, let copy { l.append(("   " + copy, .cardDim)) }
            return l
        }
        return [
            row("contact", d.contact, copy: nil),
            row("phone", d.phone, copy: RenderText.copyPhoneHint),
            row("email", d.email, copy: RenderText.copyEmailHint),
        ]
    }

    /// When a planned activity is due: "2026-12-03 14:30", "2026-12-03", or "no date".
    func whenText(_ a: Activity) -> String {
        guard let due = a.due else { return RenderText.noDate }
        return due.description + (a.time.map { " " + $0.description } ?? "")
    }

    /// The timeline, newest first: planned activities, activities done, stage moves, wins and
    /// losses, notes edits, what merges decided. An entry longer than `width` goes on under its
    /// text (`wrapPieces`), its mark and date alone on the left.
    func timelineLines(_ d: Deal, width: Int = .max) -> [[(String, StyleRole)]] {
        var lines: [[(String, StyleRole)]] = [[(RenderText.timelineTitle, .helpTitle)]]
        func add(_ line: [(String, StyleRole)], head: Int = 2) {
            lines += BoardRenderer.wrapPieces(line, head: head, width: width)
        }
        let entries = d.timeline(in: state.zone)
        for (i, e) in entries.enumerated() {
            let when = TextWidth.fit(
                (e.day?.description ?? RenderText.noDate) + (e.time.map { " " + $0.description } ?? ""), to: 16)
            switch e.event {
            case .activity(let a):
                let mark = a.done ? g.won : g.upcoming
                var line: [(String, StyleRole)] = [
                    (mark + " ", a.done ? .cardDim : .upcoming), (when + "  ", .cardDim),
                    (g.activity(a.type) + " " + Strings.activityType(a.type) + " " + g.dot + " ", .formLabel),
                    (BoardRenderer.oneLine(a.subject), a.done ? .help : .cardTitle),
                ]
                if !a.done { line.append(("  " + plannedNote(a), plannedRole(a))) }
                add(line)
                if let o = a.outcome {
                    // Under the subject; on a narrow screen under the wrapped lines' indent.
                    let lead = String(repeating: " ", count: 40 <= width ? 20 : 4)
                    add([(lead + "— ", .cardDim), (BoardRenderer.oneLine(o), .help)], head: 1)
                }
            case .history(let h):
                if let note = h.merge {
                    // What a merge decided (a clash, a deal kept after a delete): never silent.
                    let locale = state.board.settings.locale ?? options.locale
                    let what = Strings.Changes.note(note, deal: d, board: state.board, locale: locale)
                    add([
                        (g.teamConflict + " ", .error), (when + "  ", .cardDim), (BoardRenderer.oneLine(what), .help),
                    ])
                    continue
                }
                if let edit = h.notes {
                    add([("  ", .cardDim), (when + "  ", .cardDim), (Strings.notesEdited(length: edit.length), .help)])
                    continue
                }
                // How long the deal stayed after a move: until the next move, or until today.
                let later = entries[..<i].reversed().first {
                    if case .history(let x) = $0.event { return x.isMove } else { return false }
                }
                let until = later?.day ?? state.today
                let stay = h.from == h.to || e.day == nil ? "" : "  " + RenderText.daysIn(e.day!.days(until: until))
                add([("  ", .cardDim), (when + "  ", .cardDim), (historyText(h), .help), (stay, .cardDim)])
            }
        }
        return lines
    }

    /// "Lead → Proposal  [won]", "created in Lead".
    func historyText(_ h: HistoryEntry) -> String {
        var what: String
        if let from = h.from, from != h.to {
            what = stageName(from) + " → " + stageName(h.to)
        } else if h.from == nil {
            what = RenderText.createdIn(stageName(h.to))
        } else {
            what = stageName(h.to)
        }
        if let s = h.status, h.from != nil { what += "  [" + Strings.status(s) + "]" }
        return what
    }

    /// "in 2d", "today", "3d late"; "" without a date.
    func relativeText(_ a: Activity) -> String {
        guard let due = a.due else { return "" }
        let days = state.today.days(until: due)
        return days < 0 ? RenderText.lateBy(-days) : days == 0 ? RenderText.dueToday : RenderText.dueIn(days)
    }

    /// "planned · in 2d · 30 min".
    func plannedNote(_ a: Activity) -> String {
        var parts = [RenderText.planned]
        if a.due != nil { parts.append(relativeText(a)) }
        if let m = a.duration { parts.append(Strings.duration(m)) }
        return parts.joined(separator: " " + g.dot + " ")
    }

    func plannedRole(_ a: Activity) -> StyleRole {
        guard let due = a.due else { return .upcoming }
        return due < state.today ? .overdue : due == state.today ? .dueToday : .upcoming
    }
}
