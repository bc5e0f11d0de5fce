// Generated from themes/*.theme: do not edit by hand. After changing a file in themes/, run
//   PIPEDECK_RECORD=1 swift test --filter ShippedThemeFileTests
// to rewrite this file; without it, that test fails while the two differ.

/// The themes shipped with Pipedeck, compiled into the binary so that it finds them wherever it
/// is run from. Each text is byte for byte the file `themes/NAME.theme` of the source tree.
public enum ShippedThemes {
    /// The shipped theme names, in the order the `t` key cycles through them.
    public static let names: [String] = ["default", "dark", "light", "solarized-dark", "high-contrast", "monochrome"]

    /// The text of the shipped theme `name`, or nil.
    public static func text(named name: String) -> String? {
        switch name {
        case "default": return theme0
        case "dark": return theme1
        case "light": return theme2
        case "solarized-dark": return theme3
        case "high-contrast": return theme4
        case "monochrome": return theme5
        default: return nil
        }
    }

    // themes/default.theme
    static let theme0 = #"""
        # Pipedeck colour theme "default" (the format is described in docs/themes.md).
        #
        # Text is always the terminal's own text colour on its own background, so it
        # reads on dark and light terminals alike, whatever their palette: emphasis
        # comes from bold, italic, underline and reverse. Colour appears only where it
        # cannot hurt reading: badges with their own background (an overdue step, one
        # due today, an error, a search match) and marks that are not text (column
        # lines, the qualification dots), in colours that show on black and on white.
        #
        # Each line: role = [foreground] [background] [attributes]
        # A colour left out or written "-" is the one `normal` has.

        description = The terminal's own text colour; colour only for badges and marks; reads on dark and light

        # The screen
        normal              = default default
        header              = bold
        headerDim           = -
        status              = -
        error               = bright-white red bold

        # Columns
        columnBorder        = grey
        columnHeader        = bold
        columnHeaderFocused = bold underline
        columnFigures       = -
        scrollMarker        = bold

        # Cards
        card                = -
        cardSelected        = reverse
        cardTitle           = bold
        cardTitleSelected   = bold reverse
        cardDim             = -
        money               = -
        weightedMoney       = bold

        # Next actions and the state of a deal
        overdue             = bright-white red bold
        dueToday            = black yellow bold
        upcoming            = -
        noAction            = italic
        stale               = italic
        won                 = bold
        lost                = italic
        tag                 = -
        score               = magenta
        match               = black yellow
        placeholder         = bright-white red

        # The footer and the key hints
        footer              = -
        footerFigure        = bold
        footerKey           = bold

        # Help, forms and dialogs
        help                = -
        helpKey             = bold
        helpTitle           = bold underline
        formLabel           = -
        formField           = underline
        formFieldFocused    = reverse
        dialog              = -

        """#

    // themes/dark.theme
    static let theme1 = #"""
        # Pipedeck colour theme "dark" (the format is described in docs/themes.md).
        #
        # Its own near-black background with soft light text and muted accents, the
        # same on every terminal whatever its palette. Best on 256 or true colours; on
        # 8 and 16 it becomes white on black with the basic colours.
        #
        # Each line: role = [foreground] [background] [attributes]
        # A colour left out or written "-" is the one `normal` has.

        description = Soft light text on its own near-black background

        # The screen
        normal              = #d5d8de #1c1f26
        header              = #ffffff bold
        headerDim           = #828895
        status              = -
        error               = #e06c75 bold

        # Columns
        columnBorder        = #6a6f7a
        columnHeader        = #ffffff bold
        columnHeaderFocused = #61afef bold underline
        columnFigures       = #828895
        scrollMarker        = #61afef

        # Cards
        card                = -
        cardSelected        = - #323846
        cardTitle           = #ffffff bold
        cardTitleSelected   = #ffffff #323846 bold
        cardDim             = #828895
        money               = #98c379
        weightedMoney       = #56b6c2 bold

        # Next actions and the state of a deal
        overdue             = #e06c75 bold
        dueToday            = #e5c07b bold
        upcoming            = #61afef
        noAction            = #c678dd
        stale               = #d19a66
        won                 = #98c379 bold
        lost                = #c96e65
        tag                 = #c678dd
        score               = #e5c07b
        match               = #1c1f26 #e5c07b
        placeholder         = #e06c75 bold

