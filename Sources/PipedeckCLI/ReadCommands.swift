import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage

/// `pipedeck list`: the deals as an aligned table or JSON.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Strings.CLI.listAbstract)

    static let statuses = ["open", "won", "lost", "all"]
    static let sorts = SortKey.allCases.map(\.rawValue)

    @OptionGroup var file: FileOption
    @Option(name: .customLong("stage"), help: ArgumentHelp(Strings.CLI.helpListStage, valueName: "stage"))
    var stage: String?
    @Option(name: .customLong("owner"), help: ArgumentHelp(Strings.CLI.helpListOwner, valueName: "name"))
    var owner: String?
    @Option(name: .customLong("source"), help: ArgumentHelp(Strings.CLI.helpListSource, valueName: "name"))
    var source: String?
    @Option(name: .customLong("tag"), help: ArgumentHelp(Strings.CLI.helpListTag, valueName: "tag"))
    var tag: String?
    @Option(name: .customLong("status"), help: ArgumentHelp(Strings.CLI.helpStatus, valueName: "open|won|lost|all"))
    var status: String = "open"
    @Option(name: .customLong("sort"), help: ArgumentHelp(Strings.CLI.helpSort, valueName: "order"))
    var sort: String = "rank"
    @Flag(name: .customLong("json"), help: ArgumentHelp(Strings.CLI.helpJSON))
    var json = false

    func run() throws {
        let st = status.trimmingCharacters(in: .whitespaces).lowercased()
        guard ListCommand.statuses.contains(st) else {
            throw CLIFailure(Strings.CLI.badChoice("--status", status, ListCommand.statuses))
        }
        let order = sort.trimmingCharacters(in: .whitespaces).lowercased()
        guard ListCommand.sorts.contains(order) else {
            throw CLIFailure(Strings.CLI.badChoice("--sort", sort, ListCommand.sorts))
        }

        let board = try Store.load(file.path)
        let stageID = try stage.map { try board.findStage($0, option: "--stage").id }
        let today = Day.today()
        func same(_ a: String?, _ b: String?) -> Bool {
            guard let b else { return true }
            return a?.trimmingCharacters(in: .whitespaces).lowercased()
                == b.trimmingCharacters(in: .whitespaces).lowercased()
        }
        let wantedTag = tag?.trimmingCharacters(in: .whitespaces).lowercased()
        let ofOwner = try owner.map { try OwnerFilter.deals(of: $0, on: board).deals } ?? board.deals
        let deals = ofOwner.filter { d in
            (st == "all" || d.status.rawValue == st)
                && (stageID == nil || d.stage == stageID)
                && same(d.source, source)
                && (wantedTag == nil || d.tags.contains { $0.lowercased() == wantedTag })
        }
        let sorted = ListCommand.sorted(deals, by: order, on: board, today: today)

        if json {
            Console.out(JSONOut.array(sorted.map { DealJSON.make($0, board: board, today: today) }).rendered())
            return
        }
        if sorted.isEmpty { Console.out(Strings.CLI.noDealsMatch(st)); return }
        Console.out(ListCommand.table(sorted, board: board, showStatus: st != "open"))
    }

    /// Stage order then column order; the other orders (the board's, see `Board.sorted`) fall back on it for ties.
    static func sorted(_ deals: [Deal], by order: String, on board: Board, today: Day = Day.today()) -> [Deal] {
        var index: [String: Int] = [:]
        for (i, s) in board.stages.enumerated() { index[s.id] = i }
        return board.sorted(deals, by: SortKey(rawValue: order) ?? .rank, today: today) { a, b in
            let ia = index[a.stage] ?? Int.max, ib = index[b.stage] ?? Int.max
            return ia != ib ? ia < ib : Board.columnOrder(a, b)
        }
    }

    static func table(_ deals: [Deal], board: Board, showStatus: Bool) -> String {
        let S = Strings.CLI.self
        var columns: [TextTable.Column] = [.init(title: S.colID), .init(title: S.colStage, maxWidth: 18)]
        if showStatus { columns.append(.init(title: S.colStatus)) }
        columns += [
            .init(title: S.colTitle, maxWidth: 34),
            .init(title: S.colCompany, maxWidth: 24),
            .init(title: S.colValue, align: .right, maxWidth: 18),
            .init(title: S.colProb, align: .right),
            .init(title: S.colWeighted, align: .right, maxWidth: 18),
            .init(title: S.colNextDue),
        ]
        var table = TextTable(columns)
        var fmt = AmountText(board: board)
        for d in deals {
            let cur = board.currency(of: d)
            var due = ""
            if let n = d.nextActivity { due = n.due?.description ?? S.noDue }
            var cells = [d.id, board.stageName(d.stage)]
            if showStatus { cells.append(Strings.status(d.status)) }
            cells += [
                d.title, d.company ?? "", fmt.string(d.value, cur), Strings.percent(board.probability(of: d)),
                fmt.string(board.countedWeight(of: d), cur), due,
            ]
            table.add(cells)
        }
        return table.rendered()
    }
}

