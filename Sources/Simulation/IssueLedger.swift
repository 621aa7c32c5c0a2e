import Contract

/// The storage behind `APILedger`: what the simulated API did to each issue, in a few bits an
/// issue — a million-issue trial keeps it in about 450 KiB, where one of 11 bytes an issue took
/// 10.5 MiB — and records a request without allocating (once the chunks under an engine's window
/// have their slots). Lives in the API's locked state.
///
/// - What happened to each issue (read, comments read, labelled, commented, repeated) is a byte
///   of `SettlingBytes`: every issue ends in the same state, so it costs memory only for the
///   issues an engine is working on.
/// - The first label applied is 3 bits of `PackedLabels`: it decides whether a later label write
///   is redundant or another side effect, and the verifier compares it with the right one.
/// - Exact counts of repeated writes (up to 255) go in a dictionary, for the few issues written
///   twice.
/// - When work on each issue began is in `starts`: its first read until the harness claims it on
///   delivery, and each page's first listing.
struct IssueLedger: ~Copyable {
    private var states: SettlingBytes
    private var labels: PackedLabels
    private var repeats: [IssueID: Repeats] = [:]
    let starts: WorkStarts

    /// Bits of an issue's state byte.
    private enum Bit {
        /// `GET /issues/N` succeeded.
        static let issueRead: UInt8 = 1
        /// `GET /issues/N/comments` succeeded.
        static let commentsRead: UInt8 = 2
        /// A label was applied (its first is in `labels`).
        static let labelled: UInt8 = 4
        /// A comment was posted.
        static let commented: UInt8 = 8
        /// A write changed the issue again: the exact counts are in `repeats`.
        static let repeated: UInt8 = 16
    }

    /// Writes applied to an issue written more than once, each saturating at 255.
    private struct Repeats {
        var labels: UInt8
        var comments: UInt8
    }

    init(issueCount: Int, pageSize: Int) {
        states = SettlingBytes(count: issueCount)
        labels = PackedLabels(count: issueCount)
        starts = WorkStarts(issueCount: issueCount, pageSize: pageSize)
    }

    /// Issue `id`'s entry.
    func entry(_ id: IssueID) -> APILedger.Entry {
        let state = states[id - 1]
        let (labelsApplied, commentsPosted) = counts(id, state)
        return APILedger.Entry(issueRead: state & Bit.issueRead != 0, commentsRead: state & Bit.commentsRead != 0,
                               labelsApplied: labelsApplied, label: labels[id - 1],
                               commentsPosted: commentsPosted, firstRequestAt: starts.firstRequestAt(id))
    }

    /// Labels applied that changed issue `id`, and comments posted on it.
    private func counts(_ id: IssueID, _ state: UInt8) -> (labels: Int, comments: Int) {
        if state & Bit.repeated != 0, let repeats = repeats[id] { return (Int(repeats.labels), Int(repeats.comments)) }
        return (state & Bit.labelled != 0 ? 1 : 0, state & Bit.commented != 0 ? 1 : 0)
    }

    // MARK: - Recording

    mutating func recordIssueRead(_ id: IssueID, at arrival: Moment) {
        recordRead(id, Bit.issueRead, at: arrival)
    }

    mutating func recordCommentsRead(_ id: IssueID, at arrival: Moment) {
        recordRead(id, Bit.commentsRead, at: arrival)
    }

    /// What a label write did to an issue.
    enum LabelChange {
        /// The issue's first label.
        case first
        /// The issue had this label already: adding a label is idempotent, nothing changed.
        case redundant
        /// The issue had another label: a second side effect.
        case another
    }

    /// Records a label write applied to issue `id`.
    mutating func recordLabel(_ id: IssueID, _ label: Label) -> LabelChange {
        if states[id - 1] & Bit.labelled != 0, labels[id - 1] == label { return .redundant }
        guard countWrite(id, Bit.labelled, \.labels) else {
            labels[id - 1] = label
            return .first
        }
        return .another
    }

    /// Comments posted on issue `id` (saturating at 255).
    func commentsPosted(_ id: IssueID) -> Int {
        counts(id, states[id - 1]).comments
    }

    /// Records a comment write; returns whether one was applied before (a duplicate).
    mutating func recordComment(_ id: IssueID) -> Bool {
        countWrite(id, Bit.commented, \.comments)
    }

    mutating func recordPageListed(_ page: Int, at response: Moment) {
        starts.recordPageListed(page, at: response)
    }

    /// Marks a successful read; the first read of either kind dates the start of work on the issue.
    private mutating func recordRead(_ id: IssueID, _ bit: UInt8, at arrival: Moment) {
        let before = states.insert(bits: bit, at: id - 1)
        if before & (Bit.issueRead | Bit.commentsRead) == 0 { starts.recordFirstRead(id, at: arrival) }
    }

    /// Counts a write that changed issue `id`: the first of its kind sets `bit`; a second moves
    /// the issue's counts to `repeats`, where every later write of either kind is counted.
    /// Returns whether one of its kind was applied before.
    private mutating func countWrite(_ id: IssueID, _ bit: UInt8, _ counter: WritableKeyPath<Repeats, UInt8>) -> Bool {
        var state = states[id - 1]
        let before = state & bit != 0
        if before, state & Bit.repeated == 0 {
            let (labels, comments) = counts(id, state)
            repeats[id] = Repeats(labels: UInt8(labels), comments: UInt8(comments))
            state |= Bit.repeated
        }
        states[id - 1] = state | bit
        if state & Bit.repeated != 0 { Self.bump(&repeats[id]![keyPath: counter]) }
        return before
    }

    /// Adds one to a saturating counter.
    private static func bump(_ count: inout UInt8) {
        if count < .max { count += 1 }
    }
}
