import Contract
import Synchronization

/// Phase3's rate-limit manager: paces requests on the primary limit's headers so the window's
/// budget is spent without being rejected.
///
/// It tracks an estimate of the budget left in the current window (the lowest `remaining` a
/// response reported, less the requests admitted since and not yet answered) and how many
/// requests the engine still expects to send (`expect`). While the budget covers that demand,
/// requests go at once — a budget the run will not exhaust must not slow it down. Once the demand
/// exceeds the budget, what is left is spread evenly over the time left until `reset`, and when
/// it is spent, requests wait for the next window (bursting to the limit and then waiting would
/// finish no sooner, but it collects a rejection per request in flight). Nothing is paced before
/// the first response with headers, nor when the API has no primary limit: then `admit` and
/// `observe` are one atomic load each, since they run for every request.
final class RateLimitPacer: Sendable {
    private struct State: Sendable {
        var limit = 0
        /// End of the current window; `nil` until known (at the start, and after it rolled over
        /// until a response from the new window says when that one ends).
        var reset: Moment?
        var remaining = 0
        /// Admitted and not yet answered.
        var outstanding = 0
        /// Requests the engine still expects to send; `nil` while unknown, which paces.
        var demand: Int?
        /// The last paced request's slot; `nil` before pacing started.
        var lastSlot: Moment?
    }

    private let engaged = Atomic<Bool>(false)
    private let state = Mutex(State())

    /// The engine expects to send `requests` more requests.
    func expect(_ requests: Int) {
        state.withLock { $0.demand = max(0, requests) }
    }

    /// Admits one request: returns when it may be sent, `nil` for at once.
    func admit(clock: any HarnessClock) -> Moment? {
        guard engaged.load(ordering: .relaxed) else { return nil }
        let now = clock.now()
        return state.withLock { state -> Moment? in
            state.demand = state.demand.map { max(0, $0 - 1) }
            state.outstanding += 1
            if let reset = state.reset, now >= reset {
                state.reset = nil
                state.remaining = state.limit
            }
            guard let reset = state.reset else {
                state.remaining -= 1
                return nil
            }
            guard state.remaining > 0 else { return reset }
            state.remaining -= 1
            if let demand = state.demand, demand <= state.remaining { return nil }
            // The first paced request goes at once; each next one a fair share of the time left
            // later, that share leaving one more step before the reset than units left (this one
            // and `remaining`), so the last one lands inside the window.
            let base = max(now, state.lastSlot ?? now)
            let step = Span(nanoseconds: (reset - base).nanoseconds / Int64(state.remaining + 2))
            let slot = state.lastSlot.map { max(now, $0 + step) } ?? now
            state.lastSlot = slot
            return slot > now ? slot : nil
        }
    }

    /// Learns from one answer's rate-limit headers (`nil` when the API has no primary limit).
    func observe(_ rate: RateLimitHeaders?) {
        guard let rate else {
            if engaged.load(ordering: .relaxed) { state.withLock { $0.outstanding = max(0, $0.outstanding - 1) } }
            return
        }
        if !engaged.load(ordering: .relaxed) { engaged.store(true, ordering: .relaxed) }
        state.withLock { state in
            state.outstanding = max(0, state.outstanding - 1)
            state.limit = rate.limit
            let estimate = rate.remaining - state.outstanding
            if let reset = state.reset, rate.reset <= reset {
                if rate.reset == reset { state.remaining = min(state.remaining, estimate) }
            } else {
                state.reset = rate.reset
                state.remaining = estimate
            }
        }
    }
}
