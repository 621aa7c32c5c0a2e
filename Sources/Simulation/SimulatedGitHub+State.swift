import Contract

extension SimulatedGitHub {
    /// Everything the API changes while it runs, behind its one `Mutex`: taken once when a
    /// request arrives (`admit`) and once when it completes (`complete`).
    struct State {
        /// The first request's arrival: windows and outages are counted from it.
        private var origin: Moment?
        private var primary: FixedWindow?
        private var points: FixedWindow?
        private var inFlight = 0
        private(set) var counters = APICounters()
        private var attempts: AttemptTable
        private(set) var ledger: IssueLedger

        init(rules: APIRules) {
            attempts = AttemptTable(slots: rules.issueCount * RequestTarget.Kind.perIssue + rules.lastPage)
            ledger = IssueLedger(issueCount: rules.issueCount, pageSize: rules.pageSize)
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
        /// and its points, whatever happens to it next.
        mutating func admit(_ request: APIRequest, _ target: RequestTarget, endpoint: Int, at now: Moment,
                            rules: APIRules) -> Admission {
            counters.requests += 1
            if target.kind == .batchGet { counters.batchRequests += 1 }
            if let slot = target.slot, attempts.arrive(slot) { counters.retries += 1 }
            let origin = start(at: now, rules: rules)
            primary?.roll(to: now)
            points?.roll(to: now)

            if rules.isDown(endpoint, at: now - origin) {
                counters.outageRejections += 1
                return .rejected(.outage, rate: rate(rules), retryAfter: nil)
            }
            if let spec = rules.primary, let window = primary, window.used >= spec.limit {
                counters.primaryRateLimited += 1
                return .rejected(.primaryLimit(status: spec.status), rate: rate(rules), retryAfter: nil)
            }
            let cost = rules.points(request)
            if let secondary = rules.secondary {
                if let maxConcurrent = secondary.maxConcurrent, inFlight >= maxConcurrent {
                    counters.secondaryRateLimited += 1
                    return .rejected(.secondaryLimit, rate: rate(rules), retryAfter: .seconds(secondary.retryAfterSeconds))
                }
                if let perMinute = secondary.pointsPerMinute, let window = points, window.used + cost > perMinute {
                    counters.secondaryRateLimited += 1
                    return .rejected(.secondaryLimit, rate: rate(rules), retryAfter: window.reset - now)
                }
            }

            primary?.used += 1
            points?.used += cost
            inFlight += 1
            counters.peakInFlight = max(counters.peakInFlight, inFlight)
            return .accepted(attempt: target.slot.map { attempts.accept($0) } ?? 0, rate: rate(rules))
        }

        /// Ends a request that was let through: `failure` is `nil` on success. Reads that
        /// succeed go into the ledger at their `arrival` (a listing page at its `response`);
        /// writes that succeed are applied, and counted as duplicates when applied before.
        mutating func complete(_ request: APIRequest, _ target: RequestTarget, failure: SimulatedFailure?,
                               arrival: Moment, response: Moment) {
            inFlight -= 1
            if let failure {
                if case .transient = failure { counters.transientErrors += 1 }
                return
            }
            counters.successes += 1
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
                counters.writes += 1
                if let label = target.label, ledger.recordLabel(id, label) { counters.duplicateWrites += 1 }
            case .addComment(let id, _):
                counters.writes += 1
                if ledger.recordComment(id) { counters.duplicateWrites += 1 }
            }
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
        private mutating func start(at now: Moment, rules: APIRules) -> Moment {
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
        private func rate(_ rules: APIRules) -> RateLimitHeaders? {
            guard let spec = rules.primary, let window = primary else { return nil }
            return RateLimitHeaders(limit: spec.limit, remaining: max(0, spec.limit - window.used),
                                    used: window.used, reset: window.reset)
        }
    }
}
