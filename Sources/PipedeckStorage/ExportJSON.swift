import Foundation
import PipedeckCore

/// Deals as the board file writes them, for `pipedeck export --format json`.
public enum DealsJSON {
    /// A JSON array of deal objects in the board file's layout (keys sorted, unknown fields kept),
    /// with a final newline.
    public static func encode(_ deals: [Deal]) -> [UInt8] {
        let w = ByteWriter(capacity: 256 + deals.count * 900)
        w.array { for d in deals { w.element(); w.object(d, DealSchema.deal) } }
        w.bytes.append(0x0A)
        return w.bytes
    }
}
