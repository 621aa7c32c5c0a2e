import Contract
@testable import Engines
import Testing

@Suite struct RetryPolicyTests {
    static let policy = RetryPolicy(maxAttempts: 3, backoff: .fixed(.milliseconds(100)))
    static let now = Moment.origin + .seconds(10)

    static func response(_ status: Int, remaining: Int? = nil, reset: Moment? = nil, retryAfter: Span? = nil,
                         message: String = "Bad Gateway") -> APIResponse {
        let rate = remaining.map { RateLimitHeaders(limit: 100, remaining: $0, used: 100 - $0, reset: reset ?? now) }
        return APIResponse(status: status, rate: rate, retryAfter: retryAfter, payload: .failure(message))
    }

    @Test func serverErrorWaitsTheBackoffAndSpendsAnAttempt() {
        #expect(Self.policy.decide(after: Self.response(502), failures: 0, key: 1, now: Self.now)
                == .retry(at: Self.now + .milliseconds(100), spendsAttempt: true))
    }

    @Test func retryAfterLongerThanTheBackoffWins() {
        let secondary = Self.response(403, remaining: 40, retryAfter: .seconds(2))
        #expect(Self.policy.decide(after: secondary, failures: 0, key: 1, now: Self.now)
                == .retry(at: Self.now + .seconds(2), spendsAttempt: true))
    }

    @Test func primaryExhaustionWaitsForTheResetWithoutSpendingAnAttempt() {
        let reset = Self.now + .seconds(30)
        let exhausted = Self.response(429, remaining: 0, reset: reset)
        #expect(Self.policy.decide(after: exhausted, failures: 2, key: 1, now: Self.now)
                == .retry(at: reset, spendsAttempt: false))
    }

    @Test func primaryExhaustionWithAResetAlreadyPastIsAnOrdinaryFailure() {
        let stale = Self.response(403, remaining: 0, reset: Self.now - .seconds(1))
        #expect(Self.policy.decide(after: stale, failures: 0, key: 1, now: Self.now)
                == .retry(at: Self.now + .milliseconds(100), spendsAttempt: true))
        #expect(Self.policy.decide(after: stale, failures: 2, key: 1, now: Self.now) == .giveUp)
    }

    @Test func givesUpWhenTheBudgetIsSpentOrTheAnswerWillNotChange() {
        #expect(Self.policy.decide(after: Self.response(503), failures: 2, key: 1, now: Self.now) == .giveUp)
        let notFound = Self.response(404, message: "Not Found")
        #expect(Self.policy.decide(after: notFound, failures: 0, key: 1, now: Self.now) == .giveUp)
    }

    @Test func gaveUpMessageNamesTheRequestAttemptsAndLastAnswer() {
        let unavailable = Self.response(503, message: "Service Unavailable")
        let failure = EngineFailure.gaveUp(on: .getIssue(17), attempts: 5, last: unavailable)
        #expect(failure.message == "gave up on GET /issues/17 after 5 attempts: 503 Service Unavailable")
        let notFound = Self.response(404, message: "Not Found")
        let once = EngineFailure.gaveUp(on: .listIssues(page: 2), attempts: 1, last: notFound)
        #expect(once.message == "gave up on GET /issues?page=2 after 1 attempt: 404 Not Found")
    }

    @Test func unexpectedAnswerMessageSaysWhatCameInstead() {
        let failure = EngineFailure.unexpectedAnswer(to: .getIssue(17), expected: "issue 17", got: .comments([]))
        #expect(failure.message == "unexpected answer to GET /issues/17: expected issue 17, got 0 comments")
    }
}
