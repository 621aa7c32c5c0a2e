#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Contract

extension Distribution {
    /// The five forms, in the order messages list them.
    static let forms = ["fixed", "uniform", "normal", "lognormal", "exponential"]

    /// `{"fixed": x}`, `{"uniform": {"min", "max"}}`, `{"normal": {"mean", "stddev"}}`,
    /// `{"lognormal": {"median", "p99"}}` or `{"exponential": {"mean"}}`. Every parameter is finite
    /// and >= 0 (a negative latency or size means nothing); a lognormal needs median > 0 and
    /// p99 >= median to have a shape, an exponential mean > 0 to have a rate. No sample may exceed
    /// `cap` (see `largestSample`), so that a heavy tail cannot reach a value the harness cannot
    /// turn into nanoseconds or a count.
    init(from field: Field, samplesAtMost cap: Double) throws(ScenarioError) {
        try self.init(parametersFrom: field)
        let largest = largestSample
        guard largest <= cap else {
            throw field.fail(expected: "a distribution whose samples stay <= \(format(cap))",
                             found: "one whose samples reach \(largest.isFinite ? format(largest) : "infinity")")
        }
    }

    /// The largest value sampling can return. Samples come from 53-bit uniforms, so a standard
    /// normal (Box–Muller) stays within ±√(2·53·ln 2) ≈ ±8.6 and −ln u below 53·ln 2 ≈ 36.8; the
    /// bounds used here, 9 and 40, hold for any uniform finer than 1e-17.
    var largestSample: Double {
        switch self {
        case .fixed(let x): x
        case .uniform(_, let max): max
        case .normal(let mean, let stddev): mean + 9 * stddev
        // median·e^(9σ) with σ = ln(p99/median)/z99: the ratio to the power 9/z99.
        case .lognormal(let median, let p99): median * pow(p99 / median, 9 / 2.3263478740408408)
        case .exponential(let mean): 40 * mean
        }
    }

    private init(parametersFrom field: Field) throws(ScenarioError) {
        let list = Self.forms.joined(separator: ", ")
        let object = try field.object(keys: Self.forms, expected: "a distribution: an object with one of \(list)")
        guard object.members.count == 1, let form = object.members.first?.key else {
            let present = object.members.map(\.key)
            throw field.fail(expected: "exactly one of \(list)",
                             found: present.isEmpty ? "an empty object" : present.joined(separator: " and "))
        }
        let parameters = object[form]
        switch form {
        case "fixed":
            self = .fixed(try parameters.number(.atLeast(0)))
        case "uniform":
            let p = try parameters.object(keys: ["min", "max"])
            let min = try p["min"].number(.atLeast(0))
            self = .uniform(min: min, max: try p["max"].number(.atLeast(min, name: "min")))
        case "normal":
            let p = try parameters.object(keys: ["mean", "stddev"])
            self = .normal(mean: try p["mean"].number(.atLeast(0)), stddev: try p["stddev"].number(.atLeast(0)))
        case "lognormal":
            let p = try parameters.object(keys: ["median", "p99"])
            let median = try p["median"].number(.above(0))
            self = .lognormal(median: median, p99: try p["p99"].number(.atLeast(median, name: "median")))
        default:
            let p = try parameters.object(keys: ["mean"])
            self = .exponential(mean: try p["mean"].number(.above(0)))
        }
    }
}
