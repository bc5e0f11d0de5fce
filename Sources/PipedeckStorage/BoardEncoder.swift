import Foundation
import PipedeckCore

/// Writes a board straight from the model to bytes: keys in byte order (known fields and kept
/// unknown fields merged), nil optionals left out. What each object holds comes from its schema
/// (BoardSchema.swift, DealSchema.swift).
///
/// The layout (docs/file-format.md) is `JSONWriter`'s down to the members of a deal, each on its own
/// line; what is inside them is written on one line (`"tags": ["smb", "vip"]`), but for lists of
/// records (activities, history), which get one line per record. One change to a deal is then a
/// few lines in `git diff`, and git's deltas between two versions of a large board stay small.
enum BoardEncoder {
    /// The nesting level from which containers are written on one line: 4, below the members of
    /// a deal (the board's members are at level 1, its deals at 2, their members at 3).
    static let oneLineFrom = 4

    static func encode(_ board: Board) -> [UInt8] {
        // About what a deal and an activity take, so that the buffer seldom has to grow (growing
        // copies it while the old one is still held: the peak memory of a save).
        var activities = 0
        for d in board.deals { activities += d.activities.count }
        let w = ByteWriter(
            capacity: 2048 + board.deals.count * 1_050 + activities * 240, oneLineFrom: BoardEncoder.oneLineFrom)
        w.object(board, BoardSchema.board)
        w.bytes.append(0x0A)
        return w.bytes
    }
}

extension ByteWriter {
    /// Writes an object as `schema` describes it: its fields and its unknown fields in the byte
    /// order of their keys. A kept value that could not be read (see `Field.keepsUnreadable`) is
    /// written back where the model has none.
    func object<Root>(_ root: Root, _ schema: Schema<Root>) {
        withUnsafePointer(to: root) { p in
            let at = UnsafeRawPointer(p)
            let unknown = schema.unknown.get(at)
            object {
                if unknown.isEmpty {
                    schema.sorted.withUnsafeBufferPointer { fields in
                        for f in fields { f.write(at, self, f.keyBytes) }
                    }
                    return
                }
                let kept = ByteWriter.sorted(unknown)
                var k = 0
                for f in schema.sorted {
                    while k < kept.count && kept[k].key.utf8.lexicographicallyPrecedes(f.keyBytes) {
                        member(kept[k].key); value(kept[k].value); k += 1
                    }
                    let before = bytes.count
                    f.write(at, self, f.keyBytes)
                    if k < kept.count && kept[k].key == f.key {
                        if bytes.count == before { member(escapedKey: f.keyBytes); value(kept[k].value) }
                        k += 1
                    }
                }
                while k < kept.count { member(kept[k].key); value(kept[k].value); k += 1 }
            }
        }
    }

    func strings(_ a: [String]) {
        array { for s in a { element(); string(s) } }
    }
}
