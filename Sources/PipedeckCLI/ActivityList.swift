import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage

/// `pipedeck activity list [--deal …] [--owner …] [--type …] [--status …] [--json]`: planned
/// activities first (soonest first), then the done ones (latest first).
struct ActivityList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Strings.Activity.listAbstract)
    typealias A = Strings.Activity
    static let statuses = ["all", "planned", "done"]

    @OptionGroup var file: FileOption
    @Option(name: .customLong("deal"), help: ArgumentHelp(A.helpListDeal, valueName: "deal")) var deal: String?
    @Option(name: .customLong("owner"), help: ArgumentHelp(A.helpListOwner, valueName: "name")) var owner: String?
    @Option(name: .customLong("type"), help: ArgumentHelp(A.helpListType, valueName: "type")) var type: String?
    @Option(name: .customLong("status"), help: ArgumentHelp(A.helpListStatus, valueName: "planned|done|all"))
    var status = "all"
    @Flag(name: .customLong("json"), help: ArgumentHelp(Strings.CLI.helpJSON)) var json = false

    func run() throws {
        let st = status.trimmingCharacters(in: .whitespaces).lowercased()
        guard ActivityList.statuses.contains(st) else {
            throw CLIFailure(Strings.CLI.badChoice("--status", status, ActivityList.statuses))
        }
        let kind = try type.map(ActivityInput.type)
        let board = try Store.load(file.path)
        let deals = try deal.map { [try board.findDeal($0)] } ?? board.deals
        let wanted = owner.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var rows: [(deal: Deal, activity: Activity)] = []
        for d in deals {
            for a in d.activities {
                if let kind, a.type != kind { continue }
                if st == "planned" && a.done || st == "done" && !a.done { continue }
                if let wanted, (a.owner ?? d.owner)?.trimmingCharacters(in: .whitespaces).lowercased() != wanted {
                    continue
                }
                rows.append((d, a))
            }
        }
        rows = ActivityList.ordered(rows)
        let today = Day.today()
        if json {
            Console.out(
                JSONOut.array(rows.map { ActivityJSON.make($0.activity, deal: $0.deal, today: today) }).rendered())
            return
        }
        if rows.isEmpty { Console.out(A.noActivities); return }
        var t = TextTable([
            .init(title: A.colID), .init(title: A.colWhen), .init(title: A.colStatus), .init(title: A.colType),
            .init(title: A.colSubject, maxWidth: 36), .init(title: A.colDeal, maxWidth: 30),
            .init(title: A.colOwner, maxWidth: 18), .init(title: A.colOutcome, maxWidth: 30),
        ])
        for (d, a) in rows {
            t.add([
                a.id, ActivityList.when(a), ActivityList.state(a, today: today), Strings.activityType(a.type),
                a.subject,
                d.title, a.owner ?? d.owner ?? "", a.outcome ?? "",
            ])
        }
        Console.out(t.rendered())
    }

    /// Planned first, soonest first; then done, latest first.
    static func ordered(_ rows: [(deal: Deal, activity: Activity)]) -> [(deal: Deal, activity: Activity)] {
        rows.sorted { x, y in
            let a = x.activity, b = y.activity
            if a.done != b.done { return !a.done }
            if !a.done { return Activity.plannedBefore(a, b) }
            let ta = a.doneAt ?? a.createdAt, tb = b.doneAt ?? b.createdAt
            return ta != tb ? ta > tb : a.id < b.id
        }
    }

    /// "2026-12-03 14:30": when it is planned, or when it was done (on this computer's clock).
    static func when(_ a: Activity) -> String {
        if a.done, let at = a.doneAt {
            let (day, time) = at.local(in: .current)
            return day.description + " " + time.description
        }
        return (a.due?.description ?? "") + (a.time.map { " " + $0.description } ?? "")
    }

    static func state(_ a: Activity, today: Day) -> String {
        if a.done { return A.doneWord }
        if let due = a.due, due < today { return A.overdue }
        return A.planned
    }
}

/// An activity as JSON, with its deal.
enum ActivityJSON {
    static func make(_ a: Activity, deal: Deal?, today: Day) -> JSONOut {
        var fields: [(String, JSONOut)] = [("id", .string(a.id))]
        if let deal { fields += [("deal", .string(deal.id)), ("dealTitle", .string(deal.title))] }
        fields += [
            ("type", .string(a.type.rawValue)),
            ("subject", .string(a.subject)),
            ("due", .text(a.due?.description)),
            ("time", .text(a.time?.description)),
            ("duration", a.duration.map(JSONOut.int) ?? .null),
            ("done", .bool(a.done)),
            ("doneAt", .text(a.doneAt?.description)),
            ("overdue", .bool(!a.done && (a.due.map { $0 < today } ?? false))),
            ("outcome", .text(a.outcome)),
            ("owner", .text(a.owner ?? deal?.owner)),
            ("createdAt", .string(a.createdAt.description)),
        ]
        return .object(fields)
    }
}
