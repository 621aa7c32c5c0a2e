import Contract
import Scenario

extension SimulatedGitHub {
    /// Everything the API changes while it runs, behind its one `Mutex`: taken once when a
    /// request arrives (`admit`) and once when it completes (`complete`).
    struct State: ~Copyable {
        /// The first request's arrival: windows and outages are counted from it.
        private var origin: Moment?
        private var primary: FixedWindow?
        private var points: FixedWindow?
        private var inFlight = 0
        /// Whether any comment was posted: until then reads need no `commentCount` correction.
        private var commentsPosted = false
        private(set) var counters = APICounters()
        private var attempts: AttemptTable
        private(set) var ledger: IssueLedger
        /// Outage windows by endpoint index, as offsets from the first request.
        private let outages: [[Range<Span>]]
        /// The API's rules, kept here too: a closure that hands them to the state from outside
        /// would copy all of them (some 300 bytes) on every request.
        private let rules: APIRules

        init(rules: APIRules, api: APISpec) {
            self.rules = rules
            attempts = AttemptTable(slots: rules.issueCount * RequestTarget.Kind.perIssue + rules.lastPage)
            ledger = IssueLedger(issueCount: rules.issueCount, pageSize: rules.pageSize)
            outages = api.endpoints.map { endpoint in
                api.outages.filter { $0.endpoint == endpoint }.map { outage in
                    let start = Span.seconds(outage.atSeconds)
                    return start ..< start + Span.seconds(outage.forSeconds)
                }
            }
        }

        /// What became of a request on arrival.
        enum Admission {
            /// In flight; `attempt` keys its random stream.
            case accepted(attempt: UInt64, rate: RateLimitHeaders?)
            case rejected(SimulatedFailure, rate: RateLimitHeaders?, retryAfter: Span?)
        }

        /// Counts an arrival and applies, in order, the endpoint's outage, the primary window, the
        /// secondary limit on requests in flight and the one on points per minute. A request
        /// turned away spends no budget; one let through spends a request of the primary window
        /// and its points, whatever happens to it next. The attempt table learns of the arrival and
        /// of its acceptance in one update, once the limits have decided.
        ///
        /// Inlined: called from both `SimulatedGitHub.arrive` and `.answer`, it was left out of
        /// line once `RequestTarget.problem` became plain, and the call cost some 50 instructions
        /// a request (callgrind, `unlimited-fast`).
        @inline(__always)
        mutating func admit(_ request: APIRequest, _ target: RequestTarget, endpoint: Int, at now: Moment) -> Admission {
            // Without a limit (`APIRules.limited`), `refusal` is skipped: some 70 instructions a
            // request (callgrind, `unlimited-fast`).
            let refusal = rules.limited ? refusal(of: request, endpoint: endpoint, at: now) : nil
            let attempt = arrive(target, accepted: refusal == nil)
            if let refusal { return .rejected(refusal.failure, rate: rate(), retryAfter: refusal.retryAfter) }
            primary?.used += 1
            points?.used += rules.points(request)
            return .accepted(attempt: attempt, rate: rate())
        }

        /// `admit` and `complete` of a request that succeeds at once on an API without limits
        /// (`APIRules.limited` false): no limit to apply, no window to spend, no headers to return.
        /// Its own path, not `admit`'s: the limits' code, inlined into `SimulatedGitHub.answer` for
        /// nothing, cost 43 instructions a request (callgrind, `unlimited-fast`: 86.61 M -> 85.74 M
        /// for 20,200 requests).
        @inline(__always)
        mutating func serve(_ request: APIRequest, _ target: RequestTarget, arrival: Moment, response: Moment,
                            payload: inout Payload?) {
            _ = arrive(target, accepted: true)
            complete(request, target, failure: nil, lost: false, arrival: arrival, response: response,
                     payload: &payload)
        }

        /// Counts an arrival; the attempt table learns of it and of its acceptance in one update.
        /// Returns how many times the same request was accepted before, which keys its stream.
        @inline(__always)
        private mutating func arrive(_ target: RequestTarget, accepted: Bool) -> UInt64 {
            counters.requests += 1
            if target.kind == .batchGet { counters.batchRequests += 1 }
            if accepted {
                inFlight += 1
                counters.peakInFlight = max(counters.peakInFlight, inFlight)
            }
            guard let slot = target.slot else { return 0 }
            let before = attempts.arrive(slot, accepted: accepted)
            if before.arrived { counters.retries += 1 }
            return before.accepted
        }

