/// One tunable of an engine: what `issuebench list` shows and what sweeps vary.
public struct ParameterSpec: Sendable, Equatable {
    public var name: String
    public var defaultValue: Double
    public var range: ClosedRange<Double>
    /// Whole numbers only (counts, sizes).
    public var isInteger: Bool
    /// One line on what it does.
    public var meaning: String

    public init(_ name: String, default defaultValue: Double, range: ClosedRange<Double>,
                integer isInteger: Bool = true, _ meaning: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.range = range
        self.isInteger = isInteger
        self.meaning = meaning
    }
}

/// An engine's tunables after defaults and overrides: every declared parameter has a value.
public struct Tuning: Sendable, Equatable {
    public private(set) var values: [String: Double]

    /// Fills in defaults and checks each override: a name the engine declares, a value in range,
    /// a whole number where one is required.
    public init(engine: String, parameters: [ParameterSpec], overrides: [String: Double]) throws(TuningError) {
        var values: [String: Double] = [:]
        for p in parameters { values[p.name] = p.defaultValue }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let spec = parameters.first(where: { $0.name == name }) else {
                throw .unknownParameter(engine: engine, name: name,
                                        suggestion: nearest(to: name, in: parameters.map(\.name)),
                                        known: parameters.map(\.name))
            }
            guard value.isFinite, spec.range.contains(value) else {
                throw .outOfRange(engine: engine, name: name, value: value, range: spec.range)
            }
            guard !spec.isInteger || value == value.rounded() else {
                throw .notInteger(engine: engine, name: name, value: value)
            }
            values[name] = value
        }
        self.values = values
    }

    /// The value of a declared parameter.
    public func double(_ name: String) -> Double {
        guard let v = values[name] else { preconditionFailure("tunable '\(name)' was never declared") }
        return v
    }

    /// The value of a declared whole-number parameter.
    public func int(_ name: String) -> Int { Int(double(name)) }
}

/// A tunable override that does not fit the engine's declaration.
public enum TuningError: Error, Equatable, CustomStringConvertible {
    case unknownParameter(engine: String, name: String, suggestion: String?, known: [String])
    case outOfRange(engine: String, name: String, value: Double, range: ClosedRange<Double>)
    case notInteger(engine: String, name: String, value: Double)

    public var description: String {
        switch self {
        case let .unknownParameter(engine, name, suggestion, known):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return "\(engine) has no tunable '\(name)'\(hint); it has: \(known.joined(separator: ", "))"
        case let .outOfRange(engine, name, value, range):
            return "\(engine).\(name): expected a number in \(format(range.lowerBound))...\(format(range.upperBound)), found \(format(value))"
        case let .notInteger(engine, name, value):
            return "\(engine).\(name): expected a whole number, found \(format(value))"
        }
    }
}

/// Prints whole numbers without a trailing ".0".
public func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 9e18 ? String(Int64(value)) : String(value)
}
