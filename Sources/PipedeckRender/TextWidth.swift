import Foundation

/// Horizontal alignment of text inside a fixed number of cells.
public enum Alignment: Sendable {
    case left, right, center
}

/// Display width of text in terminal cells, plus the cutting, padding and
/// sanitising helpers the renderer builds on.
///
/// Widths come from a built-in range table and `Unicode.Scalar.Properties`,
/// never from the C library, so the result does not depend on the locale or
/// on the machine. For ordinary text the answers match glibc's `wcwidth` in
/// `C.UTF-8` (ASCII 1, "é" 1, "€" 1, "日" 2, combining marks 0). Emoji are 2
/// when they have Emoji_Presentation, or when an emoji is followed by
/// U+FE0F inside its grapheme; flags (two regional indicators) are 2.
///
/// Characters that `sanitize` replaces (control characters, bidi overrides)
/// are measured as the placeholder that replaces them (1 cell each), so
/// `width(s) == width(sanitize(s))` and layout done on raw text matches what
/// `Grid.put` draws.
public enum TextWidth {

    // MARK: Width

    /// Display width in cells of one grapheme: 0, 1 or 2.
    ///
    /// A grapheme is as wide as its first visible scalar; marks after it add
    /// nothing. So a grapheme led by ASCII is always 1 (including keycap
    /// sequences such as "1️⃣", as glibc counts them), and a lone combining
    /// mark, ZWJ, ZWSP or variation selector is 0.
    @inlinable
    public static func width(_ c: Character) -> Int {
        // Fast path: a grapheme that starts with printable ASCII is one cell
        // (any combining marks that follow take no room of their own).
        let lead = c.utf8.first!
        if lead >= 0x20 && lead < 0x7F { return 1 }
        return slowWidth(c)
    }

    /// Display width in cells of a string (sum over its graphemes).
    public static func width(_ s: String) -> Int {
        var n = 0
        for b in s.utf8 {
            guard b >= 0x20 && b < 0x7F else { return mixedWidth(s) }
            n += 1
        }
        return n
    }

    static func mixedWidth(_ s: String) -> Int {
        var n = 0
        var it = GraphemeScanner(s)
        while let g = it.next() { n += g.width }
        return n
    }

    @usableFromInline
    static func slowWidth(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        var iterator = scalars.makeIterator()
        let first = iterator.next()!
        if needsSanitizing(first.value) {
            // Control characters stand alone as graphemes (only CR LF pairs
            // up); each becomes one placeholder cell.
            return scalars.count
        }
        guard iterator.next() != nil else { return scalarWidth(first) } // a lone scalar
        var base: Unicode.Scalar? = nil
        var baseWidth = 0
        var hasEmojiSelector = false
        var regionalIndicators = 0
        for s in scalars {
            let v = s.value
            if v == 0xFE0F { hasEmojiSelector = true }
            if v >= 0x1F1E6 && v <= 0x1F1FF { regionalIndicators += 1 }
            if base == nil {
                let w = scalarWidth(s)
                if w > 0 { base = s; baseWidth = w }
            }
        }
        guard let b = base else { return 0 }
        if baseWidth == 2 { return 2 }
        if regionalIndicators >= 2 { return 2 } // a flag
        if hasEmojiSelector && b.value >= 0x80 && b.properties.isEmoji { return 2 }
        return baseWidth
    }

