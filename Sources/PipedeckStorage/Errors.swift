import Foundation
import PipedeckCore

/// Why a board file could not be loaded. `message` is the whole sentence shown to the user,
/// starting with the file's path; `line` and `column` (1-based) are set when the problem has a
/// place in the file's text.
public struct LoadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var description: String { message }

    public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path; self.line = line; self.column = column; self.message = message
    }
}

/// Why a board could not be saved. The file that was there before is left untouched.
public struct SaveError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    /// The system's error number, when the failure came from a system call.
    public var errno: Int32?
    public var description: String { message }

    public init(path: String, message: String, errno: Int32? = nil) {
        self.path = path; self.message = message; self.errno = errno
    }
}

/// A JSON text that does not follow RFC 8259. `reason` says what was expected at the place;
/// `description` is "line L, column C: reason".
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Byte offset of the problem in the data (the end of the data when it ended too early).
    public var offset: Int
    /// 1-based line; lines end with "\n".
    public var line: Int
    /// 1-based column counted in characters (Unicode scalars), not bytes.
    public var column: Int
    public var reason: String
    public var description: String {
        tr("line \(line), column \(column): \(reason)", "ligne \(line), colonne \(column) : \(reason)")
    }

    public init(offset: Int, line: Int, column: Int, reason: String) {
        self.offset = offset; self.line = line; self.column = column; self.reason = reason
    }
}
