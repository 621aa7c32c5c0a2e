import Contract

/// The report's baseline design: list every page first, keep every issue in memory, process one
/// issue at a time over a new connection per request, retry after a fixed wait, and hold every
/// record (issue, comments, result) uncompressed until the end, when the results are delivered.
public struct Phase1: IssueEngine {
    public static let name = "phase1"
    public static let summary = "baseline: lists everything first, one issue at a time, a new connection per request, "
        + "fixed-wait retries, results held until the end"
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("concurrency", default: 1, range: 1...64, "issues in progress at once (still taken in listing order)"),
        ParameterSpec("retryDelayMs", default: 1000, range: 0...600_000,
                      "fixed wait before a retry, in ms (longer when retry-after says so)"),
        ParameterSpec("maxAttempts", default: 5, range: 1...100,
                      "attempts per request before giving up (waits for a rate-limit reset do not count)"),
    ]

    let concurrency: Int
    let retry: RetryPolicy

    public init(tuning: Tuning) {
        concurrency = tuning.int("concurrency")
        retry = RetryPolicy(maxAttempts: tuning.int("maxAttempts"),
                            backoff: .fixed(.milliseconds(tuning.double("retryDelayMs"))))
    }

    public func run(_ job: Job) async throws {
        let retry = self.retry
        @Sendable func sender() -> RequestSender<DirectGovernor> {
            RequestSender(job: job, governor: DirectGovernor(), policy: retry,
                          connections: WorkerConnections(.fresh(job.api)))
        }
        var lister = sender()
        let first = try await lister.fetchPage(1)
        var listing = first.issues
        if first.lastPage >= 2 {
            for number in 2...first.lastPage { listing += try await lister.fetchPage(number).issues }
        }
        let issues = listing
        let archive = IndexedSlots<ArchivedRecord>(count: issues.count)
        let cursor = WorkCursor(count: issues.count)
        try await WorkerGroup.run(min(concurrency, issues.count)) { _ in
            var worker = sender()
            while let index = cursor.take() {
                let bundle = try await worker.read(issues[index].id) { issues[index] }
                let result = try await worker.complete(bundle)
                archive.store(ArchivedRecord(issue: bundle.issue, comments: bundle.comments, result: result), at: index)
            }
        }
        for record in archive.all() { job.sink.deliver(record.result) }
    }
}
