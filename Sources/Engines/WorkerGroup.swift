/// Runs a fixed number of worker tasks in a task group: structured, so none outlives the run.
enum WorkerGroup {
    /// Runs `count` workers, numbered from 0, until all return. The first failure cancels the
    /// others (their waits on the clock, the monitor or a limiter throw `CancellationError`) and
    /// is rethrown — `waitForAll` would instead wait for every worker, and one waiting for work the
    /// failed worker was to produce would never return.
    /// `alongside`, when given, runs as one more task of the group: a helper that must end on
    /// its own once the workers' work is done.
    static func run(_ count: Int, alongside helper: (@Sendable () async throws -> Void)? = nil,
                    _ worker: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let helper { group.addTask { try await helper() } }
            for index in 0..<count {
                group.addTask { try await worker(index) }
            }
            for try await _ in group {}
        }
    }
}
