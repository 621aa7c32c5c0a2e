/// A tiny seeded generator (Steele, Lea and Flood's SplitMix64, as in Vigna's splitmix64.c): the
/// engines draw their jitter from it, and tests their "random" data. Seeded, so that a run is the
/// same every time: under the virtual clock a trial must be bit-identical run to run, which
/// `SystemRandomNumberGenerator` would break, and a failing test must replay.
///
/// In Contract, the lowest module, so that every module and test target shares this one copy.
/// `@inlinable`, so that a caller in another module pays no function call per number.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The Weyl-sequence increment: the golden ratio in 64 bits, odd, so the state visits every value.
    @inlinable public static var gamma: UInt64 { 0x9E37_79B9_7F4A_7C15 }

    @usableFromInline var state: UInt64

    /// A generator whose state starts at `seed` itself, as in splitmix64.c: its first number is
    /// `finalize(seed &+ gamma)`.
    @inlinable public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    @inlinable public mutating func next() -> UInt64 {
        state &+= Self.gamma
        return Self.finalize(state)
    }

    /// SplitMix64's output function (Stafford's "Mix13" variant of the MurmurHash3 finaliser):
    /// a bijection on 64 bits in which every input bit affects every output bit.
    @inlinable public static func finalize(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
