import Contract
import Scenario
import Testing
@testable import Simulation

/// Writes whose response is lost: the server applied them and answered 5xx all the same. A client
/// that retries blindly repeats them; what that costs depends on whether the write is idempotent.
@Suite struct SimulatedGitHubLostResponseTests {
    /// An API on which every request fails with a 502.
    static func failing() -> SimulatedGitHub {
        SimulatedGitHub(count: 10) { $0.api.errors = ErrorSpec(rate: 1) }
    }

    @Test func halfOfTheWriteErrorsComeAfterTheWriteWasApplied() async throws {
        let api = Self.failing()
        var statuses: Set<Int> = []
        for id in 1...10 {
            for _ in 0..<4 { statuses.insert(try await api.send(.addComment(id, body: Array("x".utf8))).status) }
        }
        let counters = api.counters()
        #expect(statuses == [502])
        #expect(counters.transientErrors == 40 && counters.successes == 0 && counters.writes == 0)
        #expect((12...28).contains(counters.lostResponses), "\(counters.lostResponses) of 40")
        let posted = (1...10).map { api.ledger()[$0].commentsPosted }
        #expect(posted.reduce(0, +) == counters.lostResponses)
    }

    @Test func aBlindRetryOfALostCommentPostsItTwice() async throws {
        let api = Self.failing()
        // Retry each issue's comment blindly, as a naive client would, until it has "failed" 4 times.
        for id in 1...10 {
            for _ in 0..<4 { _ = try await api.send(.addComment(id, body: Array("x".utf8))) }
        }
        let counters = api.counters()
        let posted = (1...10).map { api.ledger()[$0].commentsPosted }
        #expect(posted.contains { $0 > 1 }, "\(posted)")
        #expect(counters.duplicateWrites == posted.reduce(0) { $0 + max(0, $1 - 1) })
        #expect(counters.duplicateWrites > 0)
    }

    @Test func aBlindRetryOfALostLabelIsRedundantNotADuplicate() async throws {
        let api = Self.failing()
        for id in 1...10 {
            for _ in 0..<4 { _ = try await api.send(.addLabel(id, label: "bug")) }
        }
        let counters = api.counters()
        let labelled = (1...10).filter { api.ledger()[$0].labelsApplied == 1 }.count
        #expect((1...10).allSatisfy { api.ledger()[$0].labelsApplied <= 1 })
        #expect(counters.duplicateWrites == 0)
        #expect(counters.redundantWrites == counters.lostResponses - labelled)
        #expect(counters.redundantWrites > 0)
    }

    @Test func readErrorsAreNeverApplied() async throws {
        let api = Self.failing()
        for id in 1...10 { _ = try await api.send(.getIssue(id)) }
        #expect(api.counters().lostResponses == 0)
        #expect((1...10).allSatisfy { !api.ledger()[$0].issueRead })
    }

    @Test func postedCommentsCountInTheIssueAsOnGitHub() async throws {
        let api = SimulatedGitHub(count: 10)
        let before = api.corpus.issue(3).commentCount
        _ = try await api.send(.addComment(3, body: Array("x".utf8)))
        guard case .issue(let issue) = try await api.send(.getIssue(3)).payload,
              case .issuePage(let page) = try await api.send(.listIssues(page: 1)).payload else {
            Issue.record("expected an issue and a page")
            return
        }
        #expect(issue.commentCount == before + 1)
        #expect(page.issues[2].commentCount == before + 1)
        #expect(page.issues[3] == api.corpus.issue(4))
        #expect(try await api.send(.listComments(3)).payload == .comments(api.corpus.comments(3)))
    }
}
