import Foundation
import PipedeckCore

/// A filter made ready to test many deals (the columns of a board of 100 000 deals, on every key
/// typed in the search): what it looks for is folded once, not once a deal, and the deals' texts
/// that are not plain ASCII are folded once and remembered (`Folded`): the next key typed finds
/// them folded.
public final class DealMatcher {
    public let filter: DealFilter
    private let owner: String?
    private let source: String?
    private let tag: String?
    /// The folded search text; nil when there is none.
    private let needle: String?
    /// Its bytes when it is plain ASCII: plain ASCII texts are then searched byte by byte.
    private let asciiNeedle: [UInt8]?

    public init(_ filter: DealFilter) {
        self.filter = filter
        owner = filter.owner.map(DealFilter.fold)
        source = filter.source.map(DealFilter.fold)
        tag = filter.tag.map(DealFilter.fold)
        let n = filter.text.isEmpty ? "" : DealFilter.fold(filter.text.trimmingCharacters(in: .whitespaces))
        needle = n.isEmpty ? nil : n
        // A carriage return is a character with the line feed after it: searched by characters.
        asciiNeedle = n.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? Array(n.utf8) : nil
    }

    private func fold(_ text: String) -> String { Folded.shared.fold(text) }

    public func matches(_ d: Deal, board: Board, today: Day) -> Bool {
        withUnsafePointer(to: d) { matches(at: $0, board: board, today: today) }
    }

    /// `matches` for a deal read in place (a board's deals are not copied one by one to be tested).
    public func matches(at p: UnsafePointer<Deal>, board: Board, today: Day) -> Bool {
        if let owner, fold(p.pointee.owner ?? "") != owner { return false }
        if let source, fold(p.pointee.source ?? "") != source { return false }
        if let tag, !p.pointee.tags.contains(where: { fold($0) == tag }) { return false }
        if filter.overdueOnly && !board.isOverdue(p.pointee, today: today) { return false }
        if filter.staleOnly && !board.isStale(p.pointee, today: today) { return false }
        if let m = filter.minScore, (p.pointee.qualification?.score ?? 0) < m { return false }
        guard let needle else { return true }
        if contains(p.pointee.title, needle) || contains(p.pointee.company, needle)
            || contains(p.pointee.contact, needle) || contains(p.pointee.notes, needle)
        {
            return true
        }
        // Tags as the cards write them, so "#erp" finds the tag erp.
        let tags = p.pointee.tags
        return !tags.isEmpty && contains(tags.map { "#" + $0 }.joined(separator: " "), needle)
    }

    /// Whether the folded `text` holds the folded search text.
    private func contains(_ text: String?, _ needle: String) -> Bool {
        guard let text, !text.isEmpty else { return false }
        if let asciiNeedle, let found = DealMatcher.asciiContains(text, asciiNeedle) { return found }
        // The standard library's search (Foundation's `contains` traps on some inputs on Linux).
        // Long texts (notes) are folded each time rather than kept.
        let f = text.utf8.count > 200 ? DealFilter.fold(text) : fold(text)
        // Most accented names fold to plain ASCII ("Dupré" → "dupre").
        if let asciiNeedle, let found = DealMatcher.asciiContains(f, asciiNeedle) { return found }
        return f.firstRange(of: needle) != nil
    }

    /// Whether plain ASCII `text`, its case folded, holds `needle` (folded ASCII); nil when
    /// `text` is not plain ASCII (or has a carriage return).
    static func asciiContains(_ text: String, _ needle: [UInt8]) -> Bool? {
        var text = text
        return text.withUTF8 { t -> Bool? in
            var i = 0
            while i < t.count {
                if t[i] >= 0x80 || t[i] == 0x0D { return nil }
                i += 1
            }
            let n = needle.count
            guard n <= t.count else { return false }
            var start = 0
            while start + n <= t.count {
                var k = 0
                while k < n {
                    let c = t[start + k]
                    if (c &- 0x41 < 26 ? c | 0x20 : c) != needle[k] { break }
                    k += 1
                }
                if k == n { return true }
                start += 1
            }
            return false
        }
    }
}

/// Texts that are not plain ASCII, folded (`DealFilter.fold`: Foundation's folding, about a
/// microsecond each), kept for the next pass: each key typed in the search tests every deal
/// again. Looked up by their bytes, without the canonical comparison strings make (an accented
/// text compares about as slowly as it folds); texts equal by their bytes fold alike. Emptied
/// when it holds more than `limit` texts.
final class Folded: @unchecked Sendable {
    static let shared = Folded()
    static let limit = 400_000
    private let lock = NSLock()
    private var folded: [Exact: String] = [:]

    private struct Exact: Hashable {
        let text: String
        func hash(into h: inout Hasher) {
            var t = text
            t.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        static func == (a: Exact, b: Exact) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    }

    func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return DealFilter.fold(text) }
        let key = Exact(text: text)
        if let f = lock.withLock({ folded[key] }) { return f }
        let f = DealFilter.fold(text)
        lock.withLock {
            if folded.count >= Folded.limit { folded.removeAll() }
            folded[key] = f
        }
        return f
    }
}
