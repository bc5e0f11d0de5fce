import Foundation

/// Independent jobs run on as many threads as there are cores (the merge driver's three
/// decodes, the two sides of a comparison, a large board's columns and footer figures). Only for
/// work that keeps a core busy: a job that waits (a program run) holds one of the few threads.
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

    /// Runs `a` and `b` at the same time (one after the other on a single core); both results.
    public static func both<A: Sendable, B: Sendable>(
        _ a: @escaping @Sendable () -> A, _ b: @escaping @Sendable () -> B
    ) -> (A, B) {
        // Each job writes only its own result.
        nonisolated(unsafe) var first: A? = nil
        nonisolated(unsafe) var second: B? = nil
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { first = a() } else { second = b() }
        }
        return (first!, second!)
    }
}
