import Contract

extension APIRequest {
    /// Identifies the request (kind and page or issue), to key its backoff jitter: the same request
    /// draws the same waits whatever order tasks run in.
    var jitterKey: UInt64 {
        switch self {
        case .listIssues(let page): return 1 << 56 | UInt64(truncatingIfNeeded: page)
        case .getIssue(let id): return 2 << 56 | UInt64(truncatingIfNeeded: id)
        case .listComments(let id): return 3 << 56 | UInt64(truncatingIfNeeded: id)
        case .batchGet(let ids): return 4 << 56 | UInt64(truncatingIfNeeded: ids.first ?? 0)
        case .addLabel(let id, _): return 5 << 56 | UInt64(truncatingIfNeeded: id)
        case .addComment(let id, _): return 6 << 56 | UInt64(truncatingIfNeeded: id)
        }
    }
}
