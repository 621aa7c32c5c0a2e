import Foundation
@testable import Harness
import Testing

/// A row that cannot fit is refused before any trial runs: exit 2, with the estimate and how it
/// was made.
struct ReliabilityMemoryTests {
    /// Bodies of 1000 bytes read twice, 2 comments of 100 bytes: 2 × 1000 + 2 × (100 + 48) + 320
    /// = 2616 bytes an issue for an engine that holds them all, and 32 bytes of the harness's.
    static func scenario(_ runs: String = "") -> String {
        """
        {"name": "big", "issues": {"counts": [1000000], "bodyBytes": {"fixed": 1000}, "commentsPerIssue": {"fixed": 2},
         "commentBytes": {"fixed": 100}}, "work": {"reads": ["issue", "comments"]},
         "runs": {"warmup": 0, "repetitions": 1, "clock": "virtual"\(runs)}}
        """
    }

    private func plan(_ text: String, engines: [String]? = nil, sizes: [Int]? = nil, available: Int?) throws -> RunPlan {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("issuebench-memory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        do {
            return try RunPlan(RunOptions(scenarioPaths: [path], engines: engines, sizes: sizes),
                               availableMemoryBytes: available, cores: 2)
        } catch {
            // The path is random: name the file as the user would have.
            throw HarnessError.io(path: "", message: error.description.replacingOccurrences(of: path, with: "big.json"))
        }
    }

    @Test func anEngineThatHoldsEveryIssueIsRefusedBeyondTheMemoryAvailable() {
        #expect(throws: HarnessError.io(path: "", message: "big.json: phase1 at 1000000 issues would need about 2.5 GiB "
            + "(1000000 issues × 2.6 KiB (2 × 1000 B of body, 2.0 comments × 148 B, 320 B of containers) + 5.7 MiB of "
            + "bookkeeping + 32.0 MiB for the process), more than the 1.0 GiB of memory available (MemAvailable in /proc/meminfo); phase1 keeps every issue "
            + "in memory: run fewer issues (--sizes) or an engine that streams (phase3)")) {
            try plan(Self.scenario(), available: 1 << 30)
        }
    }

    @Test func phase2IsRefusedToo() {
        #expect(throws: HarnessError.self) { try plan(Self.scenario(), engines: ["phase2"], available: 1 << 30) }
    }

    @Test func anEngineThatStreamsIsNot() throws {
        let plan = try plan(Self.scenario(), engines: ["phase3"], available: 1 << 30)
        #expect(plan.rows.map(\.engine) == ["phase3"])
    }

    @Test func whatFitsIsNotRefused() throws {
        #expect(try plan(Self.scenario(), sizes: [100_000], available: 1 << 30).rows.count == 3)
        #expect(try plan(Self.scenario(), available: nil).rows.count == 3)
    }

    @Test func theAddressSpaceLimitCountsTheProcessToo() {
        #expect(throws: HarnessError.io(path: "", message: "big.json: phase1 at 100000 issues would need about 362.1 MiB "
            + "(100000 issues × 2.6 KiB (2 × 1000 B of body, 2.0 comments × 148 B, 320 B of containers) + 585.9 KiB of "
            + "bookkeeping + 112.0 MiB for the process), more than the 256 MiB of address space runs.maxRSSMiB allows; phase1 keeps every issue in memory: "
            + "run fewer issues (--sizes) or an engine that streams (phase3)")) {
            try plan(Self.scenario(#", "maxRSSMiB": 256"#), sizes: [100_000], available: nil)
        }
        // Too tight a limit for any trial process to start, whatever the engine.
        #expect(throws: HarnessError.io(path: "", message: "big.json: phase3 at 10 issues would need about 112.0 MiB "
            + "(60 B of bookkeeping + 112.0 MiB for the process; phase3 streams its issues), more than the 64 MiB of address space runs.maxRSSMiB "
            + "allows; raise runs.maxRSSMiB")) {
            try plan(Self.scenario(#", "maxRSSMiB": 64"#), engines: ["phase3"], sizes: [10], available: nil)
        }
    }

    @Test func theCommandRefusesBeforeAnyTrial() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        // Megabyte bodies: 18 TiB at ten million issues, more than any machine has.
        try cli.file("big.json", Self.scenario().replacingOccurrences(of: #""fixed": 1000}"#, with: #""fixed": 1000000}"#))
        let out = try cli.run(["run", "big.json", "--sizes", "10000000", "--out", "out"])
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        #expect(cli.contents(of: "out").isEmpty)
        #expect(out.stderr.hasPrefix("error: big.json: phase1 at 10000000 issues would need about 18.2 TiB (10000000 issues × 1.9 MiB"))
    }

    @Test func availableMemoryIsReadFromMeminfo() {
        #expect(AvailableMemory.parse("MemTotal:       24683656 kB\nMemFree:  1 kB\nMemAvailable:   24150752 kB\n") == 24_150_752)
        #expect(AvailableMemory.parse("MemTotal: 1 kB\n") == nil)
        #expect(AvailableMemory.parse("MemAvailable: 12 MB\n") == nil)
    }
}
