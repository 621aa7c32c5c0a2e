/// An issue-processing engine: lists a repository's issues through the API, analyses each one,
/// applies the writes the work plan asks for, and delivers each result to the sink exactly once.
///
/// Engines talk to the world only through the job: the API client, the clock and the sink. They use
/// structured concurrency only (task groups, `async let`), and no clock but the job's.
public protocol IssueEngine: Sendable {
    /// The engine's name on the command line and in scenarios: "phase1".
    static var name: String { get }
    /// One line on the design it implements, for `issuebench list`.
    static var summary: String { get }
    /// Its tunables, with defaults and ranges.
    static var parameters: [ParameterSpec] { get }

    init(tuning: Tuning)

    /// Processes every issue of the job's repository. Throws `EngineFailure` when it gives up
    /// (retry budget spent); the trial is then failed with that reason.
    func run(_ job: Job) async throws
}

/// Which per-issue calls the workload asks for, and the synthetic CPU cost of each analysis.
public struct WorkPlan: Sendable, Equatable {
    /// `GET /issues/N` for each issue (otherwise the listing's copy is analysed).
    public var readIssue: Bool
    /// `GET /issues/N/comments`, whose comments go into the analysis.
    public var readComments: Bool
    /// Apply the result's label.
    public var writeLabel: Bool
    /// Post `Analysis.commentBody(for:)` as a comment.
    public var writeComment: Bool
    /// CPU time charged per analysis on top of the real work (`work.analysisMicros`).
    public var analysisCPU: Span

    public init(readIssue: Bool, readComments: Bool, writeLabel: Bool, writeComment: Bool, analysisCPU: Span) {
        self.readIssue = readIssue
        self.readComments = readComments
        self.writeLabel = writeLabel
        self.writeComment = writeComment
        self.analysisCPU = analysisCPU
    }
}

/// Everything an engine may use during a run.
public struct Job: Sendable {
    public var api: any IssueAPI
    public var clock: any HarnessClock
    public var sink: any ResultSink
    public var work: WorkPlan

    public init(api: any IssueAPI, clock: any HarnessClock, sink: any ResultSink, work: WorkPlan) {
        self.api = api
        self.clock = clock
        self.sink = sink
        self.work = work
    }

    /// Runs the shared analysis and charges the work plan's CPU cost on the job's clock.
    public func analyze(_ issue: Issue, comments: [Comment]) async throws -> IssueResult {
        let result = Analysis.analyze(issue, comments: work.readComments ? comments : [])
        if work.analysisCPU > .zero { try await clock.spendCPU(work.analysisCPU) }
        return result
    }

    /// The write requests the work plan asks for, for one result.
    public func writes(for result: IssueResult) -> [APIRequest] {
        var requests: [APIRequest] = []
        if work.writeLabel { requests.append(.addLabel(result.id, label: result.label.name)) }
        if work.writeComment { requests.append(.addComment(result.id, body: Analysis.commentBody(for: result))) }
        return requests
    }
}

/// An engine gave up; `message` says on what and why, e.g.
/// "gave up on GET /issues/17 after 3 attempts: 503 Service Unavailable".
public struct EngineFailure: Error, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
