#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The single thread a virtual-clock trial runs on: a first-in, first-out queue of jobs that
/// `VirtualClock.run` drains on the thread that created the executor.
///
/// Every task of a trial prefers this executor (SE-0417): the root task is created with it, child
/// tasks of task groups and `async let` inherit it, and default actors run on it. So one thread
/// runs everything in a fixed order, which is what makes a virtual trial deterministic.
///
/// A job that arrives from another thread means some task waited outside the trial (a real
/// `Task.sleep`, a continuation resumed by a foreign thread); it is remembered as a fault instead of
/// being run, because running it would make timing depend on the host.
final class VirtualExecutor: TaskExecutor {
    private struct State {
        /// Jobs ready to run, oldest first. The run loop swaps this array with its own empty one,
        /// so a drained batch costs one lock and the two arrays keep their capacity.
        var ready: [UnownedJob] = []
        var bodyFinished = false
        var resumedFromOutside = false
        /// After a fault, jobs go to the global executor so the trial's cancelled tasks can unwind.
        var abandoned = false
    }

    /// What the run loop finds when it comes for the next batch of jobs.
    enum Intake {
        /// The batch holds jobs to run.
        case jobs
        /// Nothing is ready and the trial's body has not returned yet.
        case idle
        /// Nothing is ready and the body has returned.
        case finished
        /// A job arrived from another thread; it and any other ready jobs stay queued.
        case resumedFromOutside
    }

    private let state = Mutex(State())
    private let loopThread = pthread_self()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let foreign = pthread_equal(pthread_self(), loopThread) == 0
        let forward = state.withLock { state in
            if state.abandoned { return true }
            if foreign { state.resumedFromOutside = true }
            state.ready.append(job)
            return false
        }
        if forward { globalConcurrentExecutor.enqueue(ExecutorJob(job)) }
    }

    /// Swaps the ready jobs into the empty `batch`, and says what the loop should do next.
    func takeReady(into batch: inout [UnownedJob]) -> Intake {
        state.withLock { state in
            if state.resumedFromOutside { return .resumedFromOutside }
            if state.ready.isEmpty { return state.bodyFinished ? .finished : .idle }
            swap(&batch, &state.ready)
            return .jobs
        }
    }

    /// Called by the trial's root task as its last act.
    func bodyDidFinish() {
        state.withLock { $0.bodyFinished = true }
    }

    /// Stops driving the trial: hands queued and later jobs to the global executor, so tasks that
    /// a failed run cancels can still finish instead of waiting forever on a dead queue.
    func abandon() {
        let leftover = state.withLock { state in
            state.abandoned = true
            defer { state.ready = [] }
            return state.ready
        }
        for job in leftover { globalConcurrentExecutor.enqueue(ExecutorJob(job)) }
    }
}
