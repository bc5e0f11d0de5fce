import XCTest

@testable import PipedeckCore

/// Names sort the way a French reader expects, whatever locale the machine has.
final class CollationTests: XCTestCase {
    func testAccentsAndLigaturesSortWithTheirLetters() {
        let names = ["Zoé", "Œuvray", "éclair", "Eva", "Odile", "Paul", "Émile", "ecole", "Ægir", "Adèle", "Ève"]
        XCTAssertEqual(
            names.sorted(by: Collation.less),
            ["Adèle", "Ægir", "éclair", "ecole", "Émile", "Eva", "Ève", "Odile", "Œuvray", "Paul", "Zoé"])
        // The same letters: unaccented first.
        XCTAssertTrue(Collation.less("cote", "côte"))
        XCTAssertFalse(Collation.less("côte", "cote"))
        XCTAssertFalse(Collation.less("Paul", "Paul"))
    }

    func testSortingDealsByTitleAndCompany() {
        var board = Template.standard.board()
        let titles = ["Élagage", "Zinc", "Œuvre", "abri", "Eau"]
        let companies: [String?] = ["Épicerie", nil, "Ouest", "Zénith", "eclat"]
        for (i, t) in titles.enumerated() {
            var d = Deal(id: "d\(i)", title: t, value: .zero, stage: "lead", createdAt: Timestamp(seconds: 0))
            d.company = companies[i]
            board.deals.append(d)
        }
        let today = Day(year: 2026, month: 12, day: 7)!
        XCTAssertEqual(
            board.sorted(board.deals, by: .title, today: today).map(\.title),
            ["abri", "Eau", "Élagage", "Œuvre", "Zinc"])
        XCTAssertEqual(
            board.sorted(board.deals, by: .company, today: today).map(\.company),
            ["eclat", "Épicerie", "Ouest", "Zénith", nil])
    }
}
