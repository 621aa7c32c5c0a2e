import Contract
@testable import Harness
import Scenario
import Simulation
import Synchronization
import Testing

/// The verifier against results and API calls made by hand: each fault is named with its count
/// and ids, from the sink's few bits an issue and the API's ledger.
@Suite struct VerifierTests {
    /// A clock that moves only when told.
    final class StepClock: HarnessClock {
        private let current = Mutex(Moment.origin)
        func now() -> Moment { current.withLock { $0 } }
        func sleep(until deadline: Moment) async throws { current.withLock { $0 = max($0, deadline) } }
        func spendCPU(_ span: Span) async throws { advance(by: span) }
        func advance(by span: Span) { current.withLock { $0 = $0 + span } }
    }

    /// 20 issues in pages of 10, read with their comments, labelled.
    static let scenario: Scenario = {
        var issues = IssueSpec(counts: [Trial.issues])
        issues.pageSize = 10
        issues.bodyBytes = .fixed(200)
        issues.commentsPerIssue = .fixed(1)
        issues.commentBytes = .fixed(50)
        return Scenario(name: "verifier-test", seed: 5, issues: issues)
    }()

    struct Trial {
        static let issues = 20
        let clock = StepClock()
        let api: SimulatedGitHub
        let sink: VerifyingSink
        let corpus: Corpus

        init() {
            api = SimulatedGitHub(scenario: VerifierTests.scenario, issueCount: Self.issues, clock: clock)
            sink = VerifyingSink(issueCount: Self.issues, clock: clock, api: api)
            corpus = api.corpus
        }

        func send(_ request: APIRequest) async throws {
            _ = try await api.send(request, over: Connection(id: 0, endpoint: 0))
        }

        func result(_ id: IssueID) -> IssueResult {
            Analysis.analyze(corpus.issue(id), comments: corpus.comments(id))
        }

        /// Reads, labels and delivers issue `id` as a correct engine would.
        func process(_ id: IssueID, read: Bool = true, label: Label? = nil, result: IssueResult? = nil) async throws {
            let right = self.result(id)
            if read {
                try await send(.getIssue(id))
                try await send(.listComments(id))
            }
            try await send(.addLabel(id, label: (label ?? right.label).name))
            sink.deliver(result ?? right)
        }

        func verdict() -> String? {
            Verifier(scenario: VerifierTests.scenario, issues: Self.issues).check(sink: sink, ledger: api.ledger()).problem
        }
    }

    @Test func aCorrectRunPasses() async throws {
        let trial = Trial()
        for id in 1...20 { try await trial.process(id) }
        #expect(trial.verdict() == nil)
    }

    @Test func everyFaultIsNamedWithItsIds() async throws {
        let trial = Trial()
        for id in 1...20 where id != 7 {
            var result = trial.result(id)
            if id == 3 || id == 12 { result.score &+= 1 }
            let label: Label? = id == 11 ? (result.label == .bug ? .triage : .bug) : nil
            try await trial.process(id, read: id != 9, label: label, result: result)
        }
        trial.sink.deliver(trial.result(5))
        trial.sink.deliver(trial.result(21))
        try await trial.send(.addLabel(8, label: (trial.result(8).label == .bug ? Label.triage : .bug).name))
        #expect(trial.verdict() == """
            1 issue(s) never delivered (ids 7); 2 wrong result(s) (ids 3, 12); \
            1 issue(s) analysed without the required GET /issues/N (ids 9); \
            1 issue(s) analysed without the required GET /issues/N/comments (ids 9); \
            1 label(s) written more than once (ids 8); 1 issue(s) labelled wrongly (ids 11); \
            1 duplicate deliveries (ids 5); 1 deliveries for issues that do not exist (ids 21)
            """)
    }

    /// Latency runs from an issue's first read, or else its page's listing, to its delivery; the
    /// API's ledger forgets the read once the sink used it.
    @Test func latencyRunsFromTheFirstReadOrTheListingToTheDelivery() async throws {
        let trial = Trial()
        try await trial.send(.listIssues(page: 1))
        trial.clock.advance(by: .milliseconds(2))
        try await trial.process(1)
        trial.clock.advance(by: .milliseconds(3))
        trial.sink.deliver(trial.result(2))
        trial.clock.advance(by: .milliseconds(1))
        try await trial.send(.getIssue(3))
        trial.clock.advance(by: .milliseconds(4))
        trial.sink.deliver(trial.result(3))
        let latency = trial.sink.snapshot().latency
        #expect(latency.count == 3)
        #expect(latency.min == 0 && latency.max == 5_000_000)
        #expect(trial.api.ledger().heldReads == 0)
    }

    /// The sink claims starts a batch at a time: what it holds of them is bounded by the batch,
    /// not by the issues delivered.
    @Test func startsAreClaimedABatchAtATime() async throws {
        let clock = StepClock()
        let count = VerifyingSink.claimBatch + 10
        let api = SimulatedGitHub(scenario: VerifierTests.scenario, issueCount: count, clock: clock)
        let sink = VerifyingSink(issueCount: count, clock: clock, api: api)
        for id in 1...count {
            _ = try await api.send(.getIssue(id), over: Connection(id: 0, endpoint: 0))
            clock.advance(by: .milliseconds(1))
            sink.deliver(IssueResult(id: id, label: .bug, score: 0, fingerprint: 0))
        }
        #expect(api.ledger().heldReads == 10)
        #expect(sink.snapshot().latency.count == count)
        #expect(sink.snapshot().latency.max == 1_000_000)
        #expect(api.ledger().heldReads == 0)
    }
}