        # The footer and the key hints
        footer              = -
        footerFigure        = #ffffff bold
        footerKey           = #61afef bold

        # Help, forms and dialogs
        help                = -
        helpKey             = #61afef bold
        helpTitle           = #ffffff bold underline
        formLabel           = #828895
        formField           = - - underline
        formFieldFocused    = #ffffff #3b4150
        dialog              = -

        """#

    // themes/light.theme
    static let theme2 = #"""
        # Pipedeck colour theme "light" (the format is described in docs/themes.md).
        #
        # Its own off-white background with dark text and accents deep enough to read
        # on it, the same on every terminal whatever its palette. Best on 256 or true
        # colours; on 8 and 16 it becomes black on white with the basic colours.
        #
        # Each line: role = [foreground] [background] [attributes]
        # A colour left out or written "-" is the one `normal` has.

        description = Dark text on its own off-white background

        # The screen
        normal              = #383a42 #fafafa
        header              = #202227 bold
        headerDim           = #6d7078
        status              = -
        error               = #c62828 bold

        # Columns
        columnBorder        = #8a8c91
        columnHeader        = #202227 bold
        columnHeaderFocused = #2b64c9 bold underline
        columnFigures       = #6d7078
        scrollMarker        = #2b64c9

        # Cards
        card                = -
        cardSelected        = - #dbe4f3
        cardTitle           = #202227 bold
        cardTitleSelected   = #202227 #dbe4f3 bold
        cardDim             = #6d7078
        money               = #398038
        weightedMoney       = #0e727e bold

        # Next actions and the state of a deal
        overdue             = #c62828 bold
        dueToday            = #8f6000 bold
        upcoming            = #2b64c9
        noAction            = #a626a4
        stale               = #b25900
        won                 = #398038 bold
        lost                = #a33a2f
        tag                 = #a626a4
        score               = #8f6000
        match               = #383a42 #ffe58f
        placeholder         = #c62828 bold

        # The footer and the key hints
        footer              = -
        footerFigure        = #202227 bold
        footerKey           = #2b64c9 bold

        # Help, forms and dialogs
        help                = -
        helpKey             = #2b64c9 bold
        helpTitle           = #202227 bold underline
        formLabel           = #6d7078
        formField           = - - underline
        formFieldFocused    = #202227 #e3e7ee
        dialog              = -

        """#

    // themes/solarized-dark.theme
    static let theme3 = #"""
        # Pipedeck colour theme "solarized-dark" (the format is described in docs/themes.md).
        #
        # Ethan Schoonover's Solarized on its dark base (base03), one step lighter than
        # the original so that every text reads at 4.5:1 or more: base1 text, base2 for
        # emphasis, base0 for secondary text, and the eight accents lightened just
        # enough (at 256 colours and in true colour alike). On 8 and 16 colours it
        # becomes light text on black.
        #
        # Each line: role = [foreground] [background] [attributes]
        # A colour left out or written "-" is the one `normal` has.
        #
        #   base03 #002b36  base02 #073642  base01 #586e75  base0 #839496
        #   base1  #93a1a1  base2  #eee8d5  base3  #fdf6e3
        #   accents as used here (Solarized's, lightened): yellow #c29d2b
        #   orange #d7744c  red #e6706d  magenta #de66a0  violet #8589ce
        #   blue #449bd8  cyan #2aa198  green #879b05

        description = Solarized dark: base1 text on base03, the eight accents, all at 4.5:1 or more

        # The screen
        normal              = #93a1a1 #002b36
        header              = #eee8d5 bold
        headerDim           = #839496
        status              = -
        error               = #e6706d bold

        # Columns
        columnBorder        = #64787f
        columnHeader        = #eee8d5 bold
        columnHeaderFocused = #449bd8 bold underline
        columnFigures       = #839496
        scrollMarker        = #449bd8

        # Cards
        card                = -
        cardSelected        = - #073642
        cardTitle           = #eee8d5 bold
        cardTitleSelected   = #fdf6e3 #073642 bold
        cardDim             = #839496
        money               = #879b05
        weightedMoney       = #2aa198 bold

