/// The full grid of a sweep: every combination of its axes' values, the first axis varying
/// slowest. At most `maxPoints` points, so a typo in a range cannot start a week of trials.
public struct SweepGrid: Sendable, Equatable {
    public static let maxPoints = 10_000

    public let axes: [SweepAxis]

    /// Checks that there is at least one axis, that no axis is given twice, and the grid's size.
    public init(_ axes: [SweepAxis]) throws(HarnessError) {
        guard !axes.isEmpty else {
            throw .usage(command: "sweep", message: "expected at least one --vary ENGINE.PARAM=v1,v2,... or PATH=v1,v2,...; the grid is empty")
        }
        for (index, axis) in axes.enumerated() where axes[..<index].contains(where: { $0.name == axis.name }) {
            throw .usage(command: "sweep", message: "--vary \(axis.name) is given twice; give all its values in one --vary")
        }
        var count = 1
        for axis in axes {
            let (product, overflow) = count.multipliedReportingOverflow(by: axis.values.count)
            count = overflow ? .max : product
        }
        guard count <= Self.maxPoints else {
            let sizes = axes.map { String($0.values.count) }.joined(separator: " × ")
            let total = count == .max ? "more than \(Self.maxPoints)" : String(count)
            throw .usage(command: "sweep", message: "--vary: the grid has \(total) points (\(sizes)); a sweep has at most \(Self.maxPoints)")
        }
        self.axes = axes
    }

    /// Every combination of values, one per axis, the first axis varying slowest.
    public var points: [[String]] {
        axes.reduce([[]]) { points, axis in points.flatMap { point in axis.values.map { point + [$0] } } }
    }

    /// The workload values of each point, without repeats, in grid order (one empty point when no
    /// axis varies the workload).
    public var workloadPoints: [[WorkloadPatch]] {
        var seen: Set<[String]> = []
        return points.compactMap { point in
            let workload = zip(axes, point).filter { $0.0.engine == nil }
            guard seen.insert(workload.map(\.1)).inserted else { return nil }
            return workload.compactMap { axis, value in axis.patch(value) }
        }
    }

    /// The tunables of `engine` that each point sets, without repeats, in grid order; empty when
    /// no axis names the engine (it runs with its defaults).
    public func tunings(for engine: String) -> [[String: Double]] {
        guard axes.contains(where: { $0.engine == engine }) else { return [] }
        var seen: Set<[String: Double]> = []
        return points.compactMap { point in
            var tuning: [String: Double] = [:]
            for (axis, value) in zip(axes, point) {
                if case let .tunable(owner, parameter) = axis.target, owner == engine { tuning[parameter] = Double(value)! }
            }
            return seen.insert(tuning).inserted ? tuning : nil
        }
    }
}
