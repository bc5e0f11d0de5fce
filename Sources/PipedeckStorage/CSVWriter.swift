import Foundation
import PipedeckCore

/// Writes RFC 4180 CSV: fields in double quotes when they hold the separator, a quote, a line
/// break or blanks at either end (a quote inside is doubled); records end with CRLF. Fields that a
/// spreadsheet would run as a formula are guarded (`guardFormula`).
public enum CSVWriter {
    /// The first characters that make a spreadsheet read a cell as a formula (or, for tab and
    /// carriage return, that some read as a cell break before one).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell that starts like a formula gets a leading apostrophe, which spreadsheets hide and
    /// which makes them show the text instead of running it (`=HYPERLINK(…)` stays text). A plain
    /// negative number (`-12`, `-0.5`) is left alone: it is not a formula, and guarding it would
    /// turn it into text that no longer sums.
    ///
    /// Text that already starts like a guarded cell (`'=x`, `''=x`) gets one more apostrophe, so
    /// that `unguardFormula` gives it back unchanged.
    public static func guardFormula(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        if formulaStarts.contains(first) && !isPlainNegativeNumber(s) { return "'" + s }
        if startsGuarded(s.unicodeScalars[...]) { return "'" + s }
        return s
    }

    /// The text of a guarded cell: one apostrophe before `=`, `+`, `-`, `@`, a tab or a carriage
    /// return (or before a guarded text) is dropped, so that what `guardFormula` wrote reads back.
    public static func unguardFormula(_ s: String) -> String {
        startsGuarded(s.unicodeScalars[...]) ? String(s.dropFirst()) : s
    }

    /// `'` followed by a formula start, or by another guarded start.
    static func startsGuarded(_ u: Substring.UnicodeScalarView) -> Bool {
        var rest = u
        while rest.first == "'" {
            rest = rest.dropFirst()
            guard let next = rest.first else { return false }
            if formulaStarts.contains(next) { return true }
        }
        return false
    }

    /// `-` then digits, with at most one `.` between digits.
    static func isPlainNegativeNumber(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 2, u[0] == UInt8(ascii: "-") else { return false }
        var dot = false
        for (i, b) in u.enumerated().dropFirst() {
            if b == UInt8(ascii: "."), !dot, i > 1, i < u.count - 1 { dot = true; continue }
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return false }
        }
        return true
    }

    public static func field(_ raw: String, separator: Character = ",") -> String {
        let s = guardFormula(raw)
        var needs = false
        for ch in s.unicodeScalars where ch == "\"" || ch == "\n" || ch == "\r" || Character(ch) == separator {
            needs = true
            break
        }
        if !needs, let f = s.unicodeScalars.first, let l = s.unicodeScalars.last,
            f.properties.isWhitespace || l.properties.isWhitespace
        {
            needs = true
        }
        guard needs else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func record(_ fields: [String], separator: Character = ",") -> String {
        fields.map { field($0, separator: separator) }.joined(separator: String(separator)) + "\r\n"
    }

    public static func document(_ rows: [[String]], separator: Character = ",", byteOrderMark: Bool = false) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        for r in rows { out += record(r, separator: separator) }
        return out
    }
}
