import Contract

/// What an engine decides around each attempt of a request: where and when it may go
/// (`prepare`), and what the answer teaches (`observe`) — adaptive concurrency, breaker health,
/// rate-limit budget. `RequestSender` calls both on every attempt; `prepare` is synchronous, so
/// an attempt that may go at once costs no suspension point.
protocol RequestGovernor: Sendable {
    func prepare(clock: any HarnessClock) -> SendTicket
    func observe(_ response: APIResponse, ticket: SendTicket, clock: any HarnessClock)
}

/// What `prepare` decided for one attempt, handed back to `observe` with its answer.
struct SendTicket: Sendable, Equatable {
    var endpoint: Int
    /// The concurrency controller's epoch when the attempt was sent (see `AIMDController`).
    var epoch: Int
    /// When the attempt may be sent; `nil`: at once.
    var notBefore: Moment? = nil
}

/// No decisions: the primary endpoint, at once, learning nothing — phase1.
struct DirectGovernor: RequestGovernor {
    func prepare(clock: any HarnessClock) -> SendTicket { SendTicket(endpoint: 0, epoch: 0) }

    func observe(_ response: APIResponse, ticket: SendTicket, clock: any HarnessClock) {}
}
