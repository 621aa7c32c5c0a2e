import Contract
import Synchronization
import Testing

/// A test clock whose time moves only when the test says: sleepers stay suspended until
/// `advance(to:)` passes their deadline, so a test can hold requests in flight.
final class ManualClock: HarnessClock {
    private struct Sleeper {
        var deadline: Moment
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var now = Moment.origin
        var sleepers: [Sleeper] = []
    }

    private let state = Mutex(State())

    func now() -> Moment { state.withLock { $0.now } }

    func sleep(until deadline: Moment) async throws {
        await withCheckedContinuation { continuation in
            let due = state.withLock { state in
                guard deadline > state.now else { return true }
                state.sleepers.append(Sleeper(deadline: deadline, continuation: continuation))
                return false
            }
            if due { continuation.resume() }
        }
    }

    func spendCPU(_ span: Span) async throws {
        try await sleep(until: now() + span)
    }

    /// Tasks suspended on this clock.
    var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Sets `now` to `moment` and resumes every sleeper whose deadline has come, earliest first.
    func advance(to moment: Moment) {
        let due = state.withLock { state in
            state.now = max(state.now, moment)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Waits until `count` tasks are suspended on this clock.
    func waitForSleepers(_ count: Int) async {
        var spins = 0
        while sleeperCount < count, spins < 100_000 {
            await Task.yield()
            spins += 1
        }
        #expect(sleeperCount == count, "expected \(count) sleepers")
    }
}
