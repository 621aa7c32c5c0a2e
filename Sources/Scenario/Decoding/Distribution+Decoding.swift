extension Distribution {
    /// The five forms, in the order messages list them.
    static let forms = ["fixed", "uniform", "normal", "lognormal", "exponential"]

    /// `{"fixed": x}`, `{"uniform": {"min", "max"}}`, `{"normal": {"mean", "stddev"}}`,
    /// `{"lognormal": {"median", "p99"}}` or `{"exponential": {"mean"}}`. Every parameter is finite
    /// and >= 0 (a negative latency or size means nothing); a lognormal needs median > 0 and
    /// p99 >= median to have a shape, an exponential mean > 0 to have a rate.
    init(from field: Field) throws(ScenarioError) {
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
