import Contract

/// How long to wait before retrying a request after its n-th failure.
enum Backoff: Sendable, Equatable {
    /// The same wait every time: phase1's naive retry.
    case fixed(Span)
    /// `base · 2^(n−1)`, capped at `cap`, with "equal jitter": half of that step is always waited,
    /// the other half is drawn from a `SplitMix64` keyed by `seed`, the request and `n`. Requests
    /// that failed together spread out instead of retrying in lockstep, there is a floor so a retry
    /// never hammers at once, and a rerun draws exactly the same waits.
    case exponential(base: Span, cap: Span, seed: UInt64)

    /// The wait after failure number `failures` (1 for the first) of the request keyed `key`.
    func delay(afterFailure failures: Int, key: UInt64) -> Span {
        switch self {
        case .fixed(let wait):
            return wait
        case let .exponential(base, cap, seed):
            let shift = Int64(min(max(failures - 1, 0), 62))
            // `base << shift` would overflow long before the cap stops mattering.
            let step = base.nanoseconds > cap.nanoseconds >> shift ? cap.nanoseconds : base.nanoseconds << shift
            let half = step / 2
            guard half > 0 else { return Span(nanoseconds: step) }
            var random = SplitMix64(seed: seed ^ key &* 0xD6E8_FEB8_6659_FD93 ^ UInt64(failures))
            let jitter = Int64(random.next(upperBound: UInt64(half) + 1))
            return Span(nanoseconds: step - half + jitter)
        }
    }
}
