import Testing
@testable import Scenario

struct JSONPatchTests {
    private func patch(_ path: String, _ value: String) throws(ScenarioError) -> JSONPatch {
        try JSONPatch(path: path, valueText: value)
    }

    @Test func patchAddsMissingSectionsAndSetsTheValue() throws {
        let decoded = try Fixtures.decode(Fixtures.minimal, patches: [
            try patch("api.latencyMs.fixed", "10"),
            try patch("runs.clock", #""virtual""#),
            try patch("engines.phase2.maxConcurrency", "32"),
        ])
        #expect(decoded.api.latencyMs == .fixed(10))
        #expect(decoded.runs.clock == .virtual)
        #expect(decoded.engines == [EngineSelection(engine: "phase2", overrides: ["maxConcurrency": 32])])
    }

    @Test func patchReplacesExistingValuesInOrder() throws {
        let decoded = try Fixtures.decode(Fixtures.full, patches: [
            try patch("issues.counts[1]", "7"),
            try patch("seed", "1"),
            try patch("seed", "2"),
            try patch("api.endpoints", #"["a", "b"]"#),
            try patch("api.outages[0].endpoint", #""b""#),
        ])
        #expect(decoded.issues.counts == [100, 7, 1000])
        #expect(decoded.seed == 2)
        #expect(decoded.api.outages.first?.endpoint == "b")
        // Untouched keys keep their place: engines are still in file order.
        #expect(decoded.engines?.map(\.engine) == ["phase3", "phase1", "phase2"])
    }

    @Test(arguments: [
        ("api.latncyMs.fixed", "1",
         "s.json: api.latncyMs: unknown key; expected one of latencyMs, connectMs, endpoints, rateLimit, secondary, "
         + "errors, outages, batch (did you mean 'latencyMs'?)"),
        ("api.latencyMs.fixed", "-1", "s.json: api.latencyMs.fixed: expected a number >= 0, found -1"),
        ("issues.counts[3]", "1", "s.json: issues.counts: expected an array with an element [3], found an array of 1"),
        ("seed.x", "1", "s.json: seed: expected an object, found 42"),
        ("name[0]", "1", #"s.json: name: expected an array, found a string "t""#),
        ("api.endpoints[0]", "1", "s.json: api.endpoints: expected an array, found nothing"),
    ])
    func errorsFromPatchesNameThePath(_ path: String, _ value: String, _ message: String) throws {
        let document = Fixtures.minimal(#""seed": 42"#)
        #expect(Fixtures.message(document, patches: [try patch(path, value)]) == message)
    }

    @Test func aFormAddedBesideAnotherIsTheUsualDistributionError() throws {
        #expect(Fixtures.message(Fixtures.full, patches: [try patch("api.latencyMs.fixed", "1")])
            == "s.json: api.latencyMs: expected exactly one of fixed, uniform, normal, lognormal, exponential, "
            + "found exponential and fixed")
        #expect(try Fixtures.decode(Fixtures.full, patches: [try patch("api.latencyMs", #"{"fixed": 1}"#)])
            .api.latencyMs == .fixed(1))
    }

    @Test(arguments: [
        ("a..b", "expected a path of keys and [index] such as api.latencyMs.fixed or issues.counts[0], found 'a..b'"),
        ("", "expected a path of keys and [index] such as api.latencyMs.fixed or issues.counts[0], found ''"),
        ("counts[x]", "expected a path of keys and [index] such as api.latencyMs.fixed or issues.counts[0], found 'counts[x]'"),
        ("counts[-1]", "expected a path of keys and [index] such as api.latencyMs.fixed or issues.counts[0], found 'counts[-1]'"),
    ])
    func badPathsAreRejected(_ path: String, _ message: String) {
        #expect(throws: ScenarioError.self) { try JSONPatch(path: path, valueText: "1") }
        do {
            _ = try JSONPatch(path: path, valueText: "1")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func valuesMustBeJSON() {
        do {
            _ = try JSONPatch(path: "runs.clock", valueText: "virtual")
            Issue.record("accepted a bare word")
        } catch {
            #expect(error.description
                == #"runs.clock: expected a JSON value such as 10, [1,2] or "x" (strings in double quotes), found 'virtual'"#)
        }
    }
}
