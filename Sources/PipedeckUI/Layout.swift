/// Where things go on the board screen, computed from the screen size alone. Used by the
/// reducer (to keep the selection visible, to hit-test the mouse) and by the renderer, so the
/// two always agree.
public struct BoardLayout: Equatable, Sendable {
    public static let minColumnWidth = 24
    public static let minimumSize = (width: 40, height: 10)

    public var width: Int
    public var height: Int
    /// Rows: 0 top bar; 1–2 column headers; 3 rule; cards from `cardTop`; two footer rows.
    public var headerTop: Int { 1 }
    public var ruleRow: Int { 3 }
    public var cardTop: Int { 4 }
    public var cardAreaHeight: Int { max(0, height - cardTop - 2) }
    public var footerRow: Int { height - 2 }
    public var hintRow: Int { height - 1 }
    /// Lines of text per card: 4 on tall screens, 3 on ordinary ones (24 rows), 2 on short ones.
    public var cardLines: Int { cardAreaHeight >= 24 ? 4 : cardAreaHeight >= 11 ? 3 : 2 }
    /// Rows one card takes, including the blank line after it.
    public var cardStride: Int { cardLines + 1 }

    public init(width: Int, height: Int) { self.width = max(0, width); self.height = max(0, height) }

    public var isTooSmall: Bool { width < BoardLayout.minimumSize.width || height < BoardLayout.minimumSize.height }

    /// How many columns fit side by side (each at least `minColumnWidth`, plus 1-cell separators).
    public func visibleColumnCount(stageCount: Int) -> Int {
        guard stageCount > 0 else { return 0 }
        let fit = max(1, (width + 1) / (BoardLayout.minColumnWidth + 1))
        return min(stageCount, fit)
    }

    /// The first visible column, moved as little as possible so that `focused` is on screen.
    public func firstColumn(current: Int, focused: Int, stageCount: Int) -> Int {
        let n = visibleColumnCount(stageCount: stageCount)
        guard n > 0 else { return 0 }
        var first = min(max(0, current), max(0, stageCount - n))
        if focused < first { first = focused }
        if focused >= first + n { first = focused - n + 1 }
        return max(0, min(first, stageCount - n))
    }

    /// x and width of each visible column, left to right (separators sit between them).
    public func columnFrames(count n: Int) -> [(x: Int, width: Int)] {
        guard n > 0 else { return [] }
        let usable = width - (n - 1)
        let base = usable / n, extra = usable % n
        var x = 0
        var frames: [(Int, Int)] = []
        for i in 0..<n {
            let w = base + (i < extra ? 1 : 0)
            frames.append((x, w))
            x += w + 1
        }
        return frames
    }

    public struct CardWindow: Equatable, Sendable {
        public var top: Int // index of the first card shown
        public var count: Int // cards shown
        public var moreAbove: Int
        public var moreBelow: Int
    }

    /// Which cards of a column are shown, keeping `selected` visible and moving `top` as little as possible.
    public func cardWindow(cardCount k: Int, selected: Int, top current: Int) -> CardWindow {
        let area = cardAreaHeight
        guard k > 0, area > 0 else { return CardWindow(top: 0, count: 0, moreAbove: 0, moreBelow: 0) }
        let sel = min(max(0, selected), k - 1)
        func capacity(top: Int) -> Int {
            let above = top > 0 ? 1 : 0
            var avail = area - above
            var cap = max(1, (avail + 1) / cardStride)
            if top + cap < k { avail -= 1; cap = max(1, (avail + 1) / cardStride) }
            return cap
        }
        var top = min(max(0, current), k - 1)
        if sel < top { top = sel }
        while sel >= top + capacity(top: top) { top += 1 }
        // Do not leave empty room at the bottom while cards are hidden above.
        while top > 0 {
            let t = top - 1, cap = capacity(top: t)
            if t + cap >= k && sel < t + cap { top = t } else { break }
        }
        let cap = capacity(top: top)
        let shown = min(cap, k - top)
        return CardWindow(top: top, count: shown, moreAbove: top, moreBelow: k - top - shown)
    }

    /// The y of the n-th shown card (0-based within the window).
    public func cardY(_ n: Int, window: CardWindow) -> Int {
        cardTop + (window.moreAbove > 0 ? 1 : 0) + n * cardStride
    }
}
