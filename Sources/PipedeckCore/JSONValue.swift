/// A JSON value as read from a file. Numbers keep their exact source text so that nothing is
/// rounded on the way through. The model keeps the fields it does not know as `JSONValue`s
/// and writes them back unchanged.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// Fields present in a file but unknown to this version of Pipedeck.
public typealias UnknownFields = [String: JSONValue]
