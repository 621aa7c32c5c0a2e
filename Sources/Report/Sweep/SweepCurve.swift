import Measurement

/// One engine's rows along one dimension of a sweep, the other dimensions held at fixed values:
/// what a line of the sweep chart shows, with its best point and its knee.
public struct SweepCurve: Sendable {
    public struct Point: Sendable {
        /// The value on `dimension`; `nil` for an engine that did not vary (measured once).
        public var x: Double?
        public var row: Summary
    }

    /// The knee is the first point whose throughput is at most this many percent below the best.
    public static let kneePercent = 5.0

    public var engine: String
    /// The dimension along which the points lie; `nil` when the engine varied in nothing here
    /// (it ran with its defaults, once per point of the others, as the comparison).
    public var dimension: SweepDimension?
    /// The values of the engine's other dimensions, held fixed along the curve.
    public var fixed: [(dimension: SweepDimension, value: String)]
    /// In ascending `x`.
    public var points: [Point]
    /// The engine, followed by the fixed values that tell this curve from the engine's others.
    public var label: String

    /// The verified point with the highest median throughput (the smallest `x` among equals).
    public var best: Point? { Self.bestAndKnee(points)?.best }

    /// The smallest `x` whose throughput is within 5 % of the best: where adding more stops paying.
    public var knee: Point? { Self.bestAndKnee(points)?.knee }

    /// Best and knee of `points`: only verified points with an `x` and a throughput above zero count.
    static func bestAndKnee(_ points: [Point]) -> (best: Point, knee: Point)? {
        let candidates = points.filter { $0.x != nil && $0.row.verified && $0.row.throughput.median > 0 }
            .sorted { $0.x! < $1.x! }
        guard let best = candidates.max(by: { $0.row.throughput.median < $1.row.throughput.median }) else { return nil }
        // `max(by:)` returns the last of equals; the best is the first of them.
        let top = best.row.throughput.median
        let first = candidates.first { $0.row.throughput.median == top }!
        let knee = candidates.first { $0.row.throughput.median >= top * (100 - kneePercent) / 100 }!
        return (first, knee)
    }
}
