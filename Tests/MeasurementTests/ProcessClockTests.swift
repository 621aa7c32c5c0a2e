#if canImport(Glibc)
import Glibc
#endif
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
        // Work for 20 ms of this thread's own CPU, in user mode: arithmetic, with the clock read
        // between rounds (reading a CPU clock is a system call, not vDSO work, so a loop of reads
        // alone is system time). The thread's clock, not the process's: tests run in parallel.
        let start = Self.threadCPUNanoseconds()
        var state: UInt64 = 1
        while Self.threadCPUNanoseconds() - start < 20_000_000 {
            for _ in 0..<100_000 { state = state &* 6_364_136_223_846_793_005 &+ 1 }
        }
        #expect(state != 0)  // keeps the work
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

    private static func threadCPUNanoseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }
}
