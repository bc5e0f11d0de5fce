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
        # Uses the terminal's own background and text colour and only its 16 ANSI
        # colours, so it follows the terminal's palette and reads on dark and light
        # backgrounds alike. No white or black text: those vanish on one or the other.
        #
        # Each line: role = [foreground] [background] [attributes]
        # A colour left out or written "-" is the one `normal` has.

        description = The terminal's own background and palette; reads on dark and light

        # The screen
        normal              = default default
        header              = bold
        headerDim           = grey
        status              = -
        error               = red bold

        # Columns
        columnBorder        = grey
        columnHeader        = bold
        columnHeaderFocused = cyan bold underline
        columnFigures       = grey
        scrollMarker        = cyan

        # Cards
        card                = -
        cardSelected        = reverse
        cardTitle           = bold
        cardTitleSelected   = bold reverse
        cardDim             = grey
        money               = green
        weightedMoney       = cyan bold

        # Next actions and the state of a deal
        overdue             = red bold
        dueToday            = yellow bold
        upcoming            = cyan
        noAction            = magenta
        stale               = yellow
        won                 = green bold
        lost                = red
        tag                 = magenta
        score               = yellow
        match               = black yellow
        placeholder         = red reverse

        # The footer and the key hints
        footer              = -
        footerFigure        = bold
        footerKey           = cyan bold

        # Help, forms and dialogs
        help                = -
        helpKey             = cyan bold
        helpTitle           = bold underline
        formLabel           = grey
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
        headerDim           = #7d8391
        status              = -
        error               = #e06c75 bold

        # Columns
        columnBorder        = #3b4150
        columnHeader        = #ffffff bold
        columnHeaderFocused = #61afef bold underline
        columnFigures       = #7d8391
        scrollMarker        = #61afef

        # Cards
        card                = -
        cardSelected        = - #323846
        cardTitle           = #ffffff bold
        cardTitleSelected   = #ffffff #323846 bold
        cardDim             = #7d8391
        money               = #98c379
        weightedMoney       = #56b6c2 bold

        # Next actions and the state of a deal
        overdue             = #e06c75 bold
        dueToday            = #e5c07b bold
        upcoming            = #61afef
        noAction            = #c678dd
        stale               = #d19a66
        won                 = #98c379 bold
        lost                = #be5046
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
        formLabel           = #7d8391
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
        headerDim           = #7a7e87
        status              = -
        error               = #c62828 bold

        # Columns
        columnBorder        = #c8cbd2
        columnHeader        = #202227 bold
        columnHeaderFocused = #2b64c9 bold underline
        columnFigures       = #7a7e87
        scrollMarker        = #2b64c9

        # Cards
        card                = -
        cardSelected        = - #dbe4f3
        cardTitle           = #202227 bold
        cardTitleSelected   = #202227 #dbe4f3 bold
        cardDim             = #7a7e87
        money               = #3d8a3c
        weightedMoney       = #0f7f8c bold

        # Next actions and the state of a deal
        overdue             = #c62828 bold
        dueToday            = #a86b00 bold
        upcoming            = #2b64c9
        noAction            = #a626a4
        stale               = #b85c00
        won                 = #3d8a3c bold
        lost                = #a33a2f
        tag                 = #a626a4
        score               = #a86b00
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
        formLabel           = #7a7e87
        formField           = - - underline
        formFieldFocused    = #202227 #e3e7ee
        dialog              = -

        """#

    // themes/solarized-dark.theme
    static let theme3 = #"""
        # Pipedeck colour theme "solarized-dark" (the format is described in docs/themes.md).
        #
        # Ethan Schoonover's Solarized palette on its dark base (base03), with base0
        # text, base1 for emphasis, base01 for secondary text and the eight accents.
        # On a terminal already set to Solarized the 256-colour approximations are
        # close; on 8 and 16 colours it becomes light text on black.
        #
        # Each line: role = [foreground] [background] [attributes]
        # A colour left out or written "-" is the one `normal` has.
        #
        #   base03 #002b36  base02 #073642  base01 #586e75  base0 #839496
        #   base1  #93a1a1  base2  #eee8d5  yellow #b58900  orange #cb4b16
        #   red    #dc322f  magenta #d33682 violet #6c71c4  blue  #268bd2
        #   cyan   #2aa198  green  #859900

        description = Solarized dark: base0 text on base03, the eight Solarized accents

        # The screen
        normal              = #839496 #002b36
        header              = #93a1a1 bold
        headerDim           = #586e75
        status              = -
        error               = #dc322f bold

        # Columns
        columnBorder        = #586e75
        columnHeader        = #93a1a1 bold
        columnHeaderFocused = #268bd2 bold underline
        columnFigures       = #586e75
        scrollMarker        = #268bd2

        # Cards
        card                = -
        cardSelected        = - #073642
        cardTitle           = #93a1a1 bold
        cardTitleSelected   = #eee8d5 #073642 bold
        cardDim             = #586e75
        money               = #859900
        weightedMoney       = #2aa198 bold

        # Next actions and the state of a deal
        overdue             = #dc322f bold
        dueToday            = #b58900 bold
        upcoming            = #268bd2
        noAction            = #6c71c4
        stale               = #cb4b16
        won                 = #859900 bold
        lost                = #dc322f
        tag                 = #d33682
        score               = #b58900
        match               = #002b36 #b58900
        placeholder         = #dc322f bold

        # The footer and the key hints
        footer              = -
        footerFigure        = #93a1a1 bold
        footerKey           = #268bd2 bold

        # Help, forms and dialogs
        help                = -
        helpKey             = #268bd2 bold
        helpTitle           = #93a1a1 bold underline
        formLabel           = #586e75
        formField           = - - underline
        formFieldFocused    = #eee8d5 #073642
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
        # No colours at all: only bold, dim, underline, reverse and italic on the
        # terminal's own colours. Used whenever NO_COLOR is set, with --no-color, and
        # on terminals without colour.
        #
        # Each line: role = [foreground] [background] [attributes]

        description = Attributes only (bold, dim, underline, reverse); no colours

        # The screen
        normal              = default default
        header              = bold
        headerDim           = dim
        status              = -
        error               = bold reverse

        # Columns
        columnBorder        = dim
        columnHeader        = bold
        columnHeaderFocused = bold underline
        columnFigures       = dim
        scrollMarker        = bold

        # Cards
        card                = -
        cardSelected        = reverse
        cardTitle           = bold
        cardTitleSelected   = bold reverse
        cardDim             = dim
        money               = -
        weightedMoney       = bold

        # Next actions and the state of a deal
        overdue             = bold reverse
        dueToday            = bold
        upcoming            = -
        noAction            = italic
        stale               = bold
        won                 = bold
        lost                = dim
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
        formLabel           = dim
        formField           = underline
        formFieldFocused    = reverse
        dialog              = -

        """#
}
