import Contract
import Foundation
import Measurement
@testable import Report

/// Results files built from per-repetition figures chosen by each test, and a seeded generator for
/// synthetic noise, so every check test is deterministic.
enum CheckFixtures {
    /// One row's repetitions; figures not given are the same in every repetition.
    struct Row {
        var scenario = "gate"
        var engine = "phase3"
        var issues = 1_000
        var tuning: [String: Double] = ["maxConnections": 20]
        var throughput: [Double]
        var p99LatencyMs: [Double]? = nil
        var peakRSSMiB: [Double]? = nil
        var cpuSeconds: [Double]? = nil
        var bound: Double? = nil
        /// Failure reasons of repetitions that failed verification, one failed trial each.
        var failures: [String] = []
    }

    static let machine = MachineInfo(host: "ci-runner", cpuModel: "AMD EPYC 7B13", cores: 2,
                                     memoryBytes: 8 * 1_073_741_824, kernel: "Linux 6.1.0", architecture: "x86_64")
    static let otherMachine = MachineInfo(host: "laptop", cpuModel: "Apple M2", cores: 8,
                                          memoryBytes: 16 * 1_073_741_824, kernel: "Linux 6.8.0", architecture: "arm64")

    /// A results file of `rows`, all on `clock`; `keepTrials: false` drops the per-repetition
    /// records, as a trimmed baseline might; `maxRegression`: the relative thresholds every
    /// scenario of the file records.
    static func results(_ rows: [Row], clock: String = "wall", workloadHash: String = "0123456789abcdef",
                        machine: MachineInfo = machine, build: String = "release", keepTrials: Bool = true,
                        maxRegression: [String: Double]? = nil) -> ResultsFile {
        var scenarios: [ScenarioInfo] = []
        for name in rows.map(\.scenario) where !scenarios.contains(where: { $0.name == name }) {
            scenarios.append(ScenarioInfo(name: name, description: "", file: "Scenarios/\(name).json",
                                          workloadHash: workloadHash, maxRegression: maxRegression))
        }
        let made = rows.map { row in (summary(row, clock: clock), trials(row, clock: clock)) }
        return ResultsFile(createdAt: "2025-01-02T03:04:05Z", command: ["issuebench", "run"],
                           environment: Environment(machine: machine, build: build, clock: clock),
                           scenarios: scenarios, summaries: made.map(\.0),
                           claims: [], trials: keepTrials ? made.flatMap(\.1) : [])
    }

    static func trials(_ row: Row, clock: String) -> [TrialRecord] {
        let passed = row.throughput.indices.map { i -> TrialRecord in
            let p99 = row.p99LatencyMs?[i] ?? 10
            return trial(row, clock: clock, repetition: i, failure: nil, wallSeconds: Double(row.issues) / row.throughput[i],
                         latency: Percentiles(p50: p99 / 4, p95: p99 / 2, p99: p99, max: p99 * 2),
                         peakRSSMiB: row.peakRSSMiB?[i] ?? 50, cpuSeconds: row.cpuSeconds?[i] ?? 1)
        }
        let failed = row.failures.enumerated().map { offset, reason in
            trial(row, clock: clock, repetition: row.throughput.count + offset, failure: reason, wallSeconds: 1,
                  latency: .zero, peakRSSMiB: 50, cpuSeconds: 1)
        }
        return passed + failed
    }

    /// The summary the harness would write: medians over the passing repetitions.
    static func summary(_ row: Row, clock: String) -> Summary {
        let passed = trials(row, clock: clock).filter(\.verified)
        func median(_ f: (TrialRecord) -> Double) -> Double { passed.isEmpty ? 0 : Statistics.median(passed.map(f)) }
        let throughput = row.throughput.isEmpty ? Spread(median: 0, min: 0, max: 0)
            : Spread(median: Statistics.median(row.throughput), min: Statistics.min(row.throughput),
                     max: Statistics.max(row.throughput))
        return Summary(
            scenario: row.scenario, engine: row.engine, tuning: row.tuning, issues: row.issues, clock: clock,
            repetitions: passed.count, throughput: throughput, throughputSamples: row.throughput,
            wallSeconds: median(\.wallSeconds), hostWallSeconds: median(\.hostWallSeconds), cpuSeconds: median(\.cpuSeconds),
            latencyMs: Percentiles(p50: median(\.latencyMs.p50), p95: median(\.latencyMs.p95),
                                   p99: median(\.latencyMs.p99), max: median(\.latencyMs.max)),
            peakRSSBytes: Int(median { Double($0.peakRSSBytes) }), rssBeforeBytes: 4_000_000, apiCalls: 2_100,
            rateLimited: 3, retries: 7, transientErrors: 0, duplicateWrites: 0, compressionPercent: nil,
            bound: row.bound, efficiency: row.bound.map { throughput.median / $0 }, speedupVsPhase1: nil,
            memoryVsPhase1: nil, verified: row.failures.isEmpty && !row.throughput.isEmpty,
            failures: row.failures + (row.throughput.isEmpty && row.failures.isEmpty ? ["no measured trial"] : []))
    }

    private static func trial(_ row: Row, clock: String, repetition: Int, failure: String?, wallSeconds: Double,
                              latency: Percentiles, peakRSSMiB: Double, cpuSeconds: Double) -> TrialRecord {
        TrialRecord(scenario: row.scenario, engine: row.engine, tuning: row.tuning, issues: row.issues,
                    repetition: repetition, isWarmup: false, clock: clock, verified: failure == nil, failure: failure,
                    wallSeconds: wallSeconds, hostWallSeconds: wallSeconds, cpuSeconds: cpuSeconds,
                    userSeconds: cpuSeconds, systemSeconds: 0, rssBeforeBytes: 4_000_000,
                    peakRSSBytes: Int((peakRSSMiB * 1_048_576).rounded()), latencyMs: latency,
                    api: APICounters(), delivered: row.issues, compressedRawBytes: 0, compressedBytes: 0)
    }

    /// `count` draws from a normal distribution, from a fixed seed.
    static func normal(count: Int, mean: Double, stddev: Double, seed: UInt64) -> [Double] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            // Box–Muller; 1 - u keeps the logarithm's argument in (0, 1].
            let u = 1 - Double.random(in: 0..<1, using: &random), v = Double.random(in: 0..<1, using: &random)
            return mean + stddev * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }
}
