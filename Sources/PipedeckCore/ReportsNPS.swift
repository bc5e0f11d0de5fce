import Foundation

/// Report 7: the customers' answers to "how likely are you to recommend us?" (0–10), for the won
/// deals (the follow-up stage). Answers are stored on the deal (`Deal.npsScore`).
///
/// Promoters answered 9–10, passives 7–8, detractors 0–6.
/// NPS = % promoters − % detractors, over the won deals that have an answer.
public struct NPSReport: Hashable, Sendable {
    public enum Category: String, CaseIterable, Hashable, Sendable {
        case promoter, passive, detractor

        public init(score: Int) {
            switch score {
            case 9...: self = .promoter
            case 7...8: self = .passive
            default: self = .detractor
            }
        }
    }

    public struct Row: Hashable, Sendable {
        public var category: Category
        public var count: Int
        /// count / all answers.
        public var share: Ratio
    }

    /// A won deal, with its answer if there is one.
    public struct Entry: Hashable, Sendable {
        public var id: String
        public var title: String
        public var company: String?
        public var owner: String?
        public var value: Money
        public var currency: String
        public var score: Int?
    }

    /// Every won deal counted, with its answer or nil, in the one order every output uses: the
    /// answers first, highest score first, then by title (any case) and id; then the deals
    /// without an answer, most recently won first, then by id. `promoters` and `unanswered` are
    /// parts of this list in the same order.
    public var entries: [Entry]
    /// Promoters, passives, detractors — always the three, in this order.
    public var rows: [Row]
    /// Won deals counted.
    public var wonDeals: Int
    /// Won deals with an answer.
    public var answers: Int
    /// The NPS, −100…100, rounded to a whole number (halves away from zero); nil without answers.
    public var score: Int? {
        guard answers > 0 else { return nil }
        return ReportNumber.roundedDivision(100 * (count(.promoter) - count(.detractor)), answers)
    }
    /// Candidates for referrals and further sales: highest score first, then title.
    public var promoters: [Entry]
    /// Won deals still without an answer: the customers to ask. Most recently won first.
    public var unanswered: [Entry]

    public init<S: Sequence>(board: Board, deals: S) where S.Element == Deal {
        var counts: [Category: Int] = [:]
        var answered: [Entry] = []
        var unanswered: [(Entry, Timestamp)] = []
        var won = 0
        for d in deals where d.status == .won {
            won += 1
            let score = d.npsScore
            let e = Entry(
                id: d.id, title: d.title, company: d.company, owner: d.owner, value: d.value,
                currency: board.currency(of: d), score: score)
            guard let s = score else {
                unanswered.append((e, d.wonAt ?? d.updatedAt))
                continue
            }
            counts[Category(score: s), default: 0] += 1
            answered.append(e)
        }
        answered.sort { a, b in
            if a.score != b.score { return (a.score ?? 0) > (b.score ?? 0) }
            if Collation.less(a.title, b.title) { return true }
            if Collation.less(b.title, a.title) { return false }
            return a.id < b.id
        }
        let waiting = unanswered.sorted { a, b in a.1 != b.1 ? a.1 > b.1 : a.0.id < b.0.id }.map(\.0)
        rows = Category.allCases.map {
            Row(category: $0, count: counts[$0] ?? 0, share: Ratio(counts[$0] ?? 0, of: answered.count))
        }
        wonDeals = won
        answers = answered.count
        entries = answered + waiting
        promoters = answered.filter { Category(score: $0.score ?? 0) == .promoter }
        self.unanswered = waiting
    }

    public func count(_ c: Category) -> Int { rows.first { $0.category == c }?.count ?? 0 }
}
