import Contract
import Engines
import Report

extension RunPlan {
    /// One plan for a whole sweep of one scenario: at each workload point of `grid`, the rows the
    /// options give (every size × engine), with the rows of each engine a `--vary` names repeated
    /// once per value of its tunables; the other engines keep their defaults (and `--set`), so
    /// they are measured once per workload point, as the comparison.
    ///
    /// Everything is checked here, before any trial: the scenario as it is (its own errors are not
    /// blamed on `--vary`), then each workload point as patched.
    public init(_ options: RunOptions, sweeping grid: SweepGrid) throws(HarnessError) {
        if options.sizes != nil, grid.axes.contains(where: { $0.name == SweepDimension.sizePath }) {
            throw .usage(command: "sweep", message: "--vary \(SweepDimension.sizePath) and --sizes both set the sizes; give one")
        }
        for o in options.overrides {
            if let axis = grid.axes.first(where: { $0.name == "\(o.engine).\(o.parameter)" }) {
                throw .usage(command: "sweep", message: "--vary \(axis.name) and --set \(axis.name) both set it; give one")
            }
        }
        var plan = try RunPlan(options)
        let running = plan.rows.map(\.engine)
        for axis in grid.axes {
            if let engine = axis.engine, !running.contains(engine) {
                var names: [String] = []
                for name in running where !names.contains(name) { names.append(name) }
                throw .usage(command: "sweep", message: "--vary \(axis.name): \(engine) does not run in this sweep; "
                    + "it runs \(names.joined(separator: ", ")) (the scenario's engines, after --engines)")
            }
        }
        var rows: [Row] = []
        for patches in grid.workloadPoints {
            var patched = options
            patched.patches = patches
            let point: RunPlan
            do { point = patches.isEmpty ? plan : try RunPlan(patched) } catch {
                guard case .scenario = error else { throw error }
                let values = patches.map { "\($0.path)=\($0.value)" }.joined(separator: " ")
                throw .usage(command: "sweep", message: "--vary \(values): \(error)")
            }
            for row in point.rows {
                let tunings = grid.tunings(for: row.engine)
                guard !tunings.isEmpty else {
                    rows.append(row)
                    continue
                }
                for tuning in tunings {
                    var varied = row
                    let parameters = EngineRegistry.named(row.engine)!.parameters
                    do {
                        varied.tuning = try Tuning(engine: row.engine, parameters: parameters,
                                                   overrides: row.tuning.values.merging(tuning) { $1 })
                    } catch {
                        throw .tuning(origin: "--vary", error)
                    }
                    rows.append(varied)
                }
            }
        }
        plan.rows = rows
        self = plan
    }
}
