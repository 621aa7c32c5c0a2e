import Contract

/// Why the simulated API did not do what was asked: the status it answers and the one place
/// where the text of every error body is written.
enum SimulatedFailure: Equatable, Sendable {
    /// The connection's endpoint is in an outage window.
    case outage
    /// The primary window's budget is spent; `status` is 403 or 429, as the scenario says.
    case primaryLimit(status: Int)
    /// Too many requests in flight, or the minute's points spent.
    case secondaryLimit
    /// An injected transient error.
    case transient(status: Int)
    /// An issue id outside 1...`issueCount`.
    case issueNotFound(IssueID, issueCount: Int)
    case noBatchEndpoint
    case batchSize(Int, maxItems: Int)
    case unknownLabel(String)

    var status: Int {
        switch self {
        case .outage: return 503
        case .primaryLimit(let status), .transient(let status): return status
        case .secondaryLimit: return 403
        case .issueNotFound: return 404
        case .noBatchEndpoint, .batchSize, .unknownLabel: return 422
        }
    }

    var message: String {
        switch self {
        case .outage:
            return "Service Unavailable"
        case .primaryLimit:
            return "API rate limit exceeded"
        case .secondaryLimit:
            return "You have exceeded a secondary rate limit"
        case .transient(let status):
            return Self.reason(status)
        case let .issueNotFound(id, issueCount):
            return "Not Found: issue \(id) is not in 1...\(issueCount)"
        case .noBatchEndpoint:
            return "Validation Failed: this API has no batch endpoint"
        case let .batchSize(count, maxItems):
            return "Validation Failed: a batch holds 1...\(maxItems) issues, got \(count)"
        case .unknownLabel(let name):
            let known = Label.allCases.map(\.name).joined(separator: ", ")
            return "Validation Failed: no label '\(name)' in this repository (it has \(known))"
        }
    }

    /// The response that says so.
    func response(rate: RateLimitHeaders?, retryAfter: Span? = nil) -> APIResponse {
        APIResponse(status: status, rate: rate, retryAfter: retryAfter, payload: .failure(message))
    }

    /// The reason phrase of a server error status.
    static func reason(_ status: Int) -> String {
        switch status {
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Server Error"
        }
    }
}
