import ArgumentParser
import Foundation
import PipedeckCore
import PipedeckStorage

/// `pipedeck nps ID [SCORE] [--clear]`: records (or shows, or removes) a won deal's customer
/// answer to "how likely are you to recommend us?", kept in the deal as `nps`.
struct NpsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nps", abstract: Strings.Reports.npsAbstract, discussion: Strings.Reports.npsDiscussion)

    @OptionGroup var file: FileOption
    @Argument(help: ArgumentHelp(Strings.CLI.helpID, valueName: "id"))
    var id: String
    @Argument(help: ArgumentHelp(Strings.Reports.helpScore, valueName: "score"))
    var score: String?
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
        if clear && score != nil { throw CLIFailure(R.scoreAndClear) }
        let newScore = try score.map(NpsCommand.parseScore)

        let path = file.path
        let board = try Store.load(path)
        let deal = try board.findDeal(id)
        let label = board.label(deal)

        if !clear && newScore == nil {
            Console.out(deal.npsScore.map { R.scoreShown(label, $0) } ?? R.noScore(label))
            return
        }
        if clear {
            guard deal.npsScore != nil || deal.extra[Deal.npsKey] != nil else {
                Console.out(R.nothingToClear(label)); return
            }
        } else if let s = newScore {
            guard deal.status == .won else { throw CLIFailure(R.notWon(label, Strings.status(deal.status))) }
            if deal.npsScore == s {
                Console.out(R.scoreUnchanged(label, s)); return
            }
        }

        var d = deal
        d.npsScore = newScore
        d.extra[Deal.npsKey] = nil // an answer in the file that could not be read
        let outcome = try board.applying(.update(d), at: Timestamp.now())
        guard outcome.changed else { Console.out(Strings.CLI.nothingChanged); return }
        try Store.save(outcome.board, to: path)
        Console.out(newScore.map { R.scoreRecorded(label, $0) } ?? R.scoreCleared(label))
    }
}
