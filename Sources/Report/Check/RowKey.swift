import Contract
import Measurement

/// Which row of results a comparison or a threshold is about: scenario × size × engine × tuning.
public struct RowKey: Codable, Sendable, Hashable, CustomStringConvertible {
    public var scenario: String
    public var engine: String
    public var issues: Int
    /// Every tunable of the engine as it ran, defaults included.
    public var tuning: [String: Double]

    public init(scenario: String, engine: String, issues: Int, tuning: [String: Double]) {
        self.scenario = scenario
        self.engine = engine
        self.issues = issues
        self.tuning = tuning
    }

    init(_ summary: Summary) {
        self.init(scenario: summary.scenario, engine: summary.engine, issues: summary.issues, tuning: summary.tuning)
    }

    /// "seed · phase3 (maxConnections=20) · 1,000 issues": the whole tuning, since a message must
    /// tell apart rows that differ only there.
    public var description: String {
        let tunables = tuning.isEmpty ? "" : " (\(ReportTable.tuningLabel(tuning, separator: ", ")))"
        return "\(scenario) · \(engine)\(tunables) · \(NumberFormat.integer(issues)) issues"
    }
}
