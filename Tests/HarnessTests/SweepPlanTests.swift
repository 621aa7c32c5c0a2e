@testable import Harness
import Scenario
import Testing

/// The one plan a sweep runs: rows per workload point and tuning, and the errors found before
/// any trial starts.
struct SweepPlanTests {
    static let scenario = """
    {"name": "tiny-sweep", "issues": {"counts": [20]}, "api": {"latencyMs": {"fixed": 5}},
     "runs": {"warmup": 0, "repetitions": 1, "clock": "virtual"}}
    """

    private func plan(_ varies: [String], options: (inout RunOptions) -> Void = { _ in }) throws -> (RunPlan, String) {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let path = try cli.file("s.json", Self.scenario)
        var runOptions = RunOptions(scenarioPaths: [path])
        options(&runOptions)
        var axes: [SweepAxis] = []
        for text in varies { axes.append(try SweepAxis(parsing: text)) }
        return (try RunPlan(runOptions, sweeping: try SweepGrid(axes)), path)
    }

    private func message(_ varies: [String], options: (inout RunOptions) -> Void = { _ in }) throws -> String {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let path = try cli.file("s.json", Self.scenario)
        var runOptions = RunOptions(scenarioPaths: [path])
        options(&runOptions)
        var axes: [SweepAxis] = []
        for text in varies { axes.append(try SweepAxis(parsing: text)) }
        do {
            _ = try RunPlan(runOptions, sweeping: try SweepGrid(axes))
            return "no error"
        } catch {
            return error.description.replacingOccurrences(of: path, with: "s.json")
        }
    }

    @Test func eachWorkloadPointRunsEveryEngineAndTheVariedOneAtEachValue() throws {
        let (plan, _) = try plan(["phase3.maxConnections=1,2,4", "api.latencyMs.fixed=1,10"])
        #expect(plan.scenarios.count == 1)
        #expect(plan.rows.map(\.engine) == ["phase1", "phase2", "phase3", "phase3", "phase3"]
            + ["phase1", "phase2", "phase3", "phase3", "phase3"])
        #expect(plan.rows.filter { $0.engine == "phase3" }.map { $0.tuning.int("maxConnections") } == [1, 2, 4, 1, 2, 4])
        #expect(plan.rows.map { $0.patches.first?.value } == Array(repeating: "1", count: 5) + Array(repeating: "10", count: 5))
        // Each point's scenario is the patched one, so its bound is the point's.
        #expect(plan.rows.map { $0.scenario.api.latencyMs } == Array(repeating: .fixed(1), count: 5) + Array(repeating: .fixed(10), count: 5))
        // Unvaried engines keep their defaults; the varied one keeps its other tunables.
        #expect(plan.rows[0].tuning.int("concurrency") == 1)
        #expect(plan.rows[2].tuning.int("window") == 8)
    }

    @Test func engineFilterAndSetApplyAsInRun() throws {
        let (plan, _) = try plan(["phase3.maxConnections=1,2"]) {
            $0.engines = ["phase1", "phase3"]
            $0.overrides = [TunableOverride(engine: "phase3", parameter: "window", value: 3)]
        }
        #expect(plan.rows.map(\.engine) == ["phase1", "phase3", "phase3"])
        #expect(plan.rows.dropFirst().allSatisfy { $0.tuning.int("window") == 3 })
        #expect(plan.trials.count == 3)
    }

    @Test func sweepingTheCountsRunsOneSizePerPoint() throws {
        let (plan, _) = try plan(["issues.counts=10,30"]) { $0.engines = ["phase3"] }
        #expect(plan.rows.map(\.issues) == [10, 30])
        #expect(plan.rows.map { $0.patches } == [[WorkloadPatch(path: "issues.counts", value: "[10]")],
                                                 [WorkloadPatch(path: "issues.counts", value: "[30]")]])
    }

    @Test func aPathOutsideTheSchemaIsTheDecodersErrorNamedByTheVary() throws {
        #expect(try message(["api.latncyMs.fixed=1"]) == "issuebench sweep: --vary api.latncyMs.fixed=1: s.json: api.latncyMs: "
            + "unknown key; expected one of latencyMs, connectMs, endpoints, rateLimit, secondary, errors, outages, batch "
            + "(did you mean 'latencyMs'?)")
        #expect(try message(["api.latencyMs.fixed=-1"]) == "issuebench sweep: --vary api.latencyMs.fixed=-1: s.json: "
            + "api.latencyMs.fixed: expected a number >= 0, found -1")
    }

    @Test func conflictsWithTheRunOptionsAreRejected() throws {
        #expect(try message(["issues.counts=10"]) { $0.sizes = [5] }
            == "issuebench sweep: --vary issues.counts and --sizes both set the sizes; give one")
        #expect(try message(["phase3.maxConnections=1"]) { $0.overrides = [TunableOverride(engine: "phase3", parameter: "maxConnections", value: 2)] }
            == "issuebench sweep: --vary phase3.maxConnections and --set phase3.maxConnections both set it; give one")
        #expect(try message(["phase3.maxConnections=1"]) { $0.engines = ["phase1", "phase2"] }
            == "issuebench sweep: --vary phase3.maxConnections: phase3 does not run in this sweep; it runs phase1, phase2 "
            + "(the scenario's engines, after --engines)")
    }
}
