import Scenario

/// What `issuebench run` was asked, after parsing and before the scenarios are read.
public struct RunOptions: Sendable, Equatable {
    public var scenarioPaths: [String]
    /// Keep only these engines of each scenario's set.
    public var engines: [String]?
    /// Replace each scenario's `issues.counts`.
    public var sizes: [Int]?
    public var repetitions: Int?
    public var warmup: Int?
    public var clock: ClockMode?
    /// `--set ENGINE.PARAM=VALUE`, in the order given.
    public var overrides: [TunableOverride]

    public init(scenarioPaths: [String], engines: [String]? = nil, sizes: [Int]? = nil, repetitions: Int? = nil,
                warmup: Int? = nil, clock: ClockMode? = nil, overrides: [TunableOverride] = []) {
        self.scenarioPaths = scenarioPaths
        self.engines = engines
        self.sizes = sizes
        self.repetitions = repetitions
        self.warmup = warmup
        self.clock = clock
        self.overrides = overrides
    }
}

/// `--set ENGINE.PARAM=VALUE`.
public struct TunableOverride: Sendable, Equatable {
    public var engine: String
    public var parameter: String
    public var value: Double

    public init(engine: String, parameter: String, value: Double) {
        self.engine = engine
        self.parameter = parameter
        self.value = value
    }

    /// Parses "phase3.maxConnections=8".
    public init(parsing text: String) throws(HarnessError) {
        guard let eq = text.firstIndex(of: "="), let dot = text[..<eq].firstIndex(of: ".") else {
            throw .usage(command: "run", message: "--set: expected ENGINE.PARAM=VALUE, found '\(text)'")
        }
        let valueText = String(text[text.index(after: eq)...])
        guard let value = Double(valueText), value.isFinite else {
            throw .usage(command: "run", message: "--set \(text[..<eq]): expected a number, found '\(valueText)'")
        }
        self.init(engine: String(text[..<dot]), parameter: String(text[text.index(after: dot)..<eq]), value: value)
    }
}
