import Synchronization

/// State behind a `Mutex` that tasks can wait on without blocking a thread: the one way engine
/// tasks wait for each other.
///
/// A waiter suspends on a continuation, so on the virtual clock's single thread it simply stops
/// being runnable, and time can advance; a blocked thread (a semaphore, a condition variable)
/// would stall the trial. `update` wakes every waiter to re-check its condition: the conditions
/// differ (room in a buffer, a free permit, work for worker 7), waiters are few, and waking all
/// can never lose a wake-up. Cancellation resumes a waiter with `CancellationError`, so a failing
/// task group never hangs on a waiter nobody will wake.
final class AsyncMonitor<State: Sendable>: Sendable {
    private struct Waiter: Sendable {
        var id: Int
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct Guarded: Sendable {
        var state: State
        var waiters: [Waiter] = []
        var nextWaiterID = 0
        /// Bumped by every `update`: a waiter that checked before a change must not sleep through it.
        var version: UInt64 = 0
    }

    private let guarded: Mutex<Guarded>

    init(_ state: State) {
        guarded = Mutex(Guarded(state: state))
    }

    /// Reads or changes the state without waking anyone: only for changes that cannot satisfy a
    /// waiter (a shrinking limit, a read).
    func withLock<R: Sendable>(_ body: (inout State) -> R) -> R {
        guarded.withLock { body(&$0.state) }
    }

    /// Changes the state and wakes every waiter to re-check its condition.
    @discardableResult
    func update<R: Sendable>(_ body: (inout State) -> R) -> R {
        let (result, woken) = guarded.withLock { guarded -> (R, [Waiter]) in
            let result = body(&guarded.state)
            guarded.version &+= 1
            let woken = guarded.waiters
            if !woken.isEmpty { guarded.waiters = [] }
            return (result, woken)
        }
        for waiter in woken { waiter.continuation.resume() }
        return result
    }

    /// Wakes every waiter, for a change made inside a `wait` condition that others may be waiting for.
    func wakeAll() {
        update { _ in () }
    }

    /// Waits until `take` returns a value. `take` runs under the lock, at once and again after
    /// every `update`, and may change the state when it succeeds (take a permit, a page).
    func wait<V: Sendable>(until take: (inout State) -> V?) async throws -> V {
        while true {
            let (value, id, version) = guarded.withLock { guarded -> (V?, Int, UInt64) in
                if let value = take(&guarded.state) { return (value, 0, 0) }
                guarded.nextWaiterID &+= 1
                return (nil, guarded.nextWaiterID, guarded.version)
            }
            if let value { return value }
            try await suspend(id: id, unlessChangedSince: version)
        }
    }

    /// Number of tasks waiting, for tests.
    var waiterCount: Int { guarded.withLock { $0.waiters.count } }

    private enum Registration { case waiting, changed, cancelled }

    private func suspend(id: Int, unlessChangedSince version: UInt64) async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // Under the lock `onCancel` takes: a cancellation either finds the waiter here or
                // is seen by `Task.isCancelled`, so the continuation is resumed exactly once.
                let registration = guarded.withLock { guarded -> Registration in
                    if Task.isCancelled { return .cancelled }
                    if guarded.version != version { return .changed }
                    guarded.waiters.append(Waiter(id: id, continuation: continuation))
                    return .waiting
                }
                switch registration {
                case .waiting: break
                case .changed: continuation.resume()
                case .cancelled: continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            let waiter = guarded.withLock { guarded -> Waiter? in
                guard let index = guarded.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return guarded.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }
}
