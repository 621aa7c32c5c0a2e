#if canImport(Glibc)
import Glibc
#endif
import Contract

/// CPU time split into user and system time, from `getrusage`.
///
/// The split says where a run's CPU went: user time is the engine's own work, system time is
/// syscalls and page faults (allocation, pipes, sockets). The kernel samples the split per tick and
/// scales it to the precise total, so for a precise total use `ProcessClock.cpuNanoseconds()`.
public struct CPUUsage: Sendable, Equatable {
    public var user: Span
    public var system: Span

    public init(user: Span, system: Span) {
        self.user = user
        self.system = system
    }

    public var total: Span { user + system }

    /// The usage between two readings.
    public static func - (a: CPUUsage, b: CPUUsage) -> CPUUsage {
        CPUUsage(user: a.user - b.user, system: a.system - b.system)
    }

    /// This process, all threads (`RUSAGE_SELF`).
    public static func ofProcess() -> CPUUsage { read(RUSAGE_SELF) }

    /// Every child this process has waited for, summed (`RUSAGE_CHILDREN`); children still
    /// running or not yet reaped are not included.
    public static func ofWaitedChildren() -> CPUUsage { read(RUSAGE_CHILDREN) }

    init(_ usage: rusage) {
        self.init(user: Self.span(usage.ru_utime), system: Self.span(usage.ru_stime))
    }

    private static func read(_ who: __rusage_who) -> CPUUsage {
        var usage = rusage()
        // Fails only with EFAULT (bad pointer) or EINVAL (bad `who`), neither possible here.
        let rc = getrusage(who.rawValue, &usage)
        precondition(rc == 0, "getrusage(\(who.rawValue)) failed: \(String(cString: strerror(errno)))")
        return CPUUsage(usage)
    }

    private static func span(_ tv: timeval) -> Span {
        Span(nanoseconds: Int64(tv.tv_sec) &* 1_000_000_000 &+ Int64(tv.tv_usec) &* 1000)
    }
}
