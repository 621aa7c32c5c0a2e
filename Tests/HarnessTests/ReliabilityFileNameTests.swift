import Foundation
@testable import Harness
import Scenario
import Testing

/// Nothing is written outside the output folder: file names built from scenario names are
/// checked (again, after the decoder), and result files go through a temporary file and a rename.
struct ReliabilityFileNameTests {
    @Test(arguments: ["../evil", "a/b", ".hidden", "", "UPPER", "spa ce", "ünï", String(repeating: "a", count: 65)])
    func unsafeNamesAreRefused(name: String) {
        #expect(throws: HarnessError.io(path: name, message: "refusing to name a result file after it: expected 1 to 64 characters a-z, 0-9 or '-'")) {
            try ResultFileName.make(name, timestamp: "20260101T000000Z", extension: "json")
        }
    }

    @Test func safeNamesMakePlainFileNames() throws {
        #expect(try ResultFileName.make("seed-phase-comparison", timestamp: "20260101T000000Z", extension: "jsonl")
            == "seed-phase-comparison-20260101T000000Z.jsonl")
        #expect(try ResultFileName.make(String(repeating: "a", count: 64), timestamp: "t", extension: "md").count == 69)
    }

    @Test func theDecoderRefusesANameThatLeavesTheFolder() {
        let text = #"{"name": "../../etc/passwd", "issues": {"counts": [1]}}"#
        #expect(throws: ScenarioError(file: "s.json", location: .path("name"), problem: .mismatch(
            expected: "a name of 1 to 64 characters a-z, 0-9 or '-'", found: #"a string "../../etc/passwd""#))) {
            try Scenario.decode(Array(text.utf8), file: "s.json")
        }
    }

    @Test func aRunWritesOnlyInsideItsOutputFolder() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.file("s.json", """
        {"name": "inside", "issues": {"counts": [5]}, "engines": {"phase3": {}},
         "runs": {"warmup": 0, "repetitions": 1, "clock": "virtual"}}
        """)
        let out = try cli.run(["run", "s.json", "--out", "deep/out"])
        #expect(out.status == 0, "stderr: \(out.stderr)")
        #expect(cli.contents(of: ".") == ["deep", "s.json"])
        #expect(cli.contents(of: "deep") == ["out"])
        // No temporary file is left beside the results.
        #expect(cli.contents(of: "deep/out").map { $0.split(separator: "-").first ?? "" } == ["inside", "inside", "inside"])
    }
}
