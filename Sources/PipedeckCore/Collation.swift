import Foundation

/// How names are compared and sorted, the way a French (or English) reader expects: letters
/// first, without accents or case ("é" sorts with "e", "Œ" as "oe"), then, for names spelled
/// with the same letters, the one without accents and in lower case first. It depends on no
/// installed locale.
public enum Collation {
    /// The text folded for comparing: case and accents ignored, and the letters people write as
    /// two spelled out ("Œuvray" → "oeuvray", "Straße" → "strasse").
    public static func fold(_ s: String) -> String {
        // Plain ASCII (most names, emails, notes): only the case to fold, the same as below
        // without Foundation's folding (about a microsecond a string, which a search over
        // 100 000 deals paid half a million times a key).
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            guard s.utf8.contains(where: { $0 &- 0x41 < 26 }) else { return s }
            return String(decoding: s.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        guard folded.unicodeScalars.contains(where: { $0.value >= 0xC0 }) else { return folded }
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        for ch in folded { out += spelledOut[ch] ?? String(ch) }
        return out
    }

    /// Letters that accent folding leaves alone, as they are typed on a keyboard without them.
    static let spelledOut: [Character: String] = [
        "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ẞ": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
        "đ": "d", "Đ": "d", "ı": "i", "ĳ": "ij", "Ĳ": "ij", "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl",
        "ﬅ": "st", "ﬆ": "st",
    ]

    /// Whether `a` sorts before `b`: "Éric" between "Emma" and "Fabien", "Œuvray" between
    /// "Odile" and "Paul"; equal names keep no order of their own (false both ways).
    public static func less(_ a: String, _ b: String) -> Bool {
        order(a, fold(a), b, fold(b)) ?? false
    }

    /// Whether `a` sorts before `b` (true) or `b` before `a` (false), given with their folded
    /// forms (`fold`, found once for a text compared many times); nil when neither does.
    public static func order(_ a: String, _ foldedA: String, _ b: String, _ foldedB: String) -> Bool? {
        if foldedA != foldedB { return foldedA.unicodeScalars.lexicographicallyPrecedes(foldedB.unicodeScalars) }
        if a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { return true }
        if b.unicodeScalars.lexicographicallyPrecedes(a.unicodeScalars) { return false }
        return nil
    }
}
