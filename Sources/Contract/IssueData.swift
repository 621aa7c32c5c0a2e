/// An issue's number: 1 ... N within a trial's corpus.
public typealias IssueID = Int

/// An issue as the API returns it. Text is UTF-8 bytes: engines hash and scan bytes, and an
/// `[UInt8]` is one allocation where a `String` would add bridging and validation costs.
public struct Issue: Sendable, Equatable {
    public var id: IssueID
    public var title: [UInt8]
    public var body: [UInt8]
    public var commentCount: Int

    public init(id: IssueID, title: [UInt8], body: [UInt8], commentCount: Int) {
        self.id = id
        self.title = title
        self.body = body
        self.commentCount = commentCount
    }

    /// Bytes of text this issue holds (title + body), for buffer accounting.
    public var byteCount: Int { title.count + body.count }
}

/// One comment on an issue.
public struct Comment: Sendable, Equatable {
    public var body: [UInt8]

    public init(body: [UInt8]) { self.body = body }
}

/// An issue with its comments, as the batch endpoint returns them.
public struct IssueBundle: Sendable, Equatable {
    public var issue: Issue
    public var comments: [Comment]

    public init(issue: Issue, comments: [Comment]) {
        self.issue = issue
        self.comments = comments
    }
}

/// One page of the issue listing. `lastPage` plays the part of GitHub's `Link: rel="last"` header,
/// so an engine can fetch later pages without walking them one by one.
public struct IssuePage: Sendable, Equatable {
    public var page: Int
    public var lastPage: Int
    public var issues: [Issue]

    public init(page: Int, lastPage: Int, issues: [Issue]) {
        self.page = page
        self.lastPage = lastPage
        self.issues = issues
    }
}
