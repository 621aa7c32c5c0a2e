import Testing
@testable import Scenario

/// Every rejection names the file, the JSON path (or line and column for text that is not JSON),
/// what was expected there and what was found.
struct ScenarioErrorMessageTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var json: String
        var message: String
        var testDescription: String { message }

        init(_ json: String, _ message: String) {
            self.json = json
            self.message = message
        }

        /// `members` added to the minimal scenario.
        static func with(_ members: String, _ message: String) -> Case {
            Case(Fixtures.minimal(members), message)
        }
    }

    static let metrics = "throughput, efficiency, p50LatencyMs, p95LatencyMs, p99LatencyMs, peakRSSMiB, cpuSeconds, "
        + "wallSeconds, apiCalls, rateLimited, retries"
    static let forms = "fixed, uniform, normal, lognormal, exponential"

    static let cases: [Case] = [
        // Not JSON
        Case("{\n  \"name\": \"x\"\n  x\n}",
             "s.json: line 3, column 3: expected ',' or '}' after an object member, found 'x'"),
        Case(#"{"name": "t", "seed": 1, "seed": 2}"#,
             #"s.json: line 1, column 26: expected each key once in an object, found "seed" again"#),
        // Unknown keys, with a suggestion for a typo
        .with(#""api": {"latncyMs": {"fixed": 1}}"#,
              "s.json: api.latncyMs: unknown key; expected one of latencyMs, connectMs, endpoints, rateLimit, "
              + "secondary, errors, outages, batch (did you mean 'latencyMs'?)"),
        .with(#""sed": 1"#,
              "s.json: sed: unknown key; expected one of schemaVersion, name, description, seed, issues, api, work, "
              + "engines, runs, thresholds, maxRegression, claims (did you mean 'seed'?)"),
        Case(#"{"name": "t", "issues": {"cuonts": [1]}}"#,
             "s.json: issues.cuonts: unknown key; expected one of counts, bodyBytes, commentsPerIssue, commentBytes, "
             + "pageSize (did you mean 'counts'?)"),
        .with(#""api": {"latencyMs": {"gaussian": {"mean": 1}}}"#,
              "s.json: api.latencyMs.gaussian: unknown key; expected one of \(forms)"),
        .with(#""api": {"outages": [{"endpoint": "primary", "atSeconds": 0, "forSeconds": 1, "extra": 1}]}"#,
              "s.json: api.outages[0].extra: unknown key; expected one of endpoint, atSeconds, forSeconds"),
        // Wrong types
        .with(#""seed": "x""#, #"s.json: seed: expected an integer in 0...18446744073709551615, found a string "x""#),
        .with(#""seed": 18446744073709551616"#,
              "s.json: seed: expected an integer in 0...18446744073709551615, found 18446744073709551616"),
        .with(#""seed": -1"#, "s.json: seed: expected an integer in 0...18446744073709551615, found -1"),
        Case("[]", "s.json: expected a scenario object, found an empty array"),
        .with(#""api": []"#, "s.json: api: expected an object, found an empty array"),
        Case(#"{"name": "t", "issues": {"counts": [1], "pageSize": 1.5}}"#,
             "s.json: issues.pageSize: expected an integer in 1...100, found 1.5"),
        .with(#""description": null"#, "s.json: description: expected a string, found null"),
        // Names
        Case(#"{"name": "Bad Name", "issues": {"counts": [1]}}"#,
             #"s.json: name: expected a name of 1 to 64 characters a-z, 0-9 or '-', found a string "Bad Name""#),
        Case(#"{"issues": {"counts": [1]}}"#,
             "s.json: name: expected a name of 1 to 64 characters a-z, 0-9 or '-', found nothing"),
        .with(#""schemaVersion": 2"#, "s.json: schemaVersion: expected 1, found 2"),
        // Issue counts
        Case(#"{"name": "t", "issues": {"counts": []}}"#,
             "s.json: issues.counts: expected a non-empty array of issue counts, found an empty array"),
        Case(#"{"name": "t", "issues": {}}"#,
             "s.json: issues.counts: expected a non-empty array of issue counts, found nothing"),
        Case(#"{"name": "t"}"#, "s.json: issues: expected an object, found nothing"),
        Case(#"{"name": "t", "issues": {"counts": [0]}}"#,
             "s.json: issues.counts[0]: expected an integer in 1...10000000, found 0"),
        Case(#"{"name": "t", "issues": {"counts": [1, 10000001]}}"#,
             "s.json: issues.counts[1]: expected an integer in 1...10000000, found 10000001"),
        // Distributions
        .with(#""api": {"latencyMs": {"fixed": -1}}"#, "s.json: api.latencyMs.fixed: expected a number >= 0, found -1"),
        .with(#""api": {"latencyMs": {"lognormal": {"median": 8, "p99": 2}}}"#,
              "s.json: api.latencyMs.lognormal.p99: expected a number >= median (8), found 2"),
        .with(#""api": {"latencyMs": {"lognormal": {"median": 0, "p99": 2}}}"#,
              "s.json: api.latencyMs.lognormal.median: expected a number > 0, found 0"),
        .with(#""api": {"connectMs": {"uniform": {"min": 3, "max": 2.5}}}"#,
              "s.json: api.connectMs.uniform.max: expected a number >= min (3), found 2.5"),
        .with(#""api": {"connectMs": {"exponential": {"mean": 0}}}"#,
              "s.json: api.connectMs.exponential.mean: expected a number > 0, found 0"),
        .with(#""api": {"connectMs": {"normal": {"mean": 1}}}"#,
              "s.json: api.connectMs.normal.stddev: expected a number >= 0, found nothing"),
        .with(#""api": {"latencyMs": {"fixed": 1, "lognormal": {"median": 1, "p99": 2}}}"#,
              "s.json: api.latencyMs: expected exactly one of \(forms), found fixed and lognormal"),
        .with(#""api": {"latencyMs": {}}"#, "s.json: api.latencyMs: expected exactly one of \(forms), found an empty object"),
        .with(#""api": {"latencyMs": 5}"#,
              "s.json: api.latencyMs: expected a distribution: an object with one of \(forms), found 5"),
        .with(#""api": {"latencyMs": {"fixed": 1e400}}"#,
              "s.json: api.latencyMs.fixed: expected a finite number, found 1e400"),
        // API limits, errors, outages, batch
        .with(#""api": {"errors": {"rate": 1.5}}"#, "s.json: api.errors.rate: expected a number in 0...1, found 1.5"),
        .with(#""api": {"errors": {"rate": 0.1, "status": 404}}"#,
              "s.json: api.errors.status: expected an integer in 500...599, found 404"),
        .with(#""api": {"rateLimit": {"limit": 0, "windowSeconds": 1}}"#,
              "s.json: api.rateLimit.limit: expected an integer >= 1, found 0"),
        .with(#""api": {"rateLimit": {"limit": 10, "windowSeconds": 0}}"#,
              "s.json: api.rateLimit.windowSeconds: expected a number > 0, found 0"),
        .with(#""api": {"rateLimit": {"limit": 10, "windowSeconds": 1, "remaining": 11}}"#,
              "s.json: api.rateLimit.remaining: expected an integer in 0...10, found 11"),
        .with(#""api": {"rateLimit": {"limit": 10, "windowSeconds": 1, "status": 500}}"#,
              "s.json: api.rateLimit.status: expected 403 or 429, found 500"),
        .with(#""api": {"secondary": {"maxConcurrent": 0}}"#,
              "s.json: api.secondary.maxConcurrent: expected an integer >= 1, found 0"),
        .with(#""api": {"secondary": {"retryAfterSeconds": -1}}"#,
              "s.json: api.secondary.retryAfterSeconds: expected a number >= 0, found -1"),
        .with(#""api": {"endpoints": ["primary", "replica"], "outages": [{"endpoint": "backup", "atSeconds": 0, "forSeconds": 1}]}"#,
              #"s.json: api.outages[0].endpoint: expected "primary" or "replica", found a string "backup""#),
        .with(#""api": {"outages": [{"endpoint": "primary", "atSeconds": 0, "forSeconds": 0}]}"#,
              "s.json: api.outages[0].forSeconds: expected a number > 0, found 0"),
        .with(#""api": {"endpoints": []}"#,
              "s.json: api.endpoints: expected a non-empty array of endpoint names, found an empty array"),
        .with(#""api": {"endpoints": ["a", "b", "a"]}"#,
              #"s.json: api.endpoints[2]: expected a value not listed before, found a string "a""#),
        .with(#""api": {"batch": {"maxItems": 1001, "latencyPerItemMs": 0}}"#,
              "s.json: api.batch.maxItems: expected an integer in 1...1000, found 1001"),
        // Work
        .with(#""work": {"reads": ["issue", "issue"]}"#,
              #"s.json: work.reads[1]: expected a value not listed before, found a string "issue""#),
        .with(#""work": {"writes": ["close"]}"#,
              #"s.json: work.writes[0]: expected "label" or "comment", found a string "close""#),
        // Engines
        .with(#""engines": {}"#, "s.json: engines: expected a non-empty object of engine names to tunables, found an empty object"),
        .with(#""engines": {"phase2": {"maxConcurrency": "16"}}"#,
              #"s.json: engines.phase2.maxConcurrency: expected a number, found a string "16""#),
        .with(#""engines": {"my engine": 1}"#,
              #"s.json: engines["my engine"]: expected an object of tunable names to numbers, found 1"#),
        // Runs
        .with(#""runs": {"clock": "sundial"}"#, #"s.json: runs.clock: expected "wall" or "virtual", found a string "sundial""#),
        .with(#""runs": {"clock": "vitual"}"#,
              #"s.json: runs.clock: expected "wall" or "virtual", found a string "vitual" (did you mean "virtual"?)"#),
        .with(#""runs": {"clock": 1}"#, #"s.json: runs.clock: expected "wall" or "virtual", found 1"#),
        .with(#""runs": {"warmup": 101}"#, "s.json: runs.warmup: expected an integer in 0...100, found 101"),
        .with(#""runs": {"repetitions": 0}"#, "s.json: runs.repetitions: expected an integer in 1...1000, found 0"),
        .with(#""runs": {"timeoutSeconds": 0}"#, "s.json: runs.timeoutSeconds: expected a number > 0, found 0"),
        .with(#""runs": {"maxRSSMiB": 8}"#, "s.json: runs.maxRSSMiB: expected an integer in 16...1048576, found 8"),
        // Thresholds and claims
        .with(#""thresholds": ["phase3.throughput >= 1", "phase3.speed >= 1"]"#,
              "s.json: thresholds[1]: expected a threshold ENGINE.METRIC OP NUMBER, with METRIC one of \(metrics) "
              + #"and OP one of >=, <=, >, <, ==, found a string "phase3.speed >= 1""#),
        .with(#""claims": [{"engine": "phase3", "metric": "latency", "value": 1, "source": "r"}]"#,
              #"s.json: claims[0].metric: expected one of "throughput", "speedup", "memorySavingsPercent", "#
              + #""compressionPercent", found a string "latency""#),
        .with(#""claims": [{"engine": "phase3", "metric": "speedup", "value": 1}]"#,
              "s.json: claims[0].source: expected a string, found nothing"),
    ]

    @Test(arguments: cases)
    func rejectionNamesFilePathExpectationAndFinding(_ c: Case) {
        #expect(Fixtures.message(c.json) == c.message)
    }

    @Test func thrownErrorCarriesItsPartsAsValues() {
        #expect(throws: ScenarioError(file: "s.json", location: .path("seed"), problem: .mismatch(
            expected: "an integer in 0...18446744073709551615", found: "true"))) {
            try Fixtures.decode(Fixtures.minimal(#""seed": true"#))
        }
        #expect(throws: ScenarioError(file: "s.json", location: .path("api.latncyMs"), problem: .unknownKey(
            expected: ["latencyMs", "connectMs", "endpoints", "rateLimit", "secondary", "errors", "outages", "batch"],
            suggestion: "latencyMs"))) {
            try Fixtures.decode(Fixtures.minimal(#""api": {"latncyMs": 1}"#))
        }
    }

    @Test func messageWithoutFileOrPathIsJustTheProblem() {
        let error = ScenarioError(file: "", location: .file, problem: .mismatch(expected: "x", found: "y"))
        #expect(error.description == "expected x, found y")
        #expect(ScenarioError(file: "f", location: .file, problem: .unreadable(reason: "Permission denied")).description
            == "f: cannot read: Permission denied")
    }

    @Test func longStringsAreCutShortInMessages() {
        let long = String(repeating: "a", count: 100)
        #expect(Fixtures.message(Fixtures.minimal(#""runs": {"clock": "\#(long)"}"#))
            == #"s.json: runs.clock: expected "wall" or "virtual", found a string ""# + String(repeating: "a", count: 40) + #"…""#)
    }
}
