import Foundation

/// Independent jobs run on as many threads as there are cores (the merge driver's three
/// decodes, the two sides of a comparison).
public enum Concurrently {
    /// Runs the jobs; their results in order.
    public static func results<T: Sendable>(_ jobs: [@Sendable () throws -> T]) -> [Result<T, any Error>] {
        // Each job writes only its own slot.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Result<T, any Error>?>.allocate(
            capacity: jobs.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in results[i] = Result { try jobs[i]() } }
        return results.map { $0! }
    }
}
