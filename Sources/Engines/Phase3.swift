import Contract

/// The report's integrated design: pages are streamed (the next is fetched while the current one
/// is processed) through a byte-bounded buffer that gives back-pressure, each payload dropped once
/// processed; a connection pool sized between a minimum and a maximum; a rate-limit pacer that
/// spends the primary budget without rejections; `.batchGet` where the API has it; failover to
/// backup endpoints behind per-endpoint circuit breakers; adaptive zlib compression of pages that
/// wait in the buffer. Delivers each result as soon as it is done. See `IssueStream` for how work
/// is shared.
public struct Phase3: IssueEngine {
    public static let name = "phase3"
    public static let summary = "integrated: streamed pages with a byte-bounded buffer, dynamic connection pool, "
        + "rate-limit pacing, batching, failover with circuit breakers, adaptive compression"
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("minConnections", default: 4, range: 1...1024, "connections in use at start, and at least"),
        ParameterSpec("maxConnections", default: 32, range: 1...1024, "connections in use at most (one worker each)"),
        ParameterSpec("window", default: 8, range: 1...10_000,
                      "growth signals per extra connection after the first secondary-limit rejection"),
        ParameterSpec("bufferBytes", default: 1_048_576, range: 0...1_099_511_627_776,
                      "bytes of prefetched pages held at most (back-pressure on listing)"),
        ParameterSpec("prefetchPages", default: 2, range: 1...1024,
                      "pages buffered or being fetched ahead of the one in progress, at least"),
        ParameterSpec("speculativePages", default: 31, range: 0...1024,
                      "pages listed alongside the first, before it says how many there are (at most "
                      + "maxConnections − 1); those past the end come back empty, a wasted request each"),
        ParameterSpec("batchSize", default: 10_000, range: 0...10_000,
                      "issues per batch request, capped at the API's maximum (default: the maximum); 0: no batching"),
        ParameterSpec("breakerFailures", default: 5, range: 1...1000, "consecutive 5xx that open an endpoint's breaker"),
        ParameterSpec("breakerCooldownMs", default: 1000, range: 0...600_000, "ms an open breaker waits before a probe"),
        ParameterSpec("compress", default: 1, range: 0...1,
                      "1: compress buffered pages (adaptive zlib level); 0: hold them raw"),
    ] + RetryPolicy.exponentialParameters

    let minConnections: Int
    let maxConnections: Int
    let window: Int
    let bufferBytes: Int
    let prefetchPages: Int
    let speculativePages: Int
    let batchSize: Int
    let breakerFailures: Int
    let breakerCooldown: Span
    let compress: Bool
    let retry: RetryPolicy

    /// A minimum above the maximum is lowered to it.
    public init(tuning: Tuning) {
        maxConnections = tuning.int("maxConnections")
        minConnections = min(tuning.int("minConnections"), maxConnections)
        window = tuning.int("window")
        bufferBytes = tuning.int("bufferBytes")
        prefetchPages = tuning.int("prefetchPages")
        speculativePages = tuning.int("speculativePages")
        batchSize = tuning.int("batchSize")
        breakerFailures = tuning.int("breakerFailures")
        breakerCooldown = .milliseconds(tuning.double("breakerCooldownMs"))
        compress = tuning.int("compress") == 1
        retry = .exponential(tuning)
    }

    public func run(_ job: Job) async throws {
        let capabilities = job.api.capabilities
        let reads = job.work.readIssue || job.work.readComments
        let stream = IssueStream(settings: IssueStream.Settings(
            minConnections: minConnections, maxConnections: maxConnections, window: window,
            bufferBytes: bufferBytes, prefetchPages: prefetchPages, speculativePages: speculativePages,
            pageSize: capabilities.pageSize,
            batchSize: reads ? min(batchSize, capabilities.batchMaxItems) : 0))
        let pacer = RateLimitPacer()
        let governor = IntegratedGovernor(
            pacer: pacer,
            router: EndpointRouter(endpoints: capabilities.endpoints.count, failures: breakerFailures,
                                   cooldown: breakerCooldown),
            stream: stream)
        let pool = ConnectionPool(api: job.api)
        let retry = self.retry
        let sink = job.sink
        var compactor: (@Sendable () async throws -> Void)?
        if compress { compactor = { try await Self.compact(stream: stream, sink: sink) } }
        try await WorkerGroup.run(maxConnections, alongside: compactor) { worker in
            var sender = RequestSender(job: job, governor: governor, policy: retry,
                                       connections: WorkerConnections(.pool(pool)))
            defer { sender.releaseConnections() }
            try await Self.work(as: worker, stream: stream, pacer: pacer, sender: &sender)
        }
    }
}
