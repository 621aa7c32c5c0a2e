/// A request to the (simulated or real) GitHub API.
public enum APIRequest: Sendable, Equatable {
    /// `GET /repos/o/r/issues?page=N` (1-based).
    case listIssues(page: Int)
    /// `GET /repos/o/r/issues/N`.
    case getIssue(IssueID)
    /// `GET /repos/o/r/issues/N/comments`.
    case listComments(IssueID)
    /// One request for several issues with their comments; only when
    /// `APICapabilities.batchMaxItems > 0`, and with at most that many ids.
    case batchGet([IssueID])
    /// `POST /repos/o/r/issues/N/labels`.
    case addLabel(IssueID, label: String)
    /// `POST /repos/o/r/issues/N/comments`.
    case addComment(IssueID, body: [UInt8])

    /// Whether GitHub counts this request as a write (5 points instead of 1 on the secondary limit).
    public var isWrite: Bool {
        switch self {
        case .addLabel, .addComment: return true
        case .listIssues, .getIssue, .listComments, .batchGet: return false
        }
    }

    /// A short human-readable form, for error messages: "GET /issues/17".
    public var summary: String {
        switch self {
        case .listIssues(let page): return "GET /issues?page=\(page)"
        case .getIssue(let id): return "GET /issues/\(id)"
        case .listComments(let id): return "GET /issues/\(id)/comments"
        case .batchGet(let ids): return "POST /batch (\(ids.count) issues)"
        case .addLabel(let id, _): return "POST /issues/\(id)/labels"
        case .addComment(let id, _): return "POST /issues/\(id)/comments"
        }
    }
}
