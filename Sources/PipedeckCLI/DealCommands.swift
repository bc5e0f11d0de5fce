import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckStorage

/// The deal fields shared by `add` and `edit`.
struct DealFields: ParsableArguments {
    @Option(name: .customLong("stage"), help: ArgumentHelp(Strings.CLI.helpStage, valueName: "stage"))
    var stage: String?
    @Option(
        name: .customLong("probability"), parsing: .unconditional,
        help: ArgumentHelp(Strings.CLI.helpProbability, valueName: "percent"))
    var probability: String?
    @Option(name: .customLong("company"), help: ArgumentHelp(Strings.CLI.helpCompany, valueName: "text"))
    var company: String?
    @Option(name: .customLong("contact"), help: ArgumentHelp(Strings.CLI.helpContact, valueName: "text"))
    var contact: String?
    @Option(name: .customLong("phone"), help: ArgumentHelp(Strings.Activity.helpPhone, valueName: "number"))
    var phone: String?
    @Option(name: .customLong("email"), help: ArgumentHelp(Strings.Activity.helpEmail, valueName: "address"))
    var email: String?
    @Option(name: .customLong("owner"), help: ArgumentHelp(Strings.CLI.helpOwner, valueName: "text"))
    var owner: String?
    @Option(name: .customLong("source"), help: ArgumentHelp(Strings.CLI.helpSource, valueName: "text"))
    var source: String?
    @Option(name: .customLong("tag"), help: ArgumentHelp(Strings.CLI.helpTag, valueName: "tag"))
    var tags: [String] = []
    @Option(name: .customLong("close"), help: ArgumentHelp(Strings.CLI.helpClose, valueName: "date"))
    var close: String?
    @Option(name: .customLong("next"), help: ArgumentHelp(Strings.CLI.helpNext, valueName: "text"))
    var next: String?
    @Option(name: .customLong("due"), help: ArgumentHelp(Strings.CLI.helpDue, valueName: "date"))
    var due: String?
    @Option(name: .customLong("currency"), help: ArgumentHelp(Strings.CLI.helpDealCurrency, valueName: "code"))
    var currency: String?
    @Option(name: .customLong("notes"), help: ArgumentHelp(Strings.CLI.helpNotes, valueName: "text"))
    var notes: String?

    /// The values that can be checked without the board.
    struct Checked {
        var probability: Percent?? // nil: not given; .some(nil): clear
        var close: Day?
        var next: String?
        var due: Day?
        var currency: String?? // nil: not given; .some(nil): clear
        var phone: String?? // nil: not given; .some(nil): clear
        var email: String??
    }

    /// `allowClearing`: an empty --probability or --currency means "back to the default" (edit only).
    func check(allowClearing: Bool) throws -> Checked {
        var c = Checked()
        if let p = probability {
            if allowClearing && p.trimmingCharacters(in: .whitespaces).isEmpty {
                c.probability = .some(nil)
            } else {
                c.probability = .some(try Parse.percent(p, option: "--probability"))
            }
        }
        c.close = try close.map { try Parse.day($0, option: "--close") }
        if let n = next {
            guard let t = Parse.text(n) else {
                throw CLIFailure(Strings.CLI.optionProblem("--next", Strings.emptyText))
            }
            c.next = t
        }
        c.due = try due.map { try Parse.day($0, option: "--due") }
        if let p = phone {
            let t = Parse.text(p)
            if let t, !ContactCheck.isPhone(t) {
                throw CLIFailure(Strings.CLI.optionProblem("--phone", Strings.badPhone(p)))
            }
            c.phone = .some(t)
        }
        if let e = email {
            let t = Parse.text(e)
            if let t, !ContactCheck.isEmail(t) {
                throw CLIFailure(Strings.CLI.optionProblem("--email", Strings.badEmail(e)))
            }
            c.email = .some(t)
        }
        if let cur = currency {
            if allowClearing && cur.trimmingCharacters(in: .whitespaces).isEmpty {
                c.currency = .some(nil)
            } else {
                c.currency = .some(try Parse.currency(cur, option: "--currency"))
            }
        }
        return c
    }
}

