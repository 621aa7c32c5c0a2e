import Contract

/// What phase1 and phase2 keep of each issue for the whole run, as the report's pre-streaming
/// design did: the issue text, its comments and its result, uncompressed.
struct ArchivedRecord: Sendable {
    var issue: Issue
    var comments: [Comment]
    var result: IssueResult
}
