import Foundation
import PipedeckCore

/// The reports as text: a heading, tables aligned by display width and bar charts. The command
/// line prints it (`pipedeck report`), the reports screen shows it, so both always agree.
public struct ReportText {
    public let board: Board
    public let today: Day
    public let owner: String?
    public let unicode: Bool
    var fmt: AmountText
    /// The width the text must fit in (the reports screen's), nil for none (the command line).
    var width: Int?
    public static let barWidth = 20
    let R = Strings.Reports.self
    /// The periods of the forecast against targets, and the zone that says in which a win falls.
    public var periodKind: PeriodKind = .month
    public var zone: TimeZone = .current

    public init(board: Board, today: Day, owner: String?, unicode: Bool, locale: String?) {
        self.board = board; self.today = today; self.owner = owner; self.unicode = unicode
        fmt = AmountText(board: board, locale: locale)
    }

    var primary: String { board.currency }

    /// One report as text. With `width`, every line fits in it: tables drop whole columns in the
    /// order their `drop` says (a bar first), sentences wrap.
    public mutating func render(
        _ kind: ReportKind, deals: [Deal], months: Int = ForecastReport.defaultMonths,
        weeks: Int = ActivitiesReport.defaultWeeks, width: Int? = nil
    ) -> String {
        self.width = width
        let out = text(kind, deals: deals, months: months, weeks: weeks)
        guard let width else { return out }
        return out.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            TextWidth.width(String(line)) <= width ? [String(line)] : BoardRenderer.wrap(String(line), width: width)
        }.joined(separator: "\n")
    }

    mutating func text(_ kind: ReportKind, deals: [Deal], months: Int, weeks: Int) -> String {
        switch kind {
        case .forecast:
            return ReportText.joinBlocks([
                text(ForecastReport(board: board, deals: deals, today: today, months: months)),
                TargetText.forecast(
                    targetForecast(deals: deals, months: months), board: board, locale: fmt.locale, unicode: unicode,
                    width: width),
            ])
        case .funnel: return text(FunnelReport(board: board, deals: deals))
        case .velocity: return text(VelocityReport(board: board, deals: deals, today: today))
        case .sources: return text(BreakdownReport(.source, board: board, deals: deals, today: today))
        case .owners: return text(BreakdownReport(.owner, board: board, deals: deals, today: today))
        case .lost: return text(LostReasonsReport(board: board, deals: deals))
        case .nps: return text(NPSReport(board: board, deals: deals))
        case .activities: return text(ActivitiesReport(board: board, deals: deals, today: today, weeks: weeks))
        }
    }

    /// The currencies of some amounts, the board's first (always present).
    public func currencies(_ all: [Amounts]) -> [String] {
        var set = Set<String>()
        for a in all { set.formUnion(a.byCurrency.keys) }
        set.remove(primary)
        return [primary] + set.sorted()
    }

    func bar(_ m: Money, max: Money) -> String {
        Bar.draw(m.micros, of: max.micros, width: ReportText.barWidth, unicode: unicode)
    }

    func bar(_ n: Int, max: Int) -> String { Bar.draw(n, of: max, width: ReportText.barWidth, unicode: unicode) }

    /// A bar's column: right after the figure it draws, named after it, the first to go when
    /// the table is too wide.
    func barColumn(_ figure: String) -> TextTable.Column { .init(title: "(" + figure + ")", drop: 0) }

    func rendered(_ t: TextTable) -> String { t.rendered(width: width) }

    /// The explanation line about currencies, only when there is more than one.
    func currencyNote(_ all: [Amounts]) -> [String] {
        currencies(all).count > 1 ? [R.barsIn(primary)] : []
    }

    /// The notes under a report whose totals were converted: which rates, and what stays apart.
    /// Without rates, the note about currencies as before.
    func currencyNote(_ all: [Amounts], converted: [Converted]) -> [String] {
        guard board.hasRates else { return currencyNote(all) }
        var notes: [String] = []
        if converted.contains(where: \.isApproximate) {
            let rates = board.settings.rates.map { "1 \($0.currency) = \($0.rate) \(primary)" }
            notes.append(R.convertedNote(unicode ? "≈" : "~", rates))
        }
        if converted.contains(where: { !$0.apart.byCurrency.isEmpty }) { notes.append(R.apartNote) }
        return notes
    }

    mutating func money(_ a: Amounts) -> String { fmt.string(a, primary: primary) }

    /// With rates, the converted total ("≈€18,400 + ¥500,000"); without, the amounts per
    /// currency exactly as before.
    mutating func money(_ a: Amounts, _ c: Converted) -> String {
        board.hasRates ? fmt.string(c, board: board, approx: unicode ? "≈" : "~") : money(a)
    }

    /// What a bar draws: the converted total with rates, the board's currency alone without.
    func barValue(_ a: Amounts, _ c: Converted) -> Money { board.hasRates ? c.value : a[primary] }

    static func joinBlocks(_ blocks: [String]) -> String { blocks.joined(separator: "\n\n") }

    func heading(_ k: ReportKind) -> String {
        TextWidth.sanitize(R.heading(k, board: board.name, currency: primary, today: today, owner: owner))
    }

    mutating func text(_ r: ForecastReport) -> String {
        var open = TextTable([
            .init(title: R.colExpectedClose), .init(title: R.colDeals, align: .right, drop: 2),
            .init(title: R.colValue, align: .right, drop: 1), .init(title: R.colWeighted, align: .right),
            barColumn(R.colWeighted),
        ])
        let maxW = r.rows.map { barValue($0.figures.weighted, $0.converted.weighted) }.max() ?? .zero
        for row in r.rows {
            let f = row.figures, c = row.converted
            open.add([
                R.bucket(row.bucket), String(f.count), money(f.total, c.total), money(f.weighted, c.weighted),
                bar(barValue(f.weighted, c.weighted), max: maxW),
            ])
        }
        open.add([
            R.total, String(r.open.count), money(r.open.total, r.openConverted.total),
            money(r.open.weighted, r.openConverted.weighted), "",
        ])

        var won = TextTable([
            .init(title: R.colWonIn), .init(title: R.colDeals, align: .right, drop: 1),
            .init(title: R.colValue, align: .right), barColumn(R.colValue),
        ])
        let maxWon = r.won.map { barValue($0.value, $0.converted) }.max() ?? .zero
        for row in r.won {
            won.add([
                R.month(row.month), String(row.count), money(row.value, row.converted),
                bar(barValue(row.value, row.converted), max: maxWon),
            ])
        }
        won.add([R.total, String(r.wonTotal.count), money(r.wonTotal.value, r.wonTotal.converted), ""])
        let all = r.rows.flatMap { [$0.figures.total, $0.figures.weighted] } + r.won.map(\.value)
        let converted = r.rows.flatMap { [$0.converted.total, $0.converted.weighted] } + r.won.map(\.converted)
        return ReportText.joinBlocks([
            heading(.forecast),
            R.forecastOpenTitle + "\n" + rendered(open),
            R.forecastWonTitle(r.months) + "\n" + rendered(won),
            ([R.forecastExplained] + currencyNote(all, converted: converted)).joined(separator: "\n"),
        ])
    }

    func text(_ r: FunnelReport) -> String {
        var t = TextTable([
            .init(title: R.colStage, maxWidth: 28, minWidth: 10), .init(title: R.colReached, align: .right),
            barColumn(R.colReached), .init(title: R.colWentOn, align: .right, drop: 2),
            .init(title: R.colConversion, align: .right), .init(title: R.colOpenNow, align: .right, drop: 3),
            .init(title: R.colLostHere, align: .right, drop: 1), .init(title: ""),
        ])
        let maxReached = r.rows.map(\.reached).max() ?? 0
        for row in r.rows {
            let hasNext = row.conversion != nil
            t.add([
                row.stage.name, String(row.reached), bar(row.reached, max: maxReached),
                hasNext ? String(row.advanced) : "", row.conversion.map(R.percent) ?? "",
                String(row.openNow), String(row.lostHere),
                row.isBottleneck ? (unicode ? R.bottleneckMark : R.bottleneckMarkASCII) : "",
            ])
        }
        var lines = [R.winRate(r)]
        if let b = r.bottleneck, b + 1 < r.rows.count, let c = r.rows[b].conversion {
            lines.append(R.bottleneck(r.rows[b].stage.name, r.rows[b + 1].stage.name, c))
        } else {
            lines.append(R.noBottleneck)
        }
        return ReportText.joinBlocks([
            heading(.funnel), rendered(t), lines.map(TextWidth.sanitize).joined(separator: "\n"),
            R.funnelExplained,
        ])
    }

    func text(_ r: VelocityReport) -> String {
        var t = TextTable([
            .init(title: R.colStage, maxWidth: 28, minWidth: 10), .init(title: R.colDeals, align: .right, drop: 2),
            .init(title: R.colAverageDays, align: .right), barColumn(R.colAverageDays),
            .init(title: R.colMedianDays, align: .right, drop: 1), .init(title: R.colOpenNow, align: .right, drop: 3),
            .init(title: R.colStale, align: .right),
        ])
        let maxAvg = r.rows.compactMap(\.days.averageTenths).max() ?? 0
        for row in r.rows {
            t.add([
                row.stage.name, String(row.days.count), R.days(tenths: row.days.averageTenths),
                bar(row.days.averageTenths ?? 0, max: maxAvg), R.days(tenths: row.days.medianTenths),
                String(row.openNow), row.stage.rotDays > 0 ? String(row.stale) : R.undefined,
            ])
        }
        return ReportText.joinBlocks([
            heading(.velocity), rendered(t),
            [R.salesCycle(r.salesCycle), R.staleTotal(r.stale, r.openNow)].joined(separator: "\n"),
            R.velocityExplained,
        ])
    }

    mutating func text(_ r: BreakdownReport) -> String {
        let bySource = r.dimension == .source
        let kind: ReportKind = bySource ? .sources : .owners
        var t: TextTable
        var rows = r.rows.map { ($0, R.name($0.name)) }
        rows.append((r.totals, R.total))
        if bySource {
            t = TextTable([
                .init(title: R.colSource, maxWidth: 24, minWidth: 8), .init(title: R.colDeals, align: .right, drop: 3),
                .init(title: R.colOpenValue, align: .right, drop: 1),
                .init(title: R.colWeighted, align: .right, drop: 2),
                .init(title: R.colWonValue, align: .right), .init(title: R.colWinRate, align: .right),
                barColumn(R.colWinRate),
            ])
            for (i, (row, label)) in rows.enumerated() {
                t.add([
                    label, String(row.deals), money(row.openValue, row.openConverted),
                    money(row.weighted, row.weightedConverted), money(row.wonValue, row.wonConverted),
                    R.rate(row.winRate), i < r.rows.count ? bar(row.winRate.part, max: row.winRate.whole) : "",
                ])
            }
        } else {
            t = TextTable([
                .init(title: R.colOwner, maxWidth: 24, minWidth: 8),
                .init(title: R.colOpenDeals, align: .right, drop: 1),
                .init(title: R.colWeighted, align: .right, drop: 2), barColumn(R.colWeighted),
                .init(title: R.colWonValue, align: .right), .init(title: R.colWinRate, align: .right),
                .init(title: R.colOverdue, align: .right),
            ])
            let maxW = r.rows.map { barValue($0.weighted, $0.weightedConverted) }.max() ?? .zero
            for (i, (row, label)) in rows.enumerated() {
                t.add([
                    label, String(row.open), money(row.weighted, row.weightedConverted),
                    i < r.rows.count ? bar(barValue(row.weighted, row.weightedConverted), max: maxW) : "",
                    money(row.wonValue, row.wonConverted), R.rate(row.winRate), String(row.overdueNextActions),
                ])
            }
        }
        let all = r.rows.flatMap { [$0.openValue, $0.weighted, $0.wonValue] }
        let converted = r.rows.flatMap { [$0.openConverted, $0.weightedConverted, $0.wonConverted] }
        let notes = currencyNote(all, converted: converted)
        return ReportText.joinBlocks([
            heading(kind), rendered(t),
            ([bySource ? R.sourcesExplained : R.ownersExplained] + (bySource ? [R.winRateBars] : []) + notes)
                .joined(separator: "\n"),
        ])
    }

    mutating func text(_ r: LostReasonsReport) -> String {
        var t = TextTable([
            .init(title: R.colReason, maxWidth: 30, minWidth: 8), .init(title: R.colDeals, align: .right),
            .init(title: R.colShare, align: .right), barColumn(R.colShare),
            .init(title: R.colValue, align: .right, drop: 1),
        ])
        let maxCount = r.rows.map(\.count).max() ?? 0
        for row in r.rows {
            t.add([
                R.name(row.reason), String(row.count), R.percent(row.share), bar(row.count, max: maxCount),
                money(row.value, row.converted),
            ])
        }
        t.add([
            R.total, String(r.count), r.count > 0 ? tr("100.0%", "100,0 %") : R.undefined, "",
            money(r.value, r.converted),
        ])
        return ReportText.joinBlocks([
            heading(.lost), rendered(t),
            ([R.lostExplained] + currencyNote(r.rows.map(\.value), converted: r.rows.map(\.converted)))
                .joined(separator: "\n"),
        ])
    }

    mutating func text(_ r: NPSReport) -> String {
        var t = TextTable([
            .init(title: R.colCategory), .init(title: R.colAnswers, align: .right),
            .init(title: R.colShare, align: .right), barColumn(R.colShare),
        ])
        let maxCount = r.rows.map(\.count).max() ?? 0
        for row in r.rows {
            t.add([R.category(row.category), String(row.count), R.percent(row.share), bar(row.count, max: maxCount)])
        }
        var blocks = [heading(.nps), R.answered(r) + "\n" + rendered(t), R.npsLine(r)]

        var p = TextTable([
            .init(title: R.colID, drop: 4), .init(title: R.colTitle, maxWidth: 36, minWidth: 10),
            .init(title: R.colCompany, maxWidth: 28, drop: 1), .init(title: R.colOwner, maxWidth: 20, drop: 2),
            .init(title: R.colValue, align: .right, drop: 3), .init(title: R.colScore, align: .right),
        ])
        for e in r.promoters {
            p.add([
                e.id, e.title, e.company ?? "", e.owner ?? "", fmt.string(e.value, e.currency),
                e.score.map(String.init) ?? "",
            ])
        }
        blocks.append(R.promotersTitle + "\n" + (r.promoters.isEmpty ? R.noPromoters : rendered(p)))
        if !r.unanswered.isEmpty {
            var u = TextTable([
                .init(title: R.colID, drop: 4), .init(title: R.colTitle, maxWidth: 36, minWidth: 10),
                .init(title: R.colCompany, maxWidth: 28, drop: 1), .init(title: R.colOwner, maxWidth: 20, drop: 2),
                .init(title: R.colValue, align: .right, drop: 3),
            ])
            for e in r.unanswered {
                u.add([e.id, e.title, e.company ?? "", e.owner ?? "", fmt.string(e.value, e.currency)])
            }
            blocks.append(R.unansweredTitle + "\n" + rendered(u))
        }
        blocks.append(R.npsExplained)
        return ReportText.joinBlocks(blocks)
    }
}

