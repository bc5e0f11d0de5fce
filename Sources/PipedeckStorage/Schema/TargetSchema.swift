import PipedeckCore

/// The objects of the board's settings that targets and exchange rates use
/// (docs/file-format.md): `settings.targets[]` and `settings.rates[]`.
enum TargetSchema {
    static let target = Schema<SalesTarget>(
        [
            .required("period", \.period, .period),
            .optional("owner", \.owner, .string),
            .required("amount", \.amount, .money),
        ], unknown: \.extra, blank: SalesTarget(period: Period(kind: .month, year: 2000, number: 1), amount: .zero))

    static let rate = Schema<ExchangeRate>(
        [
            .required("currency", \.currency, .currency),
            .required("rate", \.rate, .rate),
            .required("date", \.date, .day),
        ], unknown: \.extra, blank: ExchangeRate(currency: "", rate: Rate(units: 0), date: Day(ordinal: 0)))
}

extension Codec where Value == Period {
    /// "2027-01" (a month) or "2027-Q1" (a quarter).
    static let period = Codec(
        read: { d, i, name throws(LoadError) in try d.period(i, name) }, write: { $0.string($1.description) })
}

extension Codec where Value == Rate {
    /// A number above 0 with at most 6 decimals.
    static let rate = Codec(
        read: { d, i, name throws(LoadError) in try d.rate(i, name) }, write: { $0.money(Money(micros: $1.units)) })
}

extension BoardDecoder {
    func period(_ i: Int, _ name: FieldName) throws(LoadError) -> Period {
        if r[i].kind == .string, let p = Period.parse(r.string(i)), p.description == r.string(i) { return p }
        throw fieldError(
            name.text, StorageStrings.period, found: r[i].kind == .string ? shown(i) : typeName(i), node: i)
    }

    func rate(_ i: Int, _ name: FieldName) throws(LoadError) -> Rate {
        let d = try number(i, name)
        if case .value(false, let c, let scale) = d, c > 0, scale <= Rate.maxDecimals {
            let units = c * pow10(Rate.maxDecimals - scale)
            if units <= 1_000_000 * Rate.scale { return Rate(units: units) }
        }
        throw fieldError(name.text, StorageStrings.rate, found: shown(i), node: i)
    }
}

extension StorageStrings {
    public static var period: String {
        tr("a month as YYYY-MM or a quarter as YYYY-Q1…Q4", "un mois AAAA-MM ou un trimestre AAAA-T1…T4")
    }
    public static var rate: String {
        tr(
            "a rate above 0 (at most 1000000) with at most 6 decimals",
            "un taux supérieur à 0 (au plus 1000000) avec au plus 6 décimales")
    }
}
