#if canImport(Glibc)
import Glibc
#endif
import Contract
import Simulation
import Testing

@Suite struct VirtualClockTests {
    struct Stamp: Equatable, Sendable {
        var name: String
        var at: Moment
    }

    struct Failure: Error, Equatable {
        var code: Int
    }

    /// Serialises a counter on a default actor, which SE-0417 runs on the trial's executor.
    actor Tally {
        private var count = 0

        func bump() -> Int {
            count += 1
            return count
        }

        func thread() -> pthread_t { pthread_self() }
    }

    private static func ms(_ value: Double) -> Moment { .origin + .milliseconds(value) }

    // MARK: - Time

    /// Also the micro-benchmark: 20,000 sleeps at 100-way concurrency (timed by hand in release).
    @Test func hundredWorkersSleepingTwoHundredTimesEachEndAtExactlyTenSeconds() throws {
        let clock = VirtualClock()
        let sleeps = try clock.run {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<100 {
                    group.addTask {
                        for _ in 0..<200 { try await clock.sleep(for: .milliseconds(50)) }
                        return 200
                    }
                }
                return try await group.reduce(0, +)
            }
        }.get()
        #expect(sleeps == 20_000)
        #expect(clock.now() == .origin + .seconds(10))
        #expect(clock.sleeperCount == 0)
    }

    @Test func sleepersResumeInDeadlineOrderWithNowAtTheirDeadline() throws {
        let clock = VirtualClock()
        let log = VirtualClockTestLog<Stamp>()
        try clock.run {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (name, ms) in [("a", 30.0), ("b", 10), ("c", 20)] {
                    group.addTask {
                        try await clock.sleep(until: Self.ms(ms))
                        log.append(Stamp(name: name, at: clock.now()))
                    }
                }
                try await group.waitForAll()
            }
        }.get()
        #expect(log.all == [Stamp(name: "b", at: Self.ms(10)), Stamp(name: "c", at: Self.ms(20)),
                            Stamp(name: "a", at: Self.ms(30))])
        #expect(clock.sleeperCount == 0)
    }

    /// Task i goes to sleep at (9 - i) µs, so the tasks arrive in the reverse of their creation
    /// order; all wake at 1 ms, in the order they arrived.
    @Test func sleepersWithEqualDeadlinesResumeInTheOrderTheyWentToSleep() throws {
        let clock = VirtualClock()
        let log = VirtualClockTestLog<Int>()
        try clock.run {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<10 {
                    group.addTask {
                        try await clock.sleep(until: .origin + .microseconds(Double(9 - i)))
                        try await clock.sleep(until: Self.ms(1))
                        log.append(i)
                    }
                }
                try await group.waitForAll()
            }
        }.get()
        #expect(log.all == Array((0..<10).reversed()))
        #expect(clock.now() == Self.ms(1))
        #expect(clock.sleeperCount == 0)
    }

    @Test func sleepingUntilAPassedMomentReturnsWithoutTimePassing() throws {
        let clock = VirtualClock()
        let moments = try clock.run {
            try await clock.sleep(until: Self.ms(5))
            let afterFirst = clock.now()
            try await clock.sleep(until: Self.ms(1))
            try await clock.sleep(until: Self.ms(5))
            return [afterFirst, clock.now()]
        }.get()
        #expect(moments == [Self.ms(5), Self.ms(5)])
        #expect(clock.sleeperCount == 0)
    }

    @Test func sleepingInACancelledTaskThrowsWhetherOrNotTheDeadlineHasPassed() throws {
        let clock = VirtualClock()
        let log = VirtualClockTestLog<String>()
        try clock.run {
            withUnsafeCurrentTask { $0?.cancel() }
            for (name, deadline) in [("passed", Moment.origin), ("future", Self.ms(1))] {
                do {
                    try await clock.sleep(until: deadline)
                } catch {
                    log.append("\(name): \(type(of: error))")
                }
            }
        }.get()
        #expect(log.all == ["passed: CancellationError", "future: CancellationError"])
        #expect(clock.now() == .origin)
        #expect(clock.sleeperCount == 0)
    }

    @Test func thousandChildrenSleepingDifferentAmountsFinishAtTheLongest() throws {
        let clock = VirtualClock()
        let late = try clock.run {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<1000 {
                    group.addTask {
                        let deadline = Self.ms(Double((i * 7919) % 1000 + 1))
                        try await clock.sleep(until: deadline)
                        return clock.now() != deadline
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
        }.get()
        #expect(late == 0)
        #expect(clock.now() == Self.ms(1000))
        #expect(clock.sleeperCount == 0)
    }

    // MARK: - CPU

    @Test(arguments: [(1, [5.0, 10, 15]), (2, [5, 5, 10]), (3, [5, 5, 5])])
    func threeTasksSpendingFiveMillisecondsShareTheCores(cores: Int, ends: [Double]) throws {
        let clock = VirtualClock(cores: cores)
        let log = VirtualClockTestLog<Moment>()
        try clock.run {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        try await clock.spendCPU(.milliseconds(5))
                        log.append(clock.now())
                    }
                }
                try await group.waitForAll()
            }
        }.get()
        #expect(log.all == ends.map(Self.ms))
        #expect(clock.sleeperCount == 0)
    }

    @Test func cpuTimeWaitsForABusyCore() throws {
        let clock = VirtualClock(cores: 1)
        let log = VirtualClockTestLog<Stamp>()
        try clock.run {
            async let busy: Void = clock.spendCPU(.milliseconds(5))
            try await clock.sleep(until: Self.ms(2))
            try await clock.spendCPU(.milliseconds(1))
            log.append(Stamp(name: "waiting", at: clock.now()))
            try await busy
        }.get()
        #expect(log.all == [Stamp(name: "waiting", at: Self.ms(6))])
        #expect(clock.sleeperCount == 0)
    }

    // MARK: - Cancellation, errors

    @Test func aThrowingChildCancelsItsSleepingSiblingAtOnce() throws {
        let clock = VirtualClock()
        let log = VirtualClockTestLog<String>()
        let result = try clock.run {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await clock.sleep(until: .origin + .seconds(100))
                    } catch {
                        log.append("sleeper woke at \(clock.now()) with \(type(of: error))")
                        throw error
                    }
                }
                group.addTask {
                    try await clock.sleep(until: Self.ms(10))
                    throw Failure(code: 1)
                }
                // Unlike `waitForAll`, which waits for every child, this rethrows the first error,
                // and the group cancels the children still running.
                for try await _ in group {}
            }
        }
        #expect(throws: Failure(code: 1)) { try result.get() }
        #expect(log.all == ["sleeper woke at t=0.01s with CancellationError"])
        #expect(clock.now() == Self.ms(10))
        #expect(clock.sleeperCount == 0)
    }

    @Test func anErrorThrownByTheBodyComesBack() throws {
        let clock = VirtualClock()
        let result = try clock.run {
            try await clock.sleep(for: .milliseconds(3))
            throw Failure(code: 7)
        }
        #expect(throws: Failure(code: 7)) { try result.get() }
        #expect(clock.now() == Self.ms(3))
        #expect(clock.sleeperCount == 0)
    }

    // MARK: - Determinism

    @Test func childTasksAsyncLetAndActorsAllRunOnTheCallingThread() throws {
        let caller = pthread_self()
        let clock = VirtualClock()
        let threads = VirtualClockTestLog<pthread_t>()
        let tally = Tally()
        try clock.run {
            threads.append(pthread_self())
            async let inner: pthread_t = { pthread_self() }()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        threads.append(pthread_self())
                        try await clock.sleep(for: .milliseconds(1))
                        threads.append(await tally.thread())
                    }
                }
                try await group.waitForAll()
            }
            threads.append(await inner)
        }.get()
        #expect(threads.all.count == 10)
        #expect(threads.all.allSatisfy { pthread_equal($0, caller) != 0 })
        #expect(clock.sleeperCount == 0)
    }

    /// Twenty workers interleave sleeps, CPU on two cores, actor calls and `async let`; the
    /// timeline they record is the same, entry for entry, on every run.
    @Test func theSameWorkloadRecordsTheSameTimelineOnEveryRun() throws {
        struct Step: Equatable, Sendable {
            var worker: Int
            var tally: Int
            var at: Moment
        }
        func timeline() throws -> [Step] {
            let clock = VirtualClock(cores: 2)
            let log = VirtualClockTestLog<Step>()
            let tally = Tally()
            try clock.run {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for worker in 0..<20 {
                        group.addTask {
                            for step in 0..<10 {
                                try await clock.sleep(for: .microseconds(Double((worker * 37 + step * 11) % 50)))
                                async let count = tally.bump()
                                try await clock.spendCPU(.microseconds(Double(5 + worker % 3)))
                                log.append(Step(worker: worker, tally: await count, at: clock.now()))
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }.get()
            #expect(clock.sleeperCount == 0)
            return log.all
        }
        let first = try timeline()
        #expect(first.count == 200)
        #expect(first.map(\.worker) != first.map(\.worker).sorted())
        for _ in 0..<3 { #expect(try timeline() == first) }
    }
}
