import Contract
import Synchronization

/// A clock that moves only when told to, or when a task sleeps on it (the sleep jumps to the
/// deadline at once): for building blocks that read the time but must not wait in a test.
final class StubClock: HarnessClock {
    private let current = Mutex(Moment.origin)

    func now() -> Moment { current.withLock { $0 } }

    func set(_ moment: Moment) { current.withLock { $0 = moment } }

    func advance(_ span: Span) { current.withLock { $0 = $0 + span } }

    func sleep(until deadline: Moment) async throws {
        current.withLock { $0 = max($0, deadline) }
    }

    func spendCPU(_ span: Span) async throws { advance(span) }
}
