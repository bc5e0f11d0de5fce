/// Formats amounts for a currency and a locale: grouping, decimal mark, symbol position.
/// Pure and deterministic: the locale is a name ("fr_FR.UTF-8", "en_US", "de", "C"), not the process state.
public struct MoneyFormatter: Sendable {
    public var currency: String
    public var group: String
    public var decimalMark: String
    public var symbolFirst: Bool
    public var symbolSpace: Bool
    public var symbol: String
    public var minorDigits: Int

    public init(currency: String, locale: String?) {
        self.currency = currency
        let lang = MoneyFormatter.language(of: locale)
        let sym = MoneyFormatter.symbols[currency]
        symbol = sym ?? currency
        minorDigits = currency == "JPY" || currency == "KRW" ? 0 : 2
        switch lang.prefix(2) {
        case "fr":
            group = "\u{202F}"; decimalMark = ","; symbolFirst = false; symbolSpace = true
        case "de", "es", "it", "nl", "pt", "da", "id", "tr":
            group = "."; decimalMark = ","; symbolFirst = false; symbolSpace = true
        case "pl", "cs", "sk", "ru", "uk", "sv", "nb", "fi", "hu":
            group = " "; decimalMark = ","; symbolFirst = false; symbolSpace = true
        default:
            group = ","; decimalMark = "."; symbolFirst = true; symbolSpace = sym == nil || symbol.count > 1
        }
        if lang.hasPrefix("de_CH") || lang.hasPrefix("fr_CH") { group = "’"; decimalMark = "." }
    }

    static let symbols: [String: String] = [
        "EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF",
        "CAD": "CA$", "AUD": "A$", "CNY": "CN¥", "INR": "₹", "KRW": "₩",
        "BRL": "R$", "SEK": "kr", "NOK": "kr", "DKK": "kr", "PLN": "zł",
    ]

    /// The language part of a locale name; "C" or "POSIX" or nil gives "en".
    static func language(of locale: String?) -> String {
        guard var l = locale, !l.isEmpty else { return "en" }
        if let dot = l.firstIndex(of: ".") { l = String(l[..<dot]) }
        if let at = l.firstIndex(of: "@") { l = String(l[..<at]) }
        if l == "C" || l == "POSIX" { return "en" }
        return l
    }

    /// Locale name from the environment: LC_ALL, then LC_MONETARY, then LANG.
    public static func environmentLocale(_ env: [String: String]) -> String? {
        for k in ["LC_ALL", "LC_MONETARY", "LANG"] { if let v = env[k], !v.isEmpty { return v } }
        return nil
    }

    func grouped(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        let chars = Array(digits)
        for (i, c) in chars.enumerated() {
            if i > 0 && (chars.count - i) % 3 == 0 { out += group }
            out.append(c)
        }
        return out
    }

    func attach(_ number: String, negative: Bool) -> String {
        let sign = negative ? "-" : ""
        if symbolFirst { return sign + symbol + (symbolSpace ? " " : "") + number }
        return sign + number + (symbolSpace ? " " : "") + symbol
    }

    /// Full amount. `decimals` nil: the currency's minor digits, dropped when the amount is whole.
    public func string(_ m: Money, decimals: Int? = nil) -> String {
        let d = decimals ?? (m.rounded(toDecimals: minorDigits).decimalsNeeded == 0 ? 0 : minorDigits)
        let text = (m.isNegative ? -m : m).plain(decimals: d)
        let parts = text.split(separator: ".", maxSplits: 1)
        var number = grouped(String(parts[0]))
        if parts.count == 2 { number += decimalMark + parts[1] }
        return attach(number, negative: m.isNegative && !m.rounded(toDecimals: d).isZero)
    }

    /// Short form for tight places: "€950", "€12.5k", "€1.25M", "€3.4B". Whole units below 10 000.
    public func compact(_ m: Money) -> String {
        let units = (m.isNegative ? -m : m).rounded(toDecimals: 0).micros / Money.scale
        if units < 10_000 { return string(m.rounded(toDecimals: 0), decimals: 0) }
        let steps: [(Int128, String)] = [
            (1_000_000_000_000, "T"), (1_000_000_000, "B"), (1_000_000, "M"), (1_000, "k"),
        ]
        // A unit is used from 0.95 of it, so 999 999 reads "1M", never "1000k".
        for (div, suffix) in steps where (units * 10 + div / 2) / div >= 10 {
            // One decimal below 100 of the unit, none above: 12.5k, 125k, 1.3M.
            let tenths = (units * 10 + div / 2) / div
            let text: String
            if tenths >= 1000 || tenths % 10 == 0 {
                text = String((units + div / 2) / div)
            } else {
                text = "\(tenths / 10)\(decimalMark)\(tenths % 10)"
            }
            return attach(text + suffix, negative: m.isNegative)
        }
        return string(m)
    }
}
