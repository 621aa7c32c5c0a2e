import Measurement
import Scenario

/// Turns a run's trial records into comparison rows: medians over the measured repetitions,
/// the bound beside them, and each row's ratio to phase1 at the same size.
enum Summarizer {
    /// One summary per plan row, in plan order; `records[i]` are row i's trials, warm-ups included
    /// (and left out here).
    static func summaries(of plan: RunPlan, records: [[TrialRecord]], cores: Int) -> [Summary] {
        var summaries = zip(plan.rows, records).map { row, records -> Summary in
            let trials = records.filter { !$0.isWarmup }
            // The virtual clock gives a trial one virtual core for its synthetic analysis CPU.
            let trialCores = row.scenario.runs.clock == .virtual ? 1 : cores
            let bound = Bound(scenario: row.scenario, issues: row.issues, cores: trialCores).issuesPerSecond
            return summary(row: row, trials: trials, bound: bound)
        }
        relateToPhase1(&summaries)
        return summaries
    }

    static func summary(row: RunPlan.Row, trials: [TrialRecord], bound: Double?) -> Summary {
        let verified = !trials.isEmpty && trials.allSatisfy(\.verified)
        // Figures come from the trials that passed; a failed trial has no valid throughput.
        let passed = trials.filter(\.verified)
        func median(_ f: (TrialRecord) -> Double) -> Double { passed.isEmpty ? 0 : Statistics.median(passed.map(f)) }
        func medianInt(_ f: (TrialRecord) -> Int) -> Int { Int(median { Double(f($0)) }.rounded()) }
        let throughputs = passed.map(\.throughput)
        let raw = passed.map(\.compressedRawBytes).reduce(0, +)
        let compressed = passed.map(\.compressedBytes).reduce(0, +)
        let throughput = Spread(median: median(\.throughput), min: throughputs.min() ?? 0,
                                max: throughputs.max() ?? 0)
        let probes = passed.compactMap(\.speedProbeMilliseconds)
        var failures: [String] = []
        for f in trials.compactMap(\.failure) where !failures.contains(f) { failures.append(f) }
        if trials.isEmpty { failures.append("no measured trial") }
        return Summary(
            scenario: row.scenario.name, engine: row.engine, tuning: row.tuning.values, issues: row.issues,
            clock: row.scenario.runs.clock.rawValue, repetitions: passed.count,
            throughput: throughput, throughputSamples: throughputs,
            wallSeconds: median(\.wallSeconds), hostWallSeconds: median(\.hostWallSeconds),
            cpuSeconds: median(\.cpuSeconds),
            latencyMs: Percentiles(p50: median(\.latencyMs.p50), p95: median(\.latencyMs.p95),
                                   p99: median(\.latencyMs.p99), max: median(\.latencyMs.max)),
            peakRSSBytes: medianInt(\.peakRSSBytes), rssBeforeBytes: medianInt(\.rssBeforeBytes),
            apiCalls: medianInt(\.api.requests), rateLimited: medianInt(\.api.rateLimited),
            retries: medianInt(\.api.retries), transientErrors: medianInt(\.api.transientErrors),
            duplicateWrites: medianInt(\.api.duplicateWrites),
            compressionPercent: raw > 0 ? 100 * (1 - Double(compressed) / Double(raw)) : nil,
            bound: bound, efficiency: bound.map { throughput.median / $0 },
            speedupVsPhase1: nil, memoryVsPhase1: nil, verified: verified, failures: failures,
            workload: row.patches.isEmpty ? nil : Dictionary(row.patches.map { ($0.path, $0.value) }) { _, last in last },
            speedProbeMilliseconds: probes.isEmpty ? nil
                : Spread(median: Statistics.median(probes), min: probes.min()!, max: probes.max()!))
    }

    /// Sets speed-up and memory relative to the phase1 row of the same scenario and size. Memory
    /// compares what each engine added to the process (peak RSS minus RSS before the run), so the
    /// runtime's fixed footprint does not flatter or penalise anyone.
    static func relateToPhase1(_ summaries: inout [Summary]) {
        for i in summaries.indices {
            guard let base = summaries.first(where: {
                $0.engine == "phase1" && $0.scenario == summaries[i].scenario && $0.issues == summaries[i].issues
                    && $0.workload == summaries[i].workload && $0.verified
            }), summaries[i].verified else { continue }
            if base.throughput.median > 0 {
                summaries[i].speedupVsPhase1 = summaries[i].throughput.median / base.throughput.median
            }
            let baseGrowth = base.peakRSSBytes - base.rssBeforeBytes
            if baseGrowth > 0 {
                summaries[i].memoryVsPhase1 = Double(summaries[i].peakRSSBytes - summaries[i].rssBeforeBytes) / Double(baseGrowth)
            }
        }
    }
}