/// `pipedeck add TITLE --value V …`: prints only the new deal's id.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: Strings.CLI.addAbstract)

    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.CLI.helpTitleArg, valueName: "title"))
    var title: String
    @Option(
        name: .customLong("value"), parsing: .unconditional,
        help: ArgumentHelp(Strings.CLI.helpValue, valueName: "amount"))
    var value: String
    @OptionGroup var fields: DealFields

    func run() throws {
        let now = Timestamp.now()
        let cleanTitle = try Parse.title(title, option: "TITLE")
        let amount = try Parse.value(value, option: "--value")
        let checked = try fields.check(allowClearing: false)
        if checked.due != nil && checked.next == nil { throw CLIFailure(Strings.CLI.dueWithoutNext) }
        let me =
            fields.owner == nil ? TeamIdentity.me(boardFolder: (file.path as NSString).deletingLastPathComponent) : nil

        let id = try Store.update(file.path) { board -> String in
            guard let first = board.stages.first else { throw CLIFailure(Strings.CLI.noStagesOnBoard) }
            let stage = try fields.stage.map { try board.findStage($0, option: "--stage") } ?? first

            var deal = board.newDeal(title: cleanTitle, value: amount, stage: stage.id, at: now)
            deal.company = Parse.text(fields.company)
            deal.contact = Parse.text(fields.contact)
            // Who is at the keyboard (`me =` in the settings, else git's user.name) owns a new deal.
            deal.owner = Parse.text(fields.owner) ?? me
            deal.source = Parse.text(fields.source)
            deal.notes = Parse.text(fields.notes)
            deal.tags = Parse.tags(fields.tags)
            deal.probability = checked.probability ?? nil
            deal.expectedClose = checked.close
            deal.currency = checked.currency ?? nil
            deal.phone = checked.phone ?? nil
            deal.email = checked.email ?? nil
            if let text = checked.next {
                var a = board.newActivity(on: deal, type: .task, subject: text, at: now)
                a.due = checked.due
                deal.activities = [a]
            }

            board = try board.applying(.add(deal), at: now).board
            return deal.id
        }
        Console.out(id)
    }
}

