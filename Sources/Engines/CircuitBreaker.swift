import Contract

/// Health of one endpoint: closed (in use), open (skipped until a cooldown ends) or half-open
/// (one probe request decides). Pure state: the caller passes the time and holds the lock.
struct CircuitBreaker: Sendable, Equatable {
    enum State: Sendable, Equatable {
        /// In use; `failures` consecutive failures so far.
        case closed(failures: Int)
        /// Skipped until `until`.
        case open(until: Moment)
        /// One probe is out; its answer closes or re-opens the breaker.
        case halfOpen
    }

    /// Consecutive failures that open the breaker.
    let threshold: Int
    let cooldown: Span
    private(set) var state = State.closed(failures: 0)

    init(threshold: Int, cooldown: Span) {
        self.threshold = max(1, threshold)
        self.cooldown = cooldown
    }

    /// Closed with no failure counted: nothing to update on a success.
    var isPristine: Bool { state == .closed(failures: 0) }

    /// Whether a request may go to this endpoint now. An open breaker whose cooldown is over lets
    /// exactly this one request through as the probe.
    mutating func allowsRequest(at now: Moment) -> Bool {
        switch state {
        case .closed:
            return true
        case .open(let until):
            guard now >= until else { return false }
            state = .halfOpen
            return true
        case .halfOpen:
            return false
        }
    }

    mutating func recordSuccess() {
        state = .closed(failures: 0)
    }

    mutating func recordFailure(at now: Moment) {
        switch state {
        case .closed(let failures):
            state = failures + 1 >= threshold ? .open(until: now + cooldown) : .closed(failures: failures + 1)
        case .halfOpen:
            state = .open(until: now + cooldown)
        case .open:
            break
        }
    }
}
