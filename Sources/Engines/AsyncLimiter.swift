/// A counting semaphore for tasks whose limit can change while they wait: phase2's adaptive
/// concurrency. Waiting suspends the task (see `AsyncMonitor`), it never blocks a thread.
final class AsyncLimiter: Sendable {
    private struct State: Sendable {
        var limit: Int
        var inUse = 0
    }

    private let monitor: AsyncMonitor<State>

    init(limit: Int) {
        monitor = AsyncMonitor(State(limit: max(1, limit)))
    }

    /// Waits for a permit.
    func acquire() async throws {
        _ = try await monitor.wait { state -> Bool? in
            guard state.inUse < state.limit else { return nil }
            state.inUse += 1
            return true
        }
    }

    func release() {
        monitor.update { $0.inUse -= 1 }
    }

    /// Changes how many permits may be out at once; permits already out above a lower limit are
    /// kept until released.
    func setLimit(_ limit: Int) {
        monitor.update { $0.limit = max(1, limit) }
    }

    var inUse: Int { monitor.withLock { $0.inUse } }
    var waiterCount: Int { monitor.waiterCount }
}
