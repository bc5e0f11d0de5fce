import Foundation

/// Work the interactive board does away from the event loop's thread, whose results come back to
/// that thread as values. Jobs run one after another, in the order they were started, on a
/// background queue of their own; the event loop takes their results without waiting
/// (`takeFinished`) or waits for the next one (`waitForNext`), and turns each into an `Event` for
/// the reducer. A job gets everything it needs as values when it starts and shares nothing with
/// the event loop but the mailbox its result is posted to.
///
/// The queue itself belongs to the event loop's thread (it is not `Sendable`): it counts the jobs
/// started whose results have not been taken yet.
final class JobQueue<Output: Sendable> {
    private let queue: DispatchQueue
    private let mailbox = Mailbox<Output>()
    /// Jobs started whose results have not been taken yet.
    private(set) var unfinished = 0

    init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    /// A job is running, queued, or its result has not been taken yet.
    var isBusy: Bool { unfinished > 0 }

    func start(_ job: @escaping @Sendable () -> Output) {
        unfinished += 1
        let mailbox = self.mailbox
        queue.async { mailbox.post(job()) }
    }

    /// The result of the oldest job that ended and was not taken yet, if any.
    func takeFinished() -> Output? {
        guard unfinished > 0, let output = mailbox.take() else { return nil }
        unfinished -= 1
        return output
    }

    /// Waits for the next result; nil at once when no job is unfinished.
    func waitForNext() -> Output? {
        guard unfinished > 0 else { return nil }
        let output = mailbox.wait()
        unfinished -= 1
        return output
    }
}

/// Where background jobs post their results for the event loop's thread: a list of values guarded
/// by a lock. The one type of the interactive board whose thread safety the compiler takes on
/// trust (`@unchecked Sendable`): its only mutable field, `values`, is read and written with
/// `condition` held, and nowhere else.
final class Mailbox<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var values: [Value] = []

    func post(_ value: Value) {
        condition.lock()
        values.append(value)
        condition.signal()
        condition.unlock()
    }

    /// The oldest value posted, if any, without waiting.
    func take() -> Value? {
        condition.lock()
        defer { condition.unlock() }
        return values.isEmpty ? nil : values.removeFirst()
    }

    /// The oldest value posted, waiting for one if there is none.
    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while values.isEmpty { condition.wait() }
        return values.removeFirst()
    }
}
