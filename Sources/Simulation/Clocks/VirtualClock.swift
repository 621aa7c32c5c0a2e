import Contract
import Synchronization

/// Deterministic simulated time for one trial: time stands still while any task can run, and
/// jumps to the earliest deadline when none can.
///
/// A trial runs inside `run(hostTimeout:_:)`, which drives all of its tasks on one thread. Sleepers
/// resume in deadline order, ties first come first served, and `now()` reads exactly the deadline
/// of the sleeper being resumed, so the same workload gives the same timeline on every run and an
/// hour of rate-limited traffic takes milliseconds. Time moves only inside `run`.
///
/// Like swift-clocks' `TestClock` and swift-nio's `EmbeddedEventLoop`, a peer of the real clock
/// rather than a test hack: engines see only `HarnessClock`.
public final class VirtualClock: HarnessClock {
    struct State {
        var sleepers = SleeperHeap()
        /// When each virtual CPU is next free, for `spendCPU`.
        var coreFreeAt: [Int64]
        var hasRun = false
        /// Set when a run fails: every later sleep throws `CancellationError` at once, so tasks
        /// left over from the failed trial unwind instead of waiting on a clock nobody drives.
        var retired = false
    }

    let state: Mutex<State>
    /// The current time in nanoseconds; written only under `state`'s lock, read without it, since
    /// every sleep reads it first and most simulated latencies are short.
    private let nowNanoseconds = Atomic<Int64>(0)
    /// Numbers sleepers in arrival order, outside the lock because `onCancel` needs it up front.
    private let arrivals = Atomic<UInt64>(0)

    /// A clock at `Moment.origin` with `cores` virtual CPUs for `spendCPU`.
    public init(cores: Int = 1) {
        precondition(cores >= 1, "a VirtualClock needs at least one core, got \(cores)")
        state = Mutex(State(coreFreeAt: Array(repeating: 0, count: cores)))
    }

    public func now() -> Moment { Moment(nanoseconds: nowNanoseconds.load(ordering: .acquiring)) }

    /// Tasks waiting on this clock; zero after a clean run (swift-clocks checks the same invariant).
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(until deadline: Moment) async throws {
        guard deadline.nanoseconds > nowNanoseconds.load(ordering: .acquiring) else {
            return try Task.checkCancellation()
        }
        let sequence = arrivals.wrappingAdd(1, ordering: .relaxed).newValue
        try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
                // Checked under the lock that `onCancel` takes, so a cancellation either sees the
                // sleeper in the heap or is seen here: the continuation is resumed exactly once.
                let admitted = state.withLock { state in
                    guard !Task.isCancelled, !state.retired else { return false }
                    state.sleepers.push(.init(deadline: deadline.nanoseconds, sequence: sequence,
                                              continuation: continuation))
                    return true
                }
                if !admitted { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            state.withLock { $0.sleepers.remove(sequence: sequence) }?
                .continuation.resume(throwing: CancellationError())
        }
    }

    /// Occupies one of the clock's virtual CPUs for `span`: the task starts when that core is free
    /// (or now, if later) and resumes `span` after. The core is the one free soonest, the lowest
    /// numbered on a tie. A task cancelled meanwhile still holds its core until the span would end.
    public func spendCPU(_ span: Span) async throws {
        precondition(span >= .zero, "spendCPU needs a non-negative span, got \(span)")
        let end = state.withLock { state in
            let core = state.coreFreeAt.indices.min { state.coreFreeAt[$0] < state.coreFreeAt[$1] }!
            let end = max(nowNanoseconds.load(ordering: .acquiring), state.coreFreeAt[core]) &+ span.nanoseconds
            state.coreFreeAt[core] = end
            return end
        }
        try await sleep(until: Moment(nanoseconds: end))
    }

    // MARK: - Driven by the run loop

    /// Moves time to the earliest deadline and resumes every sleeper due then, in arrival order;
    /// false when nobody sleeps. `due` is the run loop's reusable buffer.
    func resumeEarliestSleepers(using due: inout [UnsafeContinuation<Void, any Error>]) -> Bool {
        state.withLock { state in
            guard let earliest = state.sleepers.earliestDeadline else { return }
            // `max`: a sleeper that a foreign thread added late may be due already (a fault the
            // run reports); time never runs backwards.
            let now = max(nowNanoseconds.load(ordering: .acquiring), earliest)
            nowNanoseconds.store(now, ordering: .releasing)
            while let deadline = state.sleepers.earliestDeadline, deadline <= now {
                due.append(state.sleepers.popFirst()!.continuation)
            }
        }
        // Resumed outside the lock: a resume enqueues a task, and the runtime may take the task's
        // own lock for that, while a cancellation handler holds the task's lock and takes ours.
        for continuation in due { continuation.resume() }
        defer { due.removeAll(keepingCapacity: true) }
        return !due.isEmpty
    }

    /// Claims the clock for one run; a second run is a programming error.
    func claimForRun() {
        state.withLock { state in
            precondition(!state.hasRun, "a VirtualClock drives one trial; make a new clock for the next")
            state.hasRun = true
        }
    }

    /// After a failed run: cancels every sleeper and makes later sleeps throw at once.
    func retire() {
        let sleepers = state.withLock { state in
            state.retired = true
            return state.sleepers.removeAll()
        }
        for sleeper in sleepers { sleeper.continuation.resume(throwing: CancellationError()) }
    }
}
