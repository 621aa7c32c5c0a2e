import Testing
@testable import Scenario

/// What fuzzing found: values the JSON allows but the harness cannot turn into nanoseconds, counts
/// or products of counts without trapping, and names long enough to make a message megabytes long.
/// Each is refused with its own message; the lower bounds read as they always did.
struct ScenarioFuzzLimitsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var members: String
        var message: String
        var testDescription: String { message }

        init(_ members: String, _ message: String) {
            self.members = members
            self.message = message
        }
    }

    static let cases: [Case] = [
        Case(#""runs": {"timeoutSeconds": 1e300}"#, "s.json: runs.timeoutSeconds: expected a number <= 10000000, found 1e300"),
        Case(#""runs": {"timeoutSeconds": 0}"#, "s.json: runs.timeoutSeconds: expected a number > 0, found 0"),
        Case(#""api": {"rateLimit": {"limit": 10, "windowSeconds": 1e8}}"#,
             "s.json: api.rateLimit.windowSeconds: expected a number <= 10000000, found 1e8"),
        Case(#""api": {"rateLimit": {"limit": 10, "windowSeconds": 1, "resetSeconds": 1e300}}"#,
             "s.json: api.rateLimit.resetSeconds: expected a number <= 10000000, found 1e300"),
        Case(#""api": {"rateLimit": {"limit": 1e13, "windowSeconds": 1}}"#,
             "s.json: api.rateLimit.limit: expected an integer <= 1000000000000, found 1e13"),
        Case(#""api": {"rateLimit": {"limit": 0, "windowSeconds": 1}}"#, "s.json: api.rateLimit.limit: expected an integer >= 1, found 0"),
        Case(#""api": {"secondary": {"writePoints": 9223372036854775807}}"#,
             "s.json: api.secondary.writePoints: expected an integer <= 1000000, found 9223372036854775807"),
        Case(#""api": {"secondary": {"maxConcurrent": 9223372036854775807}}"#,
             "s.json: api.secondary.maxConcurrent: expected an integer <= 1000000000000, found 9223372036854775807"),
        Case(#""api": {"secondary": {"retryAfterSeconds": 1e10}}"#,
             "s.json: api.secondary.retryAfterSeconds: expected a number <= 10000000, found 1e10"),
        Case(#""api": {"outages": [{"endpoint": "primary", "atSeconds": 1e8, "forSeconds": 1}]}"#,
             "s.json: api.outages[0].atSeconds: expected a number <= 10000000, found 1e8"),
        Case(#""api": {"batch": {"maxItems": 10, "latencyPerItemMs": 1e11}}"#,
             "s.json: api.batch.latencyPerItemMs: expected a number <= 10000000000, found 1e11"),
        Case(#""work": {"analysisMicros": 1e14}"#, "s.json: work.analysisMicros: expected a number <= 10000000000000, found 1e14"),
        // A heavy tail reaches infinity, or a value no clock can hold, however tame its median.
        Case(#""api": {"latencyMs": {"lognormal": {"median": 1, "p99": 1e300}}}"#,
             "s.json: api.latencyMs: expected a distribution whose samples stay <= 10000000000, found one whose samples reach infinity"),
        Case(#""api": {"connectMs": {"exponential": {"mean": 1e9}}}"#,
             "s.json: api.connectMs: expected a distribution whose samples stay <= 10000000000, found one whose samples reach 40000000000"),
        Case(#""api": {"latencyMs": {"fixed": 1e11}}"#,
             "s.json: api.latencyMs: expected a distribution whose samples stay <= 10000000000, found one whose samples reach 100000000000"),
        Case(#""issues": {"counts": [1], "commentsPerIssue": {"normal": {"mean": 10, "stddev": 20000}}}"#,
             "s.json: issues.commentsPerIssue: expected a distribution whose samples stay <= 100000, found one whose samples reach 180010"),
        Case(#""issues": {"counts": [1], "bodyBytes": {"lognormal": {"median": 1e-300, "p99": 1e300}}}"#,
             "s.json: issues.bodyBytes: expected a distribution whose samples stay <= 1000000000000000, found one whose samples reach infinity"),
        Case(#""issues": {"counts": [\#((1...101).map(String.init).joined(separator: ","))]}"#,
             "s.json: issues.counts: expected at most 100 issue counts, found 101"),
        Case(#""engines": {"\#(String(repeating: "x", count: 65))": {}}"#,
             "s.json: engines: expected engine names of at most 64 characters, found a name of 65 characters"),
        Case(#""engines": {"phase1": {"\#(String(repeating: "é", count: 100))": 1}}"#,
             "s.json: engines.phase1: expected tunable names of at most 64 characters, found a name of 100 characters"),
    ]

    @Test(arguments: cases)
    func aValuePastItsCapIsRefused(_ c: Case) {
        // `minimal` already has "issues"; a case that sets it replaces the whole document's.
        let json = c.members.hasPrefix(#""issues""#) ? #"{"name": "t", "# + c.members + "}" : Fixtures.minimal(c.members)
        #expect(Fixtures.message(json) == c.message)
    }

    @Test func valuesAtTheirCapsAreAccepted() throws {
        let scenario = try Fixtures.decode(Fixtures.minimal("""
            "api": {"latencyMs": {"fixed": 1e10}, "rateLimit": {"limit": 1000000000000, "windowSeconds": 1e7},
                    "secondary": {"writePoints": 1000000, "retryAfterSeconds": 1e7}},
            "work": {"analysisMicros": 1e13}, "runs": {"timeoutSeconds": 1e7}
            """))
        #expect(scenario.runs.timeoutSeconds == 1e7)
        #expect(scenario.api.latencyMs.largestSample == 1e10)
    }

    @Test func aTenMegabyteUnknownKeyGivesAShortMessage() {
        let key = String(repeating: "k", count: 10 << 20)
        let message = Fixtures.message(Fixtures.minimal(#""api": {"\#(key)": 1}"#))
        #expect(message?.hasPrefix(#"s.json: api[""# + String(repeating: "k", count: 40) + #"…"]: unknown key; expected one of "#) == true)
        #expect((message?.utf8.count ?? .max) < 300)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(Fixtures.message(Fixtures.minimal(#""seed": \#(deep)"#))?.hasPrefix("s.json: line 1, column ") == true)
        let shallow = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(Fixtures.message(Fixtures.minimal(#""seed": \#(shallow)"#))
            == "s.json: seed: expected an integer in 0...18446744073709551615, found an array")
    }
}