/// Horizontal bars for the text output: eighths of a cell with block characters, or '#' per whole
/// cell where the locale is not UTF-8.
public enum Bar {
    public static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `part / whole` of `width` cells long (never longer). Any part above zero shows at
    /// least the thinnest mark, so that "a little" never looks like "nothing".
    public static func draw(_ part: Int128, of whole: Int128, width: Int, unicode: Bool) -> String {
        guard width > 0, whole > 0, part > 0 else { return "" }
        let p = min(part, whole)
        if unicode {
            var n = Int((p * Int128(width) * 8 * 2 + whole) / (2 * whole)) // eighths, rounded half up
            n = max(1, n)
            return String(repeating: "█", count: n / 8) + eighths[n % 8]
        }
        let n = max(1, Int((p * Int128(width) * 2 + whole) / (2 * whole)))
        return String(repeating: "#", count: n)
    }

    public static func draw(_ part: Int, of whole: Int, width: Int, unicode: Bool) -> String {
        draw(Int128(part), of: Int128(whole), width: width, unicode: unicode)
    }
}

/// One MoneyFormatter per currency, with the board's locale or else the given one.
public struct AmountText {
    public let locale: String?
    private var cache: [String: MoneyFormatter] = [:]
    public init(board: Board, locale: String?) { self.locale = board.settings.locale ?? locale }

    public mutating func string(_ m: Money, _ currency: String) -> String {
        if let f = cache[currency] { return f.string(m) }
        let f = MoneyFormatter(currency: currency, locale: locale)
        cache[currency] = f
        return f.string(m)
    }

    /// Amounts in several currencies, the board's first: "€12,000 + $3,000".
    public mutating func string(_ a: Amounts, primary: String) -> String {
        a.currencies(primary: primary).map { string(a[$0], $0) }.joined(separator: " + ")
    }
}
