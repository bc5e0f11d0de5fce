import Foundation

/// One record of a CSV file: its fields and the physical line (1-based) where it starts.
/// A quoted field may hold line breaks, so the next record can start several lines further.
public struct CSVRecord: Hashable, Sendable {
    public var fields: [String]
    public var line: Int
    /// Something wrong with how the record is written; its fields are still the best reading.
    public var problem: CSVRecordProblem?

    public init(fields: [String], line: Int, problem: CSVRecordProblem? = nil) {
        self.fields = fields; self.line = line; self.problem = problem
    }

    /// True when every field is empty (a blank row of a spreadsheet export).
    public var isBlank: Bool { fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}

public enum CSVRecordProblem: Hashable, Sendable {
    /// Characters between a closing quote and the next separator, e.g. `"abc"def,`. `field` is 0-based.
    case textAfterClosingQuote(field: Int)
    /// Bytes that are not UTF-8 (the file is probably in another encoding).
    case invalidUTF8
}

/// Problems that make the whole file unreadable.
public enum CSVError: Error, Hashable, Sendable {
    /// A quoted field opened on `line` is never closed.
    case unterminatedQuote(line: Int)
    /// Nothing but blanks (or a byte order mark).
    case empty
}

/// How the file's bytes are turned into text.
public enum CSVEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    /// Windows code page 1252 (a superset of Latin-1), what older Excel versions write.
    case windows1252 = "windows-1252"
}

/// The records of a CSV file and how it was read.
public struct CSVTable: Sendable {
    public var separator: UInt8
    public var records: [CSVRecord]
    public var hadByteOrderMark: Bool
    /// "utf-8", "utf-16", "windows-1252".
    public var encoding: String

    public var header: CSVRecord? { records.first }
    public var dataRecords: ArraySlice<CSVRecord> { records.dropFirst() }
}

