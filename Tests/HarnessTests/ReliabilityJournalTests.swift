import Foundation
@testable import Harness
import Measurement
import Testing

/// The run's journal (`Results/<run>.jsonl`): written as trials finish, and read back into the
/// same results the run wrote at its end, or into the results of what it holds when it was cut
/// short.
@Suite(.serialized)
struct ReliabilityJournalTests {
    static let tiny = """
    {"name": "journal", "seed": 3,
     "issues": {"counts": [30, 60], "pageSize": 10, "bodyBytes": {"fixed": 300}, "commentsPerIssue": {"fixed": 1}},
     "api": {"latencyMs": {"fixed": 1}},
     "work": {"reads": ["issue", "comments"], "writes": ["label"]},
     "engines": {"phase1": {}, "phase3": {}},
     "runs": {"warmup": 1, "repetitions": 2, "clock": "virtual"},
     "claims": [{"engine": "phase3", "issues": 60, "metric": "speedup", "value": 2, "source": "test"}]}
    """

    /// Runs `tiny` and returns the journal's path and the results file the run wrote.
    private func run(_ cli: CLIHarness) throws -> (journal: String, results: ResultsFile) {
        try cli.file("journal.json", Self.tiny)
        let out = try cli.run(["run", "journal.json", "--out", "out", "--format", "json"])
        #expect(out.status == 0, "stderr: \(out.stderr)")
        let journal = try #require(cli.contents(of: "out").first { $0.hasSuffix(".jsonl") })
        #expect(out.stderr.contains("journal: out/\(journal)"))
        return (cli.path("out/\(journal)"), try ResultsFile(jsonData: Data(out.stdout.utf8), source: "stdout"))
    }

    @Test func aFinishedRunsJournalReadsAsItsResults() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let (journal, results) = try run(cli)
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
        // Header, 2 sizes × 2 engines × 3 trials, end.
        #expect(lines.count == 1 + 12 + 1)
        #expect(lines.first?.hasPrefix(#"{"build":"#) == true && lines.first?.contains(#""kind":"header""#) == true)
        #expect(lines.last == #"{"completed":12,"interrupted":false,"kind":"end"}"#)
        #expect(try JSONLResults.read(journal) == results)
    }

    @Test func aJournalCutShortReadsAsWhatFinished() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let (journal, results) = try run(cli)
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").map(String.init)
        // Killed while writing the 9th trial: 8 whole trial lines, then half a line.
        let cut = lines[0...8].joined(separator: "\n") + "\n" + lines[9].prefix(40)
        try cli.file("cut.jsonl", cut)
        let partial = try JSONLResults.read(cli.path("cut.jsonl"))
        #expect(partial.trials == Array(results.trials.prefix(8)))
        // Rows in plan order: 30 issues phase1, phase3, then 60 issues phase1 (two of its three trials).
        #expect(partial.summaries.map { "\($0.engine)@\($0.issues)×\($0.repetitions)" } == ["phase1@30×2", "phase3@30×2", "phase1@60×1"])
        #expect(partial.summaries.prefix(2) == results.summaries.prefix(2))
        // The claim's row never ran.
        #expect(partial.claims.map(\.verdict) == [.notMeasured])
    }

    @Test func aJournalWithOnlyItsHeaderHasNoRows() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let (journal, results) = try run(cli)
        let header = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")[0]
        try cli.file("header.jsonl", header + "\n")
        let empty = try JSONLResults.read(cli.path("header.jsonl"))
        #expect(empty.summaries.isEmpty && empty.trials.isEmpty)
        #expect(empty.scenarios == results.scenarios)
        #expect(empty.environment == results.environment)
    }

    @Test func aDamagedLineIsAnErrorNamingIt() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let (journal, _) = try run(cli)
        var lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[3] = #"{"kind":"trial","row":99,"record":{}}"#
        try cli.file("damaged.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(throws: HarnessError.self) { try JSONLResults.read(cli.path("damaged.jsonl")) }
        lines[3] = #"{"kind":"lunch"}"#
        try cli.file("damaged.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(throws: HarnessError.io(path: cli.path("damaged.jsonl"),
                                        message: "line 4: expected a line of kind trial or end, found 'lunch'")) {
            try JSONLResults.read(cli.path("damaged.jsonl"))
        }
        try cli.file("empty.jsonl", "")
        #expect(throws: HarnessError.io(path: cli.path("empty.jsonl"),
                                        message: "expected a run's journal starting with its header line, found no complete line")) {
            try JSONLResults.read(cli.path("empty.jsonl"))
        }
    }

    @Test func aJournalNeverOverwritesAnother() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let startedAt = Date(timeIntervalSince1970: 1_800_000_000)
        let first = try RunJournal(directory: cli.folder.path, base: "same", startedAt: startedAt)
        let second = try RunJournal(directory: cli.folder.path, base: "same", startedAt: startedAt)
        #expect(URL(fileURLWithPath: first.path).lastPathComponent == "same-20270115T080000Z.jsonl")
        #expect(URL(fileURLWithPath: second.path).lastPathComponent == "same-2-20270115T080000Z.jsonl")
    }

    @Test func severalScenariosShareOneJournal() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.file("a.json", Self.tiny.replacingOccurrences(of: #""journal""#, with: #""first""#))
        try cli.file("b.json", Self.tiny.replacingOccurrences(of: #""journal""#, with: #""second""#)
            .replacingOccurrences(of: #""clock": "virtual""#, with: #""clock": "virtual", "timeoutSeconds": 30"#))
        let out = try cli.run(["run", "a.json", "b.json", "--out", "out", "--sizes", "30", "--repetitions", "1", "--warmup", "0"])
        #expect(out.status == 0, "stderr: \(out.stderr)")
        let journal = try #require(cli.contents(of: "out").first { $0.hasSuffix(".jsonl") })
        #expect(journal.hasPrefix("run-"))
        let results = try JSONLResults.read(cli.path("out/\(journal)"))
        #expect(results.scenarios.map(\.name) == ["first", "second"])
        #expect(results.summaries.map { "\($0.scenario) \($0.engine)" } == ["first phase1", "first phase3", "second phase1", "second phase3"])
        #expect(results.environment.clock == "virtual")
    }
}
