@testable import Engines
import Testing

@Suite struct AsyncLimiterTests {
    /// Yields until `condition` holds (other tasks get to run meanwhile); false if it never does.
    static func eventually(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<100_000 {
            if condition() { return true }
            await Task.yield()
        }
        return condition()
    }

    @Test func anAcquireBeyondTheLimitWaitsForARelease() async throws {
        let limiter = AsyncLimiter(limit: 1)
        try await limiter.acquire()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await limiter.acquire() }
            #expect(await Self.eventually { limiter.waiterCount == 1 })
            #expect(limiter.inUse == 1)
            limiter.release()
            try await group.waitForAll()
        }
        #expect(limiter.inUse == 1)
        #expect(limiter.waiterCount == 0)
    }

    @Test func raisingTheLimitLetsAWaiterGo() async throws {
        let limiter = AsyncLimiter(limit: 1)
        try await limiter.acquire()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await limiter.acquire() }
            #expect(await Self.eventually { limiter.waiterCount == 1 })
            limiter.setLimit(2)
            try await group.waitForAll()
        }
        #expect(limiter.inUse == 2)
    }

    @Test func cancellationResumesAWaiterWithCancellationError() async throws {
        let limiter = AsyncLimiter(limit: 1)
        try await limiter.acquire()
        let outcome = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                do { try await limiter.acquire(); return false } catch { return error is CancellationError }
            }
            _ = await Self.eventually { limiter.waiterCount == 1 }
            group.cancelAll()
            return await group.next()!
        }
        #expect(outcome)
        #expect(limiter.waiterCount == 0)
        #expect(limiter.inUse == 1)
    }
}
