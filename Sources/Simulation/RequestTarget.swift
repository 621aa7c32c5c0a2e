import Contract

/// What a request asks for, worked out before the lock: its kind, the page or issue it is about,
/// its slot in the attempt table, and whether it is invalid.
struct RequestTarget {
    /// Kinds of request; the raw value offsets `StreamTag.request` and picks an issue's attempt slot.
    enum Kind: UInt64 {
        case getIssue, listComments, batchGet, addLabel, addComment, listIssues

        /// Per-issue kinds, each with an attempt slot per issue.
        static let perIssue = 5
    }

    let kind: Kind
    /// The page, the issue id, or a batch's first id: with the attempt number, it keys the
    /// request's random stream.
    let key: Int
    /// Index in the attempt table; `nil` for an invalid request or a page out of range, which are
    /// not tracked.
    let slot: Int?
    /// The label an `addLabel` applies.
    let label: Label?
    /// Set when the request cannot succeed; answered after its latency, like a real API.
    let problem: Problem?

    /// Why a request cannot succeed: the `SimulatedFailure` it brings on itself, in plain values
    /// (an unknown label's name stays in the request), so that dropping a target needs no look at
    /// it. An optional `SimulatedFailure`, which may hold a string, cost 47 instructions a request to
    /// destroy and to pass around (callgrind, `unlimited-fast`: 90.27 M -> 89.32 M for 20,200 requests).
    enum Problem {
        case issueNotFound(IssueID, issueCount: Int)
        case noBatchEndpoint
        case batchSize(Int, maxItems: Int)
        case unknownLabel

        /// The failure that `request`, whose problem this is, is answered with.
        func failure(of request: APIRequest) -> SimulatedFailure {
            switch self {
            case let .issueNotFound(id, issueCount): return .issueNotFound(id, issueCount: issueCount)
            case .noBatchEndpoint: return .noBatchEndpoint
            case let .batchSize(count, maxItems): return .batchSize(count, maxItems: maxItems)
            case .unknownLabel:
                guard case .addLabel(_, let name) = request else {
                    preconditionFailure("\(request.summary) has no label, so no unknown one")
                }
                return .unknownLabel(name)
            }
        }
    }

    /// `Label` names by raw value, made once: `Label.name` builds a string on every call.
    private static let labelNames = Label.allCases.map(\.name)

    /// `request`'s target in a repository of `issueCount` issues listed in `lastPage` pages, with a
    /// batch endpoint taking up to `batchMaxItems` ids (0: none).
    ///
    /// The three figures, not `APIRules`: a call that passed the rules copied all of them (328
    /// bytes, a `memcpy` of 64 instructions) on every request, and so did a local function that
    /// captured them.
    ///
    /// Forced inline into `SimulatedGitHub.sendAtOnce` and `send` (`@inline(__always)` is a hint):
    /// called, it cost 41 instructions a request (callgrind, `unlimited-fast`: 85.71 M -> 84.88 M
    /// for 20,200 requests).
    ///
    /// `missing` returns the problem rather than setting it: a local function that set a captured
    /// `var problem` (passed to `forEach` as a closure) left the variable boxed, and some inlining
    /// decisions left dynamic exclusivity checks on it (`swift_beginAccess`), 76 instructions a
    /// request; where they did not, returning it still saved 8 (callgrind, `unlimited-fast`:
    /// 84.20 M -> 84.04 M for 20,200 requests).
    @inline(always)
    init(_ request: APIRequest, issueCount: Int, lastPage: Int, batchMaxItems: Int) {
        var label: Label?
        var problem: Problem?
        func missing(_ id: IssueID) -> Problem? {
            id < 1 || id > issueCount ? .issueNotFound(id, issueCount: issueCount) : nil
        }
        switch request {
        case .listIssues(let page):
            kind = .listIssues
            key = page
        case .getIssue(let id):
            (kind, key) = (.getIssue, id)
            problem = missing(id)
        case .listComments(let id):
            (kind, key) = (.listComments, id)
            problem = missing(id)
        case .batchGet(let ids):
            (kind, key) = (.batchGet, ids.first ?? 0)
            if batchMaxItems == 0 {
                problem = .noBatchEndpoint
            } else if !(1...batchMaxItems).contains(ids.count) {
                problem = .batchSize(ids.count, maxItems: batchMaxItems)
            } else {
                problem = ids.lazy.compactMap(missing).first
            }
        case .addLabel(let id, let name):
            (kind, key) = (.addLabel, id)
            problem = missing(id)
            label = Self.labelNames.firstIndex(of: name).flatMap { Label(rawValue: UInt8($0)) }
            if label == nil, problem == nil { problem = .unknownLabel }
        case .addComment(let id, _):
            (kind, key) = (.addComment, id)
            problem = missing(id)
        }
        self.label = label
        self.problem = problem
        if problem != nil {
            slot = nil
        } else if kind == .listIssues {
            // Pages come after every issue's slots.
            slot = key >= 1 && key <= lastPage ? issueCount * Kind.perIssue + key - 1 : nil
        } else {
            // Kind by kind, so that the slots of the issues an engine works on sit together and
            // the rest of the table stays settled (see `AttemptTable`).
            slot = Int(kind.rawValue) * issueCount + key - 1
        }
    }
}
