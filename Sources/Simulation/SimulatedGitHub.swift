import Contract
import Scenario
import Synchronization

/// The GitHub REST API as a scenario describes it: a repository of `issueCount` issues from a
/// seeded `Corpus`, with latency, transient errors, outages, primary and secondary rate limits
/// and an optional batch endpoint — all deterministic given the seed and the clock.
///
/// Time comes only from `clock`, so the same simulation runs on the wall clock or on the virtual
/// one. Rate-limit windows and outages are counted from the first request. Every random quantity
/// of a request (latency, transient error) is drawn from a stream keyed by (seed, kind of request,
/// page or issue, how many times that same request got through before), so an issue sees the same
/// latencies and errors whichever engine asks and in whatever order.
///
/// The hot path takes the lock once on arrival and once on completion (once in all when nothing
/// can wait or fail, `sendAtOnce`) and allocates nothing but the response payload; text is
/// generated outside the lock. Bookkeeping (the ledger, the attempt
/// table) costs memory for the issues in flight, not for every issue (`SettlingBytes`), plus
/// 8 bytes a listing page.
///
/// Writes and lost responses. With an error rate, half of the transient errors of writes (drawn
/// from the request's stream) happen after the server applied the write: the change is made, the
/// answer is a 5xx all the same, and `APICounters.lostResponses` counts it. What a retry then does
/// depends on the write, as on GitHub: adding a label is idempotent — the issue keeps one label,
/// and the repeat counts in `redundantWrites` — while posting a comment is not: a second comment
/// appears, and `duplicateWrites` counts it (as it counts a second, different label). A client
/// that must not repeat a comment checks whether it landed before retrying: an issue's
/// `commentCount` includes the comments posted through the API (the text of a posted comment is
/// not kept, so `GET /issues/N/comments` returns the corpus's comments only).
public final class SimulatedGitHub: IssueAPI {
    public let capabilities: APICapabilities
    /// The issues this API serves; the harness recomputes results from it.
    public let corpus: Corpus
    private let rules: APIRules
    private let clock: any HarnessClock
    private let state: Mutex<State>
    /// Its own lock, so that serving text never waits on the rate-limit bookkeeping.
    private let recentPages = Mutex(RecentPages())

    /// An API serving issues 1...`issueCount` of `scenario`'s corpus, timed by `clock`.
    public init(scenario: Scenario, issueCount: Int, clock: any HarnessClock) {
        let api = scenario.api
        capabilities = APICapabilities(endpoints: api.endpoints, batchMaxItems: api.batch?.maxItems ?? 0,
                                       pageSize: scenario.issues.pageSize)
        corpus = Corpus(seed: scenario.seed, issues: scenario.issues)
        rules = APIRules(scenario: scenario, issueCount: issueCount)
        self.clock = clock
        state = Mutex(State(rules: rules, api: api))
    }

    /// What the API saw so far.
    public func counters() -> APICounters {
        state.withLock { $0.counters }
    }

    /// What the API did to each issue: a live read-only view, cheap to take and to ask per issue.
    public func ledger() -> APILedger {
        APILedger(api: self, issueCount: rules.issueCount)
    }

    /// Lends the ledger under the lock, for `APILedger`: to read it, and for the harness's sink to
    /// claim the start times of delivered issues (`WorkStarts`, a class touched only under this lock).
    func withLedger<Value: Sendable>(_ body: (borrowing IssueLedger) -> Value) -> Value {
        state.withLock { body($0.ledger) }
    }

    // MARK: - IssueAPI

    public func connect(to endpoint: Int) async throws -> Connection {
        precondition(capabilities.endpoints.indices.contains(endpoint),
                     "connect(to: \(endpoint)): endpoints are 0..<\(capabilities.endpoints.count)")
        let id = state.withLock { $0.openConnection() }
        var random = SeededRandom(seed: SeededRandom.mix(rules.seed, StreamTag.connect.rawValue, UInt64(id)))
        let setUp = Span.milliseconds(rules.connectMs.sample(using: &random))
        if setUp > .zero { try await clock.sleep(for: setUp) }
        return Connection(id: id, endpoint: endpoint)
    }

