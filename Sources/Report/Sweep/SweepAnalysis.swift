import Measurement

/// A sweep's rows laid out on its grid: the dimensions it varied, their values, each engine's row
/// at each grid point, and each engine's curves with their best and knee.
///
/// Built from the summaries alone, so `sweep` and a later `report` of the same results file agree.
/// An engine a tunable dimension does not name was run once per point of the other dimensions
/// (with its defaults, as the comparison): its row fills every value of that dimension.
public struct SweepAnalysis: Sendable {
    public let dimensions: [SweepDimension]
    /// Each dimension's values, ascending (numerically when they are all numbers).
    public let values: [[String]]
    /// The engines, by name.
    public let engines: [String]
    private let rows: [Key: Summary]

    private struct Key: Hashable {
        var engine: String
        /// The row's values on the dimensions that apply to its engine, in dimension order.
        var values: [String]
    }

    /// `nil` when the rows are not a sweep (no tunable or workload value varies).
    public init?(_ summaries: [Summary]) {
        let dimensions = SweepDimension.inferred(from: summaries)
        guard !dimensions.isEmpty else { return nil }
        self.dimensions = dimensions
        values = dimensions.map { dimension in Self.sorted(Set(summaries.compactMap { dimension.value(of: $0) })) }
        engines = Set(summaries.map(\.engine)).sorted()
        var rows: [Key: Summary] = [:]
        for row in summaries {
            let key = Key(engine: row.engine, values: dimensions.filter { $0.applies(to: row.engine) }.compactMap { $0.value(of: row) })
            if rows[key] == nil { rows[key] = row }
        }
        self.rows = rows
    }

    /// Every combination of the dimensions' values, the first dimension varying slowest; each
    /// point has one value per dimension.
    public var points: [[String]] {
        values.reduce([[]]) { points, values in points.flatMap { point in values.map { point + [$0] } } }
    }

    /// `engine`'s row at `point` (one value per dimension); `nil` if it was not measured.
    public func row(_ engine: String, at point: [String]) -> Summary? {
        let mine = zip(dimensions, point).filter { $0.0.applies(to: engine) }.map(\.1)
        return rows[Key(engine: engine, values: mine)]
    }

    /// What the workload allows at best at `point`: the bound of any row there.
    public func bound(at point: [String]) -> Double? {
        engines.lazy.compactMap { row($0, at: point)?.bound }.first
    }

    /// Each engine's curves: along its first tunable dimension, else along the first numeric
    /// workload dimension, else (an engine that varied in nothing) one point per value of the
    /// dimensions that do apply to it. One curve per combination of the engine's other dimensions.
    public var curves: [SweepCurve] {
        engines.flatMap { engine -> [SweepCurve] in
            let mine = dimensions.indices.filter { dimensions[$0].applies(to: engine) }
            let along = mine.first { if case .tunable = dimensions[$0] { true } else { false } }
                ?? mine.first { dimensions[$0] != .size && values[$0].allSatisfy { Double($0) != nil } }
            let others = mine.filter { $0 != along }
            let combinations = others.reduce([[Int: String]()]) { combinations, index in
                combinations.flatMap { combination in values[index].map { combination.merging([index: $0]) { $1 } } }
            }
            return combinations.map { curve(engine, along: along, fixed: $0) }
        }
    }

    private func curve(_ engine: String, along: Int?, fixed: [Int: String]) -> SweepCurve {
        func point(_ x: String?) -> [String] {
            dimensions.indices.map { i in i == along ? x! : fixed[i] ?? values[i][0] }
        }
        let points: [SweepCurve.Point] = if let along {
            values[along].compactMap { x in row(engine, at: point(x)).map { SweepCurve.Point(x: Double(x), row: $0) } }
        } else {
            row(engine, at: point(nil)).map { [SweepCurve.Point(x: nil, row: $0)] } ?? []
        }
        let held = fixed.keys.sorted().map { (dimension: dimensions[$0], value: fixed[$0]!) }
        // Only values that tell curves apart go in the label.
        let label = ([engine] + held.filter { held in values[dimensions.firstIndex(of: held.dimension)!].count > 1 }
            .map { Self.describe($0.dimension, $0.value) }).joined(separator: " · ")
        return SweepCurve(engine: engine, dimension: along.map { dimensions[$0] }, fixed: held, points: points,
                          label: label)
    }

    /// What the grid is, in one line: "7 points over phase3.maxConnections, at 2,000 issues;
    /// phase1, phase2 ran with their defaults, for comparison."
    public var caption: String {
        let count = points.count
        var text = "\(NumberFormat.integer(count)) point\(count == 1 ? "" : "s") over "
            + dimensions.map(\.name).joined(separator: " × ")
        let sizes = Set(rows.values.map(\.issues))
        if !dimensions.contains(.size), sizes.count == 1 { text += ", at \(NumberFormat.integer(sizes.first!)) issues" }
        let tuned = Set(dimensions.compactMap { if case let .tunable(engine, _) = $0 { engine } else { nil } })
        let defaults = engines.filter { !tuned.contains($0) }
        if !tuned.isEmpty, !defaults.isEmpty {
            text += "; \(defaults.joined(separator: ", ")) ran with \(defaults.count == 1 ? "its" : "their") defaults, for comparison"
        }
        return text + "."
    }

    /// "api.latencyMs.fixed=10", or "2,000 issues" for the size.
    static func describe(_ dimension: SweepDimension, _ value: String) -> String {
        dimension == .size ? "\(Int(value).map(NumberFormat.integer) ?? value) issues" : "\(dimension.name)=\(value)"
    }

    /// Ascending as numbers when every value is one, else as text.
    private static func sorted(_ values: Set<String>) -> [String] {
        let numbers = values.compactMap { text in Double(text).map { (text, $0) } }
        guard numbers.count == values.count else { return values.sorted() }
        return numbers.sorted { $0.1 < $1.1 }.map(\.0)
    }
}
