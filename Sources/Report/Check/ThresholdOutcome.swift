/// An absolute threshold (`phase3.throughput >= 200`) tested on one row of the current results.
public struct ThresholdOutcome: Codable, Sendable, Equatable {
    /// Why a threshold could not be tested; it then fails.
    public enum Problem: String, Codable, Sendable, CustomStringConvertible {
        /// The scenario ran no row of the threshold's engine.
        case noSuchRow = "no such row"
        /// Every repetition of the row failed.
        case noPassingRepetition = "no passing repetition"
        /// Efficiency of a row without a bound.
        case noFigure = "no such figure: the workload has no bound"

        public var description: String { rawValue }
    }

    public var scenario: String
    /// As written in the scenario.
    public var threshold: String
    /// The row tested, `nil` when there was none.
    public var row: RowKey?
    public var measured: Double?
    public var problem: Problem?
    public var passed: Bool

    public init(scenario: String, threshold: String, row: RowKey?, measured: Double?, problem: Problem?, passed: Bool) {
        self.scenario = scenario
        self.threshold = threshold
        self.row = row
        self.measured = measured
        self.problem = problem
        self.passed = passed
    }
}
