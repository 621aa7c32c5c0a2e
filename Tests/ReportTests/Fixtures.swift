import Measurement
import Report
import Scenario

/// Hand-made rows and results files with figures chosen so each test's answer is known by hand.
enum Fixtures {
    static func summary(_ engine: String, issues: Int, median: Double, bound: Double? = 1_000,
                        speedup: Double? = nil, memory: Double? = nil, compression: Double? = nil,
                        tuning: [String: Double] = [:], verified: Bool = true,
                        failures: [String] = [], scenario: String = "seed") -> Summary {
        Summary(scenario: scenario, engine: engine, tuning: tuning, issues: issues, clock: "virtual",
                repetitions: 3, throughput: Spread(median: median, min: median * 0.9, max: median * 1.1),
                throughputSamples: [median * 0.9, median, median * 1.1],
                wallSeconds: median > 0 ? Double(issues) / median : 0, hostWallSeconds: 0.012_5, cpuSeconds: 0.25,
                latencyMs: Percentiles(p50: 0.1234, p95: 3.5, p99: 12.25, max: 40),
                peakRSSBytes: 12_345_678, rssBeforeBytes: 4_000_000, apiCalls: 2_100, rateLimited: 3, retries: 7,
                transientErrors: 2, duplicateWrites: 0, compressionPercent: compression, bound: bound,
                efficiency: bound.map { median / $0 }, speedupVsPhase1: speedup, memoryVsPhase1: memory,
                verified: verified, failures: failures)
    }

    /// phase1..3 at 100 and 1,000 issues, phase2 failed at 1,000.
    static let summaries: [Summary] = [
        summary("phase3", issues: 100, median: 846.1, speedup: 8.74, memory: 0.078, compression: 99.6),
        summary("phase1", issues: 100, median: 96.8, speedup: 1, memory: 1),
        summary("phase2", issues: 100, median: 120, speedup: 1.24, memory: 0.9),
        summary("phase1", issues: 1_000, median: 1_234.5, bound: 50_000, speedup: 1, memory: 1),
        summary("phase2", issues: 1_000, median: 0, bound: 50_000, verified: false,
                failures: ["issue 17 delivered twice", "timeout | after 120 s"]),
        summary("phase3", issues: 1_000, median: 9_876.5, bound: 50_000, speedup: 8, memory: 0.05),
    ]

    static let machine = MachineInfo(host: "ci-runner", cpuModel: "AMD EPYC 7B13", cores: 2,
                                     memoryBytes: 8 * 1_073_741_824, kernel: "Linux 6.1.0",
                                     architecture: "x86_64", swiftVersion: "6.3.1", gitCommit: "ff846b5")

    static func results(build: String = "release") -> ResultsFile {
        ResultsFile(
            createdAt: "2025-01-02T03:04:05Z",
            command: ["issuebench", "run", "Scenarios/seed.json", "--set", "phase2.maxConcurrency=16", "--format", "json"],
            environment: Environment(machine: machine, build: build, clock: "virtual"),
            scenarios: [ScenarioInfo(name: "seed", description: "The report's phase comparison",
                                     file: "Scenarios/seed.json", workloadHash: "abc123")],
            summaries: summaries,
            claims: ClaimEvaluator.evaluate(
                [Claim(engine: "phase3", issues: 100, metric: .throughput, value: 846.1, source: "Phase 3 report"),
                 Claim(engine: "phase2", issues: nil, metric: .throughput, value: 120, source: "Phase 2 report")],
                summaries: summaries),
            trials: [])
    }
}
