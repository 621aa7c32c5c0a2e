import Contract
import Synchronization

extension VirtualClock {
    /// Runs `body` to completion on a fresh single-threaded executor driven by this clock, blocking
    /// the calling thread, and returns what `body` returned or threw.
    ///
    /// The calling thread runs ready jobs first in, first out; when none is ready it moves time to
    /// the earliest sleeper's deadline. It fails, rather than hang or let time drift, when nothing
    /// can run and nobody sleeps on the clock, when a task is resumed from another thread, when
    /// tasks still sleep after `body` returned, and after `hostTimeout` seconds of real time (checked
    /// between jobs, so a job that never returns is not caught). After a failure the trial's tasks
    /// are cancelled and left to unwind on the global executor. A clock runs one trial only.
    public func run<T: Sendable>(
        hostTimeout: Double? = nil,
        _ body: @escaping @Sendable () async throws -> T
    ) throws(VirtualClockError) -> Result<T, any Error> {
        claimForRun()
        let executor = VirtualExecutor()
        let outcome = Outcome<T>()
        // The one unstructured task of a trial: the root that bridges this blocking call into async
        // code. It ends before `run` returns, unless the run fails, and then it is cancelled.
        let root = Task(executorPreference: executor) {
            do { outcome.set(.success(try await body())) } catch { outcome.set(.failure(error)) }
            executor.bodyDidFinish()
        }
        do {
            try drive(executor, hostTimeout: hostTimeout)
        } catch {
            executor.abandon()
            retire()
            root.cancel()
            throw error
        }
        return outcome.result!
    }

    /// The run loop; not generic, so that no turn pays for looking up the body's result type.
    private func drive(_ executor: VirtualExecutor, hostTimeout: Double?) throws(VirtualClockError) {
        let unownedExecutor = executor.asUnownedTaskExecutor()
        let hostDeadline = hostTimeout.map { WallClock.monotonicNanoseconds() &+ Int64(($0 * 1e9).rounded()) }
        var batch: [UnownedJob] = []
        var due: [UnsafeContinuation<Void, any Error>] = []
        // Reading the host clock costs about as much as a job; every 64th turn is often enough.
        var turnsUntilHostCheck = 64
        while true {
            switch executor.takeReady(into: &batch) {
            case .jobs:
                for job in batch { job.runSynchronously(on: unownedExecutor) }
                batch.removeAll(keepingCapacity: true)
            case .idle:
                guard resumeEarliestSleepers(using: &due) else { throw .stalled(at: now()) }
            case .finished:
                let left = sleeperCount
                guard left == 0 else { throw .leftSleeping(count: left, at: now()) }
                return
            case .resumedFromOutside:
                throw .resumedFromOutside(at: now())
            }
            if let hostTimeout, let hostDeadline {
                turnsUntilHostCheck -= 1
                if turnsUntilHostCheck == 0 {
                    turnsUntilHostCheck = 64
                    if WallClock.monotonicNanoseconds() > hostDeadline {
                        throw .hostTimeout(seconds: hostTimeout, at: now())
                    }
                }
            }
        }
    }
}

/// What the root task of a run hands back to the blocked caller.
private final class Outcome<T: Sendable>: Sendable {
    private let value = Mutex<Result<T, any Error>?>(nil)

    var result: Result<T, any Error>? { value.withLock { $0 } }

    func set(_ result: Result<T, any Error>) { value.withLock { $0 = result } }
}