/// An RFC 4180 reader: fields separated by `,` (or `;`, or a tab), optionally in double quotes;
/// inside quotes, `""` is a quote and separators and line breaks are kept. Lines end with CRLF,
/// LF or a lone CR. UTF-8 with or without a byte order mark; UTF-16 with a byte order mark is
/// converted. Lenient where it does not lose data: a quote inside an unquoted field is kept as
/// it is, and text after a closing quote is kept but flagged on the record.
public enum CSVReader {
    public static let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")
    static let quote = UInt8(ascii: "\""), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    public static func read(_ data: [UInt8], separator: UInt8? = nil, encoding: CSVEncoding? = nil) throws(CSVError)
        -> CSVTable
    {
        var (bytes, bom, name) = text(data, encoding: encoding)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == cr || $0 == lf }) { throw .empty }
        let sep = separator ?? detectSeparator(bytes)
        let records = try bytes.withUnsafeMutableBufferPointer { (b) throws(CSVError) -> [CSVRecord] in
            try parse(UnsafeBufferPointer(b), separator: sep)
        }
        bytes = []
        return CSVTable(separator: sep, records: records, hadByteOrderMark: bom, encoding: name)
    }

    /// The bytes as UTF-8 without a byte order mark.
    static func text(_ data: [UInt8], encoding: CSVEncoding?) -> (bytes: [UInt8], bom: Bool, name: String) {
        if data.count >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
            let little = data[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(data.count / 2)
            var i = 2
            while i + 1 < data.count {
                units.append(
                    little ? UInt16(data[i]) | UInt16(data[i + 1]) << 8 : UInt16(data[i]) << 8 | UInt16(data[i + 1]))
                i += 2
            }
            return (Array(String(decoding: units, as: UTF16.self).utf8), true, "utf-16")
        }
        let hasBOM = data.count >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF
        if encoding == .windows1252 {
            return (
                windows1252ToUTF8(hasBOM ? Array(data.dropFirst(3)) : data), hasBOM, CSVEncoding.windows1252.rawValue
            )
        }
        return (hasBOM ? Array(data.dropFirst(3)) : data, hasBOM, CSVEncoding.utf8.rawValue)
    }

    /// The separator of the first record: whichever of `,` `;` and tab appears most outside quotes
    /// (`,` when none does or on a tie).
    public static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [comma: 0, semicolon: 0, tab: 0]
        var inQuotes = false
        for c in bytes {
            if c == quote { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if c == lf || c == cr { break }
            if counts[c] != nil { counts[c]! += 1 }
        }
        var best = comma
        for candidate in [semicolon, tab] where counts[candidate]! > counts[best]! { best = candidate }
        return best
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>, separator sep: UInt8) throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        records.reserveCapacity(b.count / 64)
        var fields: [String] = []
        var scratch: [UInt8] = []
        var problem: CSVRecordProblem? = nil
        let n = b.count
        var i = 0
        var line = 1
        var recordLine = 1
        var recordStart = 0

        @inline(__always) func makeString(_ start: Int, _ end: Int) -> String {
            let slice = UnsafeBufferPointer(rebasing: b[start..<end])
            if let s = String(validating: slice, as: UTF8.self) { return s }
            problem = problem ?? .invalidUTF8
            return String(decoding: slice, as: UTF8.self)
        }
        @inline(__always) func makeString(_ bytes: [UInt8]) -> String {
            if let s = String(validating: bytes, as: UTF8.self) { return s }
            problem = problem ?? .invalidUTF8
            return String(decoding: bytes, as: UTF8.self)
        }

        while i < n {
            // One field starts at i.
            if b[i] == quote {
                let openedOn = line
                scratch.removeAll(keepingCapacity: true)
                i += 1
                var closed = false
                while i < n {
                    let c = b[i]
                    if c == quote {
                        if i + 1 < n && b[i + 1] == quote { scratch.append(quote); i += 2; continue }
                        i += 1
                        closed = true
                        break
                    }
                    if c == lf { line += 1 } else if c == cr && !(i + 1 < n && b[i + 1] == lf) { line += 1 }
                    scratch.append(c)
                    i += 1
                }
                if !closed { throw .unterminatedQuote(line: openedOn) }
                // Anything up to the next separator or line end is kept, and the record flagged.
                if i < n && b[i] != sep && b[i] != cr && b[i] != lf {
                    if problem == nil { problem = .textAfterClosingQuote(field: fields.count) }
                    while i < n && b[i] != sep && b[i] != cr && b[i] != lf { scratch.append(b[i]); i += 1 }
                }
                fields.append(makeString(scratch))
            } else {
                let start = i
                while i < n {
                    let c = b[i]
                    if c == sep || c == lf || c == cr { break }
                    i += 1
                }
                fields.append(makeString(start, i))
            }
            // After a field: a separator, a line end, or the end of the data.
            if i < n && b[i] == sep {
                i += 1
                if i == n { fields.append("") } // "a,b," ends with an empty field
                continue
            }
            // End of the record. An empty line is no record at all.
            if i > recordStart || fields.count > 1 {
                records.append(CSVRecord(fields: fields, line: recordLine, problem: problem))
            }
            fields.removeAll(keepingCapacity: true)
            problem = nil
            if i < n {
                if b[i] == cr && i + 1 < n && b[i + 1] == lf { i += 2 } else { i += 1 }
                line += 1
            }
            recordLine = line
            recordStart = i
        }
        if !fields.isEmpty { records.append(CSVRecord(fields: fields, line: recordLine, problem: problem)) }
        return records
    }

    /// Code page 1252: Latin-1 plus typographic characters in 0x80–0x9F.
    static func windows1252ToUTF8(_ data: [UInt8]) -> [UInt8] {
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
            0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
            0x017E, 0x0178,
        ]
        var out: [UInt8] = []
        out.reserveCapacity(data.count + data.count / 8)
        for c in data {
            if c < 0x80 { out.append(c); continue }
            let scalar = c < 0xA0 ? high[Int(c) - 0x80] : UInt32(c)
            out.append(contentsOf: String(Unicode.Scalar(scalar)!).utf8)
        }
        return out
    }
}
