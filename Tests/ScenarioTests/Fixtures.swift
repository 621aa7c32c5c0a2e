@testable import Scenario

/// Scenario documents and helpers shared by the tests.
enum Fixtures {
    /// The smallest valid scenario: every other section takes its defaults.
    static let minimal = #"{"name": "t", "issues": {"counts": [1]}}"#

    /// `minimal` with more top-level members appended: `minimal(#""seed": 1"#)`.
    static func minimal(_ members: String) -> String {
        #"{"name": "t", "issues": {"counts": [1]}, "# + members + "}"
    }

    /// A scenario that sets every key of schema v1.
    static let full = #"""
    {
      "schemaVersion": 1,
      "name": "full-example",
      "description": "Every section, every key",
      "seed": 18446744073709551615,
      "issues": {
        "counts": [100, 500, 1e3],
        "bodyBytes": {"lognormal": {"median": 1500, "p99": 20000}},
        "commentsPerIssue": {"uniform": {"min": 0, "max": 8}},
        "commentBytes": {"normal": {"mean": 400, "stddev": 50}},
        "pageSize": 50
      },
      "api": {
        "latencyMs": {"exponential": {"mean": 8}},
        "connectMs": {"fixed": 30},
        "endpoints": ["primary", "replica"],
        "rateLimit": {"limit": 5000, "windowSeconds": 3600, "remaining": 60, "resetSeconds": 2, "status": 429},
        "secondary": {"maxConcurrent": 100, "pointsPerMinute": 900, "readPoints": 2, "writePoints": 5,
                      "retryAfterSeconds": 60},
        "errors": {"rate": 0.01, "status": 503},
        "outages": [{"endpoint": "replica", "atSeconds": 1.0, "forSeconds": 0.5}],
        "batch": {"maxItems": 50, "latencyPerItemMs": 0.5}
      },
      "work": {"reads": ["comments", "issue"], "writes": ["label", "comment"], "analysisMicros": 50},
      "engines": {"phase3": {"maxConnections": 20}, "phase1": {}, "phase2": {"maxConcurrency": 16, "minConcurrency": 2}},
      "runs": {"warmup": 2, "repetitions": 7, "clock": "virtual", "timeoutSeconds": 30.5, "maxRSSMiB": 512},
      "thresholds": ["phase3.throughput >= 200", "phase3.p99LatencyMs<500"],
      "maxRegression": {"default": 10, "p99LatencyMs": 25, "cpuSeconds": 50},
      "claims": [
        {"engine": "phase3", "issues": 1000, "metric": "throughput", "value": 846.1, "source": "Phase 3 completion report"},
        {"engine": "phase1", "metric": "speedup", "value": 1, "source": "r"}
      ]
    }
    """#

    /// Decodes `json` as file "s.json".
    static func decode(_ json: String, patches: [JSONPatch] = []) throws(ScenarioError) -> Scenario {
        try Scenario.decode(Array(json.utf8), file: "s.json", patches: patches)
    }

    /// The message `json` is rejected with, or `nil` when it decodes.
    static func message(_ json: String, patches: [JSONPatch] = []) -> String? {
        do {
            _ = try decode(json, patches: patches)
            return nil
        } catch {
            return error.description
        }
    }

    /// The message a bare JSON parse of `text` fails with, or `nil`.
    static func parseMessage(_ text: String) -> String? {
        parseMessage(Array(text.utf8))
    }

    static func parseMessage(_ bytes: [UInt8]) -> String? {
        do {
            _ = try JSONValue.parse(bytes, file: "bad.json")
            return nil
        } catch {
            return error.description
        }
    }
}
