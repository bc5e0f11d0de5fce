import PipedeckRender

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Pure colour arithmetic: turns a theme's `ThemeColor` into a colour number
/// the terminal understands, degrading when the terminal has fewer colours.
/// No curses here, so it can be reasoned about (and tested) on its own.
///
/// Degrading keeps what a colour *means* rather than its exact shade:
/// - on 256 colours, `#rrggbb` becomes the nearest entry of the 6×6×6 cube or
///   the grey ramp;
/// - on 8 or 16 colours, a colour with a clear hue keeps its hue (an orange
///   stays yellowish, a violet stays blue) and, on 16, picks the bright or
///   normal variant by closeness; greys and near-blacks become black, grey,
///   white or bright white by lightness;
/// - a foreground that degrading left unreadable on its background (the same
///   colour, or far less contrast than the theme had) is replaced: by grey or
///   the other brightness variant when that is enough, else by black or white
///   — dimmed when the theme meant it to be subdued;
/// - on 8 colours, a mid grey on the terminal's own background becomes the
///   terminal's own foreground, dimmed (there is no grey to give it).
public enum ColorMapping {

    /// The xterm defaults for the 16 basic colours. Terminals let users
    /// change these, so they are only used to pick the *nearest* basic colour.
    static let basicPalette: [(r: Int, g: Int, b: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The six intensity steps of the xterm 6×6×6 colour cube (16...231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value xterm uses for palette entry `n` (0...255).
    public static func rgb(ofXterm n: Int) -> (r: Int, g: Int, b: Int) {
        let n = max(0, min(255, n))
        if n < 16 { return basicPalette[n] }
        if n >= 232 {
            let v = 8 + 10 * (n - 232)
            return (v, v, v)
        }
        let i = n - 16
        return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
    }

    /// The RGB value a theme colour stands for (nil for the terminal's default).
    public static func rgb(of color: ThemeColor) -> (r: Int, g: Int, b: Int)? {
        switch color {
        case .terminalDefault: return nil
        case .ansi(let n): return n < 0 ? nil : rgb(ofXterm: n)
        case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
        }
    }

    static func distance(_ a: (r: Int, g: Int, b: Int), _ b: (r: Int, g: Int, b: Int)) -> Int {
        // "Redmean" weighting: a cheap approximation of perceived difference.
        let meanRed = (a.r + b.r) / 2
        let dr = a.r - b.r, dg = a.g - b.g, db = a.b - b.b
        return (((512 + meanRed) * dr * dr) >> 8) + 4 * dg * dg + (((767 - meanRed) * db * db) >> 8)
    }

    /// Nearest entry of the xterm-256 palette among the cube (16...231) and
    /// the grey ramp (232...255), by the CIE94 colour difference: lightness and
    /// hue count more than saturation, so a red stays red rather than drifting to
    /// orange (as rounding each channel to the cube would do) or to a darker red.
    /// The first 16 are skipped: users re-theme them.
    public static func nearest256(r: Int, g: Int, b: Int) -> Int {
        let t = lab((r, g, b))
        let c1 = (t.a * t.a + t.b * t.b).squareRoot()
        let sc = 1 + 0.045 * c1, sh = 1 + 0.015 * c1
        var best = 16
        var bestDistance = Double.infinity
        for (i, e) in paletteLab.enumerated() {
            let c2 = (e.a * e.a + e.b * e.b).squareRoot()
            let dl = t.l - e.l, dc = c1 - c2
            let da = t.a - e.a, db = t.b - e.b
            let dh2 = max(0, da * da + db * db - dc * dc)
            let d = dl * dl + (dc / sc) * (dc / sc) + dh2 / (sh * sh)
            if d < bestDistance { bestDistance = d; best = 16 + i }
        }
        return best
    }

    /// CIELAB of palette entries 16...255.
    static let paletteLab: [(l: Double, a: Double, b: Double)] = (16...255).map { lab(rgb(ofXterm: $0)) }

    /// sRGB to CIELAB (D65 white).
    static func lab(_ c: (r: Int, g: Int, b: Int)) -> (l: Double, a: Double, b: Double) {
        func linear(_ v: Int) -> Double {
            let s = Double(v) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        let r = linear(c.r), g = linear(c.g), b = linear(c.b)
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        let fx = f(x), fy = f(y), fz = f(z)
        return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
    }

    // MARK: Lightness, hue, contrast

    /// Perceived lightness 0...255.
    static func lightness(_ c: (r: Int, g: Int, b: Int)) -> Int { (299 * c.r + 587 * c.g + 114 * c.b) / 1000 }

    /// True for greys, near-greys and colours too dark to show a hue.
    static func isAchromatic(_ c: (r: Int, g: Int, b: Int)) -> Bool {
        let hi = max(c.r, c.g, c.b), lo = min(c.r, c.g, c.b)
        return hi < 72 || (hi - lo) * 100 < hi * 30
    }

    /// Hue in degrees 0..<360 (meaningless for greys).
    static func hue(_ c: (r: Int, g: Int, b: Int)) -> Double {
        let hi = max(c.r, c.g, c.b), lo = min(c.r, c.g, c.b)
        let chroma = Double(hi - lo)
        guard chroma > 0 else { return 0 }
        var h: Double
        if hi == c.r {
            h = 60 * Double(c.g - c.b) / chroma
        } else if hi == c.g {
            h = 120 + 60 * Double(c.b - c.r) / chroma
        } else {
            h = 240 + 60 * Double(c.r - c.g) / chroma
        }
        if h < 0 { h += 360 }
        return h
    }

    /// The basic colour (1...6) whose hue family `h` belongs to. The families are not
    /// equal slices: orange counts as yellow, violet as blue, pink as magenta.
    static func hueFamily(_ h: Double) -> Int {
        switch h {
        case ..<15: return 1 // red
        case ..<65: return 3 // yellow (orange, amber, gold)
        case ..<165: return 2 // green
        case ..<200: return 6 // cyan (teal)
        case ..<262: return 4 // blue (sky, violet)
        case ..<335: return 5 // magenta (purple, pink)
        default: return 1 // red
        }
    }

    /// WCAG relative luminance of an sRGB colour.
    static func luminance(_ c: (r: Int, g: Int, b: Int)) -> Double {
        func channel(_ v: Int) -> Double {
            let s = Double(v) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }

    /// WCAG contrast ratio, 1 (none) ... 21 (black on white).
    public static func contrast(_ a: (r: Int, g: Int, b: Int), _ b: (r: Int, g: Int, b: Int)) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// The colour a terminal colour number shows (xterm's palette, or 0xRRGGBB beyond 255).
    static func shown(_ n: Int, colors: Int) -> (r: Int, g: Int, b: Int) {
        if colors > 256 && n >= 8 { return ((n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF) }
        return rgb(ofXterm: n)
    }

    // MARK: 8 and 16 colours

    /// The basic colour (0...`count`-1, `count` 8 or 16) that best stands for (r, g, b):
    /// a grey by lightness, a colour by its hue family (on 16 colours, the normal or
    /// bright variant, whichever is nearer).
    public static func nearestBasic(r: Int, g: Int, b: Int, count: Int) -> Int {
        let c = (r: r, g: g, b: b)
        if isAchromatic(c) {
            let greys = count >= 16 ? [0, 8, 7, 15] : [0, 7]
            let l = lightness(c)
            return greys.min { abs(lightness(basicPalette[$0]) - l) < abs(lightness(basicPalette[$1]) - l) }!
        }
        let n = hueFamily(hue(c))
        if count >= 16 && distance(c, basicPalette[n + 8]) < distance(c, basicPalette[n]) { return n + 8 }
        return n
    }

    // MARK: One colour

    /// The colour number to hand to curses for `color` on a terminal with
    /// `colors` colours, or nil for "the terminal's default colour".
    ///
    /// - `colors == 0` (or 1, 2): nil for everything; use attributes only.
    /// - `.ansi(n)`: n itself when the terminal has it, else the colour that
    ///   stands for it (bright 9...15 fall back to 1...7, grey to black or white).
    /// - `.rgb`: nearest of the 256-colour cube/greys, or of the 16/8 basic
    ///   colours (see `nearestBasic`).
    /// - Direct-colour terminals (`colors > 256`, e.g. xterm-direct): colour
    ///   numbers are 0xRRGGBB, except that 0...7 still mean the ANSI colours.
    public static func terminalColor(_ color: ThemeColor, colors: Int) -> Int? {
        guard colors >= 8 else { return nil }
        switch color {
        case .terminalDefault:
            return nil
        case .ansi(let n):
            if n < 0 { return nil }
            let n = min(n, 255)
            if colors > 256 {
                if n < 8 { return n }
                return packed(rgb(ofXterm: n))
            }
            if n < colors { return n }
            if n > 8 && n < 16 { return n - 8 } // bright → normal (colors is 8 here)
            let c = rgb(ofXterm: n)
            return nearestBasic(r: c.r, g: c.g, b: c.b, count: colors)
        case .rgb(let r, let g, let b):
            let (r, g, b) = (Int(r), Int(g), Int(b))
            if colors > 256 { return packed((r, g, b)) }
            if colors >= 256 { return nearest256(r: r, g: g, b: b) }
            return nearestBasic(r: r, g: g, b: b, count: colors)
        }
    }

    /// 0xRRGGBB for direct-colour terminals. Values 1...7 would be read as
    /// ANSI colours; such near-blacks become 0 (black).
    static func packed(_ c: (r: Int, g: Int, b: Int)) -> Int {
        let v = (c.r << 16) | (c.g << 8) | c.b
        return v < 8 ? 0 : v
    }

    // MARK: A pair

    /// A foreground/background pair as the terminal should draw it.
    public struct Pair: Equatable, Sendable {
        /// Colour numbers; -1 is the terminal's default.
        public var foreground: Int
        public var background: Int
        /// Draw dimmed: degrading turned a subdued colour into plain text colour.
        public var dim: Bool
        public init(foreground: Int, background: Int, dim: Bool = false) {
            self.foreground = foreground; self.background = background; self.dim = dim
        }
    }

    /// Contrast below which a degraded foreground counts as unreadable. Judged on xterm's
    /// palette: it catches blue on black (2.2), yellow, cyan and green on white, and leaves
    /// red, magenta and the bright colours on black alone.
    static let minimumContrast = 2.5

    /// Hues close enough to stand in for each other when a colour is unreadable on its
    /// background (blue on black becomes cyan, cyan on white becomes blue).
    static let neighbourHues: [Int: [Int]] = [1: [5], 4: [6, 5], 5: [1, 4], 6: [4]]

    /// Maps a style's two colours together, so the foreground stays readable on the
    /// background after degrading. `defaultColors` is false when the terminal cannot
    /// keep its own colours (curses' use_default_colors failed): white on black is
    /// assumed then.
    public static func pair(
        foreground fgColor: ThemeColor, background bgColor: ThemeColor,
        colors: Int, defaultColors: Bool = true
    ) -> Pair {
        guard colors >= 8 else { return Pair(foreground: -1, background: -1) }
        var bg = terminalColor(bgColor, colors: colors) ?? -1
        if bg == -1 && !defaultColors { bg = 0 }
        var dim = false
        var fg: Int
        let fgRGB = rgb(of: fgColor)

        if colors < 16, let c = fgRGB, isAchromatic(c), bg >= 0 {
            // 8 colours have no greys but black and white: the one that shows on the
            // background, dimmed when the theme meant a subdued grey.
            fg = isDark(paletteIndex: bg) ? 7 : 0
            if let b = rgb(of: bgColor) { dim = contrast(c, b) < 4.5 } else { dim = (80...190).contains(lightness(c)) }
        } else if colors < 16, let c = fgRGB, isAchromatic(c), (80...190).contains(lightness(c)) {
            // A mid grey on the terminal's own background: its own text colour, dimmed.
            dim = true
            fg = -1
        } else {
            fg = terminalColor(fgColor, colors: colors) ?? -1
        }
        if fg == -1 && !defaultColors { fg = 7 }

        guard colors <= 256, fg >= 0, bg >= 0, fgColor != bgColor else {
            return Pair(foreground: fg, background: bg, dim: dim)
        }
        let mapped = contrast(shown(fg, colors: colors), shown(bg, colors: colors))
        let original: Double
        // A default colour against a known one: assume it was readable.
        if let f = fgRGB, let b = rgb(of: bgColor) { original = contrast(f, b) } else { original = 21 }
        guard fg == bg || (mapped < minimumContrast && mapped < original * 0.85) else {
            return Pair(foreground: fg, background: bg, dim: dim)
        }

        // Unreadable after degrading: find a stand-in.
        let subdued = original < 3
        // What a stand-in must reach: readable, but no more than the theme asked for.
        let target = original < minimumContrast ? max(1.3, original * 0.8) : min(3, original)
        var candidates: [Int] = []
        if colors >= 16 {
            if fg >= 1 && fg <= 6 { candidates.append(fg + 8) }
            if fg >= 9 && fg <= 14 { candidates.append(fg - 8) }
        }
        if fg >= 1 && fg <= 14 && fg != 7 && fg != 8 {
            for n in neighbourHues[fg > 8 ? fg - 8 : fg] ?? [] {
                candidates.append(n)
                if colors >= 16 { candidates.append(n + 8) }
            }
        }
        if colors >= 16 && subdued { candidates += [8, 7] }
        let bgShown = shown(bg, colors: colors)
        for n in candidates where n != bg && contrast(shown(n, colors: colors), bgShown) >= target {
            return Pair(foreground: n, background: bg, dim: dim)
        }
        let extreme = isDark(paletteIndex: bg) ? (colors >= 16 && bg != 15 ? 15 : 7) : 0
        return Pair(foreground: extreme == bg ? (extreme == 0 ? 7 : 0) : extreme, background: bg, dim: dim || subdued)
    }

    /// Whether palette colour `n` is dark (so light text goes on it).
    static func isDark(paletteIndex n: Int) -> Bool {
        lightness(rgb(ofXterm: n)) < 128
    }

    // MARK: A whole theme

    /// The theme as it should be used on a terminal with `colors` colours: a role whose
    /// background is meant to stand out from `normal`'s (a selection, a focused field) but
    /// degrades to the same terminal colour is drawn in reverse video instead, so the
    /// highlight survives on 8 and 16 colours.
    public static func adapted(_ theme: Theme, colors: Int) -> Theme {
        guard colors >= 8 else { return theme }
        let normal = theme.style(.normal)
        let normalBackground = terminalColor(normal.background, colors: colors)
        var out = theme
        for role in StyleRole.allCases {
            var s = theme.style(role)
            guard s.background != normal.background,
                terminalColor(s.background, colors: colors) == normalBackground,
                !s.attributes.contains(.reverse)
            else { continue }
            s.background = normal.background
            s.foreground = normal.foreground
            s.attributes.insert(.reverse)
            out.styles[role] = s
        }
        return out
    }
}
