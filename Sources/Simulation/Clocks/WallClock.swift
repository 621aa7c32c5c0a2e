#if canImport(Glibc)
import Glibc
#endif
import Contract

/// Real time: `CLOCK_MONOTONIC` since the clock was made; synthetic latency is a real wait,
/// ended at its deadline to within microseconds (`WakeUpSpin`).
///
/// CLOCK_MONOTONIC because it never jumps (NTP slews it but never steps it), which is what a
/// duration needs; it is also what `Task.sleep` waits on, so deadlines and sleeps agree.
public struct WallClock: HarnessClock {
    private let originNanoseconds: Int64
    private let spin: WakeUpSpin

    public init() {
        originNanoseconds = Self.monotonicNanoseconds()
        spin = WakeUpSpin(origin: originNanoseconds)
    }

    public func now() -> Moment { Moment(nanoseconds: Self.monotonicNanoseconds() &- originNanoseconds) }

    public func sleep(until deadline: Moment) async throws {
        let end = originNanoseconds &+ deadline.nanoseconds
        if end <= Self.monotonicNanoseconds() { return try Task.checkCancellation() }
        try await spin.sleep(until: end)
    }

    /// CPU time the clock's sleeps spent busy-waiting for their deadlines so far: the harness's
    /// cost of precise latency, which a trial reports apart from the engine's CPU time.
    public var spunCPU: Span { Span(nanoseconds: spin.spunCPU) }

    /// Busy-waits on the calling thread's CPU clock, so the span is CPU actually spent.
    public func spendCPU(_ span: Span) async throws {
        let end = Self.threadCPUNanoseconds() &+ span.nanoseconds
        while Self.threadCPUNanoseconds() < end {}
        try Task.checkCancellation()
    }

    static func monotonicNanoseconds() -> Int64 { read(CLOCK_MONOTONIC) }

    static func threadCPUNanoseconds() -> Int64 { read(CLOCK_THREAD_CPUTIME_ID) }

    private static func read(_ id: clockid_t) -> Int64 {
        var ts = timespec()
        // Fails only for an invalid clock id, and these two exist on every Linux kernel.
        let rc = clock_gettime(id, &ts)
        precondition(rc == 0, "clock_gettime(\(id)) failed: errno \(errno)")
        return Int64(ts.tv_sec) &* 1_000_000_000 &+ Int64(ts.tv_nsec)
    }
}