    /// Inlined into the protocol witness: called from it, it cost a second async frame a request,
    /// 160 instructions (callgrind, `unlimited-fast`: 127.6 M -> 124.3 M for 20,200 requests).
    @inline(__always)
    public func send(_ request: APIRequest, over connection: Connection) async throws -> APIResponse {
        var flight: InFlight
        switch arrive(request, target(of: request, over: connection), over: connection) {
        case .answered(let response): return response
        case .inFlight(let accepted): flight = accepted
        }
        let latency = Span.milliseconds(latencyMs(of: request, using: &flight.random))
        if latency > .zero {
            do {
                try await clock.sleep(until: flight.arrival + latency)
            } catch {
                state.withLock { $0.abandon() }
                throw error
            }
        }
        return land(request, flight)
    }

    /// When every latency is zero, every answer: `send` without a suspension point. It draws no
    /// latency: a fixed one takes no number from the request's stream, so what `land` draws next
    /// is the same, and drawing it cost some 70 instructions a request (callgrind, `unlimited-fast`).
    public func sendAtOnce(_ request: APIRequest, over connection: Connection) -> APIResponse? {
        guard rules.answersAtOnce else { return nil }
        let target = target(of: request, over: connection)
        if target.problem == nil && rules.errorRate == 0 && !rules.limited {
            return answer(request, target)
        }
        switch arrive(request, target, over: connection) {
        case .answered(let response): return response
        case .inFlight(let flight): return land(request, flight)
        }
    }

    // MARK: - Sending

    /// A request the limits let through, until its latency has passed.
    private struct InFlight {
        let target: RequestTarget
        let arrival: Moment
        let rate: RateLimitHeaders?
        /// The request's random stream: its latency's draws come first (in `send`), then its error's.
        var random: SeededRandom
    }

    /// What became of a request on arrival.
    private enum Arrival {
        /// Turned away by a limit or an outage, at once.
        case answered(APIResponse)
        case inFlight(InFlight)
    }

    /// What `request` asks for; it must go to an endpoint that exists.
    @inline(always)
    private func target(of request: APIRequest, over connection: Connection) -> RequestTarget {
        precondition(connection.endpoint >= 0 && connection.endpoint < rules.endpointCount,
                     "\(request.summary) over a connection to endpoint \(connection.endpoint), which does not exist")
        return RequestTarget(request, issueCount: rules.issueCount, lastPage: rules.lastPage,
                             batchMaxItems: rules.batch?.maxItems ?? 0)
    }

    /// A valid request that nothing can turn away or fail, answered at once: `arrive` and `land`
    /// in one lock section, the body made first, outside the lock. Nothing the lock guards is
    /// decided between the two (no limit, no error draw), so every figure is the same, but for
    /// `peakInFlight` when several threads send at once: it no longer counts requests that overlap
    /// only while their bodies are made. A second lock section, the request's random stream and the
    /// request in flight cost 87 instructions a request (callgrind, `unlimited-fast`: 92.05 M ->
    /// 90.29 M for 20,200 requests).
    @inline(always)
    private func answer(_ request: APIRequest, _ target: RequestTarget) -> APIResponse {
        let arrival = clock.now()
        var payload: Payload? = payload(request)
        let response = target.kind == .listIssues ? clock.now() : arrival
        state.withLock { $0.serve(request, target, arrival: arrival, response: response, payload: &payload) }
        // No rate-limit headers: there is no primary limit.
        return APIResponse(status: request.isWrite ? 201 : 200, rate: nil, retryAfter: nil, payload: payload.take()!)
    }