/// `pipedeck edit ID …`: changes fields through `Action.update`.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: Strings.CLI.editAbstract,
        discussion: Strings.CLI.editDiscussion)

    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.CLI.helpID, valueName: "id"))
    var id: String
    @Option(name: .customLong("title"), help: ArgumentHelp(Strings.CLI.helpEditTitle, valueName: "text"))
    var title: String?
    @Option(
        name: .customLong("value"), parsing: .unconditional,
        help: ArgumentHelp(Strings.CLI.helpEditValue, valueName: "amount"))
    var value: String?
    @OptionGroup var fields: DealFields
    @Flag(name: .customLong("clear-tags"), help: ArgumentHelp(Strings.CLI.helpClearTags))
    var clearTags = false
    @Flag(name: .customLong("clear-next"), help: ArgumentHelp(Strings.CLI.helpClearNext))
    var clearNext = false
    @Flag(name: .customLong("clear-close"), help: ArgumentHelp(Strings.CLI.helpClearClose))
    var clearClose = false

    func run() throws {
        let now = Timestamp.now()
        let newTitle = try title.map { try Parse.title($0, option: "--title") }
        let newValue = try value.map { try Parse.value($0, option: "--value") }
        let checked = try fields.check(allowClearing: true)
        if clearNext && fields.next != nil { throw CLIFailure(Strings.CLI.conflicting("--clear-next", "--next")) }
        if clearNext && fields.due != nil { throw CLIFailure(Strings.CLI.conflicting("--clear-next", "--due")) }
        if clearClose && fields.close != nil { throw CLIFailure(Strings.CLI.conflicting("--clear-close", "--close")) }
        if clearTags && !fields.tags.isEmpty { throw CLIFailure(Strings.CLI.conflicting("--clear-tags", "--tag")) }

        let report = try Store.update(file.path) { board in
            try apply(to: &board, title: newTitle, value: newValue, checked: checked, at: now)
        }
        Console.out(report)
    }

    /// Applies the edit to the board as it is on disk; returns what to print.
    private func apply(
        to board: inout Board, title newTitle: String?, value newValue: Money?, checked: DealFields.Checked,
        at now: Timestamp
    ) throws -> String {
        var d = try board.findDeal(id)
        if let t = newTitle { d.title = t }
        if let v = newValue { d.value = v }
        if let ref = fields.stage { d.stage = try board.findStage(ref, option: "--stage").id }
        if let p = checked.probability { d.probability = p }
        if fields.company != nil { d.company = Parse.text(fields.company) }
        if fields.contact != nil { d.contact = Parse.text(fields.contact) }
        if fields.owner != nil { d.owner = Parse.text(fields.owner) }
        if fields.source != nil { d.source = Parse.text(fields.source) }
        if fields.notes != nil { d.notes = Parse.text(fields.notes) }
        if !fields.tags.isEmpty { d.tags = Parse.tags(fields.tags) }
        if clearTags { d.tags = [] }
        if let c = checked.close { d.expectedClose = c }
        if clearClose { d.expectedClose = nil }
        if let c = checked.currency { d.currency = c }
        if let p = checked.phone { d.phone = p }
        if let e = checked.email { d.email = e }
        let next = d.nextActivity.flatMap { d.activityIndex($0.id) }
        if clearNext, let k = next { d.activities.remove(at: k) }
        if let text = checked.next {
            // --next replaces the planned next step (its type and time too), or plans one.
            if let k = next {
                d.activities[k].subject = text
                d.activities[k].due = checked.due
                d.activities[k].time = nil
            } else {
                var a = board.newActivity(on: d, type: .task, subject: text, at: now)
                a.due = checked.due
                d.activities.append(a)
            }
        } else if let due = checked.due {
            guard let k = next else { throw CLIFailure(Strings.CLI.dueWithoutAction) }
            d.activities[k].due = due
        }

        let outcome = try board.applying(.update(d), at: now)
        guard outcome.changed else { return Strings.CLI.nothingChanged }
        board = outcome.board
        return Strings.CLI.updated(board.label(board.deal(d.id) ?? d))
    }
}

/// `pipedeck rm ID`
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: Strings.CLI.rmAbstract)

    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.CLI.helpID, valueName: "id"))
    var id: String

    func run() throws {
        let report = try Store.update(file.path) { board -> String in
            let deal = try board.findDeal(id)
            let label = board.label(deal)
            board = try board.applying(.delete(id: deal.id), at: Timestamp.now()).board
            return Strings.CLI.deleted(label)
        }
        Console.out(report)
    }
}

