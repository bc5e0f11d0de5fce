import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage

/// `pipedeck activity add|done|list`: a deal's calls, meetings, emails, tasks and deadlines.
struct ActivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity", abstract: Strings.Activity.activityAbstract,
        subcommands: [ActivityAdd.self, ActivityDone.self, ActivityList.self], defaultSubcommand: ActivityList.self)
}

/// Reading the options of the activity commands, before the board is read.
enum ActivityInput {
    /// A type by its name or its letter (c, m, e, t, d).
    static func type(_ raw: String) throws -> ActivityType {
        let t = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if let x = ActivityType(rawValue: t) { return x }
        if t.count == 1, let c = t.first, let x = ActivityType.from(letter: c) { return x }
        throw CLIFailure(Strings.Activity.badType(raw))
    }

    /// `--due` (a day, maybe with a time) and `--time`.
    static func when(due: String?, time: String?, today: Day) throws -> (Day?, TimeOfDay?) {
        var day: Day? = nil, at: TimeOfDay? = nil
        if let due {
            guard case .success(let (d, t)) = TimeParser.when(due, today: today) else {
                throw CLIFailure(Strings.Activity.badDue(due))
            }
            (day, at) = (d, t)
        }
        if let time {
            guard let t = TimeParser.time(time) else { throw CLIFailure(Strings.Activity.badTime(time)) }
            guard day != nil else { throw CLIFailure(Strings.Activity.timeWithoutDue) }
            at = t
        }
        return (day, at)
    }

    static func duration(_ raw: String?) throws -> Int? {
        guard let raw else { return nil }
        guard let m = TimeParser.duration(raw) else { throw CLIFailure(Strings.Activity.badDuration(raw)) }
        return m
    }

    static func subject(_ raw: String) throws -> String {
        guard let t = Parse.text(raw) else { throw CLIFailure(Strings.Activity.emptySubject) }
        return t
    }
}

extension Board {
    /// An activity from an id or a unique beginning of one; the failure says how to find the ids.
    func findActivity(_ ref: String) throws -> (deal: Deal, activity: Activity) {
        switch resolveActivity(ref) {
        case .success(let (d, i)): return (d, d.activities[i])
        case .failure(.ambiguousActivity(_, let ids)): throw CLIFailure(Strings.Activity.ambiguousActivity(ref, ids))
        case .failure: throw CLIFailure(Strings.Activity.unknownActivity(ref))
        }
    }

    /// Applies an action; a refusal by the board's rules becomes the command's message.
    mutating func applyOrFail(_ action: Action, at now: Timestamp) throws {
        do throws(PipelineError) {
            self = try apply(action, at: now).board
        } catch {
            throw CLIFailure(Strings.describe(error))
        }
    }
}

/// `pipedeck activity add DEAL --type call --subject … [--due …] [--time …] [--duration …]`
struct ActivityAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: Strings.Activity.addAbstract)
    typealias A = Strings.Activity

    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(A.helpDeal, valueName: "deal")) var deal: String
    @Option(name: .customLong("type"), help: ArgumentHelp(A.helpType, valueName: "type")) var type: String
    @Option(name: .customLong("subject"), help: ArgumentHelp(A.helpSubject, valueName: "text")) var subject: String
    @Option(name: .customLong("due"), help: ArgumentHelp(A.helpDue, valueName: "day")) var due: String?
    @Option(name: .customLong("time"), help: ArgumentHelp(A.helpTime, valueName: "HH:MM")) var time: String?
    @Option(name: .customLong("duration"), help: ArgumentHelp(A.helpDuration, valueName: "length")) var duration:
        String?
    @Option(name: .customLong("owner"), help: ArgumentHelp(A.helpOwner, valueName: "name")) var owner: String?
    @Flag(name: .customLong("done"), help: ArgumentHelp(A.helpDone)) var done = false
    @Option(name: .customLong("outcome"), help: ArgumentHelp(A.helpOutcome, valueName: "text")) var outcome: String?

    func run() throws {
        let now = Timestamp.now()
        let kind = try ActivityInput.type(type)
        let text = try ActivityInput.subject(subject)
        let (day, at) = try ActivityInput.when(due: due, time: time, today: Day.today())
        let minutes = try ActivityInput.duration(duration)
        let id = try Store.update(file.path) { board -> String in
            let d = try board.findDeal(deal)
            var a = board.newActivity(on: d, type: kind, subject: text, at: now)
            a.due = day; a.time = at; a.duration = minutes
            if let o = Parse.text(owner) { a.owner = o }
            if done { a.done = true; a.doneAt = now }
            a.outcome = Parse.text(outcome)
            try board.applyOrFail(.addActivity(dealID: d.id, a), at: now)
            return a.id
        }
        Console.out(id)
    }
}

/// `pipedeck activity done ID [--outcome …]`
struct ActivityDone: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: Strings.Activity.doneAbstract)
    typealias A = Strings.Activity

    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(A.helpActivityID, valueName: "id")) var id: String
    @Option(name: .customLong("outcome"), help: ArgumentHelp(A.helpOutcome, valueName: "text")) var outcome: String?

    func run() throws {
        let now = Timestamp.now()
        let note = Parse.text(outcome)
        let report = try Store.update(file.path) { board -> String in
            let (d, a) = try board.findActivity(id)
            let label = board.label(d)
            if a.done && (note == nil || note == a.outcome) { return A.alreadyDone(a.subject, label) }
            try board.applyOrFail(.completeActivity(dealID: d.id, activityID: a.id, outcome: note), at: now)
            return a.done ? A.outcomeNoted(a.subject, label) : A.done(a.type, a.subject, label)
        }
        Console.out(report)
    }
}

/// `pipedeck log DEAL --call "Discussed pricing"`: something just done, in one line.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: Strings.Activity.logAbstract, discussion: Strings.Activity.logDiscussion)
    typealias A = Strings.Activity

    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(A.helpDeal, valueName: "deal")) var deal: String
    @Option(name: .customLong("call"), help: ArgumentHelp(A.helpLog(.call), valueName: "text")) var call: String?
    @Option(name: .customLong("meeting"), help: ArgumentHelp(A.helpLog(.meeting), valueName: "text"))
    var meeting: String?
    @Option(name: .customLong("email"), help: ArgumentHelp(A.helpLog(.email), valueName: "text")) var email: String?
    @Option(name: .customLong("task"), help: ArgumentHelp(A.helpLog(.task), valueName: "text")) var task: String?
    @Option(name: .customLong("deadline"), help: ArgumentHelp(A.helpLog(.deadline), valueName: "text"))
    var deadline: String?
    @Option(name: .customLong("outcome"), help: ArgumentHelp(A.helpOutcome, valueName: "text")) var outcome: String?

    func run() throws {
        let now = Timestamp.now()
        let given = [
            (ActivityType.call, call), (.meeting, meeting), (.email, email), (.task, task), (.deadline, deadline),
        ]
        .compactMap { t, v in v.map { (t, $0) } }
        guard let (kind, raw) = given.first else { throw CLIFailure(A.oneLogType) }
        if given.count > 1 { throw CLIFailure(A.severalLogTypes(given.map { "--" + $0.0.rawValue })) }
        let text = try ActivityInput.subject(raw)
        let report = try Store.update(file.path) { board -> String in
            let d = try board.findDeal(deal)
            var a = board.newActivity(on: d, type: kind, subject: text, at: now)
            a.done = true; a.doneAt = now
            a.outcome = Parse.text(outcome)
            try board.applyOrFail(.addActivity(dealID: d.id, a), at: now)
            return A.logged(kind, text, board.label(d), a.id)
        }
        Console.out(report)
    }
}