        /// Why a request arriving `now` is turned away, counted, or `nil` when the limits let it
        /// through (see `admit`).
        private mutating func refusal(of request: APIRequest, endpoint: Int,
                                      at now: Moment) -> (failure: SimulatedFailure, retryAfter: Span?)? {
            let origin = start(at: now)
            primary?.roll(to: now)
            points?.roll(to: now)

            if !outages[endpoint].isEmpty, Self.isDown(outages[endpoint], at: now - origin) {
                counters.outageRejections += 1
                return (.outage, nil)
            }
            if let spec = rules.primary, let window = primary, window.used >= spec.limit {
                counters.primaryRateLimited += 1
                return (.primaryLimit(status: spec.status), nil)
            }
            if let secondary = rules.secondary {
                if let maxConcurrent = secondary.maxConcurrent, inFlight >= maxConcurrent {
                    counters.secondaryRateLimited += 1
                    return (.secondaryLimit, .seconds(secondary.retryAfterSeconds))
                }
                if let perMinute = secondary.pointsPerMinute, let window = points,
                   window.used + rules.points(request) > perMinute {
                    counters.secondaryRateLimited += 1
                    return (.secondaryLimit, window.reset - now)
                }
            }
            return nil
        }

        /// Ends a request that was let through: `failure` is `nil` on success, and `lost` says
        /// that a write which failed was applied all the same (its response was lost after the
        /// change). Reads that succeed go into the ledger at their `arrival` (a listing page at
        /// its `response`); writes that were applied go into the ledger, counted as duplicates
        /// when they repeat a side effect and as redundant when they change nothing. Once a
        /// comment has been posted, `payload` (a successful read's) counts it in its issues'
        /// `commentCount`, as GitHub's `comments` field does.
        mutating func complete(_ request: APIRequest, _ target: RequestTarget, failure: SimulatedFailure?, lost: Bool,
                               arrival: Moment, response: Moment, payload: inout Payload?) {
            inFlight -= 1
            if let failure {
                if case .transient = failure { counters.transientErrors += 1 }
                guard lost else { return }
                counters.lostResponses += 1
            } else {
                counters.successes += 1
                if request.isWrite { counters.writes += 1 }
            }
            switch request {
            case .listIssues(let page):
                if target.slot != nil { ledger.recordPageListed(page, at: response) }
            case .getIssue(let id):
                ledger.recordIssueRead(id, at: arrival)
            case .listComments(let id):
                ledger.recordCommentsRead(id, at: arrival)
            case .batchGet(let ids):
                for id in ids {
                    ledger.recordIssueRead(id, at: arrival)
                    ledger.recordCommentsRead(id, at: arrival)
                }
            case .addLabel(let id, _):
                guard let label = target.label else { break }
                switch ledger.recordLabel(id, label) {
                case .first: break
                case .redundant: counters.redundantWrites += 1
                case .another: counters.duplicateWrites += 1
                }
            case .addComment(let id, _):
                commentsPosted = true
                if ledger.recordComment(id) { counters.duplicateWrites += 1 }
            }
            if commentsPosted, payload != nil { countPostedComments(in: &payload!) }
        }

        /// Adds the comments posted through the API to the `commentCount` of the issues in a read.
        private func countPostedComments(in payload: inout Payload) {
            switch payload {
            case .issue(var issue):
                issue.commentCount += ledger.commentsPosted(issue.id)
                payload = .issue(issue)
            case .issuePage(var page):
                for i in page.issues.indices { page.issues[i].commentCount += ledger.commentsPosted(page.issues[i].id) }
                payload = .issuePage(page)
            case .batch(var bundles):
                for i in bundles.indices {
                    bundles[i].issue.commentCount += ledger.commentsPosted(bundles[i].issue.id)
                }
                payload = .batch(bundles)
            case .comments, .accepted, .failure:
                break
            }
        }

        /// Whether an endpoint with these `outages` is down `sinceFirst` after the first request.
        /// Static, given the endpoint's windows: a method of the state made `admit` copy all of it
        /// (some 600 bytes) on every request.
        private static func isDown(_ outages: [Range<Span>], at sinceFirst: Span) -> Bool {
            outages.contains { $0.contains(sinceFirst) }
        }

        /// Counts a connection; returns its id.
        mutating func openConnection() -> Int {
            counters.connectionsOpened += 1
            return counters.connectionsOpened
        }

        /// Ends a request whose task was cancelled while it waited for its latency.
        mutating func abandon() {
            inFlight -= 1
        }

        /// The first request's arrival, fixing it (and the first windows) on the first call.
        private mutating func start(at now: Moment) -> Moment {
            if let origin { return origin }
            origin = now
            if let spec = rules.primary {
                primary = FixedWindow(length: .seconds(spec.windowSeconds),
                                      firstEnd: now + .seconds(spec.resetSeconds ?? spec.windowSeconds),
                                      used: spec.limit - (spec.remaining ?? spec.limit))
            }
            if rules.secondary?.pointsPerMinute != nil {
                points = FixedWindow(length: .seconds(60), firstEnd: now + .seconds(60))
            }
            return now
        }

        /// The primary-limit headers as they stand, when there is a primary limit.
        private func rate() -> RateLimitHeaders? {
            guard let spec = rules.primary, let window = primary else { return nil }
            return RateLimitHeaders(limit: spec.limit, remaining: max(0, spec.limit - window.used),
                                    used: window.used, reset: window.reset)
        }
    }
}
