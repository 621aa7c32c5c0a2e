import Contract
@testable import Engines
import Scenario
import Simulation
import Testing

/// Every engine checks whether a comment whose answer was a 5xx landed before sending it again, so
/// lost responses never post a comment twice.
@Suite struct LostResponseTests {
    static let engineNames = EngineRegistry.all.map { $0.name }

    /// Frequent errors: some 15 % of the writes are applied and answered 502.
    static let lossy = EngineTrial.scenario("lossy") { $0.errors = ErrorSpec(rate: 0.3) }

    @Test(arguments: engineNames)
    func noCommentIsPostedTwiceWhenResponsesAreLost(engine name: String) throws {
        let trial = EngineTrial(engine: EngineRegistry.named(name)!, overrides: ["maxAttempts": 20],
                                scenario: Self.lossy, issues: 300)
        let outcome = try trial.runOnVirtualClock()
        #expect(trial.problems(in: outcome).isEmpty, "\(trial.problems(in: outcome).prefix(5))")
        #expect(outcome.counters.lostResponses > 20)
        #expect(outcome.counters.duplicateWrites == 0)
        #expect((1...300).allSatisfy { outcome.ledger[$0].commentsPosted == 1 })
    }

    @Test func onlyAServerErrorToACommentMayHideAWriteThatWasApplied() {
        let policy = RetryPolicy(maxAttempts: 3, backoff: .fixed(.zero))
        func answer(_ status: Int) -> APIResponse {
            APIResponse(status: status, rate: nil, retryAfter: nil, payload: .failure("x"))
        }
        let comment = APIRequest.addComment(1, body: [])
        #expect(policy.mayHaveApplied(comment, answered: answer(502)))
        #expect(policy.mayHaveApplied(comment, answered: answer(503)))
        #expect(!policy.mayHaveApplied(comment, answered: answer(403)))
        #expect(!policy.mayHaveApplied(comment, answered: answer(429)))
        #expect(!policy.mayHaveApplied(.addLabel(1, label: "bug"), answered: answer(502)))
        #expect(!policy.mayHaveApplied(.getIssue(1), answered: answer(502)))
    }
}
