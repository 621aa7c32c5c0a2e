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
    /// Workload values set by JSON path before decoding (sweeps: `api.latencyMs.fixed=10`).
    public var patches: [WorkloadPatch] = []

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

    /// Parses "phase3.maxConnections=8"; errors are reported as `command`'s.
    public init(parsing text: String, command: String = "run") throws(HarnessError) {
        guard let eq = text.firstIndex(of: "="), let dot = text[..<eq].firstIndex(of: ".") else {
            throw .usage(command: command, message: "--set: expected ENGINE.PARAM=VALUE, found '\(text)'")
        }
        let valueText = String(text[text.index(after: eq)...])
        guard let value = Double(valueText), value.isFinite else {
            throw .usage(command: command, message: "--set \(text[..<eq]): expected a number, found '\(valueText)'")
        }
        self.init(engine: String(text[..<dot]), parameter: String(text[text.index(after: dot)..<eq]), value: value)
    }
}

/// A value set at a JSON path of the scenario before it is decoded, as text (`10`, `[1,2]`,
/// `"virtual"`), so that it travels to the trial's child process unchanged.
public struct WorkloadPatch: Codable, Sendable, Equatable {
    public var path: String
    public var value: String

    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }

    /// The patches as the scenario decoder takes them; errors name the patch.
    static func decoded(_ patches: [WorkloadPatch]) throws(HarnessError) -> [JSONPatch] {
        var result: [JSONPatch] = []
        for p in patches {
            do { result.append(try JSONPatch(path: p.path, valueText: p.value)) } catch {
                throw .usage(command: "sweep", message: "\(p.path)=\(p.value): \(error.description.drop { $0 == ":" || $0 == " " })")
            }
        }
        return result
    }
}
