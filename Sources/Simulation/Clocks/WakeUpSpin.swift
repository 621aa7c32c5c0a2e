import Synchronization

/// Ends a wall-clock sleep at its deadline rather than a timer's wake-up latency after it.
///
/// A timer wakes a task late: on the 2-core VM this was written on, a 10 ms `Task.sleep` ended
/// 140–240 µs late (median 170 µs; `nanosleep` alone, 140 µs). Every synthetic latency of the
/// simulated API is such a sleep, so a run of fixed 10 ms requests in rounds lost 2 % to the
/// timer — charged to the engine, as if it were slow. So a sleep asks the timer to wake it early,
/// by about the lateness it usually shows, and busy-waits the rest on its thread; 20 tasks × 100
/// sleeps of 10 ms then took 1.004–1.005 s instead of 1.022.
///
/// The busy wait is the harness's cost, not the engine's: it is timed on the thread's CPU clock
/// and summed here, so that a trial can report it apart and leave it out of the engine's CPU time.
/// It does not yield: another task on the thread would make its CPU time the wait's. So it holds
/// a thread, and what that costs grows with the request rate: on `seed-phase-comparison` (up to
/// 32 requests of about 0.5 ms in flight on 2 cores, the machine loaded), busy-waiting every sleep
/// held the threads most of the time and cut phase2's and phase3's throughput to a fifth. Sleeps
/// therefore busy-wait only while the waiting so far stays within `budget` of one core since the
/// clock was made; past it they sleep plainly, as late as the timer wakes them. Within it, phase2
/// and phase3 lost nothing there, and phase1, whose requests wait one after another, gained 10 %.
final class WakeUpSpin: Sendable {
    /// The timer's usual lateness past the moment it was asked to wake, in ns: a low quantile of
    /// what sleeps saw (`learn`).
    private let lateness = Atomic<Int64>(WakeUpSpin.initialLateness)
    /// CPU nanoseconds spent busy-waiting so far.
    private let spun = Atomic<Int64>(0)
    /// When the clock was made, in ns on `CLOCK_MONOTONIC`.
    private let origin: Int64

    /// Busy-waiting allowed at most, as a share of one core since the clock was made: 5 %. The
    /// 20 sleepers of 10 ms of `latency-bound-wall` need about 3.5 %.
    static let budget = 0.05

    /// A first guess before any sleep has been timed: near what this VM's timer showed.
    static let initialLateness: Int64 = 150_000
    /// Lateness counted at most, so that one long stall (a preempted thread) does not make every
    /// later sleep spin for long.
    static let maximumLateness: Int64 = 1_000_000

    init(origin: Int64) { self.origin = origin }

    /// CPU time spent busy-waiting so far, by every sleep on this clock.
    var spunCPU: Int64 { spun.load(ordering: .relaxed) }

    /// How early to wake before a deadline: the usual lateness plus 20 µs, so that most wake-ups
    /// land just before the deadline.
    private var margin: Int64 { lateness.load(ordering: .relaxed) &+ 20_000 }

    /// Sleeps until `deadline` (ns on `CLOCK_MONOTONIC`), through the timer until the margin
    /// before it and by busy-waiting after that.
    func sleep(until deadline: Int64) async throws {
        let now = WallClock.monotonicNanoseconds, threadCPU = WallClock.threadCPUNanoseconds
        let start = now()
        guard Double(spun.load(ordering: .relaxed)) <= Self.budget * Double(start &- origin) else {
            return try await Task.sleep(nanoseconds: UInt64(max(0, deadline &- start)))
        }
        let wake = deadline &- margin
        if wake > start {
            try await Task.sleep(nanoseconds: UInt64(wake &- start))
            learn(late: now() &- wake)
        }
        if now() < deadline {
            let cpu = threadCPU()
            while now() < deadline {}
            spun.add(threadCPU() &- cpu, ordering: .relaxed)
        }
        try Task.checkCancellation()
    }

    /// Moves the usual lateness a quarter of the way down to a smaller `late`, and a 32nd of the way
    /// up to a larger one: a low quantile, not the mean. A wake-up is late also when every thread
    /// was busy, and busy-waiting threads make that likelier; following the mean, the margin grew
    /// with the waits it caused (to 0.9 ms in a test of 20 tasks, where the timer's own lateness
    /// was 0.15 ms). Two sleeps racing here may lose one update, which only slows the tracking.
    private func learn(late: Int64) {
        let old = lateness.load(ordering: .relaxed)
        let seen = min(max(late, 0), Self.maximumLateness)
        lateness.store(old &+ (seen &- old) / (seen < old ? 4 : 32), ordering: .relaxed)
    }
}
