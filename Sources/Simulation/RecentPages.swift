import Contract

/// The listing pages the simulated API generated last, so a `GET /issues/N` that follows the
/// listing of N's page serves the issue from that page instead of generating its text again.
///
/// An engine that streams reads each issue soon after listing its page, and generating an issue
/// twice was a fifth of the host time of a zero-latency trial. The response is the same either
/// way (the corpus is a pure function of the issue id), and the held pages share their storage
/// with the responses already sent, so what this costs in memory is at most `capacityBytes` of
/// pages nobody else holds any more, and one page more: the spare.
///
/// The spare is the oldest page the last insertion dropped. The next listing writes its issues
/// over it (`Corpus.write(_:over:)`), into the same storage wherever nobody else holds it any
/// more, which saves two allocations and two frees an issue: a third of what generating an issue
/// cost (callgrind, `unlimited-fast`). Pages larger than the capacity are not kept.
struct RecentPages: Sendable {
    /// Bytes of issue text held at most: five pages of `unlimited-fast`'s issues. The spare's
    /// storage was last touched a capacity's worth of text ago, so the smaller, the likelier it
    /// is still in L2 when written over: 128 KB rather than 256 KB took a sixth of the L2 misses
    /// of an `unlimited-fast` trial away (callgrind's cache simulation with a 512 KB L2: 266,000
    /// to 216,000 for 20,000 issues). 64 KB was too few pages for phase3's workers, which then
    /// read issues whose page had gone and generated them again (100.6 M instructions instead of
    /// 87.7 M).
    static let capacityBytes = 128 * 1024

    private struct Entry: Sendable {
        var firstID: IssueID
        var issues: [Issue]
        var bytes: Int

        /// The index of issue `id` in `issues`, if it is there.
        @inline(__always)
        func index(of id: IssueID) -> Int? {
            let index = id - firstID
            return index >= 0 && index < issues.count ? index : nil
        }
    }

    /// Oldest first; a handful of pages, so a lookup scans them.
    private var entries: [Entry] = []
    private var bytes = 0
    /// A page dropped, kept for the next listing (`takeSpare`).
    private var spare: [Issue] = []
    /// The entry the last lookup found its issue in, where the next one looks first (see `issue`).
    private var lastHit = 0

    /// Keeps `issues`, the page whose first issue is `firstID`, dropping the oldest pages to make
    /// room. Returns the pages dropped, for the caller to free after the lock: freeing a hundred
    /// issues' text under it made the other core wait (a zero-latency wall-clock run spent 3 % of
    /// its time spinning on this lock).
    mutating func insert(firstID: IssueID, issues: [Issue]) -> [[Issue]] {
        let size = issues.reduce(0) { $0 + $1.byteCount }
        guard !issues.isEmpty, size <= Self.capacityBytes else { return [] }
        var dropped: [[Issue]] = []
        while bytes + size > Self.capacityBytes {
            let oldest = entries.removeFirst()
            bytes -= oldest.bytes
            dropped.append(oldest.issues)
        }
        entries.append(Entry(firstID: firstID, issues: issues, bytes: size))
        bytes += size
        if spare.isEmpty && !dropped.isEmpty { spare = dropped.removeFirst() }
        return dropped
    }

    /// The spare page, or none, for a listing to write its issues over: it is no longer here.
    mutating func takeSpare() -> [Issue] {
        defer { spare = [] }
        return spare
    }

    /// Issue `id`, if a page held has it.
    ///
    /// In the page of the last lookup first: an engine reads a page's issues one after another, so
    /// that page serves nearly every read, where a scan from the newest looked at 2.4 pages a read
    /// (those listed ahead come first): 18 instructions a request (callgrind, `unlimited-fast`:
    /// 84.04 M -> 83.67 M for 20,200 requests). Then by index, newest first: a loop over
    /// `entries.reversed()` copied each entry it looked at, retaining and releasing its page,
    /// 9 instructions a request (86.79 M -> 86.61 M). Inlined into its lock section: the call cost
    /// 20 more (85.00 M -> 84.60 M).
    @inline(__always)
    mutating func issue(_ id: IssueID) -> Issue? {
        if lastHit < entries.count, let index = entries[lastHit].index(of: id) {
            return entries[lastHit].issues[index]
        }
        var at = entries.count
        while at > 0 {
            at -= 1
            if let index = entries[at].index(of: id) {
                lastHit = at
                return entries[at].issues[index]
            }
        }
        return nil
    }
}
