import Foundation
import XCTest

@testable import PipedeckCore
@testable import PipedeckUI

/// The filter made ready for many deals (`DealMatcher`) finds exactly what the filter's plain
/// definition finds: every text folded by Foundation, searched character by character.
final class DealMatcherTests: XCTestCase {
    /// The definition, written the slow way (as the filter did before the matcher).
    static func reference(_ f: DealFilter, _ d: Deal, board: Board, today: Day) -> Bool {
        func fold(_ s: String) -> String {
            let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            var out = ""
            for ch in folded { out += Collation.spelledOut[ch] ?? String(ch) }
            return out
        }
        if let o = f.owner, fold(d.owner ?? "") != fold(o) { return false }
        if let s = f.source, fold(d.source ?? "") != fold(s) { return false }
        if let t = f.tag, !d.tags.contains(where: { fold($0) == fold(t) }) { return false }
        if f.overdueOnly && !board.isOverdue(d, today: today) { return false }
        if f.staleOnly && !board.isStale(d, today: today) { return false }
        if let m = f.minScore, (d.qualification?.score ?? 0) < m { return false }
        if !f.text.isEmpty {
            let needle = fold(f.text.trimmingCharacters(in: .whitespaces))
            if needle.isEmpty { return true }
            let tags = d.tags.map { "#" + $0 }.joined(separator: " ")
            let haystack = [d.title, d.company ?? "", d.contact ?? "", d.notes ?? "", tags]
            if !haystack.contains(where: { fold($0).firstRange(of: needle) != nil }) { return false }
        }
        return true
    }

    func testPlainASCIIIsFoldedAsFoundationFoldsIt() {
        let all = String(decoding: (1..<128).map { UInt8($0) }, as: UTF8.self)
        for s in [all, "ACME Corp", "already folded", "", "MiXeD 123 !@#", "Tab\tAnd\nLines"] {
            XCTAssertEqual(
                Collation.fold(s),
                s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil), s)
        }
        XCTAssertEqual(Collation.fold("Société Œuvray STRASSE Straße"), "societe oeuvray strasse strasse")
    }

    func testTheMatcherFindsWhatTheDefinitionFinds() {
        let texts = [
            "Boulangerie Dupré", "ACME Corp", "Œuvray & fils", "Straße 12", "日本商事株式会社", "café\r\nbar", "🇫🇷 export",
            "e\u{301}cole", "plain notes " + String(repeating: "long ", count: 60) + "Dupré", "",
        ]
        let at = Timestamp(seconds: 1_795_000_000)
        var deals: [Deal] = []
        for (i, t) in texts.enumerated() {
            var d = Deal(id: "d\(i)", title: t, value: .zero, stage: "lead", createdAt: at)
            d.company = texts[(i + 1) % texts.count]
            d.contact = i % 2 == 0 ? "Élodie Martin" : nil
            d.notes = texts[(i + 3) % texts.count]
            d.owner = i % 3 == 0 ? "Camille Martin" : "CAMILLE MARTÍN"
            d.source = i % 2 == 0 ? "LinkedIn" : "Salon"
            d.tags = i % 2 == 0 ? ["ERP", "smb"] : ["Export"]
            deals.append(d)
        }
        let board = Board(name: "b", stages: [Stage(id: "lead", name: "Lead", probability: .zero)], deals: deals)
        let today = at.utcDay
        var filters: [DealFilter] = []
        for text in [
            "", "dupre", "DUPRÉ", "oeuvray", "strasse", "商事", "\r", "bar", "🇫", "🇫🇷", "ecole", "#erp", "#ex", " acme ",
            "long long", "é", "zzz",
        ] {
            var f = DealFilter()
            f.text = text
            filters.append(f)
        }
        for owner in ["camille martin", "Camille Martín"] {
            var f = DealFilter()
            f.owner = owner
            filters.append(f)
        }
        var f = DealFilter()
        f.source = "LINKEDIN"
        f.tag = "erp"
        f.text = "martin"
        filters.append(f)
        for f in filters {
            let matcher = DealMatcher(f)
            for d in deals {
                XCTAssertEqual(
                    matcher.matches(d, board: board, today: today),
                    DealMatcherTests.reference(f, d, board: board, today: today),
                    "filter \(f) on \(d.title.debugDescription)")
            }
        }
    }
}
