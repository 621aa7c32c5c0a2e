import Contract

/// Every message an engine fails with, rendered here.
extension EngineFailure {
    /// "gave up on GET /issues/17 after 5 attempts: 503 Service Unavailable"
    static func gaveUp(on request: APIRequest, attempts: Int, last: APIResponse) -> EngineFailure {
        let noun = attempts == 1 ? "attempt" : "attempts"
        return EngineFailure("gave up on \(request.summary) after \(attempts) \(noun): \(statusLine(last))")
    }

    /// "unexpected answer to GET /issues/17: expected an issue, got comments"
    static func unexpectedAnswer(to request: APIRequest, expected: String, got payload: Payload) -> EngineFailure {
        EngineFailure("unexpected answer to \(request.summary): expected \(expected), got \(describe(payload))")
    }

    private static func statusLine(_ response: APIResponse) -> String {
        if case .failure(let message) = response.payload { return "\(response.status) \(message)" }
        return "\(response.status)"
    }

    private static func describe(_ payload: Payload) -> String {
        switch payload {
        case .issuePage(let page): return "an issue page (page \(page.page))"
        case .issue(let issue): return "issue \(issue.id)"
        case .comments(let comments): return "\(comments.count) comments"
        case .batch(let bundles): return "a batch of \(bundles.count) issues (\(bundles.map(\.issue.id)))"
        case .accepted: return "an acceptance"
        case .failure(let message): return "the error '\(message)'"
        }
    }
}
