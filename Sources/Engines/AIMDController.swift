/// Additive-increase, multiplicative-decrease control of a concurrency limit, as TCP controls its
/// congestion window: grow by one while things go well, halve when the server pushes back.
///
/// Optionally starts in "slow start" (one step per signal until the first congestion), which
/// phase3 uses to fill its connection pool at once when nothing pushes back. Decreases are
/// counted in `epoch`: a congestion signal from a request sent before the last decrease is the
/// same congestion seen late, so it does not halve the limit again — otherwise a burst of
/// simultaneous rejections would collapse the limit to its minimum.
struct AIMDController: Sendable, Equatable {
    let minimum: Int
    let maximum: Int
    /// Growth signals per additive step once out of slow start.
    let window: Int
    private(set) var limit: Int
    /// Below this the limit grows by one per signal; at or above it, by one per `window` signals.
    private(set) var threshold: Int
    private(set) var epoch = 0
    private var signals = 0

    /// Starts at `minimum`; with `slowStart`, grows one per signal up to the first congestion.
    init(minimum: Int, maximum: Int, window: Int, slowStart: Bool) {
        self.minimum = max(1, minimum)
        self.maximum = max(self.minimum, maximum)
        self.window = max(1, window)
        limit = self.minimum
        threshold = slowStart ? self.maximum : self.minimum
    }

    /// A request went well (or, for a pool, work waits while everything is busy). Returns whether
    /// the limit grew.
    mutating func recordGrowthSignal() -> Bool {
        guard limit < maximum else { return false }
        if limit < threshold {
            limit += 1
            return true
        }
        signals += 1
        guard signals >= window else { return false }
        signals = 0
        limit += 1
        return true
    }

    /// The server pushed back on a request sent during `seenEpoch`. Halves the limit (not below
    /// `minimum`) unless an earlier signal of the same epoch already did; returns whether the
    /// limit changed.
    mutating func recordCongestion(epoch seenEpoch: Int) -> Bool {
        guard seenEpoch == epoch else { return false }
        epoch += 1
        signals = 0
        let halved = max(minimum, limit / 2)
        threshold = halved
        guard halved != limit else { return false }
        limit = halved
        return true
    }
}
