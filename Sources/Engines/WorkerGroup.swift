/// Runs a fixed number of worker tasks in a task group: structured, so none outlives the run.
enum WorkerGroup {
    /// Runs `count` workers, numbered from 0, until all return. The first failure cancels the
    /// others (their waits on the clock, the monitor or a limiter throw `CancellationError`) and
    /// is rethrown — `waitForAll` would instead wait for every worker, and one waiting for work the
    /// failed worker was to produce would never return.
    static func run(_ count: Int, _ worker: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask { try await worker(index) }
            }
            for try await _ in group {}
        }
    }
}
