/// The language a person types in. It decides the words a date may be written with ("tomorrow",
/// "demain") and the order of day and month in numeric dates; it never changes how an amount is
/// read (a separator before exactly three digits is ambiguous in every language).
public enum Language: String, CaseIterable, Sendable {
    case english = "en"
    case french = "fr"
}

/// The mark between the units and the decimals of a number.
public enum DecimalMark: String, Sendable, Hashable {
    case point = "."
    case comma = ","

    public var other: DecimalMark { self == .point ? .comma : .point }
    var character: Character { self == .point ? "." : "," }
}

/// What is known of the decimal mark before a number is read.
public enum DecimalMarkRule: Sendable, Hashable {
    /// Nothing: each text says which mark it uses, and one that could be read both ways
    /// ("12.500": twelve and a half, or twelve thousand five hundred) is refused.
    case either
    /// Probably this one (the other values of a file use it): the other mark groups thousands,
    /// but this mark alone before exactly three digits is still refused as ambiguous.
    case likely(DecimalMark)
    /// This one for sure (the user said so): the other mark groups thousands.
    case certain(DecimalMark)

    var mark: DecimalMark? {
        switch self {
        case .either: return nil
        case .likely(let m), .certain(let m): return m
        }
    }
}

/// The order of day and month in numeric dates such as 03/04/2026.
public enum DateOrder: String, CaseIterable, Sendable {
    case dayMonth = "dmy"
    case monthDay = "mdy"
}
