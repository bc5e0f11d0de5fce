/// One board of the data folder or opened before, as `pipedeck boards` and the board switcher
/// show it (read by `BoardShelf` in the storage layer).
public struct ShelfEntry: Hashable, Sendable {
    public var path: String
    /// The board's name; nil when the file cannot be read (`problem` says why).
    public var name: String?
    public var problem: String?
    public var openCount = 0
    /// The open deals' value and weighted value, converted at the board's rates.
    public var value = Converted()
    public var weighted = Converted()
    public var currency = ""
    public var lastOpened: Timestamp?
    public var dealCount = 0
    public init(path: String) { self.path = path }
}
