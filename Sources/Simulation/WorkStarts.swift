import Contract

/// When work on each issue began — its first successful read, or else the response to the listing
/// page that held it — for the harness's latency of an issue, which runs from this moment to the
/// delivery of its result.
///
/// A read's moment is kept only until the harness claims it as the issue's result arrives: kept
/// for every issue, the moments cost 8 bytes an issue for the whole run; claimed, they are what
/// an engine has in flight, whatever the issue count (`SparseSlots`). A page's moment is kept for
/// the run, 8 bytes a page (80 KiB for a million issues in pages of 100), written in `init` so
/// that it is resident before a trial's peak is reset: counting down each page's issues to drop
/// it cost more per issue than the rest of the claim.
///
/// Part of the API's ledger, and like the rest of it touched only under the API's lock: by the
/// API as requests complete, and by the harness's sink through `APILedger.claimStarts`, which
/// takes that lock once for a batch of deliveries. A class, so that the sink can claim through
/// the ledger the lock lends (`SimulatedGitHub.withLedger`); not `Sendable`, since it has no lock
/// of its own — a lock of its own, taken on every first read inside the API's, made the two
/// cores of a zero-latency run wait on each other.
final class WorkStarts {
    private let pageSize: Int
    /// First successful read of each issue read and not yet claimed, in nanoseconds, by `id − 1`.
    /// Unchecked: the API's lock already makes every access exclusive, and the runtime's check of
    /// each access to a class's property cost more than the rest of the bookkeeping of an issue.
    @exclusivity(unchecked) private var reads: SparseSlots<Int64>
    /// First successful listing of each page, by page − 1.
    @exclusivity(unchecked) private var pages: [Int64]

    private static let none = Int64.min

    init(issueCount: Int, pageSize: Int) {
        self.pageSize = pageSize
        reads = SparseSlots(count: issueCount, empty: Self.none)
        pages = Array(repeating: Self.none, count: (issueCount + pageSize - 1) / pageSize)
    }

    /// Records the first successful read of issue `id` (the ledger knows which read is first).
    func recordFirstRead(_ id: IssueID, at arrival: Moment) {
        reads.put(arrival.nanoseconds, at: id - 1)
    }

    /// Records a successful listing of `page` (from 1), the first one only.
    func recordPageListed(_ page: Int, at response: Moment) {
        if pages[page - 1] == Self.none { pages[page - 1] = response.nanoseconds }
    }

    /// When work on issue `id` began: its first successful read, else its page's first listing;
    /// `nil` if neither happened. After `claim`, its page's listing.
    func firstRequestAt(_ id: IssueID) -> Moment? {
        start(of: id, read: reads[id - 1])
    }

    /// `firstRequestAt(id)`, for the delivery of issue `id`'s result (once an issue): forgets its read.
    func claim(_ id: IssueID) -> Moment? {
        start(of: id, read: reads.take(id - 1))
    }

    /// Issue `id`'s start given its first read's moment (`none` if not held): that, else its page's.
    private func start(of id: IssueID, read: Int64) -> Moment? {
        let at = read == Self.none ? pages[(id - 1) / pageSize] : read
        return at == Self.none ? nil : Moment(nanoseconds: at)
    }

    /// Reads held: of issues read and not claimed.
    var heldReads: Int {
        reads.valueCount
    }
}
