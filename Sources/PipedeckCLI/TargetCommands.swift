import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage

/// `pipedeck targets`: the won value aimed for per month or quarter, for the team or an owner.
struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets", abstract: Strings.Targets.abstract, discussion: Strings.Targets.discussion,
        subcommands: [TargetsList.self, TargetsSet.self, TargetsRemove.self], defaultSubcommand: TargetsList.self)
}

enum TargetArguments {
    static func period(_ raw: String) throws -> Period {
        guard let p = Period.parse(raw) else {
            throw CLIFailure(Strings.CLI.optionError("PERIOD", raw, StorageStrings.period))
        }
        return p
    }

    static func owner(_ raw: String?) throws -> String? {
        guard let raw else { return nil }
        guard let t = Parse.text(raw) else { throw CLIFailure(Strings.CLI.emptyName("--owner")) }
        return t
    }
}

struct TargetsSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: Strings.Targets.setAbstract)
    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.Targets.helpPeriod, valueName: "period")) var period: String
    @Argument(help: ArgumentHelp(Strings.Targets.helpAmount, valueName: "amount")) var amount: String
    @Option(name: .customLong("owner"), help: ArgumentHelp(Strings.Targets.helpOwner, valueName: "name"))
    var owner: String?

    func run() throws {
        let p = try TargetArguments.period(period)
        let value = try Parse.value(amount, option: "AMOUNT")
        let who = try TargetArguments.owner(owner)
        try change(file) { board in
            let target = SalesTarget(period: p, owner: who, amount: value)
            return (.setTarget(target), { b in Strings.Targets.set(p, who, AmountText.one(value, b)) })
        }
    }
}

struct TargetsRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: Strings.Targets.rmAbstract)
    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.Targets.helpPeriod, valueName: "period")) var period: String
    @Option(name: .customLong("owner"), help: ArgumentHelp(Strings.Targets.helpOwner, valueName: "name"))
    var owner: String?

    func run() throws {
        let p = try TargetArguments.period(period)
        let who = try TargetArguments.owner(owner)
        try change(file) { board in
            guard board.settings.targets.contains(where: { $0.isFor(p, owner: who) }) else {
                throw CLIFailure(Strings.Targets.noSuchTarget(p, who))
            }
            return (.removeTarget(period: p, owner: who), { _ in Strings.Targets.removed(p, who) })
        }
    }
}

struct TargetsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Strings.Targets.listAbstract)
    @OptionGroup var file: FileOption
    @Flag(name: .customLong("json"), help: ArgumentHelp(Strings.CLI.helpJSON)) var json = false

    func run() throws {
        let board = try Store.load(file.path)
        let today = Day.today()
        let rows = board.sortedTargets.map { t in
            (
                t,
                PeriodProgress(
                    board: board, deals: board.deals(ownedBy: t.owner), period: t.period, today: today, owner: t.owner,
                    zone: .current)
            )
        }
        if json {
            Console.out(
                JSONOut.object([
                    ("board", .string(board.name)), ("currency", .string(board.currency)),
                    ("targets", .array(rows.map { TargetOutput.json($0.0, $0.1, board: board) })),
                ]
                ).rendered())
            return
        }
        guard !rows.isEmpty else {
            Console.out(Strings.Targets.none)
            return
        }
        Console.out(TargetOutput.table(rows, board: board))
    }
}

/// `pipedeck rates`: what one unit of another currency is worth in the board's currency.
struct RatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates", abstract: Strings.Targets.ratesAbstract, discussion: Strings.Targets.ratesDiscussion,
        subcommands: [RatesList.self, RatesSet.self, RatesRemove.self], defaultSubcommand: RatesList.self)
}

struct RatesSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: Strings.Targets.rateSetAbstract)
    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.Targets.helpCurrency, valueName: "currency")) var currency: String
    @Argument(help: ArgumentHelp(Strings.Targets.helpRate, valueName: "rate")) var rate: String
    @Option(name: .customLong("date"), help: ArgumentHelp(Strings.Targets.helpRateDate, valueName: "YYYY-MM-DD"))
    var date: String?

    func run() throws {
        let code = try Parse.currency(currency, option: "CURRENCY")
        guard let r = Rate.parse(rate) else { throw CLIFailure(Strings.CLI.optionError("RATE", rate, Strings.badRate)) }
        let day = try date.map { try Parse.day($0, option: "--date") } ?? Day.today()
        try change(file) { board in
            (
                .setRate(ExchangeRate(currency: code, rate: r, date: day)),
                { b in Strings.Targets.rateSet(code, r, b.currency, day) }
            )
        }
    }
}

struct RatesRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: Strings.Targets.rateRmAbstract)
    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.Targets.helpCurrency, valueName: "currency")) var currency: String

    func run() throws {
        let code = try Parse.currency(currency, option: "CURRENCY")
        try change(file) { board in
            guard board.rate(for: code) != nil else { throw CLIFailure(Strings.Targets.noSuchRate(code)) }
            return (.removeRate(currency: code), { _ in Strings.Targets.rateRemoved(code) })
        }
    }
}

struct RatesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Strings.Targets.rateListAbstract)
    @OptionGroup var file: FileOption
    @Flag(name: .customLong("json"), help: ArgumentHelp(Strings.CLI.helpJSON)) var json = false

    func run() throws {
        let board = try Store.load(file.path)
        let rates = board.settings.rates
        if json {
            let list: [JSONOut] = rates.map {
                .object([
                    ("currency", .string($0.currency)), ("rate", .number($0.rate.description)),
                    ("date", .string($0.date.description)),
                ])
            }
            Console.out(JSONOut.object([("currency", .string(board.currency)), ("rates", .array(list))]).rendered())
            return
        }
        guard !rates.isEmpty else {
            Console.out(Strings.Targets.noRates(board.currency))
            return
        }
        for r in rates { Console.out(Strings.Targets.rateLine(r, board.currency)) }
    }
}
