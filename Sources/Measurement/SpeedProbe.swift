import Contract
import Synchronization

/// A fixed piece of CPU work, timed in each trial's process just before the engine starts: how
/// fast the machine ran at that moment.
///
/// A machine's speed is not a constant. On the shared VM this was built on, one deterministic
/// trial took between 21 and 35 ms of CPU at different times with nothing else running, on either
/// core, with no steal time reported. Every wall-clock figure of a trial moves with that, so
/// a run records it beside them: trials whose probes differ were measured on what was, in effect,
/// a different machine. It catches that, but understates it: over 31 trials there, the probe took
/// 2.5–2.8 ms when a zero-latency virtual trial simulated 0.73–0.88 M requests a second, and
/// 3.1–3.5 ms when it simulated 0.42–0.56 M (a probe that also missed the caches, over an 8 MiB
/// table, followed the speed no better). Integer work in registers, 2.5–3.5 ms.
public enum SpeedProbe {
    /// SplitMix64 steps the probe takes.
    public static let steps = 2_000_000

    /// Milliseconds `steps` steps took on the calling thread.
    public static func milliseconds() -> Double {
        // Seeded from the clock, so that the compiler cannot work the loop out ahead of time.
        let start = ProcessClock.monotonicNanoseconds()
        var generator = SplitMix64(seed: UInt64(bitPattern: start))
        var folded: UInt64 = 0
        for _ in 0..<steps { folded ^= generator.next() }
        let end = ProcessClock.monotonicNanoseconds()
        // Kept, so that the loop is not dropped as unused.
        sink.store(folded, ordering: .relaxed)
        return Double(end &- start) / 1e6
    }

    private static let sink = Atomic<UInt64>(0)
}
