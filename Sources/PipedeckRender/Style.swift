/// Semantic style roles. The render layer only ever says *what* a cell is;
/// a theme (see `Theme`) decides how each role looks on a given terminal.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal
    case header // top line: board name, file
    case headerDim // top line: secondary information
    case status // status/message line
    case error // error messages
    case columnBorder
    case columnHeader
    case columnHeaderFocused
    case columnFigures // count / totals under the stage name
    case scrollMarker // "▲ 3 more", "◀", "▶"
    case card
    case cardSelected
    case cardTitle
    case cardTitleSelected
    case cardDim // company, secondary card text
    case money
    case weightedMoney
    case overdue
    case dueToday
    case upcoming
    case noAction // open deal without a next action
    case stale
    case won
    case lost
    case tag
    case score
    case match // search match highlight
    case placeholder // visible stand-in for a control character
    case footer
    case footerFigure
    case footerKey
    case help
    case helpKey
    case helpTitle
    case formLabel
    case formField
    case formFieldFocused
    case dialog
}

/// A colour as a theme names it.
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case ansi(Int) // 0...255
    case rgb(UInt8, UInt8, UInt8)
}

public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let reverse = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)
}

public struct TextStyle: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes
    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
