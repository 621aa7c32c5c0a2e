import Contract

/// Measures a stretch of this process's life: real time, CPU time and its user/system split.
///
/// Made just before the measured code and read just after it, e.g. around an engine's run in a
/// trial's child process. Wall and total CPU come from `ProcessClock` (nanosecond clocks), the
/// split from `getrusage` (see `CPUUsage`).
public struct Stopwatch: Sendable {
    /// What a stopwatch read: amounts since it was started.
    public struct Elapsed: Sendable, Equatable {
        /// Real time on `CLOCK_MONOTONIC`.
        public var wall: Span
        /// CPU time of all threads on `CLOCK_PROCESS_CPUTIME_ID`.
        public var cpu: Span
        /// User/system split of the CPU time, from `getrusage(RUSAGE_SELF)`.
        public var usage: CPUUsage

        public init(wall: Span, cpu: Span, usage: CPUUsage) {
            self.wall = wall
            self.cpu = cpu
            self.usage = usage
        }
    }

    private let startWall: Int64
    private let startCPU: Int64
    private let startUsage: CPUUsage

    /// Starts measuring now.
    public init() {
        // getrusage first and the monotonic clock last, so the cheap, precise reading sits closest
        // to the measured code.
        startUsage = CPUUsage.ofProcess()
        startCPU = ProcessClock.cpuNanoseconds()
        startWall = ProcessClock.monotonicNanoseconds()
    }

    /// What was spent since `init`; can be read any number of times.
    public func elapsed() -> Elapsed {
        let wall = ProcessClock.monotonicNanoseconds()
        let cpu = ProcessClock.cpuNanoseconds()
        let usage = CPUUsage.ofProcess()
        return Elapsed(wall: Span(nanoseconds: wall &- startWall), cpu: Span(nanoseconds: cpu &- startCPU),
                       usage: usage - startUsage)
    }
}
