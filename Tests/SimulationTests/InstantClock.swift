import Contract
import Synchronization

/// A test clock on which every sleep returns at once, moving `now` to its deadline: sequential
/// code sees exact simulated durations (a request's latency is the difference in `now`).
final class InstantClock: HarnessClock {
    private let current = Mutex(Moment.origin)

    func now() -> Moment { current.withLock { $0 } }

    func sleep(until deadline: Moment) async throws {
        current.withLock { $0 = max($0, deadline) }
    }

    func spendCPU(_ span: Span) async throws {
        advance(by: span)
    }

    /// Moves `now` forward by `span`.
    func advance(by span: Span) {
        current.withLock { $0 = $0 + span }
    }
}
