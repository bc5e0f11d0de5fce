import Foundation
import PipedeckCore

/// What the board shows: a search text and narrowing choices. The columns, the footer figures
/// and the reports all follow it.
public struct DealFilter: Hashable, Sendable {
    public var text = ""
    public var owner: String?
    public var source: String?
    public var tag: String?
    public var overdueOnly = false
    public var staleOnly = false
    /// Minimum qualification score (1…4), nil for any.
    public var minScore: Int?

    public init() {}

    public var isActive: Bool {
        !text.isEmpty || owner != nil || source != nil || tag != nil || overdueOnly || staleOnly || minScore != nil
    }

    /// Search text folded for matching: case and accents ignored ("cafe" finds "Café"), and the
    /// letters people write as two ("oeuvray" finds "Œuvray", "strasse" finds "Straße").
    public static func fold(_ s: String) -> String { Collation.fold(s) }

    /// Whether the board shows `d`. To test many deals, make one `DealMatcher` and ask it.
    public func matches(_ d: Deal, board: Board, today: Day) -> Bool {
        DealMatcher(self).matches(d, board: board, today: today)
    }

    /// A short description for the top line: "“acme” · owner Camille · overdue".
    public var summary: String {
        var parts: [String] = []
        if !text.isEmpty { parts.append(tr("“\(text)”", "« \(text) »")) }
        if let o = owner { parts.append(FilterText.owner + " " + o) }
        if let s = source { parts.append(FilterText.source + " " + s) }
        if let t = tag { parts.append("#" + t) }
        if overdueOnly { parts.append(FilterText.overdue) }
        if staleOnly { parts.append(FilterText.stale) }
        if let m = minScore { parts.append(FilterText.score + " ≥ \(m)") }
        return parts.joined(separator: " · ")
    }

    /// The ranges of a text that match the search (for highlighting), by character offsets. Each
    /// character is folded on its own, so "oeuvray" underlines the six letters of "Œuvray".
    public func highlights(in s: String) -> [Range<Int>] {
        if text.isEmpty { return [] }
        let needle = text.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return [] }
        let target = DealFilter.fold(needle)
        let folded = s.map { DealFilter.fold(String($0)) }
        var out: [Range<Int>] = []
        var i = 0
        while i < folded.count {
            var joined = "", j = i
            while j < folded.count, joined.count < target.count {
                joined += folded[j]
                j += 1
                if !target.hasPrefix(joined) { break }
            }
            if joined == target && j > i {
                out.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return out
    }
}

/// The filter menu's rows, in order.
public enum FilterRow: Int, CaseIterable, Sendable {
    case owner, source, tag, overdue, stale, score, clear
}

public enum FilterText {
    public static var title: String { tr("Filter", "Filtre") }
    public static var owner: String { tr("owner", "commercial") }
    public static var source: String { tr("source", "source") }
    public static var tag: String { tr("tag", "étiquette") }
    public static var overdue: String { tr("overdue", "en retard") }
    public static var stale: String { tr("stale", "sans activité") }
    public static var score: String { tr("score", "score") }
    public static var any: String { tr("any", "tous") }
    public static var clearAll: String { tr("Clear all filters", "Effacer tous les filtres") }
    public static var searchPrompt: String { tr("Search: ", "Recherche : ") }
    public static func filtered(_ shown: Int, _ total: Int) -> String {
        tr("filtered: \(shown) of \(total) deals", "filtré : \(shown) sur \(total) affaires")
    }
    /// The same where the footer is narrow: "1/25".
    public static func filteredShort(_ shown: Int, _ total: Int) -> String { "\(shown)/\(total)" }
    public static func label(_ row: FilterRow) -> String {
        switch row {
        case .owner: return tr("Owner", "Commercial")
        case .source: return tr("Lead source", "Source du prospect")
        case .tag: return tr("Tag", "Étiquette")
        case .overdue: return tr("Overdue next action only", "Prochaine action en retard seulement")
        case .stale: return tr("Stale deals only", "Affaires sans activité seulement")
        case .score: return tr("Minimum score", "Score minimum")
        case .clear: return clearAll
        }
    }
}
