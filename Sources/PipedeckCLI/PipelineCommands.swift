import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckRender

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agenda", abstract: Strings.Work.agendaAbstract)
    @OptionGroup var file: FileOption
    @Option(name: .customLong("owner"), help: ArgumentHelp(Strings.Work.helpOwner, valueName: "name"))
    var owner: String?
    @Option(name: .customLong("type"), help: ArgumentHelp(Strings.Work.helpAgendaType, valueName: "type"))
    var type: String?
    @Flag(name: .customLong("json"), help: ArgumentHelp(Strings.CLI.helpJSON))
    var json = false

    func run() throws {
        let kind = try type.map(ActivityInput.type)
        let board = try Store.load(file.path)
        let today = Day.today()
        let deals = try owner.map { try OwnerFilter.deals(of: $0, on: board).deals } ?? board.deals
        let agenda = Agenda(board: board, deals: deals, today: today, type: kind)
        if json {
            let items = agenda.items.map { i -> JSONOut in
                .object([
                    ("bucket", .string(i.bucket.rawValue)), ("due", JSONOut.text(i.due?.description)),
                    ("time", JSONOut.text(i.time?.description)), ("duration", i.duration.map(JSONOut.int) ?? .null),
                    ("days", i.days.map { JSONOut.int($0) } ?? .null), ("activity", JSONOut.text(i.activityID)),
                    ("type", JSONOut.text(i.type?.rawValue)), ("action", JSONOut.text(i.action)),
                    ("deal", .string(i.dealID)), ("title", .string(i.title)), ("company", JSONOut.text(i.company)),
                    ("owner", JSONOut.text(i.owner)), ("stage", .string(i.stage)),
                ])
            }
            Console.out(JSONOut.object([("today", .string(today.description)), ("items", .array(items))]).rendered())
            return
        }
        if agenda.items.isEmpty { Console.out(Strings.Work.nothingPlanned); return }
        let W = Strings.Work.self
        var sections: [String] = []
        for bucket in Agenda.Bucket.allCases {
            let items = agenda.items(in: bucket)
            if items.isEmpty { continue }
            var t = TextTable([
                .init(title: W.colDue), .init(title: W.colTime), .init(title: W.colWhen), .init(title: W.colType),
                .init(title: W.colAction, maxWidth: 40), .init(title: W.colDeal, maxWidth: 34),
                .init(title: W.colCompany, maxWidth: 26), .init(title: W.colOwner, maxWidth: 18),
                .init(title: W.colID),
            ])
            for i in items {
                let when = i.days.map { $0 < 0 ? W.late(-$0) : W.inDays($0) } ?? ""
                t.add([
                    i.due?.description ?? "", i.time?.description ?? "", when, i.type.map(Strings.activityType) ?? "",
                    i.action ?? "—", i.title, i.company ?? "", i.owner ?? "", i.activityID ?? i.dealID,
                ])
            }
            sections.append("\(Strings.agendaBucket(bucket)) (\(items.count))\n" + t.rendered())
        }
        Console.out(sections.joined(separator: "\n\n"))
    }
}

struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages", abstract: Strings.Work.stagesAbstract,
        subcommands: [
            StagesList.self, StagesAdd.self, StagesRename.self, StagesSet.self, StagesMove.self, StagesRemove.self,
        ],
        defaultSubcommand: StagesList.self)
}

/// Applies one action to the board as it is on disk (under its lock), saves, and prints what
/// happened. `name` is the stage name the command was given and what it calls it (`NAME`,
/// `NEW-NAME`), for a refused name.
func change(
    _ file: FileOption, name given: (label: String, value: String)? = nil,
    _ build: (Board) throws -> (Action, (Board) -> String)
) throws {
    let text = try Store.update(file.path) { board -> String in
        let (action, report) = try build(board)
        let outcome: Outcome
        switch Result(catching: { () throws(PipelineError) -> Outcome in try board.apply(action, at: Timestamp.now()) })
        {
        case .success(let o): outcome = o
        case .failure(.invalid(let field, let reason)) where field == "name" && given != nil:
            throw CLIFailure(Strings.CLI.optionError(given?.label ?? field, given?.value ?? "", reason))
        case .failure(let error): throw CLIFailure(Strings.describe(error))
        }
        guard outcome.changed else { return Strings.CLI.nothingChanged }
        board = outcome.board
        return report(board)
    }
    Console.out(text)
}