/// `pipedeck move ID STAGE`: a stage id, name, position, `next` or `prev`.
struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: Strings.CLI.moveAbstract)

    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.CLI.helpID, valueName: "id"))
    var id: String
    @Argument(help: ArgumentHelp(Strings.CLI.helpMoveStage, valueName: "stage"))
    var stage: String

    func run() throws {
        Console.out(try Store.update(file.path) { board in try move(&board) })
    }

    /// Moves the deal on the board as it is on disk; returns what to print.
    private func move(_ board: inout Board) throws -> String {
        let deal = try board.findDeal(id)
        let label = board.label(deal)
        let ref = stage.trimmingCharacters(in: .whitespaces)
        let action: Action
        if let target = board.resolveStage(ref) {
            if target.id == deal.stage { return Strings.CLI.alreadyIn(label, target.name) }
            action = .move(id: deal.id, toStage: target.id)
        } else if ["next", "prev", "previous"].contains(ref.lowercased()) {
            let by = ref.lowercased() == "next" ? 1 : -1
            if let i = board.stageIndex(deal.stage) {
                if by < 0 && i == 0 { return Strings.CLI.alreadyFirst(label, board.stages[i].name) }
                if by > 0 && i == board.stages.count - 1 { return Strings.CLI.alreadyLast(label, board.stages[i].name) }
            }
            action = .shift(id: deal.id, by: by)
        } else {
            throw CLIFailure(Strings.CLI.optionProblem("STAGE", Strings.CLI.unknownMoveTarget(ref, board.stages)))
        }
        let outcome = try board.applying(action, at: Timestamp.now())
        guard outcome.changed, let moved = outcome.board.deal(deal.id) else { return Strings.CLI.nothingChanged }
        let from = board.stageName(deal.stage), to = outcome.board.stageName(moved.stage)
        board = outcome.board
        if moved.status != deal.status {
            return Strings.CLI.movedWithStatus(label, from, to, Strings.status(moved.status))
        }
        return Strings.CLI.moved(label, from, to)
    }
}

/// Shared by `won`, `lost` and `reopen`: apply one status action and report.
enum StatusChange {
    /// `action` nil: nothing to do. `report` gets the board after, the deal before and after;
    /// `unchanged` says why nothing changed (default: "already won/lost/open").
    static func run(
        file: FileOption, id: String, target: DealStatus, action: (Deal) -> Action?,
        report: (Board, Deal, Deal) -> String, unchanged: ((Board, Deal) -> String)? = nil
    ) throws {
        Console.out(
            try Store.update(file.path) { board -> String in
                let deal = try board.findDeal(id)
                let outcome = try action(deal).map { try board.applying($0, at: Timestamp.now()) }
                guard let outcome, outcome.changed, let after = outcome.board.deal(deal.id) else {
                    return unchanged?(board, deal)
                        ?? Strings.CLI.alreadyStatus(board.label(deal), Strings.status(target))
                }
                board = outcome.board
                return report(board, deal, after)
            })
    }
}

struct WonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "won", abstract: Strings.CLI.wonAbstract)
    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.CLI.helpID, valueName: "id"))
    var id: String

    func run() throws {
        try StatusChange.run(
            file: file, id: id, target: .won, action: { .markWon(id: $0.id) },
            report: { b, _, d in Strings.CLI.markedWon(b.label(d), b.stageName(d.stage)) })
    }
}

struct LostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lost", abstract: Strings.CLI.lostAbstract)
    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.CLI.helpID, valueName: "id"))
    var id: String
    @Option(name: .customLong("reason"), help: ArgumentHelp(Strings.CLI.helpReason, valueName: "text"))
    var reason: String?

    func run() throws {
        let given = Parse.text(reason)
        try StatusChange.run(
            file: file, id: id, target: .lost,
            action: { d in
                // Already lost: without --reason nothing changes (the reason is kept); a new
                // --reason replaces it, and the report says what it replaced.
                if d.status == .lost && given == nil { return nil }
                return .markLost(id: d.id, reason: given)
            },
            report: { b, before, d in
                if before.status == .lost {
                    return Strings.CLI.reasonChanged(b.label(d), from: before.lostReason, to: d.lostReason)
                }
                return Strings.CLI.markedLost(b.label(d), d.lostReason)
            },
            unchanged: { b, d in Strings.CLI.alreadyLost(b.label(d), d.lostReason, reasonGiven: given != nil) })
    }
}

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: Strings.CLI.reopenAbstract)
    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.CLI.helpID, valueName: "id"))
    var id: String

    func run() throws {
        try StatusChange.run(
            file: file, id: id, target: .open, action: { .reopen(id: $0.id) },
            report: { b, _, d in Strings.CLI.reopened(b.label(d), b.stageName(d.stage)) })
    }
}
