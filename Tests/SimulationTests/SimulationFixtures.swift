import Contract
import Scenario
@testable import Simulation

/// A scenario of `count` issues with short fixed bodies (fast to generate), no comments unless
/// configured, zero latency and no limits, changed by `configure`.
func testScenario(count: Int = 250, seed: UInt64 = 42, _ configure: (inout Scenario) -> Void = { _ in }) -> Scenario {
    var issues = IssueSpec(counts: [count])
    issues.bodyBytes = .fixed(120)
    issues.commentsPerIssue = .fixed(2)
    issues.commentBytes = .fixed(60)
    var scenario = Scenario(name: "simulation-test", seed: seed, issues: issues)
    configure(&scenario)
    return scenario
}

extension SimulatedGitHub {
    /// An API over `testScenario(...)`.
    convenience init(count: Int = 250, seed: UInt64 = 42, clock: any HarnessClock = InstantClock(),
                     _ configure: (inout Scenario) -> Void = { _ in }) {
        self.init(scenario: testScenario(count: count, seed: seed, configure), issueCount: count, clock: clock)
    }

    /// Sends `request` over a connection to the primary endpoint.
    func send(_ request: APIRequest, endpoint: Int = 0) async throws -> APIResponse {
        try await send(request, over: Connection(id: 0, endpoint: endpoint))
    }
}

extension Moment {
    static func seconds(_ s: Double) -> Moment { .origin + .seconds(s) }
    static func milliseconds(_ ms: Double) -> Moment { .origin + .milliseconds(ms) }
}
