import Testing
@testable import Scenario

struct WorkloadHashTests {
    @Test func hashIsStableAcrossRunsAndMachines() throws {
        // A golden value: changing it invalidates every committed baseline, so it must be deliberate.
        let hash = try Fixtures.decode(Fixtures.minimal).workloadHash
        #expect(hash == "90ca87669c781596")
        #expect(hash.count == 16 && hash.allSatisfy(\.isHexDigit))
    }

    @Test func spellingAndNonWorkloadSectionsDoNotChangeIt() throws {
        let base = try Fixtures.decode(Fixtures.minimal).workloadHash
        let respelled = try Fixtures.decode(#"""
            {"issues": {"pageSize": 1e2, "counts": [5, 6]}, "seed": 42.0, "name": "other", "description": "d",
             "api": {"latencyMs": {"fixed": 0}}, "runs": {"clock": "virtual"}, "engines": {"phase1": {}},
             "thresholds": ["phase1.throughput > 1"], "maxRegression": {"default": 10}, "claims": []}
            """#)
        #expect(respelled.workloadHash == base)
    }

    @Test(arguments: [#""seed": 43"#, #""api": {"latencyMs": {"fixed": 1}}"#, #""api": {"endpoints": ["a"]}"#,
                      #""api": {"errors": {"rate": 0}}"#, #""work": {"writes": []}"#, #""work": {"analysisMicros": 1}"#])
    func workloadFieldsChangeIt(_ change: String) throws {
        #expect(try Fixtures.decode(Fixtures.minimal(change)).workloadHash
            != Fixtures.decode(Fixtures.minimal).workloadHash)
    }
}
