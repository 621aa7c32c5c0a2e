import Contract

/// What the simulated API did to each issue, for verification: which reads succeeded, which
/// writes were applied, and when work on the issue began.
///
/// A read-only view of the API's live ledger, not a copy: each access takes the API's lock and
/// costs O(1) — but for `claimStarts`, which the harness's sink calls while engines run to date
/// the issues delivered and let the ledger forget when work on them began.
public struct APILedger: Sendable {
    private let api: SimulatedGitHub
    public let issueCount: Int

    init(api: SimulatedGitHub, issueCount: Int) {
        self.api = api
        self.issueCount = issueCount
    }

    /// Issue `id`'s entry, `id` in 1...`issueCount`.
    public subscript(id: IssueID) -> Entry {
        api.withLedger { $0.entry(id) }
    }

    /// When work on issue `id` began (see `Entry.firstRequestAt`), `id` in 1...`issueCount`.
    public func firstRequestAt(_ id: IssueID) -> Moment? {
        api.withLedger { $0.starts.firstRequestAt(id) }
    }

    /// Writes into `starts` the `firstRequestAt` of each issue of `ids`, whose results were just
    /// delivered (once an issue), under one acquisition of the API's lock; the ledger then forgets
    /// them (`WorkStarts.claim`). `starts` holds at least as many as `ids`. Through buffers, not a
    /// closure per issue: the sink dates every issue this way.
    public func claimStarts(_ ids: UnsafeBufferPointer<IssueID>, into starts: UnsafeMutableBufferPointer<Moment?>) {
        precondition(starts.count >= ids.count, "\(ids.count) issues to date into \(starts.count) starts")
        api.withLedger { ledger in
            for index in ids.indices { starts[index] = ledger.starts.claim(ids[index]) }
        }
    }

    /// First reads the ledger holds: of issues read and not delivered. What `claimStarts` keeps
    /// bounded.
    public var heldReads: Int {
        api.withLedger { $0.starts.heldReads }
    }

    /// One issue's line of the ledger.
    public struct Entry: Sendable, Equatable {
        /// `GET /issues/N` (or a batch holding it) succeeded.
        public var issueRead: Bool
        /// `GET /issues/N/comments` (or a batch holding it) succeeded.
        public var commentsRead: Bool
        /// Labels applied that changed the issue, up to 255: its first, and each different one
        /// after it (more than 1: it was labelled more than once). Adding the label it already
        /// has changes nothing and is not counted (see `APICounters.redundantWrites`).
        public var labelsApplied: Int
        /// The first label applied.
        public var label: Label?
        /// Comment writes applied, up to 255.
        public var commentsPosted: Int
        /// When work on the issue began: the arrival of its first successful per-issue read, or,
        /// when it was never read on its own, the response to the listing page that held it. Kept
        /// until the issue's result reaches the harness's sink, which claims it (`WorkStarts.claim`).
        public var firstRequestAt: Moment?

        public init(issueRead: Bool = false, commentsRead: Bool = false, labelsApplied: Int = 0,
                    label: Label? = nil, commentsPosted: Int = 0, firstRequestAt: Moment? = nil) {
            self.issueRead = issueRead
            self.commentsRead = commentsRead
            self.labelsApplied = labelsApplied
            self.label = label
            self.commentsPosted = commentsPosted
            self.firstRequestAt = firstRequestAt
        }
    }
}