    /// A request arrives: the limits decide under the lock.
    ///
    /// This and `land` are forced inline (`@inline(__always)` is a hint): once `sendAtOnce` no
    /// longer drew a latency, the inliner left one or the other out, and the call copied the
    /// request in flight through its value witness, 48 instructions a request on that alone
    /// (callgrind, `unlimited-fast`).
    @inline(always)
    private func arrive(_ request: APIRequest, _ target: RequestTarget, over connection: Connection) -> Arrival {
        let arrival = clock.now()
        let admission = state.withLock { $0.admit(request, target, endpoint: connection.endpoint, at: arrival) }
        switch admission {
        case let .rejected(failure, rate, retryAfter):
            return .answered(failure.response(rate: rate, retryAfter: retryAfter))
        case let .accepted(attempt, rate):
            return .inFlight(InFlight(target: target, arrival: arrival, rate: rate,
                                      random: rules.stream(target, attempt: attempt)))
        }
    }

    /// A request in flight reaches the server once its latency has passed: it fails or succeeds,
    /// and the state records it under the lock.
    @inline(always)
    private func land(_ request: APIRequest, _ flight: InFlight) -> APIResponse {
        var random = flight.random
        let target = flight.target
        let failure = target.problem?.failure(of: request)
            ?? (rules.errorRate > 0 && random.nextUnit() < rules.errorRate ? .transient(status: rules.errorStatus) : nil)
        // Half of the transient errors of writes strike after the server applied the write.
        let lost = failure != nil && target.problem == nil && request.isWrite && random.next() & 1 == 0
        let response = target.kind == .listIssues ? clock.now() : flight.arrival
        var payload = failure == nil ? payload(request) : nil
        state.withLock {
            $0.complete(request, target, failure: failure, lost: lost, arrival: flight.arrival, response: response,
                        payload: &payload)
        }
        if let failure { return failure.response(rate: flight.rate) }
        // Moved out, not copied: a copy retained and released each array of the payload.
        return APIResponse(status: request.isWrite ? 201 : 200, rate: flight.rate, retryAfter: nil,
                           payload: payload.take()!)
    }

    // MARK: - Responses

    /// A request's latency in milliseconds: a `latencyMs` sample, plus the batch endpoint's cost
    /// per item for a batch.
    private func latencyMs(of request: APIRequest, using random: inout SeededRandom) -> Double {
        let base = rules.latencyMs.sample(using: &random)
        guard case .batchGet(let ids) = request, let batch = rules.batch else { return base }
        return base + batch.latencyPerItemMs * Double(ids.count)
    }

    /// The body of a successful response, generated from the corpus (outside the lock).
    ///
    /// Inlined into `answer` and `land`: the call cost 13 instructions a request (callgrind,
    /// `unlimited-fast`: 89.30 M -> 89.04 M for 20,200 requests).
    @inline(__always)
    private func payload(_ request: APIRequest) -> Payload {
        switch request {
        case .listIssues(let page):
            var issues: [Issue] = []
            if page >= 1 && page <= rules.lastPage {
                let first = (page - 1) * rules.pageSize + 1
                let last = min(first + rules.pageSize - 1, rules.issueCount)
                // Written over a page dropped earlier, whose storage it reuses where it can.
                issues = recentPages.withLock { $0.takeSpare() }
                corpus.write(first...last, over: &issues)
                // The pages it drops but the spare come back out of the lock, to be freed here.
                _ = recentPages.withLock { $0.insert(firstID: first, issues: issues) }
            }
            return .issuePage(IssuePage(page: page, lastPage: rules.lastPage, issues: issues))
        case .getIssue(let id):
            return .issue(recentPages.withLock { $0.issue(id) } ?? corpus.issue(id))
        case .listComments(let id):
            return .comments(corpus.comments(id))
        case .batchGet(let ids):
            return .batch(ids.map { IssueBundle(issue: corpus.issue($0), comments: corpus.comments($0)) })
        case .addLabel, .addComment:
            return .accepted
        }
    }
}
