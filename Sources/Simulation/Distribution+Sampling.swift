#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Scenario

/// Sampling a workload quantity, and its analytic mean for the bound.
///
/// Sampling is a `switch` on the enum and a few libm calls on an `inout` generator: no allocation,
/// no existential, so it is cheap enough to run per request and per issue. The integer stream is
/// bit-for-bit the same everywhere; `log`/`exp`/`cos` come from the platform's libm, which may differ
/// in the last ulp between libm versions — invisible once a sample is rounded to a nanosecond of
/// latency or a byte of text.
extension Distribution {
    /// z of the 99th percentile of the standard normal distribution: Φ⁻¹(0.99).
    static let z99 = 2.3263478740408408

    /// One sample.
    ///
    /// - `fixed(x)`: x, drawing nothing.
    /// - `uniform(min, max)`: min + (max − min)·u, u uniform in [0, 1).
    /// - `normal(mean, stddev)`: mean + stddev·z, clamped at 0 (every quantity here is a latency, a
    ///   size or a count); z by Box–Muller, z = √(−2 ln u₁)·cos(2π u₂), u₁ in (0, 1].
    /// - `lognormal(median, p99)`: e^(μ + σz) = median·e^(σz) with μ = ln(median),
    ///   σ = ln(p99/median)/Φ⁻¹(0.99), so the median and the 99th percentile are exactly the ones
    ///   written in the scenario.
    /// - `exponential(mean)`: −mean·ln(u), u in (0, 1] (inverse transform).
    @inline(__always)
    public func sample(using random: inout SeededRandom) -> Double {
        switch self {
        case .fixed(let x):
            return x
        case .uniform(let low, let high):
            return low + (high - low) * random.nextUnit()
        case .normal(let mean, let stddev):
            return max(0, mean + stddev * Self.standardNormal(using: &random))
        case .lognormal(let median, let p99):
            return median * exp(Self.sigma(median: median, p99: p99) * Self.standardNormal(using: &random))
        case .exponential(let mean):
            return -mean * log(random.nextOpenUnit())
        }
    }

    /// The exact mean, which the bound divides by.
    ///
    /// - uniform: (min + max)/2; exponential: mean; fixed: x.
    /// - lognormal: e^(μ + σ²/2) = median·e^(σ²/2), above the median by the weight of the tail.
    /// - normal: the unclamped mean. Clamping at 0 raises the true mean by
    ///   σ·φ(m/σ) − m·Φ(−m/σ): 0.4 % of the mean at mean = 2·stddev, 0.01 % at 3·stddev. A workload
    ///   whose normal reaches far below 0 should use another distribution.
    public var mean: Double {
        switch self {
        case .fixed(let x): return x
        case .uniform(let low, let high): return (low + high) / 2
        case .normal(let mean, _): return mean
        case .lognormal(let median, let p99):
            let sigma = Self.sigma(median: median, p99: p99)
            return median * exp(sigma * sigma / 2)
        case .exponential(let mean): return mean
        }
    }

    /// Whether every sample is the same number, so a caller may skip drawing.
    public var isFixed: Bool {
        if case .fixed = self { return true }
        return false
    }

    /// σ of a lognormal whose median and 99th percentile are given.
    @inline(__always)
    static func sigma(median: Double, p99: Double) -> Double {
        log(p99 / median) / z99
    }

    /// A standard normal sample by Box–Muller, using one of the pair: keeping the other would
    /// make a sample depend on how many came before it in the stream.
    @inline(__always)
    static func standardNormal(using random: inout SeededRandom) -> Double {
        let radius = (-2 * log(random.nextOpenUnit())).squareRoot()
        return radius * cos(2 * Double.pi * random.nextUnit())
    }
}