private func rotDays(_ raw: String, option: String) throws -> Int {
    try Parse.whole(raw, option: option, in: 0...3650, expected: Strings.rotDaysRange)
}

struct StagesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Strings.Work.stagesListAbstract)
    @OptionGroup var file: FileOption
    @Flag(name: .customLong("json"), help: ArgumentHelp(Strings.CLI.helpJSON)) var json = false

    func run() throws {
        let board = try Store.load(file.path)
        var counts: [String: Int] = [:]
        for d in board.deals { counts[d.stage, default: 0] += 1 }
        if json {
            Console.out(
                JSONOut.array(
                    board.stages.map { s in
                        .object([
                            ("id", .string(s.id)), ("name", .string(s.name)), ("probability", .percent(s.probability)),
                            ("kind", .string(s.kind.rawValue)), ("rotDays", .int(s.rotDays)),
                            ("deals", .int(counts[s.id] ?? 0)),
                        ])
                    }
                ).rendered())
            return
        }
        let W = Strings.Work.self
        var t = TextTable([
            .init(title: W.colPos, align: .right), .init(title: W.colID), .init(title: W.colName, maxWidth: 32),
            .init(title: W.colProb, align: .right), .init(title: W.colRot, align: .right), .init(title: W.colKind),
            .init(title: W.colDeals, align: .right),
        ])
        for (i, s) in board.stages.enumerated() {
            t.add([
                "\(i + 1)", s.id, s.name, Strings.percent(s.probability), s.rotDays == 0 ? W.off : W.days(s.rotDays),
                s.kind.rawValue, "\(counts[s.id] ?? 0)",
            ])
        }
        Console.out(t.rendered())
    }
}

struct StagesAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: Strings.Work.stagesAddAbstract)
    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.Work.helpName, valueName: "name")) var name: String
    @Option(name: .customLong("probability"), help: ArgumentHelp(Strings.Work.helpProbability, valueName: "percent"))
    var probability: String
    @Option(
        name: .customLong("rot-days"), parsing: .unconditional,
        help: ArgumentHelp(Strings.Work.helpRot + tr(" Default 14.", " 14 par défaut."), valueName: "days"))
    var rot: String?
    @Option(
        name: .customLong("at"), parsing: .unconditional, help: ArgumentHelp(Strings.Work.helpAt, valueName: "position")
    )
    var at: String?

    func run() throws {
        let p = try Parse.percent(probability, option: "--probability")
        let r = try rot.map { try rotDays($0, option: "--rot-days") } ?? 14
        try change(file, name: ("NAME", name)) { board in
            let at = try self.at.map {
                try Parse.whole(
                    $0, option: "--at", in: 1...(board.stages.count + 1),
                    expected: Strings.Work.positionRange(board.stages.count + 1))
            }
            let id = board.makeStageID(name: name)
            return (
                .addStage(Stage(id: id, name: name, probability: p, rotDays: r), at: at.map { $0 - 1 }),
                { b in Strings.Work.stageAdded(name, id, (b.stageIndex(id) ?? 0) + 1) }
            )
        }
    }
}

struct StagesRename: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: Strings.Work.stagesRenameAbstract)
    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.Work.helpStage, valueName: "stage")) var stage: String
    @Argument(help: ArgumentHelp(Strings.Work.helpName, valueName: "new-name")) var name: String

    func run() throws {
        try change(file, name: ("NEW-NAME", name)) { board in
            var s = try board.findStage(stage, option: "STAGE")
            let old = s.name
            s.name = name
            return (.updateStage(s), { _ in Strings.Work.stageRenamed(old, name) })
        }
    }
}

