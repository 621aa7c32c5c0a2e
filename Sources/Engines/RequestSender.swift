import Contract

/// One worker's way of sending a request until it succeeds: its connections, the engine's
/// governor and the shared `RetryPolicy`. The retry loop lives here and nowhere else.
///
/// Owned by one worker task (hence a value type, used as `var`); everything it shares with other
/// workers sits in the governor and the connection pool.
struct RequestSender<Governor: RequestGovernor> {
    let job: Job
    let governor: Governor
    let policy: RetryPolicy
    var connections: WorkerConnections

    init(job: Job, governor: Governor, policy: RetryPolicy, connections: WorkerConnections) {
        self.job = job
        self.governor = governor
        self.policy = policy
        self.connections = connections
    }

    /// Sends `request` until it succeeds; throws `EngineFailure` when the policy gives up.
    /// A write is sent again only after an error answer, so a write that succeeded is never repeated.
    ///
    /// `@inline(always)` here and on the per-issue steps (`read`, `complete`): an async function
    /// called rather than inlined costs a frame from the task allocator each call, and
    /// `@inline(__always)` is only a hint, which the inliner dropped for one of them or another as
    /// the worker grew: forcing all of them took 175 instructions off each request of
    /// `unlimited-fast` (callgrind, 131.1 M -> 127.6 M for 20,200 requests).
    @inline(always)
    mutating func send(_ request: APIRequest) async throws -> APIResponse {
        // `nil` means stopped early, which a condition that is never true and no write cannot cause.
        try await send(request, abandoningWhen: { false })!
    }

    /// Like `send(_:)`, but returns `nil` instead of retrying once it is no longer needed: when
    /// `moot` says so (checked after each failure), or, for a write to `issue` that is not
    /// idempotent (a comment), when an error answer turns out to have hidden its success — the
    /// write landed and its response was lost, so sending it again would repeat it. That is
    /// checked before every retry of such a write (`RetryPolicy.mayHaveApplied`) by reading the
    /// issue again (`landed`).
    @inline(always)
    mutating func send(_ request: APIRequest, abandoningWhen moot: () -> Bool,
                       writingTo issue: Issue? = nil) async throws -> APIResponse? {
        var attempts = 0
        var failures = 0
        while true {
            attempts += 1
            let ticket = governor.prepare(clock: job.clock)
            if let notBefore = ticket.notBefore { try await job.clock.sleep(until: notBefore) }
            let connection: Connection
            if let held = connections.held(ticket.endpoint) {
                connection = held
            } else {
                connection = try await connections.open(ticket.endpoint)
            }
            // An answer that needs no wait comes back synchronously (see `IssueAPI.sendAtOnce`).
            let response: APIResponse
            if let answered = job.api.sendAtOnce(request, over: connection) {
                response = answered
            } else {
                response = try await job.api.send(request, over: connection)
            }
            governor.observe(response, ticket: ticket, clock: job.clock)
            if response.isSuccess { return response }
            if moot() { return nil }
            if let issue, policy.mayHaveApplied(request, answered: response), try await landed(request, on: issue) {
                return nil
            }
            let now = job.clock.now()
            switch policy.decide(after: response, failures: failures, key: request.jitterKey, now: now) {
            case .giveUp:
                throw EngineFailure.gaveUp(on: request, attempts: attempts, last: response)
            case let .retry(at, spendsAttempt):
                if spendsAttempt { failures += 1 }
                try await job.clock.sleep(until: at)
            }
        }
    }

    /// Hands the worker's connections back to the pool.
    mutating func releaseConnections() {
        connections.release()
    }
}
