import Foundation
import PipedeckCore

/// The board file format (see docs/file-format.md): bytes to `Board` and back.
public enum BoardDocument {
    /// Reads a board. `path` is only used in error messages. Deals without timestamps get the
    /// current time.
    public static func decode(_ data: Data, path: String) throws(LoadError) -> Board {
        try decode(data, path: path, now: .now())
    }

    /// Reads a board; `now` stands in for timestamps a deal does not have at all.
    public static func decode(_ data: Data, path: String, now: Timestamp) throws(LoadError) -> Board {
        let result: Result<Board, LoadError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return Result { () throws(LoadError) -> Board in try decode(bytes: bytes, path: path, now: now) }
        }
        return try result.get()
    }

    public static func decode(bytes: UnsafeBufferPointer<UInt8>, path: String, now: Timestamp) throws(LoadError)
        -> Board
    {
        try decode(bytes: bytes, path: path, now: now, streaming: true)
    }

    /// Reads a board from bytes in memory (a file read whole, a version out of git).
    public static func decode(bytes: [UInt8], path: String, now: Timestamp = .now()) throws(LoadError) -> Board {
        try bytes.withUnsafeBufferPointer { (b) throws(LoadError) -> Board in
            try decode(bytes: b, path: path, now: now, streaming: true)
        }
    }

    /// `streaming: false` reads the whole file into one tape first (the tests compare the two).
    /// Given `buffer` (the memory `bytes` is in), the pages of the deals decoded are released as
    /// the parse goes; a decode that then fails must be done again from the file (`BoardFile`).
    /// `fast: false` reads every streamed deal with the schema's reader (the tests compare).
    static func decode(
        bytes: UnsafeBufferPointer<UInt8>, path: String, now: Timestamp, streaming: Bool, buffer: ReadBuffer? = nil,
        fast: Bool = true, sharing: DealShare.Sizes = .standard
    ) throws(LoadError) -> Board {
        try decodeCounting(
            bytes: bytes, path: path, now: now, streaming: streaming, buffer: buffer, fast: fast, sharing: sharing
        ).board
    }

    /// `decode`, and how many deals the fast path read (all of them on a board Pipedeck wrote).
    static func decodeCounting(
        bytes: UnsafeBufferPointer<UInt8>, path: String, now: Timestamp, streaming: Bool, buffer: ReadBuffer? = nil,
        fast: Bool = true, sharing: DealShare.Sizes = .standard
    ) throws(LoadError) -> (board: Board, counts: DealCounts) {
        if isBlank(bytes) { throw LoadError(path: path, line: 1, column: 1, message: StorageStrings.empty(path)) }
        let tape: JSONTape
        // The deals are decoded as the parser reaches them (the tape never holds them all).
        let deals =
            streaming ? DealStream(bytes: bytes, path: path, now: now, buffer: buffer, fast: fast, sizes: sharing) : nil
        do {
            tape = try JSONTapeParser.parse(bytes, sink: deals)
        } catch {
            throw LoadError(
                path: path, line: error.line, column: error.column, message: StorageStrings.syntax(path, error))
        }
        return try tape.nodes.withUnsafeBufferPointer {
            (nodes) throws(LoadError) -> (board: Board, counts: DealCounts) in
            let reader = TapeReader(bytes: bytes, nodes: nodes, bomLength: tape.bomLength)
            let decoder = BoardDecoder(reader: reader, path: path, now: now)
            decoder.streamed = deals
            let board = Result { () throws(LoadError) -> Board in try decoder.board() }
            // The deals were read before the file's version was known, by another version's rules,
            // and one of them has a field that version reads differently (a version 1 file's
            // next action): read again, the deals after the version (once: it is saved as this
            // version). So too when a deal could not be read: by its version's rules the first
            // problem may be another one (a next action that does not read, before a duplicate id).
            if let deals, deals.assumedVersion != decoder.fileVersion,
                deals.failure != nil || deals.deals.contains(where: DealSchema.readsByVersion)
            {
                // Released pages cannot be read again: the caller reads the file again (this
                // message is never shown).
                if let buffer, buffer.released > 0 { throw LoadError(path: path, message: "read again") }
                let whole = try decode(bytes: bytes, path: path, now: now, streaming: false)
                return (whole, DealCounts(fellBack: whole.deals.count))
            }
            let b = try board.get()
            return (b, deals?.counts ?? DealCounts(fellBack: b.deals.count))
        }
    }

    /// The file's bytes: JSON in the board file's layout (`BoardEncoder`: one line per member down
    /// to a deal's members, what is inside them on one line, a line per record of a list), keys
    /// sorted, final newline. Encoding the board read from such bytes gives the same bytes.
    public static func encode(_ board: Board) -> Data {
        Data(BoardEncoder.encode(board))
    }

    /// `encode` as a byte array.
    public static func encodeBytes(_ board: Board) -> [UInt8] {
        BoardEncoder.encode(board)
    }

    /// Whether a file's lines may be laid out as `encode` writes them: false when a line is
    /// indented by more than 2 × `BoardEncoder.oneLineFrom` spaces, or by that many without being
    /// a one-line object, as in every file written before that layout whose deals have a history,
    /// an activity, tags or a qualification (their fields one per line, deeper). A splice of a few
    /// deals into such a file (`BoardDelta.splice`) would leave it half in each layout.
    public static func mayBeInCurrentLayout(_ bytes: [UInt8]) -> Bool {
        let deepest = 2 * BoardEncoder.oneLineFrom
        return bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return true }
            let n = b.count
            var i = 0
            while i < n, let p = memchr(base + i, 0x0A, n - i) {
                let line = UnsafeRawPointer(p) - UnsafeRawPointer(base) + 1
                var k = line
                while k < n && b[k] == 0x20 && k - line <= deepest { k += 1 }
                let indent = k - line
                if indent > deepest { return false }
                // At the deepest indent: only the objects of a list of records, each on one line.
                if indent == deepest && (k + 1 >= n || b[k] != UInt8(ascii: "{") || b[k + 1] == 0x0A) { return false }
                i = k
            }
            return true
        }
    }

    /// Empty, or only a byte order mark and whitespace.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return false
            }
        }
        return true
    }
}
