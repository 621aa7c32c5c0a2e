/// One engine's throughput as one tunable varies: what a sweep measured, ready to plot.
public struct SweepSeries: Codable, Sendable, Equatable {
    public struct Point: Codable, Sendable, Equatable {
        /// The tunable's value.
        public var x: Double
        /// Median throughput, issues/s.
        public var y: Double
        /// What the workload allows at best at this value, issues/s; `nil` when nothing limits it.
        public var bound: Double?

        public init(x: Double, y: Double, bound: Double?) {
            self.x = x
            self.y = y
            self.bound = bound
        }
    }

    public var engine: String
    /// The tunable varied: "maxConcurrency".
    public var parameter: String
    public var points: [Point]
    /// Where adding more of the tunable stops paying, if the sweep found one.
    public var knee: Double?
    /// The value with the highest throughput.
    public var best: Double?
    /// The engine did not vary along `parameter`: it was measured once (with its defaults, for
    /// comparison), and `points` repeat that figure at each value, drawn as a level line.
    public var measuredOnce: Bool

    public init(engine: String, parameter: String, points: [Point], knee: Double? = nil, best: Double? = nil,
                measuredOnce: Bool = false) {
        self.engine = engine
        self.parameter = parameter
        self.points = points
        self.knee = knee
        self.best = best
        self.measuredOnce = measuredOnce
    }
}
