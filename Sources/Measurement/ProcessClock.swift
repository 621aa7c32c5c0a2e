#if canImport(Glibc)
import Glibc
#endif

/// The process's two clocks, in nanoseconds: real elapsed time and CPU time spent.
///
/// `CLOCK_MONOTONIC` for elapsed time because it never jumps (NTP slews it, never steps it), unlike
/// `CLOCK_REALTIME`, and unlike `CLOCK_MONOTONIC_RAW` it is what the kernel's timers and
/// `Task.sleep` wait on, so measured and slept durations agree. `CLOCK_PROCESS_CPUTIME_ID` for CPU
/// time because it sums every thread of the process at the scheduler's nanosecond resolution,
/// where `getrusage` is sampled per tick and only scaled to that total (see `CPUUsage`).
/// Both are read through the vDSO or one syscall: cheap enough to bracket a single request.
public enum ProcessClock {
    /// Nanoseconds on `CLOCK_MONOTONIC`; only differences between two readings mean anything.
    public static func monotonicNanoseconds() -> Int64 { read(CLOCK_MONOTONIC) }

    /// CPU nanoseconds consumed so far by all threads of this process, user and system together.
    public static func cpuNanoseconds() -> Int64 { read(CLOCK_PROCESS_CPUTIME_ID) }

    private static func read(_ id: clockid_t) -> Int64 {
        var ts = timespec()
        // Fails only with EINVAL for a clock the kernel lacks, and both exist on every Linux since
        // 2.6.12: a failure is a broken platform, not a condition a caller could handle.
        let rc = clock_gettime(id, &ts)
        precondition(rc == 0, "clock_gettime(\(id)) failed: \(String(cString: strerror(errno)))")
        return Int64(ts.tv_sec) &* 1_000_000_000 &+ Int64(ts.tv_nsec)
    }
}
