import Testing
@testable import Measurement

@Suite struct ProcessClockTests {
    @Test func monotonicClockNeverGoesBack() {
        var previous = ProcessClock.monotonicNanoseconds()
        for _ in 0..<1000 {
            let now = ProcessClock.monotonicNanoseconds()
            #expect(now >= previous)
            previous = now
        }
    }

    @Test func stopwatchChargesBusyWorkToCPUAndUserTime() {
        let stopwatch = Stopwatch()
        let start = ProcessClock.cpuNanoseconds()
        // Spin for 20 ms of CPU (reading the clock is user-mode work through the vDSO): long enough
        // for the kernel to sample a tick of user time.
        while ProcessClock.cpuNanoseconds() - start < 20_000_000 {}
        let elapsed = stopwatch.elapsed()
        #expect(elapsed.cpu.nanoseconds >= 20_000_000)
        #expect(elapsed.wall.nanoseconds > 0)
        #expect(elapsed.usage.user.nanoseconds > 0)
        #expect(elapsed.usage.system.nanoseconds >= 0)
    }

    @Test func childrenUsageNeverShrinks() throws {
        let before = CPUUsage.ofWaitedChildren()
        _ = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "exit 0"]).run()
        let after = CPUUsage.ofWaitedChildren()
        #expect(after.total >= before.total)
    }
}