/// `pipedeck show ID`: every field and the history.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: Strings.CLI.showAbstract)

    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.CLI.helpID, valueName: "id"))
    var id: String
    @Flag(name: .customLong("json"), help: ArgumentHelp(Strings.CLI.helpJSON))
    var json = false

    func run() throws {
        let board = try Store.load(file.path)
        let deal = try board.findDeal(id)
        let today = Day.today()
        if json {
            Console.out(DealJSON.make(deal, board: board, today: today).rendered())
        } else {
            Console.out(ShowCommand.text(deal, board: board, today: today))
        }
    }

    static func text(_ d: Deal, board: Board, today: Day) -> String {
        let S = Strings.CLI.self
        var fmt = AmountText(board: board)
        let cur = board.currency(of: d)
        var fields: [(String, String)] = []
        func add(_ label: String, _ value: String?) { fields.append((label, value.map(TextWidth.sanitize) ?? S.none)) }

        add(S.labelCompany, d.company)
        add(S.labelContact, d.contact)
        add(Strings.Activity.labelPhone, d.phone)
        add(Strings.Activity.labelEmail, d.email)
        add(
            S.labelStage,
            "\(board.stageName(d.stage)) (\(d.stage)), \(S.daysInStage(board.daysInStage(d, today: today)))")
        add(S.labelStatus, Strings.status(d.status))
        if d.status == .lost { add(S.labelLostReason, d.lostReason) }
        add(S.labelValue, fmt.string(d.value, cur))
        let stageP = board.stage(d.stage)?.probability ?? .zero
        add(
            S.labelProbability,
            d.probability.map { S.ownProbability($0.description, stage: stageP.description) }
                ?? S.stageProbability(stageP.description))
        add(S.labelWeighted, fmt.string(board.countedWeight(of: d), cur))
        add(S.labelOwner, d.owner)
        add(S.labelSource, d.source)
        add(S.labelTags, d.tags.isEmpty ? nil : d.tags.joined(separator: ", "))
        add(S.labelClose, d.expectedClose?.description)
        if let n = d.nextActivity {
            var parts: [String] = [Strings.activityType(n.type)]
            if let due = n.due { parts.append(S.due(due.description + (n.time.map { " " + $0.description } ?? ""))) }
            if let due = n.due, due < today { parts.append(S.overdue) }
            add(S.labelNext, n.subject + " (" + parts.joined(separator: ", ") + ")")
        } else {
            add(S.labelNext, nil)
        }
        if let q = d.qualification {
            var parts: [String] = []
            if q.budget { parts.append(S.bantBudget) }
            if q.authority { parts.append(S.bantAuthority) }
            if q.need { parts.append(S.bantNeed) }
            if q.timeline { parts.append(S.bantTimeline) }
            add(S.labelQualification, S.bant(q.score, parts))
        } else {
            add(S.labelQualification, nil)
        }
        add(S.labelCreated, d.createdAt.description)
        add(S.labelUpdated, d.updatedAt.description)

        // Notes keep their line breaks: the lines after the first are aligned under it.
        let noteLines =
            d.notes.map { n in
                n.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { TextWidth.sanitize(String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))) }
            } ?? [S.none]
        fields.append((S.labelNotes, noteLines[0]))

        let labelWidth = fields.map { TextWidth.width($0.0) }.max() ?? 0
        var lines = ["\(d.id)  \(TextWidth.sanitize(d.title))"]
        for (label, value) in fields {
            lines.append("  " + TextWidth.fit(label, to: labelWidth) + "  " + value)
        }
        for l in noteLines.dropFirst() {
            lines.append(String(repeating: " ", count: labelWidth + 4) + l)
        }
        if !d.activities.isEmpty {
            lines.append("  " + Strings.Activity.labelActivities)
            for (_, a) in ActivityList.ordered(d.activities.map { (d, $0) }) {
                let state = ActivityList.state(a, today: today)
                var line =
                    "    " + TextWidth.fit(ActivityList.when(a), to: 16) + "  " + TextWidth.fit(state, to: 7) + "  "
                line += Strings.activityType(a.type) + " · " + TextWidth.sanitize(a.subject)
                if let o = a.outcome { line += " — " + TextWidth.sanitize(o) }
                lines.append(line + "  [" + a.id + "]")
            }
        }
        lines.append("  " + S.labelHistory)
        for h in d.history {
            lines.append("    " + h.at.description + "  " + TextWidth.sanitize(historyText(h, deal: d, board: board)))
        }
        return lines.joined(separator: "\n")
    }

    static func historyText(_ h: HistoryEntry, deal: Deal, board: Board) -> String {
        if let note = h.merge {
            return Strings.Changes.note(
                note, deal: deal, board: board, locale: board.settings.locale ?? CLIEnvironment.locale)
        }
        if let edit = h.notes { return Strings.notesEdited(length: edit.length) }
        let S = Strings.CLI.self
        let to = board.stageName(h.to)
        guard let fromID = h.from else {
            return h.status == .won ? S.historyCreatedWon(to) : S.historyCreated(to)
        }
        let from = board.stageName(fromID)
        switch h.status {
        case .won: return S.historyWon(from, to)
        case .lost: return S.historyLost(to)
        case .open: return S.historyReopened(from, to)
        case nil: return S.historyMoved(from, to)
        }
    }
}

/// `pipedeck summary`: PipelineSummary's figures.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "summary", abstract: Strings.CLI.summaryAbstract)

    @OptionGroup var file: FileOption
    @Flag(name: .customLong("json"), help: ArgumentHelp(Strings.CLI.helpJSON))
    var json = false

    func run() throws {
        let board = try Store.load(file.path)
        let summary = PipelineSummary(board: board)
        Console.out(
            json ? SummaryOutput.json(summary, board: board).rendered() : SummaryOutput.text(summary, board: board))
    }
}
