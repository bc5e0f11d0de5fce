import Foundation

/// Waiting in tests for something another process or thread does: ask again and again until it
/// holds or a deadline passes. Every end-to-end wait goes through here; no test sleeps for a
/// fixed time and hopes the other side was quick enough.
public enum Poll {
    /// Deadlines are generous: they cost time only when a test fails anyway, and a loaded CI
    /// machine must not turn a slow answer into a failure.
    public static let defaultTimeout: TimeInterval = 20
    public static let interval: TimeInterval = 0.05

    /// Asks `condition` until it is true (returns true) or `timeout` seconds have passed
    /// (returns false). It is always asked at least once, and once more at the deadline.
    @discardableResult
    public static func until(
        timeout: TimeInterval = defaultTimeout, every step: TimeInterval = interval, _ condition: () throws -> Bool
    ) rethrows -> Bool {
        try value(timeout: timeout, every: step) { try condition() ? true : nil } ?? false
    }

    /// The first non-nil answer of `produce`, or nil when the deadline passes without one.
    public static func value<T>(
        timeout: TimeInterval = defaultTimeout, every step: TimeInterval = interval, _ produce: () throws -> T?
    ) rethrows -> T? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let v = try produce() { return v }
            if Date() >= deadline { return nil }
            Thread.sleep(forTimeInterval: min(step, max(0, deadline.timeIntervalSinceNow)))
        }
    }
}
