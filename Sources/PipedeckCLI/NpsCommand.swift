import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckStorage

/// `pipedeck nps ID [SCORE] [--clear]`: records (or shows, or removes) a won deal's customer
/// answer to "how likely are you to recommend us?", kept in the deal as `nps`.
struct NpsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nps", abstract: Strings.Reports.npsAbstract,
        usage: "pipedeck nps [--file <path>] <id> [<score>] [--clear]", discussion: Strings.Reports.npsDiscussion)

    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.CLI.helpID, valueName: "id"))
    var id: String
    /// The score, collected as "all unrecognised" so that a negative one ("-1") reaches the
    /// command, which says what it got, instead of being taken for an unknown option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp(Strings.Reports.helpScore, valueName: "score"))
    var scores: [String] = []
    @Flag(name: .customLong("clear"), help: ArgumentHelp(Strings.Reports.helpClear))
    var clear = false

    /// A whole number from 0 to 10, blanks around it allowed.
    static func parseScore(_ raw: String) throws -> Int {
        let t = raw.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 3, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t),
            Deal.npsRange.contains(n)
        else {
            throw CLIFailure(Strings.Reports.badScore(raw))
        }
        return n
    }

    func run() throws {
        let R = Strings.Reports.self
        let score = try Parse.single(scores)
        if clear && score != nil { throw CLIFailure(R.scoreAndClear) }
        let newScore = try score.map(NpsCommand.parseScore)

        let path = file.path
        if !clear && newScore == nil {
            let board = try Store.load(path)
            let deal = try board.findDeal(id)
            let label = board.label(deal)
            Console.out(deal.npsScore.map { R.scoreShown(label, $0) } ?? R.noScore(label))
            return
        }
        Console.out(try Store.update(path) { board in try record(newScore, on: &board) })
    }

    /// Records (or clears) the score on the board as it is on disk; returns what to print.
    private func record(_ newScore: Int?, on board: inout Board) throws -> String {
        let R = Strings.Reports.self
        let deal = try board.findDeal(id)
        let label = board.label(deal)
        if clear {
            guard deal.npsScore != nil || deal.extra[Deal.npsKey] != nil else { return R.nothingToClear(label) }
        } else if let s = newScore {
            guard deal.status == .won else { throw CLIFailure(R.notWon(label, Strings.status(deal.status))) }
            if deal.npsScore == s && deal.extra[Deal.npsKey] == nil { return R.scoreUnchanged(label, s) }
        }
        var d = deal
        d.npsScore = newScore
        d.extra[Deal.npsKey] = nil // an answer in the file that could not be read
        let outcome = try board.applying(.update(d), at: Timestamp.now())
        guard outcome.changed else { return Strings.CLI.nothingChanged }
        board = outcome.board
        return newScore.map { R.scoreRecorded(label, $0) } ?? R.scoreCleared(label)
    }
}
