import Foundation
import Measurement
import Report
import Testing

/// `issuebench report`: results files and baselines read back and rendered, without running anything.
@Suite(.serialized)
struct ReportCommandTests {
    static func results(engine: String, throughput: Double) -> ResultsFile {
        let summary = Summary(
            scenario: "seed", engine: engine, tuning: [:], issues: 100, clock: "virtual", repetitions: 1,
            throughput: Spread(median: throughput, min: throughput, max: throughput), throughputSamples: [throughput],
            wallSeconds: 100 / throughput, hostWallSeconds: 0.1, cpuSeconds: 0.1,
            latencyMs: Percentiles(p50: 1, p95: 2, p99: 3, max: 4), peakRSSBytes: 10_485_760, rssBeforeBytes: 5_242_880,
            apiCalls: 201, rateLimited: 0, retries: 0, transientErrors: 0, duplicateWrites: 0, compressionPercent: nil,
            bound: 1_000, efficiency: throughput / 1_000, speedupVsPhase1: nil, memoryVsPhase1: nil, verified: true,
            failures: [])
        return ResultsFile(
            createdAt: "2025-01-02T03:04:05Z", command: ["issuebench", "run", "seed.json"],
            environment: Environment(machine: MachineInfo(host: "h", cpuModel: "cpu", cores: 2, memoryBytes: 1 << 30,
                                                          kernel: "k", architecture: "x86_64"),
                                     build: "release", clock: "virtual"),
            scenarios: [ScenarioInfo(name: "seed", description: "", file: "seed.json", workloadHash: "abc")],
            summaries: [summary], claims: [], trials: [])
    }

    private func write(_ cli: CLIHarness, _ name: String, _ results: ResultsFile) throws -> String {
        try cli.file(name, String(decoding: try results.jsonData(), as: UTF8.self))
    }

    @Test func tableOfOneFileIsWhatRunPrints() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let results = Self.results(engine: "phase1", throughput: 100)
        let path = try write(cli, "a.json", results)
        let out = try cli.run(["report", path])
        #expect(out.status == 0, "stderr: \(out.stderr)")
        #expect(out.stdout == (try render(results, as: .table, useColor: false)))
    }

    @Test func severalFilesAsJSONAreABaselineAndAsCSVOneTable() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let a = try write(cli, "a.json", Self.results(engine: "phase1", throughput: 100))
        let b = try write(cli, "b.json", Self.results(engine: "phase3", throughput: 800))
        let json = try cli.run(["report", a, b, "--format", "json"])
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let files = try JSONDecoder().decode([ResultsFile].self, from: Data(json.stdout.utf8))
        #expect(files.map { $0.summaries[0].engine } == ["phase1", "phase3"])
        // The array is a baseline: `report` reads it back too.
        let baseline = try cli.file("baseline.json", json.stdout)
        let csv = try cli.run(["report", baseline, "--format", "csv"])
        #expect(csv.stdout == SummaryCSV.render(files.flatMap(\.summaries)))
        #expect(csv.stdout.split(separator: "\r\n").count == 3)
    }

    @Test func htmlOfSeveralFilesIsOnePage() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let a = try write(cli, "a.json", Self.results(engine: "phase1", throughput: 100))
        let b = try write(cli, "b.json", Self.results(engine: "phase3", throughput: 800))
        let out = try cli.run(["report", a, b, "--html", "r.html"])
        #expect(out.status == 0)
        #expect(out.stderr == "report: r.html\n")
        let html = try String(contentsOfFile: cli.path("r.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<h2>Run at 2025-01-02T03:04:05Z</h2>").count == 3)
    }

    @Test func aRunsJournalBecomesTables() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.file("tiny.json", EndToEndTests.tiny)
        #expect(try cli.run(["run", "tiny.json", "--out", "out", "--repetitions", "1", "--engines", "phase3"]).status == 0)
        let journal = try #require(cli.contents(of: "out").first { $0.hasSuffix(".jsonl") })
        let out = try cli.run(["report", "out/\(journal)", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let results = try ResultsFile(jsonData: Data(out.stdout.utf8), source: "stdout")
        #expect(results.summaries.map(\.engine) == ["phase3"])
        #expect(results.summaries.allSatisfy { $0.verified })
    }

    @Test func aBrokenJournalIsBadInput() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.file("run.jsonl", "{}\n")
        let out = try cli.run(["report", "run.jsonl"])
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix("error: "))
        #expect(out.stderr.contains("run.jsonl"))
    }

    @Test func noFileAndBadFilesAreBadInput() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let none = try cli.run(["report"])
        #expect(none.status == 2)
        #expect(none.stderr == "error: issuebench report: expected one or more results files, found none; see 'issuebench report --help'\n")
        try cli.file("scenario.json", #"{"name": "x"}"#)
        let wrong = try cli.run(["report", "scenario.json", "--html", "r.html"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.hasPrefix("error: scenario.json: expected a results file or a baseline, found something else: "))
        #expect(!FileManager.default.fileExists(atPath: cli.path("r.html")))
    }
}
