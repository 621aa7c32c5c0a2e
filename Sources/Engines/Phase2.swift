import Contract

/// The report's "advanced parallel control": the whole listing first (pages after the first
/// fetched concurrently), then a bounded pool of workers whose concurrency an AIMD controller
/// adapts, each worker keeping its connection alive, with exponential backoff and seeded jitter
/// that honours retry-after and the rate-limit reset. Keeps every record for the run; delivers
/// each result as soon as it is done.
public struct Phase2: IssueEngine {
    public static let name = "phase2"
    public static let summary = "advanced parallel control: AIMD-bounded worker pool, keep-alive connections, "
        + "exponential backoff with jitter; still materialises the whole listing"
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("minConcurrency", default: 2, range: 1...512, "AIMD floor: issues in progress at least, and at start"),
        ParameterSpec("maxConcurrency", default: 16, range: 1...512, "AIMD ceiling, and the number of workers"),
        ParameterSpec("window", default: 8, range: 1...10_000, "successes per step of +1 in concurrency"),
    ] + RetryPolicy.exponentialParameters

    let minConcurrency: Int
    let maxConcurrency: Int
    let window: Int
    let retry: RetryPolicy

    /// A minimum above the maximum is lowered to it.
    public init(tuning: Tuning) {
        maxConcurrency = tuning.int("maxConcurrency")
        minConcurrency = min(tuning.int("minConcurrency"), maxConcurrency)
        window = tuning.int("window")
        retry = .exponential(tuning)
    }

    public func run(_ job: Job) async throws {
        let governor = AIMDGovernor(controller: AIMDController(
            minimum: minConcurrency, maximum: maxConcurrency, window: window, slowStart: false))
        let pool = ConnectionPool(api: job.api)
        let retry = self.retry
        let maxConcurrency = self.maxConcurrency
        @Sendable func sender() -> RequestSender<AIMDGovernor> {
            RequestSender(job: job, governor: governor, policy: retry, connections: WorkerConnections(.pool(pool)))
        }
        /// Runs items 0..<count on up to `maxConcurrency` workers, each item under a limiter permit.
        func forEach(
            _ count: Int, _ body: @escaping @Sendable (inout RequestSender<AIMDGovernor>, Int) async throws -> Void
        ) async throws {
            let cursor = WorkCursor(count: count)
            try await WorkerGroup.run(min(maxConcurrency, count)) { _ in
                var worker = sender()
                defer { worker.releaseConnections() }
                while let index = cursor.take() {
                    try await governor.limiter.acquire()
                    defer { governor.limiter.release() }
                    try await body(&worker, index)
                }
            }
        }

        // The first page says how many there are; the others come concurrently.
        var lead = sender()
        let first = try await lead.fetchPage(1)
        lead.releaseConnections()
        let pages = IndexedSlots<[Issue]>(count: max(1, first.lastPage))
        pages.store(first.issues, at: 0)
        try await forEach(max(0, first.lastPage - 1)) { worker, index in
            pages.store(try await worker.fetchPage(index + 2).issues, at: index + 1)
        }
        let issues = pages.all().flatMap { $0 }

        let archive = IndexedSlots<ArchivedRecord>(count: issues.count)
        try await forEach(issues.count) { worker, index in
            let bundle = try await worker.read(issues[index].id) { issues[index] }
            let result = try await worker.complete(bundle)
            archive.store(ArchivedRecord(issue: bundle.issue, comments: bundle.comments, result: result), at: index)
            job.sink.deliver(result)
        }
    }
}