        # Next actions and the state of a deal
        overdue             = #e6706d bold
        dueToday            = #c29d2b bold
        upcoming            = #449bd8
        noAction            = #8589ce
        stale               = #d7744c
        won                 = #879b05 bold
        lost                = #e6706d
        tag                 = #de66a0
        score               = #c29d2b
        match               = #002b36 #c29d2b
        placeholder         = #e6706d bold

        # The footer and the key hints
        footer              = -
        footerFigure        = #eee8d5 bold
        footerKey           = #449bd8 bold

        # Help, forms and dialogs
        help                = -
        helpKey             = #449bd8 bold
        helpTitle           = #eee8d5 bold underline
        formLabel           = #839496
        formField           = - - underline
        formFieldFocused    = #fdf6e3 #073642
        dialog              = -

        """#

    // themes/high-contrast.theme
    static let theme4 = #"""
        # Pipedeck colour theme "high-contrast" (the format is described in docs/themes.md).
        #
        # Pure white on black, bright saturated accents, every text at least 7:1
        # against its background (WCAG AAA), and the urgent states as solid badges.
        # For bright rooms, projectors and tired eyes.
        #
        # Each line: role = [foreground] [background] [attributes]
        # A colour left out or written "-" is the one `normal` has.

        description = White on black, bright accents, overdue deals as red badges

        # The screen
        normal              = #ffffff #000000
        header              = #ffffff bold
        headerDim           = #c6c6c6
        status              = #ffffff bold
        error               = #ffffff #af0000 bold

        # Columns
        columnBorder        = #a8a8a8
        columnHeader        = #ffffff bold
        columnHeaderFocused = #ffff00 bold underline
        columnFigures       = #c6c6c6
        scrollMarker        = #ffff00

        # Cards
        card                = -
        cardSelected        = #000000 #ffffff
        cardTitle           = #ffffff bold
        cardTitleSelected   = #000000 #ffffff bold
        cardDim             = #c6c6c6
        money               = #5fff5f
        weightedMoney       = #5fffff bold

        # Next actions and the state of a deal
        overdue             = #ffffff #af0000 bold
        dueToday            = #ffff00 bold
        upcoming            = #5fffff
        noAction            = #ff87ff
        stale               = #ffaf00
        won                 = #5fff5f bold
        lost                = #ff8787
        tag                 = #ff87ff
        score               = #ffff00
        match               = #000000 #ffff00
        placeholder         = #000000 #ff8787

        # The footer and the key hints
        footer              = -
        footerFigure        = #ffffff bold
        footerKey           = #ffff00 bold

        # Help, forms and dialogs
        help                = -
        helpKey             = #ffff00 bold
        helpTitle           = #ffffff bold underline
        formLabel           = #c6c6c6
        formField           = - - underline
        formFieldFocused    = #000000 #5fffff
        dialog              = -

        """#

    // themes/monochrome.theme
    static let theme5 = #"""
        # Pipedeck colour theme "monochrome" (the format is described in docs/themes.md).
        #
        # No colours at all: only bold, underline, reverse and italic on the
        # terminal's own colours (dim only for the column lines: faint text falls
        # below 4.5:1 on light terminals). Used whenever NO_COLOR is set, with
        # --no-color, and on terminals without colour.
        #
        # Each line: role = [foreground] [background] [attributes]

        description = Attributes only (bold, italic, underline, reverse); no colours

        # The screen
        normal              = default default
        header              = bold
        headerDim           = -
        status              = -
        error               = bold reverse

        # Columns
        columnBorder        = dim
        columnHeader        = bold
        columnHeaderFocused = bold underline
        columnFigures       = -
        scrollMarker        = bold

        # Cards
        card                = -
        cardSelected        = reverse
        cardTitle           = bold
        cardTitleSelected   = bold reverse
        cardDim             = -
        money               = -
        weightedMoney       = bold

        # Next actions and the state of a deal
        overdue             = bold reverse
        dueToday            = bold
        upcoming            = -
        noAction            = italic
        stale               = bold
        won                 = bold
        lost                = italic
        tag                 = italic
        score               = -
        match               = underline reverse
        placeholder         = reverse

        # The footer and the key hints
        footer              = -
        footerFigure        = bold
        footerKey           = bold

        # Help, forms and dialogs
        help                = -
        helpKey             = bold
        helpTitle           = bold underline
        formLabel           = -
        formField           = underline
        formFieldFocused    = reverse
        dialog              = -

        """#
}
