import Contract
import Measurement

/// One thing a sweep varied, read back from the summaries it produced: an engine's tunable, a
/// workload value set by JSON path, or the size. Reading it from the data (rather than from the
/// command line) lets `report` show a sweep exactly as `sweep` did.
public enum SweepDimension: Hashable, Sendable {
    /// `phase3.maxConnections`: varies only that engine's rows.
    case tunable(engine: String, parameter: String)
    /// `api.latencyMs.fixed`: varies every engine's rows.
    case workload(path: String)
    /// The issue count, when the rows ran at several.
    case size

    /// The path whose patch sets the size (`--vary issues.counts=…`): it is the size, not a
    /// workload value of its own.
    public static let sizePath = "issues.counts"

    /// As `--vary` names it: "phase3.maxConnections", "api.latencyMs.fixed", "issues".
    public var name: String {
        switch self {
        case let .tunable(engine, parameter): "\(engine).\(parameter)"
        case let .workload(path): path
        case .size: "issues"
        }
    }

    /// Whether `engine`'s rows differ along this dimension.
    func applies(to engine: String) -> Bool {
        if case let .tunable(owner, _) = self { return owner == engine }
        return true
    }

    /// The row's value on this dimension as text ("32", "0.5"); `nil` when it does not apply.
    func value(of row: Summary) -> String? {
        switch self {
        case let .tunable(engine, parameter): row.engine == engine ? row.tuning[parameter].map(format) : nil
        case let .workload(path): row.workload?[path]
        case .size: String(row.issues)
        }
    }

    /// The dimensions `rows` vary along, in a fixed order: tunables (by engine, then name), then
    /// workload paths (by name), then the size. A tunable counts when its engine ran in more than
    /// one value of it; a workload path whenever a sweep set it; the size when the rows ran at
    /// several sizes beside another dimension. Sizes alone (`--vary issues.counts=…` included)
    /// make an ordinary comparison by size, which the run's tables and bar charts already show.
    static func inferred(from rows: [Summary]) -> [SweepDimension] {
        var tunables: [SweepDimension] = []
        for engine in Set(rows.map(\.engine)).sorted() {
            let tunings = rows.filter { $0.engine == engine }.map(\.tuning)
            let names = Set(tunings.flatMap(\.keys)).sorted()
            for name in names where Set(tunings.map { $0[name] }).count > 1 {
                tunables.append(.tunable(engine: engine, parameter: name))
            }
        }
        let paths = Set(rows.flatMap { $0.workload?.keys.map { $0 } ?? [] }).subtracting([sizePath]).sorted()
        let dimensions = tunables + paths.map { .workload(path: $0) }
        guard !dimensions.isEmpty else { return [] }
        return Set(rows.map(\.issues)).count > 1 ? dimensions + [.size] : dimensions
    }
}
