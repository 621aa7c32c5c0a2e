import Contract

/// The storage behind `APILedger`: what the simulated API did to each issue, in compact arrays
/// indexed by `id − 1` — 11 bytes per issue, so a ten-million-issue trial keeps it in about
/// 110 MB and records a request without allocating. Lives in the API's locked state.
struct IssueLedger {
    let pageSize: Int
    /// Bit 0: `GET /issues/N` succeeded; bit 1: its comments were read; bits 2...4: the first
    /// label applied, as `Label.rawValue + 1` (0: none).
    private var flags: [UInt8]
    /// Labels applied that changed the issue: its first, and each different one after it,
    /// saturating at 255 (`APICounters.duplicateWrites` counts exactly).
    private var labels: [UInt8]
    /// Comment writes applied, saturating at 255.
    private var comments: [UInt8]
    /// Arrival of the first successful per-issue read, in nanoseconds; `Int64.min` for none.
    private var firstReadAt: [Int64]
    /// When each listing page was first answered successfully; `Int64.min` for never.
    private var pageListedAt: [Int64]

    static let none = Int64.min

    init(issueCount: Int, pageSize: Int) {
        self.pageSize = pageSize
        flags = Array(repeating: 0, count: issueCount)
        labels = Array(repeating: 0, count: issueCount)
        comments = Array(repeating: 0, count: issueCount)
        firstReadAt = Array(repeating: Self.none, count: issueCount)
        pageListedAt = Array(repeating: Self.none, count: (issueCount + pageSize - 1) / pageSize)
    }

    /// Issue `id`'s entry.
    func entry(_ id: IssueID) -> APILedger.Entry {
        let i = id - 1
        let flag = flags[i]
        let labelCode = flag >> 2 & 7
        return APILedger.Entry(issueRead: flag & 1 != 0, commentsRead: flag & 2 != 0, labelsApplied: Int(labels[i]),
                               label: labelCode == 0 ? nil : Label(rawValue: labelCode - 1),
                               commentsPosted: Int(comments[i]), firstRequestAt: firstRequestAt(id))
    }

    /// When work on issue `id` began: its first successful read, else its listing page's response.
    func firstRequestAt(_ id: IssueID) -> Moment? {
        var at = firstReadAt[id - 1]
        if at == Self.none { at = pageListedAt[(id - 1) / pageSize] }
        return at == Self.none ? nil : Moment(nanoseconds: at)
    }

    // MARK: - Recording

    mutating func recordIssueRead(_ id: IssueID, at arrival: Moment) {
        flags[id - 1] |= 1
        recordRead(id, at: arrival)
    }

    mutating func recordCommentsRead(_ id: IssueID, at arrival: Moment) {
        flags[id - 1] |= 2
        recordRead(id, at: arrival)
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
        let i = id - 1
        let code = label.rawValue + 1
        switch flags[i] >> 2 & 7 {
        case 0:
            flags[i] |= code << 2
            labels[i] = 1
            return .first
        case code:
            return .redundant
        default:
            _ = Self.bump(&labels[i])
            return .another
        }
    }

    /// Comments posted on issue `id` (saturating at 255).
    func commentsPosted(_ id: IssueID) -> Int { Int(comments[id - 1]) }

    /// Records a comment write; returns whether one was applied before (a duplicate).
    mutating func recordComment(_ id: IssueID) -> Bool {
        Self.bump(&comments[id - 1])
    }

    mutating func recordPageListed(_ page: Int, at response: Moment) {
        if pageListedAt[page - 1] == Self.none { pageListedAt[page - 1] = response.nanoseconds }
    }

    private mutating func recordRead(_ id: IssueID, at arrival: Moment) {
        if firstReadAt[id - 1] == Self.none { firstReadAt[id - 1] = arrival.nanoseconds }
    }

    /// Adds one to a saturating counter; returns whether it was above 0.
    private static func bump(_ count: inout UInt8) -> Bool {
        defer { if count < .max { count += 1 } }
        return count > 0
    }
}
