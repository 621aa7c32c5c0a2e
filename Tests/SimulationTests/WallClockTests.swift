import Contract
import Simulation
import Testing

/// What the wall clock promises whatever the machine's load: no sleep ends before its deadline,
/// and the busy-waiting that ends it on time is counted. How close to the deadline a sleep ends
/// is a timing, measured in the `latency-bound-wall` benchmark, not asserted here.
@Suite struct WallClockTests {
    @Test func sleepsNeverEndBeforeTheirDeadlinesAtAnyConcurrency() async throws {
        let clock = WallClock()
        let early = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var early = 0
                    for round in 0..<5 {
                        // 0.05 ms to 2.3 ms: shorter and longer than the timer's early-wake margin.
                        let deadline = clock.now() + .microseconds(Double(50 + 300 * task + 7 * round))
                        try await clock.sleep(until: deadline)
                        if clock.now() < deadline { early += 1 }
                    }
                    return early
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(early == 0)
        #expect(clock.spunCPU >= .zero)
    }

    /// Busy-waiting stays within its share of one core however many tasks sleep: each sleep checks
    /// the budget before it starts, so concurrent sleepers overshoot it by at most one margin
    /// each (at most 1 ms + 20 µs).
    @Test func busyWaitingStaysWithinItsBudgetOfOneCore() async throws {
        let clock = WallClock()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    for _ in 0..<20 { try await clock.sleep(for: .microseconds(300)) }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = clock.now() - .origin
        let allowed = elapsed.nanoseconds / 20 + 16 * 1_020_000
        #expect(clock.spunCPU.nanoseconds <= allowed)
    }

    @Test func aDeadlineInThePastReturnsAtOnceWithoutSpinning() async throws {
        let clock = WallClock()
        try await clock.sleep(until: .origin)
        #expect(clock.spunCPU == .zero)
    }

    @Test func aCancelledSleepThrows() async {
        let clock = WallClock()
        await #expect(throws: CancellationError.self) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await clock.sleep(until: clock.now() + .milliseconds(500)) }
                group.cancelAll()
                try await group.waitForAll()
            }
        }
    }
}
