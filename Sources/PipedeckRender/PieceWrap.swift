import PipedeckUI

/// Lines made of styled pieces, broken at spaces to fit a width.
extension BoardRenderer {
    typealias Pieces = [(String, StyleRole)]

    /// `line` in lines of at most `width` cells. The first `head` pieces (a mark, a date) stay
    /// at the start of the first line; the rest is broken at spaces, each piece keeping its
    /// style, and the lines after the first start under the text after the head (or 4 cells in
    /// when the head takes more than half the width). Spaces at a break are dropped; a word
    /// wider than a line is cut with "…". A line that fits is returned as it is.
    static func wrapPieces(_ line: Pieces, head: Int, width: Int) -> [Pieces] {
        guard width > 0, line.reduce(0, { $0 + TextWidth.width($1.0) }) > width else { return [line] }
        let start = line.prefix(head).reduce(0) { $0 + TextWidth.width($1.0) }
        let indent = start * 2 <= width ? start : min(4, width / 4)
        var out: [Pieces] = []
        var current = Pieces(line.prefix(head)), used = start, lineStart = start
        // Spaces met since the last word, placed only if the next word goes on the same line.
        var spaces: Pieces = [], spacesWidth = 0
        for (text, role) in line.dropFirst(head) {
            var rest = Substring(text)
            while let first = rest.first {
                if first == " " {
                    let blank = rest.prefix { $0 == " " }
                    spaces.append((String(blank), role)); spacesWidth += blank.count
                    rest = rest.dropFirst(blank.count)
                    continue
                }
                let word = rest.prefix { $0 != " " }
                rest = rest.dropFirst(word.count)
                var piece = String(word), w = TextWidth.width(piece)
                // A new line when the word does not fit and a new line gives it more room.
                let gap = used > lineStart ? spacesWidth : 0
                if used + gap + w > width && (used > lineStart || used > indent) {
                    out.append(current)
                    current = indent > 0 ? [(String(repeating: " ", count: indent), .help)] : []
                    used = indent; lineStart = indent
                } else if used > lineStart {
                    current += spaces; used += spacesWidth
                }
                spaces = []; spacesWidth = 0
                if used + w > width {
                    piece = TextWidth.truncate(piece, to: max(1, width - used))
                    w = TextWidth.width(piece)
                }
                current.append((piece, role)); used += w
            }
        }
        out.append(current)
        return out
    }
}
