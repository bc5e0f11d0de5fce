import Foundation

extension Board {
    /// This board with `updatedBy = me` on each deal that differs from the deal of the same id
    /// in `previous`, or is not there (a sync signs the changes made on this machine); the board
    /// itself when `me` is nil or empty.
    public func stamped(since previous: Board?, by me: String?) -> Board {
        guard let me, !me.isEmpty else { return self }
        var before: [String: Int] = [:]
        for (i, d) in (previous?.deals ?? []).enumerated() { before[d.id] = i }
        var out = self
        for (i, d) in deals.enumerated() where d.updatedBy != me {
            if let p = before[d.id], previous!.deals[p] == d { continue }
            out.deals[i].updatedBy = me
        }
        return out
    }
}
