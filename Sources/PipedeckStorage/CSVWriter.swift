import Foundation
import PipedeckCore

/// Writes RFC 4180 CSV: fields in double quotes when they hold the separator, a quote, a line
/// break or blanks at either end (a quote inside is doubled); records end with CRLF.
public enum CSVWriter {
    public static func field(_ s: String, separator: Character = ",") -> String {
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