    /// Width of a single scalar taken on its own: 0, 1 or 2. Control
    /// characters (which `sanitize` replaces) report 1, their placeholder's
    /// width.
    public static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return 1 } // ASCII, Latin-1, Latin Extended, IPA
        if v < 0x1100 { return isZeroWidth(s) ? 0 : 1 }
        // Common narrow symbol blocks used for borders and markers:
        // letterlike symbols, arrows, maths, box drawing, blocks, shapes.
        if v >= 0x2010 && v < 0x2028 { return 1 } // dashes, quotes, bullets, …
        if v >= 0x2030 && v < 0x2060 { return 1 }
        if v >= 0x20A0 && v < 0x20D0 { return 1 } // currency signs
        if v >= 0x2100 && v < 0x231A { return 1 }
        if v >= 0x2500 && v < 0x25FD { return 1 }
        // The bulk of CJK ideographs, kana and Hangul syllables.
        if (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0x30A0 && v <= 0x30FF) || (v >= 0x3041 && v <= 0x3096)
        {
            return 2
        }
        if inTable(v, wideRanges) {
            // The few combining marks inside wide blocks.
            if (v >= 0x302A && v <= 0x302D) || v == 0x3099 || v == 0x309A || v == 0x16FE4 { return 0 }
            return 2
        }
        if isZeroWidth(s) { return 0 }
        // Emoji with default emoji presentation are wide. Lone regional
        // indicators are not (glibc: 1); a flag is handled per grapheme.
        if v >= 0x231A && !(v >= 0x1F1E6 && v <= 0x1F1FF) && s.properties.isEmojiPresentation {
            return 2
        }
        return 1
    }

    @usableFromInline
    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v >= 0x1160 && v <= 0x11FF { return true } // Hangul jungseong/jongseong
        if v >= 0xD7B0 && v <= 0xD7FF { return true } // Hangul jamo extended-B
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return true
        case .format:
            // Prepended concatenation marks are printed (glibc: 1).
            return !inTable(v, visibleFormatRanges)
        default:
            return false
        }
    }

    @usableFromInline
    static func inTable(_ v: UInt32, _ table: [ClosedRange<UInt32>]) -> Bool {
        var lo = 0
        var hi = table.count - 1
        while lo <= hi {
            let mid = (lo &+ hi) >> 1
            let r = table[mid]
            if v < r.lowerBound {
                hi = mid - 1
            } else if v > r.upperBound {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Format characters (Cf) that still take a cell.
    @usableFromInline
    static let visibleFormatRanges: [ClosedRange<UInt32>] = [
        0x0600...0x0605, 0x06DD...0x06DD, 0x070F...0x070F, 0x0890...0x0891,
        0x08E2...0x08E2, 0x110BD...0x110BD, 0x110CD...0x110CD,
    ]

    /// East Asian Wide and Fullwidth ranges other than emoji (those are
    /// found through the Emoji_Presentation property). Sorted, disjoint.
    @usableFromInline
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, // Hangul choseong
        0x2329...0x232A, // angle brackets
        0x2E80...0x2E99, 0x2E9B...0x2EF3, // CJK radicals supplement
        0x2F00...0x2FD5, // Kangxi radicals
        0x2FF0...0x2FFF, // ideographic description characters
        0x3000...0x303E, // CJK symbols and punctuation (ideographic space is F)
        0x3041...0x3096, 0x3099...0x30FF, // Hiragana, Katakana
        0x3105...0x312F, // Bopomofo
        0x3131...0x318E, // Hangul compatibility jamo
        0x3190...0x31E5, // Kanbun, Bopomofo ext., CJK strokes
        0x31EF...0x321E, // Katakana phonetic ext., enclosed CJK
        0x3220...0xA48C, // enclosed CJK, compatibility, CJK ext. A, Yijing
        // hexagrams, CJK unified ideographs, Yi syllables
        0xA490...0xA4C6, // Yi radicals
        0xA960...0xA97C, // Hangul jamo extended-A
        0xAC00...0xD7A3, // Hangul syllables
        0xF900...0xFAFF, // CJK compatibility ideographs
        0xFE10...0xFE19, // vertical forms
        0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, // CJK compat. / small forms
        0xFF01...0xFF60, // fullwidth forms
        0xFFE0...0xFFE6, // fullwidth signs
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1,
        0x17000...0x187F7, // Tangut
        0x18800...0x18CD5, // Tangut components, Khitan
        0x18D00...0x18D08,
        0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE,
        0x1B000...0x1B122, // Kana supplement / extended
        0x1B132...0x1B132, 0x1B150...0x1B152, 0x1B155...0x1B155,
        0x1B164...0x1B167,
        0x1B170...0x1B2FB, // Nushu
        0x1F200...0x1F202, // enclosed ideographic supplement
        0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
        0x1F260...0x1F265,
        0x20000...0x2FFFD, // CJK ext. B and later
        0x30000...0x3FFFD,
    ]

    // MARK: Cutting and padding

    /// Cut `s` to at most `width` cells. When something is cut off the
    /// result ends with `ellipsis` and its total width is still <= `width`.
    /// A wide character is never split: the cut simply happens earlier, so
    /// the result may be one cell narrower than `width` (use `fit` to pad).
    /// If the ellipsis itself is wider than `width`, the text is cut without
    /// one. `width <= 0` gives "".
    public static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        if width <= 0 { return "" }
        let ellipsisWidth = Self.width(ellipsis)
        let useEllipsis = ellipsisWidth <= width
        let budget = useEllipsis ? width - ellipsisWidth : width
        // One pass: remember where the text would have to be cut to leave
        // room for the ellipsis, and stop as soon as it is known not to fit.
        var used = 0
        var cut = s.startIndex
        var cutFound = false
        var overflows = false
        var it = GraphemeScanner(s)
        while let g = it.next() {
            if !cutFound && used + g.width > budget {
                cut = g.start
                cutFound = true
            }
            used += g.width
            if used > width {
                overflows = true
                break
            }
            if !cutFound { cut = g.end }
        }
        if !overflows { return s }
        let kept = String(s[s.startIndex..<cut])
        return useEllipsis ? kept + ellipsis : kept
    }

    /// Pad (or truncate, see `truncate`) `s` to exactly `width` cells.
    public static func fit(
        _ s: String, to width: Int, align: Alignment = .left,
        ellipsis: String = "…"
    ) -> String {
        if width <= 0 { return "" }
        let t = truncate(s, to: width, ellipsis: ellipsis)
        let pad = width - Self.width(t)
        if pad <= 0 { return t }
        switch align {
        case .left:
            return t + String(repeating: " ", count: pad)
        case .right:
            return String(repeating: " ", count: pad) + t
        case .center:
            let left = pad / 2
            return String(repeating: " ", count: left) + t + String(repeating: " ", count: pad - left)
        }
    }

    // MARK: Sanitising

    /// True for scalars that `sanitize` replaces.
    @inlinable
    public static func needsSanitizing(_ v: UInt32) -> Bool {
        if v < 0x20 { return true } // C0, including ESC, TAB, LF
        if v < 0x7F { return false }
        if v <= 0x9F { return true } // DEL and C1
        if v < 0x2028 { return false }
        return (v >= 0x2028 && v <= 0x2029) // line / paragraph separator
            || (v >= 0x202A && v <= 0x202E) // bidi embedding / override
            || (v >= 0x2066 && v <= 0x2069) // bidi isolates
    }

    /// The visible stand-in for a scalar that `needsSanitizing`.
    @inlinable
    public static func placeholder(for v: UInt32) -> Unicode.Scalar {
        if v < 0x20 { return Unicode.Scalar(0x2400 + v)! } // ␀ … ␟ (ESC → ␛)
        if v == 0x7F { return "\u{2421}" } // ␡
        return "\u{FFFD}" // C1, separators, bidi controls
    }

    /// Replace control characters with visible placeholders so that text
    /// from a file can never move the cursor or change terminal state:
    /// C0 U+0000–U+001F → U+2400+code (␀…␟; ESC → ␛, TAB → ␉, LF → ␊),
    /// DEL → ␡, C1 U+0080–U+009F → "�", line/paragraph separators
    /// (U+2028/U+2029) and bidi controls (U+202A–U+202E, U+2066–U+2069) → "�".
    public static func sanitize(_ s: String) -> String {
        var clean = true
        for u in s.unicodeScalars where needsSanitizing(u.value) {
            clean = false
            break
        }
        if clean { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            out.append(needsSanitizing(u.value) ? placeholder(for: u.value) : u)
        }
        return String(out)
    }
}

/// Steps through the graphemes of a string, giving each one's bounds and
/// display width. Runs of printable ASCII are walked byte by byte, without
/// grapheme segmentation.
struct GraphemeScanner {
    struct Item {
        var start: String.Index
        var end: String.Index
        var width: Int
    }

    let string: String
    let endIndex: String.Index
    var index: String.Index

    init(_ s: String) {
        string = s
        endIndex = s.endIndex
        index = s.startIndex
    }

    @inline(__always)
    mutating func next() -> Item? {
        let i = index
        guard i < endIndex else { return nil }
        let utf8 = string.utf8
        let b = utf8[i]
        if b >= 0x20 && b < 0x7F {
            // A printable ASCII byte is a grapheme of its own unless a
            // non-ASCII scalar (e.g. a combining mark) follows it.
            let n = utf8.index(after: i)
            if n == endIndex || utf8[n] < 0x80 {
                index = n
                return Item(start: i, end: n, width: 1)
            }
        }
        let ch = string[i]
        let n = utf8.index(i, offsetBy: ch.utf8.count)
        index = n
        return Item(start: i, end: n, width: TextWidth.width(ch))
    }
}