struct StagesSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: Strings.Work.stagesSetAbstract)
    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.Work.helpStage, valueName: "stage")) var stage: String
    @Option(name: .customLong("probability"), help: ArgumentHelp(Strings.Work.helpProbability, valueName: "percent"))
    var probability: String?
    @Option(
        name: .customLong("rot-days"), parsing: .unconditional,
        help: ArgumentHelp(Strings.Work.helpRot, valueName: "days"))
    var rot: String?

    func run() throws {
        guard probability != nil || rot != nil else { throw CLIFailure(Strings.Work.nothingToSet) }
        let p = try probability.map { try Parse.percent($0, option: "--probability") }
        let r = try rot.map { try rotDays($0, option: "--rot-days") }
        try change(file) { board in
            var s = try board.findStage(stage, option: "STAGE")
            if let p { s.probability = p }
            if let r { s.rotDays = r }
            return (.updateStage(s), { _ in Strings.Work.stageSet(s.name, s.probability, s.rotDays) })
        }
    }
}

struct StagesMove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: Strings.Work.stagesMoveAbstract,
        usage: "pipedeck stages move [--file <path>] <stage> <position>")
    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.Work.helpStage, valueName: "stage")) var stage: String
    /// Collected as "all unrecognised" so that a negative position reaches the command (which
    /// says what it got) instead of being taken for an unknown option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp(Strings.Work.helpPosition, valueName: "position"))
    var positions: [String] = []

    func run() throws {
        guard let raw = try Parse.single(positions) else {
            throw CLIFailure(
                Strings.CLI.optionProblem("POSITION", Strings.CLI.missingArgument(Strings.Work.helpPositionExpected)))
        }
        try change(file) { board in
            let s = try board.findStage(stage, option: "STAGE")
            let position = try Parse.whole(
                raw, option: "POSITION", in: 1...board.stages.count,
                expected: Strings.Work.positionRange(board.stages.count))
            let from = board.stageIndex(s.id)!
            return (.moveStage(id: s.id, by: position - 1 - from), { _ in Strings.Work.stageMoved(s.name, position) })
        }
    }
}

struct StagesRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: Strings.Work.stagesRemoveAbstract)
    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.Work.helpStage, valueName: "stage")) var stage: String
    @Option(name: .customLong("move-deals-to"), help: ArgumentHelp(Strings.Work.helpMoveDeals, valueName: "stage"))
    var target: String?

    func run() throws {
        try change(file) { board in
            let s = try board.findStage(stage, option: "STAGE")
            let t = try target.map { try board.findStage($0, option: "--move-deals-to") }
            let n = board.deals.filter { $0.stage == s.id }.count
            if n > 0 && t == nil { throw CLIFailure(Strings.Work.needsTarget(s.name, n)) }
            return (
                .deleteStage(id: s.id, moveDealsTo: t?.id),
                { _ in Strings.Work.stageRemoved(s.name, n, n > 0 ? t?.name : nil) }
            )
        }
    }
}

struct ReasonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reasons", abstract: Strings.Work.reasonsAbstract)
    @OptionGroup var file: FileOption
    @Argument(
        help: ArgumentHelp(
            tr("list, add or rm", "list (lister), add (ajouter) ou rm (retirer)"), valueName: "list|add|rm")) var verb:
        String = "list"
    @Argument(help: ArgumentHelp(Strings.Work.helpReason, valueName: "reason")) var reason: String?

    func run() throws {
        switch verb {
        case "list":
            let board = try Store.load(file.path)
            for (i, r) in board.settings.lostReasons.enumerated() { Console.out("\(i + 1)  \(TextWidth.sanitize(r))") }
        case "add", "rm":
            guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CLIFailure(Strings.CLI.optionProblem("REASON", Strings.emptyText))
            }
            try change(file) { board in
                var list = board.settings.lostReasons
                if verb == "add" {
                    list.append(reason)
                } else {
                    guard let i = list.firstIndex(where: { $0.lowercased() == reason.lowercased() }) else {
                        throw CLIFailure(Strings.Work.unknownReason(reason, list))
                    }
                    list.remove(at: i)
                }
                return (
                    .setLostReasons(list),
                    { _ in verb == "add" ? Strings.Work.reasonAdded(reason) : Strings.Work.reasonRemoved(reason) }
                )
            }
        default:
            throw CLIFailure(Strings.CLI.badChoice("VERB", verb, ["list", "add", "rm"]))
        }
    }
}
