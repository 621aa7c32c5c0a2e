import Contract

/// What a number field accepts, and how the rule reads in a message.
enum NumberRule {
    case any
    /// `>= bound`; with a name when the bound is another field: "a number >= median (8)".
    case atLeast(Double, name: String? = nil)
    case above(Double)
    case within(ClosedRange<Double>)

    func admits(_ x: Double) -> Bool {
        switch self {
        case .any: true
        case .atLeast(let bound, _): x >= bound
        case .above(let bound): x > bound
        case .within(let range): range.contains(x)
        }
    }

    var expected: String {
        switch self {
        case .any: "a number"
        case .atLeast(let bound, nil): "a number >= \(format(bound))"
        case .atLeast(let bound, let name?): "a number >= \(name) (\(format(bound)))"
        case .above(let bound): "a number > \(format(bound))"
        case .within(let range): "a number in \(format(range.lowerBound))...\(format(range.upperBound))"
        }
    }
}
