import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Measurement
import Report
import Testing

/// `issuebench sweep`, run as a user would, on a tiny virtual-clock workload whose figures are
/// known by hand: 40 issues in pages of 10 (44 requests), 10 ms each, at most 4 in flight. The
/// bound is 11 rounds of 10 ms: 40 / 0.11 s = 363.6 issues/s; one connection takes 44 × 10 ms.
@Suite(.serialized)
struct SweepCommandTests {
    static let tiny = """
    {"name": "tiny", "seed": 3,
     "issues": {"counts": [40], "pageSize": 10, "bodyBytes": {"fixed": 300}, "commentsPerIssue": {"fixed": 0}},
     "api": {"latencyMs": {"fixed": 10}, "secondary": {"maxConcurrent": 4}},
     "work": {"reads": ["issue"], "writes": []},
     "runs": {"warmup": 0, "repetitions": 1, "clock": "virtual"}}
    """

    /// Counts elements by name and class; fails the test on markup that is not well-formed.
    final class Marks: NSObject, XMLParserDelegate {
        var found: [String: Int] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            found["\(name).\(attributes["class"] ?? "")", default: 0] += 1
        }
    }

    @Test func sweepRunsEachPointOnceWritesItsFilesAndReportReadsThemBack() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let scenario = try cli.file("tiny.json", Self.tiny)
        let out = try cli.run(["sweep", scenario, "--vary", "phase3.maxConnections=1:4:1,8", "--engines", "phase1,phase3",
                               "--out", "out", "--html", "r.html", "--format", "markdown"])
        #expect(out.status == 0, "stderr: \(out.stderr)")

        // The table: a row per point with the bound, phase1 measured once, best and knee under it.
        #expect(out.stdout.contains("""
            | phase3.maxConnections | bound (issues/s) | phase1 (issues/s) | phase3 (issues/s) |
            | ---: | ---: | ---: | ---: |
            | 1 | 364 | 90.9 | 90.9 |
            | 2 | 364 | 90.9 | 182 |
            | 3 | 364 | 90.9 | 267 |
            | 4 | 364 | 90.9 | 364 |
            | 8 | 364 | 90.9 | 38.1 |

            - phase3: best 364 issues/s at phase3.maxConnections=4; knee at 4 (the smallest value within 5 % of the best)
            """))
        #expect(out.stdout.contains("Sweep: 5 points over phase3.maxConnections, at 40 issues; phase1 ran with its defaults, for comparison."))

        let files = cli.contents(of: "out")
        #expect(files.count == 3)
        let base = try #require(files.first { $0.hasSuffix(".json") }?.dropLast(5))
        #expect(base.hasPrefix("tiny-sweep-"))
        #expect(files == ["\(base).csv", "\(base).json", "\(base).md"])

        // The results file: one row per point (phase1 once), each with its bound, all verified.
        let json = try Data(contentsOf: URL(fileURLWithPath: cli.path("out/\(base).json")))
        let results = try ResultsFile(jsonData: json, source: "results")
        #expect(results.summaries.map(\.engine) == ["phase1", "phase3", "phase3", "phase3", "phase3", "phase3"])
        #expect(results.summaries.filter { $0.engine == "phase3" }.map { $0.tuning["maxConnections"] } == [1, 2, 3, 4, 8])
        let bound = 40 / 0.11
        #expect(results.summaries.allSatisfy { $0.verified && $0.bound.map { abs($0 - bound) < 1e-9 } == true })
        #expect(results.summaries.first { $0.tuning["maxConnections"] == 4 }?.efficiency.map { abs($0 - 1) < 1e-9 } == true)
        #expect(results.summaries[1].wallSeconds == 0.44)

        // The CSV: a header and a row per summary, the tuning telling the points apart.
        let csv = try String(contentsOfFile: cli.path("out/\(base).csv"), encoding: .utf8)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 1 + results.summaries.count)
        #expect(lines[0].hasPrefix("scenario,engine,issues,tuning,workload,"))
        #expect(lines[2].contains(";maxConnections=1;"))

        // The HTML: well-formed, one point mark per grid point, phase1 as a level line.
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: cli.path("r.html"))))
        let marks = Marks()
        parser.delegate = marks
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(marks.found["circle.point"] == 5)
        #expect(marks.found["path.level"] == 1)
        #expect(marks.found["path.bound"] == 1)
        #expect(marks.found["circle.knee"] == 1)

        // `report` of the file prints what the sweep printed.
        let report = try cli.run(["report", "out/\(base).json", "--format", "markdown"])
        #expect(report.status == 0, "stderr: \(report.stderr)")
        #expect(report.stdout == out.stdout)
    }

    @Test func workloadSweepSetsEachPointsValueAndBound() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let scenario = try cli.file("tiny.json", Self.tiny)
        let out = try cli.run(["sweep", scenario, "--vary", "api.latencyMs.fixed=5,20", "--engines", "phase3",
                               "--out", "out", "--format", "json"])
        #expect(out.status == 0, "stderr: \(out.stderr)")
        let results = try ResultsFile(jsonData: Data(out.stdout.utf8), source: "stdout")
        #expect(results.summaries.map(\.workload) == [["api.latencyMs.fixed": "5"], ["api.latencyMs.fixed": "20"]])
        // 11 rounds of 5 ms, then of 20 ms.
        let bounds = results.summaries.compactMap(\.bound)
        let expected: [Double] = [40 / 0.055, 40 / 0.22]
        #expect(bounds.count == 2 && zip(bounds, expected).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(results.summaries.allSatisfy { $0.verified })
    }

    // MARK: - Bad input: exit 2, one line on stderr, nothing written

    private func rejected(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.file("s.json", Self.tiny)
        let out = try cli.run(["sweep", "s.json"] + arguments + ["--out", "out"])
        #expect(out.status == 2, "stdout: \(out.stdout) stderr: \(out.stderr)", sourceLocation: sourceLocation)
        #expect(cli.contents(of: "out").isEmpty, "nothing may be written", sourceLocation: sourceLocation)
        #expect(out.stdout.isEmpty, sourceLocation: sourceLocation)
        return out.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func gridOverTenThousandPoints() throws {
        #expect(try rejected(["--vary", "phase3.maxConnections=1:100:1", "--vary", "phase3.window=1:101:1"])
            == "error: issuebench sweep: --vary: the grid has 10100 points (100 × 101); a sweep has at most 10000")
    }

    @Test func emptyGrid() throws {
        #expect(try rejected([])
            == "error: issuebench sweep: expected at least one --vary ENGINE.PARAM=v1,v2,... or PATH=v1,v2,...; the grid is empty")
    }

    @Test func valueOutsideTheTunablesRange() throws {
        #expect(try rejected(["--vary", "phase3.maxConnections=0,1"])
            == "error: --vary: phase3.maxConnections: expected a number in 1...1024, found 0")
    }

    @Test func unknownTunableSuggestsTheNearest() throws {
        #expect(try rejected(["--vary", "phase2.maxConcurency=1"]).hasPrefix(
            "error: --vary: phase2 has no tunable 'maxConcurency' (did you mean 'maxConcurrency'?); it has: "))
    }

    @Test func pathOutsideTheSchema() throws {
        #expect(try rejected(["--vary", "api.latencyMs.fixd=1"]) == "error: issuebench sweep: --vary api.latencyMs.fixd=1: "
            + "s.json: api.latencyMs.fixd: unknown key; expected one of fixed, uniform, normal, lognormal, exponential "
            + "(did you mean 'fixed'?)")
    }

    @Test func moreThanOneScenario() throws {
        #expect(try rejected(["s.json", "--vary", "phase3.maxConnections=1"])
            == "error: issuebench sweep: expected one scenario file, found 2: s.json, s.json")
    }
}
