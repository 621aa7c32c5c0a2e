import Contract

/// The simulation's pseudo-random generator: Contract's `SplitMix64`, seeded through its finaliser.
///
/// Our own generator rather than the standard library's, because `SystemRandomNumberGenerator`
/// cannot be seeded and the standard library promises no stable algorithm: a scenario's seed must
/// give the same corpus, latencies and errors on every machine and every toolchain. SplitMix64
/// (Steele, Lea & Flood, 2014; the generator behind Java's `SplittableRandom`) passes BigCrush,
/// keeps 8 bytes of state and costs one add and one finaliser per number, which matters because
/// the corpus draws a number per word.
///
/// Streams are not advanced from one shared generator: every consumer (an issue's text, a
/// request's latency) derives its own with `mix`, so what it sees does not depend on the order in
/// which concurrent tasks ask.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var generator: SplitMix64

    /// A generator whose stream is a pure function of `seed`. The seed goes through the
    /// finaliser first, so neighbouring seeds (42, 43) give unrelated streams instead of the same
    /// Weyl sequence shifted by one step.
    public init(seed: UInt64) {
        generator = SplitMix64(seed: SplitMix64.finalize(seed))
    }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        generator.next()
    }

    /// A uniform number in [0, 1): the top 53 bits, which a `Double` holds exactly.
    @inline(__always)
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform number in (0, 1]: for `log(u)`, which must never see 0.
    @inline(__always)
    public mutating func nextOpenUnit() -> Double {
        Double((next() >> 11) + 1) * 0x1p-53
    }

    /// A uniform integer in 0 ..< `bound` (`bound` > 0), by Lemire's multiply-shift; the bias,
    /// below bound/2^64, is far under anything the simulation can observe, so no rejection loop.
    @inline(__always)
    public mutating func next(below bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in 0 ..< `bound` (`bound` > 0) from the low 32 bits of `bits`, bits a
    /// caller already drew: multiply-shift, as `next(below:)`, where a `%` would cost a division.
    @inline(__always)
    public static func scale(_ bits: UInt64, below bound: Int) -> Int {
        // Parenthesised: `&>>` binds tighter than `&*`, and without them this shifted `bound`
        // and returned 0 for every bound below 2³².
        Int(truncatingIfNeeded: ((bits & 0xFFFF_FFFF) &* UInt64(truncatingIfNeeded: bound)) &>> 32)
    }

    // MARK: - Stateless mixing

    /// A well-spread 64-bit key for (`a`, `b`): the seed of a derived stream, e.g.
    /// `SeededRandom(seed: mix(scenarioSeed, issueID))`. Order matters: `mix(a, b) != mix(b, a)`.
    ///
    /// Each step feeds the running hash and the next word through the SplitMix64 finaliser,
    /// a bijection, so for a fixed prefix distinct last words give distinct keys. Fixed-arity
    /// overloads instead of a variadic one: a variadic call builds an array, and this runs per
    /// request.
    @inline(__always)
    public static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        finalize(finalize(a &+ SplitMix64.gamma) ^ b)
    }

    /// A well-spread key for (`a`, `b`, `c`); see `mix(_:_:)`.
    @inline(__always)
    public static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        finalize(mix(a, b) ^ c)
    }

    /// A well-spread key for (`a`, `b`, `c`, `d`); see `mix(_:_:)`.
    @inline(__always)
    public static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> UInt64 {
        finalize(mix(a, b, c) ^ d)
    }

    /// SplitMix64's finaliser, a bijection on 64 bits: how streams' keys are finished.
    @inline(__always)
    static func finalize(_ x: UInt64) -> UInt64 {
        SplitMix64.finalize(x)
    }
}
